//! Properties of the obligation engine over random subjects, fulfilments, evidence and
//! events on every shipped profile: for fixed subjects, recording one more fulfilment
//! never makes a row worse; every summary adds up to the rows; the result depends on
//! nothing but the input (not on the order of the dates).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use simpul_domain::compliance::engine::{
    BuktiOtomatis, EngineInput, PERUBAHAN_LAN, Pemenuhan, Peristiwa, Rekap, SubjekKepatuhan,
    evaluate, kunci_dokumen, kunci_item, kunci_pd,
};
use simpul_domain::compliance::profile::{Bukti, Profil, SHIPPED, Subjek};
use simpul_domain::compliance::{Periode, Status};
use simpul_domain::ids::{ItemId, PdId};
use simpul_domain::plan::JenisDokumenPerencanaan;
use time::{Date, Duration};
use uuid::Uuid;

fn profil(i: usize) -> Profil {
    let (kode, text) = SHIPPED[i % SHIPPED.len()];
    Profil::parse(&format!("{kode}.toml"), text).unwrap()
}

fn day(n: u16) -> Date {
    time::macros::date!(2020 - 01 - 01) + Duration::days(i64::from(n))
}

/// Keys 0-1 are PDs, 2-3 Aplikasi Khusus, 4 a business process, 5 the Arsitektur (with
/// a plan period); the Rencana Induk and the policies stay missing.
fn keys() -> Vec<String> {
    let id = |n: u128| Uuid::from_u128(n);
    vec![
        kunci_pd(PdId(id(1))),
        kunci_pd(PdId(id(2))),
        kunci_item(ItemId(id(3))),
        kunci_item(ItemId(id(4))),
        kunci_item(ItemId(id(5))),
        kunci_dokumen(JenisDokumenPerencanaan::Arsitektur),
    ]
}

const KEYS: usize = 6;

/// Random dates as day numbers from 2020-01-01 (until early 2028).
fn dated() -> impl Strategy<Value = (usize, usize, u16)> {
    (0usize..40, 0usize..KEYS, 0u16..2950)
}

#[derive(Debug, Clone)]
struct Case {
    profil: usize,
    starts: [u16; KEYS],
    recorded: Vec<(usize, usize, u16)>,
    found: Vec<(usize, usize, u16)>,
    events: Vec<(usize, u16)>,
    as_of: u16,
    window: u16,
}

fn case() -> impl Strategy<Value = Case> {
    (
        0usize..SHIPPED.len(),
        prop::array::uniform6(0u16..2500),
        prop::collection::vec(dated(), 0..16),
        prop::collection::vec(dated(), 0..16),
        prop::collection::vec((0usize..2, 0u16..2950), 0..4),
        0u16..2950,
        0u16..60,
    )
        .prop_map(
            |(profil, starts, recorded, found, events, as_of, window)| Case {
                profil,
                starts,
                recorded,
                found,
                events,
                as_of,
                window,
            },
        )
}

fn input(p: &Profil, c: &Case) -> EngineInput {
    let k = keys();
    let subject = |i: usize| SubjekKepatuhan {
        kunci: k[i].clone(),
        nama: format!("subjek {i}"),
        pd: (i < 5).then(|| PdId(Uuid::from_u128(1 + (i as u128 % 2)))),
        sejak: day(c.starts[i]),
        periode: (i == 5).then(|| Periode::dari(day(c.starts[i]).year(), 5).unwrap()),
        ada: true,
    };
    let mut input = EngineInput::default();
    input
        .subjek
        .insert(Subjek::SetiapPd, vec![subject(0), subject(1)]);
    input
        .subjek
        .insert(Subjek::SetiapAplikasiKhusus, vec![subject(2), subject(3)]);
    input
        .subjek
        .insert(Subjek::SetiapProsesBisnis, vec![subject(4)]);
    input.subjek.insert(
        Subjek::Dokumen(JenisDokumenPerencanaan::Arsitektur),
        vec![subject(5)],
    );
    let ids: Vec<&str> = p.kewajiban.iter().map(|k| k.id.as_str()).collect();
    for (o, s, d) in &c.recorded {
        input.pemenuhan.push(Pemenuhan {
            kewajiban: ids[o % ids.len()].to_owned(),
            kunci: k[*s].clone(),
            tanggal: day(*d),
        });
    }
    let kinds = [
        Bukti::DiagramLan,
        Bukti::Audit,
        Bukti::Catatan,
        Bukti::ReviuDokumen,
    ];
    for (b, s, d) in &c.found {
        input.bukti.push(BuktiOtomatis {
            bukti: kinds[b % kinds.len()],
            kunci: k[*s].clone(),
            tanggal: day(*d),
        });
    }
    for (s, d) in &c.events {
        input.peristiwa.push(Peristiwa {
            nama: PERUBAHAN_LAN.into(),
            kunci: k[*s].clone(),
            tanggal: day(*d),
        });
    }
    input
}

proptest! {
    #[test]
    fn one_more_fulfilment_never_worsens_a_row(c in case(), extra in dated(), found in any::<bool>()) {
        let p = profil(c.profil);
        let before_input = input(&p, &c);
        let mut more = c.clone();
        if found {
            more.found.push(extra);
        } else {
            more.recorded.push(extra);
        }
        let after_input = input(&p, &more);
        let before = evaluate(&p, &before_input, day(c.as_of), c.window);
        let after = evaluate(&p, &after_input, day(c.as_of), c.window);
        prop_assert_eq!(before.len(), after.len());
        for (b, a) in before.iter().zip(&after) {
            prop_assert_eq!(&b.kewajiban.id, &a.kewajiban.id);
            prop_assert_eq!(&b.subjek.kunci, &a.subjek.kunci);
            let (sb, sa) = (b.penilaian.status, a.penilaian.status);
            match (sb.keparahan(), sa.keparahan()) {
                (Some(x), Some(y)) => prop_assert!(y <= x, "{} {}: {sb:?} -> {sa:?}", b.kewajiban.id, b.subjek.kunci),
                _ => prop_assert_eq!(sb, sa),
            }
        }
    }

    #[test]
    fn every_summary_adds_up_to_the_rows(c in case()) {
        let p = profil(c.profil);
        let i = input(&p, &c);
        let rows = evaluate(&p, &i, day(c.as_of), c.window);
        let r = Rekap::dari(&p, &rows);
        prop_assert_eq!(r.wilayah.total(), rows.len());
        prop_assert_eq!(r.per_pd.values().map(|h| h.total()).sum::<usize>(), rows.len());
        prop_assert_eq!(r.per_bab.iter().map(|(_, h)| h.total()).sum::<usize>(), rows.len());
        prop_assert_eq!(r.per_kewajiban.iter().map(|(_, h)| h.total()).sum::<usize>(), rows.len());
        let late = rows.iter().filter(|b| b.penilaian.status == Status::Terlambat).count();
        prop_assert_eq!(r.wilayah.terlambat, late);
    }

    #[test]
    fn the_result_depends_only_on_the_input(c in case()) {
        let p = profil(c.profil);
        let i = input(&p, &c);
        let once = evaluate(&p, &i, day(c.as_of), c.window);
        let again = evaluate(&p, &i, day(c.as_of), c.window);
        prop_assert_eq!(&once, &again);
        let mut reversed = i.clone();
        reversed.pemenuhan.reverse();
        reversed.bukti.reverse();
        reversed.peristiwa.reverse();
        let other = evaluate(&p, &reversed, day(c.as_of), c.window);
        prop_assert_eq!(&once, &other);
    }
}
