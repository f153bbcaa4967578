//! The IMS domain shared by the console (compiled to wasm) and the reference server.
//!
//! Everything both sides must agree on lives here — the wire model, field names, and the error
//! envelope — so that the browser and the server can never disagree. The crate has no browser,
//! database or server dependency and builds for `wasm32-unknown-unknown`.

pub mod error;
pub mod model;

pub use error::{ErrorBody, ErrorCode, ErrorEnvelope};
pub use model::{Field, Image, ImageList};
pub mod demo;
pub mod os;
pub mod time;
