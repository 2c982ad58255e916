//! Exact sizes of what the site ships: raw, `gzip -9` and `brotli -q 11` (the command-line tools, so the
//! figures are what a server precompressing at the highest levels would send), and the byte budget that
//! `cargo xtask test` enforces (`xtask/budget.txt`).

use std::path::Path;
use std::process::Command;

use crate::fingerprint::{resolve, HASHED, REFERENCES};
use crate::root;

/// How the site's files are compressed, here and by `dist` for serving: the same flags, so the sizes are the
/// served bytes.
pub const BROTLI: (&str, &[&str]) = ("brotli", &["-q", "11"]);
/// gzip at its highest level, with no name or time stamp in the output.
pub const GZIP: (&str, &[&str]) = ("gzip", &["-9", "-n"]);

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

/// The sizes of the file at `path`. The tools read the file itself, as when precompressing for a server
/// (brotli tunes its window to the input's size, so reading a pipe can differ by a byte or two).
pub fn sizes(path: &Path) -> Result<Sizes, String> {
    let raw = std::fs::metadata(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?.len();
    Ok(Sizes { raw, gzip: compressed(path, GZIP)?, brotli: compressed(path, BROTLI)? })
}

fn compressed(path: &Path, tool: (&str, &[&str])) -> Result<u64, String> {
    Ok(compress(path, tool)?.len() as u64)
}

/// The file at `path` as `tool` (`BROTLI`, `GZIP`) compresses it.
pub fn compress(path: &Path, (tool, args): (&str, &[&str])) -> Result<Vec<u8>, String> {
    let out =
        Command::new(tool).args(args).arg("-c").arg(path).output().map_err(|e| format!("cannot run {tool}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{tool} failed on {} ({})", path.display(), out.status));
    }
    Ok(out.stdout)
}

/// The budget: `(name, brotli bytes)` per line of `xtask/budget.txt`, `#` comments allowed. A name is a file
/// under `dist/` as the build writes it before naming it by its content (`page/explainer.js`, served as
/// `assets/explainer.<hash>.js`: see `fingerprint`), a total (`page total`: everything the standalone page loads on its first visit; `element
/// total`, `iframe total`: everything each adds to a host page), or `wasm initial memory` (bytes, uncompressed).
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

/// The standalone page's own module (built without the embedding API): its glue and its wasm.
pub const PAGE_GLUE: &str = "page/explainer.js";
/// See [`PAGE_GLUE`].
pub const PAGE_WASM: &str = "page/explainer_bg.wasm";
/// The embeds' module (the element, `mount()`, the iframe; the npm package): its glue and its wasm.
pub const EMBED_GLUE: &str = "pkg/summit_explainer.js";
/// See [`EMBED_GLUE`].
pub const EMBED_WASM: &str = "pkg/summit_explainer_bg.wasm";

/// The files the standalone page requests on its first load (the bench checks this list against the
/// browser's request log).
pub const PAGE_FILES: &[&str] = &["index.html", "style.css", "favicon.svg", "main.js", PAGE_GLUE, PAGE_WASM];

/// What the element adds to a host page: its script, the glue and the wasm (its styles are in the wasm).
pub const ELEMENT_FILES: &[&str] = &["embed.js", EMBED_GLUE, EMBED_WASM];

/// What the iframe adds to a host page: the host's resizing script, and the frame with all it loads.
pub const IFRAME_FILES: &[&str] =
    &["frame-resize.js", "frame.html", "explainer.css", "favicon.svg", "frame.js", EMBED_GLUE, EMBED_WASM];

/// The budget's totals: a name in `xtask/budget.txt` and the files it adds up.
const TOTALS: &[(&str, &[&str])] =
    &[("page total", PAGE_FILES), ("element total", ELEMENT_FILES), ("iframe total", IFRAME_FILES)];

/// How far a figure that holds the wasm may pass its budget: moving a function moves the panic locations
/// the wasm carries as data (by 150 bytes at most so far), which is not growth. Anything more fails.
pub const WASM_SLACK: u64 = 200;

