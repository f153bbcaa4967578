//! Who the caller is to an image, and so which actions the console offers: the owner changes
//! and shares it; a project it is shared with answers the share; anyone else only looks.
//!
//! The console learns the caller's project in this order (see [`Caller`]): the in-browser
//! demo knows it; ims-server answers `GET /v2/whoami`; IMS and Glance, which have no such
//! call, show it as the `owner` of an image only the caller's own listing returns; failing
//! that, the project id the user gave in Settings. While it is unknown, every action is offered
//! and the server decides (its refusal is shown) — a console that hid actions on a guess would
//! lock owners out of their own images.

use crate::backend::Flavour;
use crate::model::Visibility;
use crate::query::FilterValue;
use crate::{Image, ListQuery};
use serde::Deserialize;

/// The caller's relation to one image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Owns it: edit, delete, share.
    Owner,
    /// Sees it through a share: accept or reject it, nothing else.
    Consumer,
    /// Sees it because it is public: read only.
    Viewer,
}

impl Role {
    /// The role of `caller` (its project id; `None` while unknown) for `image`.
    pub fn of(image: &Image, caller: Option<&str>) -> Role {
        let Some(caller) = caller.filter(|c| !c.is_empty()) else {
            return Role::Owner;
        };
        if crate::catalog::is_owner(caller, image) {
            return Role::Owner;
        }
        // A private or shared image another project owns is only visible through a share.
        match image.visibility.get() {
            Some(Visibility::Private | Visibility::Shared) => Role::Consumer,
            _ if image.image_type.get() == Some(&crate::model::ImageType::Shared) => Role::Consumer,
            _ => Role::Viewer,
        }
    }

    /// Whether the caller may edit, delete and share the image.
    pub fn may_change(self) -> bool {
        self == Role::Owner
    }
}

/// The answer of ims-server's `GET /v2/whoami`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Caller {
    pub project_id: String,
}

impl Caller {
    /// Reads the whoami answer; an empty project id is no answer.
    pub fn parse(body: &str) -> Option<String> {
        serde_json::from_str::<Caller>(body).ok().map(|c| c.project_id).filter(|p| !p.is_empty())
    }

    /// The owner of the first image of the caller's own listing ([`Flavour::own_images_query`]).
    pub fn from_own_images(images: &[Image]) -> Option<String> {
        images.first().and_then(|i| i.owner.get().cloned()).filter(|p| !p.is_empty())
    }
}

impl Flavour {
    /// Whether to ask `GET /v2/whoami` for the caller's project: an IMS endpoint may be
    /// ims-server, which answers it; Glance never does (404), so it is not asked.
    pub fn asks_whoami(self) -> bool {
        self == Flavour::Ims
    }

    /// One image only the caller can list, if it has any: IMS's private image type, Glance's
    /// private visibility (a private image is visible to its owner alone).
    pub fn own_images_query(self) -> ListQuery {
        let text = |s: &str| FilterValue::Text(s.to_owned());
        let mut query = ListQuery { limit: Some(1), ..ListQuery::default() };
        match self {
            Flavour::Ims => query.filters.insert("__imagetype".into(), text("private")),
            Flavour::Glance => query.filters.insert("visibility".into(), text("private")),
        };
        query
    }
}

#[cfg(test)]
mod tests;
