//! The bus's extra CA file (`bus_ca_file` / `SIMPUL_BUS_CA_FILE`): a file the gateway
//! cannot use stops `simpul bus` and `simpul serve` at start, naming the setting, the file
//! and the reason, instead of starting with https upstreams it cannot verify.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;

#[test]
fn an_unusable_bus_ca_file_stops_the_start() {
    let dir = TempDir::new("bus-ca");
    sim(&dir, &["migrate"]).ok();

    let missing = dir.path().join("tidak-ada.pem");
    let mut c = simpul(&dir, &["bus"]);
    c.env("SIMPUL_BUS_CA_FILE", &missing);
    let out = run(c).fails();
    assert!(out.stderr.contains("bus_ca_file"), "{out:#?}");
    assert!(out.stderr.contains("tidak-ada.pem"), "{out:#?}");
    assert!(out.stderr.contains("tidak dapat dibaca"), "{out:#?}");

    // From simpul.toml, for `simpul serve` too: a file without certificates.
    std::fs::write(dir.path().join("kosong.pem"), "bukan sertifikat\n").unwrap();
    std::fs::write(
        dir.path().join("simpul.toml"),
        "bus_ca_file = \"kosong.pem\"\n",
    )
    .unwrap();
    let out = sim(&dir, &["serve", "--listen", "127.0.0.1:0"]).fails();
    assert!(out.stderr.contains("kosong.pem"), "{out:#?}");
    assert!(out.stderr.contains("tidak berisi sertifikat"), "{out:#?}");
}
