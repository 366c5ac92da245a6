-- Fulfilments of regulation obligations recorded by hand (evidence `catatan`, and audits
-- and reports Simpul cannot see by itself): which obligation of which profile, for which
-- subject (a key such as `pd:<uuid>`, `item:<uuid>`, `dokumen:arsitektur`, `dinas`),
-- on what date, with a description and optionally the evidence file (a row of `berkas`,
-- 0004). Rows are never updated or deleted: they are evidence, and the audit trail
-- holds the entry of each. The obligation and subject are checked by the domain against
-- the active profile and the registry; they are plain text here because profiles are
-- files, not tables.
-- Mirrors sqlite/0006_pemenuhan.sql.

CREATE TABLE pemenuhan (
    id            UUID PRIMARY KEY,
    profil        TEXT NOT NULL,
    kewajiban     TEXT NOT NULL,
    subjek        TEXT NOT NULL,
    tanggal       TEXT NOT NULL CHECK (length(tanggal) = 10),
    keterangan    TEXT NOT NULL,
    berkas        UUID REFERENCES berkas (id),
    dicatat_oleh  TEXT NOT NULL,
    dibuat        TEXT NOT NULL
);
CREATE INDEX pemenuhan_kewajiban_idx ON pemenuhan (profil, kewajiban, subjek, tanggal);
CREATE INDEX pemenuhan_subjek_idx ON pemenuhan (profil, subjek, tanggal);
