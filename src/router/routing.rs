//! The address shapes of app paths: clean paths under a base, or a hash.

/// How app paths appear in the browser's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Routing {
    /// `{base}/images/abc?…`; `base` is empty or starts with `/` and has no trailing `/`.
    Path { base: String },
    /// `#/images/abc?…` after the host page's own address.
    Hash,
}

impl Default for Routing {
    fn default() -> Self {
        Routing::Path { base: String::new() }
    }
}

impl Routing {
    /// Path routing under `base` (`"/"`, `"/admin/"` and `"/admin"` are all accepted).
    pub fn path(base: &str) -> Self {
        let base = base.trim_end_matches('/');
        let base = if base.is_empty() || base.starts_with('/') { base.to_owned() } else { format!("/{base}") };
        Routing::Path { base }
    }

    /// The address of an app path, for `href` and the history.
    pub fn href(&self, app: &str) -> String {
        match self {
            Routing::Path { base } => format!("{base}{app}"),
            Routing::Hash => format!("#{app}"),
        }
    }

    /// The app path and query (without `?`) of a browser address: its path, `?search` and
    /// `#hash` parts. `None` for an address that is not the console's: with hash routing, a
    /// host page's own fragment (`#billing`), which the console leaves alone.
    pub fn app_location(&self, pathname: &str, search: &str, hash: &str) -> Option<(String, String)> {
        let (path, search) = match self {
            Routing::Path { base } => (pathname.strip_prefix(base.as_str()).unwrap_or(pathname), search),
            Routing::Hash if hash.is_empty() || hash == "#" => ("/", ""),
            Routing::Hash => {
                let app = hash.strip_prefix("#/")?;
                app.split_once('?').unwrap_or((app, ""))
            }
        };
        let path = if path.starts_with('/') { path.to_owned() } else { format!("/{path}") };
        Some((path, search.trim_start_matches('?').to_owned()))
    }
}
