//! User-facing text: Fluent files under `locales/` (Bahasa Indonesia first, English
//! second), compiled into the binary.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "id",
        // Unicode isolation marks would leak into HTML attributes and tests.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Bahasa Indonesia (default).
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// From a cookie or form value; anything unknown is Indonesian.
    pub fn from_code(s: &str) -> Self {
        if s.trim() == "en" { Self::En } else { Self::Id }
    }

    /// The code, as in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::En => "en",
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Self::Id => fluent_templates::langid!("id"),
            Self::En => fluent_templates::langid!("en"),
        }
    }

    /// The text for `key`.
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(&self.langid(), key)
    }

    /// The text for `key` with named arguments.
    pub fn t_args(self, key: &str, args: &[(&str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(k, v)| (Cow::Owned((*k).to_owned()), FluentValue::from(v.clone())))
            .collect();
        LOCALES.lookup_with_args(&self.langid(), key, &map)
    }

    /// The text for `key`, or `fallback` when no translation exists.
    pub fn t_or(self, key: &str, fallback: &str) -> String {
        LOCALES
            .try_lookup(&self.langid(), key)
            .unwrap_or_else(|| fallback.to_owned())
    }

    /// The text for `key` with one named argument.
    pub fn t1(self, key: &str, name: &str, value: &str) -> String {
        self.t_args(key, &[(name, value.to_owned())])
    }

    /// A validation problem in this language: the Fluent message `masalah-<kode>` when
    /// one exists, else the domain's Bahasa Indonesia text.
    pub fn masalah(self, m: &simpul_domain::Masalah) -> String {
        if self == Self::Id {
            return m.pesan.clone();
        }
        let key = format!("masalah-{}", m.kode.replace('_', "-"));
        LOCALES
            .try_lookup(&self.langid(), &key)
            .unwrap_or_else(|| m.pesan.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> std::collections::BTreeSet<String> {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with(' '))
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim().to_owned()))
            .collect()
    }

    /// The keys of every Fluent file of `lang` (features keep their texts in files of
    /// their own beside `main.ftl`).
    fn all_keys(lang: &str) -> std::collections::BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang);
        let mut all = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "ftl") {
                all.extend(keys(&std::fs::read_to_string(&path).unwrap()));
            }
        }
        all
    }

    #[test]
    fn english_translates_every_indonesian_text() {
        let id = all_keys("id");
        let en = all_keys("en");
        let missing: Vec<_> = id.difference(&en).collect();
        assert!(missing.is_empty(), "missing in en: {missing:?}");
        // English may add translations of domain problem codes; nothing else.
        let extra: Vec<_> = en
            .difference(&id)
            .filter(|k| !k.starts_with("masalah-"))
            .collect();
        assert!(extra.is_empty(), "only in en: {extra:?}");
    }

    #[test]
    fn templates_use_only_defined_texts() {
        let id = all_keys("id");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for part in text
                .split("ctx.t(\"")
                .skip(1)
                .chain(text.split("ctx.t1(\"").skip(1))
            {
                let key = part.split('"').next().unwrap();
                assert!(
                    id.contains(key),
                    "{} uses undefined text {key}",
                    path.display()
                );
            }
        }
    }

    #[test]
    fn arguments_and_problem_fallback() {
        assert_eq!(Lang::Id.t1("jumlah-data", "n", "1.234"), "1.234 data");
        let m = simpul_domain::Masalah::new("kode_tanpa_terjemahan", "Pesan asli.");
        assert_eq!(Lang::En.masalah(&m), "Pesan asli.");
        let m = simpul_domain::Masalah::new("wajib_diisi", "Wajib diisi.");
        assert_eq!(Lang::En.masalah(&m), "Required.");
        assert_eq!(Lang::Id.masalah(&m), "Wajib diisi.");
    }

    #[test]
    fn both_languages_have_the_navigation() {
        assert_eq!(Lang::Id.t("nav-dasbor"), "Dasbor");
        assert_eq!(Lang::En.t("nav-dasbor"), "Dashboard");
    }
}
