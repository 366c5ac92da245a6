//! The evaluation models API and the index calculator: exact results for hand-computed
//! cases, predicate boundaries, every bad input with its code, 404, 400 and 401.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use serde_json::{Value, json};

const SPBE: &str = "/evaluation/models/spbe-2020/compute";
const PEMDI: &str = "/evaluation/models/pemdi-2026/compute";

/// `{"levels": {...}}` with `level` for indicators `from..=to` of each range.
fn levels(ranges: &[(u32, u32, Value)]) -> Value {
    let mut m = serde_json::Map::new();
    for (from, to, v) in ranges {
        for n in *from..=*to {
            m.insert(n.to_string(), v.clone());
        }
    }
    json!({ "levels": m })
}

/// The index of the part with this code in `aspects` or `domains`.
fn part<'a>(r: &'a Value, list: &str, code: &str) -> &'a Value {
    r[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {list}"))
}

#[tokio::test]
async fn every_level_three_gives_three_everywhere() {
    let app = spawn_app().await;
    let api = app.api_as(OPERATOR_BPKAD).await;
    let (st, r) = api.post(SPBE, levels(&[(1, 47, json!(3))])).await;
    assert_eq!(st, 200, "{r}");
    assert_eq!(
        (r["index"].as_str(), r["index_exact"].as_str()),
        (Some("3.00"), Some("3/1"))
    );
    assert_eq!(r["predicate"], "Baik");
    assert_eq!(
        (r["complete"].as_bool(), r["assumed"].clone()),
        (Some(true), json!([]))
    );
    assert_eq!(
        r["model"],
        json!({"code": "spbe-2020", "name": "Evaluasi SPBE", "index_name": "Indeks SPBE", "provisional": false})
    );
    assert_eq!(r["aspects"].as_array().unwrap().len(), 8);
    assert_eq!(r["domains"].as_array().unwrap().len(), 4);
    for p in r["aspects"]
        .as_array()
        .unwrap()
        .iter()
        .chain(r["domains"].as_array().unwrap())
    {
        assert_eq!(
            (p["index"].as_str(), p["index_exact"].as_str()),
            (Some("3.00"), Some("3/1")),
            "{p}"
        );
    }
    assert_eq!(part(&r, "aspects", "A2")["weight"], "10.00");
    assert_eq!(part(&r, "aspects", "A2")["domain"], "D2");
    assert_eq!(part(&r, "domains", "D3")["weight"], "16.50");

    // pemdi-2026 (aspects only, provisional) the same way.
    let (st, r) = api.post(PEMDI, levels(&[(1, 20, json!("3"))])).await;
    assert_eq!(st, 200, "{r}");
    assert_eq!(
        (r["index"].as_str(), r["predicate"].as_str()),
        (Some("3.00"), Some("Baik"))
    );
    assert_eq!(r["model"]["provisional"], true);
    assert_eq!(
        (r["aspects"].as_array().unwrap().len(), r["domains"].clone()),
        (7, json!([]))
    );
}

