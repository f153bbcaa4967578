//! The "playwright gateway" layer: the console's list, create/edit and sharing journeys with the
//! console served by a signing gateway in front of a second ims-server that accepts AK/SK
//! signatures only. The gateway maps the demo tokens the journeys sign in with to AK/SKs, so
//! the specs run unchanged; afterwards the upstream's log must show signed requests only.

use super::{e2e, Outcome};
use crate::cmd::{self, command, e2e_dir, root};
use crate::servers::start_server;
use std::process::Stdio;

const PROJECTS: [(&str, &str); 3] = [
    ("demo-token-a", "b912fb4a4c464b568ecfca1071b21b10"),
    ("demo-token-b", "0b1e494e2660441a957313163095fe5c"),
    ("demo-token-public", "1bed856811654c1cb661a6ca845ebc77"),
];

fn files() -> (String, String) {
    let (mut upstream, mut gateway) = (String::new(), String::new());
    for (i, (token, project)) in PROJECTS.iter().enumerate() {
        let (ak, sk) = (format!("E2EAK{i}"), format!("e2e-secret-{i}"));
        upstream.push_str(&format!("[[credential]]\nak = \"{ak}\"\nsk = \"{sk}\"\nproject_id = \"{project}\"\n\n"));
        gateway.push_str(&format!(
            "[[upstream_credential]]\ntoken = \"{token}\"\nak = \"{ak}\"\nsk = \"{sk}\"\nproject_id = \"{project}\"\n\n"
        ));
    }
    (upstream, gateway)
}

/// Request lines in an ims-server log, and how many of them came with an AK/SK signature.
fn signed_share(log: &str) -> (usize, usize) {
    let lines: Vec<&str> = log.lines().filter(|l| l.contains(" request ") && l.contains("request_id=")).collect();
    (lines.len(), lines.iter().filter(|l| l.contains("auth=\"signature\"") || l.contains("auth=signature")).count())
}

pub(super) fn run() -> Result<Outcome, String> {
    cmd::run(command("cargo", &["build", "--locked", "-p", "ims-server"]))?;
    let (upstream_tokens, gateway_tokens) = files();
    let upstream_args: Vec<String> =
        ["--db", "{dir}/ims.sqlite", "--tokens", "{dir}/tokens.toml"].iter().map(|s| (*s).to_owned()).collect();
    let (upstream, upstream_url) =
        start_server("debug", "e2e-upstream", &upstream_args, &[("tokens.toml", upstream_tokens)])?;
    let dist = root().join("dist").to_string_lossy().into_owned();
    let gateway_args: Vec<String> = vec![
        "--upstream".into(),
        upstream_url,
        "--tokens".into(),
        "{dir}/tokens.toml".into(),
        "--static-dir".into(),
        dist,
    ];
    let (_gateway, base) = start_server("debug", "e2e-gateway", &gateway_args, &[("tokens.toml", gateway_tokens)])?;
    let artifacts = root().join("test-artifacts");
    let mut c = command("npx", &["playwright", "test", "list.spec.js", "forms.spec.js", "sharing.spec.js"]);
    c.current_dir(e2e_dir()).env("IMS_BASE_URL", &base).env("IMS_ARTIFACTS", artifacts.join("through-gateway"));
    c.stdin(Stdio::null());
    let (ok, out) = cmd::run_captured(c)?;
    let mut outcome = Outcome::counted(ok, e2e::playwright_counts(&out));
    drop(upstream);
    let log = std::fs::read_to_string(artifacts.join("e2e-upstream.log")).map_err(|e| e.to_string())?;
    let (requests, signed) = signed_share(&log);
    println!("xtask: the upstream received {requests} requests, {signed} of them AK/SK-signed");
    let only_signed = requests > 0 && requests == signed;
    outcome.passed += u64::from(only_signed);
    outcome.failed += u64::from(!only_signed);
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_signed_request_lines() {
        let log = "2026 INFO ims_server::request_id: request request_id=r1 method=GET path=\"/v2/images\" auth=\"signature\" status=200\n\
                   2026 INFO ims_server::request_id: request request_id=r2 method=GET path=\"/v2/images\" auth=\"token\" status=401\n\
                   2026 INFO seeded the demo catalog\n";
        assert_eq!(super::signed_share(log), (2, 1));
    }
}
