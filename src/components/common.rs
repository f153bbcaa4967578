//! Components every page uses.

pub mod connection_badge;
pub mod copy_button;
pub mod demo_controls;
pub mod demo_notice;
pub mod error_panel;
pub mod header_controls;
pub mod page_notice;
pub mod sign_in_form;
pub mod time_text;

pub use copy_button::CopyButton;
pub use error_panel::ErrorPanel;
pub use sign_in_form::SignInForm;
pub use time_text::TimeText;
