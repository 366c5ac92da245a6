//! Server-rendered SVG charts.
//!
//! Charts are plain SVG strings so they work without JavaScript, inline in a page or
//! saved as an export file. Colours are fill attributes (not `style`), because the
//! Content-Security-Policy forbids inline styles and exported files carry no CSS.

mod bar;
mod donut;
mod graph;
pub mod line;
pub mod radar;
#[cfg(test)]
mod test_support;

pub use bar::{BarOptions, bar_horizontal};
pub use donut::donut;
pub use graph::{GraphEdge, GraphNode, layered_graph};

use crate::format_id::{BUKAN_ANGKA, angka, desimal};

/// Accessible palette: each colour has at least 3:1 contrast on white (WCAG 1.4.11)
/// and neighbours stay apart for the common colour-vision deficiencies.
pub const PALETTE: [&str; 8] = [
    "#0b5c6b", "#c2410c", "#1d4ed8", "#a16207", "#6d28d9", "#3f6212", "#be185d", "#475569",
];

const INK: &str = "#1f2937";
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
// Average glyph width at 13px, used to decide where to cut long labels.
const CHAR_PX: f64 = 7.0;

/// Escapes text for XML content and attribute values.
///
/// Characters XML 1.0 forbids (most control characters) become U+FFFD, because one
/// of them in a label would make the whole SVG unreadable to an XML parser.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The small chart shown when there is nothing to draw.
fn kosong(title: &str) -> String {
    let id = chart_id("kosong", title, &[]);
    svg_open(&id, "chart-empty", 320.0, 60.0, title, "Belum ada data.")
        + "<text class=\"empty\" x=\"160\" y=\"35\" text-anchor=\"middle\" fill=\"#4b5563\">Belum ada data</text></svg>"
}

/// Opens the `<svg>` with the role, accessible name and description every chart needs.
fn svg_open(id: &str, class: &str, width: f64, height: f64, title: &str, desc: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg {class}\" width=\"{width:.0}\" \
         height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" role=\"img\" \
         aria-labelledby=\"{id}-t {id}-d\" font-family=\"{}\" font-size=\"13\" fill=\"{INK}\">\
         <title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        escape(FONT),
        escape(title),
        escape(desc),
    )
}

/// A stable id from the chart's content, so several charts on one page do not share
/// `aria-labelledby` targets and the same input always renders the same bytes.
fn chart_id(kind: &str, title: &str, data: &[(String, f64)]) -> String {
    // FNV-1a: tiny, deterministic and good enough to tell charts on one page apart.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(title.as_bytes());
    for (l, v) in data {
        feed(l.as_bytes());
        feed(&v.to_bits().to_le_bytes());
    }
    format!("chart-{kind}-{h:016x}")
}

/// Formats a value: whole numbers with [`angka`], others with [`desimal`].
fn nilai(v: f64, decimals: usize) -> String {
    if v.is_nan() {
        BUKAN_ANGKA.to_owned()
    } else if v.fract() == 0.0 && v.abs() < 9.0e15 {
        angka(v as i64)
    } else {
        desimal(v, decimals)
    }
}

/// Cuts a label to `max` characters with an ellipsis; says whether it cut.
fn potong(label: &str, max: usize) -> (String, bool) {
    if label.chars().count() <= max {
        return (label.to_owned(), false);
    }
    let mut short: String = label.chars().take(max.saturating_sub(1)).collect();
    short.push('…');
    (short, true)
}

#[cfg(test)]
mod tests {
    use super::test_support::{data, well_formed};
    use super::*;

    #[test]
    fn escape_covers_the_five_characters_and_control_chars() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c\n"), "a\u{FFFD}b\u{FFFD}c\n");
        assert_eq!(escape("Dinas Kominfo"), "Dinas Kominfo");
    }

    #[test]
    fn values_use_indonesian_format() {
        let opts = BarOptions {
            suffix: "%".into(),
            decimals: 2,
            ..BarOptions::default()
        };
        let svg = bar_horizontal("t", &data(&[("a", 1234567.0), ("b", 1234.5)]), &opts);
        assert!(svg.contains(">1.234.567%</text>"), "{svg}");
        assert!(svg.contains(">1.234,50%</text>"), "{svg}");
        let d = donut("Status", &data(&[("Aktif", 3.0), ("Nonaktif", 1.0)]));
        assert!(
            d.contains(">3 (75,0%)</text>") && d.contains(">1 (25,0%)</text>"),
            "{d}"
        );
    }

    #[test]
    fn hostile_labels_are_escaped() {
        let evil = data(&[
            ("<script>alert(1)</script>", 1.0),
            ("\"&", 2.0),
            ("'><img src=x onerror=alert(1)>", 3.0),
        ]);
        for svg in [
            bar_horizontal("<b>\"&'", &evil, &BarOptions::default()),
            donut("<b>\"&'", &evil),
        ] {
            assert_eq!(well_formed(&svg), Ok("svg".to_owned()), "{svg}");
            assert!(!svg.contains("<script") && !svg.contains("<img") && !svg.contains("<b>"));
            assert!(svg.contains("&lt;script&gt;") && svg.contains("&quot;&amp;"));
        }
    }

    #[test]
    fn empty_input_says_belum_ada_data() {
        for svg in [
            bar_horizontal("Kosong", &[], &BarOptions::default()),
            donut("Kosong", &[]),
            donut("Kosong", &data(&[("a", 0.0), ("b", f64::NAN)])),
        ] {
            assert_eq!(well_formed(&svg), Ok("svg".to_owned()));
            assert!(svg.contains(">Belum ada data</text>") && svg.contains("role=\"img\""));
        }
    }

    #[test]
    fn same_input_same_bytes_different_charts_different_ids() {
        let a = data(&[("a", 1.0)]);
        assert_eq!(donut("x", &a), donut("x", &a));
        assert_ne!(chart_id("bar", "x", &a), chart_id("bar", "y", &a));
    }
}
