//! Property tests for the identifier parsers: round trips, no panics, generated valid
//! numbers parse to what was generated, errors are never empty, masking holds.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use proptest::prelude::*;
use simpul_domain::Masalahs;
use simpul_domain::ident::{
    Email, JenisKelamin, JenisPegawai, KodeWilayah, Nik, Nip, TingkatWilayah, WilayahTable,
};
use time::macros::date;
use time::{Date, Duration};

const TODAY: Date = date!(2026 - 11 - 22);

/// A date in `from..=to`.
fn any_date(from: Date, to: Date) -> impl Strategy<Value = Date> {
    (0..=(to - from).whole_days()).prop_map(move |d| from + Duration::days(d))
}

/// Known districts, so generated NIKs carry real region codes.
fn any_kecamatan() -> impl Strategy<Value = KodeWilayah> {
    let all: Vec<KodeWilayah> = WilayahTable::global()
        .iter()
        .filter(|w| w.tingkat == TingkatWilayah::Kecamatan)
        .map(|w| w.kode.clone())
        .collect();
    proptest::sample::select(all)
}

fn sex() -> impl Strategy<Value = JenisKelamin> {
    prop_oneof![Just(JenisKelamin::LakiLaki), Just(JenisKelamin::Perempuan)]
}

fn sex_digit(s: JenisKelamin) -> u32 {
    match s {
        JenisKelamin::LakiLaki => 1,
        JenisKelamin::Perempuan => 2,
    }
}

/// Digits and separators mixed with a few stray characters.
fn noisy() -> impl Strategy<Value = String> {
    "[0-9 .\\-a@\u{2013}\u{0}٣]{0,24}"
}

/// Insert a random separator between some digits, as people type them.
fn with_separators(digits: &str, seps: &[u8]) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        out.push(c);
        match seps.get(i).copied().unwrap_or(0) % 6 {
            0 => out.push(' '),
            1 => out.push('.'),
            2 => out.push('-'),
            _ => {}
        }
    }
    out
}

fn assert_nonempty<T>(r: &Result<T, Masalahs>) {
    if let Err(e) = r {
        assert!(!e.0.is_empty(), "Err without problems");
        assert!(
            e.0.iter()
                .all(|m| !m.kode.is_empty() && !m.pesan.is_empty())
        );
    }
}

