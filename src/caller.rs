//! Who the caller is: its project, learned once per backend and token, and its role for each
//! image (the rules are `ims_core::role`'s). A page asks [`CallerProject::role`] which actions
//! to draw; the server still decides every request.

use crate::session::{current_backend, Session};
use ims_core::role::Role;
use ims_core::Image;
use leptos::prelude::*;

/// The caller's project, provided as context by the app.
#[derive(Clone, Copy)]
pub struct CallerProject(LocalResource<Option<String>>);

impl CallerProject {
    /// Learns the project again whenever the backend or its token changes. A project id the
    /// user gave in Settings wins: they know better than any guess.
    pub fn new(session: Session) -> Self {
        CallerProject(LocalResource::new(move || {
            let (backend, given) = (current_backend(), session.own_project.get());
            async move {
                match given.trim() {
                    "" => backend.caller_project().await,
                    given => Some(given.to_owned()),
                }
            }
        }))
    }

    /// The project (tracked); `None` while it is being learned or is unknown.
    pub fn get(&self) -> Option<String> {
        self.0.get().flatten()
    }

    /// The caller's role for `image` (tracked).
    pub fn role(&self, image: &Image) -> Role {
        Role::of(image, self.get().as_deref())
    }
}

/// The caller of the current page.
pub fn use_caller() -> CallerProject {
    expect_context::<CallerProject>()
}
