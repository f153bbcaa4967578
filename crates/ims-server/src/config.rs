//! Command line and environment configuration.

use clap::Parser;
use std::net::SocketAddr;
use std::path::PathBuf;

/// The reference IMS API over SQLite. Every flag can also be set by its `IMS_*` variable.
#[derive(Debug, Clone, Parser)]
#[command(name = "ims-server", version, about)]
pub struct Cli {
    /// Address and port to listen on.
    #[arg(long, env = "IMS_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// SQLite database file, or a `postgres://` URL (several instances may share one);
    /// created (SQLite), migrated and seeded on first start.
    #[arg(long, env = "IMS_DB", default_value = "data/ims.sqlite")]
    pub db: PathBuf,

    /// TOML file of `[[token]]` entries with `token` and `project_id`; without it the built-in
    /// demo tokens are used and printed at start.
    #[arg(long, env = "IMS_TOKENS")]
    pub tokens: Option<PathBuf>,

    /// Directory with the built console (trunk's dist), served at `/` with an SPA fallback.
    #[arg(long, env = "IMS_STATIC_DIR")]
    pub static_dir: Option<PathBuf>,

    /// How many projects one image can be shared with (the documents say 128; newer ones 256).
    #[arg(long, env = "IMS_MEMBER_CAP", default_value_t = ims_core::sharing::DEFAULT_MEMBER_CAP)]
    pub member_cap: usize,

    /// An origin allowed to call the API from a browser (CORS); repeat for more. Default: none.
    #[arg(long = "cors-origin", env = "IMS_CORS_ORIGIN", value_delimiter = ',')]
    pub cors_origins: Vec<String>,

    /// An API endpoint the console may call besides its own origin (CSP connect-src), e.g. a
    /// Glance at https://glance.example.com chosen in Settings; repeat for more. Default: none.
    #[arg(long = "connect-src", env = "IMS_CONNECT_SRC", value_delimiter = ',', value_name = "ORIGIN")]
    pub connect_src: Vec<String>,

    /// Who may frame the console (CSP frame-ancestors), e.g. "'self' https://admin.example.com".
    #[arg(long, env = "IMS_FRAME_ANCESTORS", default_value = "'self'")]
    pub frame_ancestors: String,

    /// Fill an empty database with this many generated images instead of the demo catalog
    /// (for load tests such as `cargo xtask bench`).
    #[arg(long, env = "IMS_SEED_SYNTHETIC", value_name = "COUNT")]
    pub seed_synthetic: Option<usize>,

    /// Do not seed the demo catalog into an empty database.
    #[arg(long, env = "IMS_NO_SEED")]
    pub no_seed: bool,

    /// Gateway mode: forward `/v1`, `/v2` and `/v2.1` to this IMS or Glance endpoint instead of
    /// serving the database. Signing mode when `--tokens` has `[[upstream_credential]]` entries.
    #[arg(long, env = "IMS_UPSTREAM", value_name = "URL")]
    pub upstream: Option<String>,

    /// Gateway mode: a PEM file of CA certificates trusted besides the system's (a private CA).
    #[arg(long, env = "IMS_UPSTREAM_CA", value_name = "FILE")]
    pub upstream_ca: Option<PathBuf>,

    /// Gateway mode: seconds a connection to the upstream may take to open.
    #[arg(long, env = "IMS_UPSTREAM_CONNECT_TIMEOUT", default_value_t = 5.0, value_name = "SECONDS")]
    pub upstream_connect_timeout: f64,

    /// Gateway mode: seconds one whole exchange with the upstream may take.
    #[arg(long, env = "IMS_UPSTREAM_TIMEOUT", default_value_t = 60.0, value_name = "SECONDS")]
    pub upstream_timeout: f64,

    /// What an acknowledged write survives: `process` (a crash of the server; no fsync per
    /// commit) or `power` (also a power loss; an fsync per commit).
    #[arg(long, env = "IMS_DURABILITY", value_enum, default_value_t = crate::db::Durability::Process)]
    pub durability: crate::db::Durability,

    /// Directory for uploaded image data (`PUT /v2/images/{id}/file`); created if missing.
    #[arg(long, env = "IMS_IMAGE_DIR", default_value = "data/images")]
    pub image_dir: PathBuf,

    /// Largest image data accepted by an upload, in bytes; larger ones are 413.
    #[arg(long, env = "IMS_MAX_IMAGE_SIZE", default_value_t = crate::image_data::DEFAULT_MAX_IMAGE_SIZE, value_name = "BYTES")]
    pub max_image_size: u64,

    #[command(flatten)]
    pub limits: crate::serve::Limits,
}
