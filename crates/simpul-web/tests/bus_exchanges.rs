//! The bus exchange pages through the real server: a real evidence log (written by
//! `EvidenceLog` in the test's data folder, NIK hashes made with the key the web
//! holds), indexed, then searched, opened, looked up by NIK and charted — with who may
//! see what, NIK validation in Indonesian, the lookup audited without the NIK, and no
//! NIK in any page.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{PASSWORD, Session, TestApp, client, spawn_app_with_bus};
use simpul_bus::Hash256;
use simpul_bus::evidence::{Durasi, Hasil, Layanan, Pertukaran, SidikBadan, Ukuran};
use simpul_bus::nik::KunciNik;
use simpul_domain::bus::KodeLayanan;
use simpul_store::bus::pertukaran::{self, Lingkup, Saring};
use simpul_store::bus::{indeks, konsumen};
use simpul_store::{Actor, pd};
use time::{Duration, OffsetDateTime};

const SUPER_ADMIN: &str = "198104052004051019";
const ADMIN_SETDA: &str = "199303302020051008";
const OPERATOR_BPKAD: &str = "199801172023081040";
const AUDITOR: &str = "198510272010011234";
const PIMPINAN: &str = "197607221998011323";
const PELINDUNGAN_DATA: &str = "198504032013121009";
const ADMIN_BAPPEDA: &str = "199606222023082013";
const ADMIN_KECAMATAN: &str = "199205102019062297";
const ADMIN_DINKES: &str = "199501202022072086";
const ADMIN_DISKOMINFO: &str = "199504292018082007";

const NIK_A: &str = "6310014501900001";
const NIK_B: &str = "6310011203850002";
const NIK_ABSENT: &str = "6310015505950003";

struct App {
    app: TestApp,
    kunci_publik: String,
    /// Sequence numbers of E1 (BAPPEDA's siks → DISDUKCAPIL/penduduk, forwarded), E2
    /// (siks → SETDA/pegawai, refused), E3 (DINKES' sehat → DINKES/faskes, failed).
    seq: [i64; 3],
}

impl std::ops::Deref for App {
    type Target = TestApp;
    fn deref(&self) -> &TestApp {
        &self.app
    }
}

fn entri(
    id: &str,
    kons: &str,
    pd: &str,
    kode: &str,
    hasil: Hasil,
    nik: &[&str],
    key: &KunciNik,
) -> Pertukaran {
    Pertukaran {
        id_permintaan: id.into(),
        waktu: OffsetDateTime::now_utc() - Duration::hours(2),
        konsumen: kons.into(),
        layanan: Layanan {
            pd: pd.into(),
            kode: kode.into(),
            versi: "v1".into(),
        },
        petugas: Some(format!("19900101202001100{}", id.len() % 10)),
        tujuan: Some(format!("tujuan {id}")),
        hasil,
        durasi: Durasi {
            total_us: 2_500,
            hulu_us: Some(2_000),
        },
        ukuran: Ukuran {
            permintaan: 10,
            tanggapan: 300,
        },
        sha256: SidikBadan {
            permintaan: Hash256::of(id.as_bytes()),
            tanggapan: Hash256::of(b"tanggapan"),
        },
        nik: nik.iter().map(|n| key.hash(n)).collect(),
    }
}

