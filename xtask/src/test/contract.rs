//! The `schemathesis` layer: the API against its own OpenAPI document. A fresh debug ims-server
//! (temporary SQLite file, a tokens file with two projects) is driven by schemathesis 4.32.5
//! from a venv under `target/` (created and filled from PyPI when missing): coverage, fuzzing
//! and stateful phases with bounded examples and time. Passes only with no failure of the checks
//! below. Cost: about 95 s once the venv exists (fuzzing and stateful phases repeat until the
//! time budget is spent; creating the venv adds about 40 s).

use super::Outcome;
use crate::cmd::{self, command, root, target_dir, Server};
use crate::test::e2e::free_port;
use std::path::Path;
use std::time::Duration;

const VERSION: &str = "4.32.5";
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,\
                      response_schema_conformance,response_headers_conformance";
/// Examples per operation and the whole run's time budget: the layer stays well under 3 minutes.
const MAX_EXAMPLES: &str = "40";
const MAX_SECONDS: &str = "90";
const TOKENS: &str = "[[token]]\ntoken = \"contract-token-a\"\nproject_id = \"0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e\"\n\
                      [[token]]\ntoken = \"contract-token-b\"\nproject_id = \"1f2e3d4c5b6a79880f1e2d3c4b5a6978\"\n";

pub(super) fn run() -> Result<Outcome, String> {
    let venv = target_dir().join("venv-schemathesis");
    ensure_schemathesis(&venv)?;
    cmd::run(command("cargo", &["build", "--locked", "-p", "ims-server"]))?;
    let addr = free_port()?;
    let dir = std::env::temp_dir().join(format!("ims-contract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    std::fs::write(dir.join("tokens.toml"), TOKENS).map_err(|e| e.to_string())?;
    let artifacts = root().join("test-artifacts");
    std::fs::create_dir_all(&artifacts).map_err(|e| e.to_string())?;
    let log = std::fs::File::create(artifacts.join("schemathesis-server.log")).map_err(|e| e.to_string())?;
    let binary = target_dir().join("debug").join("ims-server");
    let mut c = command(&binary.to_string_lossy(), &["--listen", &addr.to_string()]);
    c.arg("--db").arg(dir.join("ims.sqlite")).arg("--tokens").arg(dir.join("tokens.toml"));
    c.stdout(log.try_clone().map_err(|e| e.to_string())?).stderr(log);
    let server = Server { child: c.spawn().map_err(|e| format!("cannot start ims-server: {e}"))?, dir };
    cmd::wait_for_port(addr, Duration::from_secs(30))?;

    let st = venv.join("bin").join("st");
    let mut c = command(&st.to_string_lossy(), &["run", &format!("http://{addr}/openapi.json")]);
    c.args(["--checks", CHECKS, "--max-examples", MAX_EXAMPLES, "--max-time", MAX_SECONDS, "--seed", "16"]);
    c.args(["-H", "X-Auth-Token: contract-token-a", "--no-shrink", "--request-timeout", "10"]);
    // One worker: CPython 3.11's parser is not safe when Hypothesis describes strategies from
    // several threads at once ("AST constructor recursion depth mismatch").
    c.args(["--workers", "1"]);
    c.current_dir(root().join("tests").join("schemathesis")).env("SCHEMATHESIS_HOOKS", "hooks");
    let (ok, out) = cmd::run_captured(c)?;
    drop(server);
    Ok(Outcome::counted(ok, counts(&out)))
}

fn ensure_schemathesis(venv: &Path) -> Result<(), String> {
    let st = venv.join("bin").join("st");
    let have = cmd::output(&st.to_string_lossy(), &["--version"]);
    if have.is_some_and(|v| v.ends_with(VERSION)) {
        return Ok(());
    }
    let python = ["python3.11", "python3"].into_iter().find(|p| cmd::output(p, &["--version"]).is_some());
    let python = python.ok_or("schemathesis needs Python 3.11 or newer (python3.11 or python3)")?;
    let mut c = command(python, &["-m", "venv"]);
    c.arg(venv);
    cmd::run(c)?;
    let pip = venv.join("bin").join("pip");
    cmd::run(command(&pip.to_string_lossy(), &["install", "-q", &format!("schemathesis=={VERSION}")]))
}

/// From schemathesis' summary, `Test cases:` then `1720 generated, 1712 passed, 8 failed`.
fn counts(out: &str) -> (u64, u64) {
    let line = out.lines().skip_while(|l| !l.trim_start().starts_with("Test cases:")).nth(1).unwrap_or_default();
    let mut totals = (0, 0);
    for part in line.split(',').map(str::trim) {
        let mut words = part.split_whitespace();
        let n = words.next().and_then(|n| n.parse().ok()).unwrap_or(0);
        match words.next() {
            Some("passed") => totals.0 = n,
            Some("failed") => totals.1 = n,
            _ => {}
        }
    }
    totals
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_test_case_summary() {
        let out = "Warnings:\n  x\nTest cases:\n  1720 generated, 1712 passed, 8 failed\nSeed: 16\n";
        assert_eq!(super::counts(out), (1712, 8));
        assert_eq!(super::counts("Test cases:\n  12 generated, 12 passed\n"), (12, 0));
    }
}
