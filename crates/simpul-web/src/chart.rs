//! Server-rendered SVG charts.
//!
//! Charts are plain SVG strings so they work without JavaScript, inline in a page or
//! saved as an export file. Colours are fill attributes (not `style`), because the
//! Content-Security-Policy forbids inline styles and exported files carry no CSS.

// Writing into a String cannot fail, which is why `let _ = write!(..)` below ignores
// the fmt::Result.
use std::fmt::Write as _;

use crate::format_id::{BUKAN_ANGKA, angka, desimal, persen};

/// Accessible palette: each colour has at least 3:1 contrast on white (WCAG 1.4.11)
/// and neighbours stay apart for the common colour-vision deficiencies.
pub const PALETTE: [&str; 8] = [
    "#0b5c6b", "#c2410c", "#1d4ed8", "#a16207", "#6d28d9", "#3f6212", "#be185d", "#475569",
];

const INK: &str = "#1f2937";
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
// Average glyph width at 13px, used to decide where to cut long labels.
const CHAR_PX: f64 = 7.0;

/// Options for [`bar_horizontal`].
#[derive(Debug, Clone)]
pub struct BarOptions {
    /// Total width of the SVG in pixels.
    pub width: u32,
    /// Width reserved for the labels on the left, in pixels.
    pub label_width: u32,
    /// Decimals shown for values that are not whole numbers.
    pub decimals: usize,
    /// Text appended to each value, such as `%` or ` hari`.
    pub suffix: String,
    /// Fixed end of the scale (for example 100 for percentages); the largest value if `None`.
    pub max: Option<f64>,
}

impl Default for BarOptions {
    fn default() -> Self {
        Self {
            width: 640,
            label_width: 200,
            decimals: 1,
            suffix: String::new(),
            max: None,
        }
    }
}

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

