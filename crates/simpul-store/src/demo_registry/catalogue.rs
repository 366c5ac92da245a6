//! Datasets, services and business processes of the demo registry, spread over the PDs
//! like the applications, and related to them.

use simpul_domain::registry::{Jenis, RelasiJenis};

use super::business::{Targets, fill, round_robin, slug};
use super::infra::Hosts;
use super::names;
use super::plan::{Ctx, Plan};

pub(super) fn datasets(p: &mut Plan, c: &mut Ctx, hosts: &Hosts, t: &Targets) -> Vec<Vec<usize>> {
    let n = c.units.len();
    let picked = round_robin(n, t.data, |u, k| {
        let own = names::of(names::DATA, c.units[u].role);
        let m = own.len() + names::DATA_UMUM.len();
        let base = own
            .get(k % m)
            .or_else(|| names::DATA_UMUM.get(k % m - own.len()))?;
        let nama = fill(base, c, u);
        Some(if k < m {
            nama
        } else {
            format!("{nama} Tahun {}", 2026 - k / m)
        })
    });
    let mut out = vec![Vec::new(); n];
    const SECRET: &[&str] = &[
        "Biodata",
        "Rekam Medis",
        "Pasien",
        "Gaji",
        "Pegawai",
        "Pemohon",
        "Penerima",
        "Wajib Pajak",
        "Kode Sumber",
    ];
    for (i, (u, nama)) in picked.into_iter().enumerate() {
        let jenis = if nama.starts_with("Kode Sumber") {
            "kode_sumber"
        } else if nama.starts_with("Dokumen") || nama.starts_with("Laporan") {
            "dokumen_tik"
        } else if nama.starts_with("Arsip") || nama.starts_with("Foto") {
            "berkas_digital"
        } else {
            "basis_data"
        };
        let secret = SECRET.iter().any(|w| nama.contains(w));
        let s = c.units[u].singkat.clone();
        let mut a = vec![
            ("jenis_data", jenis.to_owned()),
            (
                "klasifikasi",
                if secret { "dikecualikan" } else { "publik" }.to_owned(),
            ),
            ("penanggung_jawab", format!("Sekretaris {s}")),
            (
                "distribusi",
                if secret {
                    format!("Internal {s} dan PD terkait melalui sistem penghubung layanan")
                } else {
                    format!("Portal Satu Data {} dan PPID", c.wilayah)
                },
            ),
            (
                "retensi",
                (*c.rng.pick(&["5 tahun", "10 tahun", "permanen"])).to_owned(),
            ),
            ("lokasi_penyimpanan", format!("Pusat Data {}", c.wilayah)),
            (
                "periode_backup",
                (*c.rng.pick(&["harian", "mingguan", "bulanan"])).to_owned(),
            ),
            (
                "media_backup",
                (*c.rng.pick(&[
                    "Server cadangan DRC",
                    "NAS Pusat Data",
                    "Penyimpanan objek PDN",
                ]))
                .to_owned(),
            ),
        ];
        if out[u].len() < 2
            && matches!(
                c.units[u].role,
                "dukcapil" | "kepegawaian" | "pendidikan" | "kesehatan"
            )
        {
            a.push(("data_induk", "ya".into()));
            a.push(("wali_data", c.units[u].id.to_string()));
        }
        if nama.starts_with("Data Desa") {
            a.push(("data_referensi", "ya".into()));
        }
        let status = match c.rng.below(100) {
            0..90 => "aktif",
            90..95 => "rencana",
            _ => "tidak_aktif",
        };
        let kode = p.next_code(Jenis::Data, "DAT", c, u, 4);
        let d = p.add(Jenis::Data, kode, nama, c.pd(u), status, a);
        p.relate(
            d,
            hosts.db[(u + i) % hosts.db.len()],
            RelasiJenis::DihostingDi,
        );
        out[u].push(d);
    }
    out
}

