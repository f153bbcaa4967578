//! `ims-server --upstream URL`: the gateway's configuration from the command line, and serving.

use super::{GatewayConfig, Mode, UpstreamCredentials};
use crate::config::Cli;
use crate::AppOptions;
use std::time::Duration;

fn seconds(flag: &str, value: f64) -> Result<Duration, String> {
    Duration::try_from_secs_f64(value)
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(|| format!("{flag} must be a positive number of seconds, not {value}"))
}

/// The gateway's configuration from the flags and the tokens file's `[[upstream_credential]]`.
pub fn config(cli: &Cli) -> Result<GatewayConfig, String> {
    let upstream = super::parse_upstream(cli.upstream.as_deref().unwrap_or_default())?;
    let credentials = match &cli.tokens {
        Some(path) => UpstreamCredentials::from_file(path)?,
        None => UpstreamCredentials::default(),
    };
    Ok(GatewayConfig {
        upstream,
        upstream_ca: cli.upstream_ca.clone(),
        connect_timeout: seconds("--upstream-connect-timeout", cli.upstream_connect_timeout)?,
        total_timeout: seconds("--upstream-timeout", cli.upstream_timeout)?,
        credentials,
    })
}

/// Serves the gateway until SIGINT or SIGTERM.
pub async fn run(cli: Cli) -> Result<(), String> {
    let config = config(&cli)?;
    let (mode, upstream) = (config.mode(), config.upstream.to_string());
    let options = AppOptions::from_cli(&cli);
    let app = super::app(config, &options)?;
    let listener =
        tokio::net::TcpListener::bind(cli.listen).await.map_err(|e| format!("cannot listen on {}: {e}", cli.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let how = match mode {
        Mode::PassThrough => "passing each user's X-Auth-Token through",
        Mode::Signing => "signing with the AK/SK of each [[upstream_credential]]",
    };
    println!("IMS console on http://{addr}/, gateway to {upstream} ({how})");
    // The same accept loop and limits as the store mode: slow or silent clients of the gateway
    // are timed out and its shutdown is bounded too.
    crate::serve::serve(listener, app, &cli.limits, crate::shutdown_signal()).await;
    tracing::info!("stopped");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[test]
    fn timeouts_must_be_positive_and_pass_through_needs_no_tokens() {
        let cli = |extra: &[&str]| {
            let mut args = vec!["ims-server", "--upstream", "http://127.0.0.1:9"];
            args.extend_from_slice(extra);
            Cli::try_parse_from(args).unwrap()
        };
        let ok = config(&cli(&["--upstream-timeout", "0.5"])).unwrap();
        assert_eq!((ok.mode(), ok.total_timeout), (Mode::PassThrough, Duration::from_millis(500)));
        assert!(config(&cli(&["--upstream-timeout", "0"])).is_err());
        assert!(config(&cli(&["--upstream-connect-timeout=-1"])).is_err());
    }
}
