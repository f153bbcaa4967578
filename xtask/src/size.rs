//! The console's transfer size, for each of its two builds: what a browser downloads (wasm,
//! js and css), raw, gzip (`-9`) and brotli (quality 11), per file and in total, each build
//! against its own guard. `cargo xtask size` shows where the wasm's bytes go (twiggy).

pub mod served;

use crate::cmd::{self, command, root, target_dir};
use crate::{dist, tools};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::{Path, PathBuf};

/// One build of the console and the most gzip it may weigh. The targets are 300 KiB for the
/// served console (goal 250) and 340 KiB for the static bundle; until they are reached each
/// guard sits at the size reached (344.6 and 387.7 KiB), and guards only ever go down.
pub struct Build {
    pub name: &'static str,
    pub dir: PathBuf,
    pub gzip_limit: u64,
}

/// The console ims-server serves (HTTP backends only) and the static/embeddable bundle (with
/// the in-browser demo).
pub fn builds() -> [Build; 2] {
    [
        Build { name: "dist/ (served by ims-server)", dir: root().join("dist"), gzip_limit: 345 * 1024 },
        Build { name: "dist-static/ (static and embeddable)", dir: dist::dist_dir(), gzip_limit: 388 * 1024 },
    ]
}

/// Sizes of one built file.
pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// The transferred files at the top of a build's folder: wasm, js and css.
pub fn transferred_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("wasm" | "js" | "css")))
        .collect();
    files.sort();
    Ok(files)
}

/// `bytes` compressed with gzip at its best level (`gzip -9`).
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(bytes).map_err(|e| e.to_string())?;
    gz.finish().map_err(|e| e.to_string())
}

/// `bytes` compressed with brotli at its best quality (11).
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}

/// Measures the transferred files of `dir`, largest first.
pub fn measure(dir: &Path) -> Result<Vec<FileSize>, String> {
    let mut sizes = Vec::new();
    for path in transferred_files(dir)? {
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let (gzip, brotli) = (gzip(&bytes)?.len() as u64, brotli(&bytes)?.len() as u64);
        sizes.push(FileSize { name, raw: bytes.len() as u64, gzip, brotli });
    }
    sizes.sort_by_key(|s| std::cmp::Reverse(s.gzip));
    Ok(sizes)
}

/// Prints one build's table and returns its gzip total.
pub fn report(build: &Build, sizes: &[FileSize]) -> u64 {
    println!("  {}", build.name);
    let (mut raw, mut gz, mut br) = (0, 0, 0);
    for s in sizes {
        println!("    {:<40} {:>9} B raw {:>8} B gzip {:>8} B brotli", s.name, s.raw, s.gzip, s.brotli);
        (raw, gz, br) = (raw + s.raw, gz + s.gzip, br + s.brotli);
    }
    let kib = |b: u64| b as f64 / 1024.0;
    println!(
        "    {:<40} {raw:>9} B raw {gz:>8} B gzip {br:>8} B brotli ({:.1} KiB gzip, {:.1} KiB brotli; limit {} KiB gzip)",
        "total",
        kib(gz),
        kib(br),
        build.gzip_limit / 1024
    );
    gz
}

/// Measures and reports both builds; whether each is within its guard.
pub fn check_builds() -> Result<bool, String> {
    let mut ok = true;
    for build in builds() {
        let total = report(&build, &measure(&build.dir)?);
        if total == 0 || total > build.gzip_limit {
            eprintln!("xtask: {} weighs {total} B gzip, over its {} B limit", build.name, build.gzip_limit);
            ok = false;
        }
    }
    Ok(ok)
}

/// `cargo xtask size [static]`: the wasm of the served console (or, with `static`, of the
/// static bundle) before wasm-bindgen, which keeps its function names, and twiggy's top 20.
pub fn run(args: &[String]) -> Result<(), String> {
    tools::ensure_build_tools()?;
    tools::ensure_cargo_tool("twiggy", tools::TWIGGY_VERSION, "twiggy", true)?;
    let mut build = vec!["build", "--locked", "--profile", "wasm-release", "--target", "wasm32-unknown-unknown"];
    build.extend(["--bin", "ims-console"]);
    if args.iter().any(|a| a == "static") {
        build.extend(["--features", "demo"]);
    }
    cmd::run(command("cargo", &build))?;
    let wasm = target_dir().join("wasm32-unknown-unknown").join("wasm-release").join("ims-console.wasm");
    let bytes = std::fs::metadata(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?.len();
    println!("{}: {bytes} B before wasm-bindgen and wasm-opt", wasm.display());
    let mut twiggy = command("twiggy", &["top", "-n", "20"]);
    twiggy.arg(&wasm);
    cmd::run(twiggy)
}
