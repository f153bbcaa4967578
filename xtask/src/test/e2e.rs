//! The Playwright layer: a fresh ims-server on a free loopback port with a temporary database,
//! serving the release build; the static bundle under `/some/sub/path/` of a plain static
//! server (Python's `http.server`); and the suite in tests/e2e against both.

use super::{count_before, Outcome};
use crate::cmd::{self, command, e2e_dir, root, target_dir, Server};
use crate::dist;
use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

pub(super) fn run() -> Result<Outcome, String> {
    cmd::run(command("cargo", &["build", "--locked", "-p", "ims-server"]))?;
    let addr = free_port()?;
    // The static bundle's origin may call the API: the embedding test mounts the console there
    // against this server.
    let static_addr = free_port()?;
    let dir = std::env::temp_dir().join(format!("ims-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let artifacts = root().join("test-artifacts");
    std::fs::create_dir_all(&artifacts).map_err(|e| format!("cannot create {}: {e}", artifacts.display()))?;
    let log = std::fs::File::create(artifacts.join("ims-server.log")).map_err(|e| e.to_string())?;
    let binary = target_dir().join("debug").join("ims-server");
    let (db, dist, listen) = (dir.join("ims.sqlite"), root().join("dist"), addr.to_string());
    let mut c = command(&binary.to_string_lossy(), &[]);
    c.args(["--listen", &listen, "--static-dir"]).arg(&dist).arg("--db").arg(&db);
    c.arg("--cors-origin").arg(format!("http://{static_addr}"));
    c.stdout(log.try_clone().map_err(|e| e.to_string())?).stderr(log);
    let child = c.spawn().map_err(|e| format!("cannot start ims-server: {e}"))?;
    let _server = Server { child, dir };
    cmd::wait_for_port(addr, Duration::from_secs(30))?;
    crate::size::served::report(addr, &root().join("dist"))?;

    let (_static_server, static_url) = static_server(static_addr, &artifacts)?;

    let base_url = format!("http://{addr}");
    let mut c = command("npx", &["playwright", "test"]);
    c.current_dir(e2e_dir()).env("IMS_BASE_URL", &base_url).env("IMS_ARTIFACTS", &artifacts);
    c.env("IMS_STATIC_URL", &static_url);
    c.stdin(Stdio::null());
    let (ok, out) = cmd::run_captured(c)?;
    Ok(Outcome::counted(ok, playwright_counts(&out)))
}

/// The static bundle served by a plain static server under a sub-path: a temporary document
/// root whose `some/sub/path` is a link to the bundle, and `fixtures` to the test host pages.
pub(crate) fn static_server(addr: SocketAddr, artifacts: &Path) -> Result<(Server, String), String> {
    let dir = std::env::temp_dir().join(format!("ims-static-{}", std::process::id()));
    let parent = dir.join("some").join("sub");
    std::fs::create_dir_all(&parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    link_dir(&dist::dist_dir(), &parent.join("path"))?;
    link_dir(&e2e_dir().join("pages"), &dir.join("fixtures"))?;
    let log = std::fs::File::create(artifacts.join("static-server.log")).map_err(|e| e.to_string())?;
    let mut c = command("python3", &["-m", "http.server", "--bind", "127.0.0.1"]);
    c.arg(addr.port().to_string()).arg("--directory").arg(&dir);
    c.stdout(log.try_clone().map_err(|e| e.to_string())?).stderr(log);
    let child = c.spawn().map_err(|e| format!("cannot start python3 -m http.server: {e}"))?;
    let server = Server { child, dir };
    cmd::wait_for_port(addr, Duration::from_secs(30))?;
    Ok((server, format!("http://{addr}/some/sub/path/")))
}

#[cfg(unix)]
fn link_dir(target: &Path, link: &Path) -> Result<(), String> {
    std::os::unix::fs::symlink(target, link).map_err(|e| format!("cannot link {}: {e}", link.display()))
}

#[cfg(not(unix))]
fn link_dir(_target: &Path, _link: &Path) -> Result<(), String> {
    Err("the static-bundle tests need symbolic links (a Unix host)".to_owned())
}

pub(crate) fn free_port() -> Result<SocketAddr, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener.local_addr().map_err(|e| e.to_string())
}

/// Playwright's list reporter closes with lines such as `  5 passed (3.1s)` and `  1 failed`.
pub(super) fn playwright_counts(out: &str) -> (u64, u64) {
    let mut totals = (0, 0);
    for line in out.lines().map(str::trim) {
        let first_is_count = line.split_whitespace().next().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
        if !first_is_count {
            continue;
        }
        if line.contains(" passed") {
            totals.0 += count_before(line, " passed");
        } else if line.contains(" failed") || line.contains(" flaky") {
            totals.1 += count_before(line, " failed") + count_before(line, " flaky");
        }
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_list_reporter_summary() {
        let out =
            "  ✓  1 [chromium] › a.spec.js:3:1 › lists (1.2s)\n\n  1 failed\n    [chromium] › b\n  4 passed (6.0s)\n";
        assert_eq!(playwright_counts(out), (4, 1));
    }
}
