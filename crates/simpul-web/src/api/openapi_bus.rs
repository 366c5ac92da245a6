//! The OpenAPI description of the service bus control plane (`api::bus`): its
//! operations, and for each the error responses the handler gives, with the stable
//! `error` codes and, for 422 and 409, the problem codes per field
//! (`x-kode-kolom`). `api::openapi` lists these operations with the rest; the schemas
//! are in [`skema`]. A test cross-checks the routes of `api/bus.rs`.

use serde_json::{Value, json};

use super::Operation;

// Beside this file, not under `api/openapi/`: loaded by path so `api/mod.rs` (shared
// with the bus handlers) needs no change.
#[path = "openapi_bus_skema.rs"]
pub mod skema;

/// Every bus operation (paths under `/api/v1`).
pub const OPERATIONS: &[Operation] = &[
    (
        "/bus/layanan",
        "get",
        "Layanan semua PD di penghubung layanan, urut kode PD, kode, versi",
        None,
        "BusLayananList",
        200,
    ),
    (
        "/bus/layanan",
        "post",
        "Daftarkan versi layanan PD dengan dokumen OpenAPI 3 (admin PD pemilik); berstatus usulan sampai ditinjau Dinas",
        Some("BusLayananInput"),
        "BusLayanan",
        201,
    ),
    (
        "/bus/layanan/{id}",
        "get",
        "Rincian layanan: operasi dari dokumen OpenAPI-nya, putusan (terbaru dahulu), izin atasnya",
        None,
        "BusLayananRinci",
        200,
    ),
    (
        "/bus/layanan/{id}",
        "put",
        "Ubah layanan (admin PD pemilik); PD, kode, versi tetap; status kembali usulan, kecuali nonaktif",
        Some("BusLayananUbah"),
        "BusLayanan",
        200,
    ),
    (
        "/bus/layanan/{id}/putusan",
        "post",
        "Putusan Dinas: setujui atau tolak usulan, nonaktifkan layanan aktif, aktifkan kembali layanan nonaktif",
        Some("BusPutusanLayanan"),
        "BusLayanan",
        200,
    ),
    (
        "/bus/tinjauan",
        "get",
        "Antrean tinjauan Dinas: layanan dan izin berstatus usulan, terlama dahulu",
        None,
        "BusAntrean",
        200,
    ),
    (
        "/bus/konsumen",
        "get",
        "Konsumen (aplikasi PD pemanggil layanan), urut kode PD dan kode",
        None,
        "BusKonsumenList",
        200,
    ),
    (
        "/bus/konsumen",
        "post",
        "Daftarkan konsumen PD (admin PD pemilik)",
        Some("BusKonsumenInput"),
        "BusKonsumen",
        201,
    ),
    (
        "/bus/konsumen/{id}",
        "get",
        "Rincian konsumen dengan kredensialnya (tanpa rahasia), terbaru dahulu",
        None,
        "BusKonsumenRinci",
        200,
    ),
    (
        "/bus/konsumen/{id}/kredensial",
        "post",
        "Terbitkan kredensial (kunci API atau klien OAuth2) bagi konsumen (admin PD pemilik); rahasianya hanya ditampilkan di jawaban ini",
        Some("BusKredensialInput"),
        "BusKredensialBaru",
        201,
    ),
    (
        "/bus/konsumen/{id}/cabut",
        "post",
        "Cabut konsumen (admin PD pemilik atau Dinas): semua kredensialnya ditolak gerbang; tanpa isi permintaan",
        None,
        "BusKonsumen",
        200,
    ),
    (
        "/bus/kredensial/{id}",
        "delete",
        "Cabut satu kredensial (admin PD pemilik konsumen atau Dinas)",
        None,
        "Empty",
        204,
    ),
    (
        "/bus/izin",
        "get",
        "Izin akses konsumen atas layanan, terbaru dahulu",
        None,
        "BusIzinList",
        200,
    ),
    (
        "/bus/izin",
        "post",
        "Ajukan izin akses: tujuan, dasar hukum, hari terakhir berlaku (admin PD konsumen)",
        Some("BusIzinInput"),
        "BusIzin",
        201,
    ),
    (
        "/bus/izin/{id}/putusan",
        "post",
        "Putusan atas izin: setujui atau tolak usulan (Dinas), cabut izin usulan atau aktif (Dinas atau admin PD konsumen)",
        Some("BusPutusanIzin"),
        "BusIzin",
        200,
    ),
    (
        "/bus/elemen",
        "get",
        "Definisi elemen data (standar Satu Data), urut nama",
        None,
        "BusElemenList",
        200,
    ),
    (
        "/bus/elemen",
        "post",
        "Definisikan elemen data (Dinas sebagai walidata)",
        Some("BusElemenInput"),
        "BusElemen",
        201,
    ),
    (
        "/bus/elemen/{id}",
        "put",
        "Ubah definisi elemen data, termasuk namanya (Dinas)",
        Some("BusElemenInput"),
        "BusElemen",
        200,
    ),
];

