//! Sharing: the owner's members panel and share form, and the consumer's inbox.

pub mod inbox_table;
pub mod make_shared;
pub mod members_table;
pub mod my_share;
pub mod pending_badge;
pub mod share_form;
pub mod share_panel;

use crate::i18n::{text, Key, Lang};
use ims_core::sharing::ShareRefusal;

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
