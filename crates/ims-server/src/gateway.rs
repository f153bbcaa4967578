//! Gateway mode (`ims-server --upstream URL`): the console at `/` as usual, and `/v1`, `/v2` and
//! `/v2.1` forwarded to a real IMS or Glance endpoint, so that the browser only ever talks to
//! its own origin. Pass-through forwards the user's `X-Auth-Token` unchanged; signing (when the
//! tokens file has `[[upstream_credential]]` entries) swaps a gateway token for an AK/SK
//! signature made here, so the secret never leaves the server.

mod client;
mod credentials;
mod deadline;
mod forward;
pub use forward::UPSTREAM_REQUEST_ID;
pub mod run;
mod sign;

use crate::console_info::ServerInfo;
use crate::AppOptions;
use axum::http::Uri;
use axum::routing::any;
use axum::Router;
pub use credentials::UpstreamCredentials;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How the gateway reaches its upstream.
#[derive(Debug, Clone)]
pub struct GatewayConfig {
    /// `http(s)://host[:port][/prefix]`; request paths are appended to it.
    pub upstream: Uri,
    /// A PEM file of extra CA certificates (a private CA) trusted besides the system's roots.
    pub upstream_ca: Option<PathBuf>,
    /// How long establishing a connection (TCP and TLS) to the upstream may take.
    pub connect_timeout: Duration,
    /// How long one whole exchange with the upstream may take, response body included.
    pub total_timeout: Duration,
    /// Signing mode when not empty.
    pub credentials: UpstreamCredentials,
}

/// Whether the gateway signs or passes the user's token through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    PassThrough,
    Signing,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::PassThrough => "passthrough",
            Mode::Signing => "signing",
        }
    }
}

/// The gateway's shared state: its configuration and one pooled client.
pub(crate) struct Gateway {
    config: GatewayConfig,
    client: client::Client,
}

impl GatewayConfig {
    pub fn mode(&self) -> Mode {
        if self.credentials.is_empty() {
            Mode::PassThrough
        } else {
            Mode::Signing
        }
    }
}

/// Checks an `--upstream` value: an absolute http(s) URL without query.
pub fn parse_upstream(text: &str) -> Result<Uri, String> {
    let uri: Uri = text.trim_end_matches('/').parse().map_err(|e| format!("--upstream {text:?}: {e}"))?;
    let scheme_ok = matches!(uri.scheme_str(), Some("http" | "https"));
    if !scheme_ok || uri.authority().is_none() || uri.query().is_some() {
        return Err(format!("--upstream {text:?} must be an http:// or https:// URL without a query"));
    }
    Ok(uri)
}

/// The whole gateway service: forwarded API prefixes, the console and its server document.
pub fn app(config: GatewayConfig, options: &AppOptions) -> Result<Router, String> {
    let info = ServerInfo { mode: config.mode().as_str(), upstream: Some(config.upstream.to_string()) };
    let client = client::build(config.upstream_ca.as_deref(), config.connect_timeout)?;
    let gateway = Arc::new(Gateway { config, client });
    let mut api = Router::new();
    for prefix in ["/v1", "/v2", "/v2.1"] {
        api = api.route(prefix, any(forward::forward)).route(&format!("{prefix}/{{*rest}}"), any(forward::forward));
    }
    let api = api.layer(axum::middleware::from_fn(crate::envelope_errors)).with_state(gateway);
    Ok(crate::shell(api, options, info))
}

#[cfg(test)]
mod tests {
    use super::parse_upstream;

    #[test]
    fn an_upstream_is_an_absolute_http_url_without_query() {
        assert_eq!(parse_upstream("https://ims.cn-north-4.myhuaweicloud.com/").unwrap().path(), "/");
        assert_eq!(parse_upstream("http://127.0.0.1:9292/glance").unwrap().path(), "/glance");
        for bad in ["ims.example.com", "ftp://ims.example.com", "https://ims.example.com/?a=1", "/v2", ""] {
            assert!(parse_upstream(bad).is_err(), "{bad}");
        }
    }
}
