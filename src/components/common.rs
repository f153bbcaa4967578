//! Components every page uses.

pub mod error_panel;
pub mod sign_in_form;

pub use error_panel::ErrorPanel;
pub use sign_in_form::SignInForm;
