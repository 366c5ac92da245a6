//! Conformance on every backend: login sessions (sesi) and API tokens.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)]

mod common;

use common::{assert_one_entry, backends, count, head_seq, pd_a, staff, sys};
use simpul_domain::ids::{PegawaiId, TokenId};
use simpul_store::audit::{self, AuditFilter};
use simpul_store::sesi::Sesi;
use simpul_store::{StoreError, sesi, token};
use uuid::Uuid;

#[tokio::test]
async fn sessions_create_get_touch_delete() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd_a(db).await;
        let p = staff(db, 1, "Satu", a.id).await;
        let seq = head_seq(db).await;
        let (t1, t2, t3) = (
            "2026-11-22T01:00:00.000000Z",
            "2026-11-22T02:00:00.000000Z",
            "2026-11-22T03:00:00.000000Z",
        );

        sesi::create(db, "h1", p.id, "csrf1", t1).await.unwrap();
        sesi::create(db, "h2", p.id, "csrf2", t2).await.unwrap();
        assert_eq!(
            sesi::get(db, "h1").await.unwrap(),
            Some(Sesi {
                pegawai: p.id,
                csrf: "csrf1".into(),
                terakhir: t1.into()
            }),
            "[{name}] get"
        );
        assert_eq!(
            sesi::get(db, "nope").await.unwrap(),
            None,
            "[{name}] unknown session"
        );
        let e = sesi::create(db, "h3", PegawaiId(Uuid::now_v7()), "c", t1).await;
        assert!(
            matches!(e, Err(StoreError::MissingReference)),
            "[{name}] session of unknown person: {e:?}"
        );

        sesi::touch(db, "h1", t3).await.unwrap();
        assert_eq!(
            sesi::get(db, "h1").await.unwrap().unwrap().terakhir,
            t3,
            "[{name}] touched"
        );
        // h2 (last active t2) is idle before the cutoff; h1 (touched at t3) is not.
        assert_eq!(
            sesi::delete_idle(db, "2026-11-22T02:30:00.000000Z")
                .await
                .unwrap(),
            1,
            "[{name}] idle deleted"
        );
        assert_eq!(
            sesi::get(db, "h2").await.unwrap(),
            None,
            "[{name}] idle gone"
        );
        assert!(
            sesi::get(db, "h1").await.unwrap().is_some(),
            "[{name}] active kept"
        );
        sesi::delete(db, "h1").await.unwrap();
        assert_eq!(sesi::get(db, "h1").await.unwrap(), None, "[{name}] deleted");
        assert_eq!(count(db, "sesi").await, 0, "[{name}] none left");
        assert_eq!(head_seq(db).await, seq, "[{name}] sessions are not audited");
    }
}

#[tokio::test]
async fn api_tokens_create_authenticate_revoke() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd_a(db).await;
        let p = staff(db, 1, "Satu", a.id).await;
        let mut seq = head_seq(db).await;

        let t = token::create(db, &sys(), p.id, "integrasi-sipd", "th1")
            .await
            .unwrap();
        let id = t.to_string();
        seq = assert_one_entry(name, db, seq, "token.dibuat", "api_token", Some(&id), None).await;
        let last = audit::list(db, &AuditFilter::default(), 1, 0)
            .await
            .unwrap();
        assert!(
            !last.entries[0].fields.detail.contains("th1"),
            "[{name}] token hash not audited"
        );

        assert_eq!(
            token::authenticate(db, "th1").await.unwrap(),
            Some(p.id),
            "[{name}] authenticates"
        );
        assert_eq!(
            token::authenticate(db, "nope").await.unwrap(),
            None,
            "[{name}] unknown token"
        );
        assert_eq!(
            count(db, "api_token WHERE terakhir_dipakai IS NOT NULL").await,
            1,
            "[{name}] use recorded"
        );
        assert_eq!(
            head_seq(db).await,
            seq,
            "[{name}] authentication is not audited"
        );

        let e = token::create(db, &sys(), p.id, "lain", "th1").await;
        assert!(
            matches!(e, Err(StoreError::Conflict("token"))),
            "[{name}] duplicate token hash: {e:?}"
        );
        assert_eq!(head_seq(db).await, seq, "[{name}] failure not audited");

        token::revoke(db, &sys(), t).await.unwrap();
        seq = assert_one_entry(name, db, seq, "token.dicabut", "api_token", Some(&id), None).await;
        assert_eq!(
            token::authenticate(db, "th1").await.unwrap(),
            None,
            "[{name}] revoked no longer authenticates"
        );
        let e = token::revoke(db, &sys(), t).await;
        assert!(
            matches!(e, Err(StoreError::NotFound)),
            "[{name}] revoke twice: {e:?}"
        );
        let e = token::revoke(db, &sys(), TokenId(Uuid::now_v7())).await;
        assert!(
            matches!(e, Err(StoreError::NotFound)),
            "[{name}] revoke unknown: {e:?}"
        );
        assert_eq!(
            head_seq(db).await,
            seq,
            "[{name}] failed revokes not audited"
        );
    }
}
