//! The bus control plane's OpenAPI description checked against the real server: every
//! response of a whole flow (good and bad inputs, the wrong people) has its status
//! documented for that operation, and its body matches the documented schema field for
//! field (no undocumented field, every required one, types, enums, formats); an error's
//! `error` code is one the operation lists, and each field problem code is in its
//! `x-kode-kolom`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::{Value, json};

const ADMIN_BPKAD: &str = "198609262015051901";
const ADMIN_KOMINFO: &str = "198609262015051902";

/// A schema with its `$ref` followed.
fn resolve<'a>(doc: &'a Value, s: &'a Value) -> &'a Value {
    match s["$ref"].as_str() {
        Some(r) => {
            let name = r.trim_start_matches("#/components/schemas/");
            resolve(doc, &doc["components"]["schemas"][name])
        }
        None => s,
    }
}

/// The properties an object schema declares, through `allOf` and `$ref`.
fn declared(doc: &Value, s: &Value, out: &mut BTreeSet<String>) {
    let s = resolve(doc, s);
    if let Some(p) = s["properties"].as_object() {
        out.extend(p.keys().cloned());
    }
    for part in s["allOf"].as_array().into_iter().flatten() {
        declared(doc, part, out);
    }
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        "null" => v.is_null(),
        _ => false,
    }
}

/// Problems of value `v` against schema `s` (the subset of JSON Schema the document
/// uses; `pattern` is not checked). `strict`: an object may hold only declared fields.
fn check(doc: &Value, s: &Value, v: &Value, at: &str, strict: bool, errs: &mut Vec<String>) {
    let s = resolve(doc, s);
    if let Some(parts) = s["allOf"].as_array() {
        for part in parts {
            check(doc, part, v, at, false, errs);
        }
    }
    if let Some(alts) = s["anyOf"].as_array() {
        let ok = alts.iter().any(|a| {
            let mut e = Vec::new();
            check(doc, a, v, at, strict, &mut e);
            e.is_empty()
        });
        if !ok {
            errs.push(format!("{at}: {v} matches no anyOf branch"));
        }
    }
    if let Some(e) = s["enum"].as_array()
        && !e.contains(v)
    {
        errs.push(format!("{at}: {v} not in {e:?}"));
    }
    match &s["type"] {
        Value::String(t) if !type_ok(t, v) => errs.push(format!("{at}: {v} is not {t}")),
        _ => {}
    }
    match (s["format"].as_str(), v.as_str()) {
        (Some("uuid"), Some(x)) if uuid::Uuid::parse_str(x).is_err() => {
            errs.push(format!("{at}: {x} is not a uuid"));
        }
        (Some("date-time"), Some(x))
            if time::OffsetDateTime::parse(x, &time::format_description::well_known::Rfc3339)
                .is_err() =>
        {
            errs.push(format!("{at}: {x} is not RFC 3339"));
        }
        _ => {}
    }
    if let Some(a) = v.as_array() {
        let n = a.len() as u64;
        if s["minItems"].as_u64().is_some_and(|m| n < m)
            || s["maxItems"].as_u64().is_some_and(|m| n > m)
        {
            errs.push(format!("{at}: {n} items"));
        }
        let prefix = s["prefixItems"].as_array();
        for (i, item) in a.iter().enumerate() {
            let sub = prefix.and_then(|p| p.get(i)).unwrap_or(&s["items"]);
            if !sub.is_null() {
                check(doc, sub, item, &format!("{at}[{i}]"), true, errs);
            }
        }
    }
    if let (Some(min), Some(x)) = (s["minimum"].as_i64(), v.as_i64())
        && x < min
    {
        errs.push(format!("{at}: {x} < {min}"));
    }
    if let (Some(max), Some(x)) = (s["maximum"].as_i64(), v.as_i64())
        && x > max
    {
        errs.push(format!("{at}: {x} > {max}"));
    }
    let Some(o) = v.as_object() else { return };
    for r in s["required"].as_array().into_iter().flatten() {
        let r = r.as_str().unwrap();
        if !o.contains_key(r) {
            errs.push(format!("{at}: required {r} missing"));
        }
    }
    if let Some(p) = s["properties"].as_object() {
        for (k, sub) in p {
            if let Some(x) = o.get(k) {
                check(doc, sub, x, &format!("{at}.{k}"), true, errs);
            }
        }
    }
    let mut known = BTreeSet::new();
    declared(doc, s, &mut known);
    if strict && !known.is_empty() {
        for k in o.keys().filter(|k| !known.contains(*k)) {
            errs.push(format!("{at}: undocumented field {k}"));
        }
    }
}

