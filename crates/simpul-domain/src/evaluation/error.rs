//! Errors of a model or crosswalk file, each naming the file, line and field (and for a
//! weight, the aspect or domain code), so whoever edits a model goes straight to the
//! mistake; a file is checked completely and every problem is reported at once.

use std::fmt;

use toml::Spanned;

/// One problem in a model or crosswalk file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    /// 1-based line (0 when the problem has no place, e.g. a missing section).
    pub baris: usize,
    /// Field path, e.g. `aspek[A2].bobot`, `indikator[12].kriteria[3]`; list positions
    /// count from 1 like indicator numbers and levels.
    pub kolom: String,
    /// Stable code (e.g. `bobot_aspek_tidak_sama`, `nomor_urut`).
    pub kode: &'static str,
    /// Message in Bahasa Indonesia.
    pub pesan: String,
}

/// Every problem of one file; never empty.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ModelErrors {
    /// File name as given.
    pub berkas: String,
    /// The problems, by line.
    pub errors: Vec<ModelError>,
}

impl ModelErrors {
    /// Whether any problem has this code.
    pub fn has(&self, kode: &str) -> bool {
        self.errors.iter().any(|e| e.kode == kode)
    }
}

impl fmt::Display for ModelErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let problems = self
            .errors
            .iter()
            .map(|e| (e.baris, e.kolom.as_str(), e.pesan.as_str()));
        crate::file_problems::write(f, &self.berkas, problems)
    }
}

pub(super) use crate::file_problems::line_of;

/// Collects problems while a file is checked.
pub(super) struct Pemeriksa<'a> {
    pub text: &'a str,
    pub errors: Vec<ModelError>,
}

impl<'a> Pemeriksa<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            errors: Vec::new(),
        }
    }

    /// The line a value starts on.
    pub fn at<T>(&self, v: &Spanned<T>) -> usize {
        line_of(self.text, v.span().start)
    }

    /// The value's text exactly as written in the file.
    pub fn tertulis<T>(&self, v: &Spanned<T>) -> &'a str {
        self.text.get(v.span()).unwrap_or("")
    }

    pub fn push(&mut self, baris: usize, kolom: &str, kode: &'static str, pesan: String) {
        self.errors.push(ModelError {
            baris,
            kolom: kolom.to_owned(),
            kode,
            pesan,
        });
    }

    /// A required text: trimmed, `wajib_diisi` when empty.
    pub fn teks(&mut self, v: &Spanned<String>, kolom: &str) -> String {
        let t = v.get_ref().trim();
        if t.is_empty() {
            self.push(self.at(v), kolom, "wajib_diisi", "Wajib diisi.".into());
        }
        t.to_owned()
    }

    /// The result: the value when nothing was found, else every problem.
    pub fn selesai<T>(self, berkas: &str, nilai: Option<T>) -> Result<T, ModelErrors> {
        match nilai {
            Some(v) if self.errors.is_empty() => Ok(v),
            _ => {
                let mut errors = self.errors;
                // File order reads best; checks that span the file (sums) found theirs late.
                errors.sort_by_key(|e| e.baris);
                if errors.is_empty() {
                    // Unreachable by construction; kept so the list is never empty.
                    errors.push(ModelError {
                        baris: 0,
                        kolom: String::new(),
                        kode: "tidak_lengkap",
                        pesan: "Berkas tidak dapat dibaca lengkap.".into(),
                    });
                }
                Err(ModelErrors {
                    berkas: berkas.to_owned(),
                    errors,
                })
            }
        }
    }

    /// A TOML syntax or shape error: the only problem reported, as nothing after it can
    /// be read reliably.
    pub fn toml_error(berkas: &str, text: &str, e: &toml::de::Error) -> ModelErrors {
        ModelErrors {
            berkas: berkas.to_owned(),
            errors: vec![ModelError {
                baris: e.span().map_or(0, |s| line_of(text, s.start)),
                kolom: "toml".into(),
                kode: "toml_tidak_valid",
                pesan: e.message().trim().to_owned(),
            }],
        }
    }
}
