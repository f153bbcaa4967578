//! `cargo xtask test [LAYER…]`: every layer in order (or only those whose names contain one of
//! the given words), stopping at the first that fails, with one summary line per layer and a
//! last line `N passed, N failed`.

mod contract;
pub(crate) mod e2e;
mod e2e_gateway;
mod e2e_glance;
mod glance_gateway;
mod postgres;
pub(crate) mod sdk;

use crate::cmd::{self, command};
use crate::{size, tools};
use std::time::Instant;

/// What one layer did.
struct Outcome {
    passed: u64,
    failed: u64,
}

impl Outcome {
    /// A check that is one pass or one failure (formatting, lints, a build).
    fn check(ok: bool) -> Self {
        Outcome { passed: u64::from(ok), failed: u64::from(!ok) }
    }

    /// Counts from test-runner output; a run that failed without a counted failure (a build
    /// error, a crash) still counts as one failure.
    fn counted(ok: bool, (passed, failed): (u64, u64)) -> Self {
        let failed = if !ok && failed == 0 { 1 } else { failed };
        Outcome { passed, failed }
    }
}

/// A layer: its name, whether it needs the console's build and browser tools, and its run.
type Layer = (&'static str, bool, fn() -> Result<Outcome, String>);

const LAYERS: &[Layer] = &[
    ("format", false, format),
    ("clippy native", false, clippy_native),
    ("clippy console wasm32", true, clippy_wasm),
    ("ims-core on wasm32", true, core_on_wasm),
    ("native tests", false, native_tests),
    ("postgres", false, postgres::run),
    ("huawei sdk", false, sdk::run),
    ("gateway glance", false, glance_gateway::run),
    ("schemathesis", false, contract::run),
    ("component tests", true, component_tests),
    ("release build", true, release_build),
    ("playwright", true, e2e::run),
    ("playwright gateway", true, e2e_gateway::run),
    ("playwright glance", true, e2e_glance::run),
];

/// Runs every layer, or those whose names contain one of `only`.
pub fn run(only: &[String]) -> Result<(), String> {
    let chosen: Vec<&Layer> =
        LAYERS.iter().filter(|(name, ..)| only.is_empty() || only.iter().any(|w| name.contains(w.as_str()))).collect();
    if chosen.is_empty() {
        let names: Vec<&str> = LAYERS.iter().map(|(name, ..)| *name).collect();
        return Err(format!("no layer matches {only:?}; the layers are {names:?}"));
    }
    if chosen.iter().any(|(_, tools, _)| *tools) {
        tools::ensure_test_tools()?;
    }
    let mut summary = Vec::new();
    let (mut passed, mut failed) = (0, 0);
    for (name, _, layer) in chosen.iter().copied() {
        println!("\n==> {name}");
        let started = Instant::now();
        let outcome = layer().unwrap_or_else(|message| {
            eprintln!("xtask: {message}");
            Outcome { passed: 0, failed: 1 }
        });
        let seconds = started.elapsed().as_secs_f64();
        let status = if outcome.failed == 0 { "ok" } else { "FAILED" };
        summary.push(format!(
            "  {name:<24} {status:<6} {:>4} passed {:>3} failed {seconds:>7.1}s",
            outcome.passed, outcome.failed
        ));
        passed += outcome.passed;
        failed += outcome.failed;
        if outcome.failed > 0 {
            break;
        }
    }
    println!("\nSummary by layer:");
    for line in &summary {
        println!("{line}");
    }
    if summary.len() < chosen.len() {
        println!("  (stopped at the first failing layer; {} not run)", chosen.len() - summary.len());
    }
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        Ok(())
    } else {
        Err("tests failed".to_owned())
    }
}

fn check(program: &str, args: &[&str]) -> Result<Outcome, String> {
    Ok(Outcome::check(cmd::run(command(program, args)).is_ok()))
}

fn format() -> Result<Outcome, String> {
    check("cargo", &["fmt", "--all", "--check"])
}

fn clippy_native() -> Result<Outcome, String> {
    check(
        "cargo",
        &["clippy", "--locked", "--workspace", "--exclude", "ims-console", "--all-targets", "--", "-D", "warnings"],
    )
}

/// Both builds of the console: the served one (no features) and, with its tests, the static
/// one (`demo`).
fn clippy_wasm() -> Result<Outcome, String> {
    let base = ["clippy", "--locked", "--target", "wasm32-unknown-unknown", "-p", "ims-console"];
    let served = [&base[..], &["--", "-D", "warnings"]].concat();
    let with_demo = [&base[..], &["--all-targets", "--features", "demo", "--", "-D", "warnings"]].concat();
    let ok = [served, with_demo].iter().all(|args| cmd::run(command("cargo", args)).is_ok());
    Ok(Outcome::check(ok))
}

fn core_on_wasm() -> Result<Outcome, String> {
    check("cargo", &["check", "--locked", "--target", "wasm32-unknown-unknown", "-p", "ims-core"])
}

fn native_tests() -> Result<Outcome, String> {
    let (ok, out) = cmd::run_captured(command("cargo", &["test", "--locked"]))?;
    Ok(Outcome::counted(ok, cargo_test_counts(&out)))
}

fn component_tests() -> Result<Outcome, String> {
    let mut c = command(
        "cargo",
        &["test", "--locked", "--target", "wasm32-unknown-unknown", "-p", "ims-console", "--features", "demo"],
    );
    c.env("CHROMEDRIVER", "/usr/bin/chromedriver");
    // The first headless Chromium start on a cold 2-core machine can exceed the 5 s default.
    c.env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "30").env("WASM_BINDGEN_TEST_TIMEOUT", "60");
    let (ok, out) = cmd::run_captured(c)?;
    Ok(Outcome::counted(ok, cargo_test_counts(&out)))
}

/// The console for ims-server (`dist/`, HTTP backends only) and the static bundle
/// (`dist-static/`, with the in-browser demo), each measured against its own size guard.
fn release_build() -> Result<Outcome, String> {
    crate::dist::build_served()?;
    crate::dist::build(&crate::dist::dist_dir())?;
    Ok(Outcome::check(size::check_builds()?))
}

/// Sums `test result: ok. N passed; M failed; …` lines (cargo test and wasm-bindgen-test).
fn cargo_test_counts(out: &str) -> (u64, u64) {
    let mut totals = (0, 0);
    for line in out.lines().filter_map(|l| l.trim().strip_prefix("test result: ")) {
        totals.0 += count_before(line, " passed");
        totals.1 += count_before(line, " failed");
    }
    totals
}

/// The number just before `label` in `line` (`"3 passed"` → 3), or 0.
fn count_before(line: &str, label: &str) -> u64 {
    line.find(label)
        .map(|end| {
            let head = &line[..end];
            let start = head.rfind(|c: char| !c.is_ascii_digit()).map_or(0, |i| i + 1);
            head[start..].parse().unwrap_or(0)
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_cargo_test_result_lines() {
        let out = "running 3 tests\ntest result: ok. 3 passed; 0 failed; 0 ignored\n\
                   test result: FAILED. 10 passed; 2 failed; 1 ignored; 0 measured\nnoise 99 passed";
        assert_eq!(cargo_test_counts(out), (13, 2));
    }

    #[test]
    fn a_failed_run_without_counts_is_one_failure() {
        let o = Outcome::counted(false, (0, 0));
        assert_eq!((o.passed, o.failed), (0, 1));
    }
}
