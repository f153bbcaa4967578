//! One file per route.

pub mod image_create_page;
pub mod image_detail_page;
pub mod image_edit_page;
pub mod image_list_page;
pub mod inbox_page;
pub mod not_found_page;
pub mod settings_page;