#[tokio::test]
async fn a_mixed_evaluation_matches_the_hand_computation() {
    let app = spawn_app().await;
    let api = app.api_as(OPERATOR_BPKAD).await;
    // Σ(w × level): A1 13×2 = 26; A2 10×3 = 30; A3 7,5×4 + 2,5×2 = 35; A4 missing, 5×1;
    // A5 12×2 = 24; A6 4,5×3 = 13,5; A7 27,5×4 = 110; A8 18×3 = 54; Σ = 297,5.
    let body = levels(&[
        (1, 10, json!(2)),
        (11, 14, json!(3)),
        (15, 17, json!(4)),
        (18, 18, json!("2")),
        (21, 28, json!(2)),
        (29, 31, json!(3)),
        (32, 41, json!(4)),
        (42, 47, json!(3)),
    ]);
    let (st, r) = api.post(SPBE, body).await;
    assert_eq!(st, 200, "{r}");
    assert_eq!(
        (r["index"].as_str(), r["index_exact"].as_str()),
        (Some("2.98"), Some("119/40"))
    );
    assert_eq!(r["predicate"], "Baik");
    assert_eq!(
        (r["complete"].as_bool(), r["assumed"].clone()),
        (Some(false), json!([19, 20]))
    );
    let idx = |list: &str, code: &str| {
        let p = part(&r, list, code);
        (
            p["index"].as_str().unwrap().to_owned(),
            p["index_exact"].as_str().unwrap().to_owned(),
        )
    };
    assert_eq!(idx("aspects", "A3"), ("3.50".into(), "7/2".into()));
    assert_eq!(idx("aspects", "A4"), ("1.00".into(), "1/1".into()));
    assert_eq!(idx("domains", "D2"), ("2.80".into(), "14/5".into()));
    // 37,5 / 16,5 and 164 / 45,5: rounded only for display.
    assert_eq!(idx("domains", "D3"), ("2.27".into(), "25/11".into()));
    assert_eq!(idx("domains", "D4"), ("3.60".into(), "328/91".into()));

    // What-if: the heaviest raises first (weight 3,00 gains 0.03, 2,50 gains 0.025).
    let s = r["suggestions"].as_array().unwrap();
    assert_eq!(s.len(), 47);
    assert_eq!(
        (
            s[0]["indicator"].as_u64(),
            s[0]["from"].as_u64(),
            s[0]["to"].as_u64()
        ),
        (Some(42), Some(3), Some(4))
    );
    assert_eq!(s[0]["gain"], "0.03");
    let s18 = s.iter().find(|x| x["indicator"] == 18).unwrap();
    assert_eq!(
        (s18["gain"].as_str(), s18["level_name"].as_str()),
        (Some("0.025"), Some("Terdefinisi"))
    );
    assert_eq!(
        s.iter().find(|x| x["indicator"] == 19).unwrap()["assumed"],
        true
    );
    // To "Sangat Baik" (3,50): the twelve raises of 42-47 (+0,36), then six of 32-41
    // (+0,165): exactly 3,50.
    let next = &r["next_predicate"];
    assert_eq!(
        (
            next["predicate"].as_str(),
            next["min"].as_str(),
            next["index"].as_str()
        ),
        (Some("Sangat Baik"), Some("3.50"), Some("3.50"))
    );
    assert_eq!(next["steps"].as_array().unwrap().len(), 18);
}

#[tokio::test]
async fn predicates_change_exactly_at_their_limit() {
    let app = spawn_app().await;
    let api = app.api_as(OPERATOR_BPKAD).await;
    // All at 4, then weight 20 raised to 5: 4 + 20/100 = 4,20 exactly, "Memuaskan".
    let at = levels(&[
        (1, 11, json!(5)),
        (12, 28, json!(4)),
        (29, 31, json!(5)),
        (32, 47, json!(4)),
    ]);
    let (st, r) = api.post(SPBE, at).await;
    assert_eq!(st, 200, "{r}");
    assert_eq!(
        (
            r["index"].as_str(),
            r["index_exact"].as_str(),
            r["predicate"].as_str()
        ),
        (Some("4.20"), Some("21/5"), Some("Memuaskan"))
    );
    assert!(r["next_predicate"].is_null(), "already the highest band");
    // Weight 19,75 raised: 4,1975 shows as 4.20 but is below the limit.
    let below = levels(&[
        (1, 11, json!(5)),
        (12, 20, json!(4)),
        (21, 21, json!(5)),
        (22, 31, json!(4)),
        (32, 32, json!(5)),
        (33, 47, json!(4)),
    ]);
    let (_, r) = api.post(SPBE, below).await;
    assert_eq!(
        (
            r["index"].as_str(),
            r["index_exact"].as_str(),
            r["predicate"].as_str()
        ),
        (Some("4.20"), Some("1679/400"), Some("Sangat Baik"))
    );
    let next = &r["next_predicate"];
    assert_eq!(
        (
            next["predicate"].as_str(),
            next["steps"].as_array().unwrap().len()
        ),
        (Some("Memuaskan"), 1)
    );
    // Nothing given: every indicator at 1, the lowest band, every one assumed.
    let (_, r) = api.post(SPBE, json!({"levels": {}})).await;
    assert_eq!(
        (r["index"].as_str(), r["predicate"].as_str()),
        (Some("1.00"), Some("Kurang"))
    );
    assert_eq!(r["assumed"].as_array().unwrap().len(), 47);
}

