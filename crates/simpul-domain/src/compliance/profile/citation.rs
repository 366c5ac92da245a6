//! Verbatim citations: an obligation's text must appear in the regulation it cites. The
//! seeds are OCR output in Markdown, so both sides are compared after removing emphasis
//! marks and folding whitespace (line wraps fall anywhere in the source).

use super::{Profil, ProfilError};

/// The text as compared: `*` and `_` emphasis removed, whitespace runs as one space.
pub fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '*' | '_'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Profil {
    /// Problems with the citations against the regulation's text `source`: an obligation
    /// text that does not appear verbatim, or an article number the text lacks.
    pub fn check_citations(&self, source: &str) -> Vec<ProfilError> {
        let hay = normalise(source);
        let mut out = Vec::new();
        for (i, k) in self.kewajiban.iter().enumerate() {
            if !hay.contains(&normalise(&k.teks)) {
                out.push(ProfilError {
                    baris: k.baris,
                    kolom: format!("kewajiban[{i}].teks"),
                    kode: "kutipan_tidak_ada",
                    pesan: format!(
                        "Teks kewajiban {} tidak ditemukan apa adanya di {}.",
                        k.id, self.sumber
                    ),
                });
            }
            let article: String = k
                .pasal
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            if article.starts_with("Pasal ") && !hay.contains(&article) {
                out.push(ProfilError {
                    baris: k.baris,
                    kolom: format!("kewajiban[{i}].pasal"),
                    kode: "pasal_tidak_ada",
                    pesan: format!("{article} tidak ada di {}.", self.sumber),
                });
            }
        }
        out
    }
}