/// The document and a counter of the checked (operation, status) pairs.
struct Doc {
    doc: Value,
    seen: std::sync::Mutex<BTreeSet<(String, String, u16)>>,
}

impl Doc {
    fn new() -> Self {
        Self {
            doc: simpul_web::api::openapi::build(),
            seen: Default::default(),
        }
    }

    /// Call `method template` (with `{id}` = `id`) and check the answer against the
    /// document; the status and body.
    async fn call(
        &self,
        api: &Api,
        method: &str,
        template: &str,
        id: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value) {
        let path = template.replace("{id}", id.unwrap_or(""));
        let (status, v) = api.call(method, &path, body).await;
        let m = method.to_lowercase();
        let op = &self.doc["paths"][template][&m];
        assert!(op.is_object(), "{method} {template} undocumented");
        let resp = &op["responses"][status.to_string()];
        assert!(
            resp.is_object(),
            "{method} {template}: status {status} undocumented: {v}"
        );
        self.seen
            .lock()
            .unwrap()
            .insert((m.clone(), template.to_owned(), status));
        let schema = &resp["content"]["application/json"]["schema"];
        if schema.is_null() {
            assert!(v.is_null(), "{method} {template} {status}: body {v}");
        } else {
            let mut errs = Vec::new();
            check(&self.doc, schema, &v, "$", true, &mut errs);
            assert!(
                errs.is_empty(),
                "{method} {template} {status}: {errs:#?}\n{v}"
            );
        }
        if status >= 400 {
            let kolom = &resp["x-kode-kolom"];
            for (field, problems) in v["fields"].as_object().unwrap() {
                for p in problems.as_array().unwrap() {
                    let kode = &p["kode"];
                    assert!(
                        kolom[field].as_array().is_some_and(|k| k.contains(kode)),
                        "{method} {template} {status}: {field} {kode} not in x-kode-kolom {kolom}"
                    );
                }
            }
        }
        (status, v)
    }
}

fn openapi() -> Value {
    json!({"openapi": "3.0.3", "info": {"title": "Data Pegawai", "version": "1.0"},
           "paths": {"/pegawai/{nip}": {"get": {"operationId": "ambil", "summary": "Satu pegawai"}}}})
}

fn service(pd: &str) -> Value {
    json!({"pd": pd, "kode": "pegawai", "versi": "v1", "nama": "Data Pegawai",
           "url_hulu": "http://127.0.0.1:9/api", "klasifikasi": "terbatas",
           "nik_response": "nik", "openapi": openapi()})
}

