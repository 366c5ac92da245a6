//! The OpenAPI 3 document of `/api/v1`, written by hand (no macro crate to build) and
//! checked against the router by a test, so a route cannot go undocumented.

use axum::Json;
use serde_json::{Value, json};

// The bus control plane's part, in files of its own beside this one (loaded by path so
// `api/mod.rs` needs no entry).
#[path = "openapi_bus.rs"]
pub mod bus;

/// One documented operation: (path, method, summary, request schema, response schema,
/// success status).
pub type Operation = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    u16,
);

/// Every documented operation.
pub const OPERATIONS: &[Operation] = &[
    (
        "/saya",
        "get",
        "Pengguna yang sedang masuk dan perannya",
        None,
        "Me",
        200,
    ),
    (
        "/wilayah",
        "get",
        "Identitas pemerintah daerah",
        None,
        "Region",
        200,
    ),
    (
        "/pd",
        "get",
        "Daftar Perangkat Daerah (filter: jenis, q, arsip)",
        None,
        "PdList",
        200,
    ),
    (
        "/pd",
        "post",
        "Tambah Perangkat Daerah (super_admin)",
        Some("PdInput"),
        "PerangkatDaerah",
        201,
    ),
    (
        "/pd/{id}",
        "get",
        "Rincian Perangkat Daerah",
        None,
        "PerangkatDaerah",
        200,
    ),
    (
        "/pd/{id}",
        "put",
        "Ubah Perangkat Daerah (super_admin)",
        Some("PdInput"),
        "PerangkatDaerah",
        200,
    ),
    (
        "/pegawai",
        "get",
        "Daftar pegawai yang boleh dilihat (filter: pd, q, limit, offset)",
        None,
        "PegawaiPage",
        200,
    ),
    (
        "/pegawai",
        "post",
        "Tambah pegawai",
        Some("PegawaiCreate"),
        "Pegawai",
        201,
    ),
    (
        "/pegawai/{id}",
        "get",
        "Rincian pegawai",
        None,
        "Pegawai",
        200,
    ),
    (
        "/pegawai/{id}",
        "put",
        "Ubah pegawai (NIP tetap)",
        Some("PegawaiInput"),
        "Pegawai",
        200,
    ),
    (
        "/pegawai/{id}/peran",
        "get",
        "Peran seorang pegawai",
        None,
        "GrantList",
        200,
    ),
    (
        "/pegawai/{id}/peran",
        "post",
        "Berikan peran di sebuah PD",
        Some("GrantInput"),
        "StoredGrant",
        201,
    ),
    ("/peran/{id}", "delete", "Cabut peran", None, "Empty", 204),
    (
        "/tim-koordinasi",
        "get",
        "Anggota Tim Koordinasi SPBE",
        None,
        "TeamList",
        200,
    ),
    (
        "/jejak-audit",
        "get",
        "Jejak audit, terbaru dahulu (filter: entitas, entitas_id, pelaku, dari, sampai, limit, offset)",
        None,
        "AuditPage",
        200,
    ),
    (
        "/arsitektur/jenis",
        "get",
        "Jenis catatan arsitektur dan spesifikasi atributnya",
        None,
        "KindList",
        200,
    ),
    (
        "/arsitektur/cari",
        "get",
        "Pencarian teks penuh di seluruh domain (q; filter: domain, pd, status; limit)",
        None,
        "ItemList",
        200,
    ),
    (
        "/arsitektur/{jenis}",
        "get",
        "Daftar catatan satu jenis (filter: pd, status, q, arsip, limit, offset)",
        None,
        "ItemPage",
        200,
    ),
    (
        "/arsitektur/{jenis}",
        "post",
        "Tambah catatan",
        Some("ItemInput"),
        "Item",
        201,
    ),
    (
        "/arsitektur/item/{id}",
        "get",
        "Rincian catatan",
        None,
        "Item",
        200,
    ),
    (
        "/arsitektur/item/{id}",
        "put",
        "Ubah catatan (jenis tetap)",
        Some("ItemInput"),
        "Item",
        200,
    ),
    (
        "/arsitektur/item/{id}/relasi",
        "get",
        "Hubungan catatan",
        None,
        "RelationList",
        200,
    ),
    (
        "/arsitektur/item/{id}/relasi",
        "post",
        "Tambah hubungan dari catatan ini",
        Some("RelationInput"),
        "Relasi",
        201,
    ),
    (
        "/arsitektur/item/{id}/dampak",
        "get",
        "Analisis dampak: semua yang bergantung pada catatan ini",
        None,
        "ImpactList",
        200,
    ),
    (
        "/arsitektur/relasi/{id}",
        "delete",
        "Hapus hubungan",
        None,
        "Empty",
        204,
    ),
    (
        "/arsitektur/item/{id}/dokumen",
        "get",
        "Dokumen catatan (SOP, pertimbangan Menteri, diagram), semua versi",
        None,
        "LampiranList",
        200,
    ),
    (
        "/arsitektur/item/{id}/dokumen",
        "post",
        "Unggah dokumen catatan sebagai versi baru (multipart: jenis, judul, berkas)",
        Some("LampiranUpload"),
        "Lampiran",
        201,
    ),
    (
        "/arsitektur/dokumen/{id}",
        "get",
        "Unduh berkas dokumen (header X-Simpul-Sha256 memuat sidiknya)",
        None,
        "File",
        200,
    ),
    (
        "/evaluation/models",
        "get",
        "Model evaluasi yang tersedia (spbe-2020, pemdi-2026): nama, dasar hukum, tahun, status sementara, jumlah indikator",
        None,
        "EvaluationModelList",
        200,
    ),
    (
        "/evaluation/models/{model}",
        "get",
        "Satu model evaluasi lengkap: aspek, domain, indikator dengan bobot, nama level, kriteria (rumusan daerah), bukti dukung per level, dan crosswalk",
        None,
        "EvaluationModel",
        200,
    ),
    (
        "/evaluation/models/{model}/compute",
        "post",
        "Hitung indeks dan predikat dari level setiap indikator, persis (pecahan) dan dibulatkan dua desimal, per aspek dan domain, dengan saran kenaikan; 422 menyebut setiap nilai yang salah, 404 bila model tidak dikenal",
        Some("ComputeInput"),
        "ComputeResult",
        200,
    ),
    (
        "/evaluation/periods",
        "get",
        "Periode evaluasi (tahun, model, status), indeks sejauh ini dengan predikat, dan kemajuan: indikator dikonsolidasi dan bukti dinilai",
        None,
        "EvaluationPeriodList",
        200,
    ),
    (
        "/evaluation/periods",
        "post",
        "Buka periode evaluasi (koordinator): model harus berlaku untuk tahun itu; 409 bila tahun dan model sudah dibuka",
        Some("EvaluationPeriodInput"),
        "EvaluationPeriod",
        201,
    ),
    (
        "/evaluation/periods/{id}",
        "get",
        "Satu periode: setiap indikator dengan PD penanggung jawab, penilaian mandiri, bukti dukung per level dan penilaiannya, tim asesor, indeks",
        None,
        "EvaluationPeriod",
        200,
    ),
    (
        "/evaluation/periods/{id}/submit",
        "post",
        "Ajukan periode (koordinator); 422 menyebut indikator yang belum dikonsolidasikan",
        None,
        "EvaluationPeriod",
        200,
    ),
    (
        "/evaluation/periods/{id}/approve",
        "post",
        "Setujui hasil (koordinator): semua bukti sudah dinilai; tingkat akhir setiap indikator dan indeks dihitung dari penilaian asesor",
        None,
        "EvaluationPeriod",
        200,
    ),
    (
        "/evaluation/periods/{id}/target",
        "put",
        "Target indeks daerah, 1,00 sampai 5,00 (koordinator)",
        Some("EvaluationTargetInput"),
        "EvaluationPeriod",
        200,
    ),
    (
        "/evaluation/periods/{id}/national",
        "put",
        "Hasil evaluasi nasional per indikator, setelah disetujui (koordinator)",
        Some("EvaluationNationalInput"),
        "EvaluationPeriod",
        200,
    ),
    (
        "/evaluation/periods/{id}/assessors/{pegawai}",
        "put",
        "PD yang dinilai seorang asesor internal pada periode ini (koordinator)",
        Some("EvaluationTeamInput"),
        "EvaluationPeriod",
        200,
    ),
    (
        "/evaluation/periods/{id}/evidence/{lampiran}/review",
        "post",
        "Penilaian asesor atas satu bukti dukung: diterima, atau revisi dengan komentar; 403 di_luar_tim_asesor bila PD utama bukan tim asesor itu",
        Some("EvaluationReviewInput"),
        "EvaluationAttachment",
        200,
    ),
    (
        "/evaluation/periods/{id}/indicators/{nomor}",
        "put",
        "Penilaian mandiri satu indikator (level 1-5, justifikasi; atau nilai, sumber, tanggal untuk indikator eksternal) oleh PD penanggung jawab",
        Some("EvaluationSelfAssessment"),
        "EvaluationIndicator",
        200,
    ),
    (
        "/evaluation/periods/{id}/indicators/{nomor}/pds",
        "put",
        "PD penanggung jawab satu indikator, tepat satu PD utama (koordinator)",
        Some("EvaluationPdsInput"),
        "EvaluationIndicator",
        200,
    ),
    (
        "/evaluation/periods/{id}/indicators/{nomor}/evidence",
        "post",
        "Lampirkan bukti dukung pada satu level: JSON untuk tautan, rujukan registri/perencanaan, atau bukti yang dipakai ulang; multipart/form-data (level, judul, berkas) untuk berkas",
        Some("EvaluationEvidenceInput"),
        "EvaluationAttachment",
        201,
    ),
    (
        "/evaluation/periods/{id}/indicators/{nomor}/consolidate",
        "post",
        "Konsolidasikan indikator (admin PD utama); 422 bila tingkat atau bukti dukung per level belum lengkap",
        None,
        "EvaluationIndicator",
        200,
    ),
    (
        "/evaluation/periods/{id}/indicators/{nomor}/reopen",
        "post",
        "Buka kembali indikator yang sudah dikonsolidasikan (admin PD utama)",
        None,
        "EvaluationIndicator",
        200,
    ),
    (
        "/evaluation/evidence/{id}/file",
        "get",
        "Unduh berkas bukti dukung (header X-Simpul-Sha256 memuat sidiknya)",
        None,
        "File",
        200,
    ),
    (
        "/kepatuhan",
        "get",
        "Kepatuhan wilayah per tanggal (parameter per=TTTT-BB-HH): jumlah per status, per PD, per bab, per kewajiban, dan setiap baris dengan pasalnya",
        None,
        "Kepatuhan",
        200,
    ),
    (
        "/diagram-lan",
        "get",
        "Diagram LAN yang berlaku per PD untuk satu tahun (parameter tahun)",
        None,
        "PdLanList",
        200,
    ),
    (
        "/pd/{id}/diagram-lan",
        "get",
        "Semua versi diagram LAN satu PD",
        None,
        "DiagramLanList",
        200,
    ),
    (
        "/pd/{id}/diagram-lan",
        "post",
        "Unggah diagram LAN PD sebagai versi baru (multipart: tahun, catatan, berkas)",
        Some("DiagramLanUpload"),
        "DiagramLan",
        201,
    ),
    (
        "/diagram-lan/{id}/berkas",
        "get",
        "Unduh berkas diagram LAN",
        None,
        "File",
        200,
    ),
    (
        "/perencanaan",
        "get",
        "Dokumen perencanaan (Rencana Induk, Arsitektur, Peta Rencana, kebijakan internal), per jenis, penetapan terbaru dahulu",
        None,
        "DokumenPerencanaanList",
        200,
    ),
    (
        "/perencanaan",
        "post",
        "Catat dokumen perencanaan (admin PD pengelola SPBE, super_admin)",
        Some("DokumenPerencanaanInput"),
        "DokumenPerencanaan",
        201,
    ),
    (
        "/perencanaan/{id}",
        "get",
        "Rincian dokumen perencanaan dengan versi berkas dan reviunya",
        None,
        "DokumenPerencanaanRinci",
        200,
    ),
    (
        "/perencanaan/{id}",
        "put",
        "Ubah dokumen perencanaan",
        Some("DokumenPerencanaanInput"),
        "DokumenPerencanaan",
        200,
    ),
    (
        "/perencanaan/{id}/berkas",
        "get",
        "Semua versi berkas dokumen perencanaan, terbaru dahulu",
        None,
        "VersiDokumenList",
        200,
    ),
    (
        "/perencanaan/{id}/berkas",
        "post",
        "Unggah berkas dokumen perencanaan sebagai versi baru (multipart: catatan, berkas)",
        Some("VersiDokumenUpload"),
        "VersiDokumen",
        201,
    ),
    (
        "/perencanaan/{id}/reviu",
        "get",
        "Reviu dokumen perencanaan, terbaru dahulu",
        None,
        "ReviuList",
        200,
    ),
    (
        "/perencanaan/{id}/reviu",
        "post",
        "Catat reviu (multipart: tanggal, ringkasan, berkas laporan opsional)",
        Some("ReviuUpload"),
        "Reviu",
        201,
    ),
    (
        "/perencanaan/berkas/{id}",
        "get",
        "Unduh berkas satu versi dokumen perencanaan",
        None,
        "File",
        200,
    ),
    (
        "/perencanaan/reviu/{id}/berkas",
        "get",
        "Unduh laporan reviu (404 bila tidak ada)",
        None,
        "File",
        200,
    ),
];

