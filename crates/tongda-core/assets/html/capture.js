// First script of every tongda page: collects errors (uncaught exceptions,
// console.error, blocked loads) so that the page's state element reports them.
window.tongdaErrors = [];
window.addEventListener("error", function (e) {
  window.tongdaErrors.push("error: " + (e.message || (e.target && e.target.outerHTML) || e));
}, true);
window.addEventListener("unhandledrejection", function (e) {
  window.tongdaErrors.push("unhandled rejection: " + e.reason);
});
document.addEventListener("securitypolicyviolation", function (e) {
  window.tongdaErrors.push("blocked by the page's policy: " + e.blockedURI + " (" + e.violatedDirective + ")");
});
(function () {
  var original = console.error;
  console.error = function () {
    window.tongdaErrors.push("console.error: " + Array.prototype.join.call(arguments, " "));
    return original.apply(console, arguments);
  };
})();
