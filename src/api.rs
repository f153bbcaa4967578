//! Every request the console makes. Components call these typed functions with `ims-core`
//! types and get `ims-core` types or an [`ApiError`] back; none of them builds a URL or parses
//! JSON itself.

mod error;
mod http;

pub use error::ApiError;

use crate::session::Session;
use ims_core::{Image, ImageList};
use leptos::prelude::*;

/// Where and as whom requests go, read once per request from the session.
#[derive(Debug, Clone, PartialEq)]
pub struct Connection {
    pub endpoint: String,
    pub token: Option<String>,
}

impl Connection {
    /// The connection of the current session (tracked: a resource re-runs when it changes).
    pub fn current() -> Self {
        let session = expect_context::<Session>();
        Connection {
            endpoint: session.endpoint.get(),
            token: session.token.get(),
        }
    }
}

/// `GET /v2/cloudimages`.
pub async fn list_images(conn: &Connection) -> Result<ImageList, ApiError> {
    http::get_json(conn, "/v2/cloudimages").await
}

/// `GET /v2/images/{id}`.
pub async fn get_image(conn: &Connection, id: &str) -> Result<Image, ApiError> {
    http::get_json(conn, &format!("/v2/images/{}", http::path_segment(id))).await
}
