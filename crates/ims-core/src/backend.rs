//! The two APIs the console speaks — Huawei Cloud IMS and OpenStack Glance v2 — and every
//! difference between them, as data: the list path, the vocabularies, the attributes Glance
//! owns, when an image can have members, the inbox query and the error body. Components ask
//! a [`Flavour`]; none of them tests "is this Glance?".

use crate::catalog::ImagePage;
use crate::model::{MemberStatus, Visibility};
use crate::query::FilterValue;
use crate::{ErrorBody, ErrorEnvelope, GlanceImageList, ImageList, ListQuery};

/// Which API an endpoint speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Flavour {
    /// IMS: `GET /v2/cloudimages` with every filter.
    #[default]
    Ims,
    /// OpenStack Glance v2: `GET /v2/images`, no IMS-only filters.
    Glance,
}

/// Attributes Glance keeps itself and lists beside custom properties: read-only, never offered
/// as properties in a form and never sent in a patch (Glance answers 403 for each).
const GLANCE_BASE: &[&str] =
    &["os_hidden", "os_hash_algo", "os_hash_value", "stores", "locations", "direct_url", "virtual_size"];

/// Glance's disk formats (its default `disk_formats` option), then its container formats.
const GLANCE_DISK: &[&str] = &["raw", "qcow2", "vhd", "vhdx", "vmdk", "vdi", "iso", "ploop", "ami", "aki", "ari"];
const GLANCE_CONTAINER: &[&str] = &["bare", "ovf", "ova", "docker", "compressed", "ami", "aki", "ari"];
/// IMS takes these on create (`iso` only appears in lists: `validate::CREATE_DISK_FORMATS`).
const IMS_DISK: &[&str] = &["vhd", "zvhd", "zvhd2", "raw", "qcow2"];
const IMS_CONTAINER: &[&str] = &["bare"];
const GLANCE_STATUS: &[&str] =
    &["queued", "saving", "active", "killed", "deleted", "deactivated", "uploading", "importing", "pending_delete"];

/// Glance's values of an enumerated list parameter, where they differ from IMS's.
fn glance_vocabulary(param: &str) -> Option<&'static [&'static str]> {
    match param {
        "status" => Some(GLANCE_STATUS),
        "disk_format" => Some(GLANCE_DISK),
        "container_format" => Some(GLANCE_CONTAINER),
        _ => None,
    }
}

/// Whether `value` is one of `param`'s values in any backend's vocabulary: a link with a
/// Glance value is not an error, while a typo still is.
pub fn is_known_value(param: &str, value: &str) -> Option<&'static str> {
    glance_vocabulary(param)?.iter().find(|v| v.eq_ignore_ascii_case(value)).copied()
}

impl Flavour {
    pub const ALL: [Flavour; 2] = [Flavour::Ims, Flavour::Glance];

    /// The tag saved in settings and accepted in the embed options.
    pub fn as_str(self) -> &'static str {
        match self {
            Flavour::Ims => "ims",
            Flavour::Glance => "glance",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Flavour> {
        Flavour::ALL.into_iter().find(|f| f.as_str() == tag)
    }

    /// The list endpoint.
    pub fn list_path(self) -> &'static str {
        match self {
            Flavour::Ims => "/v2/cloudimages",
            Flavour::Glance => "/v2/images",
        }
    }

    /// Whether a listed attribute belongs to the backend (read-only), not to the user.
    pub fn is_base_attribute(self, key: &str) -> bool {
        self == Flavour::Glance && (GLANCE_BASE.contains(&key) || key.starts_with("os_glance_"))
    }

    /// Whether the list page offers a filter field for `param`. The tabs set `__imagetype` (IMS)
    /// or `visibility` (Glance), so no field does; Glance has none of IMS's own filters, and its
    /// `member_status` needs `visibility=shared`, which would override the tab: shares by state
    /// are the inbox's.
    pub fn offers_filter(self, param: &str) -> bool {
        match self {
            Flavour::Ims => param != "__imagetype",
            Flavour::Glance => !crate::query::is_ims_only(param) && !matches!(param, "visibility" | "member_status"),
        }
    }

