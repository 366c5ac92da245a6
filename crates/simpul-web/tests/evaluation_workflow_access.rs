//! Who may do what in an evaluation period, as a matrix over the demo's cast: the
//! coordinator, the super admin, the lead PD's administrator, an operator of a sharing
//! PD, an administrator of an unrelated PD, the assessor of the lead PD's team, an
//! assessor of no team, and the pimpinan. Every refusal is 403 with the domain's code
//! and leaves the audit trail as it was.

#![allow(clippy::unwrap_used)]

mod common;
mod evaluation_support;

use std::collections::HashMap;

use common::*;
use evaluation_support::*;
use serde_json::{Value, json};

const SEMUA: [&str; 8] = [
    KOORDINATOR,
    SUPER_ADMIN,
    ADMIN_BAPPEDA,
    OPERATOR_BPKAD,
    ADMIN_DINKES,
    ASESOR,
    ASESOR_LAIN,
    PIMPINAN,
];

struct Pemeran {
    api: HashMap<&'static str, Api>,
}

impl Pemeran {
    async fn baru(app: &TestApp) -> Self {
        let mut api = HashMap::new();
        for nip in SEMUA {
            api.insert(nip, app.api_as(nip).await);
        }
        Self { api }
    }

    async fn call(&self, nip: &str, method: &str, path: &str, body: Value) -> (u16, Value) {
        self.api[nip].call(method, path, Some(body)).await
    }

    /// Every actor but `boleh` is refused with 403 and `kode` under `alur`; nothing is
    /// recorded.
    async fn ditolak(
        &self,
        app: &TestApp,
        boleh: &[&str],
        method: &str,
        path: &str,
        body: Value,
        kode: &dyn Fn(&str) -> &'static str,
    ) {
        let audit = audit_len(&app.db).await;
        for nip in SEMUA.iter().filter(|n| !boleh.contains(n)) {
            let r = self.call(nip, method, path, body.clone()).await;
            let f = assert_api_error(&r, 403, "forbidden");
            assert_eq!(
                field_codes(&f, "alur"),
                [kode(nip)],
                "{nip} {method} {path}"
            );
        }
        assert_eq!(audit_len(&app.db).await, audit, "{method} {path}");
    }
}

fn tidak_berwenang(_: &str) -> &'static str {
    "tidak_berwenang"
}

