-- Listing the registry at scale (30,000 datasets of one kind): a covering index in list
-- order, and a generated lower-case search text for the text filter. Mirrors
-- sqlite/0003_registry_listing.sql.

ALTER TABLE arsitektur ADD COLUMN cari_teks TEXT GENERATED ALWAYS AS (lower(kode || ' ' || nama)) STORED;
-- The first replaces (jenis, diarsipkan) of 0002, which the planner preferred even for text
-- filters it cannot serve.
DROP INDEX arsitektur_jenis_idx;
CREATE INDEX arsitektur_jenis_idx ON arsitektur (jenis, diarsipkan, cari_teks);
CREATE INDEX arsitektur_urut_idx ON arsitektur (jenis, kode, diarsipkan, cari_teks, id);
