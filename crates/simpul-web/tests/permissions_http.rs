//! The permission rules as seen through HTTP, over several demo users: who may change
//! the structure, whose staff each sees, who may grant which role, who reads the trail.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::json;

const NOT_SUPER: [&str; 4] = [ADMIN_SETDA, OPERATOR_BPKAD, AUDITOR, PIMPINAN];

fn dispar(kode: &str) -> serde_json::Value {
    json!({"kode": kode, "nama": "Dinas Pariwisata", "jenis": "dinas"})
}

#[tokio::test]
async fn only_the_super_admin_creates_or_changes_a_pd() {
    let app = spawn_app().await;
    let mut apis = Vec::new();
    for nip in NOT_SUPER {
        apis.push((nip, app.api_as(nip).await));
    }
    let setda = pd_id(&app.db, "SETDA").await;
    let before = snapshot(&app.db).await;
    for (nip, api) in &apis {
        assert_api_error(&api.post("/pd", dispar("DISPAR")).await, 403, "forbidden");
        let put = api
            .put(
                &format!("/pd/{setda}"),
                json!({"kode": "SETDA", "nama": "X", "jenis": "sekretariat_daerah"}),
            )
            .await;
        assert_api_error(&put, 403, "forbidden");
        // Everyone may read the structure.
        assert_eq!(api.get("/pd").await.0, 200, "{nip}");
        assert_eq!(api.get(&format!("/pd/{setda}")).await.0, 200, "{nip}");
    }
    for nip in NOT_SUPER {
        let s = app.login(nip, PASSWORD).await;
        let form = [
            ("kode", "DISPAR"),
            ("nama", "Dinas Pariwisata"),
            ("jenis", "dinas"),
            ("induk", ""),
        ];
        let page = s.post_form("/pd", &form).await;
        assert_eq!(page.status(), 403, "{nip}");
        assert!(
            page.text().await.unwrap().contains("Akses ditolak"),
            "{nip}"
        );
        assert_eq!(s.get("/pd/baru").await.status(), 403, "{nip}");
        assert_eq!(
            s.post_form(&format!("/pd/{setda}/arsip"), &[("arsip", "1")])
                .await
                .status(),
            403,
            "{nip}"
        );
    }
    assert_eq!(snapshot(&app.db).await, before);
    assert!(
        !simpul_store::pd::get(&app.db, setda)
            .await
            .unwrap()
            .diarsipkan
    );

    let sup = app.api_as(SUPER_ADMIN).await;
    assert_eq!(sup.post("/pd", dispar("DISPAR")).await.0, 201);
    assert_eq!(pd_count(&app.db).await, before.0 + 1);
}

async fn staff_pds(api: &Api, query: &str) -> (i64, Vec<String>) {
    let (status, page) = api.get(&format!("/pegawai?{query}")).await;
    assert_eq!(status, 200, "{page}");
    let pds = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["pd"].as_str().unwrap().to_owned())
        .collect();
    (page["total"].as_i64().unwrap(), pds)
}

async fn count_in(app: &TestApp, kode: &str) -> i64 {
    let f = simpul_store::pegawai::PegawaiFilter {
        pds: Some(vec![pd_id(&app.db, kode).await]),
        q: None,
    };
    simpul_store::pegawai::list(&app.db, &f, 1, 0)
        .await
        .unwrap()
        .1
}

