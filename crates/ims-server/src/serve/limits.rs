//! The serving limits, each a flag and an `IMS_*` variable with a default that suits a small
//! deployment. Durations take `ms`, `s` or `m` suffixes (`500ms`, `10s`, `2m`); a bare number is
//! seconds.

use clap::Args;
use std::time::Duration;

/// How long and how many: what a slow, silent or greedy client can hold.
#[derive(Debug, Clone, Args)]
pub struct Limits {
    /// Longest wait for a complete request head, from the moment a connection waits for one
    /// (so it also ends HTTP/1 keep-alive connections that stay quiet between requests).
    #[arg(long, env = "IMS_HEADER_READ_TIMEOUT", default_value = "10s", value_parser = parse_duration)]
    pub header_read_timeout: Duration,

    /// A connection that sends and receives nothing for this long is closed (silent clients,
    /// idle HTTP/2 connections).
    #[arg(long, env = "IMS_IDLE_TIMEOUT", default_value = "60s", value_parser = parse_duration)]
    pub idle_timeout: Duration,

    /// Longest pause while reading a request body; then 408.
    #[arg(long, env = "IMS_BODY_TIMEOUT", default_value = "10s", value_parser = parse_duration)]
    pub body_timeout: Duration,

    /// Most connections served at once; beyond it a new connection gets a 503 envelope and is closed.
    #[arg(long, env = "IMS_MAX_CONNECTIONS", default_value_t = 1024)]
    pub max_connections: usize,

    /// After SIGTERM/SIGINT, how long open requests may take to finish before the remaining
    /// connections are closed and the process exits.
    #[arg(long, env = "IMS_SHUTDOWN_GRACE", default_value = "10s", value_parser = parse_duration)]
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        let s = Duration::from_secs;
        Limits {
            header_read_timeout: s(10),
            idle_timeout: s(60),
            body_timeout: s(10),
            max_connections: 1024,
            shutdown_grace: s(10),
        }
    }
}

/// `500ms`, `10s`, `2m` or a bare number of seconds; zero is refused (it would disable nothing
/// and refuse everything).
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => text.split_at(at),
        None => (text, "s"),
    };
    let n: u64 = number.parse().map_err(|_| format!("{text:?} is not a duration like 500ms, 10s or 2m"))?;
    let d = match unit {
        "ms" => Duration::from_millis(n),
        "s" => Duration::from_secs(n),
        "m" => Duration::from_secs(n.saturating_mul(60)),
        _ => return Err(format!("{text:?}: the unit must be ms, s or m")),
    };
    if d.is_zero() {
        return Err("a duration must be more than zero".into());
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_with_units_and_refuse_nonsense() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("10"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        for bad in ["", "0s", "10h", "s", "-1s", "1.5s"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
