-- Uploaded files and the records that carry them: documents of registry records (SOP,
-- ministerial consideration, diagrams) and each PD's LAN diagram per year (000 Pasal 20).
-- The bytes live in the content-addressed blob store under the data folder; these rows
-- name them by SHA-256. Nothing here is updated or deleted: a new upload is a new version.
-- Mirrors postgres/0004_documents.sql.

CREATE TABLE berkas (
    id             BLOB PRIMARY KEY,
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
    ukuran         BIGINT NOT NULL CHECK (ukuran > 0),
    jenis_media    TEXT NOT NULL,
    nama           TEXT NOT NULL,
    diunggah_oleh  TEXT NOT NULL,
    diunggah       TEXT NOT NULL
);
CREATE INDEX berkas_sha256_idx ON berkas (sha256);

CREATE TABLE lampiran (
    id      BLOB PRIMARY KEY,
    item    BLOB NOT NULL REFERENCES arsitektur (id),
    jenis   TEXT NOT NULL,
    versi   INTEGER NOT NULL CHECK (versi > 0),
    judul   TEXT NOT NULL,
    berkas  BLOB NOT NULL REFERENCES berkas (id),
    dibuat  TEXT NOT NULL,
    UNIQUE (item, jenis, versi)
);

CREATE TABLE diagram_lan (
    id       BLOB PRIMARY KEY,
    pd       BLOB NOT NULL REFERENCES pd (id),
    tahun    INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    versi    INTEGER NOT NULL CHECK (versi > 0),
    catatan  TEXT,
    berkas   BLOB NOT NULL REFERENCES berkas (id),
    dibuat   TEXT NOT NULL,
    UNIQUE (pd, tahun, versi)
);
CREATE INDEX diagram_lan_tahun_idx ON diagram_lan (tahun, pd);
