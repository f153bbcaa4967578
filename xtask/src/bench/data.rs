//! `cargo xtask bench data`: image data through a release ims-server on loopback. A 1 GiB file
//! is uploaded (`PUT /v2/images/{id}/file`) and downloaded with curl, three rounds; the
//! throughputs are set against `cp` of the same file on the same disk (the physical limit), and
//! the server's peak resident memory (`VmHWM`) must stay flat whatever the file size.

use crate::cmd::{self, command, target_dir, Server};
use crate::test::e2e;
use std::net::SocketAddr;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

const MIB: u64 = 1024 * 1024;
const FILE_MIB: u64 = 1024;
const ROUNDS: usize = 3;
/// The ceiling the server's peak memory must stay well under.
const PEAK_BUDGET_MIB: f64 = 100.0;

pub fn run() -> Result<(), String> {
    cmd::run(command("cargo", &["build", "--locked", "--release", "-p", "ims-server"]))?;
    let addr = e2e::free_port()?;
    let dir = std::env::temp_dir().join(format!("ims-bench-data-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let file = dir.join("image.bin");
    let mut make = command("head", &["-c", &format!("{}", FILE_MIB * MIB), "/dev/urandom"]);
    make.stdout(std::fs::File::create(&file).map_err(|e| e.to_string())?);
    cmd::run(make)?;
    let binary = target_dir().join("release").join("ims-server");
    let mut c = command(&binary.to_string_lossy(), &["--listen", &addr.to_string(), "--no-seed"]);
    c.arg("--db").arg(dir.join("bench.sqlite")).arg("--image-dir").arg(dir.join("images"));
    c.env("RUST_LOG", "warn").stdout(Stdio::null());
    let server = Server { child: c.spawn().map_err(|e| format!("cannot start ims-server: {e}"))?, dir: dir.clone() };
    cmd::wait_for_port(addr, Duration::from_secs(60))?;
    let (mut cp, mut up, mut down) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        let copy = dir.join("copy.bin");
        cp.push(timed(command("cp", &[&file.to_string_lossy(), &copy.to_string_lossy()]))?);
        let _ = std::fs::remove_file(&copy);
        let id = create_image(addr)?;
        let url = format!("http://{addr}/v2/images/{id}/file");
        up.push(timed(curl(&[
            "-X",
            "PUT",
            "-H",
            "Content-Type: application/octet-stream",
            "-T",
            &file.to_string_lossy(),
            &url,
        ]))?);
        let out = dir.join("out.bin");
        down.push(timed(curl(&["-o", &out.to_string_lossy(), &url]))?);
        same_size(&file, &out)?;
        let _ = std::fs::remove_file(&out);
        println!("xtask: round {} of {ROUNDS} done", round + 1);
    }
    let peak = peak_mib(server.child.id())?;
    drop(server);
    let rate = |secs: f64| FILE_MIB as f64 / secs;
    let (cp, up, down) = (rate(median(cp)), rate(median(up)), rate(median(down)));
    println!("\nImage data, {FILE_MIB} MiB over loopback (medians of {ROUNDS}):");
    println!("  cp on the same disk   {cp:>8.0} MiB/s");
    println!("  upload (PUT /file)    {up:>8.0} MiB/s  ({:.2} of cp)", up / cp);
    println!("  download (GET /file)  {down:>8.0} MiB/s  ({:.2} of cp)", down / cp);
    println!("  server peak memory    {peak:>8.1} MiB  (budget well under {PEAK_BUDGET_MIB} MiB)");
    Ok(())
}

fn curl(args: &[&str]) -> std::process::Command {
    let mut c = command("curl", &["-sS", "--fail", "--max-time", "600", "-H", "X-Auth-Token: demo-token-a"]);
    c.args(args).stdout(Stdio::null());
    c
}

/// Seconds the command took; an error if it failed.
fn timed(mut c: std::process::Command) -> Result<f64, String> {
    let started = Instant::now();
    let status = c.status().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("{c:?} failed ({status})"));
    }
    Ok(started.elapsed().as_secs_f64())
}

fn create_image(addr: SocketAddr) -> Result<String, String> {
    let url = format!("http://{addr}/v2/images");
    let out = curl(&["-H", "Content-Type: application/json", "-d", "{\"name\":\"bench-data\"}", &url])
        .stdout(Stdio::piped())
        .output()
        .map_err(|e| e.to_string())?;
    let body = String::from_utf8_lossy(&out.stdout);
    let id = body.split("\"id\":\"").nth(1).and_then(|rest| rest.split('"').next());
    id.map(str::to_owned).ok_or_else(|| format!("no id in {body}"))
}

fn same_size(a: &Path, b: &Path) -> Result<(), String> {
    let len = |p: &Path| std::fs::metadata(p).map(|m| m.len()).map_err(|e| e.to_string());
    if len(a)? == len(b)? {
        Ok(())
    } else {
        Err("the download is not the size of the upload".into())
    }
}

/// The process's peak resident set (`VmHWM`) in MiB.
fn peak_mib(pid: u32) -> Result<f64, String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).map_err(|e| e.to_string())?;
    let kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .ok_or("no VmHWM in /proc status")?;
    Ok(kib / 1024.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}
