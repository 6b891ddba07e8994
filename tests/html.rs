//! The HTML reports (report.html, compare.html, isochrone pages): one file
//! each with nothing to fetch, the same bytes at any thread count, and — in a
//! real headless Chromium with networking disabled — no errors, one drawn
//! path per goal pair, failing paths red, and a screenshot that is not blank.
//!
//! The browser test needs Debian's `chromium` (or `TONGDA_CHROMIUM=/path`).
//! Without it the test is skipped with a loud message, except under CI
//! (`CI=true`), where a missing browser fails it: `.ci/run` installs it.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

fn tongda(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_tongda"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run tongda");
    assert!(
        out.status.success(),
        "tongda {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn tmp(tag: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("html")
        .join(tag);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Every HTML output, made once for all tests of this file.
struct Outputs {
    run: PathBuf,
    compare: PathBuf,
    iso: PathBuf,
    batch: PathBuf,
    timeline: PathBuf,
}

impl Outputs {
    fn report(&self) -> PathBuf {
        self.run.join("report.html")
    }
    fn compare(&self) -> PathBuf {
        self.compare.join("compare.html")
    }
    fn iso(&self) -> PathBuf {
        self.iso.join("chengdu.html")
    }
    fn pages(&self) -> Vec<PathBuf> {
        vec![
            self.report(),
            self.compare(),
            self.iso(),
            self.batch.join("suining.html"),
            self.batch.join("index.html"),
            self.timeline.join("timeline.html"),
        ]
    }
}

fn outputs() -> &'static Outputs {
    static OUT: OnceLock<Outputs> = OnceLock::new();
    OUT.get_or_init(|| {
        let run = tmp("run");
        tongda(&[
            "run",
            "scenarios/plan-2027.toml",
            "--out",
            run.to_str().unwrap(),
        ]);
        let compare = tmp("compare");
        tongda(&[
            "compare",
            "scenarios/baseline-2024.toml",
            "scenarios/plan-2030.toml",
            "--out",
            compare.to_str().unwrap(),
        ]);
        let iso = tmp("iso");
        tongda(&[
            "isochrone",
            "--origin",
            "成都",
            "--scenario",
            "plan-2030",
            "--html",
            "--out",
            iso.join("chengdu.geojson").to_str().unwrap(),
        ]);
        let batch = tmp("batch");
        let list = batch.join("origins.txt");
        std::fs::write(&list, "suining\n# a comment\nwanzhou\n").unwrap();
        tongda(&[
            "isochrones",
            "--origins",
            list.to_str().unwrap(),
            "--scenario",
            "plan-2030",
            "--html",
            "--out",
            batch.to_str().unwrap(),
        ]);
        let timeline = tmp("timeline");
        tongda(&[
            "timeline",
            "--from",
            "2024",
            "--to",
            "2030",
            "--html",
            timeline.join("timeline.html").to_str().unwrap(),
        ]);
        Outputs {
            run,
            compare,
            iso,
            batch,
            timeline,
        }
    })
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn json(p: &Path) -> Value {
    serde_json::from_str(&read(p)).unwrap()
}

/// Everything in a page that could make a browser load something, with what
/// follows it (for the message).
fn loads(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    for pat in [
        "src=",
        "href=",
        "url(",
        "@import",
        "fetch(",
        "xmlhttprequest",
        "import(",
        "<link",
        "<iframe",
        "<img",
        "<object",
        "<embed",
        "worker(",
        "websocket",
        "eventsource",
        "sendbeacon",
        "srcset",
        "http://",
        "https://",
        "//cdn",
    ] {
        for (i, _) in lower.match_indices(pat) {
            let end = (i + 60).min(html.len());
            let end = (end..=html.len())
                .find(|&e| html.is_char_boundary(e))
                .unwrap();
            found.push(html[i..end].to_string());
        }
    }
    found
}

#[test]
fn html_pages_load_nothing_and_report_html_is_under_2_mb() {
    let o = outputs();
    for page in o.pages() {
        let html = read(&page);
        assert!(
            html.contains("Content-Security-Policy\" content=\"default-src 'none';"),
            "{}: the policy that forbids every fetch is missing",
            page.display()
        );
        let found = loads(&html);
        // The batch index links to its pages (relative names: a click, not a load).
        let local = |s: &String| {
            s.starts_with("href=\"")
                && !s.contains("//")
                && s["href=\"".len()..]
                    .split('"')
                    .next()
                    .unwrap()
                    .ends_with(".html")
        };
        let bad: Vec<&String> = found.iter().filter(|s| !local(s)).collect();
        assert!(
            bad.is_empty(),
            "{} would load something: {bad:?}",
            page.display()
        );
    }
    // Links in the index point at pages that exist.
    let index = read(&o.batch.join("index.html"));
    for name in ["suining.html", "cq_wanzhou.html"] {
        assert!(index.contains(&format!("href=\"{name}\"")), "{name}");
        assert!(o.batch.join(name).is_file(), "{name}");
    }
    let size = std::fs::metadata(o.report()).unwrap().len();
    assert!(
        size < 2_000_000,
        "report.html for plan-2027 is {size} bytes"
    );
}

#[test]
fn report_html_has_the_goal_table_and_each_pair_with_both_measures() {
    let o = outputs();
    let html = read(&o.report());
    let report = json(&o.run.join("report.json"));
    let goals = report["goals"].as_array().unwrap();
    for (i, g) in goals.iter().enumerate() {
        assert!(
            html.contains(&format!("<tr class=\"goal\" tabindex=\"0\" data-g=\"{i}\"")),
            "goal row {}",
            g["id"]
        );
        for (j, p) in g["pairs"].as_array().unwrap().iter().enumerate() {
            assert!(
                html.contains(&format!("id=\"pd-{i}-{j}\"")),
                "pair detail {i}-{j}"
            );
            let both = format!(
                "in-vehicle {:.1} min · door-to-door {:.1} min",
                p["in_vehicle_min"].as_f64().unwrap(),
                p["door_to_door_min"].as_f64().unwrap()
            );
            assert!(html.contains(&both), "{both}");
        }
    }
    // G1 in 2027 relies on 成渝中线高铁, and its path is labelled as not open today.
    assert!(html.contains("成渝中线"), "the 2027 project is named");
    assert!(
        html.contains("class=\"net m-hsr fut\""),
        "projects not open today are dashed"
    );
}

#[test]
fn report_and_compare_html_are_byte_identical_at_1_and_2_threads() {
    let mut pages = Vec::new();
    for threads in ["1", "2"] {
        let d = tmp(&format!("threads-{threads}"));
        tongda(&[
            "run",
            "scenarios/plan-2027.toml",
            "--threads",
            threads,
            "--out",
            d.to_str().unwrap(),
        ]);
        tongda(&[
            "compare",
            "scenarios/baseline-2024.toml",
            "scenarios/plan-2030.toml",
            "--threads",
            threads,
            "--out",
            d.to_str().unwrap(),
        ]);
        pages.push((
            std::fs::read(d.join("report.html")).unwrap(),
            std::fs::read(d.join("compare.html")).unwrap(),
        ));
    }
    assert!(
        pages[0].0 == pages[1].0,
        "report.html differs between 1 and 2 threads"
    );
    assert!(
        pages[0].1 == pages[1].1,
        "compare.html differs between 1 and 2 threads"
    );
}

// ---------------------------------------------------------------------------
// In a real browser.

fn chromium() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("TONGDA_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// What the page reported about itself (its `#tongda-state` element, after
/// the load event) and the path of its screenshot.
struct Seen {
    state: Value,
    png: PathBuf,
}

/// Loads `page` from disk in headless Chromium with networking disabled
/// (every host unresolvable, a dead proxy, no background services), dumps the
/// DOM and takes a screenshot in the same run.
fn open(browser: &Path, page: &Path, dir: &Path) -> Seen {
    let stem = page.file_stem().unwrap().to_string_lossy().into_owned();
    let png = dir.join(format!("{stem}.png"));
    let profile = dir.join(format!("profile-{stem}"));
    let url = format!("file://{}", page.canonicalize().unwrap().display());
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-extensions",
            "--disable-sync",
            "--disable-background-networking",
            "--disable-component-update",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=127.0.0.1:9",
            "--window-size=1200,800",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .expect("start chromium");
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = "<pre id=\"tongda-state\">";
    let text = dom
        .split(start)
        .nth(1)
        .and_then(|s| s.split("</pre>").next())
        .unwrap_or_else(|| {
            panic!(
                "{url}: no state in the dumped DOM (exit {:?}); stderr:\n{}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            )
        });
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    let state: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{url}: state {text}: {e}"));
    Seen { state, png }
}

/// Share of pixels that are not the page background (white, #fff: any channel
/// below 250; the region's shading #f6f4ee counts as drawn), and share of
/// pixels close to `rgb`.
fn pixels(png: &Path, rgb: [u8; 3]) -> (f64, f64) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png).unwrap_or_else(|e| panic!("{}: {e}", png.display())),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    assert!(channels >= 3, "{:?}", info.color_type);
    let px = &buf[..info.buffer_size()];
    let (mut ink, mut near, mut n) = (0usize, 0usize, 0usize);
    for p in px.chunks_exact(channels) {
        n += 1;
        if p[0] < 250 || p[1] < 250 || p[2] < 250 {
            ink += 1;
        }
        if (0..3).all(|i| (i32::from(p[i]) - i32::from(rgb[i])).abs() <= 30) {
            near += 1;
        }
    }
    let (ink, near) = (ink as f64 / n as f64, near as f64 / n as f64);
    eprintln!(
        "{}: {ink:.3} of the pixels drawn, {near:.4} close to {rgb:?}",
        png.display()
    );
    (ink, near)
}

/// A page opened in headless Chromium driven through its DevTools protocol
/// over a pipe (`--remote-debugging-pipe`: Chromium reads fd 3 and writes
/// fd 4, NUL-separated JSON), networking disabled. A watchdog kills the
/// browser after 60 s; dropping the page ends it.
#[cfg(unix)]
struct Page {
    child: std::process::Child,
    to: std::io::PipeWriter,
    from: std::io::BufReader<std::io::PipeReader>,
    next: u64,
    session: String,
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

#[cfg(unix)]
impl Page {
    /// Starts Chromium, opens `url` and waits for its load event.
    fn open(browser: &Path, url: &str, profile: &Path) -> Page {
        use std::os::fd::AsRawFd;
        use std::os::unix::process::CommandExt;
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::Arc;

        let (to_r, to_w) = std::io::pipe().unwrap();
        let (from_r, from_w) = std::io::pipe().unwrap();
        let (fd_in, fd_out) = (to_r.as_raw_fd(), from_w.as_raw_fd());
        let mut cmd = Command::new(browser);
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=127.0.0.1:9",
            "--window-size=1400,900",
            "--remote-debugging-pipe",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("about:blank")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
        // SAFETY: only async-signal-safe calls (fcntl, dup2) between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                // Move both ends above 3 and 4 first, so neither dup2 clobbers the other.
                let a = libc::fcntl(fd_in, libc::F_DUPFD, 10);
                let b = libc::fcntl(fd_out, libc::F_DUPFD, 10);
                if a < 0 || b < 0 || libc::dup2(a, 3) < 0 || libc::dup2(b, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("start chromium");
        drop((to_r, from_w));
        let done = Arc::new(AtomicBool::new(false));
        let pid = child.id() as libc::pid_t;
        {
            let done = Arc::clone(&done);
            std::thread::spawn(move || {
                for _ in 0..600 {
                    if done.load(Ordering::Relaxed) {
                        return;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                // SAFETY: kill(2) on our own child's pid.
                unsafe { libc::kill(pid, libc::SIGKILL) };
            });
        }
        let mut page = Page {
            child,
            to: to_w,
            from: std::io::BufReader::new(from_r),
            next: 0,
            session: String::new(),
            done,
        };
        let id = page.send(
            "Target.createTarget",
            serde_json::json!({"url": "about:blank"}),
        );
        let target = page.wait(|m| m["id"] == id)["result"]["targetId"].clone();
        let id = page.send(
            "Target.attachToTarget",
            serde_json::json!({"targetId": target, "flatten": true}),
        );
        page.session = page.wait(|m| m["id"] == id)["result"]["sessionId"]
            .as_str()
            .unwrap()
            .to_string();
        let id = page.send("Page.enable", serde_json::json!({}));
        page.wait(|m| m["id"] == id);
        page.send("Page.navigate", serde_json::json!({"url": url}));
        page.wait(|m| m["method"] == "Page.loadEventFired");
        page
    }

    fn send(&mut self, method: &str, params: Value) -> u64 {
        use std::io::Write;
        self.next += 1;
        let mut m = serde_json::json!({"id": self.next, "method": method, "params": params});
        if !self.session.is_empty() {
            m["sessionId"] = Value::from(self.session.as_str());
        }
        let mut bytes = serde_json::to_vec(&m).unwrap();
        bytes.push(0);
        self.to.write_all(&bytes).expect("write to chromium");
        self.next
    }

    fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        use std::io::BufRead;
        loop {
            let mut buf = Vec::new();
            let n = self
                .from
                .read_until(0, &mut buf)
                .expect("read from chromium");
            assert!(
                n > 0,
                "chromium closed its DevTools pipe (or the watchdog killed it)"
            );
            buf.pop();
            let m: Value = serde_json::from_slice(&buf).unwrap();
            if pred(&m) {
                return m;
            }
        }
    }

    /// The value of a JavaScript expression in the page.
    fn eval(&mut self, expr: &str) -> Value {
        let id = self.send(
            "Runtime.evaluate",
            serde_json::json!({"expression": expr, "returnByValue": true}),
        );
        let r = self.wait(|m| m["id"] == id);
        assert!(
            r["result"]["exceptionDetails"].is_null(),
            "{expr}: {}",
            r["result"]["exceptionDetails"]
        );
        r["result"]["result"]["value"].clone()
    }

    /// First-contentful-paint in ms from navigation start, as Chromium itself
    /// reports it (the dump-dom run reports no paint entries); start-up is
    /// not included.
    fn first_paint_ms(&mut self) -> f64 {
        for _ in 0..50 {
            let v = self.eval(
                "(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime",
            );
            if let Some(ms) = v.as_f64() {
                return ms;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("chromium reported no first-contentful-paint");
    }
}

#[cfg(unix)]
impl Drop for Page {
    fn drop(&mut self) {
        self.done.store(true, std::sync::atomic::Ordering::Relaxed);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn count_pairs_with_path(report: &Value) -> u64 {
    let mut n = 0;
    for g in report["goals"].as_array().unwrap() {
        for p in g["pairs"].as_array().unwrap() {
            let drawn = p["legs"]
                .as_array()
                .unwrap()
                .iter()
                .any(|l| l["links"].as_array().is_some_and(|ls| !ls.is_empty()));
            n += u64::from(drawn);
        }
    }
    n
}

#[test]
fn html_pages_in_headless_chromium() {
    let Some(browser) = chromium() else {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !ci,
            "CI=true but no chromium on PATH (nor TONGDA_CHROMIUM): .ci/run must install Debian's chromium"
        );
        eprintln!(
            "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\
             SKIPPED html_pages_in_headless_chromium: no chromium on PATH.\n\
             Install it (apt-get install -y chromium) or set TONGDA_CHROMIUM=/path/to/chrome.\n\
             !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
        );
        return;
    };
    let o = outputs();
    let dir = tmp("browser");
    let pages = [
        o.report(),
        o.compare(),
        o.iso(),
        o.batch.join("index.html"),
        o.timeline.join("timeline.html"),
    ];
    // The pages in parallel: each Chromium run is mostly start-up.
    let seen: Vec<Seen> = std::thread::scope(|s| {
        let hs: Vec<_> = pages
            .iter()
            .map(|p| s.spawn(|| open(&browser, p, &dir)))
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (page, s) in pages.iter().zip(&seen) {
        let st = &s.state;
        assert_eq!(st["ready"], true, "{}: {st}", page.display());
        assert_eq!(
            st["errors"].as_array().map(Vec::len),
            Some(0),
            "{}: errors in the page: {}",
            page.display(),
            st["errors"]
        );
        assert_eq!(
            st["resources"].as_array().map(Vec::len),
            Some(0),
            "{}: the page loaded resources: {}",
            page.display(),
            st["resources"]
        );
    }
    let red = [215, 48, 39];

    // report.html: one path per goal pair; failing pairs of failing goals red.
    let report = json(&o.run.join("report.json"));
    let st = &seen[0].state;
    let pairs = count_pairs_with_path(&report);
    assert!(pairs > 50, "plan-2027 has {pairs} goal pairs with a path");
    assert_eq!(st["drawn"]["pair"].as_u64(), Some(pairs), "{st}");
    assert!(st["drawn"]["pair_fail"].as_u64() > Some(0), "{st}");
    assert_eq!(st["fail_goal_stroke"], "rgb(215, 48, 39)", "{st}");
    assert_eq!(st["stroke"]["pass"], "rgb(26, 152, 80)", "{st}");
    assert_eq!(st["drawn"]["place"].as_u64(), Some(105), "{st}");
    let (ink, reddish) = pixels(&seen[0].png, red);
    assert!(
        ink > 0.15,
        "report.html screenshot nearly blank: {ink:.3} non-white"
    );
    assert!(reddish > 0.002, "no red path visible: {reddish:.4}");

    // compare.html: one line per listed pair; projects added.
    let cmp = json(&o.compare.join("compare.json"));
    let st = &seen[1].state;
    assert_eq!(
        st["drawn"]["chg"].as_u64(),
        Some(cmp["pairs"].as_array().unwrap().len() as u64),
        "{st}"
    );
    assert!(st["drawn"]["added"].as_u64() > Some(0), "{st}");
    let (ink, _) = pixels(&seen[1].png, red);
    assert!(ink > 0.15, "compare.html screenshot nearly blank: {ink:.3}");

    // The isochrone page: one shape per band.
    let st = &seen[2].state;
    assert_eq!(st["drawn"]["band"].as_u64(), Some(4), "{st}");
    let (ink, _) = pixels(&seen[2].png, red);
    assert!(
        ink > 0.15,
        "isochrone page screenshot nearly blank: {ink:.3}"
    );

    // The timeline chart: one cell per goal and year (10 goals, 2024–2030);
    // G1 passes from 2027, G8 never: some cells pass and some fail.
    let st = &seen[4].state;
    assert_eq!(st["drawn"]["cell"].as_u64(), Some(70), "{st}");
    let pass = st["drawn"]["cell_pass"].as_u64().unwrap();
    assert!(pass > 0 && pass < 70, "{st}");

    // Time to first paint of report.html (plan-2027), with the other
    // browsers done: under 1 s, in one of at most three runs (a run can lose
    // its core to a parallel build; the README's figure is the median of
    // scripts/first-paint.py). Then, in the last page opened, clicking.
    #[cfg(unix)]
    {
        let url = format!("file://{}", o.report().canonicalize().unwrap().display());
        let mut runs = Vec::new();
        let mut page = None;
        for k in 0..3 {
            let mut p = Page::open(&browser, &url, &dir.join(format!("profile-paint-{k}")));
            runs.push(p.first_paint_ms());
            page = Some(p);
            if runs[k] < 1000.0 {
                break;
            }
        }
        eprintln!("report.html first-contentful-paint: {runs:?} ms");
        assert!(
            runs.iter().any(|&ms| ms < 1000.0),
            "report.html first paint {runs:?} ms"
        );
        let mut page = page.unwrap();

        // Clicking a failing path selects its goal (its pairs highlighted,
        // its pair table shown) and shows that pair's legs and bottleneck.
        let click = page.eval(
            r#"(() => {
                const p = document.querySelector('#map .pair.fail');
                p.dispatchEvent(new MouseEvent('click', {bubbles: true}));
                const shown = [...document.querySelectorAll('.pd')].filter(e => !e.hidden);
                const g = p.getAttribute('data-g');
                return {
                    want: 'pd-' + g + '-' + p.getAttribute('data-p'),
                    shown: shown.map(e => e.id),
                    legs: shown.length ? shown[0].querySelectorAll('tbody tr').length : 0,
                    bottleneck: shown.length ? shown[0].textContent.includes('Bottleneck') : false,
                    highlighted: document.querySelectorAll('#map .pair.on').length,
                    of_goal: document.querySelectorAll('#map .pair[data-g="' + g + '"]').length,
                    tables: [...document.querySelectorAll('.goal-pairs')].filter(e => !e.hidden).length,
                    errors: window.tongdaErrors.length
                };
            })()"#,
        );
        assert_eq!(
            click["shown"],
            serde_json::json!([click["want"]]),
            "{click}"
        );
        assert!(click["legs"].as_u64() > Some(0), "{click}");
        assert_eq!(click["bottleneck"], true, "{click}");
        assert_eq!(click["highlighted"], click["of_goal"], "{click}");
        assert_eq!(click["tables"], 1, "{click}");
        // Selecting another goal in the goal table highlights exactly its
        // pairs (selecting the same goal again would clear the selection).
        let other = page.eval(
            r#"(() => {
                const g = document.querySelector('#map .pair.fail').getAttribute('data-g');
                const r = [...document.querySelectorAll('tr.goal')].find(r =>
                    r.getAttribute('data-g') !== g &&
                    document.querySelector('#map .pair[data-g="' + r.getAttribute('data-g') + '"]'));
                r.click();
                return {id: r.getAttribute('data-id'),
                        highlighted: document.querySelectorAll('#map .pair.on').length,
                        errors: window.tongdaErrors.length};
            })()"#,
        );
        let goal = report["goals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["id"] == other["id"])
            .unwrap_or_else(|| panic!("{other}"));
        assert_eq!(
            other["highlighted"].as_u64(),
            Some(count_pairs_with_path(&serde_json::json!({"goals": [goal]}))),
            "{other}"
        );
        assert_eq!(other["errors"], 0, "{other}");
    }
}
