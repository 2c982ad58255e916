//! `cargo xtask serve --watch`: the editor's loop. Save the content file and the open page shows the change
//! within a second; while the content is broken, the page shows the diagnostics over the last good build.
//!
//! - Once, at the start: a development build of the site ([`Profile::Development`]: the release site
//!   without the single file, the preview image and the precompressed copies) into `target/dev-site/`,
//!   and the native `prerender` binary.
//! - Then, every [`POLL`], the content folder's files are compared with the build's (name, length,
//!   modification time). On a change the folder is compiled (`content_compiler`, as `check-content` does)
//!   and, if it has no error, `prerender --content DIR` renders the page from it as it is on disk: no Rust
//!   is compiled, no wasm optimised. The standalone page's module reads everything from the
//!   markup, so the page is complete at once.
//! - The embeds' module (the element, `mount()`, the frame) has the content compiled in. Once the content has
//!   been good and unchanged for [`QUIET`], a development build of the whole site for it runs beside the
//!   live one ([`CatchUp`], tens of seconds, on a thread of its own: the page keeps showing each save
//!   meanwhile), is swapped in, and the embeds' pages reload. Until then they show the content of the last
//!   such build, and say so ([`Status::embeds_behind`]).
//! - For developers, the engine's sources too ([`ENGINE_SOURCES`]: `src/`, `www/`, the shell…): a change
//!   there builds the whole development site again beside the live one and swaps it in (tens of seconds;
//!   the server serves the last build meanwhile), then the pages reload.
//! - Each new page is written whole (a temporary file, renamed), so the server never sends half of one, and
//!   keeps serving the last good page while a rebuild runs or the content is broken. A save during a
//!   rebuild is seen at the next poll and rebuilt. A half-written or missing file is a diagnostic.
//! - The pages of the development site load `/__dev/reload.js` (`xtask/assets/dev-reload.js`), which asks
//!   `/__dev/status` (a long poll) for the build's version and diagnostics, reloads on a new good build,
//!   and draws the diagnostics over the page. Neither exists in `dist/`: the release build is the same
//!   with or without a watch session before it.
//! - Ctrl-C ends the process: the server and the watcher with it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use axum::extract::State;
use axum::http::{header, Uri};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use tokio::sync::watch;

use crate::content::content_folder;
use crate::dist::{build, with_content, Profile};
use crate::fingerprint::rewrite_entry;
use crate::serve::{app, bind, runtime, Policy};
use crate::{clear, describe, root, run};

/// How often the content folder is looked at.
pub const POLL: Duration = Duration::from_millis(50);
/// How long a status request waits for a new build before it answers with the same one.
const LONG_POLL: Duration = Duration::from_secs(20);
/// Where the development site is built: never `dist/`.
pub const DEV_SITE: &str = "target/dev-site";
/// The development script, as the pages load it.
const RELOAD_SCRIPT: &str = "__dev/reload.js";
/// How long the content must stay good and unchanged before the embeds' module is built for it: a build
/// per save would keep both cores busy while the editor types.
const QUIET: Duration = Duration::from_secs(3);
/// The pages that load the development script, and which build each follows: the page the content's own,
/// the frame and the embed demo the embeds' module's.
const PAGES: &[(&str, Follows)] =
    &[("index.html", Follows::Page), ("frame.html", Follows::Embeds), ("embed-demo.html", Follows::Embeds)];

/// Which build a page reloads for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follows {
    /// The standalone page: every good build of the content.
    Page,
    /// A page of the embeds (the element, the frame): builds of the embeds' module.
    Embeds,
}

impl Follows {
    /// Its name in the development script's URL and in the status.
    fn name(self) -> &'static str {
        match self {
            Follows::Page => "page",
            Follows::Embeds => "embeds",
        }
    }
}

