//! `cargo xtask mutants [FILE or GLOB…] [-- CARGO-MUTANTS ARGS]`: mutation testing of `ims-core`, the
//! one source of truth for the console, the demo and the server. cargo-mutants changes the code
//! one small mutation at a time and runs ims-core's own tests (not the server's: the console and
//! the demo rely on ims-core without them); a mutant that survives is a rule no test pins.
//!
//! Not a `test` layer: a whole-crate run takes 15–20 minutes on two cores. Exclusions with their
//! reasons live in `.cargo/mutants.toml`, cargo-mutants' own configuration.

use crate::cmd::{self, command, output, target_dir};
use std::path::Path;

/// The pinned cargo-mutants, installed with `cargo install --locked` when missing.
pub const CARGO_MUTANTS_VERSION: &str = "27.1.0";

/// The outcome files cargo-mutants writes, one mutant per line, in the order they are reported.
const OUTCOMES: &[&str] = &["caught", "missed", "unviable", "timeout"];

/// Installs cargo-mutants if needed, runs it on ims-core (or on `args`' files) and prints the
/// counts and the missed mutants. Fails when a mutant was missed or timed out.
pub fn run(args: &[String]) -> Result<(), String> {
    let (files, extra) = match args.iter().position(|a| a == "--") {
        Some(i) => (&args[..i], &args[i + 1..]),
        None => (args, &[][..]),
    };
    ensure_cargo_mutants()?;
    let out = target_dir().join("mutants");
    let out_arg = out.to_string_lossy().into_owned();
    let mut c = command("cargo", &["mutants", "--package", "ims-core", "--jobs", "1", "--output", &out_arg]);
    for file in files {
        // A glob (`crates/ims-core/src/view/*.rs`) goes to cargo-mutants as it is.
        let glob = file.contains(['*', '?', '[']);
        if !glob && !Path::new(file).exists() && !cmd::root().join(file).exists() {
            return Err(format!("{file}: no such file (give paths such as crates/ims-core/src/time.rs)"));
        }
        c.args(["--file", file]);
    }
    c.args(extra);
    // cargo-mutants exits non-zero when mutants survive: the summary below says which.
    let ran = cmd::run(c);
    let counts = summarise(&out.join("mutants.out"))?;
    match (ran, counts) {
        (Ok(()), _) => Ok(()),
        (Err(_), (missed, timeout)) if missed + timeout > 0 => {
            Err(format!("{missed} mutant(s) missed and {timeout} timed out in ims-core"))
        }
        (Err(e), _) => Err(e),
    }
}

/// Prints `caught N, missed N, unviable N, timeout N` and every missed and timed-out mutant;
/// returns (missed, timeout).
fn summarise(dir: &Path) -> Result<(usize, usize), String> {
    let mut lists = Vec::new();
    for name in OUTCOMES {
        let path = dir.join(format!("{name}.txt"));
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        lists.push(text.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned).collect::<Vec<_>>());
    }
    let counts: Vec<String> = OUTCOMES.iter().zip(&lists).map(|(name, l)| format!("{name} {}", l.len())).collect();
    println!("\nims-core mutants: {}", counts.join(", "));
    for (name, list) in OUTCOMES.iter().zip(&lists).skip(1) {
        if *name != "unviable" {
            for mutant in list {
                println!("  {name}: {mutant}");
            }
        }
    }
    Ok((lists[1].len(), lists[3].len()))
}

/// `cargo install --locked cargo-mutants` at the pinned version unless it is already there.
fn ensure_cargo_mutants() -> Result<(), String> {
    let want = format!("cargo-mutants {CARGO_MUTANTS_VERSION}");
    if output("cargo", &["mutants", "--version"]).as_deref() == Some(want.as_str()) {
        return Ok(());
    }
    println!("xtask: installing {want} (one time, a few minutes)");
    let exact = format!("={CARGO_MUTANTS_VERSION}");
    cmd::run(command("cargo", &["install", "--locked", "cargo-mutants", "--version", &exact]))?;
    match output("cargo", &["mutants", "--version"]) {
        Some(v) if v == want => Ok(()),
        other => Err(format!("installed cargo-mutants but `cargo mutants --version` prints {other:?}")),
    }
}
