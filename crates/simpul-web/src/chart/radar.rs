//! The radar (spider) chart of an evaluation: one axis per aspect, the maturity scale
//! 0..5 with a ring at each level 1..5, one polygon per series (actual, target,
//! national) and a legend.

// Writing into a String cannot fail, which is why `let _ = write!(..)` below ignores
// the fmt::Result.
use std::fmt::Write as _;

use super::{PALETTE, chart_id, escape, kosong, potong, svg_open};
use crate::format_id::desimal;

/// The top of the scale: a value of 5 lies on the outer ring.
pub const SKALA: f64 = 5.0;

/// One polygon of a radar chart: a value per axis, in axis order.
#[derive(Debug, Clone)]
pub struct RadarSeries {
    /// Name in the legend, e.g. "Realisasi".
    pub nama: String,
    /// One value per axis, 0..=5; NaN draws at the centre.
    pub nilai: Vec<f64>,
}

// Size of the drawing: the labels need room on every side of the rings.
const WIDTH: f64 = 720.0;
const CX: f64 = 360.0;
const CY: f64 = 235.0;
const R: f64 = 160.0;
const LEGEND_TOP: f64 = 460.0;
const LEGEND_ROW: f64 = 22.0;
// Characters per label line; two lines at most.
const LABEL_CHARS: usize = 24;
// Series after the first are dashed, so they differ by more than colour.
const DASH: [&str; 3] = ["", "7 4", "2 3"];

/// Where value `v` on axis `i` of `n` lies: axis 0 points up, the rest follow
/// clockwise; 0 is the centre and [`SKALA`] the outer ring.
pub fn titik(i: usize, n: usize, v: f64) -> (f64, f64) {
    let v = if v.is_finite() {
        v.clamp(0.0, SKALA)
    } else {
        0.0
    };
    let sudut = sudut(i, n);
    let r = R * v / SKALA;
    (CX + r * sudut.cos(), CY + r * sudut.sin())
}

fn sudut(i: usize, n: usize) -> f64 {
    -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n.max(1) as f64
}

