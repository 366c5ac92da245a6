//! Demo files: LAN diagrams for most PDs (this year's, and last year's with a change for
//! some), SOP documents for some business processes and the planning documents
//! ([`planning`]), so the demo's LAN summary, record documents, planning checklist and
//! `simpul verify` show something real. Loading twice adds nothing.

mod drawio;
mod pdf;
mod planning;

use simpul_domain::berkas::{JenisBerkas, JenisDokumen, NamaBerkas};
use simpul_domain::registry::Jenis;

use crate::audit::Actor;
use crate::berkas::Unggahan;
use crate::blob::BlobStore;
use crate::db::Db;
use crate::error::StoreError;
use crate::registry::item::{self, ItemFilter};
use crate::registry::lampiran;
use crate::{diagram_lan, pd};

/// What was added.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// LAN diagram versions added.
    pub diagram_baru: usize,
    /// SOP documents added.
    pub sop_baru: usize,
    /// Planning documents added.
    pub perencanaan_baru: usize,
    /// Files of planning documents and their reviews added.
    pub berkas_perencanaan: usize,
}

/// Business processes that get an SOP document.
const SOP_COUNT: i64 = 24;

async fn put(blobs: &BlobStore, name: &str, bytes: Vec<u8>) -> Result<Unggahan, StoreError> {
    let jenis = JenisBerkas::detect(name, &bytes)
        .map_err(|e| StoreError::Corrupt(format!("demo file {name}: {e}")))?;
    let nama = NamaBerkas::parse(name)
        .map_err(|e| StoreError::Corrupt(format!("demo file {name}: {e}")))?;
    let ukuran = bytes.len() as i64;
    Ok(Unggahan {
        sha256: blobs.put(bytes).await?,
        ukuran,
        jenis,
        nama,
    })
}

/// Load the demo files for the PDs and business processes already stored; `tahun` is the
/// current year in the region.
pub async fn load(db: &Db, blobs: &BlobStore, tahun: i32) -> Result<Summary, StoreError> {
    let actor = Actor::sistem();
    let mut out = Summary::default();
    let pds = pd::list(db, &pd::PdFilter::default()).await?;
    for (i, p) in pds.iter().enumerate() {
        // Every fourth PD has not handed in this year's diagram: the summary has gaps.
        if i % 4 == 3 || !diagram_lan::of_pd(db, p.id).await?.is_empty() {
            continue;
        }
        let mut versions = vec![(tahun, None, 0)];
        if i % 3 == 0 {
            versions = vec![
                (tahun - 1, None, 0),
                (
                    tahun - 1,
                    Some("Penambahan titik akses nirkabel di ruang rapat"),
                    1,
                ),
                (tahun, None, 1),
            ];
        }
        for (year, note, extra) in versions {
            let file = drawio::lan(&p.kode.to_string(), &p.nama, year, extra);
            let name = format!("LAN-{}-{year}.drawio", p.kode);
            let u = put(blobs, &name, file.into_bytes()).await?;
            diagram_lan::add(db, &actor, p.id, year, note, &u).await?;
            out.diagram_baru += 1;
        }
    }
    let filter = ItemFilter {
        jenis: Some(Jenis::ProsesBisnis),
        ..ItemFilter::default()
    };
    let (processes, _) = item::list(db, &filter, SOP_COUNT, 0).await?;
    for it in processes {
        if !lampiran::of_item(db, it.id).await?.is_empty() {
            continue;
        }
        let judul = format!("SOP {} Nomor {}/{tahun}", it.nama, it.kode);
        let bytes = pdf::single_page(&[
            "STANDAR OPERASIONAL PROSEDUR",
            &it.nama,
            &format!("Nomor {}/{tahun}", it.kode),
            "Dokumen contoh dari data demo Simpul.",
        ]);
        let u = put(blobs, &format!("SOP-{}.pdf", it.kode), bytes).await?;
        lampiran::add(db, &actor, &it, JenisDokumen::Sop, &judul, &u).await?;
        out.sop_baru += 1;
    }
    let plans = planning::load(db, blobs, tahun).await?;
    out.perencanaan_baru = plans.dokumen;
    out.berkas_perencanaan = plans.berkas;
    Ok(out)
}
