//! A PostgreSQL 15 cluster owned by the project: Debian's `postgresql-15` binaries (installed
//! with apt when missing), `initdb` into a directory of ours, `pg_ctl` on a loopback port — no
//! system service. PostgreSQL refuses to run as root, so as root the cluster runs as the
//! package's unprivileged `postgres` user, owning only its data directory.
//!
//! `cargo xtask test` starts a throwaway cluster (removed when the guard drops, `fsync` off:
//! no test crashes PostgreSQL itself); `cargo xtask serve --postgres` keeps one in `data/`.

use crate::cmd::{self, command};
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = "/usr/lib/postgresql/15/bin";
/// The superuser `initdb` creates; local trust authentication on loopback only.
const USER: &str = "ims";

/// A running cluster; a throwaway one is stopped and removed when dropped.
pub struct Cluster {
    /// `postgres://ims@127.0.0.1:PORT/postgres`: the maintenance database.
    pub url: String,
    data: PathBuf,
    throwaway: bool,
}

impl Cluster {
    /// The URL of database `name` on this cluster, created when missing.
    pub fn database(&self, name: &str) -> Result<String, String> {
        let url = self.url.replace("/postgres", &format!("/{name}"));
        let exists = format!("SELECT 1 FROM pg_database WHERE datname = '{name}'");
        let found = cmd::output(&bin("psql"), &["-X", "-q", "-t", "-A", "-d", &self.url, "-c", &exists]);
        if found.as_deref() != Some("1") {
            cmd::run(command(&bin("psql"), &["-X", "-q", "-d", &self.url, "-c", &format!("CREATE DATABASE {name}")]))?;
        }
        Ok(url)
    }

    pub fn stop(&self) {
        stop(&self.data);
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if self.throwaway {
            self.stop();
            let _ = std::fs::remove_dir_all(&self.data);
        }
    }
}

/// Stops the cluster in `data` if one runs there (a fast shutdown: sessions are ended).
pub fn stop(data: &Path) {
    if data.join("postmaster.pid").exists() {
        let _ = as_owner(&bin("pg_ctl"), &["-D", &data.to_string_lossy(), "-m", "fast", "-w", "stop"]).status();
    }
}

fn bin(program: &str) -> String {
    format!("{BIN}/{program}")
}

fn is_root() -> bool {
    cmd::output("id", &["-u"]).as_deref() == Some("0")
}

/// `program args…`, as the `postgres` user when this runs as root.
fn as_owner(program: &str, args: &[&str]) -> Command {
    if is_root() {
        let mut full = vec!["-u", "postgres", "--", program];
        full.extend_from_slice(args);
        command("runuser", &full)
    } else {
        command(program, args)
    }
}

/// Installs Debian's PostgreSQL 15 server binaries unless they are there.
fn ensure_installed() -> Result<(), String> {
    if Path::new(&bin("initdb")).exists() && Path::new(&bin("pg_ctl")).exists() {
        return Ok(());
    }
    println!("xtask: installing Debian's postgresql-15 (binaries only; no cluster is started)");
    cmd::run(command("apt-get", &["update", "-q"]))?;
    let mut c = command("apt-get", &["install", "-y", "-q", "--no-install-recommends", "postgresql-15"]);
    c.env("DEBIAN_FRONTEND", "noninteractive");
    cmd::run(c)
}

/// Creates `data` for the cluster's owner (its parents must be traversable by that user).
fn prepare(data: &Path) -> Result<(), String> {
    std::fs::create_dir_all(data).map_err(|e| format!("cannot create {}: {e}", data.display()))?;
    if is_root() {
        cmd::run(command("chown", &["postgres:postgres", &data.to_string_lossy()]))?;
        cmd::run(command("chmod", &["700", &data.to_string_lossy()]))?;
    }
    Ok(())
}

/// Starts the cluster in `data` on `port` (initialising it first when empty); `throwaway`
/// clusters skip fsync and are removed when dropped.
pub fn start(data: &Path, port: u16, throwaway: bool) -> Result<Cluster, String> {
    ensure_installed()?;
    let shown = data.to_string_lossy().into_owned();
    if !data.join("PG_VERSION").exists() {
        prepare(data)?;
        let mut init = vec!["-D", &shown, "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C"];
        if throwaway {
            init.push("--no-sync");
        }
        cmd::run(as_owner(&bin("initdb"), &init))?;
    }
    let mut options = format!("-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
    if throwaway {
        options.push_str(" -c fsync=off -c full_page_writes=off");
    }
    let log = data.join("server.log").to_string_lossy().into_owned();
    let url = format!("postgres://{USER}@127.0.0.1:{port}/postgres");
    let cluster = Cluster { url, data: data.to_path_buf(), throwaway };
    let running = as_owner(&bin("pg_ctl"), &["-D", &shown, "status"]).output().is_ok_and(|o| o.status.success());
    if !running {
        cmd::run(as_owner(&bin("pg_ctl"), &["-D", &shown, "-o", &options, "-l", &log, "-w", "-t", "60", "start"]))
            .map_err(|e| format!("{e}; see {log}"))?;
    }
    Ok(cluster)
}
