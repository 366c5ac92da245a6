//! The actions on one indicator, shared by the pages and the API: the self-assessment,
//! attaching evidence (new or reused), the assessor's verdict, consolidating and
//! reopening. Who may is decided by `alur::boleh` on the period's state; what is valid
//! by the domain's parsers. Nothing is stored before both say yes.

use simpul_domain::access::Action;
use simpul_domain::evaluation::alur::{
    self, AksiIndikator, IsiIndikator, Keadaan, PenanggungJawab, StatusIndikator,
};
use simpul_domain::evaluation::bukti::{BuktiBaru, JenisBukti, parse_putusan};
use simpul_domain::evaluation::{Indikator, Level, Nilai, StatusBukti};
use simpul_domain::ids::{BuktiDukungId, DokumenPerencanaanId, ItemId, LampiranBuktiId, PdId};
use simpul_domain::registry::value::date;
use simpul_domain::{FieldProblems, Masalah, Masalahs};
use simpul_store::StoreError;
use simpul_store::berkas::Unggahan;
use simpul_store::evaluasi::bukti::{self, ItemBaru, Lampiran};
use simpul_store::evaluasi::indikator::{self, Isian};
use simpul_store::perencanaan;
use simpul_store::registry::item;
use uuid::Uuid;

use super::aksi::status_berubah;
use super::muat::Muatan;
use super::saran::dapat_dipakai;
use super::tolak::{ALUR, Tolak};
use crate::auth::User;
use crate::state::AppState;

/// Check that `user` may do `aksi` on indicator `nomor`; its responsible PDs.
pub fn periksa(
    user: &User,
    m: &Muatan,
    nomor: u32,
    aksi: AksiIndikator,
) -> Result<Vec<PenanggungJawab>, Tolak> {
    let ind = m.ind(nomor).ok_or(Tolak::TidakAda)?;
    let pj = m.pj_of(nomor);
    let tim = m.tim_of(user.pegawai.id);
    let k = Keadaan {
        periode: m.periode.status,
        indikator: ind.status,
        pj: &pj,
        tim_asesor: &tim,
    };
    alur::boleh(&user.grants, aksi, k).map_err(Tolak::alur)?;
    Ok(pj)
}

/// Whether `user` may do `aksi` on `nomor` (for showing a form or not).
pub fn boleh(user: &User, m: &Muatan, nomor: u32, aksi: AksiIndikator) -> bool {
    periksa(user, m, nomor, aksi).is_ok()
}

/// The responsible PD `user` acts for: the lead when they may, else the first they may.
pub fn pd_pelaku(user: &User, pj: &[PenanggungJawab]) -> Option<PdId> {
    let may = |p: &&PenanggungJawab| {
        user.can(
            Action::UbahDataPd,
            simpul_domain::access::Target::Pd {
                pd: p.pd,
                induk: p.induk,
            },
        )
    };
    let mut sorted: Vec<&PenanggungJawab> = pj.iter().collect();
    sorted.sort_by_key(|p| !p.utama);
    sorted.into_iter().find(may).map(|p| p.pd)
}

/// Indicators whose answer names the sector service submitted (spbe-2020's "Layanan
/// Publik Sektor 1, 2, 3": the region picks the services).
pub fn butuh_nama_layanan(ind: &Indikator) -> bool {
    ind.nama.contains("Layanan Publik Sektor")
}

/// What a PD enters, as text from a form or the API.
#[derive(Debug, Clone, Default)]
pub struct IsianMasuk {
    /// Self-assessed level 1-5.
    pub level: String,
    /// Why that level.
    pub justifikasi: String,
    /// The sector service (spbe-2020's 45-47).
    pub nama_layanan: String,
    /// For an external indicator: the published value 1,00-5,00.
    pub nilai: String,
    /// Its source.
    pub sumber: String,
    /// Its date.
    pub tanggal: String,
}

fn teks(p: &mut FieldProblems, field: &str, s: &str, max: usize) -> Option<String> {
    let s = s.trim();
    if s.chars().count() > max {
        p.add(
            field,
            Masalahs::one(
                "teks_terlalu_panjang",
                format!("Paling panjang {max} karakter."),
            ),
        );
    }
    (!s.is_empty()).then(|| s.to_owned())
}

