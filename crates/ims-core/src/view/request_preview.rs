//! The exact request the console is about to send, shown before it is sent, and as `curl`.

/// One HTTP request as the user sees it: the token is always redacted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestPreview {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
}

/// What the preview shows instead of the token.
pub const REDACTED: &str = "<token>";

impl RequestPreview {
    /// A request to `endpoint` + `path` with the API's headers (`X-Auth-Token` redacted).
    pub fn new(method: &str, endpoint: &str, path: &str, content_type: Option<&str>, body: Option<String>) -> Self {
        let mut headers = vec![("X-Auth-Token".to_owned(), REDACTED.to_owned())];
        if let Some(ct) = content_type {
            headers.push(("Content-Type".to_owned(), ct.to_owned()));
        }
        RequestPreview {
            method: method.to_owned(),
            url: format!("{}{path}", endpoint.trim_end_matches('/')),
            headers,
            body,
        }
    }

    /// The request as a `curl` command line that runs as pasted: every argument single-quoted
    /// for a POSIX shell, a same-origin URL made absolute with the page's `origin`, and the
    /// token read from `$IMS_TOKEN` (the preview never holds the token itself).
    pub fn to_curl(&self, origin: &str) -> String {
        let q = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
        let url = if self.url.starts_with('/') {
            format!("{}{}", origin.trim_end_matches('/'), self.url)
        } else {
            self.url.clone()
        };
        let mut parts = vec!["curl".to_owned(), "-X".to_owned(), self.method.clone(), q(&url)];
        for (k, v) in &self.headers {
            parts.push("-H".to_owned());
            parts.push(if v == REDACTED { format!("\"{k}: ${TOKEN_VARIABLE}\"") } else { q(&format!("{k}: {v}")) });
        }
        if let Some(body) = &self.body {
            parts.push("--data-raw".to_owned());
            parts.push(q(body));
        }
        parts.join(" ")
    }
}

/// The shell variable a copied `curl` command takes the token from.
pub const TOKEN_VARIABLE: &str = "IMS_TOKEN";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curl_is_quoted_and_the_token_never_shows() {
        let p = RequestPreview::new(
            "PATCH",
            "https://ims.example.com/",
            "/v2/images/a",
            Some("application/json"),
            Some(r#"[{"value":"it's"}]"#.into()),
        );
        assert_eq!(
            p.to_curl("http://127.0.0.1:8080"),
            r#"curl -X PATCH 'https://ims.example.com/v2/images/a' -H "X-Auth-Token: $IMS_TOKEN" -H 'Content-Type: application/json' --data-raw '[{"value":"it'\''s"}]'"#
        );
        assert_eq!(
            RequestPreview::new("GET", "", "/v2/cloudimages?limit=5", None, None).url,
            "/v2/cloudimages?limit=5"
        );
    }

    #[test]
    fn a_same_origin_request_is_copied_with_the_page_origin() {
        let p = RequestPreview::new("GET", "", "/v2/cloudimages?limit=5", None, None);
        assert_eq!(
            p.to_curl("http://127.0.0.1:8080/"),
            r#"curl -X GET 'http://127.0.0.1:8080/v2/cloudimages?limit=5' -H "X-Auth-Token: $IMS_TOKEN""#
        );
    }
}
