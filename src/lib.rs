//! summit-explainer: the engine of an interactive, source-linked explainer of one news article. The content
//! (`content/summit/`: the article and `explainer.toml`) is checked and compiled into [`document`]'s tables by
//! the build script; nothing here names it.
//!
//! The pure core — [`document`], [`model`], [`ui`], [`view`], [`html`], [`route`], [`state`], [`options`], [`outline`], [`export`], [`hooks`], [`text`], [`value`],
//! [`storage`], [`search`], [`context`], [`glance`], and, native only since the build writes the page, `page`
//! and `meta` — is plain Rust, tested natively. Only `browser` (compiled for `wasm32` alone) touches the DOM.
//! See `ARCHITECTURE.md`.

#![deny(missing_docs)]
#![cfg_attr(all(target_arch = "wasm32", not(feature = "std")), no_std)]

#[macro_use]
extern crate alloc;

/// What the standard prelude gives, for the page's module, which is built without `std` (the `std` feature):
/// the modules it compiles import it.
mod prelude {
    pub use alloc::boxed::Box;
    pub use alloc::string::{String, ToString};
    pub use alloc::vec::Vec;
}

pub mod context;
pub mod document;
pub mod export;
pub mod glance;
pub mod hooks;
pub mod html;
#[cfg(not(target_arch = "wasm32"))]
pub mod live;
#[cfg(not(target_arch = "wasm32"))]
pub mod meta;
pub mod model;
pub mod options;
pub mod outline;
#[cfg(not(target_arch = "wasm32"))]
pub mod page;
pub mod route;
pub mod search;
pub mod state;
pub mod storage;
pub mod text;
pub mod ui;
pub mod value;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod browser;

/// Both modules' allocator: the page module allocates a little at start (the core read from the markup, the
/// search's index) and frees rarely; the embeds build and drop whole pages, and a free list reuses what they
/// free. A free-list allocator of a few hundred bytes serves both; `std`'s dlmalloc weighs about 2 KB brotli
/// more in the page module and 2.5 KB in the embeds', and was no faster (`cargo xtask bench`). See SECURITY.md.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: `AssumeSingleThreaded` is sound while nothing allocates from two threads at once. This module is built
// for `wasm32-unknown-unknown` without the `atomics` target feature, where a module has one thread and no way to
// start another (no shared memory, no workers sharing this instance), so every allocation runs on that thread.
#[allow(unsafe_code)]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(all(target_arch = "wasm32", target_feature = "atomics"))]
compile_error!("the page module's allocator assumes one thread: build without the `atomics` target feature");
