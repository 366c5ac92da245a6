-- The SPBE architecture registry: records of the six domains, the relations between them
-- and full-text search. Mirrors postgres/0002_registry.sql.

CREATE TABLE arsitektur (
    id          BLOB PRIMARY KEY,
    jenis       TEXT NOT NULL,
    domain      TEXT NOT NULL,
    kode        TEXT NOT NULL,
    nama        TEXT NOT NULL,
    deskripsi   TEXT,
    pd          BLOB REFERENCES pd (id),
    status      TEXT,
    atribut     TEXT NOT NULL DEFAULT '{}',
    diarsipkan  BOOLEAN NOT NULL DEFAULT FALSE,
    dibuat      TEXT NOT NULL,
    diubah      TEXT NOT NULL,
    UNIQUE (jenis, kode)
);
CREATE INDEX arsitektur_pd_idx ON arsitektur (pd);
CREATE INDEX arsitektur_jenis_idx ON arsitektur (jenis, diarsipkan);
CREATE INDEX arsitektur_domain_idx ON arsitektur (domain);

-- UNIQUE (dari, ke, jenis) also serves lookups by `dari`.
CREATE TABLE relasi (
    id      BLOB PRIMARY KEY,
    dari    BLOB NOT NULL REFERENCES arsitektur (id),
    ke      BLOB NOT NULL REFERENCES arsitektur (id),
    jenis   TEXT NOT NULL,
    dibuat  TEXT NOT NULL,
    UNIQUE (dari, ke, jenis),
    CHECK (dari <> ke)
);
CREATE INDEX relasi_ke_idx ON relasi (ke, jenis);

-- Full-text search. The FTS rows are keyed by a number of their own: arsitektur's
-- implicit rowid may be renumbered by VACUUM, so it cannot link the two tables.
CREATE TABLE arsitektur_fts_kunci (
    nomor  INTEGER PRIMARY KEY,
    id     BLOB NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE arsitektur_fts USING fts5 (
    kode, nama, deskripsi, atribut,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER arsitektur_fts_ai AFTER INSERT ON arsitektur BEGIN
    INSERT INTO arsitektur_fts_kunci (id) VALUES (NEW.id);
    INSERT INTO arsitektur_fts (rowid, kode, nama, deskripsi, atribut)
    VALUES (
        (SELECT nomor FROM arsitektur_fts_kunci WHERE id = NEW.id),
        NEW.kode, NEW.nama, COALESCE(NEW.deskripsi, ''),
        (SELECT COALESCE(group_concat(value, ' '), '') FROM json_each(NEW.atribut))
    );
END;

CREATE TRIGGER arsitektur_fts_au AFTER UPDATE OF kode, nama, deskripsi, atribut ON arsitektur BEGIN
    UPDATE arsitektur_fts SET
        kode = NEW.kode,
        nama = NEW.nama,
        deskripsi = COALESCE(NEW.deskripsi, ''),
        atribut = (SELECT COALESCE(group_concat(value, ' '), '') FROM json_each(NEW.atribut))
    WHERE rowid = (SELECT nomor FROM arsitektur_fts_kunci WHERE id = NEW.id);
END;

CREATE TRIGGER arsitektur_fts_ad AFTER DELETE ON arsitektur BEGIN
    DELETE FROM arsitektur_fts
    WHERE rowid = (SELECT nomor FROM arsitektur_fts_kunci WHERE id = OLD.id);
    DELETE FROM arsitektur_fts_kunci WHERE id = OLD.id;
END;