/// Record the self-assessment of `nomor` (or an external indicator's value).
pub async fn isi(
    st: &AppState,
    user: &User,
    m: &Muatan,
    nomor: u32,
    masuk: &IsianMasuk,
) -> Result<(), Tolak> {
    let pj = periksa(user, m, nomor, AksiIndikator::Isi)?;
    let ind = m.model.indikator_nomor(nomor).ok_or(Tolak::TidakAda)?;
    let mut p = FieldProblems::default();
    let isian = if ind.eksternal {
        let nilai = p.check("nilai", Nilai::parse(&m.model, nomor, &masuk.nilai));
        let sumber = teks(&mut p, "sumber", &masuk.sumber, 500);
        if sumber.is_none() {
            p.add(
                "sumber",
                Masalahs::one("sumber_kosong", "Sebutkan sumber nilai ini."),
            );
        }
        let tanggal = p.check("tanggal", date(masuk.tanggal.trim()));
        Isian {
            nilai_eksternal: nilai.and_then(|v| i32::try_from(v.ratusan()).ok()),
            sumber_eksternal: sumber,
            tanggal_sumber: tanggal.map(simpul_domain::registry::value::fmt_date),
            justifikasi: teks(&mut p, "justifikasi", &masuk.justifikasi, 4000),
            ..Isian::default()
        }
    } else {
        let level = p
            .check("level", Nilai::parse(&m.model, nomor, &masuk.level))
            .and_then(Nilai::level);
        let nama_layanan = teks(&mut p, "nama_layanan", &masuk.nama_layanan, 200);
        if butuh_nama_layanan(ind) && nama_layanan.is_none() {
            p.add(
                "nama_layanan",
                Masalahs::one(
                    "nama_layanan_kosong",
                    "Sebutkan nama layanan publik sektor yang dinilai pada indikator ini.",
                ),
            );
        }
        Isian {
            level: level.map(Level::get),
            justifikasi: teks(&mut p, "justifikasi", &masuk.justifikasi, 4000),
            nama_layanan: nama_layanan.filter(|_| butuh_nama_layanan(ind)),
            ..Isian::default()
        }
    };
    if !p.is_empty() {
        return Err(Tolak::TidakValid(p));
    }
    let pd = pd_pelaku(user, &pj).map(|p| p.to_string());
    indikator::isi(&st.db, &user.actor(), m.periode.id, nomor, pd, &isian)
        .await
        .map_err(status_berubah)
}

/// Where an evidence item comes from, as text from a form or the API.
#[derive(Debug, Clone)]
pub enum SumberBukti {
    /// A new item of kind `jenis` (`berkas`, `tautan`, `registri`, `perencanaan`).
    Baru {
        /// Kind code.
        jenis: String,
        /// Title (a reference's name when empty).
        judul: String,
        /// Address, for a link.
        url: String,
        /// The registry record or planning document, for those kinds.
        rujukan: String,
    },
    /// An existing item, by id.
    Pakai(String),
}

/// An attachment checked and ready to store.
#[derive(Debug)]
pub struct Rencana {
    nomor: u32,
    level: u8,
    pd: Option<PdId>,
    baru: Option<(JenisBukti, BuktiBaru, Option<Uuid>)>,
    pakai: Option<BuktiDukungId>,
}

impl Rencana {
    /// Whether the item is a file still to be accepted.
    pub fn butuh_berkas(&self) -> bool {
        matches!(self.baru, Some((JenisBukti::Berkas, ..)))
    }
}

