//! Components by feature.

pub mod common;
pub mod detail;
pub mod filters;
pub mod forms;
pub mod image_table;
pub mod sharing;
