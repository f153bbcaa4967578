//! The list API an endpoint speaks.

/// Which list API the endpoint speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Flavour {
    /// IMS: `GET /v2/cloudimages` with every filter.
    #[default]
    Ims,
    /// OpenStack Glance: `GET /v2/images`, no IMS-only filters.
    Glance,
}

impl Flavour {
    pub fn as_str(self) -> &'static str {
        match self {
            Flavour::Ims => "ims",
            Flavour::Glance => "glance",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Flavour> {
        match tag {
            "ims" => Some(Flavour::Ims),
            "glance" => Some(Flavour::Glance),
            _ => None,
        }
    }
}
