//! Validation problems: every parse reports all of its problems, each with a stable
//! code (for the API and translation files) and a message in Bahasa Indonesia.

use serde::Serialize;

/// One thing wrong with an input value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Masalah {
    /// Stable snake_case code, e.g. `nip_panjang`; also the Fluent message id suffix.
    pub kode: &'static str,
    /// Human message in Bahasa Indonesia.
    pub pesan: String,
}

impl Masalah {
    /// A problem with its code and Bahasa Indonesia message.
    pub fn new(kode: &'static str, pesan: impl Into<String>) -> Self {
        Self {
            kode,
            pesan: pesan.into(),
        }
    }
}

/// All problems found in one value; never empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{}", self.0.iter().map(|m| m.pesan.as_str()).collect::<Vec<_>>().join("; "))]
pub struct Masalahs(pub Vec<Masalah>);

impl Masalahs {
    /// A single problem.
    pub fn one(kode: &'static str, pesan: impl Into<String>) -> Self {
        Self(vec![Masalah::new(kode, pesan)])
    }

    /// `Ok(())` when nothing was found, else the list.
    pub fn into_result(found: Vec<Masalah>) -> Result<(), Self> {
        if found.is_empty() {
            Ok(())
        } else {
            Err(Self(found))
        }
    }

    /// Whether any problem has this code.
    pub fn has(&self, kode: &str) -> bool {
        self.0.iter().any(|m| m.kode == kode)
    }
}

/// Problems keyed by form/API field name, for forms that check several fields at once.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldProblems(pub std::collections::BTreeMap<String, Vec<Masalah>>);

impl FieldProblems {
    /// Record the problems of one field.
    pub fn add(&mut self, field: &str, problems: Masalahs) {
        self.0
            .entry(field.to_owned())
            .or_default()
            .extend(problems.0);
    }

    /// Keep the value when valid, record its problems under `field` otherwise.
    pub fn check<T>(&mut self, field: &str, parsed: Result<T, Masalahs>) -> Option<T> {
        match parsed {
            Ok(v) => Some(v),
            Err(p) => {
                self.add(field, p);
                None
            }
        }
    }

    /// Take in every problem of `other`.
    pub fn merge(&mut self, other: FieldProblems) {
        for (field, ms) in other.0 {
            self.0.entry(field).or_default().extend(ms);
        }
    }

    /// Whether no field has a problem.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
