//! The in-browser demo backend: `ims-core`'s catalog engine running in the page, so the demo
//! obeys every rule the server does because it is the same code. Its state is one JSON
//! document in localStorage under a versioned key, saved after every change.
//!
//! One catalog per page (a thread-local: wasm has one thread), shared by every mounted
//! console, as the storage it mirrors is.

use super::error::js_message;
use super::ApiError;
use crate::storage;
use ims_core::catalog::Catalog;
use ims_core::demo::saved::{self, SavedStateError, SAVED_KEY};
use ims_core::time::Timestamp;
use ims_core::ImsError;
use std::cell::{Cell, RefCell};

/// Whether this build has the in-browser demo (the `demo` feature).
pub const BUILT_IN: bool = true;

thread_local! {
    static CATALOG: RefCell<Option<Catalog>> = const { RefCell::new(None) };
    /// Whether the browser gives localStorage; without it changes last as long as the page.
    static PERSISTENT: Cell<bool> = const { Cell::new(true) };
    /// The stored document as this page last wrote or read it.
    static KNOWN: RefCell<String> = const { RefCell::new(String::new()) };
}

fn local_storage() -> Result<web_sys::Storage, String> {
    storage::local_storage().map_err(|e| js_message(&e))
}

/// Saves the catalog; without storage (known since [`open`]) there is nothing to do.
fn save(catalog: &Catalog) -> Result<(), ApiError> {
    if !PERSISTENT.get() {
        return Ok(());
    }
    let text = saved::to_saved(catalog);
    local_storage()
        .map_err(ApiError::Storage)?
        .set_item(SAVED_KEY, &text)
        .map_err(|e| ApiError::Storage(js_message(&e)))?;
    KNOWN.set(text);
    Ok(())
}

/// Takes up what another tab of the demo saved since this page last wrote or read the data,
/// so that two tabs never overwrite each other's changes.
fn catch_up() {
    if !PERSISTENT.get() {
        return;
    }
    let Some(text) = local_storage().ok().and_then(|s| s.get_item(SAVED_KEY).ok().flatten()) else { return };
    if KNOWN.with_borrow(|known| *known == text) {
        return;
    }
    // Unreadable data written behind this page's back is not taken up; the next change
    // replaces it with this page's catalog.
    if let Ok(catalog) = saved::from_saved(&text) {
        CATALOG.set(Some(catalog));
    }
    KNOWN.set(text);
}

/// Keys of demo data saved by other versions of the console.
fn other_version_keys(storage: &web_sys::Storage) -> Vec<(String, u32)> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k != SAVED_KEY)
        .filter_map(|k| saved::key_version(&k).map(|v| (k, v)))
        .collect()
}

/// The saved catalog, or why it cannot be used (`Ok(None)`: nothing saved yet).
fn read_saved() -> Result<Option<Catalog>, SavedStateError> {
    let storage = local_storage().map_err(SavedStateError::NoStorage)?;
    if let Some(text) = storage.get_item(SAVED_KEY).ok().flatten() {
        return saved::from_saved(&text).map(Some);
    }
    let older = other_version_keys(&storage);
    for (key, _) in &older {
        let _ = storage.remove_item(key);
    }
    match older.first() {
        Some(&(_, found)) => Err(SavedStateError::OtherVersion { found }),
        None => Ok(None),
    }
}

/// Opens the demo catalog once per page: the saved one, or a fresh seed. Returns why saved
/// data was replaced, for the notice the user sees; `None` when nothing was lost.
pub fn open() -> Option<SavedStateError> {
    if CATALOG.with_borrow(Option::is_some) {
        return None;
    }
    let (catalog, problem) = match read_saved() {
        Ok(Some(catalog)) => (catalog, None),
        Ok(None) => (saved::seed(), None),
        Err(problem) => (saved::seed(), Some(problem)),
    };
    PERSISTENT.set(!matches!(problem, Some(SavedStateError::NoStorage(_))));
    // Saving may fail (storage full); the demo still runs, and the first change reports it.
    let _ = save(&catalog);
    CATALOG.set(Some(catalog));
    problem
}

/// Replaces the demo data with a fresh seed.
pub fn reset() -> Result<(), ApiError> {
    let catalog = saved::seed();
    save(&catalog)?;
    CATALOG.set(Some(catalog));
    Ok(())
}

/// Answers a read from the catalog.
pub fn read<T>(f: impl FnOnce(&Catalog) -> Result<T, ImsError>) -> Result<T, ApiError> {
    open();
    catch_up();
    CATALOG.with_borrow(|c| f(c.as_ref().unwrap_or(&Catalog::default()))).map_err(ApiError::from)
}

/// Makes a change: applied to a copy, saved, and only then made current — a change that
/// cannot be saved is reported and leaves the catalog as it was.
pub fn change<T>(f: impl FnOnce(&mut Catalog) -> Result<T, ImsError>) -> Result<T, ApiError> {
    open();
    catch_up();
    let mut next = CATALOG.with_borrow(|c| c.clone().unwrap_or_default());
    let result = f(&mut next)?;
    save(&next)?;
    CATALOG.set(Some(next));
    Ok(result)
}

/// The browser's clock, in the engine's terms.
pub fn now() -> Timestamp {
    Timestamp((js_sys::Date::now() / 1000.0) as i64)
}

/// A fresh image id from the browser's random source (available on plain-HTTP hosts too,
/// unlike `crypto.randomUUID`).
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        bytes.iter_mut().for_each(|b| *b = (js_sys::Math::random() * 256.0) as u8);
    }
    saved::uuid_v4(bytes)
}

impl From<ImsError> for ApiError {
    /// The engine's refusal, as the server would have sent it.
    fn from(e: ImsError) -> Self {
        ApiError::refused(e.code.http_status(), e.envelope().error, None)
    }
}