/// The points of a polygon through one value per axis, as an SVG `points` list.
fn poligon(nilai: impl Iterator<Item = f64>, n: usize) -> String {
    nilai
        .enumerate()
        .map(|(i, v)| {
            let (x, y) = titik(i, n, v);
            format!("{x:.2},{y:.2}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A label cut into at most two lines of [`LABEL_CHARS`], by words.
fn baris_label(label: &str) -> (Vec<String>, bool) {
    let mut lines: Vec<String> = vec![String::new()];
    for word in label.split_whitespace() {
        let Some(last) = lines.last_mut() else { break };
        if last.is_empty() {
            last.push_str(word);
        } else if last.chars().count() + 1 + word.chars().count() <= LABEL_CHARS {
            last.push(' ');
            last.push_str(word);
        } else {
            lines.push(word.to_owned());
        }
    }
    let mut cut = lines.len() > 2;
    lines.truncate(2);
    if cut && let Some(second) = lines.get_mut(1) {
        second.push('…');
    }
    for l in &mut lines {
        let (short, c) = potong(l, LABEL_CHARS + 1);
        cut |= c;
        *l = short;
    }
    (lines, cut)
}

/// A radar chart of `series` over `axes` (aspect names, in model order), on the fixed
/// scale 0..5. Fewer than three axes cannot make a polygon and show "Belum ada data".
pub fn radar(title: &str, axes: &[String], series: &[RadarSeries]) -> String {
    let n = axes.len();
    if n < 3 || series.is_empty() {
        return kosong(title);
    }
    let data: Vec<(String, f64)> = series
        .iter()
        .flat_map(|s| {
            axes.iter()
                .zip(s.nilai.iter().chain(std::iter::repeat(&f64::NAN)))
                .map(move |(a, v)| (format!("{}/{a}", s.nama), *v))
        })
        .collect();
    let id = chart_id("radar", title, &data);
    let height = LEGEND_TOP + LEGEND_ROW * series.len() as f64 + 8.0;

    let mut desc = format!("Diagram radar, {n} sumbu, skala 0 sampai 5. ");
    let mut grid = String::from("<g class=\"radar-grid\">");
    for ring in 1..=5 {
        let _ = write!(
            grid,
            "<polygon class=\"ring\" points=\"{}\" fill=\"none\" stroke=\"#d1d5db\" stroke-width=\"1\"/>",
            poligon(std::iter::repeat_n(f64::from(ring), n), n)
        );
    }
    for (i, label) in axes.iter().enumerate() {
        let (x, y) = titik(i, n, SKALA);
        let _ = write!(
            grid,
            "<line class=\"axis\" x1=\"{CX:.2}\" y1=\"{CY:.2}\" x2=\"{x:.2}\" y2=\"{y:.2}\" stroke=\"#9ca3af\" stroke-width=\"1\"/>"
        );
        grid.push_str(&label_sumbu(i, n, label));
    }
    // Scale numbers along the first axis, beside the rings they name.
    for ring in 1..=5 {
        let (x, y) = titik(0, n, f64::from(ring));
        let _ = write!(
            grid,
            "<text class=\"ring-label\" x=\"{:.2}\" y=\"{:.2}\" font-size=\"11\" fill=\"#4b5563\">{ring}</text>",
            x + 4.0,
            y - 3.0
        );
    }
    grid.push_str("</g>");

    let mut body = String::new();
    let mut legend = String::new();
    for (k, s) in series.iter().enumerate() {
        let colour = PALETTE[k % PALETTE.len()];
        let dash = DASH[k % DASH.len()];
        let dash_attr = if dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{dash}\"")
        };
        let values = || {
            s.nilai
                .iter()
                .copied()
                .chain(std::iter::repeat(f64::NAN))
                .take(n)
        };
        let _ = write!(
            desc,
            "{}{}: {}",
            if k > 0 { ". " } else { "" },
            s.nama,
            axes.iter()
                .zip(values())
                .map(|(a, v)| format!("{a} {}", desimal(v, 2)))
                .collect::<Vec<_>>()
                .join("; ")
        );
        let _ = write!(
            body,
            "<g class=\"radar-series\"><polygon class=\"series\" points=\"{}\" fill=\"{colour}\" fill-opacity=\"0.12\" \
             stroke=\"{colour}\" stroke-width=\"2\"{dash_attr}/>",
            poligon(values(), n)
        );
        for (i, v) in values().enumerate() {
            let (x, y) = titik(i, n, v);
            let _ = write!(
                body,
                "<circle cx=\"{x:.2}\" cy=\"{y:.2}\" r=\"3\" fill=\"{colour}\"><title>{}: {}</title></circle>",
                escape(&format!("{} · {}", s.nama, axes[i])),
                escape(&desimal(v, 2)),
            );
        }
        body.push_str("</g>");
        let y = LEGEND_TOP + LEGEND_ROW * k as f64;
        let (short, cut) = potong(&s.nama, 60);
        legend.push_str("<g class=\"legend-row\">");
        if cut {
            let _ = write!(legend, "<title>{}</title>", escape(&s.nama));
        }
        let _ = write!(
            legend,
            "<line x1=\"40\" y1=\"{:.1}\" x2=\"68\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"3\"{dash_attr}/>\
             <text x=\"76\" y=\"{:.1}\">{}</text></g>",
            y + 7.0,
            y + 7.0,
            y + 12.0,
            escape(&short),
        );
    }
    desc.push('.');
    svg_open(&id, "chart-radar", WIDTH, height, title, &desc) + &grid + &body + &legend + "</svg>"
}

/// The label of axis `i`, outside the outer ring, anchored away from the centre.
fn label_sumbu(i: usize, n: usize, label: &str) -> String {
    let a = sudut(i, n);
    let (c, s) = (a.cos(), a.sin());
    let x = CX + (R + 12.0) * c;
    let y = CY + (R + 12.0) * s;
    let anchor = if c > 0.3 {
        "start"
    } else if c < -0.3 {
        "end"
    } else {
        "middle"
    };
    let (lines, cut) = baris_label(label);
    // Labels above the centre grow upwards, so the second line does not hit the ring.
    let first_y = if s < -0.3 {
        y - 14.0 * (lines.len() as f64 - 1.0) - 2.0
    } else if s > 0.3 {
        y + 10.0
    } else {
        y + 4.0
    };
    let mut out = String::from("<g class=\"axis-label\">");
    if cut {
        let _ = write!(out, "<title>{}</title>", escape(label));
    }
    let _ = write!(
        out,
        "<text x=\"{x:.2}\" y=\"{first_y:.2}\" text-anchor=\"{anchor}\">"
    );
    for (k, l) in lines.iter().enumerate() {
        let dy = if k == 0 { 0.0 } else { 14.0 };
        let _ = write!(
            out,
            "<tspan x=\"{x:.2}\" dy=\"{dy:.0}\">{}</tspan>",
            escape(l)
        );
    }
    out.push_str("</text></g>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::test_support::well_formed;

    fn axes(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("A{i} Aspek nomor {i}")).collect()
    }

    fn dist((x, y): (f64, f64)) -> f64 {
        ((x - CX).powi(2) + (y - CY).powi(2)).sqrt()
    }

    /// Every `points` list of `<polygon class="<class>"`, as coordinates.
    fn polygons(svg: &str, class: &str) -> Vec<Vec<(f64, f64)>> {
        svg.split(&format!("<polygon class=\"{class}\" points=\""))
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .map(|pts| {
                pts.split(' ')
                    .filter_map(|p| {
                        let (x, y) = p.split_once(',')?;
                        Some((x.parse().ok()?, y.parse().ok()?))
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn five_lies_on_the_outer_ring_and_zero_at_the_centre() {
        for n in [7, 8] {
            for i in 0..n {
                assert!((dist(titik(i, n, SKALA)) - R).abs() < 1e-9);
                assert!(dist(titik(i, n, 0.0)) < 1e-9);
                assert!((dist(titik(i, n, 2.5)) - R / 2.0).abs() < 1e-9);
                // Out of scale and NaN stay inside the drawing.
                assert!((dist(titik(i, n, 9.0)) - R).abs() < 1e-9);
                assert!(dist(titik(i, n, f64::NAN)) < 1e-9);
            }
        }
        // Axis 0 points straight up.
        let (x, y) = titik(0, 8, SKALA);
        assert!((x - CX).abs() < 1e-9 && (y - (CY - R)).abs() < 1e-9);
    }

    #[test]
    fn radar_has_one_axis_per_aspect_five_rings_and_the_values() {
        let values = vec![5.0, 0.0, 3.22, 1.0, 2.0, 4.0, 5.0, 1.5];
        let svg = radar(
            "Indeks per aspek",
            &axes(8),
            &[RadarSeries {
                nama: "Realisasi".into(),
                nilai: values.clone(),
            }],
        );
        assert_eq!(well_formed(&svg), Ok("svg".to_owned()), "{svg}");
        assert!(svg.contains("role=\"img\""));
        assert_eq!(svg.matches("<line class=\"axis\"").count(), 8);
        let rings = polygons(&svg, "ring");
        assert_eq!(rings.len(), 5);
        for (k, ring) in rings.iter().enumerate() {
            for p in ring {
                assert!((dist(*p) - R * (k + 1) as f64 / 5.0).abs() < 0.01);
            }
        }
        let series = polygons(&svg, "series");
        assert_eq!(series.len(), 1);
        let outer = &rings[4];
        // 5 on the outer ring (same point), 0 at the centre.
        assert!((series[0][0].0 - outer[0].0).abs() < 0.01);
        assert!((series[0][0].1 - outer[0].1).abs() < 0.01);
        assert!(dist(series[0][1]) < 0.01);
        assert!((dist(series[0][2]) - R * 3.22 / 5.0).abs() < 0.01);
        assert!(svg.contains(
            "Realisasi: A1 Aspek nomor 1 5,00; A2 Aspek nomor 2 0,00; A3 Aspek nomor 3 3,22"
        ));
        assert!(svg.contains(">Realisasi</text>"));
    }

    #[test]
    fn several_series_get_a_legend_and_different_strokes() {
        let s = |nama: &str, v: f64| RadarSeries {
            nama: nama.into(),
            nilai: vec![v; 7],
        };
        let svg = radar(
            "t",
            &axes(7),
            &[s("Realisasi", 3.0), s("Target", 3.5), s("Nasional", 2.75)],
        );
        assert_eq!(well_formed(&svg), Ok("svg".to_owned()));
        assert_eq!(polygons(&svg, "series").len(), 3);
        assert_eq!(svg.matches("class=\"legend-row\"").count(), 3);
        assert!(svg.contains("stroke-dasharray=\"7 4\"") && svg.contains(">Nasional</text>"));
        assert!(svg.contains(PALETTE[0]) && svg.contains(PALETTE[1]) && svg.contains(PALETTE[2]));
    }

    #[test]
    fn long_labels_wrap_and_hostile_text_is_escaped() {
        let mut a = axes(8);
        a[6] = "A7 Layanan Administrasi Pemerintahan Berbasis Elektronik".into();
        a[0] = "<script>alert(1)</script> & \"x\"".into();
        let svg = radar(
            "<b>",
            &a,
            &[RadarSeries {
                nama: "'><img>".into(),
                nilai: vec![1.0; 8],
            }],
        );
        assert_eq!(well_formed(&svg), Ok("svg".to_owned()), "{svg}");
        assert!(!svg.contains("<script") && !svg.contains("<img") && !svg.contains("<b>"));
        assert!(svg.contains(&format!("<title>{}</title>", a[6])));
        assert!(svg.contains(">A7 Layanan Administrasi</tspan>"));
        assert!(svg.contains(">Pemerintahan Berbasis…</tspan>"));
    }

    #[test]
    fn too_few_axes_or_no_series_is_empty() {
        let one = RadarSeries {
            nama: "x".into(),
            nilai: vec![1.0, 2.0],
        };
        for svg in [
            radar("t", &axes(2), std::slice::from_ref(&one)),
            radar("t", &axes(8), &[]),
        ] {
            assert_eq!(well_formed(&svg), Ok("svg".to_owned()));
            assert!(svg.contains(">Belum ada data</text>"));
        }
        // Missing values draw at the centre instead of failing.
        let svg = radar("t", &axes(4), &[one]);
        let s = polygons(&svg, "series");
        assert_eq!(s[0].len(), 4);
        assert!(dist(s[0][3]) < 0.01);
    }
}