/// Every documented operation, the bus control plane's included.
pub fn operations() -> impl Iterator<Item = &'static Operation> {
    OPERATIONS.iter().chain(bus::OPERATIONS)
}

/// Codes of the planning document kinds (`simpul_domain::plan::JenisDokumenPerencanaan`).
const PLAN_KINDS: [&str; 13] = [
    "rencana_induk",
    "arsitektur",
    "peta_rencana",
    "kebijakan_arsitektur",
    "kebijakan_peta_rencana",
    "kebijakan_manajemen_data",
    "kebijakan_pembangunan_aplikasi",
    "kebijakan_pusat_data",
    "kebijakan_jaringan_intra",
    "kebijakan_penghubung_layanan",
    "kebijakan_keamanan_informasi",
    "kebijakan_audit_tik",
    "kebijakan_tim_koordinasi",
];

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

fn uuid() -> Value {
    json!({"type": "string", "format": "uuid"})
}

fn schemas() -> Value {
    let nullable = |v: Value| json!({"anyOf": [v, {"type": "null"}]});
    let list = |name: &str| json!({"type": "array", "items": r(name)});
    let page = |name: &str| {
        obj(
            &[("items", list(name)), ("total", json!({"type": "integer"}))],
            &["items", "total"],
        )
    };
    let grant = obj(&[("role", s()), ("pd", uuid())], &["role", "pd"]);
    let mut all = json!({
        "Error": obj(&[
            ("error", json!({"type": "string", "enum": ["validation_failed", "malformed_json", "conflict", "not_found", "unauthenticated", "forbidden", "csrf_failed", "payload_too_large", "rate_limited", "unknown_reference", "internal"]})),
            ("message", s()),
            ("fields", json!({"type": "object", "additionalProperties": {"type": "array", "items": obj(&[("kode", s()), ("pesan", s())], &["kode", "pesan"])}})),
        ], &["error", "message", "fields"]),
        "Region": obj(&[("kode", s()), ("nama", s()), ("tingkat", json!({"enum": ["provinsi", "kabupaten", "kota"]})), ("domain", nullable(s())), ("profil", nullable(s()))], &["kode", "nama", "tingkat"]),
        "PerangkatDaerah": obj(&[("id", uuid()), ("kode", s()), ("nama", s()), ("singkatan", nullable(s())), ("jenis", s()), ("induk", nullable(uuid())), ("pengelola_spbe", json!({"type": "boolean"})), ("diarsipkan", json!({"type": "boolean"}))], &["id", "kode", "nama", "jenis"]),
        "PdList": list("PerangkatDaerah"),
        "PdInput": obj(&[("kode", s()), ("nama", s()), ("singkatan", s()), ("jenis", json!({"enum": ["sekretariat_daerah", "sekretariat_dprd", "inspektorat", "dinas", "badan", "satuan", "kecamatan", "kelurahan", "rsud", "upt"]})), ("induk", nullable(uuid()))], &["kode", "nama", "jenis"]),
        "Pegawai": obj(&[("id", uuid()), ("nip", json!({"type": "string", "pattern": "^[0-9]{18}$"})), ("nama", s()), ("jabatan", nullable(s())), ("email", nullable(s())), ("pd", uuid()), ("aktif", json!({"type": "boolean"}))], &["id", "nip", "nama", "pd"]),
        "PegawaiInput": obj(&[("nip", s()), ("nama", s()), ("jabatan", s()), ("email", s()), ("pd", uuid())], &["nip", "nama", "pd"]),
        "PegawaiCreate": {"allOf": [r("PegawaiInput"), obj(&[("sandi", s())], &[])]},
        "PegawaiPage": page("Pegawai"),
        "Grant": grant,
        "GrantInput": obj(&[("peran", json!({"enum": ["super_admin", "admin_pd", "operator_pd", "tim_koordinasi", "asesor_internal", "auditor", "pimpinan", "pelindungan_data"]})), ("pd", uuid())], &["peran", "pd"]),
        "StoredGrant": obj(&[("id", uuid()), ("pegawai", uuid()), ("role", s()), ("pd", uuid())], &["id", "pegawai", "role", "pd"]),
        "GrantList": list("StoredGrant"),
        "Me": obj(&[("pegawai", r("Pegawai")), ("peran", list("Grant"))], &["pegawai", "peran"]),
        "TeamList": {"type": "array", "items": obj(&[("id", uuid()), ("pegawai", uuid()), ("kedudukan", s()), ("bidang", nullable(s())), ("nama", s()), ("nip", s())], &["id", "pegawai", "kedudukan"])},
        "AuditEntry": obj(&[("seq", json!({"type": "integer"})), ("at", s()), ("actor", s()), ("action", s()), ("entity", s()), ("entity_id", s()), ("pd", nullable(s())), ("detail", s()), ("prev_hash", s()), ("hash", s())], &["seq", "at", "actor", "action", "hash"]),
        "AuditPage": page("AuditEntry"),
        "Empty": {"type": "object"},
        "Item": obj(&[("id", uuid()), ("jenis", s()), ("kode", s()), ("nama", s()), ("deskripsi", nullable(s())), ("pd", nullable(uuid())), ("status", nullable(s())), ("atribut", json!({"type": "object", "additionalProperties": {"type": "string"}})), ("diarsipkan", json!({"type": "boolean"}))], &["id", "jenis", "kode", "nama", "atribut"]),
        "ItemInput": obj(&[("kode", s()), ("nama", s()), ("deskripsi", s()), ("pd", nullable(uuid())), ("status", s()), ("atribut", json!({"type": "object", "additionalProperties": {"type": "string"}}))], &["kode", "nama"]),
        "ItemPage": page("Item"),
        "ItemList": list("Item"),
        "KindList": {"type": "array", "items": obj(&[("jenis", s()), ("domain", s()), ("status", json!({"type": "array"})), ("atribut", json!({"type": "array", "items": obj(&[("nama", s()), ("label", s()), ("tipe", s()), ("pilihan", json!({"type": "array", "items": s()})), ("wajib", json!({"type": "boolean"}))], &["nama", "tipe"])}))], &["jenis", "domain"])},
        "Relasi": obj(&[("id", uuid()), ("dari", uuid()), ("ke", uuid()), ("jenis", json!({"enum": ["menggunakan", "menyediakan", "dihosting_di", "bergantung_pada", "terintegrasi_dengan"]}))], &["id", "dari", "ke", "jenis"]),
        "RelationInput": obj(&[("jenis", json!({"enum": ["menggunakan", "menyediakan", "dihosting_di", "bergantung_pada", "terintegrasi_dengan"]})), ("ke", uuid())], &["jenis", "ke"]),
        "RelationList": {"type": "array", "items": {"allOf": [r("Relasi"), obj(&[("keluar", json!({"type": "boolean"})), ("lawan", r("Item"))], &["keluar", "lawan"])]}},
        "Berkas": obj(&[("id", uuid()), ("sha256", json!({"type": "string", "pattern": "^[0-9a-f]{64}$"})), ("ukuran", json!({"type": "integer"})), ("jenis", s()), ("nama", s()), ("diunggah_oleh", s()), ("diunggah", s())], &["id", "sha256", "ukuran", "jenis", "nama"]),
        "Lampiran": obj(&[("id", uuid()), ("item", uuid()), ("jenis", json!({"enum": ["sop", "hasil_reviu", "pertimbangan_menteri", "kajian_biaya_manfaat", "diagram", "lainnya"]})), ("versi", json!({"type": "integer"})), ("judul", s()), ("dibuat", s()), ("berkas", r("Berkas"))], &["id", "item", "jenis", "versi", "judul", "berkas"]),
        "LampiranList": list("Lampiran"),
        "LampiranUpload": obj(&[("jenis", s()), ("judul", s()), ("berkas", json!({"type": "string", "format": "binary"}))], &["jenis", "judul", "berkas"]),
        "DiagramLan": obj(&[("id", uuid()), ("pd", uuid()), ("tahun", json!({"type": "integer"})), ("versi", json!({"type": "integer"})), ("catatan", nullable(s())), ("dibuat", s()), ("berkas", r("Berkas"))], &["id", "pd", "tahun", "versi", "berkas"]),
        "DiagramLanList": list("DiagramLan"),
        "DiagramLanUpload": obj(&[("tahun", json!({"type": "integer"})), ("catatan", s()), ("berkas", json!({"type": "string", "format": "binary"}))], &["tahun", "berkas"]),
        "PdLanList": {"type": "array", "items": obj(&[("pd", uuid()), ("kode", s()), ("nama", s()), ("diagram", nullable(r("DiagramLan")))], &["pd", "kode", "nama"])},
        "Kepatuhan": kepatuhan_schema(),
        "ImpactList": {"type": "array", "items": obj(&[("kedalaman", json!({"type": "integer"})), ("catatan", r("Item"))], &["kedalaman", "catatan"])},
    });
    // Kept apart: one `json!` literal with every schema exceeds the macro recursion limit.
    if let (Some(map), Value::Object(more)) = (all.as_object_mut(), planning_schemas()) {
        map.extend(more);
    }
    if let (Some(map), Value::Object(more)) = (
        all.as_object_mut(),
        crate::api::evaluasi::hitung::skema::schemas(),
    ) {
        map.extend(more);
    }
    if let (Some(map), Value::Object(more)) = (
        all.as_object_mut(),
        crate::api::evaluasi::periode::skema::schemas(),
    ) {
        map.extend(more);
    }
    if let (Some(map), Value::Object(more)) = (all.as_object_mut(), bus::skema::schemas()) {
        map.extend(more);
    }
    all
}

