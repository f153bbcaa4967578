//! Every request the console makes. Components call these typed functions with `ims-core`
//! types and get `ims-core` types or an [`ApiError`] back; none of them builds a URL or parses
//! JSON itself. A [`Backend`] says where requests go, so another backend (the in-browser demo)
//! can be added without touching components.

mod error;
mod http;

pub use error::ApiError;

use crate::session::Session;
use ims_core::catalog::ImagePage;
use ims_core::{GlanceImageList, Image, ImageList, ListQuery};
use leptos::prelude::*;

/// Which list API the endpoint speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Flavour {
    /// IMS: `GET /v2/cloudimages` with every filter.
    #[default]
    Ims,
    /// OpenStack Glance: `GET /v2/images`, no IMS-only filters.
    Glance,
}

impl Flavour {
    pub fn as_str(self) -> &'static str {
        match self {
            Flavour::Ims => "ims",
            Flavour::Glance => "glance",
        }
    }
}

/// Where requests go and as whom.
#[derive(Debug, Clone, PartialEq)]
pub enum Backend {
    /// An IMS-compatible HTTP endpoint.
    Http { endpoint: String, token: Option<String>, flavour: Flavour },
}

impl Backend {
    /// The backend of the current session (tracked: a resource re-runs when it changes).
    pub fn current() -> Self {
        let session = expect_context::<Session>();
        Backend::Http { endpoint: session.endpoint.get(), token: session.token.get(), flavour: session.flavour.get() }
    }

    /// Whether the backend speaks Glance's list API.
    pub fn is_glance(&self) -> bool {
        matches!(self, Backend::Http { flavour: Flavour::Glance, .. })
    }

    /// One page of images. With IMS a full page means there may be more (`next_marker` is the
    /// last id); Glance says so itself with its `next` link.
    pub async fn list_images(&self, query: &ListQuery) -> Result<ImagePage, ApiError> {
        let Backend::Http { endpoint, token, flavour } = self;
        let qs = query.to_query_string();
        let sep = if qs.is_empty() { "" } else { "?" };
        match flavour {
            Flavour::Ims => {
                let list: ImageList =
                    http::get_json(endpoint, token.as_deref(), &format!("/v2/cloudimages{sep}{qs}")).await?;
                let full = list.images.len() == query.effective_limit() as usize;
                let next_marker = if full { list.images.last().and_then(|i| i.id.get().cloned()) } else { None };
                Ok(ImagePage { images: list.images, next_marker })
            }
            Flavour::Glance => {
                let list: GlanceImageList =
                    http::get_json(endpoint, token.as_deref(), &format!("/v2/images{sep}{qs}")).await?;
                let next_marker =
                    list.next.is_some().then(|| list.images.last().and_then(|i| i.id.get().cloned())).flatten();
                Ok(ImagePage { images: list.images, next_marker })
            }
        }
    }

    /// One image.
    pub async fn get_image(&self, id: &str) -> Result<Image, ApiError> {
        let Backend::Http { endpoint, token, .. } = self;
        http::get_json(endpoint, token.as_deref(), &format!("/v2/images/{}", http::path_segment(id))).await
    }
}
