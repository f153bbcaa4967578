//! Every request the console makes. Components call these typed functions with `ims-core`
//! types and get `ims-core` types or an [`ApiError`] back; none of them builds a URL or parses
//! JSON itself. Each HTTP call is an [`ApiRequest`] built in `ims-core` (the value request
//! previews show). A [`Backend`] says where requests go: an HTTP endpoint, or the in-browser
//! demo (the catalog engine in the page), so components never know which one answers.

#[cfg_attr(not(feature = "demo"), path = "api/no_demo.rs")]
pub mod demo;
mod error;
mod http;

pub use error::ApiError;
pub use http::{Auth, TokenProvider};
pub use ims_core::Flavour;

use http::{send, send_json, Target};
use ims_core::catalog::ImagePage;
use ims_core::model::MemberStatus;
use ims_core::patch::{self, MediaType, PatchOp};
use ims_core::request::ApiRequest;
use ims_core::sharing::{Member, MemberList};
use ims_core::{Image, ListQuery};

/// Where requests go and as whom.
#[derive(Debug, Clone, PartialEq)]
pub enum Backend {
    /// An IMS-compatible HTTP endpoint.
    Http { endpoint: String, auth: Auth, flavour: Flavour },
    /// The in-browser demo, acting as the given project.
    Demo { project: String },
}

impl Backend {
    /// The API the backend speaks (the in-browser demo speaks IMS).
    pub fn flavour(&self) -> Flavour {
        match self {
            Backend::Http { flavour, .. } => *flavour,
            Backend::Demo { .. } => Flavour::Ims,
        }
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

    /// One page of images.
    pub async fn list_images(&self, query: &ListQuery) -> Result<ImagePage, ApiError> {
        let target = match self.http() {
            Ok(target) => target,
            Err(project) => return demo::read(|c| c.list(project, query)),
        };
        let text = send(&target, &ApiRequest::list(self.flavour(), query)).await?;
        self.flavour().read_list_page(&text, query).map_err(|e| ApiError::Decode(e.to_string()))
    }

    /// The caller's project, where the backend can tell (see `ims_core::role`): the demo knows
    /// it, ims-server answers whoami, and IMS and Glance show it as the owner of the caller's
    /// own image. `None`: unknown, and every action stays offered.
    pub async fn caller_project(&self) -> Option<String> {
        let target = match self.http() {
            Ok(target) => target,
            Err(project) => return Some(project.to_owned()),
        };
        if self.flavour().asks_whoami() {
            if let Ok(body) = send(&target, &ApiRequest::whoami()).await {
                if let Some(project) = ims_core::role::Caller::parse(&body) {
                    return Some(project);
                }
            }
        }
        let own = self.list_images(&self.flavour().own_images_query()).await.ok()?;
        ims_core::role::Caller::from_own_images(&own.images)
    }

    /// One image.
    pub async fn get_image(&self, id: &str) -> Result<Image, ApiError> {
        match self.http() {
            Ok(target) => send_json(&target, &ApiRequest::get_image(id)).await,
            Err(project) => demo::read(|c| c.get(project, id)),
        }
    }

    /// Creates an image (metadata only) and returns it as stored.
    pub async fn create_image(&self, request: &Image) -> Result<Image, ApiError> {
        match self.http() {
            Ok(target) => send_json(&target, &ApiRequest::create_image(request)).await,
            Err(project) => demo::change(|c| c.create(project, request, &demo::new_id(), demo::now())),
        }
    }

    /// Applies JSON-patch operations, sent in the chosen media type. The demo reads them back
    /// from that body as the server does, so both media types are checked the same way.
    pub async fn update_image(&self, id: &str, ops: &[PatchOp], media: MediaType) -> Result<Image, ApiError> {
        let request = ApiRequest::update_image(id, ops, media);
        match self.http() {
            Ok(target) => send_json(&target, &request).await,
            Err(project) => demo::change(|c| {
                let ops = patch::parse(media, request.body.as_deref().unwrap_or_default().as_bytes())?;
                c.patch(project, id, &ops, demo::now())
            }),
        }
    }

    /// Deletes an image.
    pub async fn delete_image(&self, id: &str) -> Result<(), ApiError> {
        match self.http() {
            Ok(target) => send(&target, &ApiRequest::delete_image(id)).await.map(drop),
            Err(project) => demo::change(|c| c.delete(project, id)),
        }
    }

    /// The image's members: all of them for the owner, only its own for a member.
    pub async fn list_members(&self, image_id: &str) -> Result<Vec<Member>, ApiError> {
        let target = match self.http() {
            Ok(target) => target,
            Err(project) => return demo::read(|c| c.list_members(project, image_id)),
        };
        let list: MemberList = send_json(&target, &ApiRequest::list_members(image_id)).await?;
        Ok(list.members)
    }

    /// Shares the image with a project.
    pub async fn add_image_member(&self, image_id: &str, member: &str) -> Result<Member, ApiError> {
        let target = match self.http() {
            Ok(target) => target,
            Err(project) => return demo::change(|c| c.add_member(project, image_id, member, demo::now())),
        };
        send_json(&target, &ApiRequest::add_member(image_id, member)).await
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
        send_json(&target, &ApiRequest::set_member_status(image_id, member, status)).await
    }

    /// Cancels a share (as the owner).
    pub async fn remove_image_member(&self, image_id: &str, member: &str) -> Result<(), ApiError> {
        let target = match self.http() {
            Ok(target) => target,
            Err(project) => return demo::change(|c| c.remove_member(project, image_id, member, demo::now())),
        };
        send(&target, &ApiRequest::remove_member(image_id, member)).await.map(drop)
    }
}
