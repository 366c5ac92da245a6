//! The IP plan (one /24 per PD inside `10.<net>.0.0/16`), the domains (the region's,
//! the e-mail domain, a subdomain per PD) and a website per PD.

use simpul_domain::registry::{Jenis, RelasiJenis};

use super::infra::Hosts;
use super::names::ADMIN;
use super::plan::{Ctx, Plan};

/// One /24 per PD, plus the server, management and PDN subnets.
pub(super) fn ip_plan(p: &mut Plan, c: &Ctx) {
    let sub = |third: usize, vlan: usize| {
        vec![
            ("cidr", format!("10.{}.{third}.0/24", c.net)),
            ("vlan", vlan.to_string()),
            ("gateway", format!("10.{}.{third}.1", c.net)),
        ]
    };
    for (i, u) in c.units.iter().enumerate() {
        p.add(
            Jenis::Subnet,
            format!("SUB-{}", u.kode),
            format!("Subnet {}", u.singkat),
            c.pd(i),
            "aktif",
            sub(i + 1, 100 + i + 1),
        );
    }
    for (kode, nama, third) in [
        ("SUB-SERVER", "Subnet server Pusat Data", 250),
        ("SUB-MGMT", "Subnet manajemen jaringan", 251),
        ("SUB-PDN", "Subnet VPN Pusat Data Nasional", 252),
    ] {
        p.add(
            Jenis::Subnet,
            kode.into(),
            nama.into(),
            c.pd(c.dinas),
            "aktif",
            sub(third, third),
        );
    }
}

pub(super) fn domains_and_websites(p: &mut Plan, c: &mut Ctx, hosts: &Hosts) {
    let d = c.dinas;
    let dom = |nama: String, jenis: &str| vec![("nama", nama), ("jenis", jenis.to_owned())];
    p.add(
        Jenis::NamaDomain,
        "DOM-UTAMA".into(),
        format!("Domain {}", c.wilayah),
        c.pd(d),
        "aktif",
        dom(c.domain.clone(), "domain_utama"),
    );
    p.add(
        Jenis::NamaDomain,
        "DOM-SUREL".into(),
        "Domain e-mail resmi".into(),
        c.pd(d),
        "aktif",
        dom(c.domain.clone(), "email_resmi"),
    );
    for i in 0..c.units.len() {
        let (kode, singkat, host) = (
            c.units[i].kode.clone(),
            c.units[i].singkat.clone(),
            c.units[i].label(),
        );
        let name = format!("{host}.{}", c.domain);
        p.add(
            Jenis::NamaDomain,
            format!("DOM-{kode}"),
            format!("Subdomain {singkat}"),
            c.pd(i),
            "aktif",
            dom(name.clone(), "subdomain_pd"),
        );
        let admin = (*c.rng.pick(ADMIN)).to_owned();
        let status = if c.rng.chance(90) { "aktif" } else { "rencana" };
        let w = p.add(
            Jenis::SitusWeb,
            format!("WEB-{kode}"),
            format!("Situs web {singkat}"),
            c.pd(i),
            status,
            vec![
                ("url", format!("https://{name}")),
                ("administrator_nama", admin),
                ("email_admin", format!("{host}@{}", c.domain)),
            ],
        );
        p.relate(w, hosts.web[i % hosts.web.len()], RelasiJenis::DihostingDi);
    }
}
