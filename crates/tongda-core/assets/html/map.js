// tongda HTML reports: pan and zoom of the inline SVG map, goal and pair
// selection, and the page's state for tests (#tongda-state). No library, no
// network: everything the page shows is already in the document.
(function () {
  "use strict";
  var svg = document.getElementById("map");
  if (svg) interactive(svg);
  function interactive(svg) {
    var full = svg.viewBox.baseVal;
    var home = { x: full.x, y: full.y, w: full.width, h: full.height };
    var vb = { x: home.x, y: home.y, w: home.w, h: home.h };

    function apply() {
      svg.setAttribute("viewBox", [vb.x, vb.y, vb.w, vb.h].map(function (v) { return v.toFixed(2); }).join(" "));
      var z = home.w / vb.w;
      svg.style.setProperty("--z", z.toFixed(3));
      svg.classList.toggle("z15", z >= 1.5);
      svg.classList.toggle("z2", z >= 2);
    }
    function toMap(clientX, clientY) {
      var m = svg.getScreenCTM();
      if (!m) return { x: vb.x + vb.w / 2, y: vb.y + vb.h / 2 };
      var p = svg.createSVGPoint();
      p.x = clientX; p.y = clientY;
      var q = p.matrixTransform(m.inverse());
      return { x: q.x, y: q.y };
    }
    function zoom(f, at) {
      var z = home.w / (vb.w / f);
      if (z < 0.5 || z > 40) return;
      vb.x = at.x - (at.x - vb.x) / f;
      vb.y = at.y - (at.y - vb.y) / f;
      vb.w /= f; vb.h /= f;
      apply();
    }
    function centre() { return { x: vb.x + vb.w / 2, y: vb.y + vb.h / 2 }; }
    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      zoom(Math.exp(-e.deltaY * 0.0015), toMap(e.clientX, e.clientY));
    }, { passive: false });
    svg.addEventListener("dblclick", function (e) { zoom(2, toMap(e.clientX, e.clientY)); });
    var drag = null, moved = false;
    svg.addEventListener("pointerdown", function (e) {
      drag = { x: e.clientX, y: e.clientY, vx: vb.x, vy: vb.y };
      moved = false;
    });
    window.addEventListener("pointermove", function (e) {
      if (!drag) return;
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      moved = true;
      svg.classList.add("drag");
      var r = svg.getBoundingClientRect();
      var s = Math.max(vb.w / r.width, vb.h / r.height);
      vb.x = drag.vx - dx * s; vb.y = drag.vy - dy * s;
      apply();
    });
    window.addEventListener("pointerup", function () { drag = null; svg.classList.remove("drag"); });
    function button(id, f) {
      var b = document.getElementById(id);
      if (b) b.addEventListener("click", f);
    }
    button("zin", function () { zoom(1.6, centre()); });
    button("zout", function () { zoom(1 / 1.6, centre()); });
    button("zhome", function () { vb = { x: home.x, y: home.y, w: home.w, h: home.h }; apply(); });

    // Goal selection: highlight the goal's pairs and show its pair table.
    function all(sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); }
    var selected = null;
    function selectGoal(g) {
      selected = selected === g ? null : g;
      svg.classList.toggle("sel", selected !== null);
      all(".pair").forEach(function (p) { p.classList.toggle("on", p.getAttribute("data-g") === selected); });
      all("tr.goal").forEach(function (r) { r.classList.toggle("on", r.getAttribute("data-g") === selected); });
      all(".goal-pairs").forEach(function (d) { d.hidden = d.getAttribute("data-g") !== selected; });
      showPair(null, null);
    }
    // Pair selection: its legs, the projects it relies on and its bottleneck.
    function showPair(g, p) {
      var id = g === null ? null : "pd-" + g + "-" + p;
      all(".pd").forEach(function (d) { d.hidden = d.id !== id; });
      all(".pair").forEach(function (e) {
        e.classList.toggle("hl", id !== null && e.getAttribute("data-g") === g && e.getAttribute("data-p") === p);
      });
      all("tr.pair").forEach(function (r) {
        r.classList.toggle("on", id !== null && r.getAttribute("data-g") === g && r.getAttribute("data-p") === p);
      });
      var d = id && document.getElementById(id);
      if (d) d.scrollIntoView({ block: "nearest" });
    }
    // Rows answer clicks and, for keyboards, Enter and Space.
    function activate(r, f) {
      r.addEventListener("click", f);
      r.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); f(); }
      });
    }
    all("tr.goal").forEach(function (r) {
      activate(r, function () { selectGoal(r.getAttribute("data-g")); });
    });
    all("tr.pair").forEach(function (r) {
      activate(r, function () { showPair(r.getAttribute("data-g"), r.getAttribute("data-p")); });
    });
    all(".pair").forEach(function (e) {
      e.addEventListener("click", function (ev) {
        if (moved) return;
        ev.stopPropagation();
        var g = e.getAttribute("data-g");
        if (selected !== g) selectGoal(g);
        showPair(g, e.getAttribute("data-p"));
      });
    });
    // A goal named in the address (report.html#G2) is selected on opening.
    var wanted = decodeURIComponent(location.hash.replace(/^#/, ""));
    all("tr.goal").forEach(function (r) {
      if (wanted && r.getAttribute("data-id") === wanted) selectGoal(r.getAttribute("data-g"));
    });
    apply();
  }

  // The page's state, for tests and for the curious: what was drawn, how the
  // first failing and passing paths are stroked, errors, and every resource
  // the page loaded (there should be none).
  function count(sel) { return document.querySelectorAll(sel).length; }
  function stroke(sel) {
    var e = document.querySelector(sel);
    return e ? getComputedStyle(e).stroke : null;
  }
  // first_frame_ms: time from navigation start to the end of the first
  // animation frame after the document was parsed (two requestAnimationFrame
  // callbacks), a stand-in for the first paint where the browser reports no
  // paint entries (headless Chromium).
  function report(frameMs) {
    var paint = performance.getEntriesByType("paint").map(function (p) {
      return { name: p.name, ms: Math.round(p.startTime) };
    });
    var state = {
      ready: true,
      errors: window.tongdaErrors || [],
      resources: performance.getEntriesByType("resource").map(function (r) { return r.name; }),
      paint: paint,
      parsed_ms: parsedMs,
      first_frame_ms: frameMs,
      drawn: {
        pair: count("#map .pair"), pair_fail: count("#map .pair.fail"), pair_pass: count("#map .pair.pass"),
        chg: count("#map .chg"), band: count("#map .band"), place: count("#map circle.place"),
        net: count("#map .net"), added: count("#map .added"), removed: count("#map .removed"),
          cell: count("#chart .cell"), cell_pass: count("#chart .cell.pass")
      },
      stroke: { fail: stroke("#map .pair.fail"), pass: stroke("#map .pair.pass") },
      fail_goal_stroke: stroke("#map .pair.fail[data-goal-pass=false]")
    };
    var el = document.getElementById("tongda-state");
    if (el) el.textContent = JSON.stringify(state);
  }
  var parsedMs = Math.round(performance.now());
  report(null);
  requestAnimationFrame(function () {
    requestAnimationFrame(function () { report(Math.round(performance.now())); });
  });
})();
