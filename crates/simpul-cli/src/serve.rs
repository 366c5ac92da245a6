//! `simpul serve`: open the database, optionally load a demo region, listen.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use simpul_store::demo;

use crate::settings::Settings;

/// Flags of `simpul serve`.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// Data folder (SQLite).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Listen address, e.g. 127.0.0.1:8080 (port 0 picks a free port).
    #[arg(long)]
    listen: Option<String>,
    /// Load a demo region: tanah-bumbu, gorontalo, tanah-laut, pasuruan, jambi.
    #[arg(long)]
    demo: Option<String>,
}

/// Run the server until Ctrl+C or SIGTERM.
pub async fn run(mut s: Settings, args: ServeArgs) -> Result<ExitCode> {
    let started = Instant::now();
    if let Some(d) = args.data_dir {
        s.data_dir = d;
    }
    if let Some(l) = args.listen {
        s.listen = l;
    }
    let web = s.web()?;
    let db = crate::open_db(&s).await?;
    if let Some(region) = &args.demo {
        let hash =
            tokio::task::spawn_blocking(|| simpul_web::auth::password::hash(demo::DEMO_PASSWORD))
                .await?
                .map_err(|e| anyhow::anyhow!("hashing the demo password: {e}"))?;
        let today = time::OffsetDateTime::now_utc().date();
        let summary = demo::load(&db, region, &hash, today)
            .await
            .with_context(|| format!("loading demo region {region}"))?;
        print_demo(&summary);
    }
    let listener = tokio::net::TcpListener::bind(&s.listen)
        .await
        .with_context(|| format!("listening on {}", s.listen))?;
    let addr = listener.local_addr()?;
    println!(
        "Simpul siap di http://{addr}/ (basis data: {}, siap dalam {} ms)",
        db.backend(),
        started.elapsed().as_millis()
    );
    tracing::info!(%addr, backend = db.backend(), "listening");
    let state = simpul_web::AppState::new(db.clone(), web);
    simpul_web::serve(listener, state, shutdown_signal()).await?;
    db.close().await;
    Ok(ExitCode::SUCCESS)
}

fn print_demo(s: &demo::DemoSummary) {
    println!(
        "Demo: {} ({} PD baru, {} pegawai baru, {} peran baru)",
        s.wilayah, s.pd_baru, s.pegawai_baru, s.peran_baru
    );
    println!("Akun demo (kata sandi semua: {}):", demo::DEMO_PASSWORD);
    for l in &s.logins {
        println!(
            "  {:<18} {:<40} {:<14} {}",
            l.nip,
            l.nama,
            l.pd,
            l.peran.join(", ")
        );
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
