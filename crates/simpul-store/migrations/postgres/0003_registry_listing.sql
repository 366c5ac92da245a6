-- Listing the registry at scale (30,000 datasets of one kind): a covering index in list
-- order, and a generated lower-case search text for the text filter. Mirrors
-- sqlite/0003_registry_listing.sql.

ALTER TABLE arsitektur ADD COLUMN cari_teks TEXT GENERATED ALWAYS AS (lower(kode || ' ' || nama)) STORED;
CREATE INDEX arsitektur_urut_idx ON arsitektur (jenis, kode, diarsipkan, id);
CREATE INDEX arsitektur_cari_teks_idx ON arsitektur (jenis, diarsipkan, cari_teks, kode, id);
