//! Refreshing views after a change.

use leptos::prelude::*;

/// Bumped after every change the console makes (create, edit, delete, share, answer a share):
/// every resource that reads it — lists, details, members, the inbox and its badge — refetches.
#[derive(Clone, Copy)]
pub struct DataVersion(pub RwSignal<u32>);

impl DataVersion {
    pub fn bump(&self) {
        self.0.update(|v| *v += 1);
    }

    /// Reads the version inside a resource's fetcher, so that it refetches after changes.
    pub fn track() {
        if let Some(v) = use_context::<DataVersion>() {
            v.0.track();
        }
    }
}

/// The open form's "has unsaved changes", registered by the form while it is on the page.
#[derive(Clone, Copy)]
pub struct UnsavedChanges(pub RwSignal<Option<Signal<bool>>>);

impl UnsavedChanges {
    /// Whether leaving now would lose changes.
    pub fn pending(&self) -> bool {
        self.0.try_get_untracked().flatten().is_some_and(|dirty| dirty.get_untracked())
    }

    /// Whether the user may leave the page now: nothing is unsaved, or they chose to lose it
    /// (then the form no longer holds anyone back).
    pub fn confirm_leave(&self) -> bool {
        if !self.pending() {
            return true;
        }
        let message = crate::i18n::text(crate::i18n::current_lang(), crate::i18n::Key::UnsavedChanges);
        let leave = window().confirm_with_message(message).unwrap_or(true);
        if leave {
            self.0.set(None);
        }
        leave
    }
}
