//! The README's screenshots. The build makes pictures of the page's first screen (`dist/screenshot.png` and
//! `dist/screenshot-phone.png`, by `assets/preview.mjs`); `cargo xtask screenshots` copies them into `docs/`
//! with a fingerprint of the markup and styles they show, and `cargo xtask test` fails when the page has
//! changed since. (The pictures themselves are not compared: Chromium's rendering can differ by a pixel from
//! one run to the next.)

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::dist::{dist, dist_dir};
use crate::fingerprint::{read_manifest, resolve, unhashed};
use crate::root;

/// The pictures, in `dist/` and in `docs/`.
const SHOTS: &[&str] = &["screenshot.png", "screenshot-phone.png"];

/// Where the fingerprint of the page the pictures in `docs/` show is kept.
const FINGERPRINT: &str = "docs/screenshots.sha256";

/// Builds `dist/`, then copies its screenshots into `docs/` with their fingerprint.
pub fn screenshots() -> Result<(), String> {
    dist()?;
    let dist = dist_dir();
    for shot in SHOTS {
        let (from, to) = (dist.join(shot), root().join("docs").join(shot));
        std::fs::copy(&from, &to).map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))?;
    }
    let fingerprint = format!("{}\n", fingerprint(&dist)?);
    std::fs::write(root().join(FINGERPRINT), fingerprint).map_err(|e| format!("cannot write {FINGERPRINT}: {e}"))?;
    eprintln!("xtask: docs/{} show the page as built now", SHOTS.join(" and docs/"));
    Ok(())
}

/// Whether the screenshots in `docs/` show the page in `dist`.
pub fn check_screenshots(dist: &Path) -> Result<(), String> {
    let kept = std::fs::read_to_string(root().join(FINGERPRINT)).unwrap_or_default();
    let now = fingerprint(dist)?;
    if kept.trim() == now {
        return Ok(());
    }
    Err(format!(
        "docs/{} show an older page (the page's markup and styles are now {now}, {FINGERPRINT} says {:?}): \
         run `cargo xtask screenshots` and commit docs/",
        SHOTS.join(" and docs/"),
        kept.trim()
    ))
}

/// SHA-256 of what the first screen is made of: the prerendered page and its stylesheet.
fn fingerprint(dist: &Path) -> Result<String, String> {
    let mut hasher = Sha256::new();
    // The page as written before its references were hashed: the hashes change with the wasm, the page not.
    let manifest = read_manifest(dist)?;
    for file in ["index.html", "style.css"] {
        let path = resolve(dist, file)?;
        let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        hasher.update(unhashed(&text, &manifest));
        hasher.update([0]);
    }
    Ok(format!("{:x}", hasher.finalize()))
}
