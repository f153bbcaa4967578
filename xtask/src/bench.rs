//! `cargo xtask bench`: measured budgets. The server under load on loopback (wrk), and the
//! console's transfer size. Figures are printed, not asserted: machines are shared and noisy,
//! so quote medians of several runs.

mod gateway;

use crate::cmd::{self, command, root, target_dir, Server};
use crate::test::e2e;
use crate::{size, tools};
use std::net::SocketAddr;
use std::process::Stdio;
use std::time::{Duration, Instant};

const IMAGES: usize = 100_000;
const CONNECTIONS: &str = "16";
const SECONDS: &str = "10s";

/// The server's load targets on a 2-core machine, for the first endpoint.
const TARGET_RPS: f64 = 5000.0;
const TARGET_P99_MS: f64 = 10.0;

/// Every budget, or with `gateway` only the gateway's added latency.
pub fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("gateway") => gateway::run(),
        None => all(),
        Some(other) => Err(format!("unknown bench {other:?}; try `cargo xtask bench` or `cargo xtask bench gateway`")),
    }
}

fn all() -> Result<(), String> {
    ensure_wrk()?;
    tools::ensure_test_tools()?;
    crate::dist::build_served()?;
    crate::dist::build(&crate::dist::dist_dir())?;
    cmd::run(command("cargo", &["build", "--locked", "--release", "-p", "ims-server"]))?;
    let addr = e2e::free_port()?;
    let dir = std::env::temp_dir().join(format!("ims-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let binary = target_dir().join("release").join("ims-server");
    let mut c =
        command(&binary.to_string_lossy(), &["--listen", &addr.to_string(), "--seed-synthetic", &IMAGES.to_string()]);
    c.arg("--db").arg(dir.join("bench.sqlite")).arg("--static-dir").arg(root().join("dist"));
    c.env("RUST_LOG", "warn").stdout(Stdio::null());
    let started = Instant::now();
    let server = Server { child: c.spawn().map_err(|e| format!("cannot start ims-server: {e}"))?, dir };
    cmd::wait_for_port(addr, Duration::from_secs(300))?;
    println!("xtask: ims-server loaded {IMAGES} images in {:.1}s", started.elapsed().as_secs_f64());

    let mut rows = Vec::new();
    for path in ["/v2/images?limit=20", "/v2/cloudimages?limit=100&__platform=Ubuntu"] {
        let url = format!("http://{addr}{path}");
        let (ok, out) = cmd::run_captured({
            let mut w = command(
                "wrk",
                &["-t2", "-c", CONNECTIONS, "-d", SECONDS, "--latency", "-H", "X-Auth-Token: demo-token-a"],
            );
            w.arg(&url);
            w
        })?;
        if !ok {
            return Err(format!("wrk failed on {path}"));
        }
        rows.push((path, parse_wrk(&out)));
    }
    let artifacts = root().join("test-artifacts");
    std::fs::create_dir_all(&artifacts).map_err(|e| e.to_string())?;
    let (static_server, static_url) = e2e::static_server(e2e::free_port()?, &artifacts)?;
    let console = console_timings(addr, &static_url)?;
    drop(static_server);
    drop(server);

    println!("\nServer ({IMAGES} images, {CONNECTIONS} keep-alive connections, {SECONDS}, loopback):");
    for (path, (rps, p50, p99)) in &rows {
        println!("  {path:<48} {rps:>9.0} req/s  p50 {p50:>6.2} ms  p99 {p99:>6.2} ms");
    }
    if let Some((_, (rps, _, p99))) = rows.first() {
        let verdict = if *rps >= TARGET_RPS && *p99 <= TARGET_P99_MS { "meets" } else { "misses" };
        println!("  first endpoint {verdict} the target of >= {TARGET_RPS:.0} req/s and p99 <= {TARGET_P99_MS} ms");
    }
    println!("\nConsole in headless Chromium against the same server, and the static demo (medians):");
    for (name, value, budget) in &console {
        println!("  {name:<32} {value:>8.1} ms  (budget {budget} ms)");
    }
    console_size()
}

/// Budgets of the console: first paint of 50 rows, and a quick-filter keystroke over 1,000; the
/// static demo's first paint with the same budget, on a first visit (seeding and saving the
/// catalog) and on a return (reading it back).
const CONSOLE_BUDGETS: [(&str, f64); 4] = [
    ("first_paint_50_rows_ms", 300.0),
    ("quick_filter_1000_rows_ms", 16.0),
    ("static_first_visit_50_rows_ms", 300.0),
    ("static_return_visit_50_rows_ms", 300.0),
];

fn console_timings(addr: SocketAddr, static_url: &str) -> Result<Vec<(&'static str, f64, f64)>, String> {
    let mut c = command("npx", &["playwright", "test", "--config", "bench.config.js"]);
    c.current_dir(crate::cmd::e2e_dir()).env("IMS_BASE_URL", format!("http://{addr}")).stdin(Stdio::null());
    c.env("IMS_STATIC_URL", static_url);
    let (ok, out) = cmd::run_captured(c)?;
    if !ok {
        return Err("the console benchmark failed".to_owned());
    }
    Ok(CONSOLE_BUDGETS
        .iter()
        .map(|(name, budget)| {
            let value = out
                .lines()
                .find_map(|l| {
                    l.trim().strip_prefix("BENCH ")?.strip_prefix(name)?.split_whitespace().next()?.parse().ok()
                })
                .unwrap_or(f64::NAN);
            (*name, value, *budget)
        })
        .collect())
}

fn console_size() -> Result<(), String> {
    println!("\nConsole transfer size (the served console's goal: <= 250 KiB gzip):");
    size::check_builds().map(drop)
}

fn ensure_wrk() -> Result<(), String> {
    if cmd::output("wrk", &["--version"]).is_some() || std::path::Path::new("/usr/bin/wrk").exists() {
        return Ok(());
    }
    cmd::run(command("apt-get", &["update", "-q"]))?;
    let mut c = command("apt-get", &["install", "-y", "-q", "--no-install-recommends", "wrk"]);
    c.env("DEBIAN_FRONTEND", "noninteractive");
    cmd::run(c)
}

/// Requests per second and the p50 and p99 latencies in milliseconds from wrk's `--latency` report.
fn parse_wrk(out: &str) -> (f64, f64, f64) {
    let mut rps = 0.0;
    let (mut p50, mut p99) = (f64::NAN, f64::NAN);
    for line in out.lines().map(str::trim) {
        let mut words = line.split_whitespace();
        match (words.next(), words.next()) {
            (Some("Requests/sec:"), Some(v)) => rps = v.parse().unwrap_or(0.0),
            (Some("50%"), Some(v)) => p50 = millis(v),
            (Some("99%"), Some(v)) => p99 = millis(v),
            _ => {}
        }
    }
    (rps, p50, p99)
}

fn millis(v: &str) -> f64 {
    let split = v.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(v.len());
    let (n, unit) = v.split_at(split);
    let n: f64 = n.parse().unwrap_or(f64::NAN);
    match unit {
        "us" => n / 1000.0,
        "ms" => n,
        "s" => n * 1000.0,
        "m" => n * 60_000.0,
        _ => f64::NAN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_wrks_latency_report() {
        let out = "  Latency Distribution\n     50%  812.00us\n     75%    1.10ms\n     99%    4.52ms\n  98765 requests in 10.00s\nRequests/sec:   9876.54\n";
        let (rps, p50, p99) = parse_wrk(out);
        assert!((rps - 9876.54).abs() < 1e-6 && (p50 - 0.812).abs() < 1e-9 && (p99 - 4.52).abs() < 1e-9);
    }
}