#[tokio::test]
async fn the_workflow_permission_matrix() {
    let app = spawn_app().await;
    let (bappeda, bpkad, setda, _, asesor, _) = ids(&app).await;
    let x = Pemeran::baru(&app).await;
    let koordinator = [KOORDINATOR, SUPER_ADMIN];

    // Opening a period.
    let open = |t: i32| json!({"tahun": t, "model": "pemdi-2026"});
    x.ditolak(
        &app,
        &koordinator,
        "POST",
        "/evaluation/periods",
        open(2031),
        &tidak_berwenang,
    )
    .await;
    assert_eq!(
        x.call(SUPER_ADMIN, "POST", "/evaluation/periods", open(2030))
            .await
            .0,
        201
    );
    let r = x
        .call(
            KOORDINATOR,
            "POST",
            "/evaluation/periods",
            json!({"tahun": 2018, "model": "spbe-2020"}),
        )
        .await;
    assert_eq!(r.0, 201, "{}", r.1);
    let id = r.1["id"].as_str().unwrap().to_owned();
    let p = format!("/evaluation/periods/{id}");

    // The coordinator's settings.
    let pjs = json!({"pd": [{"pd": bappeda, "utama": true}, {"pd": bpkad}]});
    let i11 = format!("{p}/indicators/11");
    x.ditolak(
        &app,
        &koordinator,
        "PUT",
        &format!("{i11}/pds"),
        pjs.clone(),
        &tidak_berwenang,
    )
    .await;
    assert_eq!(
        x.call(KOORDINATOR, "PUT", &format!("{i11}/pds"), pjs)
            .await
            .0,
        200
    );
    let team = json!({"pd": [bappeda]});
    let ap = format!("{p}/assessors/{asesor}");
    x.ditolak(
        &app,
        &koordinator,
        "PUT",
        &ap,
        team.clone(),
        &tidak_berwenang,
    )
    .await;
    assert_eq!(x.call(SUPER_ADMIN, "PUT", &ap, team).await.0, 200);
    x.ditolak(
        &app,
        &koordinator,
        "PUT",
        &format!("{p}/target"),
        json!({"target": 3}),
        &tidak_berwenang,
    )
    .await;

    // Filling in and attaching: the responsible PDs' staff (and the super admin).
    let pengisi = [ADMIN_BAPPEDA, OPERATOR_BPKAD, SUPER_ADMIN];
    x.ditolak(
        &app,
        &pengisi,
        "PUT",
        &i11,
        json!({"level": 2}),
        &tidak_berwenang,
    )
    .await;
    for (i, nip) in pengisi.iter().enumerate() {
        let r = x.call(nip, "PUT", &i11, json!({"level": 1 + i})).await;
        assert_eq!(r.0, 200, "{nip}: {}", r.1);
    }
    let link = |n: &str| json!({"level": 1, "jenis": "tautan", "judul": "Bukti", "url": format!("https://tanbukab.go.id/{n}")});
    let ev = format!("{i11}/evidence");
    x.ditolak(&app, &pengisi, "POST", &ev, link("x"), &tidak_berwenang)
        .await;
    assert_eq!(x.call(OPERATOR_BPKAD, "POST", &ev, link("a")).await.0, 201);
    assert_eq!(
        x.call(ADMIN_BAPPEDA, "PUT", &i11, json!({"level": 1}))
            .await
            .0,
        200
    );

    // Consolidating and reopening: the lead PD's administrator (and the super admin).
    let lead = [ADMIN_BAPPEDA, SUPER_ADMIN];
    let kons = format!("{i11}/consolidate");
    x.ditolak(&app, &lead, "POST", &kons, json!({}), &tidak_berwenang)
        .await;
    assert_eq!(x.call(ADMIN_BAPPEDA, "POST", &kons, json!({})).await.0, 200);
    let reopen = format!("{i11}/reopen");
    x.ditolak(&app, &lead, "POST", &reopen, json!({}), &tidak_berwenang)
        .await;
    assert_eq!(x.call(SUPER_ADMIN, "POST", &reopen, json!({})).await.0, 200);
    assert_eq!(x.call(ADMIN_BAPPEDA, "POST", &kons, json!({})).await.0, 200);

    // Submitting: the coordinator.
    siapkan_lain(&app, &id, &[11], 1, setda.parse().unwrap()).await;
    let submit = format!("{p}/submit");
    x.ditolak(
        &app,
        &koordinator,
        "POST",
        &submit,
        json!({}),
        &tidak_berwenang,
    )
    .await;
    assert_eq!(x.call(KOORDINATOR, "POST", &submit, json!({})).await.0, 200);

    // Reviewing: only an assessor whose team holds the lead PD; being super admin does
    // not put one on the team.
    let detail = x.call(KOORDINATOR, "GET", &p, json!(null)).await.1;
    let l = detail["indikator"][10]["bukti"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let review = format!("{p}/evidence/{l}/review");
    let kode = |nip: &str| {
        if nip == ASESOR_LAIN || nip == SUPER_ADMIN {
            "di_luar_tim_asesor"
        } else {
            "tidak_berwenang"
        }
    };
    x.ditolak(
        &app,
        &[ASESOR],
        "POST",
        &review,
        json!({"status": "diterima"}),
        &kode,
    )
    .await;
    assert_eq!(
        x.call(ASESOR, "POST", &review, json!({"status": "diterima"}))
            .await
            .0,
        200
    );
    // During review a responsible PD may attach replacement evidence, not change its level.
    assert_eq!(x.call(OPERATOR_BPKAD, "POST", &ev, link("b")).await.0, 201);
    let r = x
        .call(OPERATOR_BPKAD, "PUT", &i11, json!({"level": 2}))
        .await;
    assert_eq!(
        field_codes(&assert_api_error(&r, 422, "validation_failed"), "alur"),
        ["tahap_tidak_sesuai"]
    );

    // Approving and the national result: the coordinator.
    terima_lain(&app, &id, &[]).await;
    let approve = format!("{p}/approve");
    x.ditolak(
        &app,
        &koordinator,
        "POST",
        &approve,
        json!({}),
        &tidak_berwenang,
    )
    .await;
    assert_eq!(
        x.call(KOORDINATOR, "POST", &approve, json!({})).await.0,
        200
    );
    let nat = format!("{p}/national");
    x.ditolak(
        &app,
        &koordinator,
        "PUT",
        &nat,
        json!({"nilai": {"11": 1}}),
        &tidak_berwenang,
    )
    .await;
    assert_eq!(
        x.call(SUPER_ADMIN, "PUT", &nat, json!({"nilai": {"11": 1}}))
            .await
            .0,
        200
    );

    // Everyone logged in reads.
    for nip in SEMUA {
        assert_eq!(x.call(nip, "GET", &p, json!(null)).await.0, 200, "{nip}");
    }
}
