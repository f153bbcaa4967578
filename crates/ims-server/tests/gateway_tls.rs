//! TLS to the upstream: a private CA given with `--upstream-ca` is trusted; without it the
//! same upstream is refused (502), since only the system's roots are trusted by default.

mod gateway_support;

use ims_server::gateway::{self, GatewayConfig, UpstreamCredentials};
use ims_server::AppOptions;
use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A TLS upstream on loopback with a certificate for `localhost` from a fresh CA; the CA's PEM.
async fn tls_upstream() -> (String, String) {
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca_key = KeyPair::generate().unwrap();
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let key = KeyPair::generate().unwrap();
    let cert = CertificateParams::new(vec!["localhost".to_owned()]).unwrap().signed_by(&key, &ca, &ca_key).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![CertificateDer::from(cert.der().to_vec())],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(socket).await else { return };
                let mut buf = [0u8; 4096];
                let _ = tls.read(&mut buf).await;
                let body = r#"{"images":[]}"#;
                let answer = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: tls-upstream\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = tls.write_all(answer.as_bytes()).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    (format!("https://localhost:{port}"), ca.pem())
}

async fn gateway_with_ca(upstream: &str, ca: Option<std::path::PathBuf>) -> String {
    let config = GatewayConfig {
        upstream: gateway::parse_upstream(upstream).unwrap(),
        upstream_ca: ca,
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(5),
        credentials: UpstreamCredentials::default(),
    };
    format!("http://{}", gateway_support::serve(gateway::app(config, &AppOptions::default()).unwrap()).await)
}

#[tokio::test]
async fn a_private_ca_is_trusted_only_when_given() {
    let (upstream, ca_pem) = tls_upstream().await;
    let dir = tempfile::tempdir().unwrap();
    let ca_file = dir.path().join("ca.pem");
    std::fs::write(&ca_file, ca_pem).unwrap();
    let client = reqwest::Client::new();

    let trusted = gateway_with_ca(&upstream, Some(ca_file)).await;
    let r = client.get(format!("{trusted}/v2/images")).header("X-Auth-Token", "t").send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["x-upstream-request-id"], "tls-upstream");
    assert_eq!(r.text().await.unwrap(), r#"{"images":[]}"#);

    let untrusted = gateway_with_ca(&upstream, None).await;
    let r = client.get(format!("{untrusted}/v2/images")).header("X-Auth-Token", "t").send().await.unwrap();
    assert_eq!(r.status(), 502, "a certificate from an unknown CA is refused");
}

#[test]
fn a_ca_file_without_certificates_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.pem");
    std::fs::write(&empty, "not a certificate\n").unwrap();
    let config = GatewayConfig {
        upstream: gateway::parse_upstream("https://localhost:1").unwrap(),
        upstream_ca: Some(empty),
        connect_timeout: Duration::from_secs(1),
        total_timeout: Duration::from_secs(1),
        credentials: UpstreamCredentials::default(),
    };
    assert!(gateway::app(config, &AppOptions::default()).is_err());
}
