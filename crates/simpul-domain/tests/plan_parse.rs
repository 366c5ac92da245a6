//! Planning documents and reviews: table tests of what the forms and the API accept, with
//! every problem named per field (the JSON forms are checked through the API tests of
//! simpul-web), and property tests that parsing never panics and that
//! a stored document read back into a form parses to the same document.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use proptest::prelude::*;
use simpul_domain::ids::DokumenPerencanaanId;
use simpul_domain::plan::{
    DokumenInput, DokumenPerencanaan, JenisDokumenPerencanaan, KebijakanInternal,
    NewDokumenPerencanaan, NewReviu, PeriodeRencana, ReviuInput, StatusDokumen, berlaku,
};
use time::macros::date;
use uuid::Uuid;

const TODAY: time::Date = date!(2026 - 11 - 22);

fn input(jenis: &str, awal: &str, akhir: &str, status: &str) -> DokumenInput {
    DokumenInput {
        jenis: jenis.into(),
        judul: "Arsitektur SPBE Kabupaten Tanah Bumbu".into(),
        periode_awal: awal.into(),
        periode_akhir: akhir.into(),
        nomor_penetapan: "Peraturan Bupati Tanah Bumbu Nomor 12 Tahun 2024".into(),
        tanggal_penetapan: "2024-03-12".into(),
        status: status.into(),
    }
}

fn codes(p: &simpul_domain::FieldProblems, field: &str) -> Vec<&'static str> {
    p.0.get(field)
        .map(|ms| ms.iter().map(|m| m.kode).collect())
        .unwrap_or_default()
}

#[test]
fn a_complete_document_in_force() {
    let d = NewDokumenPerencanaan::parse(&input("arsitektur", "2025", "2029", "berlaku"), TODAY)
        .unwrap();
    assert_eq!(d.jenis, JenisDokumenPerencanaan::Arsitektur);
    assert_eq!(d.periode, Some(PeriodeRencana::new(2025, 2029).unwrap()));
    assert_eq!(d.tanggal_penetapan, Some(date!(2024 - 03 - 12)));
    assert_eq!(d.status, StatusDokumen::Berlaku);
}

#[test]
fn table_of_bad_inputs_names_each_field() {
    type Case = (
        DokumenInput,
        &'static [(&'static str, &'static [&'static str])],
    );
    let future = DokumenInput {
        tanggal_penetapan: "2026-11-23".into(),
        ..input("arsitektur", "2025", "2029", "berlaku")
    };
    let no_decree = DokumenInput {
        nomor_penetapan: " ".into(),
        tanggal_penetapan: String::new(),
        ..input("peta_rencana", "2025", "2029", "berlaku")
    };
    let everything = DokumenInput {
        jenis: "rencana_strategis".into(),
        judul: String::new(),
        periode_awal: "2030".into(),
        periode_akhir: "2025".into(),
        nomor_penetapan: String::new(),
        tanggal_penetapan: "31-02-2024".into(),
        status: "aktif".into(),
    };
    let cases: Vec<Case> = vec![
        (
            input("arsitektur", "2029", "2025", "berlaku"),
            &[("periode", &["periode_urutan"])],
        ),
        (
            input("rencana_induk", "2020", "2049", "berlaku"),
            &[("periode", &["periode_panjang"])],
        ),
        (
            input("arsitektur", "", "", "draf"),
            &[("periode", &["periode_wajib", "periode_wajib"])],
        ),
        (future, &[("tanggal_penetapan", &["tanggal_masa_depan"])]),
        (
            no_decree,
            &[
                ("nomor_penetapan", &["penetapan_wajib"]),
                ("tanggal_penetapan", &["penetapan_wajib"]),
            ],
        ),
        (
            everything,
            &[
                ("jenis", &["jenis_perencanaan"]),
                ("judul", &["wajib_diisi"]),
                ("periode", &["periode_urutan"]),
                ("status", &["status_perencanaan"]),
                ("tanggal_penetapan", &["tanggal_tidak_valid"]),
            ],
        ),
    ];
    for (i, (inp, want)) in cases.into_iter().enumerate() {
        let err = NewDokumenPerencanaan::parse(&inp, TODAY).unwrap_err();
        let fields: Vec<_> = err.0.keys().map(String::as_str).collect();
        let want_fields: Vec<_> = want.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, want_fields, "case {i}: {err:?}");
        for (f, c) in want {
            assert_eq!(codes(&err, f), *c, "case {i} field {f}");
        }
    }
}

