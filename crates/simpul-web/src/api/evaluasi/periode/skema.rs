//! The OpenAPI description of the evaluation period API, kept beside its handlers:
//! `api::openapi` lists the operations and merges these schemas and path parameters.

use serde_json::{Value, json};

fn obj(props: &[(&str, Value)], required: &[&str]) -> Value {
    let p: serde_json::Map<String, Value> = props
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    json!({"type": "object", "properties": p, "required": required})
}

fn r(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn s() -> Value {
    json!({"type": "string"})
}

fn uuid() -> Value {
    json!({"type": "string", "format": "uuid"})
}

fn nullable(v: Value) -> Value {
    json!({"anyOf": [v, {"type": "null"}]})
}

fn desimal() -> Value {
    json!({"type": "string", "pattern": "^[0-9]+\\.[0-9]{2}$", "examples": ["3.22"]})
}

/// A level or value as a number or text (`3`, `"3,45"`).
fn angka() -> Value {
    json!({"anyOf": [{"type": "number"}, {"type": "string"}]})
}

/// The schemas named by the period operations.
pub fn schemas() -> Value {
    let n = || json!({"type": "integer"});
    let b = || json!({"type": "boolean"});
    let bagian = obj(
        &[("kode", s()), ("nama", s()), ("nilai", desimal())],
        &["kode", "nilai"],
    );
    let indeks = obj(
        &[
            ("nilai", desimal()),
            ("predikat", s()),
            ("final", b()),
            ("diasumsikan", json!({"type": "array", "items": n()})),
            ("aspek", json!({"type": "array", "items": bagian.clone()})),
            ("domain", json!({"type": "array", "items": bagian})),
        ],
        &["nilai", "predikat", "final"],
    );
    let kemajuan = obj(
        &[
            ("dikonsolidasi", n()),
            ("indikator", n()),
            ("dinilai", n()),
            ("bukti", n()),
        ],
        &["dikonsolidasi", "indikator", "dinilai", "bukti"],
    );
    let status = json!({"enum": ["pengisian", "diajukan", "disetujui"]});
    let summary = obj(
        &[
            ("id", uuid()),
            ("tahun", n()),
            ("model", s()),
            ("nama_model", s()),
            ("nama_indeks", s()),
            ("status", status),
            ("target", nullable(desimal())),
            ("diajukan", nullable(s())),
            ("disetujui", nullable(s())),
            ("disetujui_oleh", nullable(s())),
            ("indeks", indeks),
            ("kemajuan", kemajuan),
        ],
        &["id", "tahun", "model", "status", "indeks", "kemajuan"],
    );
    let item = obj(
        &[
            ("id", uuid()),
            ("judul", s()),
            (
                "jenis",
                json!({"enum": ["berkas", "registri", "perencanaan", "tautan"]}),
            ),
            ("berkas", nullable(r("Berkas"))),
            ("rujukan", nullable(uuid())),
            ("url", nullable(s())),
            ("pd", nullable(uuid())),
            ("dibuat", s()),
            ("dibuat_oleh", s()),
        ],
        &["id", "judul", "jenis"],
    );
    let putusan = json!({"enum": ["diterima", "revisi", "belum_dinilai"]});
    let lampiran = obj(
        &[
            ("id", uuid()),
            ("periode", uuid()),
            ("nomor", n()),
            ("level", n()),
            ("bukti", item),
            ("status", putusan),
            ("komentar", nullable(s())),
            ("dinilai_oleh", nullable(s())),
            ("dinilai", nullable(s())),
            ("dilampirkan_oleh", s()),
        ],
        &["id", "periode", "nomor", "level", "bukti", "status"],
    );
    let pj = obj(
        &[("pd", uuid()), ("nama", s()), ("utama", b())],
        &["pd", "utama"],
    );
    let indikator = obj(
        &[
            ("nomor", n()),
            ("nama", s()),
            ("aspek", s()),
            ("bobot", desimal()),
            ("eksternal", b()),
            ("status", json!({"enum": ["draf", "dikonsolidasi"]})),
            ("level", nullable(n())),
            ("justifikasi", nullable(s())),
            ("nama_layanan", nullable(s())),
            ("nilai_eksternal", nullable(desimal())),
            ("sumber_eksternal", nullable(s())),
            ("tanggal_sumber", nullable(s())),
            ("level_akhir", nullable(n())),
            ("nasional", nullable(desimal())),
            ("pj", json!({"type": "array", "items": pj})),
            (
                "bukti",
                json!({"type": "array", "items": r("EvaluationAttachment")}),
            ),
        ],
        &["nomor", "nama", "status", "pj", "bukti"],
    );
    json!({
        "EvaluationPeriodInput": obj(&[("tahun", n()), ("model", json!({"type": "string", "examples": ["pemdi-2026"]}))], &["tahun", "model"]),
        "EvaluationPeriodSummary": summary,
        "EvaluationPeriodList": {"type": "array", "items": r("EvaluationPeriodSummary")},
        "EvaluationPeriod": {"allOf": [r("EvaluationPeriodSummary"), obj(&[
            ("indikator", json!({"type": "array", "items": r("EvaluationIndicator")})),
            ("tim_asesor", json!({"type": "array", "items": obj(&[("pegawai", uuid()), ("pd", uuid())], &["pegawai", "pd"])})),
        ], &["indikator", "tim_asesor"])]},
        "EvaluationIndicator": indikator,
        "EvaluationAttachment": lampiran,
        "EvaluationSelfAssessment": obj(&[("level", angka()), ("justifikasi", s()), ("nama_layanan", s()), ("nilai", angka()), ("sumber", s()), ("tanggal", json!({"type": "string", "format": "date"}))], &[]),
        "EvaluationPdsInput": obj(&[("pd", json!({"type": "array", "items": obj(&[("pd", uuid()), ("utama", b())], &["pd"])}))], &["pd"]),
        "EvaluationTeamInput": obj(&[("pd", json!({"type": "array", "items": uuid()}))], &["pd"]),
        "EvaluationTargetInput": obj(&[("target", nullable(angka()))], &["target"]),
        "EvaluationNationalInput": obj(&[("nilai", json!({"type": "object", "additionalProperties": nullable(angka())}))], &["nilai"]),
        "EvaluationEvidenceInput": obj(&[("level", n()), ("jenis", json!({"enum": ["tautan", "registri", "perencanaan"]})), ("judul", s()), ("url", s()), ("rujukan", uuid()), ("bukti", uuid())], &["level"]),
        "EvaluationEvidenceUpload": obj(&[("level", n()), ("judul", s()), ("berkas", json!({"type": "string", "format": "binary"}))], &["level", "judul", "berkas"]),
        "EvaluationReviewInput": obj(&[("status", json!({"enum": ["diterima", "revisi"]})), ("komentar", s())], &["status"]),
    })
}

/// Path parameters of `path`, and for the evidence upload its two body forms (JSON for
/// a link, reference or reuse; multipart for a file).
pub fn lengkapi(path: &str, op: &mut Value) {
    let names = [
        ("id", uuid()),
        ("nomor", n_param()),
        ("lampiran", uuid()),
        ("pegawai", uuid()),
    ];
    let params: Vec<Value> = names
        .iter()
        .filter(|(name, _)| path.contains(&format!("{{{name}}}")))
        .map(|(name, schema)| json!({"name": name, "in": "path", "required": true, "schema": schema}))
        .collect();
    op["parameters"] = Value::Array(params);
    if path.ends_with("/evidence") {
        op["requestBody"] = json!({"required": true, "content": {
            "application/json": {"schema": r("EvaluationEvidenceInput")},
            "multipart/form-data": {"schema": r("EvaluationEvidenceUpload")},
        }});
    }
}

fn n_param() -> Value {
    json!({"type": "integer", "minimum": 1})
}