/// The same for the single file, which holds the wasm gzipped: a change of a few bytes in the wasm ripples
/// through the whole deflate stream (21 bytes less wasm once made it 235 bytes larger).
pub const SINGLE_FILE_SLACK: u64 = 500;

/// The same for a file that names hashed files (`index.html`, `embed.js`, a glue: see `fingerprint`): one
/// changed hash moves brotli's choices over the whole file. Thirty random hashes for `main.js` in
/// `index.html` gave sizes over a range of 23 bytes (12,507 to 12,530).
pub const HASHED_NAME_SLACK: u64 = 40;

/// How far `name` may pass its budget: [`WASM_SLACK`] where it holds the wasm (the module, a total), since
/// the wasm moves a little with its panic locations; [`SINGLE_FILE_SLACK`] for the single file, which holds it
/// gzipped; [`HASHED_NAME_SLACK`] for a file that names hashed files; nothing elsewhere.
fn slack(name: &str) -> u64 {
    let names_hashed = REFERENCES.iter().any(|&(file, _, target)| file == name && HASHED.contains(&target));
    if name == "summit-explainer.html" {
        SINGLE_FILE_SLACK
    } else if TOTALS.iter().any(|(total, _)| *total == name) || name.ends_with(".wasm") {
        WASM_SLACK
    } else if names_hashed {
        HASHED_NAME_SLACK
    } else {
        0
    }
}

/// Compares the built site with the budget: fails, with old and new figures, if anything grew past it, and
/// says which budgets can be lowered.
pub fn check_budget(dist: &Path) -> Result<(), String> {
    let mut over = Vec::new();
    let mut report = Vec::new();
    for (name, limit) in budget()? {
        let total = TOTALS.iter().find(|(total, _)| *total == name).map(|(_, files)| *files);
        let actual = if name == "wasm initial memory" {
            let path = resolve(dist, EMBED_WASM)?;
            initial_memory(&std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?)?
        } else if let Some(files) = total {
            let mut sum = 0;
            for file in files {
                sum += sizes(&resolve(dist, file)?)?.brotli;
            }
            sum
        } else {
            sizes(&resolve(dist, &name)?)?.brotli
        };
        let unit = if name == "wasm initial memory" { "bytes" } else { "bytes brotli" };
        let slack = slack(&name);
        let line = format!("{name}: {actual} {unit} (budget {limit})");
        if actual > limit + slack {
            over.push(format!("{line}: {} bytes over", actual - limit));
        } else if actual > limit {
            report.push(format!("{line}: {} bytes over, within its slack of {slack} bytes", actual - limit));
        } else {
            report.push(if actual < limit { format!("{line}; lower the budget to {actual}") } else { line });
        }
    }
    for line in &report {
        eprintln!("xtask: budget: {line}");
    }
    let page = named_functions(PAGE_MODULE_NAMED)?;
    check_page_formats_nothing(&page)?;
    check_no_slice_panics(&page, &named_functions(EMBEDS_MODULE_NAMED)?)?;
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!("the build grew past its byte budget (xtask/budget.txt):\n  {}", over.join("\n  ")))
    }
}

/// Where `dist` leaves the page's module as wasm-pack wrote it, before wasm-opt: with its functions' names.
pub const PAGE_MODULE_NAMED: &str = "target/wasm-pack-page/explainer_bg.wasm";

/// The names in `wasm`'s name section, function by function (none if it has no names).
pub fn function_names(wasm: &[u8]) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    for (id, body) in sections(wasm)? {
        if id != 0 {
            continue;
        }
        let (mut p, end) = (body.start, body.end);
        let len = leb128(wasm, &mut p)? as usize;
        if wasm.get(p..p + len) != Some(b"name".as_slice()) {
            continue;
        }
        p += len;
        while p < end {
            let sub = wasm[p];
            p += 1;
            let sub_size = leb128(wasm, &mut p)? as usize;
            let sub_end = p + sub_size;
            if sub == 1 {
                let count = leb128(wasm, &mut p)?;
                for _ in 0..count {
                    let _index = leb128(wasm, &mut p)?;
                    let len = leb128(wasm, &mut p)? as usize;
                    let name = wasm.get(p..p + len).ok_or("truncated wasm")?;
                    names.push(String::from_utf8_lossy(name).into_owned());
                    p += len;
                }
            }
            p = sub_end;
        }
    }
    Ok(names)
}

