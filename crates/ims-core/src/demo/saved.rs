//! The in-browser demo's saved state: the catalog as one JSON document under a versioned
//! storage key. Reading never panics: anything that is not a catalog of this version is a
//! [`SavedStateError`], and the caller starts again from [`seed`] and tells the user why.

use super::demo_catalog;
use crate::catalog::Catalog;
use crate::sharing::DEFAULT_MEMBER_CAP;
use serde::{Deserialize, Serialize};

/// The version of the saved document; bump it when [`Catalog`]'s stored shape changes.
pub const SAVED_VERSION: u32 = 1;
/// Where the demo keeps its state (localStorage). The key carries the version, so data of an
/// older console is never read as this version's.
pub const SAVED_KEY: &str = "ims.demo.v1";
/// The prefix every version's key shares: a key with this prefix other than [`SAVED_KEY`] is
/// data of another version.
pub const SAVED_KEY_PREFIX: &str = "ims.demo.v";

/// A fresh demo catalog: the same images the reference server seeds on first start.
pub fn seed() -> Catalog {
    Catalog::new(demo_catalog(), DEFAULT_MEMBER_CAP)
}

#[derive(Serialize)]
struct SavedRef<'a> {
    version: u32,
    catalog: &'a Catalog,
}

/// The version alone: read first, so that data of another version is refused as such even
/// when its catalog has another shape.
#[derive(Deserialize)]
struct SavedVersion {
    version: u32,
}

#[derive(Deserialize)]
struct Saved {
    catalog: Catalog,
}

/// Why saved demo data could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SavedStateError {
    /// Not JSON, or not the shape of a saved catalog.
    #[error("the saved demo data is unreadable: {0}")]
    Corrupt(String),
    /// Data saved by another version of the console.
    #[error("the saved demo data is from version {found}, this console reads version {SAVED_VERSION}")]
    OtherVersion { found: u32 },
    /// The browser gives no storage (disabled, or a sandboxed page): the demo runs on data
    /// that lasts until the page closes.
    #[error("this browser does not let the page keep data: {0}")]
    NoStorage(String),
}

impl SavedStateError {
    /// Whether data that was saved could not be used (as opposed to no place to save it).
    pub fn replaced_saved_data(&self) -> bool {
        !matches!(self, SavedStateError::NoStorage(_))
    }
}

/// The document to store for `catalog`.
pub fn to_saved(catalog: &Catalog) -> String {
    // A catalog is maps of strings and JSON values: serialising it cannot fail.
    serde_json::to_string(&SavedRef { version: SAVED_VERSION, catalog }).unwrap_or_default()
}

/// The catalog in a stored document.
pub fn from_saved(text: &str) -> Result<Catalog, SavedStateError> {
    let corrupt = |e: serde_json::Error| SavedStateError::Corrupt(e.to_string());
    // Both reads parse the text itself (never through a `Value`): the wasm then shares one
    // image decoder with the API client.
    let found = serde_json::from_str::<SavedVersion>(text).map_err(corrupt)?.version;
    if found != SAVED_VERSION {
        return Err(SavedStateError::OtherVersion { found });
    }
    serde_json::from_str::<Saved>(text).map(|s| s.catalog).map_err(corrupt)
}

/// The version in a storage key of the demo (`ims.demo.v0` → 0), for data left by another
/// version of the console.
pub fn key_version(key: &str) -> Option<u32> {
    key.strip_prefix(SAVED_KEY_PREFIX)?.parse().ok()
}

/// A version-4 UUID from 16 random bytes — ids of images created in the browser.
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}