    /// The `disk_format` values the backend accepts on create, in the order a form offers them.
    pub fn disk_formats(self) -> &'static [&'static str] {
        match self {
            Flavour::Ims => IMS_DISK,
            Flavour::Glance => GLANCE_DISK,
        }
    }

    /// The `container_format` values the backend accepts.
    pub fn container_formats(self) -> &'static [&'static str] {
        match self {
            Flavour::Ims => IMS_CONTAINER,
            Flavour::Glance => GLANCE_CONTAINER,
        }
    }

    /// The values a list filter of enumerated `param` offers: the documented IMS ones, or
    /// Glance's own vocabulary where it has one.
    pub fn filter_values(self, param: &str, documented: &'static [&'static str]) -> &'static [&'static str] {
        match self {
            Flavour::Ims => documented,
            Flavour::Glance => glance_vocabulary(param).unwrap_or(documented),
        }
    }

    /// Whether the list endpoint filters on any custom property (`?os_distro=ubuntu`).
    pub fn filters_on_properties(self) -> bool {
        self == Flavour::Glance
    }

    /// The list's columns before the user chooses any, where the registry's defaults (IMS
    /// attributes) would stay empty: Glance fills these.
    pub fn default_columns(self) -> Option<&'static [&'static str]> {
        match self {
            Flavour::Ims => None,
            Flavour::Glance => Some(&["name", "status", "visibility", "disk_format", "size", "owner", "created_at"]),
        }
    }

    /// The property an image's description is kept in: IMS's `__description`; Glance has no
    /// description attribute, and its dashboards keep one in the custom property `description`.
    pub fn description_key(self) -> &'static str {
        match self {
            Flavour::Ims => "__description",
            Flavour::Glance => "description",
        }
    }

    /// Whether the backend fills `__os_type`, `__platform` and `__os_bit` from `__os_version`.
    pub fn derives_os_fields(self) -> bool {
        self == Flavour::Ims
    }

    /// Whether an image of this visibility can have members. IMS shares any image that is not
    /// public; Glance only `shared` ones (it answers 403 for the members of any other), so a
    /// private Glance image is switched to `shared` first.
    pub fn can_have_members(self, visibility: Option<&Visibility>) -> bool {
        match self {
            Flavour::Ims => visibility != Some(&Visibility::Public),
            Flavour::Glance => visibility == Some(&Visibility::Shared),
        }
    }

    /// The visibility an image must be switched to before it can be shared, when the backend
    /// allows the switch (Glance: a private image becomes `shared`, `PATCH /visibility`).
    pub fn visibility_to_share(self, visibility: Option<&Visibility>) -> Option<Visibility> {
        (self == Flavour::Glance && visibility == Some(&Visibility::Private)).then_some(Visibility::Shared)
    }

    /// The query of the inbox's `status` list: shares in that state, up to the largest page.
    /// IMS also needs `__imagetype=shared`; Glance reads any unknown key as a property filter,
    /// so it must not get one.
    pub fn inbox_query(self, status: &MemberStatus) -> ListQuery {
        let text = |s: &str| FilterValue::Text(s.to_owned());
        let mut query = ListQuery { limit: Some(crate::query::MAX_LIMIT), ..ListQuery::default() };
        query.filters.insert("member_status".into(), text(status.as_str()));
        query.filters.insert("visibility".into(), text("shared"));
        if self == Flavour::Ims {
            query.filters.insert("__imagetype".into(), text("shared"));
        }
        query
    }
}

impl Flavour {
    /// A list answer as a page. With IMS a full page means there may be more (`next_marker` is
    /// the last id); Glance says so itself with its `next` link.
    pub fn read_list_page(self, body: &str, query: &ListQuery) -> Result<ImagePage, serde_json::Error> {
        let last_id = |images: &[crate::Image]| images.last().and_then(|i| i.id.get().cloned());
        match self {
            Flavour::Ims => {
                let list: ImageList = serde_json::from_str(body)?;
                let full = list.images.len() == query.effective_limit() as usize;
                let next_marker = if full { last_id(&list.images) } else { None };
                Ok(ImagePage { images: list.images, next_marker })
            }
            Flavour::Glance => {
                let list: GlanceImageList = serde_json::from_str(body)?;
                let next_marker = if list.next.is_some() { last_id(&list.images) } else { None };
                Ok(ImagePage { images: list.images, next_marker })
            }
        }
    }
}

/// An error answer's body as code and message. IMS sends its envelope; Glance sends
/// `{"message": "…<br /><br />…", "code": "403 Forbidden", "title": "Forbidden"}`, whose message
/// is HTML: it is read as plain text. `None` when the body is neither.
pub fn error_body(text: &str) -> Option<ErrorBody> {
    if let Ok(envelope) = serde_json::from_str::<ErrorEnvelope>(text) {
        return Some(envelope.error);
    }
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let message = value.get("message")?.as_str()?;
    Some(ErrorBody { code: String::new(), message: plain_text(message), details: Vec::new() })
}

/// HTML as the text a person reads: tags become spaces, the common entities their characters,
/// runs of white space one space.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
    out.replace("&amp;", "&").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The inbox's three lists (one per member status) without the caller's own images. Glance
/// lists the caller's own shared images in every `member_status` list; an image shared *with*
/// the caller has one membership, so it is in exactly one. An id found in all three lists is
/// therefore the caller's own, and dropped — no project id needed.
pub fn shared_with_caller<const N: usize>(mut lists: [Vec<crate::Image>; N]) -> [Vec<crate::Image>; N] {
    if N < 2 {
        return lists;
    }
    let in_all = |id: &String| lists.iter().all(|l| l.iter().any(|i| i.id.get() == Some(id)));
    let own: Vec<String> = lists[0].iter().filter_map(|i| i.id.get()).filter(|id| in_all(id)).cloned().collect();
    for list in &mut lists {
        list.retain(|i| i.id.get().is_none_or(|id| !own.contains(id)));
    }
    lists
}

#[cfg(test)]
mod tests;
