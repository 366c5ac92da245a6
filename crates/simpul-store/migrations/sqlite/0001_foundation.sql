-- Foundation: the region, agencies, staff, roles, coordination team, sessions, API
-- tokens and the hash-chained audit trail. Mirrors postgres/0001_foundation.sql.

CREATE TABLE region (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    kode     TEXT NOT NULL,
    nama     TEXT NOT NULL,
    tingkat  TEXT NOT NULL CHECK (tingkat IN ('provinsi', 'kabupaten', 'kota')),
    domain   TEXT,
    profil   TEXT
);

CREATE TABLE pd (
    id              BLOB PRIMARY KEY,
    kode            TEXT NOT NULL UNIQUE,
    nama            TEXT NOT NULL,
    singkatan       TEXT,
    jenis           TEXT NOT NULL,
    induk           BLOB REFERENCES pd (id),
    pengelola_spbe  BOOLEAN NOT NULL DEFAULT FALSE,
    diarsipkan      BOOLEAN NOT NULL DEFAULT FALSE,
    dibuat          TEXT NOT NULL,
    diubah          TEXT NOT NULL
);
CREATE INDEX pd_induk_idx ON pd (induk);

CREATE TABLE pegawai (
    id             BLOB PRIMARY KEY,
    nip            TEXT NOT NULL UNIQUE,
    nama           TEXT NOT NULL,
    jabatan        TEXT,
    email          TEXT,
    pd             BLOB NOT NULL REFERENCES pd (id),
    password_hash  TEXT,
    aktif          BOOLEAN NOT NULL DEFAULT TRUE,
    dibuat         TEXT NOT NULL,
    diubah         TEXT NOT NULL
);
CREATE INDEX pegawai_pd_idx ON pegawai (pd);

CREATE TABLE peran (
    id       BLOB PRIMARY KEY,
    pegawai  BLOB NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    role     TEXT NOT NULL,
    pd       BLOB NOT NULL REFERENCES pd (id),
    dibuat   TEXT NOT NULL,
    UNIQUE (pegawai, role, pd)
);
CREATE INDEX peran_pd_idx ON peran (pd);

CREATE TABLE tim_koordinasi (
    id         BLOB PRIMARY KEY,
    pegawai    BLOB NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    kedudukan  TEXT NOT NULL,
    bidang     TEXT NOT NULL DEFAULT '',
    UNIQUE (pegawai, kedudukan, bidang)
);

CREATE TABLE sesi (
    token_hash  TEXT PRIMARY KEY,
    pegawai     BLOB NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    csrf        TEXT NOT NULL,
    dibuat      TEXT NOT NULL,
    terakhir    TEXT NOT NULL
);

CREATE TABLE api_token (
    id                BLOB PRIMARY KEY,
    pegawai           BLOB NOT NULL REFERENCES pegawai (id) ON DELETE CASCADE,
    nama              TEXT NOT NULL,
    token_hash        TEXT NOT NULL UNIQUE,
    dibuat            TEXT NOT NULL,
    terakhir_dipakai  TEXT,
    dicabut           TEXT
);

CREATE TABLE audit_log (
    seq        BIGINT PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    pd         TEXT,
    detail     TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
CREATE INDEX audit_log_pd_idx ON audit_log (pd);

-- One row: the chain's last seq and hash. Writers update it first, which serialises
-- appends on both backends and lets `verify` notice entries cut off the end.
CREATE TABLE audit_head (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   BIGINT NOT NULL,
    hash  TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
