//! Installs what the build needs, each step skipped when the exact version is already there.

use crate::cmd::{self, command, e2e_dir, output};
use std::path::Path;

pub const TRUNK_VERSION: &str = "0.21.14";
/// Must equal the `wasm-bindgen` crate version pinned in the workspace.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
/// `wasm-opt --version` of npm's binaryen 132 (Debian's 108 breaks the wasm at start-up).
pub const WASM_OPT_VERSION: &str = "version 132";
/// The dated nightly the console's release wasm is built with: it rebuilds the standard library
/// for the console alone (`-Zbuild-std`) with panics that abort at once and no panic locations,
/// about 29 KB of gzip less than stable's prebuilt one (see `dist::release_trunk`).
pub const NIGHTLY: &str = "nightly-2026-05-20";
/// twiggy, for `cargo xtask size` (run on the pre-bindgen wasm, which keeps function names).
pub const TWIGGY_VERSION: &str = "0.8.0";

/// Everything `serve` needs: the wasm target, trunk, wasm-bindgen and the npm packages.
pub fn ensure_build_tools() -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_nightly()?;
    ensure_cargo_tool("trunk", TRUNK_VERSION, "trunk", true)?;
    ensure_cargo_tool("wasm-bindgen", WASM_BINDGEN_VERSION, "wasm-bindgen-cli", false)?;
    ensure_npm_packages()?;
    // trunk runs cargo offline: every crate must already be in the local registry.
    cmd::run(command("cargo", &["fetch", "--locked"]))?;
    // …and so must the standard library's own dependencies, for the nightly release build.
    let toolchain = format!("+{NIGHTLY}");
    let std_fetch =
        [&toolchain, "fetch", "--locked", "-Zbuild-std=std,panic_abort", "--target", "wasm32-unknown-unknown"];
    cmd::run(command("cargo", &std_fetch))
}

/// Everything `test` needs on top: Debian's Chromium and its driver.
pub fn ensure_test_tools() -> Result<(), String> {
    ensure_build_tools()?;
    ensure_chromium()
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    cmd::run(command("rustup", &["target", "add", "wasm32-unknown-unknown"]))
}

/// The release build's nightly with the standard library's sources and the wasm target.
fn ensure_nightly() -> Result<(), String> {
    let sysroot = output("rustup", &["run", NIGHTLY, "rustc", "--print", "sysroot"]).unwrap_or_default();
    let rustlib = Path::new(&sysroot).join("lib").join("rustlib");
    let has_src = rustlib.join("src").join("rust").join("library").join("Cargo.lock").exists();
    if !sysroot.is_empty() && has_src && rustlib.join("wasm32-unknown-unknown").is_dir() {
        return Ok(());
    }
    println!("xtask: installing {NIGHTLY} with rust-src and the wasm target (one time)");
    let args =
        ["toolchain", "install", NIGHTLY, "--profile", "minimal", "-c", "rust-src", "-t", "wasm32-unknown-unknown"];
    cmd::run(command("rustup", &args))
}

/// Whether `program --version` ends in `version` (`trunk 0.21.14`, `twiggy-opt 0.8.0`).
fn has_version(program: &str, version: &str) -> bool {
    output(program, &["--version"]).is_some_and(|v| v.split_whitespace().last() == Some(version))
}

/// `cargo install`s `krate` unless `program --version` already names `version`.
/// trunk is built without fat LTO: the same binary for our use, minutes faster to build.
pub fn ensure_cargo_tool(program: &str, version: &str, krate: &str, locked: bool) -> Result<(), String> {
    let want = format!("{program} {version}");
    if has_version(program, version) {
        return Ok(());
    }
    println!("xtask: installing {want} (one time, several minutes)");
    let exact = format!("={version}");
    let mut args = vec!["install", krate, "--version", exact.as_str()];
    // wasm-bindgen-cli's lock file pins a crate the registry no longer has: it must resolve.
    if locked {
        args.push("--locked");
    }
    let mut c = command("cargo", &args);
    c.env("CARGO_PROFILE_RELEASE_LTO", "false").env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16");
    cmd::run(c)?;
    if has_version(program, version) {
        return Ok(());
    }
    let shown = output(program, &["--version"]);
    Err(format!("installed {krate} but `{program} --version` prints {shown:?}; is ~/.cargo/bin on PATH?"))
}

/// `npm ci` in tests/e2e when node_modules is missing or older than the lock file; then checks
/// that the wasm-opt trunk will pick is binaryen 132.
fn ensure_npm_packages() -> Result<(), String> {
    let dir = e2e_dir();
    if !is_newer(&dir.join("node_modules").join(".package-lock.json"), &dir.join("package-lock.json")) {
        let mut c = command("npm", &["ci", "--no-audit", "--no-fund"]);
        c.current_dir(&dir);
        cmd::run(c)?;
    }
    let version = output("wasm-opt", &["--version"]).unwrap_or_default();
    if !version.contains(WASM_OPT_VERSION) {
        return Err(format!("wasm-opt on PATH reports {version:?}, expected {WASM_OPT_VERSION} from npm binaryen"));
    }
    Ok(())
}

/// A font with Chinese glyphs: without one, the zh-CN screenshots show boxes.
const CJK_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

fn ensure_chromium() -> Result<(), String> {
    let present = ["/usr/bin/chromium", "/usr/bin/chromedriver", CJK_FONT];
    if present.iter().all(|p| Path::new(p).exists()) {
        return Ok(());
    }
    println!("xtask: installing Debian's chromium, chromium-driver and fonts-noto-cjk");
    cmd::run(command("apt-get", &["update", "-q"]))?;
    let packages = ["chromium", "chromium-driver", "fonts-noto-cjk"];
    let mut c = command("apt-get", &["install", "-y", "-q", "--no-install-recommends"]);
    c.args(packages);
    c.env("DEBIAN_FRONTEND", "noninteractive");
    cmd::run(c)
}

/// Whether `a` exists and was modified no earlier than `b`.
fn is_newer(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| p.metadata().and_then(|m| m.modified()).ok();
    match (modified(a), modified(b)) {
        (Some(ma), Some(mb)) => ma >= mb,
        (Some(_), None) => true,
        _ => false,
    }
}
