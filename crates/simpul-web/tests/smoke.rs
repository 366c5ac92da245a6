//! The harness works: the demo logs in and sees the dashboard.

mod common;

use common::*;

#[tokio::test]
async fn super_admin_sees_the_dashboard() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let resp = s.get("/dasbor").await;
    assert_eq!(resp.status(), 200);
    let body = resp.text().await.unwrap();
    assert!(body.contains("Kabupaten Tanah Bumbu"));
    assert!(body.contains("Dasbor SPBE"));
}
