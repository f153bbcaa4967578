//! `cargo xtask serve`: build the console and run ims-server with it.

use crate::cmd::{self, command, root, target_dir};
use crate::tools;

/// Builds the console (release, offline) and the server, then replaces this process with
/// ims-server, so that Ctrl-C reaches the server directly and it shuts down cleanly.
pub fn run(server_args: &[String]) -> Result<(), String> {
    tools::ensure_build_tools()?;
    crate::dist::build_served()?;
    cmd::run(command("cargo", &["build", "--locked", "--release", "-p", "ims-server"]))?;
    let binary = target_dir().join("release").join("ims-server");
    let dist = root().join("dist");
    let mut server = command(&binary.to_string_lossy(), &["--static-dir", &dist.to_string_lossy()]);
    server.args(server_args.iter().filter(|a| *a != "--"));
    exec(server)
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
