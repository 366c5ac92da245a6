//! Detail pages show a record's recent changes to those who may read its audit trail,
//! and the API filters the trail by record.

mod common;

use common::*;

#[tokio::test]
async fn pd_and_staff_pages_show_their_history_to_auditors_only() {
    let app = spawn_app().await;
    let admin = app.login(SUPER_ADMIN, PASSWORD).await;
    let dinkes = pd_id(&app.db, "DINKES").await;
    let resp = admin
        .post_form(
            &format!("/pd/{dinkes}"),
            &[
                ("kode", "DINKES"),
                ("nama", "Dinas Kesehatan dan KB"),
                ("singkatan", "Dinkes"),
                ("jenis", "dinas"),
                ("induk", ""),
            ],
        )
        .await;
    assert_eq!(resp.status(), 303);

    let page = admin
        .get(&format!("/pd/{dinkes}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Riwayat perubahan"), "history section");
    assert!(page.contains("PD diubah"), "the edit is listed");
    assert!(page.contains("Dinas Kesehatan dan KB"));

    let auditor = app.login(AUDITOR, PASSWORD).await;
    let page = auditor
        .get(&format!("/pd/{dinkes}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("PD diubah"), "auditors read the history");

    let operator = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let bpkad = pd_id(&app.db, "BPKAD").await;
    let page = operator
        .get(&format!("/pd/{bpkad}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !page.contains("Riwayat perubahan"),
        "operators do not read the trail"
    );

    let me = pegawai_id(&app.db, OPERATOR_BPKAD).await;
    let page = admin
        .get(&format!("/pegawai/{me}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Pegawai ditambahkan"),
        "creation is in the person's history"
    );
    assert!(
        page.contains("Peran diberikan"),
        "grants are in the person's history"
    );
}

#[tokio::test]
async fn the_api_filters_the_trail_by_record() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let dinkes = pd_id(&app.db, "DINKES").await;
    let (status, body) = api
        .get(&format!("/jejak-audit?entitas=pd&entitas_id={dinkes}"))
        .await;
    assert_eq!(status, 200, "{body}");
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "only the creation of DINKES: {body}");
    assert_eq!(items[0]["entity_id"], dinkes.to_string());
    assert_eq!(items[0]["action"], "pd.dibuat");
}
