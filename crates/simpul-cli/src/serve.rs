//! `simpul serve`: open the database, optionally load a demo region, listen.

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use simpul_domain::registry::Jenis;
use simpul_store::{demo, demo_files, demo_registry};

use crate::settings::Settings;

/// Flags of `simpul serve`.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// Listen address, e.g. 127.0.0.1:8080 (port 0 picks a free port).
    #[arg(long)]
    listen: Option<String>,
    /// Load a demo region: tanah-bumbu, gorontalo, tanah-laut, pasuruan, jambi.
    #[arg(long)]
    demo: Option<String>,
    /// Size of the demo's architecture registry: normal (about 150 applications) or
    /// large (60 PDs, 3,000 applications, 30,000 datasets; for benchmarks).
    #[arg(long, value_parser = ["normal", "large"], default_value = "normal")]
    demo_scale: String,
}

/// Run the server until Ctrl+C or SIGTERM.
pub async fn run(mut s: Settings, args: ServeArgs) -> Result<ExitCode> {
    let started = Instant::now();
    if let Some(l) = args.listen {
        s.listen = l;
    }
    s.web(None)?; // refuse bad settings before touching the database
    let db = crate::open_db(&s).await?;
    let blobs = simpul_store::blob::BlobStore::in_data_dir(&s.data_dir)
        .with_context(|| format!("opening the file store in {}", s.data_dir.display()))?;
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
        let scale = demo_registry::Scale::from_code(&args.demo_scale)
            .with_context(|| format!("unknown demo scale {}", args.demo_scale))?;
        let loading = Instant::now();
        let registry = demo_registry::load(&db, &simpul_store::Actor::sistem(), region, scale)
            .await
            .with_context(|| format!("loading the demo registry of {region}"))?;
        print_registry(&registry, loading.elapsed());
        let files = demo_files::load(&db, &blobs, today.year())
            .await
            .context("loading the demo files")?;
        println!(
            "Berkas demo: {} diagram LAN, {} dokumen SOP dan {} dokumen perencanaan baru",
            files.diagram_baru, files.sop_baru, files.perencanaan_baru
        );
        let fulfilled = simpul_store::demo_compliance::load(&db, today)
            .await
            .context("loading the demo fulfilments")?;
        println!("Pemenuhan kewajiban demo: {fulfilled} baru");
        let evaluasi = simpul_store::demo_evaluasi::load(&db)
            .await
            .context("loading the demo self-evaluations")?;
        println!(
            "Evaluasi SPBE demo: {} periode dan {} lampiran bukti dukung baru",
            evaluasi.periode, evaluasi.lampiran
        );
    }
    let zone = simpul_store::region::get(&db)
        .await?
        .and_then(|r| simpul_domain::ident::KodeWilayah::parse(&r.kode).ok())
        .and_then(|k| simpul_domain::ident::ZonaWaktu::of(&k));
    let web = s.web(zone)?;
    let listener = tokio::net::TcpListener::bind(&s.listen)
        .await
        .with_context(|| format!("listening on {}", s.listen))?;
    let addr = listener.local_addr()?;
    // Listen for signals before announcing readiness: a supervisor may stop us at once.
    let shutdown = shutdown_signal()?;
    println!(
        "Simpul siap di http://{addr}/ (basis data: {}, siap dalam {} ms)",
        db.backend(),
        started.elapsed().as_millis()
    );
    tracing::info!(%addr, backend = db.backend(), "listening");
    // The gateway shares the web's Prometheus recorder, and the web the gateway's NIK
    // key and evidence folder (the exchange pages).
    let bus = crate::bus::build(&s, db.clone(), Some(simpul_web::ops::metrics_handle())).await?;
    let state = simpul_web::AppState::with_bus(db.clone(), blobs, web, bus.web(&s));
    let (stop_bus, bus_stopped) = tokio::sync::watch::channel(false);
    let bus_task = {
        let s = s.clone();
        tokio::spawn(async move {
            let mut rx = bus_stopped;
            crate::bus::serve(&s, bus, async move {
                let _ = rx.wait_for(|v| *v).await;
            })
            .await
        })
    };
    simpul_web::serve(listener, state, shutdown).await?;
    let _ = stop_bus.send(true);
    bus_task.await??;
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

fn print_registry(s: &demo_registry::Summary, took: std::time::Duration) {
    let n = |j: Jenis| s.count(j);
    println!(
        "Registri demo: {} rekaman ({} aplikasi, {} data, {} layanan, {} proses bisnis, {} server), {} relasi; {} rekaman dan {} relasi baru dalam {} detik; server bersama: {}",
        s.rekaman(),
        n(Jenis::Aplikasi),
        n(Jenis::Data),
        n(Jenis::Layanan),
        n(Jenis::ProsesBisnis),
        n(Jenis::Server),
        s.relasi,
        s.rekaman_baru,
        s.relasi_baru,
        format!("{:.1}", took.as_secs_f64()).replace('.', ","),
        s.server_bersama
    );
}

/// A future that resolves on Ctrl+C or SIGTERM; the handlers are installed now.
fn shutdown_signal() -> Result<impl std::future::Future<Output = ()> + Send + 'static> {
    #[cfg(unix)]
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    let ctrl_c = tokio::spawn(tokio::signal::ctrl_c());
    Ok(async move {
        #[cfg(unix)]
        let term = term.recv();
        #[cfg(not(unix))]
        let term = std::future::pending::<Option<()>>();
        tokio::select! {
            _ = ctrl_c => {},
            _ = term => {},
        }
        tracing::info!("shutting down");
    })
}