/// One documented error: status, the `error` codes, why, and the problem codes per
/// field it may carry.
type Galat = (u16, &'static [&'static str], &'static str, &'static [Kolom]);

/// A field and its problem codes.
type Kolom = (&'static str, &'static [&'static str]);

const TEKS: &[&str] = &["wajib_diisi", "terlalu_panjang", "karakter_kontrol"];
const TEKS_OPSIONAL: &[&str] = &["terlalu_panjang", "karakter_kontrol"];
const URL_HULU: &[&str] = &[
    "url_skema",
    "terlalu_panjang",
    "url_tidak_valid",
    "url_kueri",
    "url_kredensial",
];
const NIK: &[&str] = &["nama_nik_tidak_valid", "nama_nik_terlalu_banyak"];
const DOKUMEN: &[&str] = &[
    "openapi_terlalu_besar",
    "openapi_bukan_json",
    "openapi_versi",
    "openapi_info",
    "openapi_paths",
    "openapi_path",
];
const DOKUMEN_WAJIB: &[&str] = &[
    "wajib_diisi",
    "openapi_terlalu_besar",
    "openapi_bukan_json",
    "openapi_versi",
    "openapi_info",
    "openapi_paths",
    "openapi_path",
];
const ISIAN_UBAH: &[Kolom] = &[
    ("nama", TEKS),
    ("deskripsi", TEKS_OPSIONAL),
    ("url_hulu", URL_HULU),
    ("klasifikasi", &["klasifikasi_tidak_dikenal"]),
    ("nik", NIK),
    ("openapi", DOKUMEN),
];
const ISIAN_BARU: &[Kolom] = &[
    ("pd", &["wajib_diisi"]),
    ("kode", &["kode_layanan"]),
    ("versi", &["versi_tidak_valid"]),
    ("nama", TEKS),
    ("deskripsi", TEKS_OPSIONAL),
    ("url_hulu", URL_HULU),
    ("klasifikasi", &["klasifikasi_tidak_dikenal"]),
    ("nik", NIK),
    ("openapi", DOKUMEN_WAJIB),
];
const ELEMEN: &[Kolom] = &[
    ("nama", &["nama_elemen"]),
    ("definisi", TEKS),
    ("tipe", &["tipe_tidak_dikenal"]),
    ("satuan", TEKS_OPSIONAL),
    ("referensi", TEKS_OPSIONAL),
];

const TIDAK_ADA: Galat = (404, &["not_found"], "Tidak ada data dengan id ini.", &[]);
const STATUS_BERUBAH: Galat = (
    409,
    &["conflict"],
    "Statusnya berubah sejak dibaca (permintaan lain lebih dahulu); baca ulang lalu ulangi.",
    &[("status", &["sudah_ada"])],
);
const BUKAN_PENGELOLA: Galat = (
    403,
    &["forbidden"],
    "Hanya admin PD pemilik (atau super_admin) yang boleh.",
    &[],
);
const BUKAN_DINAS: Galat = (
    403,
    &["forbidden"],
    "Hanya Dinas (admin PD pengelola SPBE) atau super_admin yang boleh.",
    &[],
);
const NAMA_ELEMEN: Galat = (
    409,
    &["conflict"],
    "Nama elemen sudah dipakai.",
    &[("record", &["sudah_ada"])],
);

/// The error responses of one operation (besides 400 `malformed_json`, 401 and 413,
/// which every operation with a body may give).
fn galat(path: &str, method: &str) -> Vec<Galat> {
    let invalid = |fields: &'static [Kolom]| -> Galat {
        (
            422,
            &["validation_failed"],
            "Isian tidak valid: setiap masalah disebut per kolom di fields.",
            fields,
        )
    };
    // Where the body names other records (a PD, a consumer, a service).
    let invalid_ref = |fields: &'static [Kolom], sebab: &'static str| -> Galat {
        (
            422,
            &["validation_failed", "unknown_reference"],
            sebab,
            fields,
        )
    };
    match (path, method) {
        ("/bus/layanan", "post") => vec![
            BUKAN_PENGELOLA,
            invalid_ref(
                ISIAN_BARU,
                "Isian tidak valid (validation_failed, masalah per kolom di fields), atau PD tidak ada atau sudah diarsipkan (unknown_reference).",
            ),
            (
                409,
                &["conflict"],
                "PD ini sudah punya layanan dengan kode dan versi itu.",
                &[("kode", &["sudah_ada"])],
            ),
        ],
        ("/bus/layanan/{id}", "put") => {
            vec![
                TIDAK_ADA,
                BUKAN_PENGELOLA,
                invalid(ISIAN_UBAH),
                STATUS_BERUBAH,
            ]
        }
        ("/bus/layanan/{id}/putusan", "post") => vec![
            BUKAN_DINAS,
            TIDAK_ADA,
            invalid(&[
                ("putusan", &["putusan_tidak_dikenal", "status_tidak_sesuai"]),
                ("catatan", &["catatan_wajib"]),
            ]),
            STATUS_BERUBAH,
        ],
        ("/bus/konsumen", "post") => vec![
            BUKAN_PENGELOLA,
            invalid_ref(
                &[
                    ("pd", &["wajib_diisi"]),
                    ("kode", &["kode_layanan"]),
                    ("nama", TEKS),
                    ("aplikasi", TEKS),
                ],
                "Isian tidak valid (validation_failed, masalah per kolom di fields), atau PD tidak ada atau sudah diarsipkan (unknown_reference).",
            ),
            (
                409,
                &["conflict"],
                "Kode konsumen sudah dipakai (kode unik se-wilayah).",
                &[("kode", &["sudah_ada"])],
            ),
        ],
        ("/bus/konsumen/{id}/kredensial", "post") => vec![
            TIDAK_ADA,
            BUKAN_PENGELOLA,
            invalid(&[("jenis", &["jenis_kredensial"])]),
            (
                409,
                &["conflict"],
                "Konsumen sudah dicabut.",
                &[("status", &["sudah_ada"])],
            ),
        ],
        ("/bus/konsumen/{id}/cabut", "post") | ("/bus/kredensial/{id}", "delete") => vec![
            TIDAK_ADA,
            (
                403,
                &["forbidden"],
                "Hanya admin PD pemilik konsumen, Dinas, atau super_admin yang boleh.",
                &[],
            ),
            (
                409,
                &["conflict"],
                "Sudah dicabut.",
                &[("status", &["sudah_ada"])],
            ),
        ],
        ("/bus/izin", "post") => vec![
            (
                403,
                &["forbidden"],
                "Hanya admin PD pemilik konsumen (atau super_admin) yang boleh.",
                &[],
            ),
            invalid_ref(
                &[
                    ("konsumen", &["wajib_diisi"]),
                    ("layanan", &["wajib_diisi"]),
                    ("tujuan", TEKS),
                    ("dasar_hukum", TEKS),
                    (
                        "berlaku_sampai",
                        &[
                            "tanggal_tidak_valid",
                            "kedaluwarsa_lampau",
                            "kedaluwarsa_terlalu_jauh",
                        ],
                    ),
                ],
                "Isian tidak valid (validation_failed, masalah per kolom di fields; diperiksa sebelum kewenangan), atau konsumen atau layanan tidak ada (unknown_reference).",
            ),
        ],
        ("/bus/izin/{id}/putusan", "post") => vec![
            TIDAK_ADA,
            (
                403,
                &["forbidden"],
                "setujui dan tolak hanya oleh Dinas; cabut oleh Dinas atau admin PD konsumen.",
                &[],
            ),
            invalid(&[
                ("putusan", &["putusan_tidak_dikenal", "status_tidak_sesuai"]),
                ("catatan", &["catatan_wajib"]),
                ("berlaku_sampai", &["kedaluwarsa_lampau"]),
            ]),
            STATUS_BERUBAH,
        ],
        ("/bus/elemen", "post") | ("/bus/elemen/{id}", "put") => {
            let mut v = vec![BUKAN_DINAS, invalid(ELEMEN), NAMA_ELEMEN];
            if method == "put" {
                v.push(TIDAK_ADA);
            }
            v
        }
        (_, "get") if path.contains("{id}") => vec![TIDAK_ADA],
        _ => Vec::new(),
    }
}

/// Add the path parameter, the error responses and the `bus` tag to operation `op`.
pub fn lengkapi(path: &str, method: &str, op: &mut Value) {
    op["tags"] = json!(["bus"]);
    if path.contains("{id}") {
        op["parameters"] = json!([{"name": "id", "in": "path", "required": true,
            "schema": {"type": "string", "format": "uuid"}}]);
    }
    for (status, kode, sebab, kolom) in galat(path, method) {
        let fields: serde_json::Map<String, Value> = kolom
            .iter()
            .map(|(f, k)| ((*f).to_owned(), json!(k)))
            .collect();
        let schema = json!({"allOf": [
            {"$ref": "#/components/schemas/Error"},
            {"type": "object", "properties": {"error": {"enum": kode}}},
        ]});
        let mut resp =
            json!({"description": sebab, "content": {"application/json": {"schema": schema}}});
        if !fields.is_empty() {
            resp["x-kode-kolom"] = Value::Object(fields);
        }
        op["responses"][status.to_string()] = resp;
    }
}

/// The tag's description: who may do what.
pub fn tag() -> Value {
    json!({"name": "bus", "description": "Kendali penghubung layanan (SPLP daerah): layanan dengan dokumen OpenAPI 3, tinjauan Dinas, konsumen dan kredensialnya, izin akses, elemen data. Semua pengguna yang masuk boleh membaca; mengubah mengikuti peran (admin PD pemilik, Dinas = admin PD pengelola SPBE, super_admin). Setiap perubahan tercatat di jejak audit; gerbang membaca perubahan dari basis data."})
}
