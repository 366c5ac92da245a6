//! Bad profiles: each mistake is named with its file, line and field, all at once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use simpul_domain::compliance::profile::{Profil, ProfilError};

const HEADER: &str = r#"[profil]
kode = "uji"
wilayah = "Kabupaten Uji"
kode_wilayah = "63.10"
tingkat = "kabupaten"
peraturan = "Peraturan Bupati Uji"
sumber = "uji.txt"
ditetapkan = 2021-06-17

[kosakata]
perangkat_daerah = "PD"
kepala_daerah = "Bupati"
dinas = "Dinas Kominfo"
"#;

fn obligation(id: &str, subjek: &str, jadwal: &str, pasal: &str) -> String {
    format!(
        r#"
[[kewajiban]]
id = "{id}"
bab = "Audit"
pasal = "{pasal}"
teks = "Audit dilaksanakan setiap tahun."
subjek = "{subjek}"
jadwal = "{jadwal}"
bukti = "audit"
uraian_bukti = "Laporan audit"
penanggung_jawab = "Dinas"
peran = "admin_pd"
"#
    )
}

fn errors(text: &str) -> Vec<ProfilError> {
    let e = Profil::parse("uji.toml", text).unwrap_err();
    assert_eq!(e.berkas, "uji.toml");
    for line in e.to_string().lines() {
        assert!(line.starts_with("uji.toml:"), "{line}");
    }
    e.errors
}

fn find<'a>(errs: &'a [ProfilError], kode: &str) -> &'a ProfilError {
    errs.iter()
        .find(|e| e.kode == kode)
        .unwrap_or_else(|| panic!("no {kode} in {errs:#?}"))
}

#[test]
fn a_good_profile_parses() {
    let text = format!(
        "{HEADER}{}",
        obligation(
            "audit",
            "setiap_aplikasi_khusus",
            "setiap 2 tahun",
            "Pasal 41 ayat (3)"
        )
    );
    let p = Profil::parse("uji.toml", &text).unwrap();
    assert_eq!(p.kewajiban.len(), 1);
    assert_eq!(p.kewajiban[0].baris, 15, "the line of [[kewajiban]]");
    assert_eq!(p.kewajiban[0].jadwal.to_string(), "setiap 2 tahun");
}

#[test]
fn unknown_subject_cadence_and_duplicate_id_are_all_named_with_lines() {
    let text = format!(
        "{HEADER}{}{}",
        obligation("audit", "setiap_kucing", "kadang-kadang", "Pasal 41"),
        obligation("audit", "dinas", "tahunan", "Bab IV"),
    );
    let errs = errors(&text);
    let subjek = find(&errs, "subjek_tidak_dikenal");
    assert_eq!(
        (subjek.baris, subjek.kolom.as_str()),
        (20, "kewajiban[0].subjek")
    );
    assert!(
        subjek.pesan.contains("setiap_aplikasi_khusus"),
        "lists the choices"
    );
    let jadwal = find(&errs, "jadwal");
    assert_eq!(
        (jadwal.baris, jadwal.kolom.as_str()),
        (21, "kewajiban[0].jadwal")
    );
    let dup = find(&errs, "id_ganda");
    assert_eq!((dup.baris, dup.kolom.as_str()), (28, "kewajiban[1].id"));
    assert!(dup.pesan.contains("baris 15"), "{}", dup.pesan);
    assert_eq!(find(&errs, "pasal_format").kolom, "kewajiban[1].pasal");
}

#[test]
fn missing_citation_and_impossible_date() {
    let text = format!("{HEADER}{}", obligation("a", "dinas", "tahunan", "Pasal 1"))
        .replace("teks = \"Audit dilaksanakan setiap tahun.\"\n", "")
        .replace("2021-06-17", "2021-02-30");
    let errs = errors(&text);
    let t = find(&errs, "toml_tidak_valid");
    assert!(t.baris > 0, "{t:?}");
    // The date is checked by TOML itself; with a valid date, the missing field remains.
    let text = format!("{HEADER}{}", obligation("a", "dinas", "tahunan", "Pasal 1"))
        .replace("teks = \"Audit dilaksanakan setiap tahun.\"\n", "");
    let errs = errors(&text);
    let t = find(&errs, "toml_tidak_valid");
    assert!(t.pesan.contains("teks"), "names the missing field: {t:?}");
    let text = format!("{HEADER}{}", obligation("a", "dinas", "tahunan", "Pasal 1")).replace(
        "teks = \"Audit dilaksanakan setiap tahun.\"",
        "teks = \"  \"",
    );
    assert_eq!(
        find(&errors(&text), "wajib_diisi").kolom,
        "kewajiban[0].teks"
    );
}

#[test]
fn unknown_fields_and_a_profile_without_obligations_are_refused() {
    let errs = errors(&format!("{HEADER}\nwarna = \"biru\"\n"));
    assert!(find(&errs, "toml_tidak_valid").pesan.contains("warna"));
    let errs = errors(HEADER);
    assert_eq!(find(&errs, "kewajiban_kosong").kolom, "kewajiban");
}
