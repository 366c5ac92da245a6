//! The five seed profiles Simpul ships, compiled in, so `simpul profile new --from` and a
//! fresh installation need no files beside the binary.

/// (code, TOML text) of every shipped profile.
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "tanah-bumbu",
        include_str!("../../../../../profiles/tanah-bumbu.toml"),
    ),
    (
        "gorontalo",
        include_str!("../../../../../profiles/gorontalo.toml"),
    ),
    (
        "tanah-laut",
        include_str!("../../../../../profiles/tanah-laut.toml"),
    ),
    (
        "pasuruan",
        include_str!("../../../../../profiles/pasuruan.toml"),
    ),
    ("jambi", include_str!("../../../../../profiles/jambi.toml")),
];

/// The text of a shipped profile.
pub fn shipped(kode: &str) -> Option<&'static str> {
    SHIPPED.iter().find(|(k, _)| *k == kode).map(|(_, t)| *t)
}
