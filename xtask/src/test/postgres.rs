//! The server suite on PostgreSQL: a throwaway cluster (see `crate::postgres`), then every
//! test that runs a `TestServer` — routes, isolation, members, image data, limits, the
//! OpenAPI contract, the differential list test — each on a fresh database of its own
//! (`IMS_TEST_DATABASE_URL`), and the tests of two server processes on one database.
//! The SQLite run of the same tests is the "native tests" layer.

use super::{cargo_test_counts, Outcome};
use crate::cmd::{self, command};

/// The test targets that read `IMS_TEST_DATABASE_URL`.
const SUITES: &[&str] = &[
    "api_images",
    "api_isolation",
    "api_members",
    "deep_pages",
    "differential",
    "hostile",
    "image_data",
    "limits",
    "multi_instance",
    "openapi",
    "serving",
];

pub(super) fn run() -> Result<Outcome, String> {
    let port = crate::test::e2e::free_port()?.port();
    let data = std::env::temp_dir().join(format!("ims-pg-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let cluster = crate::postgres::start(&data, port, true)?;
    // The whole workspace, as the "native tests" layer builds it: the same features, so the
    // same test binaries, nothing rebuilt.
    let mut args = vec!["test", "--locked", "--workspace"];
    for suite in SUITES {
        args.extend(["--test", suite]);
    }
    let mut c = command("cargo", &args);
    c.env("IMS_TEST_DATABASE_URL", &cluster.url);
    let (ok, out) = cmd::run_captured(c)?;
    Ok(Outcome::counted(ok, cargo_test_counts(&out)))
}