#[tokio::test]
async fn every_bus_response_matches_the_document() {
    let app = spawn_app().await;
    admin_of(&app, ADMIN_BPKAD, "BPKAD").await;
    admin_of(&app, ADMIN_KOMINFO, "DISKOMINFO").await;
    let setda = app.api_as(ADMIN_SETDA).await;
    let bpkad = app.api_as(ADMIN_BPKAD).await;
    let dinas = app.api_as(ADMIN_KOMINFO).await;
    let sa = app.api_as(SUPER_ADMIN).await;
    let setda_id = pd_id(&app.db, "SETDA").await.to_string();
    let bpkad_id = pd_id(&app.db, "BPKAD").await.to_string();
    let nobody = uuid::Uuid::now_v7().to_string();
    let d = Doc::new();
    let none = None;

    // Services.
    let (s, _) = d.call(&setda, "GET", "/bus/layanan", none, None).await;
    assert_eq!(s, 200);
    let mut bad = service(&setda_id);
    for (k, v) in [
        ("kode", json!("1x")),
        ("versi", json!("1.0")),
        ("nama", json!("")),
        ("url_hulu", json!("http://u:p@10.0.0.1")),
        ("klasifikasi", json!("sangat_rahasia")),
        ("nik_query", json!("ni k$")),
        ("openapi", json!({"swagger": "2.0"})),
    ] {
        bad[k] = v;
    }
    let (s, b) = d
        .call(&setda, "POST", "/bus/layanan", none, Some(bad))
        .await;
    assert_eq!((s, b["fields"].as_object().unwrap().len()), (422, 7), "{b}");
    let mut no_pd = service(&setda_id);
    no_pd["pd"] = json!(nobody);
    let (s, b) = d.call(&sa, "POST", "/bus/layanan", none, Some(no_pd)).await;
    assert_eq!((s, b["error"].as_str()), (422, Some("unknown_reference")));
    let (s, _) = d
        .call(
            &bpkad,
            "POST",
            "/bus/layanan",
            none,
            Some(service(&setda_id)),
        )
        .await;
    assert_eq!(s, 403);
    let (s, svc) = d
        .call(
            &setda,
            "POST",
            "/bus/layanan",
            none,
            Some(service(&setda_id)),
        )
        .await;
    assert_eq!(s, 201);
    let sid = svc["id"].as_str().unwrap().to_owned();
    let (s, _) = d
        .call(
            &setda,
            "POST",
            "/bus/layanan",
            none,
            Some(service(&setda_id)),
        )
        .await;
    assert_eq!(s, 409);
    let one = Some(sid.as_str());
    let (s, detail) = d.call(&bpkad, "GET", "/bus/layanan/{id}", one, None).await;
    assert_eq!((s, detail["operasi"].as_array().unwrap().len()), (200, 1));
    let (s, _) = d
        .call(&bpkad, "GET", "/bus/layanan/{id}", Some(&nobody), None)
        .await;
    assert_eq!(s, 404);
    let edit = json!({"nama": "Data Pegawai ASN", "url_hulu": "http://127.0.0.1:9/v2", "klasifikasi": "biasa"});
    let (s, _) = d
        .call(&bpkad, "PUT", "/bus/layanan/{id}", one, Some(edit.clone()))
        .await;
    assert_eq!(s, 403);
    let (s, b) = d
        .call(
            &setda,
            "PUT",
            "/bus/layanan/{id}",
            one,
            Some(json!({"url_hulu": "ftp://x"})),
        )
        .await;
    assert_eq!(s, 422, "{b}");
    let (s, _) = d
        .call(&setda, "PUT", "/bus/layanan/{id}", one, Some(edit))
        .await;
    assert_eq!(s, 200);
    let putusan = "/bus/layanan/{id}/putusan";
    let (s, _) = d
        .call(
            &setda,
            "POST",
            putusan,
            one,
            Some(json!({"putusan": "setujui"})),
        )
        .await;
    assert_eq!(s, 403);
    let (s, _) = d
        .call(
            &dinas,
            "POST",
            putusan,
            Some(&nobody),
            Some(json!({"putusan": "setujui"})),
        )
        .await;
    assert_eq!(s, 404);
    for body in [json!({"putusan": "tolak"}), json!({"putusan": "hapus"})] {
        let (s, _) = d.call(&dinas, "POST", putusan, one, Some(body)).await;
        assert_eq!(s, 422);
    }
    for (p, status) in [
        ("setujui", "aktif"),
        ("nonaktifkan", "nonaktif"),
        ("aktifkan", "aktif"),
    ] {
        let (s, l) = d
            .call(
                &dinas,
                "POST",
                putusan,
                one,
                Some(json!({"putusan": p, "catatan": "aman"})),
            )
            .await;
        assert_eq!((s, l["status"].as_str()), (200, Some(status)));
    }
    let (s, b) = d
        .call(
            &dinas,
            "POST",
            putusan,
            one,
            Some(json!({"putusan": "setujui"})),
        )
        .await;
    assert_eq!(
        field_codes(&b["fields"], "putusan"),
        vec!["status_tidak_sesuai"]
    );
    assert_eq!(s, 422);

    // Consumers and credentials.
    let konsumen =
        json!({"pd": bpkad_id, "kode": "bpkad-simda", "nama": "SIMDA", "aplikasi": "SIMDA"});
    let (s, _) = d
        .call(
            &setda,
            "POST",
            "/bus/konsumen",
            none,
            Some(konsumen.clone()),
        )
        .await;
    assert_eq!(s, 403);
    let (s, _) = d
        .call(
            &bpkad,
            "POST",
            "/bus/konsumen",
            none,
            Some(json!({"pd": bpkad_id, "kode": "-"})),
        )
        .await;
    assert_eq!(s, 422);
    let (s, k) = d
        .call(
            &bpkad,
            "POST",
            "/bus/konsumen",
            none,
            Some(konsumen.clone()),
        )
        .await;
    assert_eq!(s, 201);
    let (s, _) = d
        .call(&bpkad, "POST", "/bus/konsumen", none, Some(konsumen))
        .await;
    assert_eq!(s, 409);
    let kid = k["id"].as_str().unwrap().to_owned();
    let kone = Some(kid.as_str());
    let terbit = "/bus/konsumen/{id}/kredensial";
    let (s, _) = d
        .call(
            &bpkad,
            "POST",
            terbit,
            kone,
            Some(json!({"jenis": "sertifikat"})),
        )
        .await;
    assert_eq!(s, 422);
    let (s, _) = d
        .call(
            &setda,
            "POST",
            terbit,
            kone,
            Some(json!({"jenis": "api_key"})),
        )
        .await;
    assert_eq!(s, 403);
    let (s, key) = d
        .call(
            &bpkad,
            "POST",
            terbit,
            kone,
            Some(json!({"jenis": "api_key"})),
        )
        .await;
    assert_eq!(s, 201);
    let rahasia = key["rahasia"].as_str().unwrap();
    assert!(
        rahasia.starts_with("sbk_") && rahasia.len() == 68,
        "{rahasia}"
    );
    assert_eq!(key["kredensial"]["petunjuk"].as_str(), Some(&rahasia[..8]));
    let (s, oauth) = d
        .call(
            &bpkad,
            "POST",
            terbit,
            kone,
            Some(json!({"jenis": "oauth"})),
        )
        .await;
    assert_eq!(s, 201);
    assert!(
        oauth["kredensial"]["client_id"]
            .as_str()
            .unwrap()
            .starts_with("bpkad-simda-")
    );
    let (s, detail) = d
        .call(&setda, "GET", "/bus/konsumen/{id}", kone, None)
        .await;
    assert_eq!(
        (s, detail["kredensial"].as_array().unwrap().len()),
        (200, 2)
    );
    assert!(!detail.to_string().contains(rahasia));
    let (s, _) = d.call(&setda, "GET", "/bus/konsumen", none, None).await;
    assert_eq!(s, 200);

    // Grants.
    let until = (time::OffsetDateTime::now_utc() + time::Duration::days(60)).date();
    let grant = json!({"konsumen": kid, "layanan": sid, "tujuan": "rekonsiliasi gaji",
                       "dasar_hukum": "PP 94/2021",
                       "berlaku_sampai": simpul_store::bus::izin::tanggal_text(until)});
    let mut late = grant.clone();
    late["berlaku_sampai"] = json!("2020-01-01");
    let (s, _) = d.call(&bpkad, "POST", "/bus/izin", none, Some(late)).await;
    assert_eq!(s, 422);
    let mut unknown = grant.clone();
    unknown["layanan"] = json!(nobody);
    let (s, b) = d
        .call(&bpkad, "POST", "/bus/izin", none, Some(unknown))
        .await;
    assert_eq!((s, b["error"].as_str()), (422, Some("unknown_reference")));
    let (s, _) = d
        .call(&setda, "POST", "/bus/izin", none, Some(grant.clone()))
        .await;
    assert_eq!(s, 403);
    let (s, g) = d.call(&bpkad, "POST", "/bus/izin", none, Some(grant)).await;
    assert_eq!(s, 201);
    // A date reads back as [year, day of the year] (see the schema).
    assert_eq!(
        g["berlaku_sampai"],
        json!(simpul_store::bus::izin::tanggal_text(until))
    );
    let gid = g["id"].as_str().unwrap().to_owned();
    let gone = Some(gid.as_str());
    let (s, q) = d.call(&dinas, "GET", "/bus/tinjauan", none, None).await;
    assert_eq!((s, q["izin"].as_array().unwrap().len()), (200, 1));
    let keputusan = "/bus/izin/{id}/putusan";
    let (s, _) = d
        .call(
            &bpkad,
            "POST",
            keputusan,
            gone,
            Some(json!({"putusan": "setujui"})),
        )
        .await;
    assert_eq!(s, 403);
    let (s, _) = d
        .call(
            &dinas,
            "POST",
            keputusan,
            gone,
            Some(json!({"putusan": "tolak", "catatan": " "})),
        )
        .await;
    assert_eq!(s, 422);
    let (s, _) = d
        .call(
            &dinas,
            "POST",
            keputusan,
            gone,
            Some(json!({"putusan": "setujui"})),
        )
        .await;
    assert_eq!(s, 200);
    let (s, g) = d
        .call(
            &bpkad,
            "POST",
            keputusan,
            gone,
            Some(json!({"putusan": "cabut"})),
        )
        .await;
    assert_eq!((s, g["status"].as_str()), (200, Some("dicabut")));
    let (s, _) = d.call(&setda, "GET", "/bus/izin", none, None).await;
    assert_eq!(s, 200);
    let (s, detail) = d.call(&setda, "GET", "/bus/layanan/{id}", one, None).await;
    assert_eq!((s, detail["izin"].as_array().unwrap().len()), (200, 1));
    assert!(detail["tinjauan"].as_array().unwrap().len() >= 3);

    // Revocations.
    let cred = key["kredensial"]["id"].as_str().unwrap().to_owned();
    let cone = Some(cred.as_str());
    let (s, _) = d
        .call(&setda, "DELETE", "/bus/kredensial/{id}", cone, None)
        .await;
    assert_eq!(s, 403);
    let (s, v) = d
        .call(&bpkad, "DELETE", "/bus/kredensial/{id}", cone, None)
        .await;
    assert_eq!((s, v), (204, Value::Null));
    let (s, _) = d
        .call(&dinas, "DELETE", "/bus/kredensial/{id}", cone, None)
        .await;
    assert_eq!(s, 409);
    let (s, _) = d
        .call(
            &dinas,
            "DELETE",
            "/bus/kredensial/{id}",
            Some(&nobody),
            None,
        )
        .await;
    assert_eq!(s, 404);
    let cabut = "/bus/konsumen/{id}/cabut";
    let (s, _) = d.call(&setda, "POST", cabut, kone, None).await;
    assert_eq!(s, 403);
    let (s, k) = d.call(&dinas, "POST", cabut, kone, None).await;
    assert_eq!((s, k["dicabut"].as_bool()), (200, Some(true)));
    let (s, _) = d.call(&bpkad, "POST", cabut, kone, None).await;
    assert_eq!(s, 409);
    let (s, _) = d
        .call(
            &bpkad,
            "POST",
            terbit,
            kone,
            Some(json!({"jenis": "api_key"})),
        )
        .await;
    assert_eq!(s, 409, "no credential for a revoked consumer");

    // Data elements.
    let el = json!({"nama": "nik", "definisi": "Nomor Induk Kependudukan", "tipe": "kode"});
    let (s, _) = d
        .call(&setda, "POST", "/bus/elemen", none, Some(el.clone()))
        .await;
    assert_eq!(s, 403);
    let (s, _) = d
        .call(
            &sa,
            "POST",
            "/bus/elemen",
            none,
            Some(json!({"nama": "1", "tipe": "warna"})),
        )
        .await;
    assert_eq!(s, 422);
    let (s, e) = d
        .call(&sa, "POST", "/bus/elemen", none, Some(el.clone()))
        .await;
    assert_eq!(s, 201);
    let (s, _) = d
        .call(&dinas, "POST", "/bus/elemen", none, Some(el.clone()))
        .await;
    assert_eq!(s, 409);
    let eid = e["id"].as_str().unwrap().to_owned();
    let mut el2 = el;
    el2["satuan"] = json!("digit");
    let (s, _) = d
        .call(
            &dinas,
            "PUT",
            "/bus/elemen/{id}",
            Some(&eid),
            Some(el2.clone()),
        )
        .await;
    assert_eq!(s, 200);
    let (s, _) = d
        .call(&dinas, "PUT", "/bus/elemen/{id}", Some(&nobody), Some(el2))
        .await;
    assert_eq!(s, 404);
    let (s, _) = d.call(&setda, "GET", "/bus/elemen", none, None).await;
    assert_eq!(s, 200);

    // Every bus operation was exercised with its success status.
    let seen = d.seen.lock().unwrap().clone();
    for (path, method, _, _, _, status) in simpul_web::api::openapi::bus::OPERATIONS {
        assert!(
            seen.contains(&(method.to_string(), path.to_string(), *status)),
            "{method} {path} {status} not exercised"
        );
    }
}