/// What the pages ask the server: which build is live, and what stops the next one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    /// Counts the builds and failed builds since the server started (0 is the first build).
    pub version: u64,
    /// The build that last changed the standalone page.
    pub page: u64,
    /// The build that last changed the embeds' module.
    pub embeds: u64,
    /// Whether the embeds' module holds older content than was last built good (its build is waiting for
    /// [`QUIET`] or running).
    pub embeds_behind: bool,
    /// The diagnostics of the content as it is now, if it cannot be built.
    pub error: Option<String>,
    /// The last rebuild's steps, in milliseconds: compiling the content, rendering the page.
    pub compile_ms: u64,
    /// See `compile_ms`.
    pub render_ms: u64,
}

impl Status {
    fn json(&self) -> String {
        serde_json::json!({
            "version": self.version,
            "page": self.page,
            "embeds": self.embeds,
            "embedsBehind": self.embeds_behind,
            "error": self.error,
            "compileMs": self.compile_ms,
            "renderMs": self.render_ms,
        })
        .to_string()
    }
}

/// Builds the development site of `content`, then serves it on `port` and rebuilds on every save, until
/// interrupted.
pub fn watch_and_serve(content: &str, port: u16, policy: Policy) -> Result<(), String> {
    let (site, receiver) = start(content, &root().join(DEV_SITE))?;
    let runtime = runtime()?;
    runtime.block_on(async {
        let listener = bind(port).await?;
        let address = listener.local_addr().map_err(|e| e.to_string())?;
        let under = if policy == Policy::Strict { " under the strict CSP" } else { "" };
        println!(
            "Serving {} at http://{address}/{under}, rebuilt on every save of {content}/ (Ctrl-C to stop)",
            site.display()
        );
        println!("The page shows each save; the element and the frame follow once their module is built again.");
        axum::serve(listener, router(site, policy, receiver)).await.map_err(|e| format!("the server stopped: {e}"))
    })
}

/// [`watch_and_serve`] on an ephemeral port of 127.0.0.1, building into `site`, on threads of its own for
/// the life of the process (for the tests and the benchmark). Returns the base URL.
pub fn spawn(content: &str, site: &Path, policy: Policy) -> Result<String, String> {
    let (site, receiver) = start(content, site)?;
    let runtime = runtime()?;
    let listener = runtime.block_on(bind(0))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    std::thread::spawn(move || {
        runtime.block_on(async {
            if let Err(error) = axum::serve(listener, router(site, policy, receiver)).await {
                eprintln!("xtask: the development server stopped: {error}");
            }
        })
    });
    Ok(format!("http://{address}/"))
}

/// The first build, and the watcher on a thread of its own.
fn start(content: &str, site: &Path) -> Result<(PathBuf, watch::Receiver<Status>), String> {
    let folder = content_folder(content)?;
    let mut watcher = Watcher {
        embeds_from: contents(&folder),
        built: contents(&folder),
        folder,
        content: content.to_string(),
        display: content.trim_end_matches('/').to_string(),
        site: site.to_path_buf(),
        prerender: PathBuf::new(),
        catch_up: None,
        failed: None,
    };
    watcher.full_build(site, 0)?;
    let (sender, receiver) = watch::channel(Status::default());
    std::thread::spawn(move || watcher.run(&sender));
    Ok((site.to_path_buf(), receiver))
}

/// Set by [`quiesce`]: no build of the embeds' module starts after it.
static QUIESCED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
/// Held by a build of the embeds' module while it runs.
static BUILDING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Waits for a running build of the embeds' module and starts no other: for the tests and the benchmark,
/// whose next steps build into the same `target/` folders.
pub fn quiesce() {
    QUIESCED.store(true, std::sync::atomic::Ordering::SeqCst);
    drop(BUILDING.lock());
}

/// The native prerenderer, built once: the loop runs the binary, not cargo.
fn build_prerender(content: &str) -> Result<PathBuf, String> {
    run(with_content(Command::new("cargo").args(["build", "--quiet", "--package", "prerender"]), content)
        .current_dir(root()))?;
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
    Ok(target.join("debug").join(format!("prerender{}", std::env::consts::EXE_SUFFIX)))
}

