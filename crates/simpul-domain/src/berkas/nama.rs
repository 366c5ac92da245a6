//! The name an uploaded file is shown and downloaded under.

use std::fmt;

use crate::Masalahs;

/// Longest kept file name, in characters.
const MAX_CHARS: usize = 150;

/// A file name as uploaded, reduced to its last path component and stripped of control
/// characters and quotes, so it is safe in a `Content-Disposition` header and a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamaBerkas(String);

impl NamaBerkas {
    /// Clean an uploaded name; an empty result is refused.
    pub fn parse(raw: &str) -> Result<Self, Masalahs> {
        let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
        let cleaned: String = last
            .chars()
            .filter(|c| !c.is_control() && !matches!(c, '"' | ';'))
            .collect();
        let cleaned = cleaned.trim().trim_start_matches('.').trim();
        if cleaned.is_empty() {
            return Err(Masalahs::one("berkas_nama", "Nama berkas kosong."));
        }
        let kept = match cleaned.rsplit_once('.') {
            // Keep the extension when shortening: it tells what the file is.
            Some((stem, ext)) if cleaned.chars().count() > MAX_CHARS => {
                let room = MAX_CHARS.saturating_sub(ext.chars().count() + 1);
                format!("{}.{ext}", stem.chars().take(room).collect::<String>())
            }
            _ => cleaned.chars().take(MAX_CHARS).collect(),
        };
        Ok(Self(kept))
    }

    /// The cleaned name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// An ASCII-only form for the plain `filename=` parameter of old clients.
    pub fn ascii(&self) -> String {
        self.0
            .chars()
            .map(|c| if c.is_ascii() { c } else { '_' })
            .collect()
    }
}

impl fmt::Display for NamaBerkas {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn strips_paths_and_header_breakers() {
        assert_eq!(
            NamaBerkas::parse("C:\\Users\\a\\SOP Gaji.pdf")
                .unwrap()
                .as_str(),
            "SOP Gaji.pdf"
        );
        assert_eq!(
            NamaBerkas::parse("../../etc/passwd").unwrap().as_str(),
            "passwd"
        );
        assert_eq!(
            NamaBerkas::parse("a\"b;\r\nc.pdf").unwrap().as_str(),
            "abc.pdf"
        );
        assert_eq!(
            NamaBerkas::parse("..hidden.png").unwrap().as_str(),
            "hidden.png"
        );
        assert!(NamaBerkas::parse("dir/").is_err());
        assert_eq!(
            NamaBerkas::parse("Diagram é.png").unwrap().ascii(),
            "Diagram _.png"
        );
    }

    #[test]
    fn long_names_keep_their_extension() {
        let n = NamaBerkas::parse(&format!("{}.pdf", "x".repeat(400))).unwrap();
        assert!(n.as_str().ends_with(".pdf"));
        assert_eq!(n.as_str().chars().count(), MAX_CHARS);
    }

    proptest! {
        #[test]
        fn cleaned_names_are_header_safe(raw in ".{0,300}") {
            if let Ok(n) = NamaBerkas::parse(&raw) {
                prop_assert!(!n.as_str().is_empty());
                prop_assert!(n.as_str().chars().count() <= MAX_CHARS);
                prop_assert!(!n.as_str().chars().any(|c| c.is_control() || c == '"' || c == '/' || c == '\\'));
            }
        }
    }
}
