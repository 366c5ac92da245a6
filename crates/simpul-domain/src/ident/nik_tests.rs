use time::macros::date;

use super::*;

const TODAY: Date = date!(2026 - 11 - 22);

fn codes(input: &str) -> Vec<&'static str> {
    Nik::parse(input, TODAY)
        .unwrap_err()
        .0
        .iter()
        .map(|m| m.kode)
        .collect()
}

#[test]
fn derives_region_sex_and_birth_date() {
    let nik = Nik::parse("3201011508950001", TODAY).unwrap();
    assert_eq!(nik.expose_digits(), "3201011508950001");
    assert_eq!(nik.tanggal_lahir(), date!(1995 - 08 - 15));
    assert_eq!(nik.jenis_kelamin(), JenisKelamin::LakiLaki);
    assert_eq!(nik.kode_provinsi().as_str(), "32");
    assert_eq!(nik.kode_kabupaten().as_str(), "32.01");
    assert_eq!(nik.kode_kecamatan().as_str(), "32.01.01");
    assert_eq!(nik.nama_provinsi(), Some("Jawa Barat"));
    assert_eq!(nik.nama_kabupaten(), Some("Kabupaten Bogor"));
    assert_eq!(nik.nama_kecamatan(), Some("Cibinong"));
    assert_eq!(nik.nomor_urut(), 1);
    assert!(nik.warnings().is_empty());

    let perempuan = Nik::parse("32 01 01 55 08 95 0001", TODAY).unwrap();
    assert_eq!(perempuan.tanggal_lahir(), date!(1995 - 08 - 15));
    assert_eq!(perempuan.jenis_kelamin(), JenisKelamin::Perempuan);
    assert_ne!(perempuan, nik);
}

#[test]
fn century_follows_todays_two_digit_year() {
    let nik = Nik::parse("3201010101260001", TODAY).unwrap();
    assert_eq!(nik.tanggal_lahir(), date!(2026 - 01 - 01));
    let nik = Nik::parse("3201010101270001", TODAY).unwrap();
    assert_eq!(nik.tanggal_lahir(), date!(1927 - 01 - 01));
    // 29 February exists in 2000 but not in 1900, and 00 <= 26 picks 2000.
    assert!(Nik::parse("3201012902000001", TODAY).is_ok());
    assert_eq!(codes("3201012902010001"), ["nik_tanggal_lahir"]);
}

#[test]
fn never_shows_the_middle_digits() {
    let nik = Nik::parse("3201-0115-0895-0001", TODAY).unwrap();
    assert_eq!(nik.masked(), "3201********0001");
    assert_eq!(nik.to_string(), "3201********0001");
    assert_eq!(format!("{nik:?}"), "Nik(3201********0001)");
    assert_eq!(
        format!("{:?}", Some(nik.clone())),
        "Some(Nik(3201********0001))"
    );
}

#[test]
fn reports_each_error_code() {
    assert_eq!(codes(" "), ["nik_kosong"]);
    assert_eq!(codes("3201O11508950001"), ["nik_karakter", "nik_panjang"]);
    assert_eq!(codes("32010115089500011"), ["nik_panjang"]);
    assert_eq!(codes("1001011508950001"), ["nik_provinsi"]);
    assert_eq!(codes("3200011508950001"), ["nik_kabupaten"]);
    assert_eq!(codes("3270011508950001"), ["nik_kabupaten"]);
    assert_eq!(codes("3201001508950001"), ["nik_kecamatan"]);
    assert_eq!(codes("3201013208950001"), ["nik_tanggal"]);
    assert_eq!(codes("3201014008950001"), ["nik_tanggal"]);
    assert_eq!(codes("3201017208950001"), ["nik_tanggal"]);
    assert_eq!(codes("3201011513950001"), ["nik_bulan"]);
    assert_eq!(codes("3201013102950001"), ["nik_tanggal_lahir"]);
    assert_eq!(codes("3201017102950001"), ["nik_tanggal_lahir"]);
    assert_eq!(codes("3201010112260001"), ["nik_tanggal_lahir_masa_depan"]);
    assert_eq!(codes("3201011508950000"), ["nik_nomor_urut"]);
    assert_eq!(
        codes("0000000000000000"),
        [
            "nik_provinsi",
            "nik_kabupaten",
            "nik_kecamatan",
            "nik_tanggal",
            "nik_bulan",
            "nik_nomor_urut"
        ]
    );
}

#[test]
fn messages_never_echo_the_number() {
    for bad in ["3201013102950001", "9901011508950000", "3201011513950001"] {
        let err = Nik::parse(bad, TODAY).unwrap_err();
        assert!(!err.to_string().contains(&bad[4..12]), "{err}");
    }
}

#[test]
fn unknown_regions_below_the_province_are_warnings() {
    let kec = Nik::parse("3201991508950001", TODAY).unwrap();
    let w: Vec<_> = kec.warnings().iter().map(|m| m.kode).collect();
    assert_eq!(w, ["nik_kecamatan_tidak_dikenal"]);
    assert_eq!(kec.nama_kecamatan(), None);
    let kab = Nik::parse("3269011508950001", TODAY).unwrap();
    let w: Vec<_> = kab.warnings().iter().map(|m| m.kode).collect();
    assert_eq!(w, ["nik_kabupaten_tidak_dikenal"]);
    assert_eq!(kab.nama_kabupaten(), None);
}