async fn spawn() -> App {
    let (app, bus) = spawn_app_with_bus(Some("http://127.0.0.1:8081/metrics".into())).await;
    let db = app.db.clone();
    let sys = Actor::sistem();
    for (kode, pd_kode, nama) in [("siks", "BAPPEDA", "SIKS-NG"), ("sehat", "DINKES", "Sehat")] {
        let p = pd::by_kode(&db, pd_kode).await.unwrap();
        let k = KodeLayanan::parse(kode).unwrap();
        konsumen::create(&db, &sys, p.id, &k, nama, nama)
            .await
            .unwrap();
    }
    // The installation's NIK key and its real log, as `simpul serve` opens them.
    let (key, log, bukti) = (bus.nik, bus.log, bus.bukti);
    let tolak = Hasil::Ditolak {
        http: 403,
        kode: "izin_tidak_ada".into(),
    };
    let gagal = Hasil::Gagal {
        http: 502,
        kode: "hulu_gagal".into(),
    };
    let ok = Hasil::Diteruskan { http: 200 };
    for e in [
        entri(
            "req-e1",
            "siks",
            "DISDUKCAPIL",
            "penduduk",
            ok,
            &[NIK_A],
            &key,
        ),
        entri("req-e2x", "siks", "SETDA", "pegawai", tolak, &[], &key),
        entri(
            "req-e3xx",
            "sehat",
            "DINKES",
            "faskes",
            gagal,
            &[NIK_B],
            &key,
        ),
    ] {
        log.append(e).await.unwrap();
    }
    log.shutdown().await.unwrap();
    let kunci_publik = log.public_key().to_hex();
    assert_eq!(indeks::indeks_sekali(&db, &bukti).await.unwrap(), 3);
    let all = Saring {
        lingkup: Lingkup::Semua,
        ..Saring::default()
    };
    let (rows, _) = pertukaran::cari(&db, &all, 1).await.unwrap();
    let seq_of = |id: &str| rows.iter().find(|r| r.id_permintaan == id).unwrap().seq;
    let seq = [seq_of("req-e1"), seq_of("req-e2x"), seq_of("req-e3xx")];

    App {
        app,
        kunci_publik,
        seq,
    }
}

/// A logged-in session whose requests answer (status, body).
struct S(Session);

impl App {
    async fn login(&self, nip: &str) -> S {
        S(self.app.login(nip, PASSWORD).await)
    }
}

impl S {
    async fn get(&self, path: &str) -> (u16, String) {
        let r = self.0.get(path).await;
        (r.status().as_u16(), r.text().await.unwrap())
    }

    async fn post(&self, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
        let r = self.0.post_form(path, fields).await;
        (r.status().as_u16(), r.text().await.unwrap())
    }
}

fn link(seq: i64) -> String {
    format!("href=\"/bus/pertukaran/{seq}\"")
}

/// Which of E1..E3 a list page shows.
fn shown(app: &App, html: &str) -> [bool; 3] {
    app.seq.map(|s| html.contains(&link(s)))
}

fn no_nik(html: &str, what: &str) {
    for n in [NIK_A, NIK_B, NIK_ABSENT] {
        assert!(!html.contains(n), "{what} shows a NIK");
    }
}

#[tokio::test]
async fn who_sees_which_exchange() {
    let app = spawn().await;
    let cases: [(&str, Option<[bool; 3]>); 10] = [
        (ADMIN_BAPPEDA, Some([true, true, false])), // consumer's PD
        (ADMIN_SETDA, Some([false, true, false])),  // owner's PD (E2)
        (ADMIN_DINKES, Some([false, false, true])), // both, for E3
        (ADMIN_KECAMATAN, Some([false, false, false])), // unrelated PD
        (ADMIN_DISKOMINFO, Some([true, true, true])), // the Dinas reviews
        (AUDITOR, Some([true, true, true])),
        (PELINDUNGAN_DATA, Some([true, true, true])),
        (SUPER_ADMIN, Some([true, true, true])),
        (OPERATOR_BPKAD, None),
        (PIMPINAN, None),
    ];
    for (nip, want) in cases {
        let s = app.login(nip).await;
        let (status, html) = s.get("/bus/pertukaran").await;
        match want {
            None => {
                assert_eq!(status, 403, "{nip} list");
                assert_eq!(s.get("/bus/pantau").await.0, 403, "{nip} dashboard");
                assert_eq!(
                    s.get(&format!("/bus/pertukaran/{}", app.seq[0])).await.0,
                    403
                );
            }
            Some(w) => {
                assert_eq!(status, 200, "{nip} list");
                assert_eq!(shown(&app, &html), w, "{nip} list");
                for (i, seq) in app.seq.iter().enumerate() {
                    let (st, page) = s.get(&format!("/bus/pertukaran/{seq}")).await;
                    assert_eq!(st, if w[i] { 200 } else { 404 }, "{nip} detail E{}", i + 1);
                    if w[i] {
                        assert!(page.contains("segmen-0000"), "{nip} segment shown");
                        assert!(page.contains("simpul verify-evidence"));
                    }
                }
                assert_eq!(s.get("/bus/pantau").await.0, 200, "{nip} dashboard");
            }
        }
    }
    // An unknown sequence number and a non-number.
    let s = app.login(AUDITOR).await;
    assert_eq!(s.get("/bus/pertukaran/999999").await.0, 404);
    assert_eq!(s.get("/bus/pertukaran/abc").await.0, 404);
}

