//! One file per route.

pub mod image_list_page;
pub mod not_found_page;
