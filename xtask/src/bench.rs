//! `cargo xtask bench [server | gateway | data | stores]`: measured budgets. The server under
//! load on loopback (wrk), and (without an argument) the console's timings and transfer size;
//! `gateway` measures only the gateway's added latency; `data` image upload and download
//! throughput; `stores` SQLite against PostgreSQL with one and two instances. Figures are printed, not
//! asserted: machines are shared and noisy, so quote medians of several runs.

mod data;
mod gateway;
mod server;
mod stores;

use crate::cmd::{self, command, root};
use crate::test::e2e;
use crate::{size, tools};
use server::{CONNECTIONS, IMAGES, SECONDS};
use std::net::SocketAddr;
use std::process::Stdio;

/// The server's load targets on a 2-core machine: the first page; a page 85,000 deep within
/// 1.5x of the first page's rate; the mixed read/write load's p99.
const TARGET_RPS: f64 = 5000.0;
const TARGET_P99_MS: f64 = 10.0;
const DEEP_RATIO: f64 = 1.5;
const MIXED_P99_MS: f64 = 20.0;

/// Every budget; with `server` only the server under load (no console build); with `gateway`
/// only the gateway's added latency.
pub fn run(args: &[String]) -> Result<(), String> {
    if let [what] = args {
        if what == "gateway" {
            return gateway::run();
        }
        if what == "data" {
            return data::run();
        }
        if what == "stores" {
            ensure_wrk()?;
            return stores::run();
        }
    }
    ensure_wrk()?;
    let server_only = match args {
        [] => false,
        [what] if what == "server" => true,
        _ => return Err("usage: cargo xtask bench [server | gateway | data | stores]".to_owned()),
    };
    if server_only {
        let (server, addr) = server::start(None)?;
        let rows = server::loads(addr)?;
        drop(server);
        report(&rows);
        return Ok(());
    }
    tools::ensure_test_tools()?;
    crate::dist::build_served()?;
    crate::dist::build(&crate::dist::dist_dir())?;
    let (server, addr) = server::start(Some(&root().join("dist")))?;
    let rows = server::loads(addr)?;
    let artifacts = root().join("test-artifacts");
    std::fs::create_dir_all(&artifacts).map_err(|e| e.to_string())?;
    let (static_server, static_url) = e2e::static_server(e2e::free_port()?, &artifacts)?;
    let console = console_timings(addr, &static_url)?;
    drop(static_server);
    drop(server);
    report(&rows);
    println!("\nConsole in headless Chromium against the same server, and the static demo (medians):");
    for (name, value, budget) in &console {
        println!("  {name:<32} {value:>8.1} ms  (budget {budget} ms)");
    }
    console_size()
}

fn report(rows: &[server::Row]) {
    println!("\nServer ({IMAGES} images, {CONNECTIONS} keep-alive connections, {SECONDS}, loopback):");
    for (path, (rps, p50, p99)) in rows {
        println!("  {path:<56} {rps:>9.0} req/s  p50 {p50:>6.2} ms  p99 {p99:>6.2} ms");
    }
    let verdict = |ok: bool| if ok { "meets" } else { "misses" };
    if let [(_, (rps, _, p99)), _, (_, (deep_rps, ..)), (_, (_, _, mixed_p99))] = rows {
        let first = *rps >= TARGET_RPS && *p99 <= TARGET_P99_MS;
        println!(
            "  first page {} the target of >= {TARGET_RPS:.0} req/s and p99 <= {TARGET_P99_MS} ms",
            verdict(first)
        );
        let ratio = rps / deep_rps.max(f64::MIN_POSITIVE);
        println!(
            "  deep page at {ratio:.2}x the first page's cost: {} the {DEEP_RATIO}x target",
            verdict(ratio <= DEEP_RATIO)
        );
        println!(
            "  mixed load p99 {mixed_p99:.2} ms {} the {MIXED_P99_MS} ms target",
            verdict(*mixed_p99 <= MIXED_P99_MS)
        );
    }
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

#[cfg(test)]
mod tests {
    use super::server::parse_wrk;

    #[test]
    fn reads_wrks_latency_report() {
        let out = "  Latency Distribution\n     50%  812.00us\n     75%    1.10ms\n     99%    4.52ms\n  98765 requests in 10.00s\nRequests/sec:   9876.54\n";
        let (rps, p50, p99) = parse_wrk(out);
        assert!((rps - 9876.54).abs() < 1e-6 && (p50 - 0.812).abs() < 1e-9 && (p99 - 4.52).abs() < 1e-9);
    }
}
