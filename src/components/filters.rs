//! The filter builder: one field per list parameter, generated from the field registry.

pub mod filter_bar;
pub mod filter_field;
pub mod time_filter_field;
pub mod url_problems;

pub use filter_bar::FilterBar;