/// The engine's sources, for developers: a change there builds the whole development site again (cargo and
/// wasm-opt: tens of seconds) beside the live one, then swaps it in, so the server keeps serving meanwhile.
const ENGINE_SOURCES: &[&str] =
    &["src", "www", "index.html", "build.rs", "rules/src", "content-compiler/src", "prerender/src"];

struct Watcher {
    /// The content folder, its name as given and as the diagnostics show it.
    folder: PathBuf,
    content: String,
    display: String,
    /// The development site, served.
    site: PathBuf,
    /// The native prerenderer's binary.
    prerender: PathBuf,
    /// The content folder as the embeds' module was last built from it.
    embeds_from: Contents,
    /// The content folder as the page was last built from it, good.
    built: Contents,
    /// The build of the embeds' module for newer content, if one runs.
    catch_up: Option<CatchUp>,
    /// The content a build of the embeds' module last failed for: not tried again until the content changes.
    failed: Option<Contents>,
}

/// A development build of the whole site for the content as last saved, beside the live one: what brings
/// the embeds' module (which has the content compiled in) up to the page.
struct CatchUp {
    /// The content folder as the build began.
    from: Contents,
    /// Where it builds.
    into: PathBuf,
    /// When it began.
    began: Instant,
    thread: std::thread::JoinHandle<Result<(), String>>,
}

/// The content folder's files as the file system describes them: a save changes it.
type Snapshot = Vec<(String, u64, Option<SystemTime>)>;
/// The content folder's files, by name: a save that puts back what was there is no change.
type Contents = Vec<(String, Vec<u8>)>;

impl Watcher {
    /// The whole development site into `into`, its pages of build `version`, and the prerenderer.
    fn full_build(&mut self, into: &Path, version: u64) -> Result<(), String> {
        build(&self.content, into, Profile::Development)?;
        self.prerender = build_prerender(&self.content)?;
        with_development_script(into, version)
    }

    /// The engine changed: the site built again beside the live one, then put in its place.
    fn rebuild_engine(&mut self, version: u64) -> Result<(), String> {
        let next = self.site.with_extension("next");
        clear(&next)?;
        self.full_build(&next, version)?;
        self.swap_in(&next)
    }

    /// Puts the site built at `next` in the live one's place.
    fn swap_in(&self, next: &Path) -> Result<(), String> {
        let old = self.site.with_extension("old");
        clear(&old)?;
        let swap = |from: &Path, to: &Path| {
            std::fs::rename(from, to).map_err(|e| format!("cannot move {} to {}: {e}", from.display(), to.display()))
        };
        swap(&self.site, &old)?;
        swap(next, &self.site)?;
        std::fs::remove_dir_all(&old).map_err(|e| format!("cannot remove {}: {e}", old.display()))
    }

    /// Starts building the embeds' module for the content as last built, if it is behind, no build runs, and
    /// the content has been good and unchanged for [`QUIET`] (since `good`).
    fn catch_up(&mut self, good: Option<Instant>) {
        let quiet = good.is_some_and(|since| since.elapsed() >= QUIET);
        let quiesced = QUIESCED.load(std::sync::atomic::Ordering::SeqCst);
        let tried = self.failed.as_ref() == Some(&self.built);
        if !quiet || quiesced || tried || self.catch_up.is_some() || self.built == self.embeds_from {
            return;
        }
        let into = self.site.with_extension("embeds");
        let (content, at) = (self.content.clone(), into.clone());
        eprintln!("xtask: building the embeds' module for the content as saved (the page already shows it)");
        let thread = std::thread::spawn(move || {
            let _building = BUILDING.lock();
            clear(&at)?;
            build(&content, &at, Profile::Development)
        });
        self.catch_up = Some(CatchUp { from: self.built.clone(), into, began: Instant::now(), thread });
    }

