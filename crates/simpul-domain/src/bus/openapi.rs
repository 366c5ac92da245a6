//! The OpenAPI 3 document a PD uploads with its service: checked to be JSON with
//! `openapi: 3.x`, an `info` title and a `paths` object, and read into the list of
//! operations the directory page shows. YAML is not accepted: no YAML parser is in the
//! dependency tree, and most generators also emit JSON (`/openapi.json`).

use serde::Serialize;
use serde_json::Value;

use crate::problem::{Masalah, Masalahs};

/// Largest accepted document (bytes).
pub const MAKS_UKURAN: usize = 2 * 1024 * 1024;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// One operation of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Operasi {
    /// HTTP method, upper case.
    pub method: String,
    /// Path template, e.g. `/penduduk/{nik}`.
    pub path: String,
    /// `operationId`, if any.
    pub operation_id: Option<String>,
    /// `summary`, if any.
    pub summary: Option<String>,
}

/// A checked document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DokumenOpenApi {
    /// The `openapi` version string (`3.0.3`, `3.1.0`, …).
    pub versi_openapi: String,
    /// `info.title`.
    pub judul: String,
    /// `info.version`, if any.
    pub versi_api: Option<String>,
    /// Operations, by path then method order of the document.
    pub operasi: Vec<Operasi>,
}

impl DokumenOpenApi {
    /// Check `bytes` and read its operations.
    pub fn parse(bytes: &[u8]) -> Result<Self, Masalahs> {
        let one = |k: &'static str, p: &str| Err(Masalahs::one(k, p));
        if bytes.is_empty() {
            return one("openapi_kosong", "Dokumen OpenAPI kosong.");
        }
        if bytes.len() > MAKS_UKURAN {
            return one(
                "openapi_terlalu_besar",
                "Dokumen OpenAPI paling besar 2 MiB.",
            );
        }
        let v: Value = match serde_json::from_slice(bytes) {
            Ok(v) => v,
            Err(e) => {
                let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
                let pesan = if first.is_some_and(|b| *b != b'{') {
                    "Dokumen OpenAPI harus JSON (YAML belum didukung; ekspor sebagai JSON)."
                        .to_owned()
                } else {
                    format!("Dokumen OpenAPI bukan JSON yang sah: {e}")
                };
                return Err(Masalahs::one("openapi_bukan_json", pesan));
            }
        };
        if !v.is_object() {
            return one(
                "openapi_bukan_json",
                "Dokumen OpenAPI harus sebuah objek JSON (YAML belum didukung).",
            );
        }
        let mut found = Vec::new();
        let versi = v.get("openapi").and_then(Value::as_str).unwrap_or("");
        let ver_ok = versi.strip_prefix("3.").is_some_and(|r| {
            r.split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        });
        if !ver_ok {
            found.push(Masalah::new(
                "openapi_versi",
                "Kolom openapi harus bernilai 3.x (OpenAPI 3); Swagger 2 tidak diterima.",
            ));
        }
        let judul = v
            .get("info")
            .and_then(|i| i.get("title"))
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or("");
        if judul.is_empty() {
            found.push(Masalah::new("openapi_info", "Kolom info.title wajib ada."));
        }
        let mut operasi = Vec::new();
        match v.get("paths").and_then(Value::as_object) {
            None => found.push(Masalah::new(
                "openapi_paths",
                "Kolom paths (objek) wajib ada.",
            )),
            Some(paths) => {
                for (path, item) in paths {
                    if !path.starts_with('/') {
                        found.push(Masalah::new(
                            "openapi_path",
                            format!("Path {path:?} harus diawali /."),
                        ));
                        continue;
                    }
                    let Some(item) = item.as_object() else {
                        found.push(Masalah::new(
                            "openapi_path",
                            format!("Path {path:?} harus berupa objek."),
                        ));
                        continue;
                    };
                    for m in METHODS {
                        if let Some(op) = item.get(m) {
                            let text = |k: &str| {
                                op.get(k)
                                    .and_then(Value::as_str)
                                    .map(|s| s.chars().take(300).collect())
                            };
                            operasi.push(Operasi {
                                method: m.to_ascii_uppercase(),
                                path: path.clone(),
                                operation_id: text("operationId"),
                                summary: text("summary"),
                            });
                        }
                    }
                }
            }
        }
        Masalahs::into_result(found)?;
        Ok(Self {
            versi_openapi: versi.to_owned(),
            judul: judul.chars().take(300).collect(),
            versi_api: v
                .get("info")
                .and_then(|i| i.get("version"))
                .and_then(Value::as_str)
                .map(|s| s.chars().take(50).collect()),
            operasi,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const GOOD: &str = r#"{"openapi": "3.0.3", "info": {"title": "Data Penduduk", "version": "1.0"},
        "paths": {"/penduduk/{nik}": {"get": {"operationId": "ambil", "summary": "Satu penduduk"},
        "parameters": []}, "/kk": {"post": {}}}}"#;

    #[test]
    fn reads_operations() {
        let d = DokumenOpenApi::parse(GOOD.as_bytes()).unwrap();
        assert_eq!(d.versi_openapi, "3.0.3");
        assert_eq!(d.judul, "Data Penduduk");
        assert_eq!(d.versi_api.as_deref(), Some("1.0"));
        assert_eq!(d.operasi.len(), 2);
        let get = d.operasi.iter().find(|o| o.method == "GET").unwrap();
        assert_eq!(get.path, "/penduduk/{nik}");
        assert_eq!(get.operation_id.as_deref(), Some("ambil"));
        assert!(
            DokumenOpenApi::parse(br#"{"openapi":"3.1.0","info":{"title":"x"},"paths":{}}"#)
                .is_ok()
        );
    }

    #[test]
    fn refuses_what_is_not_openapi_3() {
        let cases: [(&[u8], &str); 9] = [
            (b"", "openapi_kosong"),
            (b"openapi: 3.0.0\npaths: {}", "openapi_bukan_json"),
            (b"{\"openapi\": ", "openapi_bukan_json"),
            (
                br#"{"swagger":"2.0","info":{"title":"x"},"paths":{}}"#,
                "openapi_versi",
            ),
            (
                br#"{"openapi":"3","info":{"title":"x"},"paths":{}}"#,
                "openapi_versi",
            ),
            (
                br#"{"openapi":"3.0.0","info":{},"paths":{}}"#,
                "openapi_info",
            ),
            (
                br#"{"openapi":"3.0.0","info":{"title":"x"}}"#,
                "openapi_paths",
            ),
            (
                br#"{"openapi":"3.0.0","info":{"title":"x"},"paths":{"a":{}}}"#,
                "openapi_path",
            ),
            (
                br#"{"openapi":"3.0.0","info":{"title":"x"},"paths":{"/a":1}}"#,
                "openapi_path",
            ),
        ];
        for (bytes, kode) in cases {
            let e = DokumenOpenApi::parse(bytes).unwrap_err();
            assert!(e.has(kode), "{:?}: {e:?}", String::from_utf8_lossy(bytes));
        }
        assert!(
            DokumenOpenApi::parse(b"\"openapi: 3.0.0\"")
                .unwrap_err()
                .has("openapi_bukan_json")
        );
        let yaml = DokumenOpenApi::parse(b"openapi: 3.0.0").unwrap_err();
        assert!(yaml.0[0].pesan.contains("YAML"));
        let big = vec![b' '; MAKS_UKURAN + 1];
        assert!(
            DokumenOpenApi::parse(&big)
                .unwrap_err()
                .has("openapi_terlalu_besar")
        );
    }
}