#[tokio::test]
async fn external_values_take_two_decimals_with_comma_or_point() {
    let app = spawn_app().await;
    let api = app.api_as(OPERATOR_BPKAD).await;
    // Σ = 100 (all at 1) + 5×2 (ind. 1 at 3) + 5×2,45 (ind. 5) + 3×3,10 (ind. 6) = 131,55.
    let (st, r) = api
        .post(PEMDI, json!({"levels": {"1": 3, "5": "3,45", "6": 4.1}}))
        .await;
    assert_eq!(st, 200, "{r}");
    assert_eq!(
        (
            r["index"].as_str(),
            r["index_exact"].as_str(),
            r["predicate"].as_str()
        ),
        (Some("1.32"), Some("2631/2000"), Some("Kurang"))
    );
    // Aspect "Data" (15): 5×3,45 + 3×4,10 + 3 + 4 = 36,55.
    let data = r["aspects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"].as_str().unwrap().starts_with("Data"))
        .unwrap();
    assert_eq!(data["index"], "2.44");
    // External indicators are not suggested: the region does not score them.
    let s: Vec<u64> = r["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["indicator"].as_u64().unwrap())
        .collect();
    assert!(!s.iter().any(|n| [5, 6, 7, 10].contains(n)), "{s:?}");
}

#[tokio::test]
async fn every_bad_value_is_named_with_its_code() {
    let app = spawn_app().await;
    let api = app.api_as(OPERATOR_BPKAD).await;
    let body = json!({"levels": {
        "1": 0, "2": 6, "99": 3, "3": 3.5, "4": "tiga", "5": true, "abc": 2, "6": "", "7": [3], "8": -1
    }});
    let got = api.post(SPBE, body).await;
    let fields = assert_api_error(&got, 422, "validation_failed");
    let expected = [
        ("levels.1", "level_di_luar_rentang"),
        ("levels.2", "level_di_luar_rentang"),
        ("levels.99", "indikator_tidak_dikenal"),
        ("levels.3", "nilai_desimal_bukan_eksternal"),
        ("levels.4", "nilai_bukan_angka"),
        ("levels.5", "nilai_bukan_angka"),
        ("levels.abc", "indikator_tidak_dikenal"),
        ("levels.6", "nilai_kosong"),
        ("levels.7", "nilai_bukan_angka"),
        ("levels.8", "nilai_bukan_angka"),
    ];
    for (field, code) in expected {
        assert_eq!(field_codes(&fields, field), [code], "{field}: {fields}");
    }
    assert_eq!(
        fields.as_object().unwrap().len(),
        expected.len(),
        "{fields}"
    );
    // Messages are in Bahasa Indonesia.
    assert!(
        fields["levels.2"][0]["pesan"]
            .as_str()
            .unwrap()
            .contains("di luar rentang")
    );

    // External values: range and decimals.
    let got = api
        .post(
            PEMDI,
            json!({"levels": {"5": "5,5", "6": 3.456, "7": "0,99", "1": "3,00"}}),
        )
        .await;
    let fields = assert_api_error(&got, 422, "validation_failed");
    assert_eq!(field_codes(&fields, "levels.5"), ["nilai_di_luar_rentang"]);
    assert_eq!(field_codes(&fields, "levels.6"), ["lebih_dua_desimal"]);
    assert_eq!(field_codes(&fields, "levels.7"), ["nilai_di_luar_rentang"]);
    assert!(
        fields.get("levels.1").is_none(),
        "3,00 on a self-assessed indicator is level 3"
    );
    assert_eq!(api.post(PEMDI, json!({"levels": {"21": 1}})).await.0, 422);
}

#[tokio::test]
async fn unknown_models_malformed_bodies_and_strangers_are_refused() {
    let app = spawn_app().await;
    let api = app.api_as(OPERATOR_BPKAD).await;
    let got = api
        .post(
            "/evaluation/models/spbe-1999/compute",
            json!({"levels": {}}),
        )
        .await;
    let fields = assert_api_error(&got, 404, "not_found");
    assert_eq!(field_codes(&fields, "model"), ["model_tidak_dikenal"]);
    assert!(
        got.1["message"]
            .as_str()
            .unwrap()
            .contains("spbe-2020, pemdi-2026")
    );
    let got = api.get("/evaluation/models/spbe-1999").await;
    assert_eq!(
        field_codes(&assert_api_error(&got, 404, "not_found"), "model"),
        ["model_tidak_dikenal"]
    );

    for body in [
        json!([1, 2]),
        json!({}),
        json!({"levels": [3, 3]}),
        json!({"levels": {}, "lain": 1}),
    ] {
        assert_api_error(&api.post(SPBE, body.clone()).await, 400, "malformed_json");
    }
    let raw = app.base.clone();
    let token = app.token_for(OPERATOR_BPKAD).await;
    let r = client()
        .post(format!("{raw}/api/v1{SPBE}"))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body("{\"levels\": {\"1\": 3")
        .send()
        .await
        .unwrap();
    assert_api_error(&json_of(r).await, 400, "malformed_json");

    let anon = app.anonymous_api();
    assert_api_error(
        &anon.post(SPBE, json!({"levels": {}})).await,
        401,
        "unauthenticated",
    );
    assert_api_error(
        &anon.get("/evaluation/models").await,
        401,
        "unauthenticated",
    );
    assert_api_error(
        &anon.get("/evaluation/models/spbe-2020").await,
        401,
        "unauthenticated",
    );
}