proptest! {
    #[test]
    fn parsers_never_panic_and_errors_are_never_empty(s in "\\PC{0,40}", n in noisy()) {
        for input in [s.as_str(), n.as_str()] {
            assert_nonempty(&Nip::parse(input, TODAY));
            assert_nonempty(&Nip::from_db(input));
            assert_nonempty(&Nik::parse(input, TODAY));
            assert_nonempty(&KodeWilayah::parse(input));
            assert_nonempty(&Email::parse(input));
        }
    }

    #[test]
    fn digit_strings_of_the_right_length_never_panic(nip in "[0-9]{18}", nik in "[0-9]{16}") {
        assert_nonempty(&Nip::parse(&nip, TODAY));
        let parsed = Nik::parse(&nik, TODAY);
        assert_nonempty(&parsed);
        if let Ok(n) = parsed {
            prop_assert_eq!(n.expose_digits(), nik.as_str());
            prop_assert!(n.tanggal_lahir() <= TODAY);
        }
    }

    #[test]
    fn generated_pns_nip_parses_to_its_parts(
        lahir in any_date(date!(1940 - 01 - 01), date!(2008 - 11 - 22)),
        tmt_offset in 0i32..60,
        bulan in 1u32..=12,
        jk in sex(),
        urut in 1u32..=999,
        seps in proptest::collection::vec(any::<u8>(), 18),
    ) {
        let tahun = (lahir.year() + 18 + tmt_offset).min(2025);
        let digits = format!(
            "{:04}{:02}{:02}{tahun:04}{bulan:02}{}{urut:03}",
            lahir.year(), u8::from(lahir.month()), lahir.day(), sex_digit(jk)
        );
        let nip = Nip::parse(&with_separators(&digits, &seps), TODAY).unwrap();
        prop_assert_eq!(nip.as_str(), digits.as_str());
        prop_assert_eq!(nip.tanggal_lahir(), lahir);
        prop_assert_eq!(nip.jenis_kelamin(), jk);
        prop_assert_eq!(nip.jenis(), JenisPegawai::Pns);
        prop_assert_eq!(nip.nomor_urut(), u16::try_from(urut).unwrap());
        // Round trips: formatted, stored, and the warning matches the 18-year rule.
        prop_assert_eq!(&Nip::parse(&nip.formatted(), TODAY).unwrap(), &nip);
        prop_assert_eq!(&Nip::from_db(nip.as_str()).unwrap(), &nip);
        let muda = (tahun - lahir.year(), bulan) < (18, u32::from(u8::from(lahir.month())));
        prop_assert_eq!(!nip.warnings().is_empty(), muda);
    }

    #[test]
    fn generated_pppk_nip_is_pppk(
        lahir in any_date(date!(1960 - 01 - 01), date!(2004 - 12 - 31)),
        kode in 13u32..=99,
        jk in sex(),
        urut in 1u32..=999,
    ) {
        let tahun = (lahir.year() + 20).min(2026);
        let digits = format!(
            "{:04}{:02}{:02}{tahun:04}{kode:02}{}{urut:03}",
            lahir.year(), u8::from(lahir.month()), lahir.day(), sex_digit(jk)
        );
        let nip = Nip::parse(&digits, TODAY).unwrap();
        prop_assert_eq!(nip.jenis(), JenisPegawai::Pppk);
        prop_assert_eq!(nip.tanggal_lahir(), lahir);
        prop_assert_eq!(nip.jenis_kelamin(), jk);
        prop_assert_eq!(nip.tmt_bulan(), None);
    }

    #[test]
    fn generated_nik_parses_to_its_parts_and_stays_masked(
        kec in any_kecamatan(),
        // The century rule maps yy 27-99 to 19yy and 00-26 to 20yy when today is 2026.
        lahir in any_date(date!(1927 - 01 - 01), TODAY),
        jk in sex(),
        urut in 1u32..=9999,
        seps in proptest::collection::vec(any::<u8>(), 16),
    ) {
        let hari = u32::from(lahir.day()) + if jk == JenisKelamin::Perempuan { 40 } else { 0 };
        let digits = format!(
            "{}{hari:02}{:02}{:02}{urut:04}",
            kec.digits(), u8::from(lahir.month()), lahir.year() % 100
        );
        let nik = Nik::parse(&with_separators(&digits, &seps), TODAY).unwrap();
        prop_assert_eq!(nik.expose_digits(), digits.as_str());
        prop_assert_eq!(nik.tanggal_lahir(), lahir);
        prop_assert_eq!(nik.jenis_kelamin(), jk);
        prop_assert_eq!(&nik.kode_kecamatan(), &kec);
        prop_assert!(nik.warnings().is_empty());
        prop_assert!(nik.nama_kecamatan().is_some());
        prop_assert_eq!(&Nik::parse(nik.expose_digits(), TODAY).unwrap(), &nik);

        let middle = &digits[4..12];
        let masked = nik.masked();
        prop_assert_eq!(masked.len(), 16);
        prop_assert_eq!(&masked[..4], &digits[..4]);
        prop_assert_eq!(&masked[4..12], "********");
        prop_assert_eq!(&masked[12..], &digits[12..]);
        for shown in [masked, nik.to_string(), format!("{nik:?}"), format!("{nik:#?}")] {
            prop_assert!(!shown.contains(middle), "{} reveals {}", shown, middle);
            prop_assert!(!shown.contains(&digits), "{} reveals the NIK", shown);
        }
    }

    #[test]
    fn nik_errors_never_reveal_the_middle_digits(nik in "[0-9]{16}") {
        if let Err(e) = Nik::parse(&nik, TODAY) {
            let text = format!("{e} {e:?}");
            prop_assert!(!text.contains(&nik[4..12]), "{}", text);
        }
    }

    #[test]
    fn kode_wilayah_round_trips(
        kec in any_kecamatan(),
        desa in 1u32..=3,
        urut in 1u32..=999,
        level in 0usize..4,
    ) {
        let full = format!("{}{desa}{urut:03}", kec.digits());
        let len = [2, 4, 6, 10][level];
        let digits = &full[..len];
        let k = KodeWilayah::parse(digits).unwrap();
        prop_assert_eq!(k.digits(), digits);
        prop_assert_eq!(&KodeWilayah::parse(k.as_str()).unwrap(), &k);
        prop_assert_eq!(k.tingkat() as usize, level);
        match k.parent() {
            Some(p) => {
                prop_assert!(p.contains(&k));
                prop_assert_eq!(p.tingkat() as usize + 1, level);
            }
            None => prop_assert_eq!(level, 0),
        }
        // Every region code in the table round trips through its dotted form.
        let w = WilayahTable::global().lookup(&k.provinsi()).unwrap();
        prop_assert_eq!(&KodeWilayah::parse(w.kode.as_str()).unwrap(), &w.kode);
    }

    #[test]
    fn email_round_trips(
        local in "[A-Za-z0-9_+][A-Za-z0-9_+.-]{0,20}[A-Za-z0-9]",
        labels in proptest::collection::vec("[A-Za-z0-9]([A-Za-z0-9-]{0,8}[A-Za-z0-9])?", 2..4),
    ) {
        prop_assume!(!local.contains(".."));
        let input = format!("{local}@{}", labels.join("."));
        let e = Email::parse(&input).unwrap();
        prop_assert_eq!(e.local_part(), local.as_str());
        prop_assert_eq!(e.domain(), labels.join(".").to_ascii_lowercase());
        prop_assert_eq!(&Email::parse(e.as_str()).unwrap(), &e);
    }
}
