//! `cargo xtask bench stores`: the same loads on SQLite, on PostgreSQL through one instance and
//! through two instances on one database (the connections split across both), at 100,000
//! images; then the first and a deep page at 10,000, 100,000 and 1,000,000 images, to show how
//! list cost grows with the catalog (keyset pages should stay flat). Every figure is the median
//! of three wrk runs. PostgreSQL runs as it ships (fsync and synchronous commit on), in a
//! cluster of its own that the bench removes.

use super::server::{create_image, deep_marker, wrk_on};
use crate::cmd::{self, command, root, target_dir, Server};
use crate::test::e2e::free_port;
use std::net::SocketAddr;
use std::process::Stdio;
use std::time::{Duration, Instant};

const LOADED: usize = 100_000;
const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];
const RUNS: usize = 3;
const SECONDS: &str = "5s";

/// Requests per second and p99 in milliseconds.
type Figure = (f64, f64);

/// One or more instances on one database, with the work directory they share.
struct Instances {
    addrs: Vec<SocketAddr>,
    _servers: Vec<Server>,
}

fn start(db: &str, images: usize, count: usize, work: &std::path::Path) -> Result<Instances, String> {
    let binary = target_dir().join("release").join("ims-server");
    let (mut addrs, mut servers) = (Vec::new(), Vec::new());
    for i in 0..count {
        let addr = free_port()?;
        let mut c = command(&binary.to_string_lossy(), &["--listen", &addr.to_string(), "--db", db]);
        c.args(["--seed-synthetic", &images.to_string(), "--image-dir", &work.join("images").to_string_lossy()]);
        c.env("RUST_LOG", "warn").stdout(Stdio::null());
        let started = Instant::now();
        let dir = work.join(format!("instance-{i}"));
        servers.push(Server { child: c.spawn().map_err(|e| format!("cannot start ims-server: {e}"))?, dir });
        cmd::wait_for_port(addr, Duration::from_secs(1200))?;
        println!("xtask: instance {i} on {} ready after {:.1}s", store_name(db), started.elapsed().as_secs_f64());
        addrs.push(addr);
    }
    Ok(Instances { addrs, _servers: servers })
}

fn store_name(db: &str) -> &'static str {
    if db.starts_with("postgres") {
        "PostgreSQL"
    } else {
        "SQLite"
    }
}

/// One load spread over every instance at once (16 connections in all): summed req/s, the
/// worst p99; the median of [`RUNS`] runs of each.
fn measure(instances: &Instances, path: &str, extra: &[&str]) -> Result<Figure, String> {
    let connections = (16 / instances.addrs.len()).to_string();
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        let results: Vec<Result<(f64, f64, f64), String>> = std::thread::scope(|s| {
            let handles: Vec<_> = instances
                .addrs
                .iter()
                .map(|addr| s.spawn(|| wrk_on(*addr, path, extra, &connections, SECONDS)))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err("wrk thread".to_owned()))).collect()
        });
        let mut figure = (0.0, 0.0);
        for (rps, _, p99) in results.into_iter().collect::<Result<Vec<_>, _>>()? {
            figure = (figure.0 + rps, f64::max(figure.1, p99));
        }
        runs.push(figure);
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    Ok((median(runs.iter().map(|r| r.0).collect()), median(runs.iter().map(|r| r.1).collect())))
}

/// The first page, the page 85% deep, and (with `mixed`) the mixed read/write load.
fn loads(instances: &Instances, images: usize, mixed: bool) -> Result<Vec<Figure>, String> {
    let first = instances.addrs[0];
    let marker = deep_marker(first, images * 85 / 100)?;
    let mut rows = vec![
        measure(instances, "/v2/images?limit=20", &[])?,
        measure(instances, &format!("/v2/images?limit=20&marker={marker}"), &[])?,
    ];
    if mixed {
        let image = create_image(first)?;
        let script = root().join("xtask").join("bench").join("mixed.lua");
        rows.push(measure(instances, "/", &["-s", &script.to_string_lossy(), "--", &image])?);
    }
    Ok(rows)
}

pub fn run() -> Result<(), String> {
    cmd::run(command("cargo", &["build", "--locked", "--release", "-p", "ims-server"]))?;
    let work = std::env::temp_dir().join(format!("ims-bench-stores-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let pg_data = work.join("postgres");
    let cluster = crate::postgres::start(&pg_data, free_port()?.port(), false)?;
    let result = run_all(&cluster, &work);
    cluster.stop();
    let _ = std::fs::remove_dir_all(&work);
    result
}

fn run_all(cluster: &crate::postgres::Cluster, work: &std::path::Path) -> Result<(), String> {
    let mut table = Vec::new();
    let mut growth = Vec::new();
    for images in SIZES {
        let sqlite = work.join(format!("bench-{images}.sqlite")).to_string_lossy().into_owned();
        let pg = cluster.database(&format!("bench_{images}"))?;
        for (name, db, count) in [("SQLite", &sqlite, 1), ("PostgreSQL, 1 instance", &pg, 1)] {
            let instances = start(db, images, count, work)?;
            let rows = loads(&instances, images, images == LOADED)?;
            growth.push((images, name, rows[0], rows[1]));
            if images == LOADED {
                table.push((name, rows));
            }
        }
        if images == LOADED {
            let instances = start(&pg, images, 2, work)?;
            table.push(("PostgreSQL, 2 instances", loads(&instances, images, true)?));
        }
    }
    println!("\nStores at {LOADED} images, 16 connections in all, median of {RUNS} runs of {SECONDS}:");
    println!("  {:<26} {:>22} {:>22} {:>22}", "", "GET limit=20", "deep marker page", "mixed read/write");
    for (name, rows) in &table {
        let cells: Vec<String> = rows.iter().map(|(rps, p99)| format!("{rps:>8.0} req/s p99 {p99:>6.2}")).collect();
        println!("  {name:<26} {}", cells.join(" "));
    }
    if let [_, (_, one), (_, two)] = &table[..] {
        let ratios: Vec<String> = one.iter().zip(two).map(|(a, b)| format!("{:.2}", b.0 / a.0)).collect();
        println!("  two instances / one (req/s): {}", ratios.join(", "));
    }
    println!("\nList cost by catalog size (first page / page 85% deep, req/s and p99 ms):");
    for (images, name, first, deep) in &growth {
        println!(
            "  {images:>9} {name:<24} first {:>8.0} req/s p99 {:>6.2}   deep {:>8.0} req/s p99 {:>6.2}",
            first.0, first.1, deep.0, deep.1
        );
    }
    Ok(())
}
