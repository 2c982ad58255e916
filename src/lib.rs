//! summit-explainer: an interactive, source-linked explainer of the April 2024 U.S.–Japan summit.
//!
//! The pure core — [`data`], [`document`], [`view`], [`html`], [`route`], [`state`], [`options`], [`export`],
//! [`storage`], [`search`], [`context`], [`glance`], and, native only since the build writes the page, `page`
//! and `meta` — is plain Rust, tested natively. Only `browser` (compiled for `wasm32` alone) touches the DOM.
//! See `ARCHITECTURE.md`.

#![deny(missing_docs)]

pub mod context;
pub mod data;
pub mod document;
pub mod export;
pub mod glance;
pub mod html;
#[cfg(not(target_arch = "wasm32"))]
pub mod meta;
pub mod model;
pub mod options;
#[cfg(not(target_arch = "wasm32"))]
pub mod page;
pub mod route;
pub mod search;
pub mod state;
pub mod storage;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod browser;
