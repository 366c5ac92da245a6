//! Refusing XLSX uploads that inflate far beyond their size (zip bombs) before anything
//! is inflated. calamine reads `sharedStrings.xml` whole into memory, so a 20 MiB upload
//! whose entries inflate to gigabytes would otherwise take the server down with it.
//!
//! Only the central directory is read here. That its sizes can lie is covered by the
//! `zip` crate (9.4, the one calamine reads with): an entry that inflates past its
//! declared size fails with an error instead of going on, so the declared total checked
//! here also bounds what calamine actually inflates.

use std::io::Cursor;

use zip::ZipArchive;

use crate::format_id::angka;

/// Most bytes all entries of one XLSX may declare once inflated. A full 20,000-row sheet
/// of long texts stays far below it; LibreOffice's sheet of a million empty styled rows
/// inflates to about 150 MiB.
pub const MAX_INFLATED: u64 = 200 * 1024 * 1024;

/// Highest inflated-to-compressed ratio of an entry over [`RATIO_FROM`] bytes. Deflate
/// reaches about 1,030:1 on a run of one byte; sheet XML stays near 10:1 and even the
/// million empty rows above stay near 50:1, so more than this is made, not saved.
pub const MAX_RATIO: u64 = 400;

/// Entries smaller than this may compress as well as they like.
const RATIO_FROM: u64 = 1024 * 1024;

/// Most entries in one workbook; a real one has a few dozen, each costs memory to list.
pub const MAX_ENTRIES: usize = 10_000;

/// Why a file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not a zip archive calamine could read either.
    Unreadable,
    /// Too many entries.
    Entries(usize),
    /// All entries together declare more than [`MAX_INFLATED`] bytes.
    Inflated(u64),
    /// This entry compresses more than [`MAX_RATIO`] to one.
    Ratio(String, u64),
}

/// The reason shown when an XLSX file cannot be read at all.
pub const UNREADABLE: &str = "Berkas .xlsx rusak atau bukan lembar kerja Excel; buka di Excel/LibreOffice lalu simpan ulang sebagai .xlsx.";

impl Refusal {
    /// The reason, in Bahasa Indonesia.
    pub fn reason(&self) -> String {
        let mib = |b: u64| angka(i64::try_from(b / (1024 * 1024)).unwrap_or(i64::MAX));
        match self {
            Self::Unreadable => UNREADABLE.to_owned(),
            Self::Entries(n) => format!(
                "Berkas .xlsx ini memuat {} bagian; lembar kerja wajar memuat beberapa puluh saja (batasnya {}). Berkas ditolak demi keamanan server.",
                angka(i64::try_from(*n).unwrap_or(i64::MAX)),
                angka(MAX_ENTRIES as i64)
            ),
            Self::Inflated(total) => format!(
                "Isi berkas .xlsx ini mengembang menjadi {} MiB saat dibuka; batasnya {} MiB. Berkas ditolak demi keamanan server; bagi menjadi beberapa berkas yang lebih kecil.",
                mib(*total),
                mib(MAX_INFLATED)
            ),
            Self::Ratio(name, ratio) => format!(
                "Bagian \"{name}\" di dalam berkas .xlsx ini termampatkan secara tidak wajar ({}:1; batasnya {}:1), ciri bom zip. Berkas ditolak; buka di Excel/LibreOffice lalu simpan ulang sebagai .xlsx.",
                angka(i64::try_from(*ratio).unwrap_or(i64::MAX)),
                angka(MAX_RATIO as i64)
            ),
        }
    }
}

/// Check the central directory of the XLSX file `bytes` without inflating any entry.
pub fn check(bytes: &[u8]) -> Result<(), Refusal> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| Refusal::Unreadable)?;
    if zip.len() > MAX_ENTRIES {
        return Err(Refusal::Entries(zip.len()));
    }
    let mut total = 0u64;
    let mut worst: Option<(String, u64)> = None;
    for i in 0..zip.len() {
        // `by_index_raw` reads the headers only; nothing is inflated.
        let entry = zip.by_index_raw(i).map_err(|_| Refusal::Unreadable)?;
        let (size, packed) = (entry.size(), entry.compressed_size());
        total = total.saturating_add(size);
        let ratio = size / packed.max(1);
        if size > RATIO_FROM && ratio > MAX_RATIO && worst.as_ref().is_none_or(|w| ratio > w.1) {
            let name: String = entry.name().unwrap_or_default().chars().take(80).collect();
            worst = Some((name, ratio));
        }
    }
    if total > MAX_INFLATED {
        return Err(Refusal::Inflated(total));
    }
    match worst {
        Some((name, ratio)) => Err(Refusal::Ratio(name, ratio)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_in_bahasa_indonesia() {
        assert!(
            Refusal::Inflated(3 * 1024 * 1024 * 1024)
                .reason()
                .contains("3.072 MiB")
        );
        let r = Refusal::Ratio("xl/sharedStrings.xml".into(), 1028).reason();
        assert!(
            r.contains("xl/sharedStrings.xml") && r.contains("1.028:1"),
            "{r}"
        );
        assert_eq!(check(b"PK\x03\x04bukan zip"), Err(Refusal::Unreadable));
    }

    /// What [`check`] relies on for lying sizes: `zip` stops an entry past its declared
    /// size. Pinned here so an upgrade that drops it fails a test.
    #[test]
    fn an_entry_stops_at_its_declared_size() {
        use std::io::{Read, Write};
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file("xl/sharedStrings.xml", deflated).unwrap();
        w.write_all(&[b' '; 256 * 1024]).unwrap();
        let mut bytes = w.finish().unwrap().into_inner();
        // The one local header is at 0; both it and the central one now say 1 KiB.
        bytes[22..26].copy_from_slice(&1024u32.to_le_bytes());
        let cd = bytes.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
        bytes[cd + 24..cd + 28].copy_from_slice(&1024u32.to_le_bytes());
        assert_eq!(check(&bytes), Ok(()));
        let mut zip = ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        let mut entry = zip.by_index(0).unwrap();
        let (mut buf, mut read) = ([0u8; 8192], 0);
        let failed = loop {
            match entry.read(&mut buf) {
                Ok(0) => break false,
                Ok(n) => read += n,
                Err(_) => break true,
            }
        };
        assert!(failed && read <= 1024 + buf.len(), "{read} bytes read");
    }
}
