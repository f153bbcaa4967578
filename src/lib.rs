//! IMS Console: a browser console for Image Management Service APIs.
//!
//! Components render and wire signals; every rule (fields, validation, patching, sharing)
//! comes from `ims-core`, and every request goes through [`api`].
//!
//! The console only runs in a browser: on any other target this crate is empty.
#![cfg(target_arch = "wasm32")]

pub mod api;
mod app;
pub mod caller;
pub mod components;
pub mod config;
pub mod data_version;
pub mod embed;
pub mod hooks;
pub mod i18n;
pub mod pages;
pub mod router;
pub mod session;
pub mod storage;
pub mod theme;

pub use app::App;
