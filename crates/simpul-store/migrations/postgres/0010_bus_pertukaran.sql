-- The index of the bus evidence log (issue 5): one row per exchange the gateway
-- recorded, copied from the log by the indexer (simpul_store::bus::indeks), so the
-- exchanges can be searched, the personal-data ledger looked up by NIK hash, and the
-- traffic charted. The log stays the evidence; this is a derived, rebuildable copy.
-- Times are unix microseconds (UTC), so ranges and hourly buckets are integer maths.
-- PDs are kept as the log names them (codes) and resolved to ids when indexed, so
-- visibility can be decided by PD id.
-- Mirrors sqlite/0010_bus_pertukaran.sql.

CREATE TABLE bus_pertukaran (
    seq                 BIGINT PRIMARY KEY,
    id_permintaan       TEXT NOT NULL,
    waktu_us            BIGINT NOT NULL,
    konsumen            TEXT NOT NULL,
    konsumen_nama       TEXT,
    konsumen_pd         TEXT,
    konsumen_pd_id      UUID,
    layanan_pd          TEXT NOT NULL,
    layanan_pd_id       UUID,
    layanan_kode        TEXT NOT NULL,
    layanan_versi       TEXT NOT NULL,
    petugas             TEXT,
    tujuan              TEXT,
    status              TEXT NOT NULL CHECK (status IN ('diteruskan', 'ditolak', 'gagal')),
    http                INTEGER NOT NULL,
    kode_masalah        TEXT,
    total_us            BIGINT NOT NULL,
    hulu_us             BIGINT,
    ukuran_permintaan   BIGINT NOT NULL,
    ukuran_tanggapan    BIGINT NOT NULL,
    sha256_permintaan   TEXT NOT NULL CHECK (length(sha256_permintaan) = 64),
    sha256_tanggapan    TEXT NOT NULL CHECK (length(sha256_tanggapan) = 64),
    segmen              BIGINT NOT NULL,
    baris               BIGINT NOT NULL,
    hash                TEXT NOT NULL CHECK (length(hash) = 64)
);
CREATE INDEX bus_pertukaran_waktu_idx ON bus_pertukaran (waktu_us);
CREATE INDEX bus_pertukaran_layanan_idx ON bus_pertukaran (layanan_kode, waktu_us);
CREATE INDEX bus_pertukaran_konsumen_idx ON bus_pertukaran (konsumen, waktu_us);
CREATE INDEX bus_pertukaran_kpd_idx ON bus_pertukaran (konsumen_pd_id, waktu_us);
CREATE INDEX bus_pertukaran_lpd_idx ON bus_pertukaran (layanan_pd_id, waktu_us);
CREATE INDEX bus_pertukaran_petugas_idx ON bus_pertukaran (petugas, waktu_us);
CREATE INDEX bus_pertukaran_masalah_idx ON bus_pertukaran (kode_masalah, waktu_us);

-- Keyed NIK hashes (HMAC, never NIKs) per exchange: the personal-data ledger.
CREATE TABLE bus_pertukaran_nik (
    hash    TEXT NOT NULL CHECK (length(hash) = 64),
    seq     BIGINT NOT NULL REFERENCES bus_pertukaran (seq),
    PRIMARY KEY (hash, seq)
);

-- The indexer's cursor: the last log line taken (exchanges, notes and checkpoints
-- alike) and its hash. On every run the line is read back and compared: a log that no
-- longer holds it is reported in `masalah`, not indexed again from scratch.
CREATE TABLE bus_indeks (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    seq         BIGINT NOT NULL,
    kepala      TEXT CHECK (kepala IS NULL OR length(kepala) = 64),
    masalah     TEXT,
    diubah      TEXT NOT NULL
);
INSERT INTO bus_indeks (id, seq, kepala, masalah, diubah)
    VALUES (1, 0, NULL, NULL, '1970-01-01T00:00:00.000000Z');
