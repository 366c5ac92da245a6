//! The horizontal bar chart.

// Writing into a String cannot fail, which is why `let _ = write!(..)` below ignores
// the fmt::Result.
use std::fmt::Write as _;

use super::{CHAR_PX, PALETTE, chart_id, escape, kosong, nilai, potong, svg_open};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::test_support::{data, well_formed};

    /// The `width` of every `<rect class="bar" ...>`, in order.
    fn bar_widths(svg: &str) -> Vec<f64> {
        svg.split("<rect class=\"bar\"")
            .skip(1)
            .filter_map(|s| s.split("width=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect()
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
    fn long_labels_are_cut_with_full_text_in_title() {
        let long = "Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Contoh";
        let svg = bar_horizontal("t", &data(&[(long, 1.0)]), &BarOptions::default());
        assert!(svg.contains(&format!("<title>{long}</title>")));
        assert!(svg.contains("…</text>"));
        let short = bar_horizontal("t", &data(&[("Bappeda", 1.0)]), &BarOptions::default());
        assert_eq!(short.matches("<title").count(), 1);
    }
}