/// The compliance summary of `GET /kepatuhan`.
fn kepatuhan_schema() -> Value {
    let nullable = |v: Value| json!({"anyOf": [v, {"type": "null"}]});
    let n = || json!({"type": "integer"});
    let date = || json!({"type": "string", "format": "date"});
    let hitungan = obj(
        &[
            ("terpenuhi", n()),
            ("segera_jatuh_tempo", n()),
            ("terlambat", n()),
            ("belum_pernah", n()),
            ("tidak_berlaku", n()),
        ],
        &[
            "terpenuhi",
            "segera_jatuh_tempo",
            "terlambat",
            "belum_pernah",
            "tidak_berlaku",
        ],
    );
    let status = json!({"enum": ["terpenuhi", "segera_jatuh_tempo", "terlambat", "belum_pernah", "tidak_berlaku"]});
    let baris = obj(
        &[
            ("kewajiban", s()),
            ("bab", s()),
            ("subjek", s()),
            ("nama_subjek", s()),
            ("pd", nullable(uuid())),
            ("status", status),
            ("jatuh_tempo", nullable(date())),
            ("terakhir", nullable(date())),
            ("pasal", s()),
            ("teks", s()),
            ("peraturan", s()),
            ("sumber", s()),
        ],
        &["kewajiban", "subjek", "status", "pasal", "teks"],
    );
    obj(
        &[
            ("profil", s()),
            ("peraturan", s()),
            ("per", date()),
            ("wilayah", hitungan.clone()),
            (
                "per_pd",
                json!({"type": "array", "items": obj(&[("pd", nullable(uuid())), ("nama", s()), ("hitungan", hitungan.clone())], &["pd", "hitungan"])}),
            ),
            (
                "per_bab",
                json!({"type": "array", "items": obj(&[("bab", s()), ("hitungan", hitungan.clone())], &["bab", "hitungan"])}),
            ),
            (
                "per_kewajiban",
                json!({"type": "array", "items": obj(&[("kewajiban", s()), ("pasal", s()), ("hitungan", hitungan)], &["kewajiban", "pasal", "hitungan"])}),
            ),
            ("baris", json!({"type": "array", "items": baris})),
        ],
        &["profil", "per", "wilayah", "baris"],
    )
}

