//! The line chart of an index over the years: years on the x axis, the maturity scale
//! 1..5 on the y axis, one line per series (one per evaluation model) and the predicate
//! bands shaded lightly behind them.

// Writing into a String cannot fail, which is why `let _ = write!(..)` below ignores
// the fmt::Result.
use std::fmt::Write as _;

use super::{PALETTE, chart_id, escape, kosong, potong, svg_open};
use crate::format_id::desimal;

/// One line: (year, value) points; drawn in year order.
#[derive(Debug, Clone)]
pub struct LineSeries {
    /// Name in the legend, e.g. "Indeks SPBE (spbe-2020)".
    pub nama: String,
    /// (year, value 1..=5) points.
    pub titik: Vec<(i32, f64)>,
}

/// A predicate band: values from `min` up to the next band's `min` earn `nama`.
#[derive(Debug, Clone)]
pub struct Pita {
    /// Name, e.g. "Baik".
    pub nama: String,
    /// Inclusive lower limit.
    pub min: f64,
}

const WIDTH: f64 = 640.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 120.0;
const TOP: f64 = 16.0;
const PLOT_H: f64 = 240.0;
const LEGEND_ROW: f64 = 22.0;
// Room between the plot's edges and the first and last year, for the value labels.
const PAD: f64 = 28.0;
const Y_MIN: f64 = 1.0;
const Y_MAX: f64 = 5.0;
// Bands alternate between two very light fills so neighbours stay apart.
const BAND_FILL: [&str; 2] = ["#f1f5f9", "#e2e8f0"];
const DASH: [&str; 3] = ["", "7 4", "2 3"];

/// The x range of the plot: the years, widened by one on each side when there is
/// only one, so a single point sits in the middle.
fn rentang(series: &[LineSeries]) -> Option<(i32, i32)> {
    let years = series.iter().flat_map(|s| s.titik.iter().map(|(y, _)| *y));
    let lo = years.clone().min()?;
    let hi = years.max()?;
    Some(if lo == hi { (lo - 1, hi + 1) } else { (lo, hi) })
}

/// The y coordinate of value `v` (clamped to the scale).
pub fn y_dari(v: f64) -> f64 {
    let v = if v.is_finite() {
        v.clamp(Y_MIN, Y_MAX)
    } else {
        Y_MIN
    };
    TOP + PLOT_H * (Y_MAX - v) / (Y_MAX - Y_MIN)
}

/// The x coordinate of `year` within `(lo, hi)`.
pub fn x_dari(year: i32, (lo, hi): (i32, i32)) -> f64 {
    let span = f64::from((hi - lo).max(1));
    LEFT + PAD + (WIDTH - LEFT - RIGHT - 2.0 * PAD) * f64::from(year - lo) / span
}

