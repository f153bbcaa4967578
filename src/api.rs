//! Every request the console makes. Components call these typed functions with `ims-core`
//! types and get `ims-core` types or an [`ApiError`] back; none of them builds a URL or parses
//! JSON itself. A [`Backend`] says where requests go, so another backend (the in-browser demo)
//! can be added without touching components.

mod error;
mod http;

pub use error::ApiError;

use crate::session::Session;
use gloo_net::http::Method;
use http::{path_segment, send, send_json, Body, Target};
use ims_core::catalog::ImagePage;
use ims_core::model::MemberStatus;
use ims_core::patch::{self, MediaType, PatchOp};
use ims_core::sharing::{AddMember, Member, MemberList, SetMemberStatus};
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

fn json_body<T: serde::Serialize>(value: &T) -> Result<Body<'static>, ApiError> {
    let text = serde_json::to_string(value).map_err(|e| ApiError::Decode(e.to_string()))?;
    Ok(Body { content_type: "application/json", text })
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

    fn target(&self) -> Target<'_> {
        let Backend::Http { endpoint, token, .. } = self;
        Target { endpoint, token: token.as_deref() }
    }

    /// One page of images. With IMS a full page means there may be more (`next_marker` is the
    /// last id); Glance says so itself with its `next` link.
    pub async fn list_images(&self, query: &ListQuery) -> Result<ImagePage, ApiError> {
        let qs = query.to_query_string();
        let sep = if qs.is_empty() { "" } else { "?" };
        if self.is_glance() {
            let list: GlanceImageList =
                send_json(&self.target(), Method::GET, &format!("/v2/images{sep}{qs}"), None).await?;
            let next_marker =
                list.next.is_some().then(|| list.images.last().and_then(|i| i.id.get().cloned())).flatten();
            return Ok(ImagePage { images: list.images, next_marker });
        }
        let list: ImageList =
            send_json(&self.target(), Method::GET, &format!("/v2/cloudimages{sep}{qs}"), None).await?;
        let full = list.images.len() == query.effective_limit() as usize;
        let next_marker = if full { list.images.last().and_then(|i| i.id.get().cloned()) } else { None };
        Ok(ImagePage { images: list.images, next_marker })
    }

    /// One image.
    pub async fn get_image(&self, id: &str) -> Result<Image, ApiError> {
        send_json(&self.target(), Method::GET, &format!("/v2/images/{}", path_segment(id)), None).await
    }

    /// Creates an image (metadata only) and returns it as stored.
    pub async fn create_image(&self, request: &Image) -> Result<Image, ApiError> {
        send_json(&self.target(), Method::POST, "/v2/images", Some(json_body(request)?)).await
    }

    /// Applies JSON-patch operations, sent in the chosen media type.
    pub async fn update_image(&self, id: &str, ops: &[PatchOp], media: MediaType) -> Result<Image, ApiError> {
        let body = Body { content_type: media.content_type(), text: patch::to_body(ops, media).to_string() };
        send_json(&self.target(), Method::PATCH, &format!("/v2/images/{}", path_segment(id)), Some(body)).await
    }

    /// Deletes an image.
    pub async fn delete_image(&self, id: &str) -> Result<(), ApiError> {
        send(&self.target(), Method::DELETE, &format!("/v2/images/{}", path_segment(id)), None).await.map(drop)
    }

    /// The endpoint requests go to (for request previews).
    pub fn endpoint(&self) -> &str {
        let Backend::Http { endpoint, .. } = self;
        endpoint
    }

    /// The image's members: all of them for the owner, only its own for a member.
    pub async fn list_members(&self, image_id: &str) -> Result<Vec<Member>, ApiError> {
        let path = format!("/v2/images/{}/members", path_segment(image_id));
        let list: MemberList = send_json(&self.target(), Method::GET, &path, None).await?;
        Ok(list.members)
    }

    /// Shares the image with a project.
    pub async fn add_image_member(&self, image_id: &str, project: &str) -> Result<Member, ApiError> {
        let path = format!("/v2/images/{}/members", path_segment(image_id));
        send_json(&self.target(), Method::POST, &path, Some(json_body(&AddMember { member: project.to_owned() })?))
            .await
    }

    /// Accepts or rejects a share (as the member).
    pub async fn set_member_status(
        &self,
        image_id: &str,
        member: &str,
        status: MemberStatus,
    ) -> Result<Member, ApiError> {
        let path = format!("/v2/images/{}/members/{}", path_segment(image_id), path_segment(member));
        send_json(&self.target(), Method::PUT, &path, Some(json_body(&SetMemberStatus { status })?)).await
    }

    /// Cancels a share (as the owner).
    pub async fn remove_image_member(&self, image_id: &str, member: &str) -> Result<(), ApiError> {
        let path = format!("/v2/images/{}/members/{}", path_segment(image_id), path_segment(member));
        send(&self.target(), Method::DELETE, &path, None).await.map(drop)
    }
}
