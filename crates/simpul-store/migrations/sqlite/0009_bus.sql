-- The service bus control plane (issue 5): services a PD publishes (one row per
-- version, its OpenAPI document in the blob store by SHA-256), consumers (a PD's
-- applications) with credentials stored only as SHA-256 digests of random secrets,
-- access grants, the Dinas' reviews, and Satu Data element definitions. The gateway
-- routes from a snapshot of these tables (simpul_store::bus::snapshot).
-- Mirrors postgres/0009_bus.sql.

CREATE TABLE bus_layanan (
    id              BLOB PRIMARY KEY,
    pd              BLOB NOT NULL REFERENCES pd (id),
    kode            TEXT NOT NULL,
    versi           TEXT NOT NULL,
    nama            TEXT NOT NULL,
    deskripsi       TEXT,
    url_hulu        TEXT NOT NULL,
    klasifikasi     TEXT NOT NULL CHECK (klasifikasi IN ('biasa', 'terbatas', 'rahasia')),
    nik_query       TEXT NOT NULL DEFAULT '',
    nik_request     TEXT NOT NULL DEFAULT '',
    nik_response    TEXT NOT NULL DEFAULT '',
    openapi_sha256  TEXT CHECK (openapi_sha256 IS NULL OR length(openapi_sha256) = 64),
    openapi_nama    TEXT,
    status          TEXT NOT NULL CHECK (status IN ('usulan', 'aktif', 'ditolak', 'nonaktif')),
    dibuat          TEXT NOT NULL,
    diubah          TEXT NOT NULL,
    UNIQUE (pd, kode, versi)
);
CREATE INDEX bus_layanan_status_idx ON bus_layanan (status);

CREATE TABLE bus_konsumen (
    id          BLOB PRIMARY KEY,
    pd          BLOB NOT NULL REFERENCES pd (id),
    kode        TEXT NOT NULL UNIQUE,
    nama        TEXT NOT NULL,
    aplikasi    TEXT NOT NULL,
    dicabut     BOOLEAN NOT NULL DEFAULT FALSE,
    dibuat      TEXT NOT NULL,
    diubah      TEXT NOT NULL
);
CREATE INDEX bus_konsumen_pd_idx ON bus_konsumen (pd);

CREATE TABLE bus_kredensial (
    id          BLOB PRIMARY KEY,
    konsumen    BLOB NOT NULL REFERENCES bus_konsumen (id),
    jenis       TEXT NOT NULL CHECK (jenis IN ('api_key', 'oauth')),
    client_id   TEXT UNIQUE,
    sha256      TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    petunjuk    TEXT NOT NULL,
    dicabut     BOOLEAN NOT NULL DEFAULT FALSE,
    dibuat      TEXT NOT NULL,
    CHECK ((jenis = 'oauth') = (client_id IS NOT NULL))
);
CREATE INDEX bus_kredensial_konsumen_idx ON bus_kredensial (konsumen);

CREATE TABLE bus_izin (
    id              BLOB PRIMARY KEY,
    konsumen        BLOB NOT NULL REFERENCES bus_konsumen (id),
    layanan         BLOB NOT NULL REFERENCES bus_layanan (id),
    tujuan          TEXT NOT NULL,
    dasar_hukum     TEXT NOT NULL,
    berlaku_sampai  TEXT NOT NULL CHECK (length(berlaku_sampai) = 10),
    status          TEXT NOT NULL CHECK (status IN ('usulan', 'aktif', 'ditolak', 'dicabut')),
    diminta_oleh    TEXT NOT NULL,
    dibuat          TEXT NOT NULL,
    diubah          TEXT NOT NULL
);
CREATE INDEX bus_izin_layanan_idx ON bus_izin (layanan);
CREATE INDEX bus_izin_konsumen_idx ON bus_izin (konsumen);

CREATE TABLE bus_tinjauan (
    id          BLOB PRIMARY KEY,
    objek       TEXT NOT NULL CHECK (objek IN ('layanan', 'izin')),
    objek_id    BLOB NOT NULL,
    putusan     TEXT NOT NULL,
    catatan     TEXT,
    oleh        TEXT NOT NULL,
    pada        TEXT NOT NULL
);
CREATE INDEX bus_tinjauan_objek_idx ON bus_tinjauan (objek, objek_id);

CREATE TABLE bus_elemen (
    id          BLOB PRIMARY KEY,
    nama        TEXT NOT NULL UNIQUE,
    definisi    TEXT NOT NULL,
    tipe        TEXT NOT NULL,
    satuan      TEXT,
    referensi   TEXT,
    dibuat      TEXT NOT NULL,
    diubah      TEXT NOT NULL
);
