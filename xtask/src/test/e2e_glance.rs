//! The "playwright glance" layer: the console's journeys against a real OpenStack Glance 33
//! (started as the project's Glance peer does), through the console ims-server serves — whose
//! `--connect-src` lets the page call Glance — and through the static bundle.

use super::{e2e, Outcome};
use crate::cmd::{self, command, e2e_dir, root};
use crate::servers::start_server;
use std::process::Stdio;

pub(super) fn run() -> Result<Outcome, String> {
    let glance = crate::glance::start()?;
    cmd::run(command("cargo", &["build", "--locked", "-p", "ims-server"]))?;
    let dist = root().join("dist").to_string_lossy().into_owned();
    let args: Vec<String> = vec![
        "--static-dir".into(),
        dist,
        "--db".into(),
        "{dir}/ims.sqlite".into(),
        "--connect-src".into(),
        glance.url.clone(),
    ];
    let (_server, base) = start_server("debug", "e2e-glance-console", &args, &[])?;
    let artifacts = root().join("test-artifacts");
    let (_static_server, static_url) = e2e::static_server(e2e::free_port()?, &artifacts)?;
    let mut c = command("npx", &["playwright", "test", "glance.spec.js"]);
    c.current_dir(e2e_dir()).env("IMS_BASE_URL", &base).env("GLANCE_URL", &glance.url);
    c.env("IMS_STATIC_URL", &static_url).env("IMS_ARTIFACTS", artifacts.join("against-glance"));
    c.stdin(Stdio::null());
    let (ok, out) = cmd::run_captured(c)?;
    // What the journeys asked of Glance and how it answered, kept beside the screenshots.
    let kept = artifacts.join("against-glance").join("glance-access.log");
    std::fs::copy(glance.access_log(), &kept).map_err(|e| format!("cannot keep Glance's access log: {e}"))?;
    Ok(Outcome::counted(ok, e2e::playwright_counts(&out)))
}