/// A horizontal bar chart: label on the left, bar, formatted value on the right.
///
/// Negative and NaN values draw no bar; their value text still shows what they are.
pub fn bar_horizontal(title: &str, bars: &[(String, f64)], opts: &BarOptions) -> String {
    if bars.is_empty() {
        return kosong(title);
    }
    const ROW: f64 = 28.0;
    const TOP: f64 = 8.0;
    const VALUE_W: f64 = 90.0;
    let width = f64::from(opts.width.max(240));
    let label_w = f64::from(opts.label_width).min(width / 2.0);
    let bar_w = (width - label_w - VALUE_W - 16.0).max(20.0);
    let height = TOP * 2.0 + ROW * bars.len() as f64;
    let data_max = bars
        .iter()
        .map(|(_, v)| *v)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let scale = opts
        .max
        .filter(|m| m.is_finite() && *m > 0.0)
        .unwrap_or(data_max);
    let max_chars = ((label_w - 8.0) / CHAR_PX).max(4.0) as usize;

    let id = chart_id("bar", title, bars);
    let mut desc = format!("Diagram batang, {} data. ", bars.len());
    let mut body = String::new();
    for (i, (label, value)) in bars.iter().enumerate() {
        let text = format!("{}{}", nilai(*value, opts.decimals), opts.suffix);
        let _ = write!(desc, "{}{}: {}", if i > 0 { "; " } else { "" }, label, text);
        let y = TOP + ROW * i as f64;
        let ratio = if scale > 0.0 && value.is_finite() {
            (value / scale).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let (short, cut) = potong(label, max_chars);
        body.push_str("<g class=\"bar-row\">");
        if cut {
            let _ = write!(body, "<title>{}</title>", escape(label));
        }
        let _ = write!(
            body,
            "<text class=\"bar-label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect class=\"bar\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.2}\" height=\"18\" rx=\"2\" fill=\"{}\"/>\
             <text class=\"bar-value\" x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
            label_w - 8.0,
            y + 18.0,
            escape(&short),
            label_w,
            y + 5.0,
            bar_w * ratio,
            PALETTE[0],
            label_w + bar_w * ratio + 6.0,
            y + 18.0,
            escape(&text),
        );
    }
    desc.push('.');
    svg_open(&id, "chart-bar", width, height, title, &desc) + &body + "</svg>"
}

/// A donut chart with a legend giving each slice's value and share.
///
/// Negative and NaN slices count as zero; slices beyond the palette are merged into
/// "Lainnya" so that no two slices share a colour.
pub fn donut(title: &str, slices: &[(String, f64)]) -> String {
    let mut parts: Vec<(String, f64)> = slices
        .iter()
        .map(|(l, v)| (l.clone(), if v.is_finite() && *v > 0.0 { *v } else { 0.0 }))
        .collect();
    if parts.len() > PALETTE.len() {
        let rest: f64 = parts.drain(PALETTE.len() - 1..).map(|(_, v)| v).sum();
        parts.push(("Lainnya".to_owned(), rest));
    }
    let total: f64 = parts.iter().map(|(_, v)| v).sum();
    if parts.is_empty() || !total.is_finite() || total <= 0.0 {
        return kosong(title);
    }
    const SIZE: f64 = 200.0;
    const R: f64 = 70.0;
    const LEGEND_ROW: f64 = 24.0;
    let circumference = 2.0 * std::f64::consts::PI * R;
    let width = 560.0;
    let height = SIZE.max(16.0 + LEGEND_ROW * parts.len() as f64);
    let (cx, cy) = (SIZE / 2.0, height / 2.0);
    let max_chars = ((width - SIZE - 40.0 - 150.0) / CHAR_PX) as usize;

    let id = chart_id("donut", title, &parts);
    let mut desc = format!("Diagram donat, total {}. ", nilai(total, 1));
    let mut ring = format!(
        "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{R}\" fill=\"none\" stroke=\"#e5e7eb\" stroke-width=\"32\"/>"
    );
    let mut legend = String::new();
    let mut done = 0.0;
    for (i, (label, value)) in parts.iter().enumerate() {
        let colour = PALETTE[i % PALETTE.len()];
        let share = value / total * 100.0;
        let text = format!("{} ({})", nilai(*value, 1), persen(share, 1));
        let _ = write!(desc, "{}{}: {}", if i > 0 { "; " } else { "" }, label, text);
        let len = value / total * circumference;
        if len > 0.0 {
            // One stroked circle per slice: the dash draws the slice, the offset moves
            // it past the slices before it; the rotation starts it at twelve o'clock.
            let _ = write!(
                ring,
                "<circle class=\"slice\" cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{R}\" fill=\"none\" stroke=\"{colour}\" \
                 stroke-width=\"32\" stroke-dasharray=\"{len:.3} {:.3}\" stroke-dashoffset=\"{:.3}\" \
                 transform=\"rotate(-90 {cx:.1} {cy:.1})\"/>",
                circumference - len,
                -done,
            );
        }
        done += len;
        let y = (height - LEGEND_ROW * parts.len() as f64) / 2.0 + LEGEND_ROW * i as f64;
        let (short, cut) = potong(label, max_chars);
        legend.push_str("<g class=\"legend-row\">");
        if cut {
            let _ = write!(legend, "<title>{}</title>", escape(label));
        }
        let _ = write!(
            legend,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"14\" height=\"14\" rx=\"2\" fill=\"{colour}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{}</text>\
             <text class=\"legend-value\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text></g>",
            SIZE + 20.0,
            y + 5.0,
            SIZE + 42.0,
            y + 17.0,
            escape(&short),
            width - 8.0,
            y + 17.0,
            escape(&text),
        );
    }
    desc.push('.');
    let centre = format!(
        "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"bold\">{}</text>",
        cy + 6.0,
        escape(&nilai(total, 1)),
    );
    svg_open(&id, "chart-donut", width, height, title, &desc) + &ring + &centre + &legend + "</svg>"
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
    use super::*;

    /// A tiny XML check: tags balance, attribute quotes pair up, `&` starts only the
    /// entities we emit, and no raw `>` sits in text. Returns the root element's name.
    fn well_formed(svg: &str) -> Result<String, String> {
        let mut stack: Vec<String> = Vec::new();
        let mut root = None;
        let mut rest = svg;
        while let Some(lt) = rest.find('<') {
            check_text(&rest[..lt])?;
            let gt = rest[lt..].find('>').ok_or("tag not closed")? + lt;
            let tag = &rest[lt + 1..gt];
            if !tag.matches('"').count().is_multiple_of(2) {
                return Err(format!("odd quotes in <{tag}>"));
            }
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            if tag.starts_with('/') {
                if stack.pop().as_deref() != Some(name.as_str()) {
                    return Err(format!("unexpected </{name}>"));
                }
            } else if !tag.ends_with('/') {
                root.get_or_insert_with(|| name.clone());
                stack.push(name);
            }
            if stack.is_empty() && gt + 1 < rest.len() {
                return Err("content after the root element".into());
            }
            rest = &rest[gt + 1..];
        }
        check_text(rest)?;
        if !stack.is_empty() {
            return Err(format!("unclosed {stack:?}"));
        }
        root.ok_or_else(|| "no element".into())
    }

    fn check_text(text: &str) -> Result<(), String> {
        if text.contains('>') {
            return Err(format!("raw > in {text:?}"));
        }
        for (i, _) in text.match_indices('&') {
            let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|e| text[i..].starts_with(e));
            if !ok {
                return Err(format!("bare & in {text:?}"));
            }
        }
        Ok(())
    }

    fn data(pairs: &[(&str, f64)]) -> Vec<(String, f64)> {
        pairs.iter().map(|(l, v)| ((*l).to_owned(), *v)).collect()
    }

    /// The `width` of every `<rect class="bar" ...>`, in order.
    fn bar_widths(svg: &str) -> Vec<f64> {
        svg.split("<rect class=\"bar\"")
            .skip(1)
            .filter_map(|s| s.split("width=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect()
    }

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
    fn bar_chart_is_well_formed_and_accessible() {
        let svg = bar_horizontal(
            "Aplikasi per PD",
            &data(&[("Dinas Kesehatan", 12.0), ("Bappeda", 4.0)]),
            &BarOptions::default(),
        );
        assert_eq!(well_formed(&svg), Ok("svg".to_owned()));
        assert!(svg.contains("role=\"img\""));
        let id = chart_id(
            "bar",
            "Aplikasi per PD",
            &data(&[("Dinas Kesehatan", 12.0), ("Bappeda", 4.0)]),
        );
        assert!(svg.contains(&format!("aria-labelledby=\"{id}-t {id}-d\"")));
        assert!(svg.contains(&format!("<title id=\"{id}-t\">Aplikasi per PD</title>")));
        assert!(svg.contains("Diagram batang, 2 data. Dinas Kesehatan: 12; Bappeda: 4.</desc>"));
    }

    #[test]
    fn bar_widths_are_proportional_and_height_grows() {
        let opts = BarOptions::default();
        let svg = bar_horizontal(
            "t",
            &data(&[
                ("a", 10.0),
                ("b", 5.0),
                ("c", 0.0),
                ("d", -3.0),
                ("e", f64::NAN),
            ]),
            &opts,
        );
        let w = bar_widths(&svg);
        assert_eq!(w.len(), 5);
        assert!((w[0] - 2.0 * w[1]).abs() < 0.02, "{w:?}");
        assert_eq!(&w[2..], &[0.0, 0.0, 0.0]);
        assert!(svg.contains(">-3</text>") && svg.contains(">—</text>"));
        let fixed = bar_horizontal(
            "t",
            &data(&[("a", 50.0)]),
            &BarOptions {
                max: Some(100.0),
                ..opts.clone()
            },
        );
        let full = bar_horizontal(
            "t",
            &data(&[("a", 100.0)]),
            &BarOptions {
                max: Some(100.0),
                ..opts.clone()
            },
        );
        assert!((bar_widths(&full)[0] - 2.0 * bar_widths(&fixed)[0]).abs() < 0.02);
        let height = |s: &str| -> Option<f64> {
            s.split("height=\"").nth(1)?.split('"').next()?.parse().ok()
        };
        let one = bar_horizontal("t", &data(&[("a", 1.0)]), &opts);
        assert!(
            height(&one) < height(&svg),
            "{:?} vs {:?}",
            height(&one),
            height(&svg)
        );
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
    fn long_labels_are_cut_with_full_text_in_title() {
        let long = "Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Contoh";
        let svg = bar_horizontal("t", &data(&[(long, 1.0)]), &BarOptions::default());
        assert!(svg.contains(&format!("<title>{long}</title>")));
        assert!(svg.contains("…</text>"));
        let short = bar_horizontal("t", &data(&[("Bappeda", 1.0)]), &BarOptions::default());
        assert_eq!(short.matches("<title").count(), 1);
    }

    #[test]
    fn donut_is_well_formed_and_merges_extra_slices() {
        let many: Vec<(String, f64)> = (1..=10)
            .map(|i| (format!("PD {i}"), f64::from(i)))
            .collect();
        let svg = donut("Per PD", &many);
        assert_eq!(well_formed(&svg), Ok("svg".to_owned()));
        assert_eq!(svg.matches("class=\"slice\"").count(), PALETTE.len());
        assert!(svg.contains(">Lainnya</text>") && svg.contains(">27 (49,1%)</text>"));
        assert!(svg.contains("total 55."));
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
