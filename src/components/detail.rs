//! The detail view of one image.

pub mod attribute_group;
pub mod custom_properties;

pub use attribute_group::AttributeGroup;
pub use custom_properties::CustomProperties;
