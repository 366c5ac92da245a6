//! A small draw.io LAN diagram per PD: router, firewall, core switch, access switches,
//! a wireless access point, the Dinas uplink.

use std::fmt::Write as _;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The diagram of PD `kode` for `tahun`; `extra` more access points than the base.
pub(super) fn lan(kode: &str, nama: &str, tahun: i32, extra: usize) -> String {
    let mut nodes = vec![
        ("Uplink Jaringan Intra Pemda", 200, 20),
        ("Router", 200, 100),
        ("Firewall", 200, 180),
        ("Core switch", 200, 260),
        ("Switch lantai 1", 60, 340),
        ("Switch lantai 2", 340, 340),
    ];
    let aps: Vec<String> = (0..=extra)
        .map(|i| format!("Titik akses nirkabel {}", i + 1))
        .collect();
    for (i, ap) in aps.iter().enumerate() {
        nodes.push((
            ap.as_str(),
            60 + 280 * (i as i32 % 2),
            420 + 80 * (i as i32 / 2),
        ));
    }
    let mut cells = String::new();
    for (i, (label, x, y)) in nodes.iter().enumerate() {
        let _ = write!(
            cells,
            r#"<mxCell id="n{i}" value="{}" style="rounded=1;whiteSpace=wrap;" vertex="1" parent="1"><mxGeometry x="{x}" y="{y}" width="160" height="44" as="geometry"/></mxCell>"#,
            esc(label)
        );
    }
    // Each node hangs off the one above it; access points off the floor switches.
    let parent_of = |i: usize| match i {
        1..=3 => i - 1,
        4 | 5 => 3,
        _ => 4 + (i - 6) % 2,
    };
    for i in 1..nodes.len() {
        let _ = write!(
            cells,
            r#"<mxCell id="e{i}" edge="1" parent="1" source="n{}" target="n{i}"><mxGeometry relative="1" as="geometry"/></mxCell>"#,
            parent_of(i)
        );
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<mxfile host="Simpul demo"><diagram name="LAN {} {tahun}"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="judul" value="Diagram LAN {} ({}) tahun {tahun}" style="text;" vertex="1" parent="1"><mxGeometry x="420" y="20" width="300" height="30" as="geometry"/></mxCell>{cells}</root></mxGraphModel></diagram></mxfile>
"#,
        esc(kode),
        esc(nama),
        esc(kode)
    )
}
