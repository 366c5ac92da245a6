//! The schemas of the bus control plane API, as `api::bus` and `simpul_store::bus`
//! serialise them (field for field; a test checks real responses against them).

use serde_json::{Value, json};

fn r(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

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

fn d(description: &str) -> Value {
    json!({"type": "string", "description": description})
}

fn uuid() -> Value {
    json!({"type": "string", "format": "uuid"})
}

fn waktu() -> Value {
    json!({"type": "string", "format": "date-time", "description": "UTC, RFC 3339"})
}

fn b() -> Value {
    json!({"type": "boolean"})
}

fn nullable(v: Value) -> Value {
    json!({"anyOf": [v, {"type": "null"}]})
}

fn list(name: &str) -> Value {
    json!({"type": "array", "items": r(name)})
}

/// Every property of an object schema is required (the store types serialise each
/// field, `null` when absent).
fn all(props: &[(&str, Value)]) -> Value {
    let names: Vec<&str> = props.iter().map(|(k, _)| *k).collect();
    obj(props, &names)
}

fn sha256() -> Value {
    json!({"type": "string", "pattern": "^[0-9a-f]{64}$"})
}

fn klasifikasi() -> Value {
    json!({"enum": ["biasa", "terbatas", "rahasia"]})
}

/// The kinds of a data element, the domain's own list.
const TIPE_ELEMEN: [&str; 7] = simpul_domain::bus::elemen::TIPE;

fn kode_layanan() -> Value {
    json!({"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_-]{1,63}$", "description": "Huruf, angka, - atau _, 2-64 karakter, diawali huruf; disimpan dalam huruf kecil."})
}

/// The fields a service's owner enters, create and edit alike.
fn isian_layanan() -> Vec<(&'static str, Value)> {
    vec![
        ("nama", json!({"type": "string", "maxLength": 200})),
        ("deskripsi", json!({"type": "string", "maxLength": 4000})),
        (
            "url_hulu",
            json!({"type": "string", "maxLength": 500, "pattern": "^https?://", "examples": ["http://10.1.2.3:8080/api"], "description": "URL dasar hulu: http:// atau https://, tanpa nama pengguna/sandi, kueri, atau fragmen; / di akhir dibuang."}),
        ),
        ("klasifikasi", klasifikasi()),
        (
            "nik_query",
            d("Nama parameter kueri yang memuat NIK, dipisah koma atau spasi (paling banyak 20)."),
        ),
        (
            "nik_request",
            d("Nama kolom JSON permintaan yang memuat NIK (di kedalaman mana pun)."),
        ),
        (
            "nik_response",
            d("Nama kolom JSON jawaban yang memuat NIK."),
        ),
    ]
}

fn dokumen(description: &str) -> Value {
    json!({"type": "object", "description": description, "examples": [{"openapi": "3.0.3", "info": {"title": "Data Pegawai", "version": "1.0"}, "paths": {"/pegawai/{nip}": {"get": {"operationId": "ambil"}}}}]})
}

/// A decision: `putusan` from `choices`; a refusal (`tolak`) needs a note.
fn putusan(choices: &[&str]) -> Value {
    let mut v = obj(
        &[
            ("putusan", json!({"enum": choices})),
            ("catatan", d("Alasan; wajib (tidak kosong) untuk tolak.")),
        ],
        &["putusan"],
    );
    v["if"] = json!({"properties": {"putusan": {"const": "tolak"}}});
    v["then"] = json!({"required": ["catatan"], "properties": {"catatan": {"pattern": "\\S"}}});
    v
}

/// The bus schemas, merged into `components.schemas`.
pub fn schemas() -> Value {
    let layanan = all(&[
        ("id", uuid()),
        ("pd", uuid()),
        (
            "pd_kode",
            d("Kode PD pemilik: segmen pertama jalur gerbang."),
        ),
        ("pd_nama", s()),
        ("kode", s()),
        ("versi", s()),
        ("nama", s()),
        ("deskripsi", nullable(s())),
        ("url_hulu", s()),
        ("klasifikasi", klasifikasi()),
        (
            "nik_query",
            d("Nama dipisah \", \"; kosong bila tidak ada."),
        ),
        ("nik_request", s()),
        ("nik_response", s()),
        ("openapi_sha256", nullable(sha256())),
        ("openapi_nama", nullable(s())),
        (
            "status",
            json!({"enum": ["usulan", "aktif", "ditolak", "nonaktif"], "description": "Hanya aktif yang diteruskan gerbang."}),
        ),
        ("dibuat", waktu()),
        ("diubah", waktu()),
    ]);
    let operasi = all(&[
        ("method", json!({"type": "string", "examples": ["GET"]})),
        ("path", s()),
        ("operation_id", nullable(s())),
        ("summary", nullable(s())),
    ]);
    let tinjauan = all(&[
        ("id", uuid()),
        ("objek", json!({"enum": ["layanan", "izin"]})),
        ("objek_id", uuid()),
        (
            "putusan",
            json!({"enum": ["setujui", "tolak", "nonaktifkan", "aktifkan", "cabut"]}),
        ),
        ("catatan", nullable(s())),
        ("oleh", d("NIP yang memutus, atau sistem.")),
        ("pada", waktu()),
    ]);
    let izin = all(&[
        ("id", uuid()),
        ("konsumen", uuid()),
        ("konsumen_kode", s()),
        ("konsumen_pd", uuid()),
        ("layanan", uuid()),
        ("layanan_key", d("PD/kode/versi layanan.")),
        ("layanan_pd", uuid()),
        ("tujuan", s()),
        ("dasar_hukum", s()),
        (
            "berlaku_sampai",
            json!({"type": "string", "format": "date", "description": "Hari terakhir berlaku (TTTT-BB-HH); izin berakhir di ujung hari itu (UTC+7)."}),
        ),
        (
            "status",
            json!({"enum": ["usulan", "aktif", "ditolak", "dicabut"], "description": "Status tersimpan: izin aktif yang lewat hari terakhirnya tetap aktif di sini, tetapi ditolak gerbang."}),
        ),
        ("diminta_oleh", d("NIP pemohon.")),
        ("dibuat", waktu()),
    ]);
    let konsumen = all(&[
        ("id", uuid()),
        ("pd", uuid()),
        ("pd_kode", s()),
        ("kode", d("Id konsumen di gerbang dan catatan bukti.")),
        ("nama", s()),
        ("aplikasi", s()),
        ("dicabut", b()),
        ("dibuat", waktu()),
    ]);
    let kredensial = all(&[
        ("id", uuid()),
        ("konsumen", uuid()),
        ("jenis", json!({"enum": ["api_key", "oauth"]})),
        (
            "client_id",
            nullable(d(
                "Client id OAuth2 (<kode konsumen>-<8 heksa>); null untuk api_key.",
            )),
        ),
        ("sha256", sha256()),
        (
            "petunjuk",
            d("8 karakter pertama rahasia, agar pemegangnya mengenalinya."),
        ),
        ("dicabut", b()),
        ("dibuat", waktu()),
    ]);
    let elemen = all(&[
        ("id", uuid()),
        ("nama", s()),
        ("definisi", s()),
        ("tipe", json!({"enum": TIPE_ELEMEN})),
        ("satuan", nullable(s())),
        ("referensi", nullable(s())),
        ("diubah", waktu()),
    ]);
    let mut baru = isian_layanan();
    baru.extend([
        ("pd", uuid()),
        ("kode", kode_layanan()),
        ("versi", json!({"type": "string", "pattern": "^[vV][0-9]+(\\.[0-9]+)*$", "maxLength": 16, "examples": ["v1", "v2.1"]})),
        ("openapi", dokumen("Dokumen OpenAPI 3 (JSON, openapi 3.x, info.title, paths), paling besar 2 MiB.")),
    ]);
    let mut ubah = isian_layanan();
    ubah.push((
        "openapi",
        dokumen("Dokumen OpenAPI 3 pengganti; tanpa kolom ini dokumen lama tetap."),
    ));
    json!({
        "BusLayanan": layanan,
        "BusLayananList": list("BusLayanan"),
        "BusOperasi": operasi,
        "BusTinjauan": tinjauan,
        "BusLayananRinci": {"allOf": [r("BusLayanan"), obj(&[
            ("operasi", list("BusOperasi")),
            ("tinjauan", list("BusTinjauan")),
            ("izin", list("BusIzin")),
        ], &["operasi", "tinjauan", "izin"])]},
        "BusLayananInput": obj(&baru, &["pd", "kode", "versi", "nama", "url_hulu", "klasifikasi", "openapi"]),
        "BusLayananUbah": obj(&ubah, &["nama", "url_hulu", "klasifikasi"]),
        "BusPutusanLayanan": putusan(&["setujui", "tolak", "nonaktifkan", "aktifkan"]),
        "BusAntrean": obj(&[("layanan", list("BusLayanan")), ("izin", list("BusIzin"))], &["layanan", "izin"]),
        "BusKonsumen": konsumen,
        "BusKonsumenList": list("BusKonsumen"),
        "BusKonsumenInput": obj(&[
            ("pd", uuid()),
            ("kode", kode_layanan()),
            ("nama", json!({"type": "string", "maxLength": 200})),
            ("aplikasi", json!({"type": "string", "maxLength": 200})),
        ], &["pd", "kode", "nama", "aplikasi"]),
        "BusKredensial": kredensial,
        "BusKonsumenRinci": {"allOf": [r("BusKonsumen"), obj(&[("kredensial", list("BusKredensial"))], &["kredensial"])]},
        "BusKredensialInput": obj(&[("jenis", json!({"enum": ["api_key", "oauth"]}))], &["jenis"]),
        "BusKredensialBaru": obj(&[
            ("kredensial", r("BusKredensial")),
            ("rahasia", json!({"type": "string", "description": "Rahasianya, hanya di jawaban ini (yang disimpan hanya SHA-256-nya): kunci API sbk_<64 heksa> untuk header X-Api-Key, atau client secret OAuth2 (64 heksa).", "pattern": "^(sbk_)?[0-9a-f]{64}$"})),
        ], &["kredensial", "rahasia"]),
        "BusIzin": izin,
        "BusIzinList": list("BusIzin"),
        "BusIzinInput": obj(&[
            ("konsumen", uuid()),
            ("layanan", uuid()),
            ("tujuan", json!({"type": "string", "maxLength": 500})),
            ("dasar_hukum", json!({"type": "string", "maxLength": 500})),
            ("berlaku_sampai", json!({"type": "string", "format": "date", "description": "Hari terakhir TTTT-BB-HH: tidak lampau, paling jauh tahun ini + 5."})),
        ], &["konsumen", "layanan", "tujuan", "dasar_hukum", "berlaku_sampai"]),
        "BusPutusanIzin": putusan(&["setujui", "tolak", "cabut"]),
        "BusElemen": elemen,
        "BusElemenList": list("BusElemen"),
        "BusElemenInput": obj(&[
            ("nama", json!({"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_]{0,63}$", "description": "Nama mesin, unik; disimpan dalam huruf kecil."})),
            ("definisi", json!({"type": "string", "maxLength": 2000})),
            ("tipe", json!({"enum": TIPE_ELEMEN})),
            ("satuan", json!({"type": "string", "maxLength": 100})),
            ("referensi", json!({"type": "string", "maxLength": 300})),
        ], &["nama", "definisi", "tipe"]),
    })
}
