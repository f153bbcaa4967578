//! Running commands from the workspace root with the project's tool environment.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;

/// The workspace root (the parent of this crate's manifest directory).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Cargo's target directory (`CARGO_TARGET_DIR` when set).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from)
}

/// The Playwright folder, whose `node_modules/.bin` also provides wasm-opt 132.
pub fn e2e_dir() -> PathBuf {
    root().join("tests").join("e2e")
}

/// A command run from the root with `node_modules/.bin` first on PATH (so trunk finds npm's
/// wasm-opt 132 before any other), trunk's update check off, and no browser downloads.
pub fn command(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root());
    let bin = e2e_dir().join("node_modules").join(".bin");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![bin];
    paths.extend(std::env::split_paths(&path));
    if let Ok(joined) = std::env::join_paths(paths) {
        c.env("PATH", joined);
    }
    c.env("TRUNK_SKIP_VERSION_CHECK", "true").env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    c
}

/// Runs to completion with output shown; an error names the command.
pub fn run(mut c: Command) -> Result<(), String> {
    let shown = describe(&c);
    println!("$ {shown}");
    let status = c.status().map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs to completion, showing stdout and stderr as they come and also returning them
/// (interleaved by line) so that a layer can count its tests.
pub fn run_captured(mut c: Command) -> Result<(bool, String), String> {
    let shown = describe(&c);
    println!("$ {shown}");
    let mut child =
        c.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    let (tx, rx) = mpsc::channel::<String>();
    let pumps: Vec<_> = [
        child.stdout.take().map(|s| Box::new(s) as Box<dyn Read + Send>),
        child.stderr.take().map(|s| Box::new(s) as Box<dyn Read + Send>),
    ]
    .into_iter()
    .flatten()
    .map(|stream| {
        let tx = tx.clone();
        thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        })
    })
    .collect();
    drop(tx);
    let mut output = String::new();
    for line in rx {
        println!("{line}");
        output.push_str(&line);
        output.push('\n');
    }
    for pump in pumps {
        let _ = pump.join();
    }
    let _ = std::io::stdout().flush();
    let status = child.wait().map_err(|e| format!("`{shown}`: {e}"))?;
    Ok((status.success(), output))
}

/// Waits until something listens on `addr` (a server this xtask started), up to `limit`.
pub fn wait_for_port(addr: std::net::SocketAddr, limit: std::time::Duration) -> Result<(), String> {
    let started = std::time::Instant::now();
    while started.elapsed() < limit {
        if std::net::TcpStream::connect_timeout(&addr, std::time::Duration::from_millis(200)).is_ok() {
            return Ok(());
        }
        thread::sleep(std::time::Duration::from_millis(100));
    }
    Err(format!("ims-server did not listen on {addr} within {limit:?}"))
}

/// Runs and returns trimmed stdout, or `None` when the program is missing or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = command(program, args).stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn describe(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// A background server (ims-server, or the static server) and its temporary directory: killed
/// and removed however the command that started it ends.
pub struct Server {
    pub child: std::process::Child,
    pub dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