pub(super) fn services(
    p: &mut Plan,
    c: &mut Ctx,
    t: &Targets,
    apps_of: &[Vec<usize>],
) -> Vec<Vec<usize>> {
    let n = c.units.len();
    let picked = round_robin(n, t.services, |u, k| {
        let own = names::of(names::LAYANAN, c.units[u].role);
        let (nama, jenis, sektor) = own
            .get(k)
            .or_else(|| names::LAYANAN_UMUM.get(k - own.len()))?;
        Some((fill(nama, c, u), *jenis, *sektor))
    });
    let mut out = vec![Vec::new(); n];
    for (u, (nama, jenis, sektor)) in picked {
        let mut a = vec![
            ("jenis", jenis.to_owned()),
            ("sektor", sektor.to_owned()),
            (
                "terhubung_splp",
                if c.rng.chance(40) { "ya" } else { "tidak" }.to_owned(),
            ),
        ];
        if jenis == "publik" {
            a.push((
                "url",
                format!(
                    "https://{}.{}/layanan/{}",
                    c.units[u].label(),
                    c.domain,
                    slug(&nama)
                ),
            ));
        }
        let kode = p.next_code(Jenis::Layanan, "LAY", c, u, 3);
        let status = if c.rng.chance(90) { "aktif" } else { "rencana" };
        let s = p.add(Jenis::Layanan, kode, nama, c.pd(u), status, a);
        let apps = if apps_of[u].is_empty() {
            &apps_of[c.dinas]
        } else {
            &apps_of[u]
        };
        let j = out[u].len();
        if let Some(app) = apps.get(j % apps.len().max(1)) {
            p.relate(*app, s, RelasiJenis::Menyediakan);
        }
        if jenis == "publik" && apps.len() > 1 && c.rng.chance(30) {
            p.relate(apps[(j + 1) % apps.len()], s, RelasiJenis::Menyediakan);
        }
        out[u].push(s);
    }
    out
}

pub(super) fn processes(
    p: &mut Plan,
    c: &mut Ctx,
    t: &Targets,
    apps_of: &[Vec<usize>],
    data_of: &[Vec<usize>],
    services: &[Vec<usize>],
) {
    let n = c.units.len();
    let picked = round_robin(n, t.processes, |u, k| {
        let own = names::of(names::PROSES, c.units[u].role);
        let nama = own
            .get(k)
            .or_else(|| names::PROSES_UMUM.get(k - own.len()))?;
        Some(fill(nama, c, u))
    });
    for (i, (u, nama)) in picked.into_iter().enumerate() {
        let m = 1 + i % 6;
        let a = vec![
            (
                "sop",
                format!(
                    "SOP Nomor {}/{}/2024 tentang {nama}",
                    10 + i,
                    c.units[u].kode
                ),
            ),
            ("tanggal_review", format!("2026-{m:02}-{:02}", 1 + i % 28)),
            (
                "tanggal_review_berikutnya",
                format!("2026-{:02}-{:02}", m + 6, 1 + i % 28),
            ),
        ];
        let kode = p.next_code(Jenis::ProsesBisnis, "PB", c, u, 3);
        let status = if c.rng.chance(90) { "aktif" } else { "rencana" };
        let pb = p.add(Jenis::ProsesBisnis, kode, nama, c.pd(u), status, a);
        let svc = if services[u].is_empty() {
            &services[c.dinas]
        } else {
            &services[u]
        };
        for s in svc.iter().skip(i % svc.len().max(1)).take(2) {
            p.relate(pb, *s, RelasiJenis::Menggunakan);
        }
        if let Some(a) = apps_of[u].get(i % apps_of[u].len().max(1)) {
            p.relate(pb, *a, RelasiJenis::Menggunakan);
        }
        if let Some(d) = data_of[u].get(i % data_of[u].len().max(1)) {
            p.relate(pb, *d, RelasiJenis::Menggunakan);
        }
    }
}