#[test]
fn a_policy_may_leave_out_the_period_and_a_draft_its_decree() {
    let draft = DokumenInput {
        nomor_penetapan: String::new(),
        tanggal_penetapan: String::new(),
        ..input("kebijakan_manajemen_data", "", "", "")
    };
    let d = NewDokumenPerencanaan::parse(&draft, TODAY).unwrap();
    assert_eq!(
        d.jenis,
        JenisDokumenPerencanaan::Kebijakan(KebijakanInternal::ManajemenData)
    );
    assert_eq!((d.periode, d.status), (None, StatusDokumen::Draf));
    assert_eq!((d.nomor_penetapan, d.tanggal_penetapan), (None, None));
    // Half a period is still a mistake, policy or not.
    let half = input("kebijakan_audit_tik", "2025", "", "berlaku");
    let err = NewDokumenPerencanaan::parse(&half, TODAY).unwrap_err();
    assert_eq!(codes(&err, "periode"), ["periode_wajib"]);
}

#[test]
fn reviews_need_a_past_date_and_findings() {
    let ok = ReviuInput {
        tanggal: "22/11/2026".into(),
        ringkasan: "Reviu paruh waktu: domain aplikasi perlu diperbarui.".into(),
    };
    assert_eq!(
        NewReviu::parse(&ok, TODAY).unwrap().tanggal,
        date!(2026 - 11 - 22)
    );
    let bad = ReviuInput {
        tanggal: "2027-01-01".into(),
        ringkasan: "  ".into(),
    };
    let err = NewReviu::parse(&bad, TODAY).unwrap_err();
    assert_eq!(codes(&err, "tanggal"), ["tanggal_masa_depan"]);
    assert_eq!(codes(&err, "ringkasan"), ["wajib_diisi"]);
    let err = NewReviu::parse(&ReviuInput::default(), TODAY).unwrap_err();
    assert_eq!(codes(&err, "tanggal"), ["wajib_diisi"]);
}

fn stored(n: u128, status: StatusDokumen, tanggal: time::Date) -> DokumenPerencanaan {
    DokumenPerencanaan {
        id: DokumenPerencanaanId(Uuid::from_u128(n)),
        jenis: JenisDokumenPerencanaan::Arsitektur,
        judul: format!("Arsitektur {n}"),
        periode: PeriodeRencana::new(2020, 2024).ok(),
        nomor_penetapan: Some(format!("Nomor {n}")),
        tanggal_penetapan: Some(tanggal),
        status,
        dibuat: format!("2026-01-0{n}T00:00:00.000000Z"),
        diubah: String::new(),
    }
}

#[test]
fn the_document_in_force_is_the_latest_adopted() {
    let docs = [
        stored(1, StatusDokumen::Berlaku, date!(2020 - 02 - 01)),
        stored(2, StatusDokumen::Berlaku, date!(2025 - 02 - 01)),
        stored(3, StatusDokumen::Draf, date!(2026 - 02 - 01)),
        stored(4, StatusDokumen::Dicabut, date!(2026 - 03 - 01)),
    ];
    assert_eq!(
        berlaku(&docs, JenisDokumenPerencanaan::Arsitektur).map(|d| d.id),
        Some(docs[1].id)
    );
    assert!(berlaku(&docs, JenisDokumenPerencanaan::PetaRencana).is_none());
}

fn any_jenis() -> impl Strategy<Value = JenisDokumenPerencanaan> {
    proptest::sample::select(JenisDokumenPerencanaan::ALL.to_vec())
}

proptest! {
    #[test]
    fn parse_never_panics(
        jenis in ".{0,30}", judul in ".{0,40}", a in ".{0,8}", b in ".{0,8}",
        nomor in ".{0,30}", tanggal in ".{0,12}", status in ".{0,10}",
    ) {
        let inp = DokumenInput {
            jenis, judul, periode_awal: a, periode_akhir: b,
            nomor_penetapan: nomor, tanggal_penetapan: tanggal, status,
        };
        let _ = NewDokumenPerencanaan::parse(&inp, TODAY);
    }

    #[test]
    fn stored_documents_round_trip_through_the_form(
        jenis in any_jenis(), awal in 2000i32..=2081, len in 1i32..=20,
        days_ago in 0i64..5000, status in proptest::sample::select(StatusDokumen::ALL.to_vec()),
    ) {
        let new = NewDokumenPerencanaan {
            jenis,
            judul: "Dokumen".into(),
            periode: Some(PeriodeRencana::new(awal, awal + len - 1).unwrap()),
            nomor_penetapan: Some("Nomor 1 Tahun 2024".into()),
            tanggal_penetapan: Some(TODAY - time::Duration::days(days_ago)),
            status,
        };
        let doc = DokumenPerencanaan {
            id: DokumenPerencanaanId(Uuid::nil()),
            jenis: new.jenis,
            judul: new.judul.clone(),
            periode: new.periode,
            nomor_penetapan: new.nomor_penetapan.clone(),
            tanggal_penetapan: new.tanggal_penetapan,
            status: new.status,
            dibuat: String::new(),
            diubah: String::new(),
        };
        prop_assert_eq!(NewDokumenPerencanaan::parse(&doc.as_input(), TODAY).unwrap(), new);
    }
}
