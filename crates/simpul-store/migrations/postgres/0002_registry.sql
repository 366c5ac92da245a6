-- The SPBE architecture registry: records of the six domains, the relations between them
-- and full-text search. Mirrors sqlite/0002_registry.sql.

CREATE TABLE arsitektur (
    id          UUID PRIMARY KEY,
    jenis       TEXT NOT NULL,
    domain      TEXT NOT NULL,
    kode        TEXT NOT NULL,
    nama        TEXT NOT NULL,
    deskripsi   TEXT,
    pd          UUID REFERENCES pd (id),
    status      TEXT,
    atribut     TEXT NOT NULL DEFAULT '{}',
    diarsipkan  BOOLEAN NOT NULL DEFAULT FALSE,
    dibuat      TEXT NOT NULL,
    diubah      TEXT NOT NULL,
    UNIQUE (jenis, kode),
    -- Full-text search (SQLite: the arsitektur_fts table). Separators in codes become
    -- spaces so `APP-0001` is the words `app` and `0001`, as in SQLite's tokenizer;
    -- only the string values of the attributes are indexed, not their keys.
    cari        TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('indonesian', translate(kode, '-_./', '    ')), 'A')
        || setweight(to_tsvector('indonesian', nama), 'A')
        || setweight(to_tsvector('indonesian', COALESCE(deskripsi, '')), 'B')
        || setweight(to_tsvector('indonesian', atribut::jsonb), 'C')
    ) STORED
);
CREATE INDEX arsitektur_pd_idx ON arsitektur (pd);
CREATE INDEX arsitektur_jenis_idx ON arsitektur (jenis, diarsipkan);
CREATE INDEX arsitektur_domain_idx ON arsitektur (domain);
CREATE INDEX arsitektur_cari_idx ON arsitektur USING GIN (cari);

-- UNIQUE (dari, ke, jenis) also serves lookups by `dari`.
CREATE TABLE relasi (
    id      UUID PRIMARY KEY,
    dari    UUID NOT NULL REFERENCES arsitektur (id),
    ke      UUID NOT NULL REFERENCES arsitektur (id),
    jenis   TEXT NOT NULL,
    dibuat  TEXT NOT NULL,
    UNIQUE (dari, ke, jenis),
    CHECK (dari <> ke)
);
CREATE INDEX relasi_ke_idx ON relasi (ke, jenis);
