//! Browser storage. Every failure (storage disabled, quota, private mode) degrades to "not
//! stored" rather than an error: preferences are a convenience, never a reason to fail. (The
//! in-browser demo's data is not a preference: it asks for [`local_storage`] and reports why
//! not.)

use wasm_bindgen::JsValue;

/// localStorage, or the browser's reason for refusing it (disabled, sandboxed page).
pub fn local_storage() -> Result<web_sys::Storage, JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    window.local_storage()?.ok_or_else(|| JsValue::from_str("localStorage is not available"))
}

fn local() -> Option<web_sys::Storage> {
    local_storage().ok()
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn get(storage: Option<web_sys::Storage>, key: &str) -> Option<String> {
    storage?.get_item(key).ok().flatten()
}

fn set(storage: Option<web_sys::Storage>, key: &str, value: &str) {
    if let Some(s) = storage {
        let _ = s.set_item(key, value);
    }
}

fn remove(storage: Option<web_sys::Storage>, key: &str) {
    if let Some(s) = storage {
        let _ = s.remove_item(key);
    }
}

pub fn local_get(key: &str) -> Option<String> {
    get(local(), key)
}

pub fn local_set(key: &str, value: &str) {
    set(local(), key, value)
}

pub fn local_remove(key: &str) {
    remove(local(), key)
}

pub fn session_get(key: &str) -> Option<String> {
    get(session(), key)
}

pub fn session_set(key: &str, value: &str) {
    set(session(), key, value)
}

pub fn session_remove(key: &str) {
    remove(session(), key)
}
