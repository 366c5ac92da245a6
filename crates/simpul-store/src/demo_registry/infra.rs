//! Infrastructure of the demo registry: data centres (own, PDN, DRC), network links and
//! the NOC, servers and VPS (one of them heavily shared); the IP plan, domains and
//! websites are in `addressing`.

use std::collections::BTreeMap;

use simpul_domain::registry::{Jenis, RelasiJenis};

use super::plan::{Ctx, Plan};

/// The hosts the applications and datasets are placed on.
pub(super) struct Hosts {
    pub dc_pdn: usize,
    pub app: Vec<usize>,
    pub db: Vec<usize>,
    pub web: Vec<usize>,
    pub pdn: Vec<usize>,
    /// VPS per unit.
    pub vps: BTreeMap<usize, Vec<usize>>,
}

/// An attribute pair.
fn kv(k: &'static str, v: &str) -> (&'static str, String) {
    (k, v.to_owned())
}

const OS: &[&str] = &[
    "Ubuntu Server 22.04 LTS",
    "Debian 12",
    "Rocky Linux 9",
    "Ubuntu Server 20.04 LTS",
    "AlmaLinux 9",
    "Windows Server 2019",
];

/// Data centres, network, servers, the IP plan, domains and websites.
pub(super) fn infrastructure(p: &mut Plan, c: &mut Ctx) -> Hosts {
    let d = c.dinas;
    let dinas = c.units[d].singkat.clone();
    let dc = p.add(
        Jenis::PusatData,
        "DC-UTAMA".into(),
        format!("Pusat Data {}", c.wilayah),
        c.pd(d),
        "aktif",
        vec![
            kv("jenis", "milik_sendiri"),
            ("lokasi", format!("Ruang server {dinas}")),
            kv("pengelola", &dinas),
        ],
    );
    let dc_pdn = p.add(
        Jenis::PusatData,
        "DC-PDN".into(),
        "Pusat Data Nasional (PDN)".into(),
        None,
        "aktif",
        vec![
            kv("jenis", "pdn"),
            kv("lokasi", "PDN Sementara, Surabaya"),
            kv("pengelola", "Kementerian Komunikasi dan Digital"),
        ],
    );
    let drc = p.add(
        Jenis::PusatData,
        "DC-DRC".into(),
        format!("Disaster Recovery Center {}", c.wilayah),
        c.pd(d),
        "aktif",
        vec![
            kv("jenis", "drc"),
            kv("lokasi", "Kolokasi pusat data komersial, Jakarta"),
            kv("pengelola", &dinas),
        ],
    );

    let net = |k: &str, nama: String, jenis: &str, mbps: u32, by: &str| {
        (
            k.to_owned(),
            nama,
            vec![
                kv("jenis", jenis),
                ("bandwidth_mbps", mbps.to_string()),
                kv("penyedia", by),
            ],
        )
    };
    let mut links = vec![
        net(
            "JAR-NOC",
            format!("Network Operation Center {dinas}"),
            "noc",
            0,
            &dinas,
        ),
        net(
            "JAR-INET-01",
            "Akses Internet Utama".into(),
            "internet",
            1000,
            "PT Telkom Indonesia",
        ),
        net(
            "JAR-INET-02",
            "Akses Internet Cadangan".into(),
            "internet",
            500,
            "PLN Icon Plus",
        ),
        net(
            "JAR-INTRA-INTI",
            "Jaringan Intra Inti (serat optik)".into(),
            "intra",
            10_000,
            &dinas,
        ),
        net(
            "JAR-PDN",
            "Koneksi VPN ke Pusat Data Nasional".into(),
            "intra",
            200,
            "Kementerian Komunikasi dan Digital",
        ),
    ];
    for u in &c.units {
        if u.role == "kecamatan" || (c.large && u.jenis == simpul_domain::org::JenisPd::Upt) {
            links.push(net(
                &format!("JAR-{}", u.kode),
                format!("Tautan Intra ke {}", u.singkat),
                "intra",
                100,
                "PT Telkom Indonesia (Metro-E)",
            ));
        }
    }
    let mut link_ids = Vec::new();
    for (kode, nama, attrs) in links {
        link_ids.push(p.add(Jenis::Jaringan, kode, nama, c.pd(d), "aktif", attrs));
    }
    let core = link_ids[3];
    for l in &link_ids[..3] {
        p.relate(core, *l, RelasiJenis::BergantungPada);
    }

    let (n_app, n_db, n_web, n_pdn, total): (usize, usize, usize, usize, usize) = if c.large {
        (10, 20, 6, 10, 150)
    } else {
        (4, 4, 3, 3, 25)
    };
    let mut hosts = Hosts {
        dc_pdn,
        app: Vec::new(),
        db: Vec::new(),
        web: Vec::new(),
        pdn: Vec::new(),
        vps: BTreeMap::new(),
    };
    let mut ip = 10_u32;
    let mut server = |p: &mut Plan,
                      c: &mut Ctx,
                      kode: String,
                      nama: String,
                      unit: Option<usize>,
                      jenis: &str,
                      host: usize| {
        let os = (*c.rng.pick(OS)).to_owned();
        let (net, last) = if host == dc_pdn { (252, ip) } else { (250, ip) };
        ip += 1;
        let lokasi = if host == dc {
            "Rak server Pusat Data Daerah"
        } else {
            "Ruang server pihak pengelola"
        };
        let s = p.add(
            Jenis::Server,
            kode,
            nama,
            unit.and_then(|u| c.pd(u)),
            "aktif",
            vec![
                kv("jenis", jenis),
                ("alamat_ip", format!("10.{}.{net}.{last}", c.net)),
                ("sistem_operasi", os),
                kv("lokasi", lokasi),
            ],
        );
        p.relate(s, host, RelasiJenis::DihostingDi);
        if host == dc {
            p.relate(s, core, RelasiJenis::BergantungPada);
        }
        s
    };
    for (list, prefix, nama, n) in [
        ("app", "SRV-APP", "Server Aplikasi Bersama", n_app),
        ("db", "SRV-DB", "Server Basis Data", n_db),
        ("web", "SRV-WEB", "Server Web", n_web),
        ("pdn", "SRV-PDN", "VPS Aplikasi di PDN", n_pdn),
    ] {
        for i in 1..=n {
            let (host, jenis) = if list == "pdn" {
                (dc_pdn, "vps")
            } else {
                (dc, "fisik")
            };
            let s = server(
                p,
                c,
                format!("{prefix}-{i:02}"),
                format!("{nama} {i:02}"),
                Some(d),
                jenis,
                host,
            );
            match list {
                "app" => hosts.app.push(s),
                "db" => hosts.db.push(s),
                "web" => hosts.web.push(s),
                _ => hosts.pdn.push(s),
            }
        }
    }
    server(
        p,
        c,
        "SRV-MAIL-01".into(),
        "Server Surel Resmi".into(),
        Some(d),
        "fisik",
        dc,
    );
    server(
        p,
        c,
        "SRV-DNS-01".into(),
        "Server DNS".into(),
        Some(d),
        "fisik",
        dc,
    );
    server(
        p,
        c,
        "SRV-BACKUP-01".into(),
        "Server Cadangan DRC".into(),
        Some(d),
        "fisik",
        drc,
    );
    p.shared_server = hosts.app[0];
    let made = n_app + n_db + n_web + n_pdn + 3;
    for k in 0..total.saturating_sub(made) {
        let u = (k * 7 + 1) % c.units.len();
        let kode = p.next_code(Jenis::Server, "VPS", c, u, 2);
        let nama = format!("VPS {}", c.units[u].singkat);
        let s = server(p, c, kode, nama, Some(u), "vps", dc);
        hosts.vps.entry(u).or_default().push(s);
    }

    super::addressing::ip_plan(p, c);
    super::addressing::domains_and_websites(p, c, &hosts);
    hosts
}
