//! `simpul admin …`: set up the region, create users and API tokens from the shell, so a
//! fresh installation can get its first super admin without the web UI.

use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use clap::Subcommand;
use simpul_domain::access::{Grant, Role};
use simpul_domain::ident::{KodeWilayah, Nip, TingkatWilayah, WilayahTable};
use simpul_domain::org::{JenisPd, KodePd, NewPd, NewPegawai, Region, TingkatDaerah};
use simpul_store::{Actor, StoreError, pd, pegawai, peran, region, token};

use crate::settings::Settings;

/// Administration commands.
#[derive(Subcommand)]
pub enum AdminCommand {
    /// Set the region (by Kemendagri code) and create its SPBE-managing PD (the Dinas).
    SetupRegion {
        /// Kemendagri code, e.g. 63.10.
        #[arg(long)]
        kode: String,
        /// Short code of the Dinas, e.g. DISKOMINFO.
        #[arg(long)]
        pd_kode: String,
        /// Full name of the Dinas.
        #[arg(long)]
        pd_nama: String,
        /// The region's official domain, e.g. tanbukab.go.id.
        #[arg(long)]
        domain: Option<String>,
    },
    /// Create a staff member who can log in, with one role.
    CreateUser {
        /// NIP (18 digits).
        #[arg(long)]
        nip: String,
        /// Full name.
        #[arg(long)]
        name: String,
        /// Initial password (at least 10 characters).
        #[arg(long)]
        password: String,
        /// Role: super_admin, admin_pd, operator_pd, tim_koordinasi, asesor_internal, auditor, pimpinan.
        #[arg(long)]
        role: String,
        /// PD code (default: the SPBE-managing PD).
        #[arg(long)]
        pd: Option<String>,
    },
    /// Create an API token for a staff member and print it (shown once).
    CreateToken {
        /// NIP of the token's owner.
        #[arg(long)]
        nip: String,
        /// What the token is for.
        #[arg(long, default_value = "cli")]
        name: String,
    },
}

/// Run an admin command.
pub async fn run(s: Settings, cmd: AdminCommand) -> Result<ExitCode> {
    let db = crate::open_db(&s).await?;
    let actor = Actor::sistem();
    let today = time::OffsetDateTime::now_utc().date();
    match cmd {
        AdminCommand::SetupRegion {
            kode,
            pd_kode,
            pd_nama,
            domain,
        } => {
            let kode = KodeWilayah::parse(&kode).map_err(|e| anyhow!("kode wilayah: {e}"))?;
            let w = WilayahTable::global()
                .lookup(&kode)
                .ok_or_else(|| anyhow!("kode wilayah {kode} tidak ada di tabel Kemendagri"))?;
            let tingkat = match (w.tingkat, ()) {
                (TingkatWilayah::Provinsi, _) => TingkatDaerah::Provinsi,
                (TingkatWilayah::KabupatenKota, _) if w.nama.starts_with("Kota") => {
                    TingkatDaerah::Kota
                }
                (TingkatWilayah::KabupatenKota, _) => TingkatDaerah::Kabupaten,
                _ => bail!(
                    "kode {kode} adalah kecamatan atau desa; gunakan kode provinsi atau kabupaten/kota"
                ),
            };
            // Check every argument before writing anything.
            let new = NewPd {
                kode: KodePd::parse(&pd_kode).map_err(|e| anyhow!("--pd-kode: {e}"))?,
                nama: simpul_domain::text::required(&pd_nama, 200)
                    .map_err(|e| anyhow!("--pd-nama: {e}"))?,
                singkatan: None,
                jenis: JenisPd::Dinas,
                induk: None,
            };
            let nama = w.nama_lengkap();
            region::set(
                &db,
                &actor,
                &Region {
                    kode: kode.as_str().to_owned(),
                    nama: nama.clone(),
                    tingkat,
                    domain,
                    profil: None,
                },
            )
            .await?;
            match pd::create(&db, &actor, &new, true).await {
                Ok(_) | Err(StoreError::Conflict(_)) => {}
                Err(e) => return Err(e.into()),
            }
            println!(
                "Wilayah diatur: {nama} ({kode}); PD pengelola SPBE: {}",
                new.kode
            );
        }
        AdminCommand::CreateUser {
            nip,
            name,
            password,
            role,
            pd: pd_kode,
        } => {
            let role = Role::parse(&role).map_err(|e| anyhow!("--role: {e}"))?;
            let nip = Nip::parse(&nip, today).map_err(|e| anyhow!("--nip: {e}"))?;
            simpul_web::auth::password::check_policy(&password, nip.as_str())
                .map_err(|e| anyhow!("--password: {e}"))?;
            let home = match &pd_kode {
                Some(k) => match pd::by_kode(&db, k).await {
                    Err(StoreError::NotFound) => bail!("PD dengan kode {k} tidak ada"),
                    other => other?,
                },
                None => pd::pengelola(&db).await?.ok_or_else(|| {
                    anyhow!("belum ada PD; jalankan dahulu `simpul admin setup-region --kode 63.10 --pd-kode DISKOMINFO --pd-nama \"Dinas Komunikasi dan Informatika\"` atau beri --pd")
                })?,
            };
            let nama =
                simpul_domain::text::required(&name, 150).map_err(|e| anyhow!("--name: {e}"))?;
            let hash =
                simpul_web::auth::password::hash(&password).map_err(|e| anyhow!("hashing: {e}"))?;
            let new = NewPegawai {
                nip,
                nama,
                jabatan: None,
                email: None,
                pd: home.id,
            };
            let p = match pegawai::create(&db, &actor, &new, Some(&hash)).await {
                Err(StoreError::Conflict(_)) => bail!("NIP {} sudah terdaftar", new.nip),
                other => other?,
            };
            peran::grant(&db, &actor, p.id, Grant { role, pd: home.id }).await?;
            println!(
                "Pengguna dibuat: {} ({}) sebagai {} di {}",
                p.nama,
                p.nip,
                role.code(),
                home.kode
            );
        }
        AdminCommand::CreateToken { nip, name } => {
            let digits: String = nip.chars().filter(char::is_ascii_digit).collect();
            let p = match pegawai::by_nip(&db, &digits).await {
                Err(StoreError::NotFound) => bail!("NIP {digits} tidak terdaftar"),
                other => other.context("looking up the NIP")?,
            };
            let secret = simpul_web::auth::secret::api_token();
            let nama =
                simpul_domain::text::required(&name, 100).map_err(|e| anyhow!("--name: {e}"))?;
            token::create(
                &db,
                &actor,
                p.id,
                &nama,
                &simpul_web::auth::secret::digest(&secret),
            )
            .await?;
            println!("{secret}");
            eprintln!(
                "Token untuk {} dibuat. Simpan sekarang: token tidak dapat ditampilkan lagi.",
                p.nama
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