/// The wasm module's sections, in order: each one's id and where its body lies in `wasm`.
fn sections(wasm: &[u8]) -> Result<Vec<(u8, std::ops::Range<usize>)>, String> {
    let mut found = Vec::new();
    let mut at = 8; // magic and version
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = leb128(wasm, &mut at)? as usize;
        found.push((id, at..at + size));
        at += size;
    }
    Ok(found)
}

/// The functions of Rust's formatting that the crate's own code brings into a module: `format!`
/// (`alloc::fmt::format`), `to_string` through `Display`, and the crate's own `Display` and `Debug`
/// implementations. (What else of `core::fmt` the page's module holds is std's panic handler's, which formats
/// every panic's message before it calls the hook: only `no_std` would drop it.)
pub fn formatting(names: &[String]) -> Vec<&str> {
    names
        .iter()
        .map(String::as_str)
        .filter(|name| {
            name.contains("::fmt::format")
                || name.contains("ToString>::to_string")
                || (name.starts_with("<summit_explainer::") && name.contains(" as core::fmt::"))
        })
        .collect()
}

/// The page's module writes its text by hand ([`formatting`] finds nothing in it), so that it carries none of
/// `format!`'s machinery.
pub fn check_page_formats_nothing(names: &[String]) -> Result<(), String> {
    let found = formatting(names);
    if found.is_empty() {
        eprintln!("xtask: budget: the page's module formats nothing ({} functions read)", names.len());
        Ok(())
    } else {
        Err(format!(
            "the page's module formats text with core::fmt (write it with `concat` and `text::number`):\n  {}",
            found.join("\n  ")
        ))
    }
}

/// The function names of a module `dist` left with its names (`named`, under the repository), never none.
fn named_functions(named: &str) -> Result<Vec<String>, String> {
    let path = root().join(named);
    let wasm = std::fs::read(&path)
        .map_err(|e| format!("cannot read {} (`cargo xtask dist` writes it): {e}", path.display()))?;
    let names = function_names(&wasm)?;
    if names.is_empty() {
        return Err(format!("{} has no function names to check", path.display()));
    }
    Ok(names)
}

/// Where `dist` leaves the embeds' module as wasm-pack wrote it, before wasm-opt: with its functions' names.
pub const EMBEDS_MODULE_NAMED: &str = "target/wasm-pack/summit_explainer_bg.wasm";

/// The function a string slice that can panic (`&text[a..b]`) brings: its message names the character the
/// bound falls in with `{:?}`, and with it Unicode's tables of printable characters, 3.5 KB brotli of the
/// embeds' module. The code slices with `str::get`.
const SLICE_PANIC: &str = "str::slice_error_fail";

/// Neither module slices a string where the slice could panic (no [`SLICE_PANIC`] among the function names
/// of either).
pub fn check_no_slice_panics(page: &[String], embeds: &[String]) -> Result<(), String> {
    for (module, names) in [("the page's module", page), ("the embeds' module", embeds)] {
        if names.iter().any(|name| name.contains(SLICE_PANIC)) {
            return Err(format!(
                "{module} slices a string where the slice can panic ({SLICE_PANIC} is in it): slice with `str::get`, \
                 whose None the code handles, since the panic's message brings Unicode's printable tables (3.5 KB brotli)"
            ));
        }
    }
    eprintln!("xtask: budget: neither module slices a string where the slice could panic");
    Ok(())
}

