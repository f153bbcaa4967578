//! Sharing rules (`spec/image-sharing-constraints.zh.md`, DESIGN "Sharing"): who may share which
//! image with whom, and who may move a membership between which states. The server refuses with
//! these; the console shows the same refusals before anything is sent.

use crate::error::{ErrorCode, ImsError};
use crate::model::{Image, MemberStatus, Visibility};
use crate::validate::validate_project_id;
use serde::{Deserialize, Serialize};

/// The documented member cap; newer cloud documents say 256, so servers make it configurable.
pub const DEFAULT_MEMBER_CAP: usize = 128;
/// The schema link of a member object.
pub const MEMBER_SCHEMA: &str = "/v2/schemas/member";
/// The schema link of a member list.
pub const MEMBERS_SCHEMA: &str = "/v2/schemas/members";

/// A project's membership of an image (Glance-native shape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub created_at: String,
    pub updated_at: String,
    pub image_id: String,
    pub member_id: String,
    pub status: MemberStatus,
    pub schema: String,
}

/// The body of `GET /v2/images/{id}/members`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberList {
    pub members: Vec<Member>,
    pub schema: String,
}

/// The body of `POST /v2/images/{id}/members`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddMember {
    pub member: String,
}

/// The body of `PUT /v2/images/{id}/members/{member_id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetMemberStatus {
    pub status: MemberStatus,
}

/// Why a share is refused. Image-level reasons apply to every requested project; the others
/// name the project they concern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareRefusal {
    /// Only the owner shares an image.
    NotOwner,
    /// Only private (or already shared) images can be shared.
    NotPrivate { visibility: String },
    /// Encrypted images (`__system__cmkid` set) cannot be shared.
    Encrypted,
    /// Whole-machine images (`__whole_image` true) cannot be shared.
    WholeImage,
    /// Market images (`__productcode` non-empty) cannot be shared.
    Market,
    /// The new members would take the image over the cap.
    CapReached { current: usize, adding: usize, cap: usize },
    /// The owner's own project cannot be a member.
    OwnProject { project: String },
    /// The project is already a member, or is named twice in the request.
    Duplicate { project: String },
    /// Not a project id (32 lower-case hexadecimal characters).
    MalformedProjectId { project: String },
}

impl ShareRefusal {
    /// The API error code the server answers with.
    pub fn code(&self) -> ErrorCode {
        match self {
            ShareRefusal::NotOwner => ErrorCode::Forbidden,
            ShareRefusal::NotPrivate { .. } => ErrorCode::ShareNotPrivate,
            ShareRefusal::Encrypted => ErrorCode::ShareEncrypted,
            ShareRefusal::WholeImage => ErrorCode::ShareWholeImage,
            ShareRefusal::Market => ErrorCode::ShareMarketImage,
            ShareRefusal::CapReached { .. } => ErrorCode::ShareCapReached,
            ShareRefusal::OwnProject { .. } => ErrorCode::ShareOwnProject,
            ShareRefusal::Duplicate { .. } => ErrorCode::MemberExists,
            ShareRefusal::MalformedProjectId { .. } => ErrorCode::ShareBadProjectId,
        }
    }

    /// The project the refusal is about, for per-project reasons.
    pub fn project(&self) -> Option<&str> {
        match self {
            ShareRefusal::OwnProject { project }
            | ShareRefusal::Duplicate { project }
            | ShareRefusal::MalformedProjectId { project } => Some(project),
            _ => None,
        }
    }

    /// How many more members the image can take, for a cap refusal.
    pub fn remaining(&self) -> Option<usize> {
        match self {
            ShareRefusal::CapReached { current, cap, .. } => Some(cap.saturating_sub(*current)),
            _ => None,
        }
    }

    /// The refusal as an API error.
    pub fn to_error(&self) -> ImsError {
        let message = match self {
            ShareRefusal::NotOwner => "only the image's owner can share it".to_owned(),
            ShareRefusal::NotPrivate { visibility } => {
                format!("only private images can be shared; this one is {visibility}")
            }
            ShareRefusal::Encrypted => "encrypted images cannot be shared".to_owned(),
            ShareRefusal::WholeImage => "whole-machine images cannot be shared".to_owned(),
            ShareRefusal::Market => "market images cannot be shared".to_owned(),
            ShareRefusal::CapReached { current, adding, cap } => {
                format!(
                    "an image can be shared with at most {cap} projects; it has {current}, adding {adding} is too many"
                )
            }
            ShareRefusal::OwnProject { project } => format!("{project} owns the image and cannot be a member"),
            ShareRefusal::Duplicate { project } => format!("{project} is already a member of the image"),
            ShareRefusal::MalformedProjectId { project } => {
                format!("{project:?} is not a project id (32 lower-case hexadecimal characters)")
            }
        };
        ImsError::new(self.code(), message)
    }
}

