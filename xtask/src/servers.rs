//! Servers and Python environments the test layers and benches start: ims-server on a free
//! loopback port with a temporary directory, and venvs under target/ reused when present.

use crate::cmd::{self, command, root, target_dir, Server};
use crate::test::e2e::free_port;
use std::path::PathBuf;
use std::time::Duration;

/// A Python venv under target/ with a requirements file installed; reused when `check` passes.
pub(crate) fn venv(name: &str, requirements: &str, check: &str) -> Result<PathBuf, String> {
    let dir = target_dir().join(name);
    let python = dir.join("bin").join("python");
    if python.exists() && cmd::output(&python.to_string_lossy(), &["-c", check]).is_some() {
        return Ok(python);
    }
    cmd::run(command("python3", &["-m", "venv", &dir.to_string_lossy()]))?;
    let requirements = root().join(requirements);
    cmd::run(command(
        &python.to_string_lossy(),
        &["-m", "pip", "install", "-q", "-r", &requirements.to_string_lossy()],
    ))?;
    Ok(python)
}

/// Starts ims-server (the `profile` build: "debug" or "release") with `args` and a temporary directory; returns it and its address.
pub(crate) fn start_server(
    profile: &str,
    name: &str,
    args: &[String],
    files: &[(&str, String)],
) -> Result<(Server, String), String> {
    let addr = free_port()?;
    let dir = std::env::temp_dir().join(format!("ims-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (file, text) in files {
        std::fs::write(dir.join(file), text).map_err(|e| format!("cannot write {file}: {e}"))?;
    }
    let artifacts = root().join("test-artifacts");
    std::fs::create_dir_all(&artifacts).map_err(|e| e.to_string())?;
    let log = std::fs::File::create(artifacts.join(format!("{name}.log"))).map_err(|e| e.to_string())?;
    let mut c =
        command(&target_dir().join(profile).join("ims-server").to_string_lossy(), &["--listen", &addr.to_string()]);
    c.args(args.iter().map(|a| a.replace("{dir}", &dir.to_string_lossy())));
    c.stdout(log.try_clone().map_err(|e| e.to_string())?).stderr(log);
    let child = c.spawn().map_err(|e| format!("cannot start ims-server: {e}"))?;
    let server = Server { child, dir };
    cmd::wait_for_port(addr, Duration::from_secs(30))?;
    Ok((server, format!("http://{addr}")))
}
