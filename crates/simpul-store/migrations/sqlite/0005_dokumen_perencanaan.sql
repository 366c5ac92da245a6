-- Planning documents as records (ARC-7, PLN-1, PLN-2): the Rencana Induk, the Arsitektur
-- SPBE, the Peta Rencana and the ten internal policies (001 Lampiran A-J), with their
-- period, adoption decree and status; every version of the document's file; and the
-- reviews held on them. Files are rows of `berkas` (0004). A new file is a new row of
-- dokumen_perencanaan_versi, never an update, so every adopted text stays retrievable;
-- reviews are never edited. Years and dates are checked by the domain; the checks here
-- only keep a manual edit from storing what the domain would refuse.
-- Mirrors postgres/0005_dokumen_perencanaan.sql.

CREATE TABLE dokumen_perencanaan (
    id                 BLOB PRIMARY KEY,
    jenis              TEXT NOT NULL,
    judul              TEXT NOT NULL,
    periode_awal       INTEGER,
    periode_akhir      INTEGER,
    nomor_penetapan    TEXT,
    tanggal_penetapan  TEXT CHECK (tanggal_penetapan IS NULL OR length(tanggal_penetapan) = 10),
    status             TEXT NOT NULL CHECK (status IN ('draf', 'berlaku', 'dicabut')),
    dibuat             TEXT NOT NULL,
    diubah             TEXT NOT NULL,
    CHECK ((periode_awal IS NULL) = (periode_akhir IS NULL)),
    CHECK (periode_akhir IS NULL OR (periode_akhir >= periode_awal AND periode_akhir - periode_awal < 20))
);
CREATE INDEX dokumen_perencanaan_jenis_idx ON dokumen_perencanaan (jenis, status);

CREATE TABLE dokumen_perencanaan_versi (
    id       BLOB PRIMARY KEY,
    dokumen  BLOB NOT NULL REFERENCES dokumen_perencanaan (id),
    versi    INTEGER NOT NULL CHECK (versi > 0),
    catatan  TEXT,
    berkas   BLOB NOT NULL REFERENCES berkas (id),
    dibuat   TEXT NOT NULL,
    UNIQUE (dokumen, versi)
);

CREATE TABLE reviu_perencanaan (
    id            BLOB PRIMARY KEY,
    dokumen       BLOB NOT NULL REFERENCES dokumen_perencanaan (id),
    tanggal       TEXT NOT NULL CHECK (length(tanggal) = 10),
    ringkasan     TEXT NOT NULL,
    berkas        BLOB REFERENCES berkas (id),
    dicatat_oleh  TEXT NOT NULL,
    dibuat        TEXT NOT NULL
);
CREATE INDEX reviu_perencanaan_dokumen_idx ON reviu_perencanaan (dokumen, tanggal);
