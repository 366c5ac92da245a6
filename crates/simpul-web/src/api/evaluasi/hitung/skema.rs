//! The OpenAPI schemas of the models and calculator API, kept beside the handlers they
//! describe; `api::openapi` merges them into the document.

use serde_json::{Value, json};

fn obj(props: &[(&str, Value)], required: &[&str]) -> Value {
    let p: serde_json::Map<String, Value> = props
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    json!({"type": "object", "properties": p, "required": required})
}

fn s() -> Value {
    json!({"type": "string"})
}

fn desimal(contoh: &str) -> Value {
    json!({"type": "string", "pattern": "^[0-9]+\\.[0-9]{2,4}$", "examples": [contoh]})
}

fn pecahan() -> Value {
    json!({"type": "string", "pattern": "^[0-9]+/[1-9][0-9]*$", "examples": ["161/50"]})
}

/// `EvaluationModelList`, `EvaluationModel`, `ComputeInput`, `ComputeResult`.
pub fn schemas() -> Value {
    let n = || json!({"type": "integer"});
    let b = || json!({"type": "boolean"});
    let lima = |v: Value| json!({"type": "array", "items": v, "minItems": 5, "maxItems": 5});
    let nullable = |v: Value| json!({"anyOf": [v, {"type": "null"}]});
    let model_ref = [
        ("code", s()),
        ("name", s()),
        ("index_name", s()),
        ("provisional", b()),
    ];
    let mut summary_props = model_ref.to_vec();
    summary_props.extend([
        ("legal_basis", s()),
        ("year_from", n()),
        ("year_to", nullable(n())),
        ("domains", n()),
        ("aspects", n()),
        ("indicators", n()),
    ]);
    let summary = obj(
        &summary_props,
        &["code", "name", "provisional", "indicators"],
    );
    let indicator = obj(
        &[
            ("number", n()),
            ("name", s()),
            ("aspect", s()),
            ("weight", desimal("1.30")),
            ("external", b()),
            ("external_source", nullable(s())),
            ("level_names", lima(s())),
            ("criteria", lima(s())),
            ("evidence", lima(json!({"type": "array", "items": s()}))),
            (
                "evidence_from",
                json!({"type": "array", "items": obj(&[("model", s()), ("indicators", json!({"type": "array", "items": n()})), ("reason", s())], &["model", "indicators", "reason"])}),
            ),
        ],
        &["number", "name", "aspect", "weight", "criteria"],
    );
    let part = obj(
        &[
            ("code", s()),
            ("name", s()),
            ("domain", s()),
            ("weight", desimal("13.00")),
            ("index", desimal("3.22")),
            ("index_exact", pecahan()),
        ],
        &["code", "name", "weight", "index", "index_exact"],
    );
    let step = obj(
        &[
            ("indicator", n()),
            ("name", s()),
            ("from", n()),
            ("to", n()),
            ("level_name", s()),
            ("gain", desimal("0.025")),
            ("assumed", b()),
        ],
        &["indicator", "from", "to", "gain"],
    );
    let model = json!({"allOf": [summary.clone(), obj(&[
        ("provenance", s()),
        ("level_names", lima(s())),
        ("predicates", json!({"type": "array", "items": obj(&[("name", s()), ("min", desimal("4.20"))], &["name", "min"])})),
        ("domains", json!({"type": "array", "items": obj(&[("code", s()), ("name", s()), ("weight", desimal("13.00"))], &["code", "name", "weight"])})),
        ("aspects", json!({"type": "array", "items": obj(&[("code", s()), ("name", s()), ("domain", nullable(s())), ("weight", desimal("10.00"))], &["code", "name", "weight"])})),
        ("indicators", json!({"type": "array", "items": indicator})),
    ], &["predicates", "aspects", "indicators"])]});
    json!({
        "EvaluationModelList": {"type": "array", "items": summary},
        "EvaluationModel": model,
        "ComputeInput": obj(&[("levels", json!({
            "type": "object",
            "description": "Nomor indikator → level 1-5; indikator eksternal: nilai 1,00-5,00 dengan paling banyak dua desimal, angka (3.45) atau teks (\"3,45\"). Indikator yang tidak disebut dihitung level 1.",
            "additionalProperties": {"type": ["integer", "number", "string"]},
            "examples": [{"18": 3, "5": "3,45"}],
        }))], &["levels"]),
        "ComputeResult": obj(&[
            ("model", obj(&model_ref, &["code", "name", "index_name", "provisional"])),
            ("index", desimal("3.22")),
            ("index_exact", pecahan()),
            ("predicate", s()),
            ("complete", b()),
            ("assumed", json!({"type": "array", "items": n(), "description": "Indikator tanpa nilai, dihitung level 1."})),
            ("aspects", json!({"type": "array", "items": part.clone()})),
            ("domains", json!({"type": "array", "items": part})),
            ("suggestions", json!({"type": "array", "items": step.clone()})),
            ("next_predicate", nullable(obj(&[("predicate", s()), ("min", desimal("3.50")), ("steps", json!({"type": "array", "items": step})), ("index", desimal("3.50"))], &["predicate", "min", "steps", "index"]))),
        ], &["model", "index", "index_exact", "predicate", "assumed", "aspects", "domains"]),
    })
}
