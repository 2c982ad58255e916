//! summit-explainer: the engine of an interactive, source-linked explainer of one news article. The content
//! (`content/summit/`: the article and `explainer.toml`) is checked and compiled into [`document`]'s tables by
//! the build script; nothing here names it.
//!
//! The pure core — [`document`], [`model`], [`ui`], [`view`], [`html`], [`route`], [`state`], [`options`], [`outline`], [`export`], [`hooks`], [`text`], [`value`],
//! [`storage`], [`search`], [`context`], [`glance`], and, native only since the build writes the page, `page`
//! and `meta` — is plain Rust, tested natively. Only `browser` (compiled for `wasm32` alone) touches the DOM.
//! See `ARCHITECTURE.md`.

#![deny(missing_docs)]

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
