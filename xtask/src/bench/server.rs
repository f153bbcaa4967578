//! The server under load (wrk on loopback, a release build over 100,000 generated images): the
//! first page, a filtered page, a page 85,000 deep (keyset seeks make it cost what the first
//! costs) and a mixed read/write load. Runnable alone as `cargo xtask bench server`.

use crate::cmd::{self, command, root, target_dir, Server};
use crate::test::e2e;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::Stdio;
use std::time::{Duration, Instant};

pub const IMAGES: usize = 100_000;
pub const CONNECTIONS: &str = "16";
pub const SECONDS: &str = "10s";
/// How deep the deep page starts.
const DEEP: usize = 85_000;

/// One measured load: what was asked, requests per second, p50 and p99 in milliseconds.
pub type Row = (String, (f64, f64, f64));

/// Starts a release ims-server over a fresh database of [`IMAGES`] generated images.
pub fn start(static_dir: Option<&std::path::Path>) -> Result<(Server, SocketAddr), String> {
    cmd::run(command("cargo", &["build", "--locked", "--release", "-p", "ims-server"]))?;
    let addr = e2e::free_port()?;
    let dir = std::env::temp_dir().join(format!("ims-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let binary = target_dir().join("release").join("ims-server");
    let mut c =
        command(&binary.to_string_lossy(), &["--listen", &addr.to_string(), "--seed-synthetic", &IMAGES.to_string()]);
    c.arg("--db").arg(dir.join("bench.sqlite"));
    if let Some(dist) = static_dir {
        c.arg("--static-dir").arg(dist);
    }
    c.env("RUST_LOG", "warn").stdout(Stdio::null());
    let started = Instant::now();
    let server = Server { child: c.spawn().map_err(|e| format!("cannot start ims-server: {e}"))?, dir };
    cmd::wait_for_port(addr, Duration::from_secs(300))?;
    println!("xtask: ims-server loaded {IMAGES} images in {:.1}s", started.elapsed().as_secs_f64());
    Ok((server, addr))
}

/// Every server load, in order.
pub fn loads(addr: SocketAddr) -> Result<Vec<Row>, String> {
    let marker = deep_marker(addr, DEEP)?;
    let image = create_image(addr)?;
    let mut rows = Vec::new();
    for path in [
        "/v2/images?limit=20".to_owned(),
        "/v2/cloudimages?limit=100&__platform=Ubuntu".to_owned(),
        format!("/v2/images?limit=20&marker={marker}"),
    ] {
        rows.push((path.clone(), wrk(addr, &path, &[])?));
    }
    let script = root().join("xtask").join("bench").join("mixed.lua");
    let mixed = wrk(addr, "/", &["-s", &script.to_string_lossy(), "--", &image])?;
    rows.push(("mixed: 1 create, 1 patch, 2 lists of 20 in 4".to_owned(), mixed));
    Ok(rows)
}

fn wrk(addr: SocketAddr, path: &str, extra: &[&str]) -> Result<(f64, f64, f64), String> {
    wrk_on(addr, path, extra, CONNECTIONS, SECONDS)
}

/// wrk against `addr` with `connections` keep-alive connections for `seconds` (`"10s"`); a
/// `--` in `extra` separates wrk's own flags from the script's arguments.
pub fn wrk_on(
    addr: SocketAddr,
    path: &str,
    extra: &[&str],
    connections: &str,
    seconds: &str,
) -> Result<(f64, f64, f64), String> {
    let mut w =
        command("wrk", &["-t2", "-c", connections, "-d", seconds, "--latency", "-H", "X-Auth-Token: demo-token-a"]);
    let (script, args) = match extra.iter().position(|a| *a == "--") {
        Some(at) => (&extra[..at], &extra[at..]),
        None => (extra, &[][..]),
    };
    w.args(script).arg(format!("http://{addr}{path}")).args(args);
    let (ok, out) = cmd::run_captured(w)?;
    if !ok || out.contains("Non-2xx") {
        return Err(format!("wrk failed or saw errors on {path}"));
    }
    Ok(parse_wrk(&out))
}

/// A plain HTTP/1.0 exchange (the xtask has no HTTP client): the response body.
fn http(addr: SocketAddr, method: &str, path: &str, body: &str) -> Result<String, String> {
    let mut s = TcpStream::connect(addr).map_err(|e| e.to_string())?;
    let head = format!(
        "{method} {path} HTTP/1.0\r\nHost: {addr}\r\nX-Auth-Token: demo-token-a\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).and_then(|()| s.write_all(body.as_bytes())).map_err(|e| e.to_string())?;
    let mut out = String::new();
    s.read_to_string(&mut out).map_err(|e| e.to_string())?;
    Ok(out.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default())
}

/// The marker that starts the page `depth` images into the default order, found by paging.
pub fn deep_marker(addr: SocketAddr, depth: usize) -> Result<String, String> {
    let mut path = "/v2/images?limit=1000".to_owned();
    for _ in 0..depth / 1000 {
        let body = http(addr, "GET", &path, "")?;
        let next = body.split("\"next\":\"").nth(1).and_then(|rest| rest.split('"').next());
        path = next.ok_or_else(|| format!("no next link after {path}"))?.to_owned();
    }
    let marker = path.split("marker=").nth(1).and_then(|m| m.split('&').next());
    marker.map(str::to_owned).ok_or_else(|| format!("no marker in {path}"))
}

/// An image of demo project A for the mixed load to patch.
pub fn create_image(addr: SocketAddr) -> Result<String, String> {
    let body = http(addr, "POST", "/v2/images", "{\"name\":\"bench-patched\"}")?;
    let id = body.split("\"id\":\"").nth(1).and_then(|rest| rest.split('"').next());
    id.map(str::to_owned).ok_or_else(|| format!("no id in {body}"))
}

/// Requests per second and the p50 and p99 latencies in milliseconds from wrk's `--latency` report.
pub fn parse_wrk(out: &str) -> (f64, f64, f64) {
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
