//! The operations view of a service's OpenAPI 3 document: each operation's method,
//! path, summary and parameters, grouped by its first tag, and which parameters and
//! body fields carry a NIK. The domain's `DokumenOpenApi` checks the document and lists
//! operations; this reads the rest the page shows (tags, parameters, schemas) and is
//! lenient: what it cannot read it leaves out rather than refusing the page.

use std::collections::BTreeSet;

use serde_json::{Map, Value};
use simpul_domain::bus::DokumenOpenApi;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// How deep schemas are followed when looking for field names (refs included).
const MAX_DEPTH: usize = 6;

/// Longest text kept from the document.
const MAX_TEXT: usize = 300;

/// The NIK-carrying names a service declares (what the gateway's ledger records).
#[derive(Debug, Default, Clone)]
pub struct NamaNik {
    /// Query parameters.
    pub query: Vec<String>,
    /// Request JSON fields.
    pub request: Vec<String>,
    /// Response JSON fields.
    pub response: Vec<String>,
}

impl NamaNik {
    /// From the stored `, `-separated lists.
    pub fn of(query: &str, request: &str, response: &str) -> Self {
        let split = |s: &str| {
            s.split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect()
        };
        Self {
            query: split(query),
            request: split(request),
            response: split(response),
        }
    }
}

/// One parameter of an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parameter {
    /// Its name.
    pub nama: String,
    /// `path`, `query`, `header` or `cookie`.
    pub lokasi: String,
    /// Required?
    pub wajib: bool,
    /// Schema type (`string`, `integer (int64)`, a schema name), or empty.
    pub tipe: String,
    /// Description, or empty.
    pub deskripsi: String,
    /// A declared NIK query parameter: the ledger records its value's keyed hash.
    pub nik: bool,
    /// Named like a NIK but not declared: the ledger would miss it.
    pub mirip_nik: bool,
}

/// One operation.
#[derive(Debug, Clone)]
pub struct Operasi {
    /// HTTP method, upper case.
    pub method: String,
    /// Path template.
    pub path: String,
    /// Summary, or empty.
    pub ringkasan: String,
    /// `operationId`, or empty.
    pub operation_id: String,
    /// Marked deprecated.
    pub usang: bool,
    /// Parameters, path-level ones merged in.
    pub parameter: Vec<Parameter>,
    /// Declared NIK fields found in its JSON request body.
    pub nik_request: Vec<String>,
    /// Declared NIK fields found in its JSON success responses.
    pub nik_response: Vec<String>,
}

impl Operasi {
    /// Does anything of it carry a declared NIK?
    pub fn membawa_nik(&self) -> bool {
        self.parameter.iter().any(|p| p.nik)
            || !self.nik_request.is_empty()
            || !self.nik_response.is_empty()
    }
}

/// Operations under one tag.
#[derive(Debug, Clone)]
pub struct Grup {
    /// The tag; empty for untagged operations.
    pub tag: String,
    /// The tag's description, or empty.
    pub deskripsi: String,
    /// Its operations, by path then method.
    pub operasi: Vec<Operasi>,
}

/// The document as the detail page shows it.
#[derive(Debug, Clone)]
pub struct Tampilan {
    /// `info.title`.
    pub judul: String,
    /// `openapi` version.
    pub versi_openapi: String,
    /// `info.version`, or empty.
    pub versi_api: String,
    /// Operation groups: the document's tag order, then other tags, untagged last.
    pub grup: Vec<Grup>,
    /// Number of operations.
    pub jumlah: usize,
    /// Declared NIK names that appear nowhere in the document (likely a typo).
    pub nik_tak_ditemukan: Vec<String>,
}