/// Every reason sharing `image` with `requested` projects is refused, for `caller`, given the
/// image's `current` members and the `cap`. Empty means every requested project can be added.
pub fn share_refusals(
    image: &Image,
    caller: &str,
    current: &[String],
    requested: &[String],
    cap: usize,
) -> Vec<ShareRefusal> {
    let mut refusals = Vec::new();
    let owner = image.owner.get().map(String::as_str).unwrap_or_default();
    if owner != caller {
        refusals.push(ShareRefusal::NotOwner);
    }
    match image.visibility.get() {
        Some(Visibility::Private | Visibility::Shared) => {}
        other => {
            refusals.push(ShareRefusal::NotPrivate { visibility: other.map(ToString::to_string).unwrap_or_default() })
        }
    }
    if image.system_cmk_id.get().is_some_and(|k| !k.is_empty()) {
        refusals.push(ShareRefusal::Encrypted);
    }
    if image.whole_image.get() == Some(&true) {
        refusals.push(ShareRefusal::WholeImage);
    }
    if image.product_code.get().is_some_and(|c| !c.is_empty()) {
        refusals.push(ShareRefusal::Market);
    }
    let mut adding = 0;
    for (i, project) in requested.iter().enumerate() {
        let refusal = if validate_project_id(project).is_some() {
            Some(ShareRefusal::MalformedProjectId { project: project.clone() })
        } else if project == owner {
            Some(ShareRefusal::OwnProject { project: project.clone() })
        } else if current.contains(project) || requested[..i].contains(project) {
            Some(ShareRefusal::Duplicate { project: project.clone() })
        } else {
            None
        };
        match refusal {
            Some(r) => refusals.push(r),
            None => adding += 1,
        }
    }
    if adding > 0 && current.len() + adding > cap {
        refusals.push(ShareRefusal::CapReached { current: current.len(), adding, cap });
    }
    refusals
}

/// What sharing one image with some projects would do: the refusals, and the projects that
/// can be added (none when any image-level reason applies).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SharePlan {
    pub refusals: Vec<ShareRefusal>,
    pub allowed: Vec<String>,
}

/// Plans a share before anything is sent, with the same rules the server applies.
pub fn plan_share(image: &Image, caller: &str, current: &[String], requested: &[String], cap: usize) -> SharePlan {
    let refusals = share_refusals(image, caller, current, requested, cap);
    let blocked = refusals.iter().any(|r| r.project().is_none());
    // A project named twice is refused once, for its second mention, and still sent once.
    let named_again =
        |r: &&ShareRefusal| matches!(r, ShareRefusal::Duplicate { project } if !current.contains(project));
    let refused: Vec<&str> = refusals.iter().filter(|r| !named_again(r)).filter_map(ShareRefusal::project).collect();
    let mut allowed: Vec<String> = Vec::new();
    if !blocked {
        for p in requested {
            if !refused.contains(&p.as_str()) && !allowed.contains(p) {
                allowed.push(p.clone());
            }
        }
    }
    SharePlan { refusals, allowed }
}

/// Whether `caller` may move the membership of `member_id` to `to`: only the member itself
/// decides (the owner can only cancel), and only to a documented state.
pub fn check_status_change(caller: &str, member_id: &str, to: &MemberStatus) -> Result<(), ImsError> {
    if caller != member_id {
        return Err(ImsError::new(ErrorCode::Forbidden, "only the member project can accept or reject a share"));
    }
    if !to.is_known() {
        return Err(ImsError::new(
            ErrorCode::BadRequest,
            format!("status {to:?} is not pending, accepted or rejected"),
        ));
    }
    Ok(())
}

/// Splits pasted project ids (comma, space or newline separated), dropping empty pieces.
pub fn split_project_ids(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests;
