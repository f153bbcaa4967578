//! Components by feature.

pub mod common;
pub mod image_table;