    /// The build of the embeds' module, if one ran and is done: what it built from, and where, or what failed.
    fn caught_up(&mut self) -> Option<Result<(Contents, PathBuf), String>> {
        if !self.catch_up.as_ref()?.thread.is_finished() {
            return None;
        }
        let CatchUp { from, into, began, thread } = self.catch_up.take()?;
        eprintln!("xtask: the build of the embeds' module took {:.1} s", began.elapsed().as_secs_f64());
        let built = thread.join().unwrap_or_else(|_| Err("the build of the embeds' module panicked".to_string()));
        if built.is_err() {
            self.failed = Some(from.clone());
        }
        Some(built.map(|()| (from, into)))
    }

    /// Puts in place the site a build of the embeds' module wrote at `into` from the content `from`, as build
    /// `version`, and the page of the content as last built (good) if that is newer.
    fn take_catch_up(&mut self, from: Contents, into: &Path, version: u64) -> Result<(), String> {
        with_development_script(into, version)?;
        self.swap_in(into)?;
        self.embeds_from = from;
        if self.built != self.embeds_from {
            self.rebuild(version)?;
        }
        Ok(())
    }

    fn run(&mut self, sender: &watch::Sender<Status>) {
        let mut built = snapshot(&self.folder);
        let engine =
            || ENGINE_SOURCES.iter().flat_map(|source| tree_snapshot(&root().join(source))).collect::<Snapshot>();
        let mut engine_built = engine();
        let mut version = 0;
        // Since when the content as built has been good, if it is.
        let mut good = None;
        loop {
            std::thread::sleep(POLL);
            if engine() != engine_built {
                std::thread::sleep(POLL);
                engine_built = engine();
                version += 1;
                // A build of the embeds' module for older sources: the new build has the content too.
                if let Some(catch_up) = self.catch_up.take() {
                    let _ = catch_up.thread.join();
                }
                eprintln!("xtask: the engine's sources changed: building the development site again (the server keeps the last one meanwhile)");
                let from = contents(&self.folder);
                let status = match self.rebuild_engine(version) {
                    Ok(()) => {
                        (self.embeds_from, self.built) = (from.clone(), from);
                        Status { version, page: version, embeds: version, ..Status::default() }
                    }
                    Err(error) => Status {
                        error: Some(format!(
                            "The development build failed (cargo's output is in the terminal):\n{error}"
                        )),
                        ..self.next_status(sender, version)
                    },
                };
                sender.send_replace(status);
                built = snapshot(&self.folder);
                continue;
            }
            match self.caught_up() {
                None => {}
                Some(Err(error)) => {
                    eprintln!("xtask: the build of the embeds' module failed (tried again on the next save):\n{error}");
                }
                // The content is broken now: the embeds wait for the next good save, the page stays as it is.
                Some(Ok((_, into))) if sender.borrow().error.is_some() => {
                    let _ = clear(&into);
                }
                Some(Ok((from, into))) => {
                    version += 1;
                    let status = match self.take_catch_up(from, &into, version) {
                        Ok(()) => {
                            eprintln!("xtask: the element and the frame show the content as saved");
                            Status {
                                page: if self.built == self.embeds_from { sender.borrow().page } else { version },
                                embeds: version,
                                embeds_behind: self.built != self.embeds_from,
                                ..self.next_status(sender, version)
                            }
                        }
                        Err(error) => Status { error: Some(error), ..self.next_status(sender, version) },
                    };
                    sender.send_replace(status);
                }
            }
            let now = snapshot(&self.folder);
            if now == built {
                if sender.borrow().error.is_none() {
                    self.catch_up(good);
                }
                continue;
            }
            // An editor writes a file in steps (truncate, write, rename): the next poll sees the rest.
            std::thread::sleep(POLL);
            built = snapshot(&self.folder);
            version += 1;
            let status = match self.rebuild(version) {
                Ok((compile_ms, render_ms)) => {
                    eprintln!(
                        "xtask: rebuilt the page in {} ms (content {compile_ms} ms, page {render_ms} ms)",
                        compile_ms + render_ms
                    );
                    good = Some(Instant::now());
                    self.built = contents(&self.folder);
                    Status {
                        page: version,
                        embeds_behind: self.built != self.embeds_from,
                        compile_ms,
                        render_ms,
                        ..self.next_status(sender, version)
                    }
                }
                Err(error) => {
                    eprintln!("xtask: the content has errors; the page stays at the last good build:\n{error}");
                    good = None;
                    Status { error: Some(error), ..self.next_status(sender, version) }
                }
            };
            sender.send_replace(status);
        }
    }

