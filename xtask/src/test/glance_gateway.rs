//! The "gateway glance" layer: a real Glance 33 (see [`crate::glance`]), a pass-through
//! ims-server gateway in front of it, and tests/glance/gateway_check.py listing and editing
//! through the gateway. When Glance cannot be installed (pip has no way to reach it), the layer
//! is skipped with the reason rather than failed.

use super::Outcome;
use crate::cmd::{self, command, root};
use crate::servers::start_server;

pub(super) fn run() -> Result<Outcome, String> {
    cmd::run(command("cargo", &["build", "--locked", "-p", "ims-server"]))?;
    let glance = match crate::glance::start() {
        Ok(glance) => glance,
        Err(why) => {
            println!("xtask: skipping the Glance gateway check: Glance 33 could not be started: {why}");
            return Ok(Outcome { passed: 0, failed: 0 });
        }
    };
    let (_gateway, base) =
        start_server("debug", "glance-gateway", &["--upstream".to_owned(), glance.url.clone()], &[])?;
    let script = root().join("tests").join("glance").join("gateway_check.py");
    let (ok, out) = cmd::run_captured(command(&glance.python.to_string_lossy(), &[&script.to_string_lossy(), &base]))?;
    Ok(Outcome::counted(ok, super::sdk::scenario_counts(&out)))
}
