-- The SPBE self-evaluation (EVA-1..4): periods (a year scored against one model),
-- indicators assigned to PDs, self-assessed levels with justification, reusable
-- evidence items attached per indicator and level, the internal assessors' review of
-- each attachment, the region's wording of level criteria, and the national result.
-- Models are files (`models/`), so model codes and indicator numbers are plain values
-- here, checked by the domain against the loaded model.
-- Mirrors sqlite/0008_evaluasi.sql.

CREATE TABLE evaluasi_periode (
    id              UUID PRIMARY KEY,
    tahun           INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    model           TEXT NOT NULL,
    status          TEXT NOT NULL,
    target          INTEGER CHECK (target BETWEEN 100 AND 500),
    diajukan        TEXT,
    disetujui       TEXT,
    disetujui_oleh  TEXT,
    dibuat          TEXT NOT NULL,
    UNIQUE (tahun, model)
);

-- Responsible PDs of an indicator in a period: several may share it, one leads.
CREATE TABLE evaluasi_pj (
    periode  UUID NOT NULL REFERENCES evaluasi_periode (id),
    nomor    INTEGER NOT NULL CHECK (nomor > 0),
    pd       UUID NOT NULL REFERENCES pd (id),
    utama    BOOLEAN NOT NULL,
    PRIMARY KEY (periode, nomor, pd)
);
CREATE INDEX evaluasi_pj_pd_idx ON evaluasi_pj (pd, periode);

-- One row per indicator of the period. `level` is the self-assessed level; an external
-- indicator has `nilai_eksternal` (hundredths, 100..500) with its source and date
-- instead. `nasional` is the national result entered after approval (hundredths).
CREATE TABLE evaluasi_indikator (
    periode          UUID NOT NULL REFERENCES evaluasi_periode (id),
    nomor            INTEGER NOT NULL CHECK (nomor > 0),
    status           TEXT NOT NULL,
    level            INTEGER CHECK (level BETWEEN 1 AND 5),
    justifikasi      TEXT,
    nama_layanan     TEXT,
    nilai_eksternal  INTEGER CHECK (nilai_eksternal BETWEEN 100 AND 500),
    sumber_eksternal TEXT,
    tanggal_sumber   TEXT,
    level_akhir      INTEGER CHECK (level_akhir BETWEEN 1 AND 5),
    nasional         INTEGER CHECK (nasional BETWEEN 100 AND 500),
    diubah           TEXT NOT NULL,
    diubah_oleh      TEXT NOT NULL,
    PRIMARY KEY (periode, nomor)
);

-- Evidence items (bukti dukung): a file, a link to a registry record or planning
-- document, or a web address. Owned by a PD; reusable across periods and models.
CREATE TABLE bukti_dukung (
    id          UUID PRIMARY KEY,
    judul       TEXT NOT NULL,
    jenis       TEXT NOT NULL,
    berkas      UUID REFERENCES berkas (id),
    rujukan     UUID,
    url         TEXT,
    pd          UUID REFERENCES pd (id),
    dibuat      TEXT NOT NULL,
    dibuat_oleh TEXT NOT NULL,
    CHECK ((jenis = 'berkas') = (berkas IS NOT NULL))
);
CREATE INDEX bukti_dukung_pd_idx ON bukti_dukung (pd);

-- An evidence item attached to one level of one indicator of a period, and the
-- assessor's verdict on it (`belum_dinilai`, `diterima`, `revisi`).
CREATE TABLE evaluasi_bukti (
    id                UUID PRIMARY KEY,
    periode           UUID NOT NULL REFERENCES evaluasi_periode (id),
    nomor             INTEGER NOT NULL CHECK (nomor > 0),
    level             INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    bukti             UUID NOT NULL REFERENCES bukti_dukung (id),
    status            TEXT NOT NULL,
    komentar          TEXT,
    dinilai_oleh      TEXT,
    dinilai           TEXT,
    dilampirkan_oleh  TEXT NOT NULL,
    dilampirkan       TEXT NOT NULL,
    UNIQUE (periode, nomor, level, bukti)
);
CREATE INDEX evaluasi_bukti_bukti_idx ON evaluasi_bukti (bukti);

-- The internal assessor team of a period: which PDs each assessor reviews.
CREATE TABLE evaluasi_asesor (
    periode  UUID NOT NULL REFERENCES evaluasi_periode (id),
    pegawai  UUID NOT NULL REFERENCES pegawai (id),
    pd       UUID NOT NULL REFERENCES pd (id),
    PRIMARY KEY (periode, pegawai, pd)
);

-- The region's wording of a level's criteria, replacing the model file's text.
CREATE TABLE evaluasi_kriteria (
    model        TEXT NOT NULL,
    nomor        INTEGER NOT NULL CHECK (nomor > 0),
    level        INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    teks         TEXT NOT NULL,
    diubah       TEXT NOT NULL,
    diubah_oleh  TEXT NOT NULL,
    PRIMARY KEY (model, nomor, level)
);
