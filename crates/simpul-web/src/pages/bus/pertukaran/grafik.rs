//! A column chart for the dashboard (traffic per hour, latency buckets): server-rendered
//! SVG like `crate::chart`, each column with its value in a `<title>` (read by screen
//! readers and shown on hover), a second series stacked at the foot of each column
//! (refused or failed), colours as attributes (the CSP forbids inline styles).

use std::fmt::Write as _;

use crate::chart::{PALETTE, escape};
use crate::format_id::angka;

/// One column: label, total, and the part of it drawn in the second colour.
pub struct Kolom {
    /// Axis label (may be empty: not every column is labelled).
    pub label: String,
    /// Full description for its `<title>`.
    pub judul: String,
    /// Height.
    pub nilai: i64,
    /// The part drawn in the second colour (≤ `nilai`).
    pub bagian: i64,
}

/// The SVG of `cols`, titled `judul`; `legenda` names the two colours.
pub fn kolom(judul: &str, cols: &[Kolom], legenda: (&str, &str)) -> String {
    const H: f64 = 220.0;
    const TOP: f64 = 28.0;
    const BOTTOM: f64 = 40.0;
    const LEFT: f64 = 56.0;
    let n = cols.len().max(1) as f64;
    // Wide enough that labelled columns' labels do not overlap (6.5 px a character at
    // 12 px), and at least 10 px a column.
    let label_px = cols
        .iter()
        .map(|c| c.label.chars().count() as f64 * 6.5 + 8.0)
        .fold(0.0, f64::max);
    let labelled = cols.iter().filter(|c| !c.label.is_empty()).count() as f64;
    let width = ((n * 10.0).max(labelled * label_px) + LEFT + 16.0).clamp(480.0, 960.0);
    let plot_w = width - LEFT - 16.0;
    let plot_h = H - TOP - BOTTOM;
    let max = cols.iter().map(|c| c.nilai).max().unwrap_or(0).max(1);
    let step = plot_w / n;
    let bar = (step * 0.8).max(1.0);
    let y = |v: i64| TOP + plot_h - plot_h * (v as f64) / (max as f64);
    let total: i64 = cols.iter().map(|c| c.nilai).sum();
    let id = format!("g{:x}", fnv(judul));
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" width=\"{width:.0}\" height=\"{H:.0}\" \
         viewBox=\"0 0 {width:.0} {H:.0}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" font-size=\"12\" fill=\"#1f2937\">\
         <title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}: {}</desc>",
        escape(judul),
        escape(legenda.0),
        angka(total),
    );
    // Axis: zero and the maximum.
    let _ = write!(
        s,
        "<line x1=\"{LEFT}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#9ca3af\"/>\
         <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
         <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">0</text>",
        TOP + plot_h,
        LEFT + plot_w,
        TOP + plot_h,
        LEFT - 6.0,
        TOP + 4.0,
        angka(max),
        LEFT - 6.0,
        TOP + plot_h + 4.0,
    );
    for (i, c) in cols.iter().enumerate() {
        let x = LEFT + step * i as f64 + (step - bar) / 2.0;
        let _ = write!(s, "<g><title>{}</title>", escape(&c.judul));
        if c.nilai > 0 {
            let top = y(c.nilai);
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
                TOP + plot_h - top,
                PALETTE[0]
            );
        }
        if c.bagian > 0 {
            let top = y(c.bagian.min(c.nilai));
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{top:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
                TOP + plot_h - top,
                PALETTE[1]
            );
        }
        s.push_str("</g>");
        if !c.label.is_empty() {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                x + bar / 2.0,
                TOP + plot_h + 16.0,
                escape(&c.label)
            );
        }
    }
    // Legend (the second entry only when there is a second series).
    let ly = H - 8.0;
    let _ = write!(
        s,
        "<rect x=\"{LEFT}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{ly:.1}\">{}</text>",
        ly - 9.0,
        PALETTE[0],
        LEFT + 14.0,
        escape(legenda.0),
    );
    if !legenda.1.is_empty() {
        let _ = write!(
            s,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{ly:.1}\">{}</text>",
            LEFT + 200.0,
            ly - 9.0,
            PALETTE[1],
            LEFT + 214.0,
            escape(legenda.1),
        );
    }
    s.push_str("</svg>");
    s
}

/// FNV-1a of the title: distinct ids for several charts on one page.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_with_titles_and_escaped_text() {
        let cols = vec![
            Kolom {
                label: "08".into(),
                judul: "08.00: 5 <x>".into(),
                nilai: 5,
                bagian: 2,
            },
            Kolom {
                label: String::new(),
                judul: "09.00: 0".into(),
                nilai: 0,
                bagian: 0,
            },
        ];
        let svg = kolom("Per jam", &cols, ("pertukaran", "bermasalah"));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("08.00: 5 &lt;x&gt;"));
        assert_eq!(
            svg.matches("<rect").count(),
            2 + 2,
            "two bars and the legend"
        );
        assert!(kolom("x", &[], ("a", "b")).contains("</svg>"));
    }
}
