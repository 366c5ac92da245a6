//! Segment files: `segmen-000001.log`, `segmen-000002.log`, ... in one folder, and
//! splitting their bytes into lines.

use std::io;
use std::path::{Path, PathBuf};

const AWALAN: &str = "segmen-";
const AKHIRAN: &str = ".log";

/// The file name of segment `n`.
pub fn nama(n: u64) -> String {
    format!("{AWALAN}{n:06}{AKHIRAN}")
}

/// The number of a segment file name, if it is one (exactly as [`nama`] writes it).
pub fn nomor(file_name: &str) -> Option<u64> {
    let digits = file_name.strip_prefix(AWALAN)?.strip_suffix(AKHIRAN)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    (nama(n) == file_name).then_some(n)
}

/// The segment files in `dir`, by number.
pub fn daftar(dir: &Path) -> io::Result<Vec<(u64, PathBuf)>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        if let Some(n) = e.file_name().to_str().and_then(nomor) {
            out.push((n, e.path()));
        }
    }
    out.sort();
    Ok(out)
}

/// Bytes of a segment and their offset in it.
pub(crate) type Potongan<'a> = (u64, &'a [u8]);

/// The complete lines of a segment's bytes (without newlines), each with its byte
/// offset, and the partial last line (offset, bytes) if the bytes do not end in one.
pub(crate) fn lines(bytes: &[u8]) -> (Vec<Potongan<'_>>, Option<Potongan<'_>>) {
    let mut out = Vec::new();
    let mut start = 0usize;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            out.push((start as u64, &bytes[start..i]));
            start = i + 1;
        }
    }
    let tail = (start < bytes.len()).then(|| (start as u64, &bytes[start..]));
    (out, tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        assert_eq!(nama(1), "segmen-000001.log");
        assert_eq!(nomor("segmen-000001.log"), Some(1));
        assert_eq!(nomor(&nama(1_234_567)), Some(1_234_567));
        assert_eq!(nomor("segmen-1.log"), None);
        assert_eq!(nomor("segmen-000001.log.bak"), None);
        assert_eq!(nomor("segmen-+00001.log"), None);
    }

    #[test]
    fn splits_lines_and_tail() {
        let (l, t) = lines(b"ab\ncd\nef");
        assert_eq!(l, vec![(0, &b"ab"[..]), (3, &b"cd"[..])]);
        assert_eq!(t, Some((6, &b"ef"[..])));
        assert_eq!(lines(b"ab\n").1, None);
    }
}
