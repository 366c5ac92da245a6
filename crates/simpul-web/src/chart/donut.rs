//! The donut chart.

// Writing into a String cannot fail, which is why `let _ = write!(..)` below ignores
// the fmt::Result.
use std::fmt::Write as _;

use super::{CHAR_PX, PALETTE, chart_id, escape, kosong, nilai, potong, svg_open};
use crate::format_id::persen;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::test_support::well_formed;

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
}
