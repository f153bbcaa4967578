//! Who the console talks to and as whom: the in-browser demo (as project A or B), or an
//! endpoint with its API flavour and token.
//!
//! The token lives in sessionStorage, so it is gone when the tab closes; only when the user opts
//! in ("remember me", with a warning in Settings) does it go to localStorage instead. A host
//! page that embeds the console may pass a token function instead; the console then stores no
//! token at all.

use crate::api::{Auth, Backend, Flavour, TokenProvider};
use crate::config::ConsoleConfig;
use crate::storage;
use ims_core::demo::{PROJECT_A, PROJECT_B};
use leptos::prelude::*;

const TOKEN_KEY: &str = "ims.token";
const ENDPOINT_KEY: &str = "ims.endpoint";
const FLAVOUR_KEY: &str = "ims.flavour";
const BACKEND_KEY: &str = "ims.backend";
const PROJECT_KEY: &str = "ims.demo.project";
const OWN_PROJECT_KEY: &str = "ims.project_id";

/// The demo projects one person can switch between to play both sides of sharing.
pub const DEMO_PROJECTS: [(&str, &str); 2] = [("A", PROJECT_A), ("B", PROJECT_B)];

/// The connection every request uses, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Session {
    /// Whether the in-browser demo answers instead of an endpoint.
    pub demo: RwSignal<bool>,
    /// The demo project the console acts as.
    pub project: RwSignal<String>,
    /// Base URL of the API (empty: the console's own origin).
    pub endpoint: RwSignal<String>,
    pub flavour: RwSignal<Flavour>,
    /// The `X-Auth-Token`; `None` until the user signs in.
    pub token: RwSignal<Option<String>>,
    /// Whether the token is kept in localStorage.
    pub remember: RwSignal<bool>,
    /// The project id the user gave in Settings, for a backend that cannot say whose token it
    /// is (empty: learn it; see [`crate::caller`]).
    pub own_project: RwSignal<String>,
    provider: StoredValue<Option<TokenProvider>>,
}

/// The backend of the current session (tracked: a resource re-runs when it changes). Here, not
/// in `api`, so that the API layer never reads the page's context.
pub fn current_backend() -> Backend {
    expect_context::<Session>().backend()
}

impl Session {
    /// The session for `config`. On the console's own page, what the user saved in Settings
    /// wins over the page's defaults; embedded, the host's options win.
    pub fn new(config: &ConsoleConfig) -> Self {
        let saved = |key| (!config.embedded).then(|| storage::local_get(key)).flatten();
        let remembered = storage::local_get(TOKEN_KEY).filter(|t| !t.is_empty());
        let token = config.token.clone().or_else(|| storage::session_get(TOKEN_KEY).filter(|t| !t.is_empty()));
        let demo = crate::api::demo::BUILT_IN
            && match saved(BACKEND_KEY).as_deref() {
                Some("demo") => true,
                Some("http") => false,
                _ => config.endpoint.is_none(),
            };
        let endpoint = saved(ENDPOINT_KEY).or_else(|| config.endpoint.clone()).unwrap_or_default();
        let flavour = saved(FLAVOUR_KEY).as_deref().and_then(Flavour::from_tag).or(config.flavour);
        let project = storage::local_get(PROJECT_KEY).filter(|p| DEMO_PROJECTS.iter().any(|(_, id)| id == p));
        Session {
            demo: RwSignal::new(demo),
            project: RwSignal::new(project.unwrap_or_else(|| PROJECT_A.to_owned())),
            endpoint: RwSignal::new(endpoint),
            flavour: RwSignal::new(flavour.unwrap_or_default()),
            token: RwSignal::new(token.or(remembered.clone())),
            remember: RwSignal::new(remembered.is_some()),
            own_project: RwSignal::new(saved(OWN_PROJECT_KEY).unwrap_or_default()),
            provider: StoredValue::new(config.token_provider.clone()),
        }
    }

    /// Where requests go now (tracked).
    pub fn backend(&self) -> Backend {
        if self.demo.get() {
            return Backend::Demo { project: self.project.get() };
        }
        let auth = match self.provider.get_value() {
            Some(provider) => Auth::Provider(provider),
            None => Auth::Token(self.token.get()),
        };
        Backend::Http { endpoint: self.endpoint.get(), auth, flavour: self.flavour.get() }
    }

    /// Whether requests can be made without signing in first (tracked).
    pub fn signed_in(&self) -> bool {
        match self.backend() {
            Backend::Demo { .. } => true,
            Backend::Http { auth, .. } => auth.is_signed_in(),
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

    /// Acts as another demo project, and remembers it.
    pub fn set_project(&self, project: &str) {
        storage::local_set(PROJECT_KEY, project);
        self.project.set(project.to_owned());
    }

    /// Saves the connection settings.
    pub fn configure(&self, demo: bool, endpoint: String, flavour: Flavour, remember: bool, own_project: String) {
        storage::local_set(BACKEND_KEY, if demo { "demo" } else { "http" });
        storage::local_set(OWN_PROJECT_KEY, own_project.trim());
        self.own_project.set(own_project.trim().to_owned());
        storage::local_set(ENDPOINT_KEY, endpoint.trim());
        storage::local_set(FLAVOUR_KEY, flavour.as_str());
        self.demo.set(demo);
        self.endpoint.set(endpoint.trim().to_owned());
        self.flavour.set(flavour);
        self.remember.set(remember);
        self.set_token(self.token.get_untracked());
    }
}