    /// The status of build `version` before what it changes: the last one's pages, no error, no timings.
    fn next_status(&self, sender: &watch::Sender<Status>, version: u64) -> Status {
        let last = sender.borrow();
        Status { version, page: last.page, embeds: last.embeds, embeds_behind: last.embeds_behind, ..Status::default() }
    }

    /// Compiles the content and, if it has no error, renders the page of build `version` from it.
    fn rebuild(&self, version: u64) -> Result<(u64, u64), String> {
        let started = Instant::now();
        let outcome = content_compiler::compile_folder(&self.folder, &self.display)?;
        if outcome.compiled.is_none() {
            let errors = outcome.diagnostics.iter().filter(|d| d.severity == content_compiler::Severity::Error);
            return Err(errors.map(|d| outcome.sources.render(d)).collect::<Vec<_>>().join("\n\n"));
        }
        let compiled = started.elapsed();
        let root = root();
        let mut command = Command::new(&self.prerender);
        command.arg("--content").arg(&self.folder).arg("page").arg(root.join("index.html")).current_dir(&root);
        let out = command.output().map_err(|e| format!("cannot run {}: {e}", describe(&command)))?;
        if !out.status.success() {
            return Err(format!("{} failed:\n{}", describe(&command), String::from_utf8_lossy(&out.stderr)));
        }
        let text = String::from_utf8(out.stdout).map_err(|e| format!("prerender wrote other than UTF-8: {e}"))?;
        let text = rewrite_entry(&self.site, "index.html", &text)?;
        write_whole(&self.site.join("index.html"), &with_reload_script(&text, version, Follows::Page)?)?;
        let millis = |d: Duration| u64::try_from(d.as_millis()).unwrap_or(u64::MAX);
        Ok((millis(compiled), millis(started.elapsed() - compiled)))
    }
}

/// Puts the development script into the pages of the site at `site`, of build `version`.
fn with_development_script(site: &Path, version: u64) -> Result<(), String> {
    std::fs::create_dir_all(site.join("__dev")).map_err(|e| format!("cannot create {}/__dev: {e}", site.display()))?;
    write_whole(&site.join(RELOAD_SCRIPT), include_str!("../assets/dev-reload.js"))?;
    for &(page, follows) in PAGES {
        let text = read(&site.join(page))?;
        write_whole(&site.join(page), &with_reload_script(&text, version, follows)?)?;
    }
    Ok(())
}

/// Fails if any file of the release build `dist` names the development script or status: the release is
/// the same with or without a watch session.
pub fn check_release_has_none(dist: &Path) -> Result<(), String> {
    fn walk(dir: &Path, found: &mut Vec<String>) -> Result<(), String> {
        for entry in std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                walk(&path, found)?;
            } else if std::fs::read(&path).is_ok_and(|bytes| bytes.windows(6).any(|w| w == b"__dev/")) {
                found.push(path.display().to_string());
            }
        }
        Ok(())
    }
    let mut found = Vec::new();
    walk(dist, &mut found)?;
    match found.is_empty() {
        true => Ok(()),
        false => Err(format!("the release build names the development server: {}", found.join(", "))),
    }
}

/// Every file below `path` (or `path` itself), with its path: a change anywhere in a source tree.
fn tree_snapshot(path: &Path) -> Snapshot {
    let mut files = Snapshot::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(path) = stack.pop() {
        let Ok(meta) = std::fs::metadata(&path) else { continue };
        if meta.is_dir() {
            stack.extend(std::fs::read_dir(&path).into_iter().flatten().flatten().map(|entry| entry.path()));
        } else {
            files.push((path.display().to_string(), meta.len(), meta.modified().ok()));
        }
    }
    files.sort();
    files
}