/// Schemas of the planning documents.
fn planning_schemas() -> Value {
    let nullable = |v: Value| json!({"anyOf": [v, {"type": "null"}]});
    let list = |name: &str| json!({"type": "array", "items": r(name)});
    json!({
        "DokumenPerencanaan": obj(&[("id", uuid()), ("jenis", json!({"enum": PLAN_KINDS})), ("judul", s()), ("periode", nullable(obj(&[("awal", json!({"type": "integer"})), ("akhir", json!({"type": "integer"}))], &["awal", "akhir"]))), ("nomor_penetapan", nullable(s())), ("tanggal_penetapan", nullable(json!({"type": "string", "format": "date"}))), ("status", json!({"enum": ["draf", "berlaku", "dicabut"]})), ("dibuat", s()), ("diubah", s())], &["id", "jenis", "judul", "status"]),
        "DokumenPerencanaanList": list("DokumenPerencanaan"),
        "DokumenPerencanaanInput": obj(&[("jenis", json!({"enum": PLAN_KINDS})), ("judul", s()), ("periode_awal", json!({"type": ["integer", "string"]})), ("periode_akhir", json!({"type": ["integer", "string"]})), ("nomor_penetapan", s()), ("tanggal_penetapan", json!({"type": "string", "format": "date"})), ("status", json!({"enum": ["draf", "berlaku", "dicabut"]}))], &["jenis", "judul"]),
        "DokumenPerencanaanRinci": {"allOf": [r("DokumenPerencanaan"), obj(&[("versi", list("VersiDokumen")), ("reviu", list("Reviu"))], &["versi", "reviu"])]},
        "VersiDokumen": obj(&[("id", uuid()), ("dokumen", uuid()), ("versi", json!({"type": "integer"})), ("catatan", nullable(s())), ("dibuat", s()), ("berkas", r("Berkas"))], &["id", "dokumen", "versi", "berkas"]),
        "VersiDokumenList": list("VersiDokumen"),
        "VersiDokumenUpload": obj(&[("catatan", s()), ("berkas", json!({"type": "string", "format": "binary"}))], &["berkas"]),
        "Reviu": obj(&[("id", uuid()), ("dokumen", uuid()), ("tanggal", json!({"type": "string", "format": "date"})), ("ringkasan", s()), ("dicatat_oleh", s()), ("dibuat", s()), ("berkas", nullable(r("Berkas")))], &["id", "dokumen", "tanggal", "ringkasan"]),
        "ReviuList": list("Reviu"),
        "ReviuUpload": obj(&[("tanggal", json!({"type": "string", "format": "date"})), ("ringkasan", s()), ("berkas", json!({"type": "string", "format": "binary"}))], &["tanggal", "ringkasan"]),
    })
}

