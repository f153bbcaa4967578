//! A real OpenStack Glance 33 on a free loopback port, started as the project's Glance peer's
//! start.sh does (tests/glance/ holds its pinned requirements, config and token shim): a venv
//! under target/ (installed once, reused when present), a fresh work directory with a SQLite
//! database, `glance-manage db_sync`, then gunicorn in the foreground. The returned guard stops
//! it and removes the work directory.

use crate::cmd::{self, command, root, target_dir};
use crate::servers::venv;
use crate::test::e2e::free_port;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Child;
use std::time::{Duration, Instant};

const CONFIG: [(&str, &str, &str); 3] = [
    ("etc", "glance-api.conf", include_str!("../../tests/glance/glance-api.conf")),
    ("etc", "glance-api-paste.ini", include_str!("../../tests/glance/glance-api-paste.ini")),
    ("lib", "glance_peer_tokenheaders.py", include_str!("../../tests/glance/glance_peer_tokenheaders.py")),
];

/// A running Glance; stopped (SIGTERM, then SIGKILL) when dropped.
pub struct Glance {
    pub url: String,
    /// The venv's python, which also has `requests` for checks.
    pub python: PathBuf,
    child: Child,
    work: PathBuf,
}

impl Glance {
    /// gunicorn's access log: every request Glance answered, with its status.
    pub fn access_log(&self) -> PathBuf {
        self.work.join("log").join("access.log")
    }
}

impl Drop for Glance {
    fn drop(&mut self) {
        // gunicorn's master stops its workers on SIGTERM; SIGKILL would orphan them.
        let _ = command("kill", &["-TERM", &self.child.id().to_string()]).status();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(10) {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.work);
    }
}

/// The venv with Glance, or why it cannot be installed.
fn glance_venv() -> Result<PathBuf, String> {
    let check = "import importlib.metadata as m, gunicorn; assert m.version('glance') == '33.0.0'";
    venv("glance-venv", "tests/glance/requirements.txt", check)
}

fn write_config(work: &Path, port: u16) -> Result<(), String> {
    for sub in ["etc", "lib", "log", "images", "staging", "tasks", "cache", "lock"] {
        std::fs::create_dir_all(work.join(sub)).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    }
    for (dir, name, text) in CONFIG {
        let text = text.replace("{WORK}", &work.to_string_lossy()).replace("{PORT}", &port.to_string());
        std::fs::write(work.join(dir).join(name), text).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    Ok(())
}

/// Whether Glance answers an authenticated list with 200.
fn answers(addr: &str) -> bool {
    let Ok(mut s) = TcpStream::connect(addr) else { return false };
    let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
    let request = format!(
        "GET /v2/images?limit=1 HTTP/1.1\r\nHost: {addr}\r\nX-Identity-Status: Confirmed\r\n\
         X-Project-Id: startcheck\r\nX-Roles: reader\r\nConnection: close\r\n\r\n"
    );
    let mut head = [0u8; 12];
    s.write_all(request.as_bytes()).is_ok() && s.read_exact(&mut head).is_ok() && head.ends_with(b"200")
}

/// Starts Glance (installing it first if needed); `Err` says why it could not.
pub fn start() -> Result<Glance, String> {
    let python = glance_venv()?;
    let bin = python.parent().map(Path::to_path_buf).unwrap_or_default();
    let port = free_port()?.port();
    let work = target_dir().join(format!("glance-work-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    write_config(&work, port)?;
    let conf = work.join("etc").join("glance-api.conf");
    let mut sync = command(&bin.join("glance-manage").to_string_lossy(), &["--config-file", &conf.to_string_lossy()]);
    sync.args(["--log-file", &work.join("log").join("glance-manage.log").to_string_lossy(), "db_sync"]);
    cmd::run(sync)?;
    let logs = work.join("log");
    let log = |name: &str| logs.join(name).to_string_lossy().into_owned();
    let addr = format!("127.0.0.1:{port}");
    let mut c = command(&bin.join("gunicorn").to_string_lossy(), &["--bind", &addr, "--workers", "1"]);
    c.args(["--timeout", "300", "--error-logfile", &log("gunicorn.log"), "--capture-output"]);
    c.args(["--access-logfile", &log("access.log"), "glance.wsgi.api:application"]);
    c.env("OS_GLANCE_CONFIG_DIR", work.join("etc")).env("PYTHONPATH", work.join("lib")).current_dir(root());
    let child = c.spawn().map_err(|e| format!("cannot start gunicorn: {e}"))?;
    let glance = Glance { url: format!("http://{addr}"), python, child, work };
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(120) {
        if answers(&addr) {
            println!("xtask: Glance 33 answers on {} after {:.1}s", glance.url, started.elapsed().as_secs_f64());
            return Ok(glance);
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    Err(format!("Glance did not answer on {addr} within 120 s; see {}", log("gunicorn.log")))
}
