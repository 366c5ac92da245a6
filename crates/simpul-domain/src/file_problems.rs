//! What the data files Simpul reads (regulation profiles, evaluation models) share when
//! they report problems: the line of a position, and one `file:line: field: message`
//! line per problem, so an official editing either kind of file reads the same form.

use std::fmt;

/// The 1-based line of byte offset `at` in `text`.
pub(crate) fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Write `(line, field, message)` problems of file `berkas`, one per line.
pub(crate) fn write<'a>(
    f: &mut fmt::Formatter<'_>,
    berkas: &str,
    problems: impl Iterator<Item = (usize, &'a str, &'a str)>,
) -> fmt::Result {
    for (i, (baris, kolom, pesan)) in problems.enumerate() {
        if i > 0 {
            writeln!(f)?;
        }
        write!(f, "{berkas}:{baris}: {kolom}: {pesan}")?;
    }
    Ok(())
}