/// Read `bytes` for the page; `None` when it is not a valid OpenAPI 3 document.
pub fn baca(bytes: &[u8], nik: &NamaNik) -> Option<Tampilan> {
    let checked = DokumenOpenApi::parse(bytes).ok()?;
    let root: Value = serde_json::from_slice(bytes).ok()?;
    let mut ops: Vec<(String, Operasi)> = Vec::new();
    let mut seen_query = BTreeSet::new();
    let mut seen_req = BTreeSet::new();
    let mut seen_resp = BTreeSet::new();
    let paths = root.get("paths").and_then(Value::as_object);
    for (path, item) in paths.into_iter().flatten() {
        let Some(item) = item.as_object() else {
            continue;
        };
        let common = params_of(&root, item.get("parameters"));
        for m in METHODS {
            let Some(op) = item.get(m).and_then(Value::as_object) else {
                continue;
            };
            let mut parameter = common.clone();
            for p in params_of(&root, op.get("parameters")) {
                // An operation's parameter overrides the path's of the same name and place.
                parameter.retain(|q| !(q.nama == p.nama && q.lokasi == p.lokasi));
                parameter.push(p);
            }
            for p in &mut parameter {
                p.nik = p.lokasi == "query" && nik.query.contains(&p.nama);
                p.mirip_nik = !p.nik && p.nama.to_ascii_lowercase().contains("nik");
                if p.nik {
                    seen_query.insert(p.nama.clone());
                }
            }
            let req = body_fields(&root, op.get("requestBody"));
            let resp = response_fields(&root, op.get("responses"));
            let nik_request = hits(&nik.request, &req);
            let nik_response = hits(&nik.response, &resp);
            seen_req.extend(nik_request.iter().cloned());
            seen_resp.extend(nik_response.iter().cloned());
            let tag = op
                .get("tags")
                .and_then(Value::as_array)
                .and_then(|t| t.first())
                .and_then(Value::as_str)
                .map(clip)
                .unwrap_or_default();
            ops.push((
                tag,
                Operasi {
                    method: m.to_ascii_uppercase(),
                    path: clip(path),
                    ringkasan: text(op.get("summary")),
                    operation_id: text(op.get("operationId")),
                    usang: op.get("deprecated").and_then(Value::as_bool) == Some(true),
                    parameter,
                    nik_request,
                    nik_response,
                },
            ));
        }
    }
    let mut missing: Vec<String> = Vec::new();
    for (declared, seen) in [
        (&nik.query, &seen_query),
        (&nik.request, &seen_req),
        (&nik.response, &seen_resp),
    ] {
        missing.extend(declared.iter().filter(|n| !seen.contains(*n)).cloned());
    }
    missing.sort();
    missing.dedup();
    Some(Tampilan {
        judul: checked.judul,
        versi_openapi: checked.versi_openapi,
        versi_api: checked.versi_api.unwrap_or_default(),
        jumlah: ops.len(),
        grup: group(&root, ops),
        nik_tak_ditemukan: missing,
    })
}

fn clip(s: &str) -> String {
    s.chars().take(MAX_TEXT).collect()
}

fn text(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).map(clip).unwrap_or_default()
}

/// Follow a local `$ref` (`#/components/...`), a few times at most.
fn resolve<'a>(root: &'a Value, v: &'a Value) -> &'a Value {
    let mut cur = v;
    for _ in 0..MAX_DEPTH {
        match cur.get("$ref").and_then(Value::as_str) {
            Some(r) if r.starts_with("#/") => match root.pointer(&r[1..]) {
                Some(next) => cur = next,
                None => return cur,
            },
            _ => return cur,
        }
    }
    cur
}

fn params_of(root: &Value, v: Option<&Value>) -> Vec<Parameter> {
    let list = v.and_then(Value::as_array);
    list.into_iter()
        .flatten()
        .filter_map(|p| {
            let p = resolve(root, p).as_object()?;
            let nama = p.get("name").and_then(Value::as_str)?;
            Some(Parameter {
                nama: clip(nama),
                lokasi: text(p.get("in")),
                wajib: p.get("required").and_then(Value::as_bool) == Some(true),
                tipe: p.get("schema").map(|s| tipe(root, s)).unwrap_or_default(),
                deskripsi: text(p.get("description")),
                nik: false,
                mirip_nik: false,
            })
        })
        .collect()
}