/// The wasm module's initial linear memory in bytes, read from its memory section (or its memory import).
pub fn initial_memory(wasm: &[u8]) -> Result<u64, String> {
    let (_, body) = sections(wasm)?.into_iter().find(|(id, _)| *id == 5).ok_or("the wasm has no memory section")?;
    let mut p = body.start;
    let _count = leb128(wasm, &mut p)?;
    let _flags = leb128(wasm, &mut p)?;
    Ok(leb128(wasm, &mut p)? * 65536)
}

/// The unsigned LEB128 number at `*at` in `bytes`, moving `at` past it (the wasm's integers).
pub fn leb128(bytes: &[u8], at: &mut usize) -> Result<u64, String> {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_initial_memory_is_read_from_the_memory_section() {
        // magic, version; a type section (id 1) to skip; a memory section (id 5): one memory, no maximum,
        // 2 pages, written as a two-byte LEB128 to check the decoding.
        let wasm = [0, b'a', b's', b'm', 1, 0, 0, 0, 1, 1, 0, 5, 4, 1, 0, 0x82, 0x00];
        assert_eq!(initial_memory(&wasm), Ok(2 * 65536));
        assert_eq!(initial_memory(&wasm[..11]), Err("the wasm has no memory section".to_string()));
        assert_eq!(initial_memory(&wasm[..16]), Err("truncated wasm".to_string()));
    }

    #[test]
    fn the_function_names_are_read_and_formatting_is_found_among_them() {
        // magic, version; a custom section "name" with a function-names subsection (id 1) naming two functions.
        let names: [&[u8]; 2] = [b"alloc[3ca5]::fmt::format", b"summit_explainer::text::number"];
        let mut sub = vec![2u8];
        for (index, name) in names.iter().enumerate() {
            sub.extend([index as u8, name.len() as u8]);
            sub.extend_from_slice(name);
        }
        let mut section = vec![4, b'n', b'a', b'm', b'e', 1, sub.len() as u8];
        section.extend(sub);
        let mut wasm = vec![0, b'a', b's', b'm', 1, 0, 0, 0, 0, section.len() as u8];
        wasm.extend(section);
        let read = function_names(&wasm).unwrap();
        assert_eq!(read, ["alloc[3ca5]::fmt::format", "summit_explainer::text::number"]);
        assert_eq!(formatting(&read), ["alloc[3ca5]::fmt::format"]);
        let ours = ["<summit_explainer::browser::app::EnhanceError as core::fmt::Display>::fmt::h1".to_string()];
        assert_eq!(formatting(&ours).len(), 1);
        let std =
            ["<std[a5]::panicking::panic_handler::FormatStringPayload as core[c5]::fmt::Display>::fmt".to_string()];
        assert!(formatting(&std).is_empty(), "std's panic handler is not ours to drop");
    }

    #[test]
    fn only_what_holds_the_wasm_may_pass_its_budget_and_only_by_the_slack() {
        for name in [EMBED_WASM, PAGE_WASM, "page total", "iframe total"] {
            assert_eq!(slack(name), WASM_SLACK, "{name}");
        }
        assert_eq!(slack("summit-explainer.html"), SINGLE_FILE_SLACK);
        for name in ["index.html", "embed.js", "frame.html", "main.js", PAGE_GLUE, EMBED_GLUE] {
            assert_eq!(slack(name), HASHED_NAME_SLACK, "{name}");
        }
        for name in ["style.css", "frame-resize.js", "explainer.css", "wasm initial memory"] {
            assert_eq!(slack(name), 0, "{name}");
        }
    }

    #[test]
    fn the_committed_budget_reads_and_names_what_dist_ships() {
        let budget = budget().unwrap();
        let names: Vec<&str> = budget.iter().map(|(name, _)| name.as_str()).collect();
        let wanted = [
            EMBED_WASM,
            EMBED_GLUE,
            PAGE_WASM,
            PAGE_GLUE,
            "index.html",
            "summit-explainer.html",
            "wasm initial memory",
        ];
        for name in wanted.into_iter().chain(TOTALS.iter().map(|(total, _)| *total)) {
            assert!(names.contains(&name), "the budget has no {name}");
        }
        assert!(budget.iter().all(|(_, bytes)| *bytes > 0));
    }
}
