//! Security of the demo registry: information assets per PD, the eight SOPs of 003
//! Pasal 15(1) for the Dinas and every third PD, and the controls in place.

use simpul_domain::registry::Jenis;
use simpul_domain::registry::spec::{self, FieldKind};

use super::plan::{Ctx, Plan};

/// Information assets, the eight SOPs for the Dinas and every third PD, and controls.
pub(super) fn security(p: &mut Plan, c: &mut Ctx) {
    let d = c.dinas;
    for i in 0..c.units.len() {
        let s = c.units[i].singkat.clone();
        let mut assets = vec![
            (
                format!("Perangkat komputer dan laptop {s}"),
                "aset_berwujud",
                "sedang",
            ),
            (
                format!("Dokumen perencanaan dan keuangan {s}"),
                "data_dokumen",
                "sedang",
            ),
        ];
        if i == d {
            assets.push((
                "Perangkat jaringan inti (core switch, firewall)".into(),
                "aset_berwujud",
                "tinggi",
            ));
            assets.push((
                "Sertifikat elektronik BSrE".into(),
                "aset_tak_berwujud",
                "tinggi",
            ));
            assets.push((
                "Lisensi perangkat lunak server".into(),
                "perangkat_lunak",
                "sedang",
            ));
        }
        for (nama, jenis, krit) in assets {
            let kode = p.next_code(Jenis::AsetInformasi, "ASET", c, i, 2);
            p.add(
                Jenis::AsetInformasi,
                kode,
                nama,
                c.pd(i),
                "aktif",
                vec![
                    ("jenis", jenis.into()),
                    ("kritikalitas", krit.into()),
                    ("lokasi", format!("Kantor {s}")),
                ],
            );
        }
    }
    let sops: Vec<&str> = match spec::field(Jenis::SopKeamanan, "sop").map(|f| f.kind) {
        Some(FieldKind::Choice(opts)) => opts.iter().map(|(code, _)| *code).collect(),
        _ => Vec::new(),
    };
    for i in (0..c.units.len()).filter(|i| i % 3 == 0 || *i == d) {
        for (n, sop) in sops.iter().enumerate() {
            let has = i == d || c.rng.chance(60);
            let kode = p.next_code(Jenis::SopKeamanan, "SOP", c, i, 2);
            let mut a = vec![
                ("sop", (*sop).to_owned()),
                ("dimiliki", if has { "ya" } else { "tidak" }.to_owned()),
            ];
            if has {
                a.push((
                    "nomor_dokumen",
                    format!("{}/SOP-{}/{}/2024", 100 + n, n + 1, c.units[i].kode),
                ));
                a.push((
                    "tanggal_penetapan",
                    format!("2024-{:02}-{:02}", 1 + n, 10 + i % 15),
                ));
            }
            let nama = format!("SOP keamanan {} {}", n + 1, c.units[i].singkat);
            p.add(
                Jenis::SopKeamanan,
                kode,
                nama,
                c.pd(i),
                if has { "aktif" } else { "rencana" },
                a,
            );
        }
    }
    for (n, (nama, kategori)) in CONTROLS.iter().enumerate() {
        p.add(Jenis::KontrolKeamanan, format!("KTRL-{:02}", n + 1), (*nama).into(), c.pd(d), "aktif", vec![
            ("kategori", (*kategori).into()),
            ("uraian", format!("{nama}; diterapkan di Pusat Data {} dan diperiksa setiap triwulan oleh tim persandian.", c.wilayah)),
            ("tanggal_verifikasi", format!("2026-{:02}-15", 1 + n % 9)),
        ]);
    }
}

const CONTROLS: &[(&str, &str)] = &[
    ("Firewall dan segmentasi VLAN", "pengamanan_jaringan"),
    ("Sistem deteksi intrusi (IDS/IPS)", "pengamanan_jaringan"),
    ("Kontrol akses ruang server dan CCTV", "pengamanan_fisik"),
    (
        "UPS, genset dan pemadam api gas",
        "pengamanan_infrastruktur",
    ),
    (
        "Hardening dan patch sistem operasi",
        "pengamanan_sistem_operasi",
    ),
    ("Antivirus terpusat", "pengamanan_sistem_operasi"),
    ("Web Application Firewall", "pengamanan_perangkat_lunak"),
    (
        "Uji penetrasi aplikasi tahunan",
        "pengamanan_perangkat_lunak",
    ),
    ("Backup harian dan replikasi ke DRC", "sistem_cadangan"),
    (
        "Sertifikat TLS dan tanda tangan elektronik BSrE",
        "perlindungan_data",
    ),
    (
        "Autentikasi dua faktor untuk administrator",
        "perlindungan_data",
    ),
    ("Pemantauan log terpusat (SIEM)", "lainnya"),
];
