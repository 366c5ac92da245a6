//! `simpul`: the one binary. Serve the web UI and API, run migrations, administer
//! users and tokens, verify the audit trail, print the default configuration.

mod admin;
mod bus;
mod profile;
mod serve;
mod settings;
mod verify;
mod verify_evidence;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use simpul_store::Db;

use crate::settings::Settings;

// The bus gateway allocates per exchange; see the workspace Cargo.toml.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "simpul",
    version,
    about = "Simpul: platform SPBE pemerintah daerah"
)]
struct Cli {
    /// Configuration file (default: ./simpul.toml if present).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// Data folder for the SQLite database (overrides data_dir and SIMPUL_DATA_DIR).
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web server (UI and API).
    Serve(serve::ServeArgs),
    /// Run the service bus gateway alone, routing from the database's directory.
    Bus,
    /// Apply database migrations and exit.
    Migrate,
    /// Administration: the region, users, API tokens.
    #[command(subcommand)]
    Admin(admin::AdminCommand),
    /// Walk the audit trail's hash chain and re-hash every stored file; exit 1 naming
    /// the first bad entry and every missing or altered file.
    Verify,
    /// Check a bus evidence log offline (segment files and public key only); exit 1
    /// naming the first entry altered, removed, reordered or truncated.
    VerifyEvidence(verify_evidence::VerifyEvidenceArgs),
    /// Regulation profiles: check one, or start a region's own from a shipped one.
    #[command(subcommand)]
    Profile(profile::ProfileCommand),
    /// Print the documented default configuration (simpul.toml).
    #[command(subcommand)]
    Config(ConfigCommand),
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Print the defaults with their documentation.
    Default,
}

/// Open the configured database and bring its schema up to date.
pub async fn open_db(s: &Settings) -> Result<Db> {
    let db = match &s.database_url {
        Some(url) => Db::connect(url)
            .await
            .with_context(|| format!("connecting to {}", settings::redact(url)))?,
        None => Db::open_data_dir(&s.data_dir)
            .await
            .with_context(|| format!("opening {}", s.data_dir.join("simpul.db").display()))?,
    };
    let applied = simpul_store::migrate::run(&db)
        .await
        .context("applying migrations")?;
    if applied > 0 {
        tracing::info!(applied, backend = db.backend(), "migrations applied");
    }
    Ok(db)
}

fn init_logging(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .try_init();
}

async fn run(cli: Cli) -> Result<ExitCode> {
    // Offline: reads only the folder it is given, whatever the configuration says.
    if let Command::VerifyEvidence(args) = &cli.command {
        return verify_evidence::run(args);
    }
    let mut s = Settings::load(cli.config.as_deref())?;
    if let Some(d) = cli.data_dir {
        s.data_dir = d;
    }
    init_logging(&s.log);
    match cli.command {
        Command::Serve(args) => serve::run(s, args).await,
        Command::Migrate => {
            let db = open_db(&s).await?;
            println!("Skema basis data ({}) sudah mutakhir.", db.backend());
            Ok(ExitCode::SUCCESS)
        }
        Command::Admin(cmd) => admin::run(s, cmd).await,
        Command::Verify => verify::run(&s).await,
        Command::Bus => {
            let db = open_db(&s).await?;
            let b = bus::build(&s, db.clone(), None).await?;
            bus::serve(&s, b, async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
            db.close().await;
            Ok(std::process::ExitCode::SUCCESS)
        }
        Command::VerifyEvidence(args) => verify_evidence::run(&args),
        Command::Profile(cmd) => profile::run(cmd),
        Command::Config(ConfigCommand::Default) => {
            print!("{}", settings::DEFAULT_TOML);
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    match run(Cli::parse()).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("simpul: {e:#}");
            ExitCode::from(2)
        }
    }
}
