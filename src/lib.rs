//! summit-explainer: an interactive, source-linked explainer of the April 2024 U.S.–Japan summit.
//!
//! The pure core — [`data`], [`document`], [`view`], [`html`], [`route`], [`state`], [`page`], [`options`],
//! [`export`], [`storage`] — is plain Rust, tested natively. Only `browser` (compiled for `wasm32` alone) touches the DOM. See `ARCHITECTURE.md`.

#![deny(missing_docs)]

pub mod context;
pub mod data;
pub mod document;
pub mod export;
pub mod glance;
pub mod html;
pub mod model;
pub mod options;
pub mod page;
pub mod route;
pub mod search;
pub mod state;
pub mod storage;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod browser;
