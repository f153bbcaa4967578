//! Create and edit forms, and deletion.

pub mod delete_dialog;
pub mod edit_form;
pub mod field_errors;
pub mod image_fields;
pub mod properties_editor;
pub mod request_preview_panel;
pub mod tags_editor;
pub mod unsaved_guard;

pub use field_errors::FieldErrors;
