//! The real `ims-server` binary on a port of its choosing, over a given SQLite file or
//! PostgreSQL URL.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

pub struct Running {
    pub child: Child,
    pub base: String,
}

impl Running {
    /// Starts the binary with `--listen 127.0.0.1:0 --db DB` and `args`, and reads its URL from
    /// the banner.
    pub fn start(db: &Path, args: &[&str]) -> Running {
        Self::start_on(db.as_os_str(), &db.with_file_name("images"), args)
    }

    /// [`Running::start`] over `db` (a file or a `postgres://` URL), keeping image data in `images`.
    pub fn start_on(db: &OsStr, images: &Path, args: &[&str]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ims-server"))
            .args(["--listen", "127.0.0.1:0", "--db"])
            .arg(db)
            .args(args)
            .env("IMS_IMAGE_DIR", images)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start ims-server");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut banner = String::new();
        stdout.read_line(&mut banner).expect("banner");
        let base = banner
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .expect("URL in banner")
            .trim_end_matches('/')
            .to_owned();
        // Keep reading so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in stdout.lines() {});
        Running { child, base }
    }

    /// `kill -9`: no shutdown code runs.
    pub fn kill9(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn sigterm(&self) {
        let status = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().expect("kill");
        assert!(status.success());
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
