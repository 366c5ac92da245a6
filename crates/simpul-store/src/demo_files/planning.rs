//! Demo planning documents: a Rencana Induk, an Arsitektur SPBE with one review, a Peta
//! Rencana, and seven of the ten internal policies (one still a draft), so the demo's
//! checklist shows both what a region has and what it still lacks. Each comes with a
//! one-page PDF. Loading twice adds nothing: nothing is added once any document exists.

use simpul_domain::org::Region;
use simpul_domain::plan::{
    JenisDokumenPerencanaan, KebijakanInternal, NewDokumenPerencanaan, NewReviu, PeriodeRencana,
    StatusDokumen,
};
use time::{Date, Month};

use super::{pdf, put};
use crate::audit::Actor;
use crate::blob::BlobStore;
use crate::db::Db;
use crate::error::StoreError;
use crate::perencanaan::{self, BerkasBaru, reviu};
use crate::region;

/// The policies the demo has adopted (D still a draft); F, G and I are missing.
const POLICIES: [(KebijakanInternal, StatusDokumen); 7] = [
    (KebijakanInternal::Arsitektur, StatusDokumen::Berlaku),
    (KebijakanInternal::PetaRencana, StatusDokumen::Berlaku),
    (KebijakanInternal::ManajemenData, StatusDokumen::Berlaku),
    (KebijakanInternal::PembangunanAplikasi, StatusDokumen::Draf),
    (KebijakanInternal::PusatData, StatusDokumen::Berlaku),
    (KebijakanInternal::KeamananInformasi, StatusDokumen::Berlaku),
    (KebijakanInternal::TimKoordinasi, StatusDokumen::Berlaku),
];

/// What was added: documents, and files (document versions and review reports).
#[derive(Debug, Default, Clone, Copy)]
pub struct Added {
    /// Planning documents.
    pub dokumen: usize,
    /// Files.
    pub berkas: usize,
}

/// The decree that adopts a region's plans: "Peraturan Bupati Tanah Bumbu Nomor 12
/// Tahun 2024".
fn decree(r: &Region, nomor: u32, tahun: i32) -> String {
    let tempat = ["Kabupaten ", "Kota ", "Provinsi "]
        .iter()
        .find_map(|p| r.nama.strip_prefix(p))
        .unwrap_or(&r.nama);
    format!(
        "Peraturan {} {tempat} Nomor {nomor} Tahun {tahun}",
        r.tingkat.kepala()
    )
}

/// The Rencana Induk's horizon: 20 years where the region's regulation says so (001
/// Pasal 1 angka 10, Kota Gorontalo), else 5 (003 Pasal 6(3); 004 Pasal 4(1)). Later
/// this comes from the regulation profile.
fn horizon(r: &Region) -> i32 {
    if r.profil.as_deref() == Some("gorontalo") {
        20
    } else {
        5
    }
}

fn day(tahun: i32, month: Month, d: u8) -> Result<Date, StoreError> {
    Date::from_calendar_date(tahun, month, d)
        .map_err(|e| StoreError::Corrupt(format!("demo date {tahun}-{month}-{d}: {e}")))
}

fn period(awal: i32, panjang: i32) -> Result<PeriodeRencana, StoreError> {
    PeriodeRencana::new(awal, awal + panjang - 1)
        .map_err(|e| StoreError::Corrupt(format!("demo period: {e}")))
}

/// Record one document with its PDF.
async fn record(
    db: &Db,
    blobs: &BlobStore,
    new: &NewDokumenPerencanaan,
    file_name: &str,
    added: &mut Added,
) -> Result<simpul_domain::ids::DokumenPerencanaanId, StoreError> {
    let mut lines = vec![new.jenis.label().to_uppercase(), new.judul.clone()];
    lines.extend(new.nomor_penetapan.clone());
    lines.push("Dokumen contoh dari data demo Simpul.".into());
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let u = put(blobs, file_name, pdf::single_page(&refs)).await?;
    let catatan = match new.status {
        StatusDokumen::Draf => "rancangan",
        _ => "naskah yang ditetapkan",
    };
    let f = BerkasBaru {
        unggahan: &u,
        catatan: Some(catatan),
    };
    let d = perencanaan::create(db, &Actor::sistem(), new, Some(f)).await?;
    added.dokumen += 1;
    added.berkas += 1;
    Ok(d.id)
}

/// Load the demo planning documents; `tahun` is the current year in the region.
pub(super) async fn load(db: &Db, blobs: &BlobStore, tahun: i32) -> Result<Added, StoreError> {
    let mut added = Added::default();
    let Some(r) = region::get(db).await? else {
        return Ok(added);
    };
    if !perencanaan::list(db).await?.is_empty() {
        return Ok(added);
    }
    let plans = [
        (
            JenisDokumenPerencanaan::RencanaInduk,
            period(tahun - 3, horizon(&r))?,
            day(tahun - 3, Month::February, 14)?,
            7,
        ),
        (
            JenisDokumenPerencanaan::Arsitektur,
            period(tahun - 1, 5)?,
            day(tahun - 1, Month::March, 12)?,
            12,
        ),
        (
            JenisDokumenPerencanaan::PetaRencana,
            period(tahun - 1, 5)?,
            day(tahun - 1, Month::April, 20)?,
            15,
        ),
    ];
    for (jenis, periode, tanggal, nomor) in plans {
        let new = NewDokumenPerencanaan {
            jenis,
            judul: format!(
                "{} {} Tahun {}-{}",
                jenis.label(),
                r.nama,
                periode.awal(),
                periode.akhir()
            ),
            periode: Some(periode),
            nomor_penetapan: Some(decree(&r, nomor, tanggal.year())),
            tanggal_penetapan: Some(tanggal),
            status: StatusDokumen::Berlaku,
        };
        let id = record(
            db,
            blobs,
            &new,
            &format!("{}.pdf", jenis.code()),
            &mut added,
        )
        .await?;
        if jenis == JenisDokumenPerencanaan::Arsitektur {
            // The yearly monitoring by the Dinas (000 Pasal 6(7)), with its report.
            let report = pdf::single_page(&[
                "LAPORAN REVIU ARSITEKTUR SPBE",
                &r.nama,
                &format!("Reviu tahunan {}", tahun - 1),
                "Dokumen contoh dari data demo Simpul.",
            ]);
            let u = put(blobs, "laporan-reviu-arsitektur.pdf", report).await?;
            let new = NewReviu {
                tanggal: day(tahun - 1, Month::December, 15)?,
                ringkasan: "Reviu tahunan oleh Dinas: domain aplikasi dan infrastruktur \
                            diselaraskan dengan register; dua layanan publik baru ditambahkan \
                            ke peta proses bisnis."
                    .into(),
            };
            reviu::add(db, &Actor::sistem(), id, &new, Some(&u)).await?;
            added.berkas += 1;
        }
    }
    // The policies are adopted together in one regulation, as 001 does in its Lampiran.
    let adopted = day(tahun - 2, Month::August, 1)?;
    for (k, status) in POLICIES {
        let jenis = JenisDokumenPerencanaan::Kebijakan(k);
        let adopted = (status != StatusDokumen::Draf).then_some(adopted);
        let new = NewDokumenPerencanaan {
            jenis,
            judul: format!("{} {}", jenis.label(), r.nama),
            periode: None,
            nomor_penetapan: adopted.map(|d| decree(&r, 18, d.year())),
            tanggal_penetapan: adopted,
            status,
        };
        record(
            db,
            blobs,
            &new,
            &format!("{}.pdf", jenis.code()),
            &mut added,
        )
        .await?;
    }
    Ok(added)
}
