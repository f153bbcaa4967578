//! Who the console talks to and as whom: the endpoint, the API flavour and the token.
//!
//! The token lives in sessionStorage, so it is gone when the tab closes; only when the user opts
//! in ("remember me", with a warning in Settings) does it go to localStorage instead.

use crate::api::Flavour;
use crate::storage;
use leptos::prelude::*;

const TOKEN_KEY: &str = "ims.token";
const ENDPOINT_KEY: &str = "ims.endpoint";
const FLAVOUR_KEY: &str = "ims.flavour";

/// The connection every request uses, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Session {
    /// Base URL of the API (empty: the console's own origin).
    pub endpoint: RwSignal<String>,
    pub flavour: RwSignal<Flavour>,
    /// The `X-Auth-Token`; `None` until the user signs in.
    pub token: RwSignal<Option<String>>,
    /// Whether the token is kept in localStorage.
    pub remember: RwSignal<bool>,
}

impl Session {
    /// The session as the browser left it.
    pub fn from_storage() -> Self {
        let remembered = storage::local_get(TOKEN_KEY).filter(|t| !t.is_empty());
        let token = storage::session_get(TOKEN_KEY).filter(|t| !t.is_empty()).or_else(|| remembered.clone());
        let flavour = match storage::local_get(FLAVOUR_KEY).as_deref() {
            Some("glance") => Flavour::Glance,
            _ => Flavour::Ims,
        };
        Session {
            endpoint: RwSignal::new(storage::local_get(ENDPOINT_KEY).unwrap_or_default()),
            flavour: RwSignal::new(flavour),
            token: RwSignal::new(token),
            remember: RwSignal::new(remembered.is_some()),
        }
    }

    /// Signs in (`Some`) or out (`None`). Signing out forgets the token everywhere.
    pub fn set_token(&self, token: Option<String>) {
        storage::session_remove(TOKEN_KEY);
        storage::local_remove(TOKEN_KEY);
        if let Some(t) = &token {
            if self.remember.get_untracked() {
                storage::local_set(TOKEN_KEY, t);
            } else {
                storage::session_set(TOKEN_KEY, t);
            }
        }
        self.token.set(token);
    }

    /// Saves the connection settings.
    pub fn configure(&self, endpoint: String, flavour: Flavour, remember: bool) {
        storage::local_set(ENDPOINT_KEY, endpoint.trim());
        storage::local_set(FLAVOUR_KEY, flavour.as_str());
        self.endpoint.set(endpoint.trim().to_owned());
        self.flavour.set(flavour);
        self.remember.set(remember);
        self.set_token(self.token.get_untracked());
    }
}
