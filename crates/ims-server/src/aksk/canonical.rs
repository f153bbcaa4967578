//! The canonical request and string to sign of `SDK-HMAC-SHA256`, step by step as
//! `shared/spec/aksk-signing.md` describes them (steps 3–8), shared by the verifier and the
//! gateway's signer so that the two can never disagree.

use percent_encoding::{percent_decode, percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha2::{Digest, Sha256};

/// RFC 3986 unreserved characters stay literal; everything else is `%XX` (upper case).
const ENCODE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// SHA-256 of the empty string: the payload hash of a request without a body.
pub const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// The literal payload hash the SDK sends (in `X-Sdk-Content-Sha256`) for non-JSON bodies.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// Encodes bytes with the unreserved set (the SDK's `quote(s, safe='~')` on UTF-8).
fn encode(bytes: &[u8]) -> String {
    percent_encode(bytes, ENCODE).to_string()
}

/// Step 3: decode the whole raw path, split on `/` (so an encoded `%2F` becomes a separator),
/// encode each segment, and end with `/`.
pub fn canonical_uri(raw_path: &str) -> String {
    let decoded: Vec<u8> = percent_decode(raw_path.as_bytes()).collect();
    let mut uri = decoded.split(|&b| b == b'/').map(encode).collect::<Vec<_>>().join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// Step 4: pairs split on `&` and the first `=`, plainly decoded (`+` stays `+`), sorted by
/// (key, value) and re-encoded.
pub fn canonical_query(raw_query: &str) -> String {
    if raw_query.is_empty() {
        return String::new();
    }
    let mut pairs: Vec<(Vec<u8>, Vec<u8>)> = raw_query
        .split('&')
        .map(|item| {
            let (k, v) = item.split_once('=').unwrap_or((item, ""));
            (percent_decode(k.as_bytes()).collect(), percent_decode(v.as_bytes()).collect())
        })
        .collect();
    pairs.sort();
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

/// Step 5: `name:trimmed value\n` for each signed header in the listed order; `value_of` gives
/// the received value of a (lower-case) header, `None` when it is absent.
pub fn canonical_headers<'a>(signed: &[&str], value_of: impl Fn(&str) -> Option<&'a [u8]>) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for name in signed {
        let value = value_of(name)?;
        out.extend_from_slice(name.as_bytes());
        out.push(b':');
        out.extend_from_slice(value.trim_ascii());
        out.push(b'\n');
    }
    Some(out)
}

/// Step 6: the hash of the payload as the SDK computes it.
pub fn payload_hash(body: &[u8], content_sha256: Option<&str>) -> String {
    match content_sha256 {
        _ if body.is_empty() => EMPTY_SHA256.to_owned(),
        Some(literal) => literal.to_owned(),
        None => hex(&Sha256::digest(body)),
    }
}

/// The parts of a request that are signed.
pub struct Parts<'a> {
    pub method: &'a str,
    pub raw_path: &'a str,
    pub raw_query: &'a str,
    /// Already in canonical form (see [`canonical_headers`]).
    pub headers: &'a [u8],
    pub signed_headers: &'a str,
    pub payload_hash: &'a str,
}

/// Step 7: the canonical request.
pub fn canonical_request(p: &Parts<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    for line in [p.method.to_ascii_uppercase(), canonical_uri(p.raw_path), canonical_query(p.raw_query)] {
        out.extend_from_slice(line.as_bytes());
        out.push(b'\n');
    }
    out.extend_from_slice(p.headers);
    out.push(b'\n');
    out.extend_from_slice(p.signed_headers.as_bytes());
    out.push(b'\n');
    out.extend_from_slice(p.payload_hash.as_bytes());
    out
}

/// Step 8: the string to sign.
pub fn string_to_sign(sdk_date: &str, canonical_request: &[u8]) -> String {
    format!("SDK-HMAC-SHA256\n{sdk_date}\n{}", hex(&Sha256::digest(canonical_request)))
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
