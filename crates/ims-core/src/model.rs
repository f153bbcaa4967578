//! The wire model: images as the IMS API sends them.

mod enums;
mod field;
mod image;

pub use enums::*;
pub use field::{Field, WireValue};
pub use image::{GlanceImageList, Image, ImageList};
