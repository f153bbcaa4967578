//! `cargo xtask bench gateway`: the latency a gateway adds. 10,000 list calls on one keep-alive
//! connection each, straight to an ims-server and through a gateway in front of it
//! (pass-through with a token, and signing with an AK/SK the upstream verifies); medians,
//! p99s and their ratios. The three kinds of call take turns, so that a noisy shared machine
//! slows them alike. Needs only the release server, no console.

use crate::cmd::{self, command};
use crate::servers::start_server;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

const CALLS: usize = 10_000;
const WARMUP: usize = 300;
const PATH: &str = "/v2/cloudimages?limit=20";
const PROJECT_A: &str = "b912fb4a4c464b568ecfca1071b21b10";

/// One keep-alive HTTP/1.1 connection that sends a GET and reads the whole answer.
struct Connection {
    reader: BufReader<TcpStream>,
    host: String,
}

impl Connection {
    fn open(base: &str) -> Result<Self, String> {
        let host = base.trim_start_matches("http://").to_owned();
        let stream = TcpStream::connect(&host).map_err(|e| format!("cannot connect to {host}: {e}"))?;
        stream.set_nodelay(true).map_err(|e| e.to_string())?;
        stream.set_read_timeout(Some(Duration::from_secs(10))).map_err(|e| e.to_string())?;
        Ok(Connection { reader: BufReader::new(stream), host })
    }

    /// The status and body length of one GET, its body read to the end (by length or chunks).
    fn get(&mut self, path: &str, token: &str) -> Result<(u16, usize), String> {
        let request = format!("GET {path} HTTP/1.1\r\nHost: {}\r\nX-Auth-Token: {token}\r\n\r\n", self.host);
        self.reader.get_mut().write_all(request.as_bytes()).map_err(|e| e.to_string())?;
        let (mut status, mut length, mut chunked) = (0, 0usize, false);
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line).map_err(|e| e.to_string())?;
            let line = line.trim_end().to_ascii_lowercase();
            if line.is_empty() {
                break;
            }
            if let Some(code) = line.strip_prefix("http/1.1 ") {
                status = code.get(..3).and_then(|c| c.parse().ok()).unwrap_or(0);
            } else if let Some(v) = line.strip_prefix("content-length:") {
                length = v.trim().parse().map_err(|_| "bad content-length".to_owned())?;
            } else if line.starts_with("transfer-encoding:") && line.contains("chunked") {
                chunked = true;
            }
        }
        if chunked {
            let mut total = 0;
            loop {
                let mut size = String::new();
                self.reader.read_line(&mut size).map_err(|e| e.to_string())?;
                let n = usize::from_str_radix(size.trim(), 16).map_err(|_| "bad chunk size".to_owned())?;
                self.skip(n + 2)?;
                total += n;
                if n == 0 {
                    break;
                }
            }
            Ok((status, total))
        } else {
            self.skip(length)?;
            Ok((status, length))
        }
    }

    fn skip(&mut self, n: usize) -> Result<(), String> {
        let mut sink = vec![0u8; n];
        self.reader.read_exact(&mut sink).map_err(|e| e.to_string())
    }
}

/// Latencies in microseconds of `CALLS` GETs to each target after a warm-up, taking turns;
/// sorted per target. Every answer must be a 200 of the same length as the first target's.
fn measure(targets: &[(&str, &str)]) -> Result<Vec<Vec<f64>>, String> {
    let mut connections = targets.iter().map(|(base, _)| Connection::open(base)).collect::<Result<Vec<_>, _>>()?;
    let mut took = vec![Vec::with_capacity(CALLS); targets.len()];
    let mut expected = None;
    for round in 0..WARMUP + CALLS {
        for (i, (c, (base, token))) in connections.iter_mut().zip(targets).enumerate() {
            let started = Instant::now();
            let (status, length) = c.get(PATH, token)?;
            let micros = started.elapsed().as_secs_f64() * 1e6;
            if status != 200 || *expected.get_or_insert(length) != length {
                return Err(format!("{base}{PATH} answered {status} with {length} bytes"));
            }
            if round >= WARMUP {
                took[i].push(micros);
            }
        }
    }
    for t in &mut took {
        t.sort_by(f64::total_cmp);
    }
    Ok(took)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

pub fn run() -> Result<(), String> {
    cmd::run(command("cargo", &["build", "--locked", "--release", "-p", "ims-server"]))?;
    let tokens = format!(
        "[[token]]\ntoken = \"bench-token\"\nproject_id = \"{PROJECT_A}\"\n\n\
         [[credential]]\nak = \"BENCHAK\"\nsk = \"bench-secret\"\nproject_id = \"{PROJECT_A}\"\n\n\
         [[upstream_credential]]\ntoken = \"gateway-token\"\nak = \"BENCHAK\"\nsk = \"bench-secret\"\nproject_id = \"{PROJECT_A}\"\n"
    );
    let store_args =
        vec!["--db".to_owned(), "{dir}/ims.sqlite".to_owned(), "--tokens".into(), "{dir}/tokens.toml".into()];
    let files = [("tokens.toml", tokens.clone())];
    let (_upstream, direct) = start_server("release", "bench-upstream", &store_args, &files)?;
    let pass_args = vec!["--upstream".to_owned(), direct.clone()];
    let (_pass, passthrough) = start_server("release", "bench-gateway-pass", &pass_args, &[])?;
    let sign_args = vec!["--upstream".to_owned(), direct.clone(), "--tokens".into(), "{dir}/tokens.toml".into()];
    let (_sign, signing) = start_server("release", "bench-gateway-sign", &sign_args, &files)?;

    let names = ["direct (X-Auth-Token)", "pass-through gateway", "signing gateway (AK/SK)"];
    let targets =
        [(direct.as_str(), "bench-token"), (passthrough.as_str(), "bench-token"), (signing.as_str(), "gateway-token")];
    let took = measure(&targets)?;
    let rows: Vec<_> =
        names.iter().zip(&took).map(|(name, t)| (*name, percentile(t, 0.5), percentile(t, 0.99))).collect();
    println!("\nGET {PATH}, {CALLS} calls to each, taking turns, one keep-alive connection each (loopback, release):");
    let (_, base50, base99) = rows[0];
    for (name, p50, p99) in &rows {
        println!(
            "  {name:<26} median {p50:>7.0} us  p99 {p99:>7.0} us  ratio to direct: median {:.2}x  p99 {:.2}x",
            p50 / base50,
            p99 / base99
        );
    }
    Ok(())
}
