//! Timestamps are stored as fixed-width RFC 3339 UTC text on both backends, so that they
//! compare as strings, hash identically in the audit chain and round-trip exactly.

use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// Format as `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
pub fn format(t: OffsetDateTime) -> String {
    let t = t.to_offset(UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.microsecond()
    )
}

/// The current time, formatted.
pub fn now() -> String {
    format(OffsetDateTime::now_utc())
}

/// Parse stored text back.
pub fn parse(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn round_trips_and_sorts() {
        let a = datetime!(2026-01-02 03:04:05.123456 UTC);
        let b = datetime!(2026-11-22 08:00:00 +07:00);
        assert_eq!(format(a), "2026-01-02T03:04:05.123456Z");
        assert_eq!(format(b), "2026-11-22T01:00:00.000000Z");
        assert_eq!(parse(&format(a)), Some(a));
        assert!(format(a) < format(b));
    }
}
