//! The console's transfer size: what a browser downloads (wasm + js + css), raw and gzip.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::Path;

/// Above this total gzip size `cargo xtask test` fails (the goal is 250 KB).
pub const GZIP_LIMIT: u64 = 400 * 1024;

/// Sizes of one built file.
pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
}

/// Measures the wasm, js and css files at the top of `dist`.
pub fn measure(dist: &Path) -> Result<Vec<FileSize>, String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    let mut sizes = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let counted = matches!(path.extension().and_then(|e| e.to_str()), Some("wasm" | "js" | "css"));
        if !counted || !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&bytes).and_then(|()| gz.flush()).map_err(|e| e.to_string())?;
        let gzip = gz.finish().map_err(|e| e.to_string())?.len() as u64;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        sizes.push(FileSize { name, raw: bytes.len() as u64, gzip });
    }
    sizes.sort_by_key(|s| std::cmp::Reverse(s.gzip));
    Ok(sizes)
}

/// Prints the table and returns the gzip total.
pub fn report(sizes: &[FileSize]) -> u64 {
    let (mut raw, mut gzip) = (0, 0);
    for s in sizes {
        println!("  {:<48} {:>10} B raw {:>9} B gzip", s.name, s.raw, s.gzip);
        raw += s.raw;
        gzip += s.gzip;
    }
    println!(
        "  {:<48} {:>10} B raw {:>9} B gzip ({:.1} KiB; limit {} KiB)",
        "transfer total",
        raw,
        gzip,
        gzip as f64 / 1024.0,
        GZIP_LIMIT / 1024
    );
    gzip
}
