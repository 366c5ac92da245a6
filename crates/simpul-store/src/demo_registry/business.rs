//! Applications, datasets, services and business processes, spread evenly over the PDs
//! (round robin, each PD's own pool first, then fillers), and the relations between them
//! and to the infrastructure.

use simpul_domain::registry::{Jenis, RelasiJenis};

use super::infra::Hosts;
use super::names::{self, APLIKASI_UMUM, APP_PREFIX, APP_SUBJECT};
use super::plan::{Ctx, Plan};

/// How many of each to generate.
pub(super) struct Targets {
    pub apps: usize,
    pub data: usize,
    pub services: usize,
    pub processes: usize,
    /// Datasets each application uses.
    pub uses: usize,
    /// Every `share`-th regional application runs on the shared server.
    pub share: usize,
    pub integrations: usize,
}

/// `(unit, candidate)` pairs taking one candidate per unit per round, until `target` or
/// until no unit has any left.
pub(super) fn round_robin<T>(
    units: usize,
    target: usize,
    mut cand: impl FnMut(usize, usize) -> Option<T>,
) -> Vec<(usize, T)> {
    let mut out = Vec::new();
    for k in 0.. {
        let before = out.len();
        for u in 0..units {
            if out.len() == target {
                return out;
            }
            if let Some(t) = cand(u, k) {
                out.push((u, t));
            }
        }
        if out.len() == before {
            break;
        }
    }
    out
}

pub(super) fn fill(s: &str, c: &Ctx, u: usize) -> String {
    s.replace("{pd}", &c.units[u].singkat)
        .replace("{wilayah}", &c.wilayah)
}

pub(super) fn slug(s: &str) -> String {
    let words: Vec<String> = s
        .split(|ch: char| !ch.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .map(str::to_lowercase)
        .collect();
    words.join("-")
}

/// Generate the business side and relate it; `hosts` from the infrastructure.
pub(super) fn business(p: &mut Plan, c: &mut Ctx, hosts: &Hosts, t: &Targets) {
    let n = c.units.len();
    let mut apps_of: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut umum = Vec::new();
    for (nama, role, kat, url) in APLIKASI_UMUM {
        let u = c.unit_of(role);
        let kode = p.next_code(Jenis::Aplikasi, "APL", c, u, 3);
        let a = p.add(
            Jenis::Aplikasi,
            kode,
            (*nama).into(),
            c.pd(u),
            "produksi",
            vec![
                ("jenis", "umum".into()),
                ("kategori_fungsi", (*kat).into()),
                ("sumber", "tertutup".into()),
                (
                    "pertimbangan_menteri",
                    "Aplikasi Umum bagi pakai yang ditetapkan Menteri PANRB".into(),
                ),
                ("hosting", "pdn".into()),
                ("url", (*url).into()),
            ],
        );
        p.relate(a, hosts.dc_pdn, RelasiJenis::DihostingDi);
        apps_of[u].push(a);
        umum.push(a);
    }
    let khusus = round_robin(n, t.apps.saturating_sub(umum.len()), |u, k| {
        let pool = names::of(names::APLIKASI_KHUSUS, c.units[u].role);
        match pool.get(k) {
            Some((nama, kat)) => Some((fill(nama, c, u), *kat)),
            None => {
                let f = k - pool.len();
                let (subject, kat) = APP_SUBJECT.get(f % APP_SUBJECT.len())?;
                let prefix = APP_PREFIX.get((f / APP_SUBJECT.len() + u) % APP_PREFIX.len())?;
                (f < APP_PREFIX.len() * APP_SUBJECT.len())
                    .then(|| (format!("{prefix} {subject} {}", c.units[u].singkat), *kat))
            }
        }
    });
    for (i, (u, (nama, kat))) in khusus.into_iter().enumerate() {
        let kode = p.next_code(Jenis::Aplikasi, "APL", c, u, 3);
        let r = c.rng.below(100);
        let status = match r {
            0..70 => "produksi",
            70..78 => "pengembangan",
            78..83 => "uji",
            83..90 => "usulan",
            _ => "dihentikan",
        };
        let hosting = match c.rng.below(100) {
            0..70 => "pusat_data_daerah",
            70..85 => "vps_dinas",
            85..95 => "pdn",
            _ => "pihak_ketiga",
        };
        let open = c.rng.chance(80);
        let label = c.units[u].label();
        let mut a = vec![
            ("jenis", "khusus".to_owned()),
            ("kategori_fungsi", kat.to_owned()),
            (
                "sumber",
                if open { "terbuka" } else { "tertutup" }.to_owned(),
            ),
            ("hosting", hosting.to_owned()),
            (
                "url",
                format!("https://{label}.{}/{}", c.domain, slug(&nama)),
            ),
            ("tahun_pembuatan", (2010 + c.rng.below(16)).to_string()),
        ];
        if open && c.rng.chance(50) {
            a.push((
                "repositori",
                format!("https://git.{}/{label}/{}", c.domain, slug(&nama)),
            ));
        }
        if !open {
            a.push((
                "pertimbangan_menteri",
                format!("B-{}/M.KOMINFO/AI.01.02/{}", 100 + i, 2019 + i % 6),
            ));
        }
        if matches!(c.units[u].role, "kecamatan" | "kelurahan") {
            a.push(("pd_operator", c.units[c.dinas].id.to_string()));
        }
        let app = p.add(Jenis::Aplikasi, kode, nama, c.pd(u), status, a);
        let host = if i % t.share == 0 {
            Some(p.shared_server)
        } else {
            match hosting {
                "pdn" => Some(hosts.pdn[i % hosts.pdn.len()]),
                "vps_dinas" => hosts
                    .vps
                    .get(&u)
                    .and_then(|v| v.first().copied())
                    .or(Some(hosts.app[1 + i % (hosts.app.len() - 1)])),
                "pihak_ketiga" => None,
                _ => Some(hosts.app[1 + i % (hosts.app.len() - 1)]),
            }
        };
        if let Some(h) = host {
            p.relate(app, h, RelasiJenis::DihostingDi);
        }
        apps_of[u].push(app);
    }

    let data_of = super::catalogue::datasets(p, c, hosts, t);
    let population = data_of
        .get(c.unit_of("dukcapil"))
        .and_then(|v| v.first().copied());
    for u in 0..n {
        for (j, app) in apps_of[u].clone().into_iter().enumerate() {
            let own = &data_of[u];
            let start = c.rng.below(own.len().max(1));
            for k in 0..t.uses.min(own.len()) {
                p.relate(app, own[(start + k) % own.len()], RelasiJenis::Menggunakan);
            }
            if let Some(pop) = population.filter(|_| j % 5 == 0) {
                p.relate(app, pop, RelasiJenis::Menggunakan);
            }
        }
    }
    let services = super::catalogue::services(p, c, t, &apps_of);
    super::catalogue::processes(p, c, t, &apps_of, &data_of, &services);
    let all_apps: Vec<usize> = apps_of.iter().flatten().copied().collect();
    for _ in 0..t.integrations {
        let a = *c.rng.pick(&all_apps);
        let b = if c.rng.chance(50) {
            *c.rng.pick(&umum)
        } else {
            *c.rng.pick(&all_apps)
        };
        p.relate(a, b, RelasiJenis::TerintegrasiDengan);
    }
}
