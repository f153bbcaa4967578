//! Every request the console makes. Components call these typed functions with `ims-core`
//! types and get `ims-core` types or an [`ApiError`] back; none of them builds a URL or parses
//! JSON itself. A [`Backend`] says where requests go: an HTTP endpoint, or the in-browser demo
//! (the catalog engine in the page), so components never know which one answers.

#[cfg_attr(not(feature = "demo"), path = "api/no_demo.rs")]
pub mod demo;
mod error;
mod flavour;
mod http;

pub use error::ApiError;
pub use flavour::Flavour;
pub use http::{Auth, TokenProvider};

use crate::session::Session;
use gloo_net::http::Method;
use http::{path_segment, send, send_json, Body, Target};
use ims_core::catalog::ImagePage;
use ims_core::model::MemberStatus;
use ims_core::patch::{self, MediaType, PatchOp};
use ims_core::sharing::{AddMember, Member, MemberList, SetMemberStatus};
use ims_core::{GlanceImageList, Image, ImageList, ListQuery};
use leptos::prelude::*;

/// Where requests go and as whom.
#[derive(Debug, Clone, PartialEq)]
pub enum Backend {
    /// An IMS-compatible HTTP endpoint.
    Http { endpoint: String, auth: Auth, flavour: Flavour },
    /// The in-browser demo, acting as the given project.
    Demo { project: String },
}

fn json_body<T: serde::Serialize>(value: &T) -> Result<Body<'static>, ApiError> {
    let text = serde_json::to_string(value).map_err(|e| ApiError::Decode(e.to_string()))?;
    Ok(Body { content_type: "application/json", text })
}

impl Backend {
    /// The backend of the current session (tracked: a resource re-runs when it changes).
    pub fn current() -> Self {
        expect_context::<Session>().backend()
    }

    /// Whether the backend speaks Glance's list API.
    pub fn is_glance(&self) -> bool {
        matches!(self, Backend::Http { flavour: Flavour::Glance, .. })
    }

    /// The endpoint requests go to (for request previews; the demo answers on its own origin).
    pub fn endpoint(&self) -> &str {
        match self {
            Backend::Http { endpoint, .. } => endpoint,
            Backend::Demo { .. } => "",
        }
    }

    fn http(&self) -> Result<Target<'_>, &str> {
        match self {
            Backend::Http { endpoint, auth, .. } => Ok(Target { endpoint, auth }),
            Backend::Demo { project } => Err(project),
        }
    }

    /// One page of images. With IMS a full page means there may be more (`next_marker` is the
    /// last id); Glance says so itself with its `next` link.
    pub async fn list_images(&self, query: &ListQuery) -> Result<ImagePage, ApiError> {
        let target = match self.http() {
            Ok(target) => target,
            Err(project) => return demo::read(|c| c.list(project, query)),
        };
        let qs = query.to_query_string();
        let sep = if qs.is_empty() { "" } else { "?" };
        if self.is_glance() {
            let list: GlanceImageList = send_json(&target, Method::GET, &format!("/v2/images{sep}{qs}"), None).await?;
            let next_marker =
                list.next.is_some().then(|| list.images.last().and_then(|i| i.id.get().cloned())).flatten();
            return Ok(ImagePage { images: list.images, next_marker });
        }
        let list: ImageList = send_json(&target, Method::GET, &format!("/v2/cloudimages{sep}{qs}"), None).await?;
        let full = list.images.len() == query.effective_limit() as usize;
        let next_marker = if full { list.images.last().and_then(|i| i.id.get().cloned()) } else { None };
        Ok(ImagePage { images: list.images, next_marker })
    }

    /// One image.
    pub async fn get_image(&self, id: &str) -> Result<Image, ApiError> {
        match self.http() {
            Ok(target) => send_json(&target, Method::GET, &format!("/v2/images/{}", path_segment(id)), None).await,
            Err(project) => demo::read(|c| c.get(project, id)),
        }
    }

    /// Creates an image (metadata only) and returns it as stored.
    pub async fn create_image(&self, request: &Image) -> Result<Image, ApiError> {
        match self.http() {
            Ok(target) => send_json(&target, Method::POST, "/v2/images", Some(json_body(request)?)).await,
            Err(project) => demo::change(|c| c.create(project, request, &demo::new_id(), demo::now())),
        }
    }

    /// Applies JSON-patch operations, sent in the chosen media type. The demo reads them back
    /// from that body as the server does, so both media types are checked the same way.
    pub async fn update_image(&self, id: &str, ops: &[PatchOp], media: MediaType) -> Result<Image, ApiError> {
        let text = patch::to_body(ops, media).to_string();
        match self.http() {
            Ok(target) => {
                let body = Body { content_type: media.content_type(), text };
                send_json(&target, Method::PATCH, &format!("/v2/images/{}", path_segment(id)), Some(body)).await
            }
            Err(project) => demo::change(|c| {
                let ops = patch::parse(media, text.as_bytes())?;
                c.patch(project, id, &ops, demo::now())
            }),
        }
    }

    /// Deletes an image.
    pub async fn delete_image(&self, id: &str) -> Result<(), ApiError> {
        match self.http() {
            Ok(target) => {
                send(&target, Method::DELETE, &format!("/v2/images/{}", path_segment(id)), None).await.map(drop)
            }
            Err(project) => demo::change(|c| c.delete(project, id)),
        }
    }

    /// The image's members: all of them for the owner, only its own for a member.
    pub async fn list_members(&self, image_id: &str) -> Result<Vec<Member>, ApiError> {
        let target = match self.http() {
            Ok(target) => target,
            Err(project) => return demo::read(|c| c.list_members(project, image_id)),
        };
        let path = format!("/v2/images/{}/members", path_segment(image_id));
        let list: MemberList = send_json(&target, Method::GET, &path, None).await?;
        Ok(list.members)
    }

    /// Shares the image with a project.
    pub async fn add_image_member(&self, image_id: &str, member: &str) -> Result<Member, ApiError> {
        let target = match self.http() {
            Ok(target) => target,
            Err(project) => return demo::change(|c| c.add_member(project, image_id, member, demo::now())),
        };
        let path = format!("/v2/images/{}/members", path_segment(image_id));
        send_json(&target, Method::POST, &path, Some(json_body(&AddMember { member: member.to_owned() })?)).await
    }

    /// Accepts or rejects a share (as the member).
    pub async fn set_member_status(
        &self,
        image_id: &str,
        member: &str,
        status: MemberStatus,
    ) -> Result<Member, ApiError> {
        let target = match self.http() {
            Ok(target) => target,
            Err(project) => {
                return demo::change(|c| c.set_member_status(project, image_id, member, &status, demo::now()))
            }
        };
        let path = format!("/v2/images/{}/members/{}", path_segment(image_id), path_segment(member));
        send_json(&target, Method::PUT, &path, Some(json_body(&SetMemberStatus { status })?)).await
    }

    /// Cancels a share (as the owner).
    pub async fn remove_image_member(&self, image_id: &str, member: &str) -> Result<(), ApiError> {
        let target = match self.http() {
            Ok(target) => target,
            Err(project) => return demo::change(|c| c.remove_member(project, image_id, member, demo::now())),
        };
        let path = format!("/v2/images/{}/members/{}", path_segment(image_id), path_segment(member));
        send(&target, Method::DELETE, &path, None).await.map(drop)
    }
}
