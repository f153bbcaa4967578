//! The verifier on the SDK's own requests, and on each way a request can fail to match.

use super::canonical::{self, Parts};
use super::*;
use axum::http::{HeaderName, HeaderValue};

#[path = "vectors.rs"]
mod vectors;

const PROJECT: &str = "0605767b5300d5762f82c01a8e7a1d8e";
/// 2026-11-23T08:46:30Z, the vectors' `X-Sdk-Date`.
const SIGNED_AT: i64 = 1_795_423_590;

struct Raw {
    method: String,
    path: String,
    query: String,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Raw {
    /// A request exactly as it travelled: request line, headers, blank line, body.
    fn parse(text: &str) -> Raw {
        let (head, body) = text.split_once("\n\n").expect("a blank line after the headers");
        let mut lines = head.lines();
        let mut request_line = lines.next().expect("request line").split(' ');
        let method = request_line.next().expect("method").to_owned();
        let target = request_line.next().expect("target");
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        let mut headers = HeaderMap::new();
        for line in lines {
            let (name, value) = line.split_once(": ").expect("a header");
            headers.append(HeaderName::try_from(name).expect("name"), HeaderValue::from_str(value).expect("value"));
        }
        let length = headers.get("content-length").map_or(0, |v| v.to_str().unwrap().parse().unwrap());
        let body = body.as_bytes()[..length].to_vec();
        Raw { method, path: path.to_owned(), query: query.to_owned(), headers, body }
    }

    fn verify_at(&self, now: i64) -> Result<String, AkSkError> {
        let credential = Credential { sk: "SKA-secret".to_owned(), projects: vec![PROJECT.to_owned()] };
        let req = Received {
            method: &self.method,
            raw_path: &self.path,
            raw_query: &self.query,
            headers: &self.headers,
            body: &self.body,
        };
        verify(&req, |ak| (ak == "AKA").then_some(&credential), now)
    }

    fn verify(&self) -> Result<String, AkSkError> {
        self.verify_at(SIGNED_AT + 1)
    }

    fn set(&mut self, name: &'static str, value: &str) {
        self.headers.insert(name, HeaderValue::from_str(value).unwrap());
    }

    /// Signs the request afresh with `sk`, for `ak`, over the usual headers.
    fn sign(&mut self, ak: &str, sk: &str) {
        let signed = "content-type;host;user-agent;x-project-id;x-sdk-date";
        let names: Vec<&str> = signed.split(';').collect();
        let headers = canonical::canonical_headers(&names, |n| self.headers.get(n).map(|v| v.as_bytes())).unwrap();
        let payload = canonical::payload_hash(&self.body, None);
        let date = self.headers["x-sdk-date"].to_str().unwrap().to_owned();
        let parts = Parts {
            method: &self.method,
            raw_path: &self.path,
            raw_query: &self.query,
            headers: &headers,
            signed_headers: signed,
            payload_hash: &payload,
        };
        let value = authorization(ak, sk, &date, &parts);
        self.set("authorization", &value);
    }
}

#[test]
fn the_sdks_three_requests_verify() {
    for text in [vectors::LIST, vectors::CREATE, vectors::PATCH] {
        assert_eq!(Raw::parse(text).verify().as_deref(), Ok(PROJECT), "{}", text.lines().next().unwrap());
    }
}

#[test]
fn the_canonical_request_and_string_to_sign_match_the_spec() {
    let raw = Raw::parse(vectors::LIST);
    let names: Vec<&str> = "content-type;host;user-agent;x-project-id;x-sdk-date".split(';').collect();
    let headers = canonical::canonical_headers(&names, |n| raw.headers.get(n).map(|v| v.as_bytes())).unwrap();
    let parts = Parts {
        method: "GET",
        raw_path: &raw.path,
        raw_query: &raw.query,
        headers: &headers,
        signed_headers: "content-type;host;user-agent;x-project-id;x-sdk-date",
        payload_hash: canonical::EMPTY_SHA256,
    };
    let request = String::from_utf8(canonical::canonical_request(&parts)).unwrap();
    assert!(request.starts_with("GET\n/v2/cloudimages/\n__imagetype=private&limit=1&marker="), "{request}");
    assert!(request.contains("x-sdk-date:20261123T084630Z\n\ncontent-type;host;"), "{request}");
    let to_sign = canonical::string_to_sign("20261123T084630Z", request.as_bytes());
    assert!(to_sign.ends_with("9360129b484ad6295bd38a0149a15a8f5465a2c86c1345af32df3c5d0ef2243d"), "{to_sign}");
}

#[test]
fn the_sdk_dates_round_trip() {
    assert_eq!(parse_sdk_date("20261123T084630Z"), Some(SIGNED_AT));
    assert_eq!(format_sdk_date(SIGNED_AT), "20261123T084630Z");
    for bad in ["2026-11-23T08:46:30Z", "20261123T084630", "20261323T084630Z", "20261123T246030Z", ""] {
        assert_eq!(parse_sdk_date(bad), None, "{bad}");
    }
}

#[test]
fn each_changed_part_breaks_the_signature() {
    type Change = (&'static str, fn(&mut Raw));
    let changes: [Change; 6] = [
        ("a signed header", |r| r.set("user-agent", "curl/8")),
        ("the query", |r| r.query = r.query.replace("limit=1", "limit=2")),
        ("the path", |r| r.path = "/v2/images".to_owned()),
        ("the method", |r| r.method = "DELETE".to_owned()),
        ("the date, within the skew", |r| r.set("x-sdk-date", "20261123T084631Z")),
        ("the host", |r| r.set("host", "127.0.0.1:18778")),
    ];
    for (what, change) in changes {
        let mut raw = Raw::parse(vectors::LIST);
        change(&mut raw);
        assert_eq!(raw.verify(), Err(AkSkError::BadSignature), "{what}");
    }
    let mut create = Raw::parse(vectors::CREATE);
    create.body = create.body.iter().map(|&b| if b == b'4' { b'5' } else { b }).collect();
    assert_eq!(create.verify(), Err(AkSkError::BadSignature), "the body");
}

#[test]
fn unsigned_headers_and_an_unsigned_payload_may_change() {
    let mut raw = Raw::parse(vectors::LIST);
    raw.set("accept", "application/json");
    raw.set("connection", "close");
    assert!(raw.verify().is_ok());
    // The PATCH vector signs UNSIGNED-PAYLOAD, so its body is not covered.
    let mut patch = Raw::parse(vectors::PATCH);
    patch.body = b"[]".to_vec();
    assert!(patch.verify().is_ok());
}

#[test]
fn the_date_must_be_near_the_servers_clock() {
    let raw = Raw::parse(vectors::LIST);
    assert!(raw.verify_at(SIGNED_AT + MAX_SKEW_SECS).is_ok());
    assert!(raw.verify_at(SIGNED_AT - MAX_SKEW_SECS).is_ok());
    assert_eq!(raw.verify_at(SIGNED_AT + MAX_SKEW_SECS + 1), Err(AkSkError::ExpiredDate));
    assert_eq!(raw.verify_at(SIGNED_AT - MAX_SKEW_SECS - 1), Err(AkSkError::ExpiredDate));
    let mut bad = Raw::parse(vectors::LIST);
    bad.set("x-sdk-date", "Mon, 23 Nov 2026 08:46:30 GMT");
    assert_eq!(bad.verify(), Err(AkSkError::BadDate));
    bad.headers.remove("x-sdk-date");
    assert_eq!(bad.verify(), Err(AkSkError::BadDate));
}

#[test]
fn key_algorithm_and_header_shape_are_checked() {
    let cases: [(&str, AkSkError); 5] = [
        ("SDK-HMAC-SHA256 Access=AKB, SignedHeaders=host, Signature=00", AkSkError::UnknownKey),
        ("SDK-HMAC-SM3 Access=AKA, SignedHeaders=host, Signature=00", AkSkError::UnsupportedAlgorithm),
        ("V11-HMAC-SHA256 Access=AKA, SignedHeaders=host, Signature=00", AkSkError::UnsupportedAlgorithm),
        ("SDK-HMAC-SHA256 Access=AKA,SignedHeaders=host,Signature=00", AkSkError::Malformed),
        ("SDK-HMAC-SHA256 Access=AKA, SignedHeaders=host", AkSkError::Malformed),
    ];
    for (value, expected) in cases {
        let mut raw = Raw::parse(vectors::LIST);
        raw.set("authorization", value);
        assert_eq!(raw.verify(), Err(expected), "{value}");
    }
    let mut raw = Raw::parse(vectors::LIST);
    let value = raw.headers["authorization"].to_str().unwrap().replace("Signature=44c1", "Signature=zzc1");
    raw.set("authorization", &value);
    assert_eq!(raw.verify(), Err(AkSkError::BadSignature), "a signature that is not hex");
    let mut raw = Raw::parse(vectors::LIST);
    let value = raw.headers["authorization"].to_str().unwrap().replace("x-sdk-date", "x-sdk-date;x-missing");
    raw.set("authorization", &value);
    assert_eq!(raw.verify(), Err(AkSkError::MissingSignedHeader));
}

#[test]
fn the_project_must_belong_to_the_key() {
    let mut raw = Raw::parse(vectors::LIST);
    raw.set("x-project-id", "ffffffffffffffffffffffffffffffff");
    raw.sign("AKA", "SKA-secret");
    assert_eq!(raw.verify(), Err(AkSkError::ProjectMismatch));
    raw.set("x-project-id", PROJECT);
    raw.sign("AKA", "another-secret");
    assert_eq!(raw.verify(), Err(AkSkError::BadSignature), "the wrong secret");
}

#[test]
fn an_encoded_slash_in_the_path_is_a_separator() {
    assert_eq!(canonical::canonical_uri("/v2/images/a%20b%2Fc%25d"), "/v2/images/a%20b/c%25d/");
    assert_eq!(canonical::canonical_uri("/v2/images/"), "/v2/images/");
    // So a request signed for `a/b` also verifies when sent as `a%2Fb`, the SDK's own rule.
    let mut raw = Raw::parse(vectors::LIST);
    raw.path = "/v2/cloudimages/a/b".to_owned();
    raw.sign("AKA", "SKA-secret");
    raw.path = "/v2/cloudimages/a%2Fb".to_owned();
    assert!(raw.verify().is_ok());
    raw.path = "/v2/cloudimages/a%2Fc".to_owned();
    assert_eq!(raw.verify(), Err(AkSkError::BadSignature));
}

#[test]
fn unicode_in_path_and_query_verifies_as_the_sdk_signs_it() {
    let raw = Raw::parse(vectors::UNICODE);
    assert_eq!(raw.verify().as_deref(), Ok(PROJECT));
    // The query's order on the wire does not matter, nor lower-case percent escapes.
    let mut reordered = Raw::parse(vectors::UNICODE);
    reordered.query = "tag=a%2bb&name=%e9%95%9c%e5%83%8f%20%c3%bc&__os_version=Ubuntu%2022.04".to_owned();
    assert_eq!(reordered.verify().as_deref(), Ok(PROJECT));
    // `+` is not a space.
    let mut plus = Raw::parse(vectors::UNICODE);
    plus.query = plus.query.replace("tag=a%2Bb", "tag=a+b");
    assert!(plus.verify().is_ok());
    plus.query = plus.query.replace("tag=a+b", "tag=a%20b");
    assert_eq!(plus.verify(), Err(AkSkError::BadSignature));
    let mut other = Raw::parse(vectors::UNICODE);
    other.path = other.path.replace("%C3", "%C4").replace("%E9%95%9C", "%E9%95%9D");
    assert_eq!(other.verify(), Err(AkSkError::BadSignature));
}

#[test]
fn a_credential_never_shows_its_secret() {
    let c = Credential { sk: "SKA-secret".to_owned(), projects: vec![PROJECT.to_owned()] };
    assert!(!format!("{c:?}").contains("SKA-secret"));
}

#[test]
fn canonical_query_sorts_decoded_pairs_and_keeps_empty_values() {
    assert_eq!(canonical::canonical_query("b=2&a&a=1&c="), "a=&a=1&b=2&c=");
    assert_eq!(canonical::canonical_query(""), "");
}
