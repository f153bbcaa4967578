//! Stand-in for the in-browser demo in the console built without it (no `demo` feature: the
//! console ims-server serves). Nobody it serves runs the demo, so it ships none of the engine:
//! a session never chooses [`super::Backend::Demo`] here ([`BUILT_IN`] is false), and these
//! functions only keep the backend's calls total.

use super::ApiError;
use ims_core::catalog::Catalog;
use ims_core::demo::saved::SavedStateError;
use ims_core::time::Timestamp;
use ims_core::ImsError;

/// Whether this build has the in-browser demo.
pub const BUILT_IN: bool = false;

fn unavailable() -> ApiError {
    ApiError::Storage("this console is built without the in-browser demo".to_owned())
}

/// Nothing to open.
pub fn open() -> Option<SavedStateError> {
    None
}

/// Refused: there is no demo data.
pub fn reset() -> Result<(), ApiError> {
    Err(unavailable())
}

/// Refused: there is no demo catalog to read.
pub fn read<T>(_: impl FnOnce(&Catalog) -> Result<T, ImsError>) -> Result<T, ApiError> {
    Err(unavailable())
}

/// Refused: there is no demo catalog to change.
pub fn change<T>(_: impl FnOnce(&mut Catalog) -> Result<T, ImsError>) -> Result<T, ApiError> {
    Err(unavailable())
}

/// Unused without the demo.
pub fn now() -> Timestamp {
    Timestamp(0)
}

/// Unused without the demo.
pub fn new_id() -> String {
    String::new()
}
