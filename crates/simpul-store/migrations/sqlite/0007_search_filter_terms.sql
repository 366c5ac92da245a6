-- Search narrowed by a filter (kind, domain, status, PD, archived) without reading the
-- records' rows. Until now every full-text match was joined to its record to test the
-- filter, a row lookup per match (945 for `kesehatan` in the large demo) that cost more
-- than the search itself. Now the full-text index carries the filter values too, in a
-- column `saring` of one token each, and the filter becomes part of the MATCH expression:
-- FTS5 intersects the lists of the words and of the filter tokens on its own.
--
-- A token is a letter naming the column and the lower-case hex of the value's bytes
-- (`j` jenis, `d` domain, `s` status, `p` PD id), so that the unicode61 tokenizer keeps it
-- whole whatever the value holds (`_` and `-` separate words); `a1` marks an archived
-- record (a live one has no mark: "not archived" is `NOT a1`, which reads the short list
-- of archived records instead of the long one of live records). User words are searched
-- in the other columns only, so they never meet a token. What is indexed is written once,
-- in the view below, which the triggers read. Mirrors postgres/0007_search_filter_terms.sql.

DROP TRIGGER arsitektur_fts_ai;
DROP TRIGGER arsitektur_fts_au;
DROP TRIGGER arsitektur_fts_ad;
DROP TABLE arsitektur_fts;

CREATE VIEW arsitektur_fts_isi AS
SELECT a.id AS id, a.kode AS kode, a.nama AS nama, COALESCE(a.deskripsi, '') AS deskripsi,
       (SELECT COALESCE(group_concat(value, ' '), '') FROM json_each(a.atribut)) AS atribut,
       'j' || lower(hex(a.jenis)) || ' d' || lower(hex(a.domain))
           || CASE WHEN a.status IS NULL THEN '' ELSE ' s' || lower(hex(a.status)) END
           || CASE WHEN a.pd IS NULL THEN '' ELSE ' p' || lower(hex(a.pd)) END
           || CASE WHEN a.diarsipkan THEN ' a1' ELSE '' END AS saring
FROM arsitektur a;

CREATE VIRTUAL TABLE arsitektur_fts USING fts5 (
    kode, nama, deskripsi, atribut, saring,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO arsitektur_fts (rowid, kode, nama, deskripsi, atribut, saring)
SELECT k.nomor, v.kode, v.nama, v.deskripsi, v.atribut, v.saring
FROM arsitektur_fts_kunci k JOIN arsitektur_fts_isi v ON v.id = k.id
ORDER BY k.nomor;

CREATE TRIGGER arsitektur_fts_ai AFTER INSERT ON arsitektur BEGIN
    INSERT INTO arsitektur_fts_kunci (id) VALUES (NEW.id);
    INSERT INTO arsitektur_fts (rowid, kode, nama, deskripsi, atribut, saring)
    SELECT k.nomor, v.kode, v.nama, v.deskripsi, v.atribut, v.saring
    FROM arsitektur_fts_kunci k JOIN arsitektur_fts_isi v ON v.id = k.id
    WHERE k.id = NEW.id;
END;

-- Every column the index holds, the filter columns included: a record moved to another
-- PD or status, or archived, must be found by its new values only.
CREATE TRIGGER arsitektur_fts_au
AFTER UPDATE OF kode, nama, deskripsi, atribut, jenis, domain, status, pd, diarsipkan
ON arsitektur BEGIN
    DELETE FROM arsitektur_fts
    WHERE rowid = (SELECT nomor FROM arsitektur_fts_kunci WHERE id = OLD.id);
    INSERT INTO arsitektur_fts (rowid, kode, nama, deskripsi, atribut, saring)
    SELECT k.nomor, v.kode, v.nama, v.deskripsi, v.atribut, v.saring
    FROM arsitektur_fts_kunci k JOIN arsitektur_fts_isi v ON v.id = k.id
    WHERE k.id = NEW.id;
END;

CREATE TRIGGER arsitektur_fts_ad AFTER DELETE ON arsitektur BEGIN
    DELETE FROM arsitektur_fts
    WHERE rowid = (SELECT nomor FROM arsitektur_fts_kunci WHERE id = OLD.id);
    DELETE FROM arsitektur_fts_kunci WHERE id = OLD.id;
END;
