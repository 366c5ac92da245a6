//! Fixtures of the compliance tests: the shipped profiles, today in the region, files,
//! registry records, planning documents, fulfilments, and a small hand-built region.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use simpul_domain::berkas::{JenisBerkas, JenisDokumen, NamaBerkas, Sha256};
use simpul_domain::compliance::engine::{Baris, PemenuhanInput};
use simpul_domain::compliance::profile::{Profil, shipped};
use simpul_domain::ids::PdId;
use simpul_domain::org::{JenisPd, PerangkatDaerah};
use simpul_domain::plan::{
    JenisDokumenPerencanaan, NewDokumenPerencanaan, NewReviu, PeriodeRencana, StatusDokumen,
};
use simpul_domain::registry::{Item, Jenis, NewItem};
use simpul_store::berkas::Unggahan;
use simpul_store::kepatuhan;
use simpul_store::perencanaan::{self, reviu};
use simpul_store::registry::{item, lampiran};
use simpul_store::{Db, diagram_lan, pd};
use time::{Date, Month, OffsetDateTime};

use crate::common::{new_pd, sys};

pub fn profil(kode: &str) -> Profil {
    Profil::parse(&format!("{kode}.toml"), shipped(kode).unwrap()).unwrap()
}

/// Today in the region: records are stamped with the real clock.
pub fn today(p: &Profil) -> Date {
    OffsetDateTime::now_utc()
        .to_offset(kepatuhan::zona(p))
        .date()
}

pub fn file(name: &str, bytes: &[u8]) -> Unggahan {
    Unggahan {
        sha256: Sha256::of(bytes),
        ukuran: bytes.len() as i64,
        jenis: JenisBerkas::detect(name, bytes).unwrap(),
        nama: NamaBerkas::parse(name).unwrap(),
    }
}

pub async fn record(
    db: &Db,
    jenis: Jenis,
    kode: &str,
    pd: PdId,
    atribut: &[(&str, String)],
) -> Item {
    let new = NewItem {
        jenis,
        kode: kode.into(),
        nama: format!("{kode} nama"),
        deskripsi: None,
        pd: Some(pd),
        status: None,
        atribut: atribut
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect::<BTreeMap<_, _>>(),
    };
    item::create(db, &sys(), &new).await.unwrap()
}

pub fn plan(
    jenis: JenisDokumenPerencanaan,
    status: StatusDokumen,
    awal: i32,
    decree: Date,
) -> NewDokumenPerencanaan {
    NewDokumenPerencanaan {
        jenis,
        judul: format!("{} {awal}", jenis.label()),
        periode: Some(PeriodeRencana::new(awal, awal + 4).unwrap()),
        nomor_penetapan: Some("Peraturan Bupati Nomor 1".into()),
        tanggal_penetapan: (status != StatusDokumen::Draf).then_some(decree),
        status,
    }
}

pub fn fulfilment(kewajiban: &str, subjek: &str, tanggal: Date) -> PemenuhanInput {
    PemenuhanInput {
        kewajiban: kewajiban.into(),
        subjek: subjek.into(),
        tanggal: tanggal.to_string(),
        keterangan: "Laporan audit Nomor 700/12/2025".into(),
    }
}

pub fn row<'a>(rows: &'a [Baris<'a>], kewajiban: &str, kunci: &str) -> &'a Baris<'a> {
    rows.iter()
        .find(|b| b.kewajiban.id == kewajiban && b.subjek.kunci == kunci)
        .unwrap_or_else(|| panic!("no row {kewajiban} / {kunci}"))
}

pub struct Region {
    pub dinas: PerangkatDaerah,
    pub pd_a: PerangkatDaerah,
    pub khusus: Item,
    pub proses: Item,
}

/// Two PDs (one the Dinas), an Aplikasi Khusus, an Aplikasi Umum, a business process
/// reviewed today (date and document), two LAN diagram versions of PD A this year, an
/// Arsitektur and a Rencana Induk in force, a draft Peta Rencana.
pub async fn region(db: &Db, today: Date) -> Region {
    let dinas = pd::create(
        db,
        &sys(),
        &new_pd("DISKOMINFO", "Dinas Kominfo", None, JenisPd::Dinas, None),
        true,
    )
    .await
    .unwrap();
    let pd_a = crate::common::pd_a(db).await;
    let khusus = record(
        db,
        Jenis::Aplikasi,
        "APP-1",
        pd_a.id,
        &[("jenis", "khusus".into())],
    )
    .await;
    record(
        db,
        Jenis::Aplikasi,
        "APP-2",
        dinas.id,
        &[("jenis", "umum".into())],
    )
    .await;
    let proses = record(
        db,
        Jenis::ProsesBisnis,
        "PB-1",
        pd_a.id,
        &[("tanggal_review", today.to_string())],
    )
    .await;
    lampiran::add(
        db,
        &sys(),
        &proses,
        JenisDokumen::HasilReviu,
        "Reviu",
        &file("reviu.pdf", b"%PDF-1.7 reviu"),
    )
    .await
    .unwrap();
    for v in ["v1", "v2"] {
        let u = file(&format!("lan-{v}.pdf"), format!("%PDF-1.7 {v}").as_bytes());
        diagram_lan::add(db, &sys(), pd_a.id, today.year(), Some(v), &u)
            .await
            .unwrap();
    }
    let y = today.year();
    let decree = Date::from_calendar_date(y - 2, Month::January, 15).unwrap();
    let arsitektur = plan(
        JenisDokumenPerencanaan::Arsitektur,
        StatusDokumen::Berlaku,
        y - 2,
        decree,
    );
    let a = perencanaan::create(db, &sys(), &arsitektur, None)
        .await
        .unwrap();
    let r = NewReviu {
        tanggal: today,
        ringkasan: "Reviu paruh waktu".into(),
    };
    reviu::add(db, &sys(), a.id, &r, None).await.unwrap();
    let induk = plan(
        JenisDokumenPerencanaan::RencanaInduk,
        StatusDokumen::Berlaku,
        2022,
        decree,
    );
    perencanaan::create(db, &sys(), &induk, None).await.unwrap();
    let peta = plan(
        JenisDokumenPerencanaan::PetaRencana,
        StatusDokumen::Draf,
        y,
        decree,
    );
    perencanaan::create(db, &sys(), &peta, None).await.unwrap();
    Region {
        dinas,
        pd_a,
        khusus,
        proses,
    }
}