/// A line chart of `series` over the years on the scale 1..5, with `bands` (any
/// order) shaded behind and named on the right.
pub fn line_years(title: &str, series: &[LineSeries], bands: &[Pita]) -> String {
    let Some(range) = rentang(series) else {
        return kosong(title);
    };
    let data: Vec<(String, f64)> = series
        .iter()
        .flat_map(|s| {
            s.titik
                .iter()
                .map(move |(y, v)| (format!("{}/{y}", s.nama), *v))
        })
        .collect();
    let id = chart_id("line", title, &data);
    let height = TOP + PLOT_H + 36.0 + LEGEND_ROW * series.len() as f64;
    let right = WIDTH - RIGHT;

    let mut out = String::from("<g class=\"bands\">");
    let mut sorted: Vec<&Pita> = bands.iter().filter(|b| b.min.is_finite()).collect();
    sorted.sort_by(|a, b| a.min.total_cmp(&b.min));
    for (k, b) in sorted.iter().enumerate() {
        let hi = sorted.get(k + 1).map_or(Y_MAX, |n| n.min);
        let (y_top, y_bot) = (y_dari(hi), y_dari(b.min));
        if y_bot - y_top < 0.5 {
            continue;
        }
        let _ = write!(
            out,
            "<rect class=\"band\" x=\"{LEFT:.1}\" y=\"{y_top:.2}\" width=\"{:.1}\" height=\"{:.2}\" fill=\"{}\"/>\
             <text class=\"band-label\" x=\"{:.1}\" y=\"{:.2}\" font-size=\"11\" fill=\"#4b5563\">{}</text>",
            right - LEFT,
            y_bot - y_top,
            BAND_FILL[k % 2],
            right + 6.0,
            (y_top + y_bot) / 2.0 + 4.0,
            escape(&potong(&b.nama, 16).0),
        );
    }
    out.push_str("</g><g class=\"axes\">");
    for v in 1..=5 {
        let y = y_dari(f64::from(v));
        let _ = write!(
            out,
            "<line x1=\"{LEFT:.1}\" y1=\"{y:.2}\" x2=\"{right:.1}\" y2=\"{y:.2}\" stroke=\"#cbd5e1\" stroke-width=\"1\"/>\
             <text x=\"{:.1}\" y=\"{:.2}\" text-anchor=\"end\">{v}</text>",
            LEFT - 8.0,
            y + 4.0
        );
    }
    // Years are labels, never grouped with a thousands dot.
    let step = usize::try_from((range.1 - range.0) / 10 + 1).unwrap_or(1);
    for year in (range.0..=range.1).step_by(step) {
        let x = x_dari(year, range);
        let _ = write!(
            out,
            "<text class=\"year\" x=\"{x:.2}\" y=\"{:.1}\" text-anchor=\"middle\">{year}</text>",
            TOP + PLOT_H + 18.0
        );
    }
    out.push_str("</g>");

    let mut desc = format!(
        "Diagram garis indeks per tahun, {} sampai {}, skala 1 sampai 5. ",
        range.0, range.1
    );
    for (k, s) in series.iter().enumerate() {
        let colour = PALETTE[k % PALETTE.len()];
        let dash = DASH[k % DASH.len()];
        let dash_attr = if dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{dash}\"")
        };
        let mut pts: Vec<(i32, f64)> = s.titik.clone();
        pts.sort_by_key(|(y, _)| *y);
        let _ = write!(
            desc,
            "{}{}: {}",
            if k > 0 { ". " } else { "" },
            s.nama,
            pts.iter()
                .map(|(y, v)| format!("{y} {}", desimal(*v, 2)))
                .collect::<Vec<_>>()
                .join("; ")
        );
        let line: Vec<String> = pts
            .iter()
            .map(|(y, v)| format!("{:.2},{:.2}", x_dari(*y, range), y_dari(*v)))
            .collect();
        let _ = write!(
            out,
            "<g class=\"line-series\"><polyline class=\"series\" points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash_attr}/>",
            line.join(" ")
        );
        for (y, v) in &pts {
            let (px, py) = (x_dari(*y, range), y_dari(*v));
            let text = desimal(*v, 2);
            let _ = write!(
                out,
                "<circle cx=\"{px:.2}\" cy=\"{py:.2}\" r=\"4\" fill=\"{colour}\"><title>{} {y}: {}</title></circle>\
                 <text class=\"point-value\" x=\"{px:.2}\" y=\"{:.2}\" text-anchor=\"middle\" font-size=\"11\">{}</text>",
                escape(&s.nama),
                escape(&text),
                py - 8.0,
                escape(&text),
            );
        }
        out.push_str("</g>");
        let ly = TOP + PLOT_H + 30.0 + LEGEND_ROW * k as f64;
        let _ = write!(
            out,
            "<g class=\"legend-row\"><line x1=\"{LEFT:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"3\"{dash_attr}/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
            ly + 7.0,
            LEFT + 28.0,
            ly + 7.0,
            LEFT + 36.0,
            ly + 12.0,
            escape(&potong(&s.nama, 70).0),
        );
    }
    desc.push('.');
    svg_open(&id, "chart-line", WIDTH, height, title, &desc) + &out + "</svg>"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::test_support::well_formed;

    fn bands() -> Vec<Pita> {
        [
            ("Memuaskan", 4.2),
            ("Sangat Baik", 3.5),
            ("Baik", 2.6),
            ("Cukup", 1.8),
            ("Kurang", 0.0),
        ]
        .iter()
        .map(|(n, m)| Pita {
            nama: (*n).into(),
            min: *m,
        })
        .collect()
    }

    fn circles(svg: &str) -> Vec<(f64, f64)> {
        svg.split("<circle cx=\"")
            .skip(1)
            .filter_map(|s| {
                let x = s.split('"').next()?.parse().ok()?;
                let y = s.split("cy=\"").nth(1)?.split('"').next()?.parse().ok()?;
                Some((x, y))
            })
            .collect()
    }

    #[test]
    fn the_scale_runs_from_one_at_the_bottom_to_five_at_the_top() {
        assert!((y_dari(5.0) - TOP).abs() < 1e-9);
        assert!((y_dari(1.0) - (TOP + PLOT_H)).abs() < 1e-9);
        assert!((y_dari(3.0) - (TOP + PLOT_H / 2.0)).abs() < 1e-9);
        assert!((y_dari(0.0) - y_dari(1.0)).abs() < 1e-9);
        assert!((x_dari(2023, (2023, 2025)) - (LEFT + PAD)).abs() < 1e-9);
        assert!((x_dari(2025, (2023, 2025)) - (WIDTH - RIGHT - PAD)).abs() < 1e-9);
        assert!((x_dari(2024, (2023, 2025)) - (LEFT + WIDTH - RIGHT) / 2.0).abs() < 1e-9);
    }

    #[test]
    fn one_line_per_model_with_points_years_and_bands() {
        let svg = line_years(
            "Riwayat indeks",
            &[
                LineSeries {
                    nama: "Indeks SPBE".into(),
                    titik: vec![(2025, 3.22), (2023, 2.5), (2024, 2.9)],
                },
                LineSeries {
                    nama: "Indeks Pemdi".into(),
                    titik: vec![(2026, 3.0)],
                },
            ],
            &bands(),
        );
        assert_eq!(well_formed(&svg), Ok("svg".to_owned()), "{svg}");
        assert_eq!(svg.matches("<polyline class=\"series\"").count(), 2);
        assert_eq!(svg.matches("<rect class=\"band\"").count(), 5);
        for year in ["2023", "2024", "2025", "2026"] {
            assert!(svg.contains(&format!(">{year}</text>")), "{year}");
        }
        assert!(!svg.contains("2.023"));
        assert!(svg.contains(">3,22</text>") && svg.contains(">Sangat Baik</text>"));
        assert!(svg.contains("Indeks SPBE: 2023 2,50; 2024 2,90; 2025 3,22"));
        let c = circles(&svg);
        assert_eq!(c.len(), 4);
        // In year order: 2023 at the left edge, 2025 before 2026 at the right edge.
        assert!((c[0].0 - (LEFT + PAD)).abs() < 0.01 && (c[0].1 - y_dari(2.5)).abs() < 0.01);
        assert!((c[3].0 - (WIDTH - RIGHT - PAD)).abs() < 0.01);
    }

    #[test]
    fn a_single_year_sits_in_the_middle_and_nothing_is_empty() {
        let svg = line_years(
            "t",
            &[LineSeries {
                nama: "<x>".into(),
                titik: vec![(2025, 4.0)],
            }],
            &[],
        );
        assert_eq!(well_formed(&svg), Ok("svg".to_owned()));
        let c = circles(&svg);
        assert!((c[0].0 - (LEFT + WIDTH - RIGHT) / 2.0).abs() < 0.01);
        assert!(svg.contains("&lt;x&gt;"));
        for svg in [
            line_years("t", &[], &bands()),
            line_years(
                "t",
                &[LineSeries {
                    nama: "x".into(),
                    titik: vec![],
                }],
                &[],
            ),
        ] {
            assert_eq!(well_formed(&svg), Ok("svg".to_owned()));
            assert!(svg.contains(">Belum ada data</text>"));
        }
    }
}
