//! The IMS domain shared by the console (compiled to wasm) and the reference server.
//!
//! Everything both sides must agree on lives here — the wire model, the field registry, the
//! list query, validation, JSON patch, sharing rules, the catalog engine and the error envelope —
//! so that the browser and the server can never disagree. The crate has no browser, database
//! or server dependency and builds for `wasm32-unknown-unknown`.

pub mod backend;
pub mod catalog;
pub mod demo;
pub mod error;
pub mod fields;
pub mod flavor;
pub mod model;
pub mod os;
pub mod patch;
pub mod query;
pub mod request;
pub mod role;
pub mod schema;
pub mod sharing;
pub mod time;
pub mod validate;
pub mod view;

pub use backend::Flavour;
pub use error::{ErrorBody, ErrorCode, ErrorEnvelope, ImsError};
pub use model::{Field, GlanceImageList, Image, ImageList};
pub use query::ListQuery;
