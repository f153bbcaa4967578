//! Who the console talks to and as whom: the API endpoint and the token.
//!
//! The token lives in sessionStorage, so it is gone when the tab closes; nothing else keeps it.

use leptos::prelude::*;

const TOKEN_KEY: &str = "ims.token";

/// The connection every request uses, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Session {
    /// Base URL of the API (empty: the console's own origin).
    pub endpoint: RwSignal<String>,
    /// The `X-Auth-Token`; `None` until the user signs in.
    pub token: RwSignal<Option<String>>,
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

impl Session {
    /// The session as the tab left it.
    pub fn from_storage() -> Self {
        let token = session_storage()
            .and_then(|s| s.get_item(TOKEN_KEY).ok().flatten())
            .filter(|t| !t.is_empty());
        Session {
            endpoint: RwSignal::new(String::new()),
            token: RwSignal::new(token),
        }
    }

    /// Signs in (`Some`) or out (`None`), remembering the token for this tab only.
    pub fn set_token(&self, token: Option<String>) {
        if let Some(storage) = session_storage() {
            // Storage can be unavailable (private mode, quota): the session still works in memory.
            let _ = match &token {
                Some(t) => storage.set_item(TOKEN_KEY, t),
                None => storage.remove_item(TOKEN_KEY),
            };
        }
        self.token.set(token);
    }
}