/// The query parameters of the search (`GET /arsitektur/cari`).
fn search_parameters() -> Value {
    let q = |name: &str, required: bool, schema: Value, description: &str| json!({"name": name, "in": "query", "required": required, "schema": schema, "description": description});
    json!([
        q("q", true, s(), "Kata yang dicari; setiap kata harus ada."),
        q(
            "domain",
            false,
            s(),
            "Hanya domain ini (kode domain, mis. `data`, `aplikasi`)."
        ),
        q("pd", false, uuid(), "Hanya catatan milik PD ini."),
        q(
            "status",
            false,
            s(),
            "Hanya status ini (kode status salah satu jenis, mis. `aktif`, `produksi`)."
        ),
        q(
            "limit",
            false,
            json!({"type": "integer", "minimum": 1, "maximum": 500, "default": 50}),
            "Banyak hasil terbaik."
        ),
    ])
}

/// Build the document.
pub fn build() -> Value {
    let mut paths = serde_json::Map::new();
    for (path, method, summary, req, resp, status) in operations() {
        let mut op = json!({
            "summary": summary,
            "responses": {
                status.to_string(): match (*status, *resp) {
                    (204, _) => json!({"description": "Berhasil"}),
                    (_, "File") => json!({"description": "Berkas tersimpan", "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}),
                    _ => json!({"description": "Berhasil", "content": {"application/json": {"schema": r(resp)}}}),
                },
                "default": {"description": "Kesalahan", "content": {"application/json": {"schema": r("Error")}}},
            },
        });
        if let Some(req) = req {
            // Uploads carry a file, so they are multipart like the pages' forms.
            let media = if req.ends_with("Upload") {
                "multipart/form-data"
            } else {
                "application/json"
            };
            op["requestBody"] = json!({"required": true, "content": {media: {"schema": r(req)}}});
        }
        if path.contains("{model}") {
            op["parameters"] = json!([{"name": "model", "in": "path", "required": true, "schema": {"type": "string", "examples": ["spbe-2020", "pemdi-2026"]}}]);
        }
        if path.contains("{id}") {
            op["parameters"] =
                json!([{"name": "id", "in": "path", "required": true, "schema": uuid()}]);
        }
        if path.starts_with("/evaluation/periods") || path.starts_with("/evaluation/evidence") {
            crate::api::evaluasi::periode::skema::lengkapi(path, &mut op);
        }
        if (*path, *method) == ("/arsitektur/cari", "get") {
            op["parameters"] = search_parameters();
        }
        if path.starts_with("/bus/") {
            bus::lengkapi(path, method, &mut op);
        }
        let entry = paths.entry((*path).to_owned()).or_insert_with(|| json!({}));
        entry[*method] = op;
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Simpul API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "API Simpul untuk klien mesin. Autentikasi: `Authorization: Bearer <token>` (buat dengan `simpul admin create-token`). Kesalahan selalu berbentuk `{\"error\", \"message\", \"fields\"}`.",
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "tags": [bus::tag()],
        "paths": paths,
        "components": {
            "schemas": schemas(),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    })
}

/// `GET /api/v1/openapi.json` (public: it describes, it does not reveal data).
pub async fn document() -> Json<Value> {
    Json(build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_resolves() {
        let doc = build();
        let text = doc.to_string();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        for part in text.split("#/components/schemas/").skip(1) {
            let name: String = part.chars().take_while(|c| c.is_alphanumeric()).collect();
            assert!(schemas.contains_key(&name), "unresolved schema {name}");
        }
        let distinct: std::collections::BTreeSet<_> = operations().map(|o| o.0).collect();
        assert_eq!(doc["paths"].as_object().unwrap().len(), distinct.len());
        // 46 paths before the bus, 13 of the bus control plane.
        assert_eq!(distinct.len(), 59);
        assert_eq!(
            distinct.iter().filter(|p| p.starts_with("/bus/")).count(),
            13
        );
        let codes: Vec<_> = simpul_domain::plan::JenisDokumenPerencanaan::ALL
            .iter()
            .map(|j| j.code())
            .collect();
        assert_eq!(codes, PLAN_KINDS, "the documented kinds are the domain's");
    }

    /// `(path, method)` of every `.route("<literal path>", ...)` in router source `src`
    /// (routes whose path is built with `format!` are not seen).
    fn registered(src: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for part in src.split(".route(").skip(1) {
            // The arguments: up to the parenthesis that closes `.route(`.
            let mut depth = 1;
            let end = part
                .char_indices()
                .find(|(_, c)| {
                    depth += match c {
                        '(' => 1,
                        ')' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map_or(part.len(), |(i, _)| i);
            let args = part[..end].trim_start();
            let Some((path, handlers)) = args.strip_prefix('"').and_then(|a| a.split_once('"'))
            else {
                continue;
            };
            for m in ["get", "post", "put", "delete", "patch"] {
                let call = format!("{m}(");
                let used = handlers.match_indices(&call).any(|(i, _)| {
                    i == 0 || {
                        let before = handlers.as_bytes()[i - 1];
                        !before.is_ascii_alphanumeric() && before != b'_'
                    }
                });
                if used {
                    out.push((path.to_owned(), m.to_owned()));
                }
            }
        }
        out
    }

    #[test]
    fn every_registered_route_is_documented() {
        let documented: std::collections::BTreeSet<(String, String)> = operations()
            .map(|o| (o.0.to_owned(), o.1.to_owned()))
            .collect();
        let sources = [
            ("api/mod.rs", include_str!("mod.rs")),
            ("api/bus.rs", include_str!("bus.rs")),
            ("api/evaluasi/hitung.rs", include_str!("evaluasi/hitung.rs")),
            (
                "api/evaluasi/periode/mod.rs",
                include_str!("evaluasi/periode/mod.rs"),
            ),
        ];
        let mut seen = 0;
        for (file, src) in sources {
            for route in registered(src) {
                seen += 1;
                if route.0 == "/openapi.json" {
                    continue;
                }
                assert!(
                    documented.contains(&route),
                    "{file}: {} {} is not in the OpenAPI document",
                    route.1,
                    route.0
                );
            }
        }
        assert!(seen > 60, "the route scan found only {seen}");
    }

    #[test]
    fn the_bus_routes_and_the_bus_document_are_the_same() {
        let routes: std::collections::BTreeSet<(String, String)> =
            registered(include_str!("bus.rs")).into_iter().collect();
        let documented: std::collections::BTreeSet<(String, String)> = bus::OPERATIONS
            .iter()
            .map(|o| (o.0.to_owned(), o.1.to_owned()))
            .collect();
        assert_eq!(routes.len(), 18, "{routes:?}");
        assert_eq!(routes, documented);
    }

    #[test]
    fn bus_operations_say_who_may_and_what_fails() {
        let doc = build();
        let op = |path: &str, method: &str| doc["paths"][path][method].clone();
        // The secret of a new credential is in the response schema, and only there.
        let baru = &doc["components"]["schemas"]["BusKredensialBaru"];
        assert_eq!(baru["required"], json!(["kredensial", "rahasia"]));
        let stored = &doc["components"]["schemas"]["BusKredensial"]["properties"];
        assert!(stored["sha256"].is_object() && stored["rahasia"].is_null());
        // Stable codes per status, with the problem codes of each field.
        let create = op("/bus/layanan", "post");
        assert_eq!(
            create["responses"]["403"]["content"]["application/json"]["schema"]["allOf"][1]["properties"]
                ["error"]["enum"],
            json!(["forbidden"])
        );
        let fields = &create["responses"]["422"]["x-kode-kolom"];
        assert!(fields["openapi"].to_string().contains("openapi_versi"));
        assert_eq!(
            create["responses"]["409"]["x-kode-kolom"]["kode"],
            json!(["sudah_ada"])
        );
        assert_eq!(
            op("/bus/kredensial/{id}", "delete")["responses"]["204"]["description"],
            "Berhasil"
        );
        assert!(op("/bus/konsumen/{id}/cabut", "post")["requestBody"].is_null());
        for (path, method, ..) in bus::OPERATIONS {
            let o = op(path, method);
            assert_eq!(o["tags"], json!(["bus"]), "{method} {path}");
            if path.contains("{id}") {
                assert!(o["responses"]["404"].is_object(), "{method} {path}");
                assert_eq!(o["parameters"][0]["name"], "id");
            }
            if *method != "get" {
                assert!(o["responses"]["403"].is_object(), "{method} {path}");
            }
        }
    }
}
