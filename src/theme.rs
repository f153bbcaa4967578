//! Light, dark, or the system's preference. The theme is an attribute on the console's root
//! element (not the document), so an embedded console themes itself and nothing around it.

use crate::storage;
use leptos::prelude::*;

const THEME_KEY: &str = "ims.theme";

/// The theme: the system's preference unless the user (or the host page) picked one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Theme> {
        match tag {
            "system" => Some(Theme::System),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The next theme of the header's toggle.
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }
}

/// The current theme, provided as context by the app.
#[derive(Clone, Copy)]
pub struct ThemeChoice(pub RwSignal<Theme>);

impl ThemeChoice {
    /// The configured theme, else the one the user picked last, else the system's.
    pub fn new(configured: Option<Theme>) -> Self {
        let stored = || storage::local_get(THEME_KEY).as_deref().and_then(Theme::from_tag);
        ThemeChoice(RwSignal::new(configured.or_else(stored).unwrap_or_default()))
    }

    /// Switches and remembers the theme.
    pub fn set(&self, theme: Theme) {
        storage::local_set(THEME_KEY, theme.as_str());
        self.0.set(theme);
    }

    /// The root element's `data-theme` (none: follow the system).
    pub fn attribute(&self) -> Option<&'static str> {
        Some(self.0.get()).filter(|t| *t != Theme::System).map(Theme::as_str)
    }
}
