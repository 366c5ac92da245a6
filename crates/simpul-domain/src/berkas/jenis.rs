//! Which files Simpul accepts, recognised by their name *and* their first bytes: a file
//! whose content does not match its extension is refused, so a renamed executable or
//! HTML page cannot pass as a PDF and be served back to another user.

use serde::Serialize;

use crate::Masalahs;

/// An accepted file type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisBerkas {
    /// PDF (SOPs, decrees, signed scans).
    Pdf,
    /// PNG image (diagrams).
    Png,
    /// JPEG image (photographed diagrams).
    Jpeg,
    /// Word document.
    Docx,
    /// Excel workbook.
    Xlsx,
    /// OpenDocument text.
    Odt,
    /// OpenDocument spreadsheet.
    Ods,
    /// Visio drawing (network diagrams).
    Vsdx,
    /// draw.io / diagrams.net drawing (XML).
    Drawio,
}

/// Every accepted type with its extensions.
const EXTENSIONS: &[(JenisBerkas, &[&str])] = &[
    (JenisBerkas::Pdf, &["pdf"]),
    (JenisBerkas::Png, &["png"]),
    (JenisBerkas::Jpeg, &["jpg", "jpeg"]),
    (JenisBerkas::Docx, &["docx"]),
    (JenisBerkas::Xlsx, &["xlsx"]),
    (JenisBerkas::Odt, &["odt"]),
    (JenisBerkas::Ods, &["ods"]),
    (JenisBerkas::Vsdx, &["vsdx"]),
    (JenisBerkas::Drawio, &["drawio"]),
];

impl JenisBerkas {
    /// Recognise a file from its name and content.
    pub fn detect(nama: &str, isi: &[u8]) -> Result<Self, Masalahs> {
        if isi.is_empty() {
            return Err(Masalahs::one("berkas_kosong", "Berkas kosong."));
        }
        let ext = nama
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let Some(jenis) = EXTENSIONS
            .iter()
            .find(|(_, exts)| exts.contains(&ext.as_str()))
            .map(|(j, _)| *j)
        else {
            return Err(Masalahs::one(
                "berkas_jenis",
                format!(
                    "Jenis berkas tidak diterima. Gunakan salah satu: {}.",
                    Self::accepted()
                ),
            ));
        };
        if jenis.content_matches(isi) {
            Ok(jenis)
        } else {
            Err(Masalahs::one(
                "berkas_isi",
                format!(
                    "Isi berkas tidak sesuai dengan ekstensinya (.{ext}); berkas mungkin rusak atau salah nama."
                ),
            ))
        }
    }

    fn content_matches(self, isi: &[u8]) -> bool {
        match self {
            Self::Pdf => isi.starts_with(b"%PDF-"),
            Self::Png => isi.starts_with(b"\x89PNG\r\n\x1a\n"),
            Self::Jpeg => isi.starts_with(b"\xff\xd8\xff"),
            // Office Open XML and OpenDocument files are zip archives.
            Self::Docx | Self::Xlsx | Self::Odt | Self::Ods | Self::Vsdx => {
                isi.starts_with(b"PK\x03\x04")
            }
            Self::Drawio => {
                let text = isi.strip_prefix(b"\xef\xbb\xbf").unwrap_or(isi);
                let start = text.iter().position(|b| !b.is_ascii_whitespace());
                start.is_some_and(|i| {
                    text[i..].starts_with(b"<mxfile") || text[i..].starts_with(b"<?xml")
                })
            }
        }
    }

    /// MIME type for downloads.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Self::Odt => "application/vnd.oasis.opendocument.text",
            Self::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            Self::Vsdx => "application/vnd.ms-visio.drawing.main+xml",
            Self::Drawio => "application/vnd.jgraph.mxfile",
        }
    }

    /// Parse a MIME type written by [`Self::mime`] (read back from the database).
    pub fn from_mime(s: &str) -> Option<Self> {
        EXTENSIONS.iter().map(|(j, _)| *j).find(|j| j.mime() == s)
    }

    /// Whether a browser may show it inside a page: raster images only (never SVG or
    /// HTML, which can carry scripts).
    pub fn is_image(self) -> bool {
        matches!(self, Self::Png | Self::Jpeg)
    }

    /// The accepted extensions, for messages and the `accept` attribute of forms.
    pub fn accepted() -> String {
        EXTENSIONS
            .iter()
            .flat_map(|(_, e)| e.iter())
            .map(|e| format!(".{e}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn recognises_by_name_and_content() {
        assert_eq!(
            JenisBerkas::detect("SOP.PDF", b"%PDF-1.7 ...").unwrap(),
            JenisBerkas::Pdf
        );
        assert_eq!(
            JenisBerkas::detect("lan.drawio", b"\xef\xbb\xbf  <mxfile host=\"x\">").unwrap(),
            JenisBerkas::Drawio
        );
        assert!(
            JenisBerkas::detect("sop.pdf", b"<html><script>")
                .unwrap_err()
                .has("berkas_isi")
        );
        assert!(
            JenisBerkas::detect("x.exe", b"MZ")
                .unwrap_err()
                .has("berkas_jenis")
        );
        assert!(
            JenisBerkas::detect("tanpa-ekstensi", b"%PDF-")
                .unwrap_err()
                .has("berkas_jenis")
        );
        assert!(
            JenisBerkas::detect("a.pdf", b"")
                .unwrap_err()
                .has("berkas_kosong")
        );
        assert!(JenisBerkas::detect("diagram.svg", b"<svg>").is_err());
    }

    #[test]
    fn mime_round_trips() {
        for (j, _) in EXTENSIONS {
            assert_eq!(JenisBerkas::from_mime(j.mime()), Some(*j));
        }
    }

    proptest! {
        #[test]
        fn detect_never_panics(name in ".{0,40}", bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = JenisBerkas::detect(&name, &bytes);
        }
    }
}