/// Check an attachment to `nomor`: who may, the level, the item's fields or the reused
/// item. A file is accepted by the caller after this says yes, so a refusal stores no
/// file.
pub async fn siap_lampirkan(
    st: &AppState,
    user: &User,
    m: &Muatan,
    nomor: u32,
    level: &str,
    sumber: &SumberBukti,
) -> Result<Rencana, Tolak> {
    let pj = periksa(user, m, nomor, AksiIndikator::LampirkanBukti)?;
    let mut p = FieldProblems::default();
    let level = p.check("level", Level::parse(level)).map(Level::get);
    let mut rencana = Rencana {
        nomor,
        level: level.unwrap_or(1),
        pd: pd_pelaku(user, &pj),
        baru: None,
        pakai: None,
    };
    match sumber {
        SumberBukti::Baru {
            jenis,
            judul,
            url,
            rujukan,
        } => {
            let jenis = JenisBukti::from_code(jenis.trim());
            let Some(jenis) = jenis else {
                p.add(
                    "jenis",
                    Masalahs::one(
                        "jenis_bukti_tidak_dikenal",
                        "Jenis bukti dukung: berkas, tautan, registri, atau perencanaan.",
                    ),
                );
                return Err(Tolak::TidakValid(p));
            };
            let (rujukan, nama) = match jenis {
                JenisBukti::Registri | JenisBukti::Perencanaan => {
                    match rujukan_dari(st, jenis, rujukan).await? {
                        Some((id, nama)) => (Some(id), nama),
                        None => {
                            p.add(
                                "rujukan",
                                Masalahs::one(
                                    "rujukan_tidak_dikenal",
                                    "Pilih rekaman registri atau dokumen perencanaan yang ada.",
                                ),
                            );
                            (None, String::new())
                        }
                    }
                }
                _ => (None, String::new()),
            };
            let judul = if judul.trim().is_empty() {
                nama
            } else {
                judul.clone()
            };
            match BuktiBaru::parse(jenis, &judul, Some(url)) {
                Ok(b) => rencana.baru = Some((jenis, b, rujukan)),
                Err(e) => {
                    for m in e.0 {
                        let field = if m.kode.starts_with("tautan") {
                            "url"
                        } else {
                            "judul"
                        };
                        p.add(field, Masalahs(vec![m]));
                    }
                }
            }
        }
        SumberBukti::Pakai(raw) => {
            let item = match raw.trim().parse::<BuktiDukungId>() {
                Ok(id) => match bukti::get(&st.db, id).await {
                    Ok(b) => Some(b),
                    Err(StoreError::NotFound) => None,
                    Err(e) => return Err(e.into()),
                },
                Err(_) => None,
            };
            match item {
                None => p.add(
                    "bukti",
                    Masalahs::one("bukti_tidak_dikenal", "Bukti dukung itu tidak ada."),
                ),
                Some(b) => {
                    if !dapat_dipakai(st, user, m, nomor, &pj, &b).await? {
                        return Err(Tolak::TidakBoleh(Masalah::new(
                            "tidak_berwenang",
                            "Bukti dukung ini milik PD lain dan tidak dapat dipakai untuk \
                             indikator ini.",
                        )));
                    }
                    rencana.pakai = Some(b.id);
                }
            }
        }
    }
    if level.is_some()
        && let Some(id) = rencana.pakai
        && m.lampiran_of(nomor)
            .any(|l| l.level == rencana.level && l.bukti.id == id)
    {
        p.add("bukti", sudah_dilampirkan());
    }
    if p.is_empty() {
        Ok(rencana)
    } else {
        Err(Tolak::TidakValid(p))
    }
}

fn sudah_dilampirkan() -> Masalahs {
    Masalahs::one(
        "bukti_sudah_dilampirkan",
        "Bukti dukung ini sudah dilampirkan pada level itu.",
    )
}

