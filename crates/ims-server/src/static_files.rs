//! The built console: files from trunk's dist, and `index.html` for every other path so that
//! console deep links (`/images/abc`) load the app.

use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};

pub fn service(dir: &Path) -> ServeDir<ServeFile> {
    ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")))
}