/// A schema's type for a table cell: `string (date)`, `array of integer`, or the name
/// of a referenced schema.
fn tipe(root: &Value, schema: &Value) -> String {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        return clip(r.rsplit('/').next().unwrap_or(r));
    }
    let s = resolve(root, schema);
    let base = match s.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" | "),
        _ => String::new(),
    };
    if base == "array"
        && let Some(items) = s.get("items")
    {
        return format!("array of {}", tipe(root, items));
    }
    match s.get("format").and_then(Value::as_str) {
        Some(f) if !base.is_empty() => clip(&format!("{base} ({f})")),
        _ => base,
    }
}

/// Property names anywhere in a JSON schema (nested objects, arrays, compositions).
fn fields(root: &Value, schema: &Value, depth: usize, out: &mut BTreeSet<String>) {
    if depth > MAX_DEPTH {
        return;
    }
    let s = resolve(root, schema);
    if let Some(props) = s.get("properties").and_then(Value::as_object) {
        for (name, sub) in props {
            out.insert(name.clone());
            fields(root, sub, depth + 1, out);
        }
    }
    if let Some(items) = s.get("items") {
        fields(root, items, depth + 1, out);
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        for sub in s.get(key).and_then(Value::as_array).into_iter().flatten() {
            fields(root, sub, depth + 1, out);
        }
    }
}

/// Field names of a JSON `content` map's schemas.
fn content_fields(root: &Value, content: Option<&Map<String, Value>>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (media, m) in content.into_iter().flatten() {
        if media.contains("json")
            && let Some(s) = m.get("schema")
        {
            fields(root, s, 0, &mut out);
        }
    }
    out
}

fn body_fields(root: &Value, body: Option<&Value>) -> BTreeSet<String> {
    let Some(b) = body else {
        return BTreeSet::new();
    };
    let b = resolve(root, b);
    content_fields(root, b.get("content").and_then(Value::as_object))
}

/// Field names of the success (2xx) responses.
fn response_fields(root: &Value, responses: Option<&Value>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let all = responses.and_then(Value::as_object);
    for (code, r) in all.into_iter().flatten() {
        if code.starts_with('2') {
            let r = resolve(root, r);
            out.extend(content_fields(
                root,
                r.get("content").and_then(Value::as_object),
            ));
        }
    }
    out
}

fn hits(declared: &[String], found: &BTreeSet<String>) -> Vec<String> {
    declared
        .iter()
        .filter(|n| found.contains(*n))
        .cloned()
        .collect()
}

