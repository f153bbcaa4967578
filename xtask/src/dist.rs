//! `cargo xtask dist`: the static bundle — the console with the in-browser demo backend, for
//! any static host under any sub-path, and the files a host page needs to embed it.
//!
//! Asset URLs are relative (`--public-url ./`) and the page routes with a hash, so the bundle
//! works wherever its folder is served, with no fallback page and no server. File names carry
//! no hash (`ims-console.js`, `ims-console_bg.wasm`, `main.css`) so that `embed.html` — and any
//! host page — can name them.

use crate::cmd::{self, command, root};
use crate::{size, tools};
use std::fs;
use std::path::{Path, PathBuf};

/// Where the bundle is written.
pub fn dist_dir() -> PathBuf {
    root().join("dist-static")
}

/// The page's start-up options: no endpoint (so the in-browser demo) and hash routing.
const PAGE_CONFIG: &str = r#"<meta name="ims-console-config" content='{"routing":"hash"}' />"#;

pub fn run() -> Result<(), String> {
    tools::ensure_build_tools()?;
    build(&dist_dir())?;
    println!("static bundle: {}", dist_dir().display());
    println!("try it: python3 -m http.server -d {} 8000, then open http://127.0.0.1:8000/", dist_dir().display());
    Ok(())
}

/// The console ims-server serves, in `dist/`: HTTP backends only, without the in-browser demo.
/// Its wasm, js and css also get `.br` and `.gz` copies at the best levels, which ims-server
/// sends instead of compressing on the fly (brotli 11 is too slow for that, and much smaller).
pub fn build_served() -> Result<(), String> {
    cmd::run(release_trunk(&["build", "--release", "--locked"]))?;
    minify_loader(&root().join("dist"))?;
    for file in size::transferred_files(&root().join("dist"))? {
        let bytes = fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        for (suffix, packed) in [("br", size::brotli(&bytes)?), ("gz", size::gzip(&bytes)?)] {
            let out = PathBuf::from(format!("{}.{suffix}", file.display()));
            fs::write(&out, packed).map_err(|e| format!("{}: {e}", out.display()))?;
        }
    }
    Ok(())
}

/// `trunk` for a release build, on the pinned nightly: the standard library is rebuilt with the
/// console (`-Zbuild-std`), panics abort at once instead of unwinding machinery and messages
/// (`immediate-abort`; the console treats a panic as a bug either way) and carry no file and
/// line. Not `-Zfmt-debug=none`: some messages a user reads are written with `{:?}`. The flags
/// replace `.cargo/config.toml`'s wasm rustflags, so they repeat `--cfg erase_components`.
fn release_trunk(args: &[&str]) -> std::process::Command {
    let mut c = command("trunk", args);
    c.env("RUSTUP_TOOLCHAIN", tools::NIGHTLY).env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort");
    let flags = "--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none";
    c.env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", flags);
    c
}

/// Builds the bundle into `out`: with the in-browser demo (the `demo` feature).
pub fn build(out: &Path) -> Result<(), String> {
    let out_arg = out.to_string_lossy();
    let args = [
        "build",
        "--release",
        "--locked",
        "--features",
        "demo",
        "--public-url",
        "./",
        "--filehash",
        "false",
        "--dist",
        &out_arg,
    ];
    cmd::run(release_trunk(&args))?;
    minify_loader(out)?;
    let index = out.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    fs::write(&index, with_page_config(&html)?).map_err(|e| format!("{}: {e}", index.display()))?;
    let embed = root().join("public").join("embed.html");
    fs::copy(&embed, out.join("embed.html")).map_err(|e| format!("{}: {e}", embed.display()))?;
    Ok(())
}

/// Minifies the wasm-bindgen loader (the build's `.js`) with esbuild, in place, and gives
/// index.html its new integrity. Trunk's own JS minifier fails on wasm-bindgen's output and
/// leaves the file as it is; esbuild keeps its exports and the property names the wasm
/// imports by, and takes a third off the loader's gzip size.
fn minify_loader(dir: &Path) -> Result<(), String> {
    let index = dir.join("index.html");
    let mut html = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let loaders = size::transferred_files(dir)?.into_iter().filter(|p| p.extension().is_some_and(|e| e == "js"));
    for js in loaders {
        let before = integrity(&fs::read(&js).map_err(|e| format!("{}: {e}", js.display()))?);
        let file = js.to_string_lossy();
        let outfile = format!("--outfile={file}");
        let args = [&*file, "--minify", "--format=esm", "--allow-overwrite", &outfile, "--log-level=warning"];
        cmd::run(command("esbuild", &args))?;
        let after = integrity(&fs::read(&js).map_err(|e| format!("{}: {e}", js.display()))?);
        if !html.contains(&before) {
            return Err(format!("{} names no integrity {before} for {file}", index.display()));
        }
        html = html.replace(&before, &after);
    }
    fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))
}

/// A subresource integrity value, as trunk writes them: `sha384-` and the base64 digest.
fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(bytes)))
}

/// The page with the static bundle's options in its head: first in it, or (a minified page
/// leaves out the optional `<head>` tag) just before the title.
fn with_page_config(html: &str) -> Result<String, String> {
    let at = match html.find("<head>") {
        Some(at) => at + "<head>".len(),
        None => html.find("<title>").ok_or("index.html has neither <head> nor <title>")?,
    };
    Ok(format!("{}\n    {PAGE_CONFIG}{}", &html[..at], &html[at..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_integrity_is_the_base64_sha384_of_the_file() {
        // `printf abc | openssl dgst -sha384 -binary | base64`
        let abc = "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn";
        assert_eq!(integrity(b"abc"), abc);
    }

    #[test]
    fn a_minified_page_gets_the_config_before_its_title() {
        let html = with_page_config("<html lang=en><meta charset=utf-8><title>x</title>").unwrap();
        assert!(html.contains("<meta charset=utf-8>\n    <meta name=\"ims-console-config\""), "{html}");
        assert!(with_page_config("<html></html>").is_err());
    }

    #[test]
    fn the_page_config_goes_first_in_the_head() {
        let html = with_page_config("<html><head><title>x</title></head></html>").unwrap();
        assert!(html.starts_with("<html><head>\n    <meta name=\"ims-console-config\""));
        assert!(with_page_config("<html></html>").is_err());
    }
}
