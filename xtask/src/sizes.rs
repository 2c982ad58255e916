//! Exact sizes of what the site ships: raw, `gzip -9` and `brotli -q 11` (the command-line tools, so the
//! figures are what a server precompressing at the highest levels would send), and the byte budget that
//! `cargo xtask test` enforces (`xtask/budget.txt`).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::root;

/// A file's size three ways.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sizes {
    /// As stored.
    pub raw: u64,
    /// `gzip -9 -n`.
    pub gzip: u64,
    /// `brotli -q 11`.
    pub brotli: u64,
}

impl std::ops::Add for Sizes {
    type Output = Sizes;
    fn add(self, other: Sizes) -> Sizes {
        Sizes { raw: self.raw + other.raw, gzip: self.gzip + other.gzip, brotli: self.brotli + other.brotli }
    }
}

/// The sizes of the file at `path`.
pub fn sizes(path: &Path) -> Result<Sizes, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(Sizes {
        raw: bytes.len() as u64,
        gzip: compressed(&bytes, "gzip", &["-9", "-n", "-c"])?,
        brotli: compressed(&bytes, "brotli", &["-q", "11", "-c"])?,
    })
}

fn compressed(bytes: &[u8], tool: &str, args: &[&str]) -> Result<u64, String> {
    let mut child = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {tool}: {e}"))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map_err(|e| format!("{tool} failed: {e}"))?;
    writer.join().expect("the writer thread").map_err(|e| format!("cannot write to {tool}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{tool} failed ({})", out.status));
    }
    Ok(out.stdout.len() as u64)
}

/// The budget: `(name, brotli bytes)` per line of `xtask/budget.txt`, `#` comments allowed. A name is a file
/// under `dist/`, or `page total` for the standalone page's first load (everything it requests).
pub fn budget() -> Result<Vec<(String, u64)>, String> {
    let path = root().join("xtask/budget.txt");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut budget = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (name, bytes) = line
            .rsplit_once(char::is_whitespace)
            .ok_or_else(|| format!("xtask/budget.txt:{}: expected `<file> <brotli bytes>`", number + 1))?;
        let bytes =
            bytes.parse().map_err(|_| format!("xtask/budget.txt:{}: {bytes:?} is not a byte count", number + 1))?;
        budget.push((name.trim().to_string(), bytes));
    }
    Ok(budget)
}

/// The files the standalone page requests on its first load (the bench checks this list against the
/// browser's request log).
pub const PAGE_FILES: &[&str] =
    &["index.html", "style.css", "favicon.svg", "main.js", "pkg/summit_explainer.js", "pkg/summit_explainer_bg.wasm"];

/// Compares the built site with the budget: fails, with old and new figures, if anything grew past it, and
/// says which budgets can be lowered.
pub fn check_budget(dist: &Path) -> Result<(), String> {
    let mut over = Vec::new();
    let mut report = Vec::new();
    for (name, limit) in budget()? {
        let actual = if name == "page total" {
            let mut total = 0;
            for file in PAGE_FILES {
                total += sizes(&dist.join(file))?.brotli;
            }
            total
        } else {
            sizes(&dist.join(&name))?.brotli
        };
        let line = format!("{name}: {actual} bytes brotli (budget {limit})");
        if actual > limit {
            over.push(format!("{line}: {} bytes over", actual - limit));
        } else {
            report.push(if actual < limit { format!("{line}; lower the budget to {actual}") } else { line });
        }
    }
    for line in &report {
        eprintln!("xtask: budget: {line}");
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!("the build grew past its byte budget (xtask/budget.txt):\n  {}", over.join("\n  ")))
    }
}

/// The wasm module's initial linear memory in bytes, read from its memory section (or its memory import).
pub fn initial_memory(wasm: &[u8]) -> Result<u64, String> {
    let mut at = 8; // magic and version
    let leb = |bytes: &[u8], at: &mut usize| -> Result<u64, String> {
        let (mut value, mut shift) = (0u64, 0);
        loop {
            let byte = *bytes.get(*at).ok_or("truncated wasm")?;
            *at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
        }
    };
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = leb(wasm, &mut at)? as usize;
        let body = at;
        if id == 5 {
            let mut p = body;
            let _count = leb(wasm, &mut p)?;
            let _flags = leb(wasm, &mut p)?;
            return Ok(leb(wasm, &mut p)? * 65536);
        }
        at = body + size;
    }
    Err("the wasm has no memory section".into())
}