#[tokio::test]
async fn a_browser_session_may_compute_too() {
    let app = spawn_app().await;
    let s = app.login(AUDITOR, PASSWORD).await;
    let (st, r) = s.api().post(PEMDI, levels(&[(1, 20, json!(5))])).await;
    assert_eq!(
        (st, r["index"].as_str(), r["predicate"].as_str()),
        (200, Some("5.00"), Some("Memuaskan")),
        "{r}"
    );
    assert!(r["next_predicate"].is_null() && r["suggestions"] == json!([]));
}

#[tokio::test]
async fn the_models_are_listed_and_described_in_the_regions_wording() {
    let app = spawn_app().await;
    let api = app.api_as(OPERATOR_BPKAD).await;
    let (st, list) = api.get("/evaluation/models").await;
    assert_eq!(st, 200, "{list}");
    let codes: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["spbe-2020", "pemdi-2026"]);
    assert_eq!(list[0]["indicators"], 47);
    assert_eq!(
        (list[0]["year_from"].as_i64(), list[0]["year_to"].as_i64()),
        (Some(2018), Some(2025))
    );
    assert_eq!(
        (list[0]["domains"].as_u64(), list[0]["aspects"].as_u64()),
        (Some(4), Some(8))
    );
    assert_eq!(
        (
            list[1]["provisional"].as_bool(),
            list[1]["indicators"].as_u64()
        ),
        (Some(true), Some(20))
    );
    assert!(list[1]["year_to"].is_null());
    assert!(
        list[1]["legal_basis"]
            .as_str()
            .unwrap()
            .contains("Nomor 8 Tahun 2026")
    );

    let actor = simpul_store::Actor::sistem();
    simpul_store::evaluasi::kriteria::set(
        &app.db,
        &actor,
        "spbe-2020",
        18,
        3,
        Some("Rumusan resmi level 3."),
    )
    .await
    .unwrap();
    let (st, m) = api.get("/evaluation/models/spbe-2020").await;
    assert_eq!(st, 200, "{m}");
    let ind = m["indicators"].as_array().unwrap();
    assert_eq!(ind.len(), 47);
    assert_eq!(
        (ind[0]["weight"].as_str(), ind[0]["aspect"].as_str()),
        (Some("1.30"), Some("A1"))
    );
    assert_eq!(ind[17]["criteria"][2], "Rumusan resmi level 3.");
    assert_eq!(ind[17]["level_names"][2], "Terdefinisi");
    assert_eq!(ind[41]["level_names"][2], "Transaksi");
    assert_eq!(ind[17]["evidence"].as_array().unwrap().len(), 5);
    assert_eq!(
        m["predicates"][0],
        json!({"name": "Memuaskan", "min": "4.20"})
    );
    assert!(m["provenance"].as_str().unwrap().len() > 50);

    let (_, p) = api.get("/evaluation/models/pemdi-2026").await;
    let first = &p["indicators"][0];
    assert_eq!(first["evidence_from"][0]["model"], "spbe-2020");
    assert!(
        first["evidence_from"][0]["indicators"]
            .as_array()
            .unwrap()
            .contains(&json!(11))
    );
    assert!(
        !first["evidence_from"][0]["reason"]
            .as_str()
            .unwrap()
            .is_empty()
    );
    let ext = &p["indicators"][4];
    assert_eq!(
        (
            ext["external"].as_bool(),
            ext["external_source"].is_string()
        ),
        (Some(true), true)
    );
    // The other model's criteria stay as shipped.
    let (_, again) = api.get("/evaluation/models/spbe-2020").await;
    assert_ne!(
        again["indicators"][17]["criteria"][1],
        "Rumusan resmi level 3."
    );
}
