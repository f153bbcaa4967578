//! What a browser actually receives from ims-server for the console's files: the server
//! compresses on the fly (brotli when the browser accepts it), so the bytes on the wire are
//! measured from a real response, not estimated.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::Duration;

/// One response: its `Content-Encoding` and the bytes of its body as sent.
struct Received {
    encoding: String,
    bytes: u64,
}

fn get(addr: SocketAddr, path: &str) -> Result<Received, String> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(Duration::from_secs(30))).map_err(|e| e.to_string())?;
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept-Encoding: br, gzip, deflate\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).map_err(|e| e.to_string())?;
    let split = response.windows(4).position(|w| w == b"\r\n\r\n").ok_or("no end of headers")?;
    let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
    if !head.starts_with("http/1.1 200") {
        return Err(format!("GET {path}: {}", head.lines().next().unwrap_or_default()));
    }
    let header = |name: &str| {
        head.lines().find_map(|l| l.strip_prefix(name).and_then(|v| v.strip_prefix(':'))).map(|v| v.trim().to_owned())
    };
    let body = &response[split + 4..];
    let bytes = if header("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        dechunked_len(body)?
    } else {
        body.len() as u64
    };
    Ok(Received { encoding: header("content-encoding").unwrap_or_else(|| "identity".to_owned()), bytes })
}

/// The length of a chunked body's data.
fn dechunked_len(mut body: &[u8]) -> Result<u64, String> {
    let mut total = 0;
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n").ok_or("bad chunk")?;
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let size = u64::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| format!("bad chunk size {size_text:?}"))?;
        if size == 0 {
            return Ok(total);
        }
        total += size;
        let next = line_end + 2 + size as usize + 2;
        body = body.get(next..).ok_or("truncated chunk")?;
    }
}

/// Fetches every transferred file of `dist` from the server at `addr` and prints what it sent.
pub fn report(addr: SocketAddr, dist: &Path) -> Result<(), String> {
    println!("  what ims-server sends a browser that accepts brotli (dist/)");
    let mut total = 0;
    for file in super::transferred_files(dist)? {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let got = get(addr, &format!("/{name}"))?;
        println!("    {name:<40} {:>8} B {}", got.bytes, got.encoding);
        total += got.bytes;
    }
    println!("    {:<40} {total:>8} B ({:.1} KiB)", "total", total as f64 / 1024.0);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::dechunked_len;

    #[test]
    fn counts_the_data_of_a_chunked_body() {
        assert_eq!(dechunked_len(b"5\r\nhello\r\n3;x=y\r\nabc\r\n0\r\n\r\n"), Ok(8));
        assert!(dechunked_len(b"5\r\nhel").is_err());
    }
}