/// Each file of `folder` (not below it), as `item` makes it of its name, entry and metadata, sorted.
fn each_file<T: Ord>(
    folder: &Path,
    item: impl Fn(String, &std::fs::DirEntry, std::fs::Metadata) -> Option<T>,
) -> Vec<T> {
    let mut files: Vec<T> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let meta = entry.metadata().ok()?;
            meta.is_file().then_some(())?;
            item(entry.file_name().to_string_lossy().into_owned(), &entry, meta)
        })
        .collect();
    files.sort();
    files
}

fn contents(folder: &Path) -> Contents {
    each_file(folder, |name, entry, _| Some((name, std::fs::read(entry.path()).ok()?)))
}

fn snapshot(folder: &Path) -> Snapshot {
    each_file(folder, |name, _, meta| Some((name, meta.len(), meta.modified().ok())))
}

/// `page` loading the development script, which knows the page is of build `version` and which builds it
/// follows.
pub fn with_reload_script(page: &str, version: u64, follows: Follows) -> Result<String, String> {
    let tag = format!(
        "<script type=\"module\" src=\"/{RELOAD_SCRIPT}?build={version}&amp;follows={}\"></script>\n</head>",
        follows.name()
    );
    match page.matches("</head>").count() {
        1 => Ok(page.replacen("</head>", &tag, 1)),
        count => Err(format!("a page of the site has {count} </head> tags, not one")),
    }
}

/// The development site, with `/__dev/status`.
fn router(site: PathBuf, policy: Policy, receiver: watch::Receiver<Status>) -> Router {
    app(site, policy, Router::new().route("/__dev/status", get(status)).with_state(receiver))
}

/// The build's status as JSON: at once if the page's `?since=` is not the live version, else when the next
/// build (or failed build) is done, or after [`LONG_POLL`].
async fn status(State(receiver): State<watch::Receiver<Status>>, uri: Uri) -> impl IntoResponse {
    let since = uri
        .query()
        .and_then(|query| query.split('&').find_map(|pair| pair.strip_prefix("since=")))
        .and_then(|value| value.parse::<u64>().ok());
    let mut receiver = receiver.clone();
    let live = receiver.borrow_and_update().version;
    if since == Some(live) {
        let _ = tokio::time::timeout(LONG_POLL, receiver.changed()).await;
    }
    let body = receiver.borrow().json();
    ([(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "no-store")], body)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Writes `path` whole: a temporary file beside it, renamed over it.
fn write_whole(path: &Path, contents: &str) -> Result<(), String> {
    let temporary = path.with_extension("tmp");
    std::fs::write(&temporary, contents).map_err(|e| format!("cannot write {}: {e}", temporary.display()))?;
    std::fs::rename(&temporary, path).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_development_script_goes_into_the_head_once() {
        let page = with_reload_script("<html><head><title>t</title></head><body></body></html>", 3, Follows::Embeds);
        let script = "<script type=\"module\" src=\"/__dev/reload.js?build=3&amp;follows=embeds\"></script>\n</head>";
        assert!(page.unwrap().contains(script));
        assert!(with_reload_script("<p>no head</p>", 0, Follows::Page).is_err());
    }

    #[test]
    fn a_save_changes_the_snapshot() {
        let dir = std::env::temp_dir().join(format!("xtask-watch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.toml"), "one").unwrap();
        let before = snapshot(&dir);
        std::fs::write(dir.join("a.toml"), "three").unwrap();
        let after = snapshot(&dir);
        std::fs::remove_file(dir.join("a.toml")).unwrap();
        let gone = snapshot(&dir);
        std::fs::remove_dir(&dir).unwrap();
        assert_ne!(before, after, "a longer file");
        assert_ne!(after, gone, "a removed file");
        assert!(gone.is_empty());
    }
}
