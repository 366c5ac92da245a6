//! Field specifications of each kind: which attributes a record of that kind carries, how
//! each is labelled, typed and checked, and which lifecycle statuses it may have.
//!
//! Forms, the API, spreadsheet templates, exports and [`super::NewItem::parse`] all read
//! these tables, so a field is added or changed here and nowhere else. The tables per
//! domain live in the files of `spec/`.

mod aplikasi;
mod data;
mod infra;
mod keamanan;

use super::Jenis;

/// One attribute of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// Stable name (attribute key, API field, spreadsheet column).
    pub name: &'static str,
    /// Label in Bahasa Indonesia.
    pub label: &'static str,
    /// Type, which fixes the check and the canonical form.
    pub kind: FieldKind,
    /// Whether the field must be filled.
    pub required: bool,
    /// Help text in Bahasa Indonesia (may cite the regulation).
    pub help: &'static str,
    /// The SIA SPBE metadata name, when known (for the national export).
    pub sia: Option<&'static str>,
}

/// Type of an attribute and thereby its check and canonical text form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text, at most `max` characters.
    Text {
        /// Maximum length in characters.
        max: usize,
    },
    /// Several lines of text (at most [`LONG_TEXT_MAX`] characters).
    LongText,
    /// One of a fixed list of `(code, label)`; stored as the code.
    Choice(&'static [(&'static str, &'static str)]),
    /// A calendar date, stored as `YYYY-MM-DD`.
    Date,
    /// A year, stored as four digits.
    Year,
    /// A whole number within bounds.
    Integer {
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
    },
    /// An `http` or `https` address.
    Url,
    /// An e-mail address.
    Email,
    /// Yes or no, stored as `ya` / `tidak`.
    Bool,
    /// An IPv4 network in CIDR notation.
    Subnet,
    /// A DNS name, stored in lower case.
    DomainName,
    /// The id of a Perangkat Daerah.
    PdRef,
}

/// Upper bound for [`FieldKind::LongText`]: long enough for an SOP summary, short enough
/// for a spreadsheet cell.
pub const LONG_TEXT_MAX: usize = 5000;

/// A table row; every field starts without an SIA SPBE name (none is confirmed yet, see
/// `interop.md`), so the tables read as one line per field.
const fn f(
    name: &'static str,
    label: &'static str,
    kind: FieldKind,
    required: bool,
    help: &'static str,
) -> FieldSpec {
    FieldSpec {
        name,
        label,
        kind,
        required,
        help,
        sia: None,
    }
}

/// The attributes of a kind, in form order.
pub fn fields(j: Jenis) -> &'static [FieldSpec] {
    match j {
        Jenis::ProsesBisnis => aplikasi::PROSES_BISNIS,
        Jenis::Layanan => aplikasi::LAYANAN,
        Jenis::Aplikasi => aplikasi::APLIKASI,
        Jenis::Data => data::DATA,
        Jenis::PusatData => infra::PUSAT_DATA,
        Jenis::Server => infra::SERVER,
        Jenis::Jaringan => infra::JARINGAN,
        Jenis::Subnet => infra::SUBNET,
        Jenis::NamaDomain => infra::NAMA_DOMAIN,
        Jenis::SitusWeb => infra::SITUS_WEB,
        Jenis::AsetInformasi => keamanan::ASET_INFORMASI,
        Jenis::SopKeamanan => keamanan::SOP_KEAMANAN,
        Jenis::KontrolKeamanan => keamanan::KONTROL_KEAMANAN,
    }
}

/// One attribute of a kind by name.
pub fn field(j: Jenis, name: &str) -> Option<&'static FieldSpec> {
    fields(j).iter().find(|f| f.name == name)
}

/// Lifecycle of an application (ARC-3): proposal to retirement.
const STATUS_APLIKASI: &[(&str, &str)] = &[
    ("usulan", "Usulan"),
    ("pengembangan", "Pengembangan"),
    ("uji", "Uji coba"),
    ("produksi", "Produksi"),
    ("dihentikan", "Dihentikan"),
];

/// Every other kind: planned (to-be), in use (as-is) or no longer in use. The split
/// mirrors the as-is / to-be counts the SIA SPBE reports per domain.
const STATUS_UMUM: &[(&str, &str)] = &[
    ("rencana", "Rencana (to-be)"),
    ("aktif", "Aktif (as-is)"),
    ("tidak_aktif", "Tidak aktif"),
];

/// The statuses a record of a kind may have, as `(code, label)`.
pub fn statuses(j: Jenis) -> &'static [(&'static str, &'static str)] {
    match j {
        Jenis::Aplikasi => STATUS_APLIKASI,
        _ => STATUS_UMUM,
    }
}

/// Whether a status counts as "to-be" (planned, not yet in use) for the SIA SPBE counts.
pub fn is_to_be(j: Jenis, status: &str) -> bool {
    match j {
        Jenis::Aplikasi => matches!(status, "usulan" | "pengembangan" | "uji"),
        _ => status == "rencana",
    }
}

/// The label of a choice code, for display and exports.
pub fn choice_label(spec: &FieldSpec, code: &str) -> Option<&'static str> {
    match spec.kind {
        FieldKind::Choice(opts) => opts.iter().find(|(c, _)| *c == code).map(|(_, l)| *l),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_kind_has_fields_with_unique_snake_case_names() {
        for j in Jenis::ALL {
            let fs = fields(j);
            assert!(!fs.is_empty(), "{j:?}");
            let names: BTreeSet<_> = fs.iter().map(|f| f.name).collect();
            assert_eq!(names.len(), fs.len(), "{j:?} has duplicate names");
            for f in fs {
                assert!(
                    f.name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                    "{}",
                    f.name
                );
                assert!(!f.label.is_empty() && !f.help.is_empty(), "{}", f.name);
                if let FieldKind::Choice(opts) = f.kind {
                    let codes: BTreeSet<_> = opts.iter().map(|(c, _)| *c).collect();
                    assert_eq!(codes.len(), opts.len(), "{}", f.name);
                    assert!(!opts.is_empty());
                }
                if let FieldKind::Integer { min, max } = f.kind {
                    assert!(min <= max);
                }
            }
        }
    }

    #[test]
    fn statuses_and_lookups() {
        assert_eq!(statuses(Jenis::Aplikasi).len(), 5);
        assert_eq!(statuses(Jenis::Server)[1].0, "aktif");
        assert!(is_to_be(Jenis::Aplikasi, "uji"));
        assert!(!is_to_be(Jenis::Aplikasi, "produksi"));
        assert!(is_to_be(Jenis::Data, "rencana"));
        let jenis = field(Jenis::Aplikasi, "jenis").unwrap();
        assert_eq!(choice_label(jenis, "khusus"), Some("Aplikasi Khusus"));
        assert_eq!(choice_label(jenis, "lain"), None);
        assert!(field(Jenis::Aplikasi, "tidak_ada").is_none());
    }
}