#[tokio::test]
async fn each_user_sees_only_the_staff_they_may() {
    let app = spawn_app().await;
    let (setda, bpkad) = (pd_id(&app.db, "SETDA").await, pd_id(&app.db, "BPKAD").await);
    let all = pegawai_count(&app.db).await;

    let admin = app.api_as(ADMIN_SETDA).await;
    let (total, pds) = staff_pds(&admin, "").await;
    assert_eq!(total, count_in(&app, "SETDA").await);
    assert!(total >= 8 && total < all, "{total} of {all}");
    assert!(pds.iter().all(|p| *p == setda.to_string()), "{pds:?}");
    assert_api_error(
        &admin.get(&format!("/pegawai?pd={bpkad}")).await,
        403,
        "forbidden",
    );
    let bpkad_person = pegawai_id(&app.db, OPERATOR_BPKAD).await;
    assert_api_error(
        &admin.get(&format!("/pegawai/{bpkad_person}")).await,
        403,
        "forbidden",
    );
    assert_api_error(
        &admin.get(&format!("/pegawai/{bpkad_person}/peran")).await,
        403,
        "forbidden",
    );

    let operator = app.api_as(OPERATOR_BPKAD).await;
    let (total, pds) = staff_pds(&operator, "").await;
    assert_eq!(total, count_in(&app, "BPKAD").await);
    assert!(pds.iter().all(|p| *p == bpkad.to_string()), "{pds:?}");
    assert_api_error(
        &operator.get(&format!("/pegawai?pd={setda}")).await,
        403,
        "forbidden",
    );

    for nip in [AUDITOR, PIMPINAN, SUPER_ADMIN] {
        let api = app.api_as(nip).await;
        assert_eq!(staff_pds(&api, "").await.0, all, "{nip}");
        assert_eq!(
            staff_pds(&api, &format!("pd={bpkad}")).await.0,
            count_in(&app, "BPKAD").await,
            "{nip}"
        );
        assert_eq!(
            api.get(&format!("/pegawai/{bpkad_person}")).await.0,
            200,
            "{nip}"
        );
    }

    // The page says the same: the admin of SETDA does not see a BPKAD name.
    let s = app.login(ADMIN_SETDA, PASSWORD).await;
    let page = s.get(&format!("/pegawai/{bpkad_person}")).await;
    assert_eq!(page.status(), 403);
    let list = s
        .get(&format!("/pegawai?pd={bpkad}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!list.contains(OPERATOR_BPKAD));
}

#[tokio::test]
async fn an_admin_grants_operator_roles_in_their_own_pd_only() {
    let app = spawn_app().await;
    let (setda, bpkad) = (pd_id(&app.db, "SETDA").await, pd_id(&app.db, "BPKAD").await);
    let admin = app.api_as(ADMIN_SETDA).await;
    let operator = app.api_as(OPERATOR_BPKAD).await;
    let pimpinan = app.api_as(PIMPINAN).await;
    // A SETDA staff member without roles (demo: 198201192010041235).
    let target = pegawai_id(&app.db, "198201192010041235").await;
    let path = format!("/pegawai/{target}/peran");
    let before = snapshot(&app.db).await;

    for (role, pd) in [
        ("operator_pd", bpkad),
        ("super_admin", setda),
        ("auditor", setda),
        ("pimpinan", setda),
    ] {
        assert_api_error(
            &admin.post(&path, json!({"peran": role, "pd": pd})).await,
            403,
            "forbidden",
        );
    }
    for api in [&operator, &pimpinan] {
        assert_api_error(
            &api.post(&path, json!({"peran": "operator_pd", "pd": setda}))
                .await,
            403,
            "forbidden",
        );
    }
    assert_eq!(snapshot(&app.db).await, before);

    let (status, g) = admin
        .post(&path, json!({"peran": "operator_pd", "pd": setda}))
        .await;
    assert_eq!(status, 201, "{g}");
    let gid = g["id"].as_str().unwrap().to_owned();
    // Others may not take it away again; its own admin may.
    for api in [&operator, &pimpinan] {
        assert_api_error(
            &api.call("DELETE", &format!("/peran/{gid}"), None).await,
            403,
            "forbidden",
        );
    }
    assert_eq!(
        admin.call("DELETE", &format!("/peran/{gid}"), None).await.0,
        204
    );

    // Nor may the admin revoke the super admin's role.
    let sup_grants = simpul_store::peran::of(&app.db, pegawai_id(&app.db, SUPER_ADMIN).await)
        .await
        .unwrap();
    let sup_grant = sup_grants
        .iter()
        .find(|g| g.grant.role.code() == "super_admin")
        .unwrap();
    assert_api_error(
        &admin
            .call("DELETE", &format!("/peran/{}", sup_grant.id), None)
            .await,
        403,
        "forbidden",
    );

    // The grant form page: the admin cannot make anyone super admin.
    let s = app.login(ADMIN_SETDA, PASSWORD).await;
    let mid = snapshot(&app.db).await;
    let r = s
        .post_form(
            &format!("/pegawai/{target}/peran"),
            &[("peran", "super_admin"), ("pd", &setda.to_string())],
        )
        .await;
    assert_eq!(r.status(), 403);
    assert_eq!(snapshot(&app.db).await, mid);
}

#[tokio::test]
async fn the_audit_trail_is_for_auditors_leaders_and_the_super_admin() {
    let app = spawn_app().await;
    for (nip, allowed) in [
        (AUDITOR, true),
        (PIMPINAN, true),
        (SUPER_ADMIN, true),
        (OPERATOR_BPKAD, false),
    ] {
        let api = app.api_as(nip).await;
        let got = api.get("/jejak-audit").await;
        if allowed {
            assert_eq!(got.0, 200, "{nip}: {}", got.1);
            assert!(got.1["total"].as_i64().unwrap() > 0, "{nip}");
        } else {
            assert_api_error(&got, 403, "forbidden");
        }
        let s = app.login(nip, PASSWORD).await;
        let page = s.get("/jejak-audit").await;
        assert_eq!(page.status(), if allowed { 200 } else { 403 }, "{nip}");
        let dash = s.get("/dasbor").await.text().await.unwrap();
        assert_eq!(
            dash.contains("href=\"/jejak-audit\""),
            allowed,
            "{nip}: navigation entry"
        );
    }
    // An admin of a PD reads only the entries of their PD.
    let setda = pd_id(&app.db, "SETDA").await.to_string();
    let (status, page) = app.api_as(ADMIN_SETDA).await.get("/jejak-audit").await;
    assert_eq!(status, 200);
    let items = page["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items.iter().all(|e| e["pd"] == setda.as_str()), "{items:?}");
}

#[tokio::test]
async fn pimpinan_changes_nothing() {
    let app = spawn_app().await;
    let api = app.api_as(PIMPINAN).await;
    let s = app.login(PIMPINAN, PASSWORD).await;
    let setda = pd_id(&app.db, "SETDA").await;
    let me = pegawai_id(&app.db, PIMPINAN).await;
    let name = simpul_store::pegawai::get(&app.db, me).await.unwrap().nama;
    let before = snapshot(&app.db).await;

    let person = json!({"nip": "199205142019031002", "nama": "Baru", "pd": setda});
    assert_api_error(&api.post("/pegawai", person).await, 403, "forbidden");
    let edit = json!({"nip": PIMPINAN, "nama": "Nama Lain", "pd": setda});
    assert_api_error(
        &api.put(&format!("/pegawai/{me}"), edit).await,
        403,
        "forbidden",
    );
    let grant = json!({"peran": "super_admin", "pd": setda});
    assert_api_error(
        &api.post(&format!("/pegawai/{me}/peran"), grant).await,
        403,
        "forbidden",
    );

    assert_eq!(s.get("/pegawai/baru").await.status(), 403);
    let form = [
        ("nip", "199205142019031002"),
        ("nama", "Baru"),
        ("pd", &setda.to_string()),
        ("sandi", ""),
    ];
    let r = s.post_form("/pegawai", &form).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Anda tidak berwenang"));
    assert_eq!(
        s.post_form(&format!("/pegawai/{me}"), &form).await.status(),
        403
    );
    assert_eq!(
        s.post_form(
            &format!("/pegawai/{me}/sandi"),
            &[("sandi", "sandi-baru-kuat-sekali")]
        )
        .await
        .status(),
        403
    );
    let add = [
        ("nip", SUPER_ADMIN),
        ("kedudukan", "anggota"),
        ("bidang", ""),
    ];
    assert_eq!(s.post_form("/tim-koordinasi", &add).await.status(), 403);

    assert_eq!(snapshot(&app.db).await, before);
    assert_eq!(
        simpul_store::pegawai::get(&app.db, me).await.unwrap().nama,
        name
    );
}