#[tokio::test]
async fn search_filters_and_detail() {
    let app = spawn().await;
    let s = app.login(AUDITOR).await;
    let dinkes = pd::by_kode(&app.db, "DINKES").await.unwrap().id;
    // The entries' local day (WIB, the default zone), two hours ago.
    let today = (OffsetDateTime::now_utc() - Duration::hours(2) + Duration::hours(7)).date();
    let cases: Vec<(String, [bool; 3])> = vec![
        ("status=gagal".into(), [false, false, true]),
        ("status=ditolak".into(), [false, true, false]),
        ("layanan=penduduk".into(), [true, false, false]),
        ("layanan=PENDUDUK".into(), [true, false, false]),
        ("konsumen=siks".into(), [true, true, false]),
        ("konsumen=sehat".into(), [false, false, true]),
        ("kode=izin_tidak_ada".into(), [false, true, false]),
        (format!("pd={dinkes}"), [false, false, true]),
        ("petugas=199001012020011006".into(), [true, false, false]),
        (
            "dari=2000-01-01&sampai=2000-01-02".into(),
            [false, false, false],
        ),
        (format!("dari={today}"), [true, true, true]),
        ("status=bukan".into(), [true, true, true]),
    ];
    for (q, want) in cases {
        let (st, html) = s.get(&format!("/bus/pertukaran?{q}")).await;
        assert_eq!(st, 200, "{q}");
        assert_eq!(shown(&app, &html), want, "{q}");
    }
    let (_, html) = s.get("/bus/pertukaran?dari=31-12-2026").await;
    assert!(html.contains("Tanggal tidak dikenali"), "bad date reported");
    let (_, html) = s.get(&format!("/bus/pertukaran/{}", app.seq[2])).await;
    for want in [
        "req-e3xx",
        "hulu_gagal",
        "DINKES/faskes/v1",
        "2,5 ms",
        "Gagal",
        &Hash256::of(b"req-e3xx").to_hex(),
    ] {
        assert!(html.contains(want), "detail shows {want}");
    }
    no_nik(&html, "detail");
    // The public key, without logging in.
    let r = client()
        .get(format!("{}/bus/kunci-publik", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.text().await.unwrap().trim(), app.kunci_publik);
}

#[tokio::test]
async fn nik_lookup_is_for_the_officer_audited_and_never_shows_the_nik() {
    let app = spawn().await;
    let officer = app.login(PELINDUNGAN_DATA).await;
    let (st, html) = officer.get("/bus/nik").await;
    assert_eq!(st, 200);
    assert!(html.contains("name=\"nik\""));

    let (st, html) = officer.post("/bus/nik", &[("nik", NIK_A)]).await;
    assert_eq!(st, 200);
    assert_eq!(
        shown(&app, &html),
        [true, false, false],
        "NIK A was in E1 only"
    );
    assert!(html.contains("6310********0001"), "masked NIK shown");
    no_nik(&html, "lookup result");
    // Typed with separators: the same resident.
    let (_, html) = officer
        .post("/bus/nik", &[("nik", "6310 0112 0385 0002")])
        .await;
    assert_eq!(shown(&app, &html), [false, false, true]);
    let (st, html) = officer.post("/bus/nik", &[("nik", NIK_ABSENT)]).await;
    assert_eq!(st, 200);
    assert!(html.contains("Tidak ada pertukaran yang membawa NIK ini."));
    assert_eq!(shown(&app, &html), [false, false, false]);

    // Bad NIKs: Indonesian errors, nothing looked up or audited.
    let before = simpul_store::audit::list(&app.db, &Default::default(), 1, 0)
        .await
        .unwrap()
        .total;
    for (bad, msg) in [
        ("631001450190000", "NIK harus 16 angka"),
        ("63100145019000ab", "NIK hanya boleh berisi angka"),
        ("", "NIK wajib diisi"),
    ] {
        let (st, html) = officer.post("/bus/nik", &[("nik", bad)]).await;
        assert_eq!(st, 422, "{bad:?}");
        assert!(html.contains(msg), "{bad:?}: {msg}");
        assert!(
            bad.is_empty() || !html.contains(bad),
            "the bad input is not echoed"
        );
    }
    let after = simpul_store::audit::list(&app.db, &Default::default(), 1, 0)
        .await
        .unwrap()
        .total;
    assert_eq!(after, before, "refused input is not a lookup");

    // Not the officer: 403, GET and POST alike.
    for nip in [AUDITOR, ADMIN_BAPPEDA, SUPER_ADMIN, OPERATOR_BPKAD] {
        let s = app.login(nip).await;
        let want = if nip == SUPER_ADMIN { 200 } else { 403 };
        assert_eq!(s.get("/bus/nik").await.0, want, "{nip}");
        assert_eq!(s.post("/bus/nik", &[("nik", NIK_A)]).await.0, want, "{nip}");
    }

    // The trail: who looked up which hash, never the NIK.
    let key = KunciNik::load_or_create(&app.data_dir().join("bus").join("kunci-nik.key")).unwrap();
    let page = simpul_store::audit::list(&app.db, &Default::default(), 100, 0)
        .await
        .unwrap();
    let lookups: Vec<_> = page
        .entries
        .iter()
        .filter(|e| e.fields.action == "bus.nik_dilacak")
        .collect();
    assert_eq!(
        lookups.len(),
        4,
        "three by the officer, one by the super admin"
    );
    let mine = lookups.iter().find(|e| {
        e.fields.entity_id == key.hash(NIK_A).to_hex() && e.fields.actor == PELINDUNGAN_DATA
    });
    assert!(mine.is_some(), "the lookup of NIK A by the officer");
    let dump = format!("{:?}", page.entries);
    no_nik(&dump, "audit trail");
    let auditor = app.login(AUDITOR).await;
    let (_, html) = auditor.get("/jejak-audit").await;
    no_nik(&html, "audit page");
    for path in [
        "/bus/pertukaran",
        "/bus/pantau",
        &format!("/bus/pertukaran/{}", app.seq[0]),
    ] {
        no_nik(&officer.get(path).await.1, path);
    }
}

#[tokio::test]
async fn dashboard_draws_its_charts() {
    let app = spawn().await;
    let s = app.login(AUDITOR).await;
    for q in ["", "?rentang=7h"] {
        let (st, html) = s.get(&format!("/bus/pantau{q}")).await;
        assert_eq!(st, 200, "{q}");
        assert!(html.matches("<svg").count() >= 4, "{q}: four charts");
        for want in [
            "Pertukaran per jam",
            "Pertukaran per layanan",
            "Sebaran durasi",
            "izin_tidak_ada",
            "DISDUKCAPIL/penduduk/v1",
            "http://127.0.0.1:8081/metrics",
        ] {
            assert!(html.contains(want), "{q}: {want}");
        }
        no_nik(&html, "dashboard");
    }
    // A PD admin's dashboard counts only its exchanges.
    let dinkes = app.login(ADMIN_DINKES).await;
    let (_, html) = dinkes.get("/bus/pantau").await;
    assert!(html.contains("DINKES/faskes/v1"));
    assert!(
        !html.contains("DISDUKCAPIL/penduduk/v1"),
        "not another PD's service"
    );
}
