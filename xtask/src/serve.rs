//! `cargo xtask serve`: build the console and run ims-server with it. With `--postgres`: a
//! PostgreSQL cluster of the project's own (`data/postgres`, port 55432) and two ims-server
//! instances on it, on ports 8080 and 8081; `serve --postgres-stop` stops the cluster.

use crate::cmd::{self, command, root, target_dir};
use crate::tools;

/// The loopback port of the cluster `serve --postgres` keeps in `data/postgres`.
const PG_PORT: u16 = 55432;
const INSTANCES: [&str; 2] = ["127.0.0.1:8080", "127.0.0.1:8081"];

/// Builds the console (release, offline) and the server, then replaces this process with
/// ims-server, so that Ctrl-C reaches the server directly and it shuts down cleanly.
pub fn run(args: &[String]) -> Result<(), String> {
    let server_args: Vec<String> =
        args.iter().filter(|a| !a.starts_with("--postgres") && *a != "--").cloned().collect();
    if args.iter().any(|a| a == "--postgres-stop") {
        crate::postgres::stop(&pg_data());
        println!("xtask: stopped the PostgreSQL cluster in {}", pg_data().display());
        return Ok(());
    }
    tools::ensure_build_tools()?;
    crate::dist::build_served()?;
    cmd::run(command("cargo", &["build", "--locked", "--release", "-p", "ims-server"]))?;
    let binary = target_dir().join("release").join("ims-server");
    let dist = root().join("dist");
    let mut server = command(&binary.to_string_lossy(), &["--static-dir", &dist.to_string_lossy()]);
    if !args.iter().any(|a| a == "--postgres") {
        server.args(&server_args);
        return exec(server);
    }
    let cluster = crate::postgres::start(&pg_data(), PG_PORT, false)?;
    let url = cluster.database("ims")?;
    let mut children = Vec::new();
    for listen in INSTANCES {
        let mut c = command(&binary.to_string_lossy(), &["--static-dir", &dist.to_string_lossy()]);
        c.args(["--db", &url, "--listen", listen]).args(&server_args);
        children.push(c.spawn().map_err(|e| format!("cannot start ims-server: {e}"))?);
    }
    println!(
        "xtask: two instances on {url}: http://{} and http://{} (Ctrl-C stops them; \
         `cargo xtask serve --postgres-stop` stops the cluster)",
        INSTANCES[0], INSTANCES[1]
    );
    let mut failed = None;
    for mut child in children {
        match child.wait() {
            Ok(status) if status.success() => {}
            other => failed = Some(format!("an ims-server instance ended: {other:?}")),
        }
    }
    failed.map_or(Ok(()), Err)
}

fn pg_data() -> std::path::PathBuf {
    root().join("data").join("postgres")
}

#[cfg(unix)]
fn exec(mut c: std::process::Command) -> Result<(), String> {
    use std::os::unix::process::CommandExt;
    Err(format!("cannot start ims-server: {}", c.exec()))
}

#[cfg(not(unix))]
fn exec(c: std::process::Command) -> Result<(), String> {
    cmd::run(c)
}
