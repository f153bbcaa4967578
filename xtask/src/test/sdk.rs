//! The "huawei sdk" layer: Huawei Cloud's official Python SDK (`huaweicloudsdkims`, pinned in
//! tests/sdk/requirements.txt, installed into a venv under target/ when missing) runs
//! tests/sdk/huawei_sdk_scenario.py against a fresh ims-server, once with AK/SK signatures and
//! once with tokens. The scenario prints `N passed, N failed`, which this layer adds up.

use super::Outcome;
use crate::cmd::{self, command, root};
use crate::servers::{start_server, venv};

const PROJECT_A: &str = "b912fb4a4c464b568ecfca1071b21b10";
const PROJECT_B: &str = "0b1e494e2660441a957313163095fe5c";

/// The tokens file the server gets: a token and an AK/SK for each of two projects.
fn tokens_file() -> String {
    format!(
        "[[token]]\ntoken = \"sdk-token-a\"\nproject_id = \"{PROJECT_A}\"\n\n\
         [[token]]\ntoken = \"sdk-token-b\"\nproject_id = \"{PROJECT_B}\"\n\n\
         [[credential]]\nak = \"SDKAKA\"\nsk = \"sdk-secret-a\"\nproject_id = \"{PROJECT_A}\"\n\n\
         [[credential]]\nak = \"SDKAKB\"\nsk = \"sdk-secret-b\"\nproject_id = \"{PROJECT_B}\"\n"
    )
}

pub(super) fn run() -> Result<Outcome, String> {
    let check = "import importlib.metadata as m, dateutil; assert m.version('huaweicloudsdkims') == '3.1.219'";
    let python = venv("huawei-sdk-venv", "tests/sdk/requirements.txt", check)?;
    cmd::run(command("cargo", &["build", "--locked", "-p", "ims-server"]))?;
    let args: Vec<String> =
        ["--db", "{dir}/ims.sqlite", "--tokens", "{dir}/tokens.toml"].iter().map(|s| (*s).to_owned()).collect();
    let (_server, base) = start_server("debug", "huawei-sdk-server", &args, &[("tokens.toml", tokens_file())])?;
    let script = root().join("tests").join("sdk").join("huawei_sdk_scenario.py");
    let modes = [
        ("aksk", format!("SDKAKA:sdk-secret-a:{PROJECT_A}"), format!("SDKAKB:sdk-secret-b:{PROJECT_B}")),
        ("token", format!("sdk-token-a:{PROJECT_A}"), format!("sdk-token-b:{PROJECT_B}")),
    ];
    let (mut passed, mut failed) = (0, 0);
    for (mode, owner, member) in modes {
        println!("-- {mode} mode");
        let mut c =
            command(&python.to_string_lossy(), &[&script.to_string_lossy(), "--endpoint", &base, "--mode", mode]);
        c.args(["--owner", &owner, "--member", &member]);
        let (ok, out) = cmd::run_captured(c)?;
        let outcome = Outcome::counted(ok, scenario_counts(&out));
        passed += outcome.passed;
        failed += outcome.failed;
    }
    Ok(Outcome { passed, failed })
}

/// The scenario's closing `N passed, N failed` line.
pub(super) fn scenario_counts(out: &str) -> (u64, u64) {
    out.lines()
        .rev()
        .find_map(|l| {
            let (p, f) = l.trim().split_once(", ")?;
            Some((p.strip_suffix(" passed")?.parse().ok()?, f.strip_suffix(" failed")?.parse().ok()?))
        })
        .unwrap_or((0, 0))
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_scenarios_closing_line() {
        assert_eq!(super::scenario_counts("PASS a\nFAIL b: x\n19 passed, 1 failed\n"), (19, 1));
        assert_eq!(super::scenario_counts("Traceback\n"), (0, 0));
    }
}
