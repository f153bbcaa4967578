//! `cargo xtask <command>`: the only commands a newcomer needs.
//!
//! - `serve [--postgres] [-- SERVER ARGS]`: install what is missing, build the console, run
//!   ims-server (with `--postgres`: two instances on a local PostgreSQL cluster).
//! - `test [LAYER…]`: install what is missing, then run every test layer (or the named ones)
//!   and print a summary.
//! - `dist`: the static bundle (in-browser demo, any sub-path, embeddable) in `dist-static/`.
//! - `bench [server | gateway | data | stores]`: the measured budgets (server under load, the
//!   console's timings and transfer size); `server`: only the server under load (no console
//!   build); `gateway`: only the gateway's added latency; `data`: image upload and download;
//!   `stores`: SQLite and PostgreSQL (one and two instances) at several catalog sizes.
//! - `size [static]`: where the console's wasm bytes go (twiggy's top 20), served or static build.
//! - `mutants [FILE…]`: mutation testing of ims-core (all of it, or the given files).

mod bench;
mod cmd;
mod dist;
mod glance;
mod mutants;
mod postgres;
mod serve;
mod servers;
mod size;
mod test;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <serve [--postgres | --postgres-stop] [-- ims-server args] | test [LAYER…] | dist | \
                     bench [server | gateway | data | stores] | size [static] | mutants [FILE…] [-- cargo-mutants args]>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("dist") => dist::run(),
        Some("bench") => bench::run(&args[1..]),
        Some("size") => size::run(&args[1..]),
        Some("mutants") => mutants::run(&args[1..]),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