/// Group operations by tag: the document's `tags` order first, then other tags by name,
/// untagged last.
fn group(root: &Value, ops: Vec<(String, Operasi)>) -> Vec<Grup> {
    let declared: Vec<(String, String)> = root
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|t| {
            let name = t.get("name").and_then(Value::as_str)?;
            Some((clip(name), text(t.get("description"))))
        })
        .collect();
    let mut order: Vec<String> = declared.iter().map(|(n, _)| n.clone()).collect();
    let mut others: BTreeSet<String> = BTreeSet::new();
    for (tag, _) in &ops {
        if !tag.is_empty() && !order.contains(tag) {
            others.insert(tag.clone());
        }
    }
    order.extend(others);
    order.push(String::new());
    order
        .into_iter()
        .filter_map(|tag| {
            let operasi: Vec<Operasi> = ops
                .iter()
                .filter(|(t, _)| *t == tag)
                .map(|(_, o)| o.clone())
                .collect();
            if operasi.is_empty() {
                return None;
            }
            let deskripsi = declared
                .iter()
                .find(|(n, _)| *n == tag)
                .map(|(_, d)| d.clone())
                .unwrap_or_default();
            Some(Grup {
                tag,
                deskripsi,
                operasi,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const DOC: &str = r##"{
      "openapi": "3.0.3",
      "info": {"title": "Data Penduduk", "version": "1.2"},
      "tags": [{"name": "penduduk", "description": "Data penduduk"}, {"name": "kosong"}],
      "paths": {
        "/penduduk": {
          "get": {"tags": ["penduduk"], "summary": "Cari penduduk",
            "parameters": [{"$ref": "#/components/parameters/Nik"},
                           {"name": "halaman", "in": "query", "schema": {"type": "integer", "format": "int32"}}],
            "responses": {"200": {"description": "ok", "content": {"application/json":
              {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Penduduk"}}}}}}}
        },
        "/penduduk/{id}": {
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
          "put": {"tags": ["penduduk"], "operationId": "ubah",
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Penduduk"}}}},
            "responses": {"204": {"description": "ok"}}},
          "delete": {"deprecated": true, "parameters": [{"name": "nik_kepala", "in": "header", "schema": {"type": "string"}}],
            "responses": {"204": {"description": "ok"}}}
        },
        "/status": {"get": {"tags": ["lain"], "responses": {}}}
      },
      "components": {
        "parameters": {"Nik": {"name": "nik", "in": "query", "required": true, "description": "NIK 16 digit", "schema": {"type": "string"}}},
        "schemas": {"Penduduk": {"type": "object", "properties": {"nik": {"type": "string"},
          "keluarga": {"type": "object", "properties": {"nik_kepala": {"type": "string"}}}}}}
      }
    }"##;

    #[test]
    fn groups_operations_and_marks_nik() {
        let nik = NamaNik::of("nik", "nik, nik_kepala", "nik, tidak_ada");
        let t = baca(DOC.as_bytes(), &nik).unwrap();
        assert_eq!(t.judul, "Data Penduduk");
        assert_eq!(t.versi_api, "1.2");
        assert_eq!(t.jumlah, 4);
        let tags: Vec<&str> = t.grup.iter().map(|g| g.tag.as_str()).collect();
        assert_eq!(tags, ["penduduk", "lain", ""]);
        assert_eq!(t.grup[0].deskripsi, "Data penduduk");
        let cari = &t.grup[0].operasi[0];
        assert_eq!(
            (cari.method.as_str(), cari.path.as_str()),
            ("GET", "/penduduk")
        );
        assert_eq!(cari.ringkasan, "Cari penduduk");
        let p = &cari.parameter[0];
        assert!(p.nik && p.wajib && !p.mirip_nik, "{p:?}");
        assert_eq!(p.deskripsi, "NIK 16 digit");
        assert_eq!(cari.parameter[1].tipe, "integer (int32)");
        assert!(!cari.parameter[1].nik);
        assert_eq!(cari.nik_response, ["nik"]);
        assert!(cari.membawa_nik());
        let ubah = &t.grup[0].operasi[1];
        assert_eq!(ubah.method, "PUT");
        assert_eq!(ubah.parameter[0].nama, "id");
        assert_eq!(ubah.nik_request, ["nik", "nik_kepala"]);
        let hapus = &t.grup[2].operasi[0];
        assert!(hapus.usang);
        assert!(
            hapus
                .parameter
                .iter()
                .any(|p| p.nama == "nik_kepala" && p.mirip_nik)
        );
        assert!(!t.grup[1].operasi[0].membawa_nik());
        assert_eq!(t.nik_tak_ditemukan, ["tidak_ada"]);
    }

    #[test]
    fn refuses_what_the_domain_refuses_and_survives_odd_documents() {
        assert!(baca(b"{\"swagger\": \"2.0\"}", &NamaNik::default()).is_none());
        assert!(baca(b"not json", &NamaNik::default()).is_none());
        // A ref loop and odd shapes must neither hang nor panic.
        let odd = br##"{"openapi":"3.1.0","info":{"title":"x"},"paths":{"/a":{"get":{
            "parameters":[{"$ref":"#/components/parameters/L"}, 5, {"in":"query"}],
            "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/S"}}}},
            "responses":{"200":{"$ref":"#/nope"}}}}},
            "components":{"parameters":{"L":{"$ref":"#/components/parameters/L"}},
            "schemas":{"S":{"properties":{"a":{"$ref":"#/components/schemas/S"}}}}}}"##;
        let t = baca(odd, &NamaNik::of("", "a", "")).unwrap();
        assert_eq!(t.jumlah, 1);
        assert!(t.grup[0].operasi[0].parameter.is_empty());
        assert_eq!(t.grup[0].operasi[0].nik_request, ["a"]);
    }
}
