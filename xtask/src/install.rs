//! Installs what the build and the tests need on a fresh machine, skipping whatever is already there.
//!
//! Nothing here downloads a prebuilt binary or a browser of its own: Rust tools come from crates.io, browsers
//! and their drivers from Debian, wasm-opt and the end-to-end tools from npm (pinned by `package-lock.json`).

use std::path::PathBuf;
use std::process::Command;

use crate::{output, root, run};

/// The wasm-pack and geckodriver versions this project is tested with.
const WASM_PACK_VERSION: &str = "0.15.1";
const GECKODRIVER_VERSION: &str = "0.37.1";
/// Debian packages for the browser tests, each with the program that shows it is there.
const APT_PACKAGES: &[(&str, &str)] = &[
    ("chromium", "chromium"),
    ("chromium-driver", "chromedriver"),
    ("firefox-esr", "firefox-esr"),
    ("default-jre-headless", "java"),
];
/// Debian packages for the build: brotli precompresses `dist/` (and measures sizes).
const BUILD_APT_PACKAGES: &[(&str, &str)] = &[("brotli", "brotli")];

/// What `dist` needs: the wasm32 target, wasm-bindgen at the Cargo.lock version, wasm-pack, and npm packages.
pub fn build_tools() -> Result<(), String> {
    put_cargo_bin_on_path();
    let targets = output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let wanted = locked_version("wasm-bindgen")?;
    let installed = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if installed.split_whitespace().nth(1) != Some(wanted.as_str()) {
        // Without --locked: wasm-bindgen-cli's own lockfile pins a crate version the registry no longer has.
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wanted]))?;
    }
    let wasm_pack = output(Command::new("wasm-pack").arg("--version")).unwrap_or_default();
    if !wasm_pack.contains(WASM_PACK_VERSION) {
        run(Command::new("cargo").args(["install", "wasm-pack", "--version", WASM_PACK_VERSION]))?;
    }
    apt(BUILD_APT_PACKAGES)?;
    npm_packages()
}

/// What `test` needs on top: Chromium, Firefox and their WebDriver servers.
pub fn test_tools() -> Result<(), String> {
    build_tools()?;
    apt(APT_PACKAGES)?;
    let geckodriver = output(Command::new("geckodriver").arg("--version")).unwrap_or_default();
    if !geckodriver.contains(GECKODRIVER_VERSION) {
        run(Command::new("cargo").args(["install", "geckodriver", "--version", GECKODRIVER_VERSION]))?;
    }
    Ok(())
}

/// The path of a program installed by npm.
pub fn npm_bin(name: &str) -> PathBuf {
    root().join("node_modules/.bin").join(name)
}

/// `npm ci`, unless `node_modules` already matches `package-lock.json`.
fn npm_packages() -> Result<(), String> {
    let lock =
        std::fs::read(root().join("package-lock.json")).map_err(|e| format!("cannot read package-lock.json: {e}"))?;
    let stamp = root().join("node_modules/.xtask-package-lock.json");
    if std::fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        return Ok(());
    }
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(root()))?;
    std::fs::write(&stamp, lock).map_err(|e| format!("cannot write {}: {e}", stamp.display()))
}

/// Installs the Debian packages among `packages` whose program does not run, without asking. A machine that
/// has the programs by other means (not apt) is left alone.
fn apt(packages: &[(&str, &str)]) -> Result<(), String> {
    let missing: Vec<&str> =
        packages.iter().filter(|(_, program)| !runs(program)).map(|&(package, _)| package).collect();
    if !missing.is_empty() {
        run(Command::new("apt-get").arg("update").env("DEBIAN_FRONTEND", "noninteractive"))?;
        run(Command::new("apt-get").args(["install", "-y"]).args(&missing).env("DEBIAN_FRONTEND", "noninteractive"))?;
    }
    Ok(())
}

/// Whether `program --version` runs and succeeds.
fn runs(program: &str) -> bool {
    output(Command::new(program).arg("--version")).is_some()
}

/// The version of `package` that Cargo.lock pins.
pub fn locked_version(package: &str) -> Result<String, String> {
    let lock =
        std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == name_line {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err(format!("Cargo.lock has no {package}"))
}

/// Tools that `cargo install` puts in `$CARGO_HOME/bin` must be found by the commands xtask starts.
pub fn put_cargo_bin_on_path() {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    let Some(bin) = cargo_home.map(|home| home.join("bin")) else { return };
    let path = std::env::var_os("PATH").unwrap_or_default();
    if !std::env::split_paths(&path).any(|p| p == bin) {
        let joined = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&path)));
        if let Ok(joined) = joined {
            std::env::set_var("PATH", joined);
        }
    }
}
