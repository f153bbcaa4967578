//! Sharing: the owner's members panel and share form, and the consumer's inbox.

pub mod inbox_table;
pub mod members_table;
pub mod pending_badge;
pub mod share_form;
pub mod share_panel;

use crate::i18n::{text, Key, Lang};
use ims_core::model::MemberStatus;
use ims_core::query::FilterValue;
use ims_core::sharing::ShareRefusal;
use ims_core::ListQuery;

/// The list document's inbox query: shares in `status`, up to the largest page.
pub fn inbox_query(status: MemberStatus) -> ListQuery {
    let text = |s: &str| FilterValue::Text(s.to_owned());
    let filters =
        [("member_status", text(status.as_str())), ("visibility", text("shared")), ("__imagetype", text("shared"))];
    let mut query = ListQuery { limit: Some(ims_core::query::MAX_LIMIT), ..ListQuery::default() };
    // `extend`, not `collect`: collecting into a map sorts first, with its own copy of the sort.
    query.filters.extend(filters.into_iter().map(|(k, v)| (k.to_owned(), v)));
    query
}

pub use crate::data_version::DataVersion;

/// A refusal in the user's language, naming the project it concerns.
pub fn refusal_text(refusal: &ShareRefusal, lang: Lang) -> String {
    let t = |k| text(lang, k);
    match refusal {
        ShareRefusal::NotOwner => t(Key::RefNotOwner).to_owned(),
        ShareRefusal::NotPrivate { .. } => t(Key::RefNotPrivate).to_owned(),
        ShareRefusal::Encrypted => t(Key::RefEncrypted).to_owned(),
        ShareRefusal::WholeImage => t(Key::RefWholeImage).to_owned(),
        ShareRefusal::Market => t(Key::RefMarket).to_owned(),
        ShareRefusal::CapReached { .. } => format!("{}: {}", t(Key::RefCap), refusal.remaining().unwrap_or(0)),
        ShareRefusal::OwnProject { project } => format!("{project} {}", t(Key::RefOwnProject)),
        ShareRefusal::Duplicate { project } => format!("{project} {}", t(Key::RefDuplicate)),
        ShareRefusal::MalformedProjectId { project } => format!("{project:?} {}", t(Key::RefMalformed)),
    }
}
