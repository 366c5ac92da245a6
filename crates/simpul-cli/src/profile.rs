//! `simpul profile`: check a regulation profile, or start a region's own from a shipped
//! one.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use simpul_domain::compliance::profile::{Profil, SHIPPED, shipped};

/// Subcommands of `simpul profile`.
#[derive(clap::Subcommand)]
pub enum ProfileCommand {
    /// Validate a profile file; with the regulation text in `sources/` beside it, also
    /// check that every obligation's text appears there verbatim. Exit 1 on any problem.
    Check {
        /// The profile (TOML).
        file: PathBuf,
    },
    /// Copy a shipped profile as the start of a region's own.
    New {
        /// The shipped profile to start from: tanah-bumbu, gorontalo, tanah-laut,
        /// pasuruan, jambi.
        #[arg(long)]
        from: String,
        /// Where to write it (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// Run a profile subcommand.
pub fn run(cmd: ProfileCommand) -> Result<ExitCode> {
    match cmd {
        ProfileCommand::Check { file } => check(&file),
        ProfileCommand::New { from, out } => new(&from, out.as_deref()),
    }
}

fn check(file: &Path) -> Result<ExitCode> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let name = file.display().to_string();
    let p = match Profil::parse(&name, &text) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let source = file
        .parent()
        .unwrap_or(Path::new("."))
        .join("sources")
        .join(&p.sumber);
    match std::fs::read_to_string(&source) {
        Ok(regulation) => {
            let problems = p.check_citations(&regulation);
            if !problems.is_empty() {
                for e in problems {
                    eprintln!("{name}:{}: {}: {}", e.baris, e.kolom, e.pesan);
                }
                return Ok(ExitCode::FAILURE);
            }
            println!(
                "{name}: profil {} sah, {} kewajiban, semua kutipan ditemukan di {}.",
                p.kode,
                p.kewajiban.len(),
                source.display()
            );
        }
        Err(_) => println!(
            "{name}: profil {} sah, {} kewajiban. Kutipan tidak diperiksa: {} tidak ada.",
            p.kode,
            p.kewajiban.len(),
            source.display()
        ),
    }
    Ok(ExitCode::SUCCESS)
}

fn new(from: &str, out: Option<&Path>) -> Result<ExitCode> {
    let Some(text) = shipped(from) else {
        let known: Vec<&str> = SHIPPED.iter().map(|(k, _)| *k).collect();
        bail!("unknown profile {from:?}; shipped: {}", known.join(", "));
    };
    let header = format!(
        "# Disalin dari profil {from} oleh `simpul profile new`. Ganti [profil] dan\n\
         # [kosakata] dengan data daerah Anda, lalu sesuaikan setiap kewajiban dengan\n\
         # peraturan daerah Anda; periksa dengan `simpul profile check`.\n"
    );
    let body = format!("{header}{text}");
    match out {
        None => print!("{body}"),
        Some(path) => {
            if path.exists() {
                bail!("{} already exists; not overwriting it", path.display());
            }
            std::fs::write(path, body).with_context(|| format!("writing {}", path.display()))?;
            println!("Profil baru ditulis ke {} (dari {from}).", path.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}