/// The id and name of a registry record or planning document given as text.
async fn rujukan_dari(
    st: &AppState,
    jenis: JenisBukti,
    raw: &str,
) -> Result<Option<(Uuid, String)>, Tolak> {
    let found = if jenis == JenisBukti::Registri {
        let Ok(id) = raw.trim().parse::<ItemId>() else {
            return Ok(None);
        };
        item::get(&st.db, id)
            .await
            .map(|i| (id.0, format!("{} {}", i.kode, i.nama)))
    } else {
        let Ok(id) = raw.trim().parse::<DokumenPerencanaanId>() else {
            return Ok(None);
        };
        perencanaan::get(&st.db, id).await.map(|d| (id.0, d.judul))
    };
    match found {
        Ok(x) => Ok(Some(x)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Store a checked attachment (with its file, already in the blob store, for a file).
pub async fn lampirkan(
    st: &AppState,
    user: &User,
    m: &Muatan,
    r: &Rencana,
    berkas: Option<&Unggahan>,
) -> Result<LampiranBuktiId, Tolak> {
    let id = m.periode.id;
    let hasil = match (&r.baru, r.pakai) {
        (_, Some(b)) => bukti::lampirkan(&st.db, &user.actor(), id, r.nomor, r.level, b).await,
        (Some((jenis, isi, rujukan)), None) => {
            let new = ItemBaru {
                jenis: *jenis,
                isi,
                rujukan: *rujukan,
                pd: r.pd,
                berkas,
            };
            bukti::lampirkan_baru(&st.db, &user.actor(), id, r.nomor, r.level, &new).await
        }
        (None, None) => return Err(Tolak::TidakAda),
    };
    match hasil {
        Ok(l) => Ok(l),
        Err(StoreError::Conflict("bukti")) => Err(Tolak::kolom("bukti", sudah_dilampirkan())),
        Err(e) => Err(e.into()),
    }
}

/// An assessor's verdict on attachment `lampiran` of this period: `diterima`, or
/// `revisi` with what is to be revised.
pub async fn nilai(
    st: &AppState,
    user: &User,
    m: &Muatan,
    lampiran: &str,
    status: &str,
    komentar: &str,
) -> Result<u32, Tolak> {
    let l = lampiran_dari(m, lampiran)?;
    let id = l.id;
    periksa(user, m, l.nomor, AksiIndikator::Nilai)?;
    let mut p = FieldProblems::default();
    let putusan = p.check("status", parse_putusan(status));
    let komentar = teks(&mut p, "komentar", komentar, 2000);
    if putusan == Some(StatusBukti::Revisi) && komentar.is_none() {
        p.add(
            "komentar",
            Masalahs::one(
                "komentar_wajib",
                "Tuliskan apa yang perlu diperbaiki pada bukti dukung ini.",
            ),
        );
    }
    let Some(putusan) = putusan.filter(|_| p.is_empty()) else {
        return Err(Tolak::TidakValid(p));
    };
    bukti::nilai(&st.db, &user.actor(), id, putusan, komentar.as_deref()).await?;
    Ok(l.nomor)
}

/// Withdraw an attachment that was not accepted, e.g. one sent back for revision and
/// replaced: whoever may attach evidence to the indicator may withdraw it.
pub async fn tarik(st: &AppState, user: &User, m: &Muatan, lampiran: &str) -> Result<u32, Tolak> {
    let l = lampiran_dari(m, lampiran)?;
    let id = l.id;
    periksa(user, m, l.nomor, AksiIndikator::LampirkanBukti)?;
    if l.status == StatusBukti::Diterima {
        let mut p = FieldProblems::default();
        p.add(
            ALUR,
            Masalahs::one(
                "bukti_sudah_diterima",
                "Bukti dukung yang sudah diterima asesor tidak dapat ditarik.",
            ),
        );
        return Err(Tolak::TidakValid(p));
    }
    bukti::tarik(&st.db, &user.actor(), id).await?;
    Ok(l.nomor)
}

/// Consolidate `nomor`: its lead PD's admin, with a level and evidence on every level up
/// to it (or an external indicator's value).
pub async fn konsolidasi(st: &AppState, user: &User, m: &Muatan, nomor: u32) -> Result<(), Tolak> {
    periksa(user, m, nomor, AksiIndikator::Konsolidasi)?;
    let ind = m.ind(nomor).ok_or(Tolak::TidakAda)?;
    let isi = IsiIndikator {
        nomor,
        eksternal: m.model.indikator_nomor(nomor).is_some_and(|i| i.eksternal),
        level: ind.level,
        nilai_eksternal: ind.nilai_eksternal.is_some(),
        bukti: m.jumlah_per_level(nomor),
    };
    alur::syarat_konsolidasi(&isi).map_err(|e| Tolak::kolom(ALUR, e))?;
    indikator::set_status(
        &st.db,
        &user.actor(),
        m.periode.id,
        nomor,
        StatusIndikator::Draf,
        StatusIndikator::Dikonsolidasi,
    )
    .await
    .map_err(status_berubah)
}

/// Reopen a consolidated `nomor` for changes.
pub async fn buka_kembali(st: &AppState, user: &User, m: &Muatan, nomor: u32) -> Result<(), Tolak> {
    periksa(user, m, nomor, AksiIndikator::BukaKembali)?;
    indikator::set_status(
        &st.db,
        &user.actor(),
        m.periode.id,
        nomor,
        StatusIndikator::Dikonsolidasi,
        StatusIndikator::Draf,
    )
    .await
    .map_err(status_berubah)
}

/// The attachment of this period named by `raw` (an id from a path); anything else is
/// "not found".
pub fn lampiran_dari<'m>(m: &'m Muatan, raw: &str) -> Result<&'m Lampiran, Tolak> {
    let id = raw
        .trim()
        .parse::<LampiranBuktiId>()
        .map_err(|_| Tolak::TidakAda)?;
    m.lampiran
        .iter()
        .find(|l| l.id == id)
        .ok_or(Tolak::TidakAda)
}
