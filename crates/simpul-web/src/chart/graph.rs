//! The layered relation graph: impact analysis ("if this server fails, which public
//! services stop?") and the relation graphs on registry detail pages.

// Writing into a String cannot fail, which is why `let _ = write!(..)` below ignores
// the fmt::Result.
use std::fmt::Write as _;

use super::{CHAR_PX, PALETTE, chart_id, escape, kosong, potong, svg_open};
use crate::format_id::angka;

#[path = "graph_layout.rs"]
mod graph_layout;
use graph_layout::{Layout, NODE_H, NODE_W, layout};

/// A box in [`layered_graph`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GraphNode {
    /// Identifies the node in [`GraphEdge`]s; the first node with an id wins.
    pub id: String,
    pub label: String,
    /// Second, smaller line, such as "Aplikasi · Dinas Kesehatan"; may be empty.
    pub sublabel: String,
    /// Colour index into [`super::PALETTE`], for example by domain.
    pub group: usize,
    /// Layer, drawn left to right: 0 = the record analysed, 1 = direct dependents, …
    pub column: usize,
    /// Link target of the box. Only relative, `http` and `https` URLs are used.
    pub href: Option<String>,
    /// Drawn with a thicker border, for example public services that stop.
    pub emphasis: bool,
}

/// An arrow from one node to another, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GraphEdge {
    pub from: String,
    pub to: String,
    pub label: Option<String>,
}

const EDGE: &str = "#6b7280";
const MUTED: &str = "#4b5563";
/// Above this many edges their labels would pile up; they stay in each edge's `<title>`.
const MAX_EDGE_LABELS: usize = 40;

/// A left-to-right relation graph: one column per `column` value, each column
/// ordered to reduce crossings, arrows as curves from the right side of `from` to the
/// left side of `to` (an arc on the right for nodes in the same column; edges pointing
/// to an earlier column run from the left side of `from` to the right side of `to`).
///
/// Columns beyond 60 nodes end with one "… dan N lainnya" box, which takes over the
/// edges of the nodes it hides. Edges with unknown ids and self-loops are ignored.
pub fn layered_graph(title: &str, nodes: &[GraphNode], edges: &[GraphEdge]) -> String {
    if nodes.is_empty() {
        return kosong(title);
    }
    let l = layout(nodes, edges);
    let mut key: Vec<(String, f64)> = nodes
        .iter()
        .map(|n| (format!("{}\u{1f}{}\u{1f}", n.id, n.label), n.column as f64))
        .collect();
    key.extend(
        edges
            .iter()
            .map(|e| (format!("{}\u{1f}{}\u{1f}", e.from, e.to), 0.0)),
    );
    let id = chart_id("graf", title, &key);
    let mut body = format!(
        "<defs><marker id=\"{id}-panah\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" \
         markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">\
         <path d=\"M0,0L10,5L0,10z\" fill=\"{EDGE}\"/></marker></defs>"
    );
    draw_edges(&mut body, &id, &l, nodes, edges);
    for b in l.columns.iter().flatten() {
        draw_node(&mut body, &l.boxes[*b], nodes);
    }
    let desc = describe(&l, nodes);
    svg_open(&id, "chart-graph", l.width, l.height, title, &desc) + &body + "</svg>"
}

/// "Grafik relasi: 5 simpul, 4 hubungan; kolom 1: …; kolom 2: …."
fn describe(l: &Layout, nodes: &[GraphNode]) -> String {
    let mut desc = format!(
        "Grafik relasi: {} simpul, {} hubungan",
        angka(l.node_count as i64),
        angka(l.edge_count as i64)
    );
    for (c, ids) in l.columns.iter().enumerate() {
        let _ = write!(desc, "; kolom {}: ", c + 1);
        for (i, b) in ids.iter().enumerate() {
            desc.push_str(if i > 0 { ", " } else { "" });
            desc.push_str(&box_label(&l.boxes[*b], nodes));
            if l.boxes[*b].node.is_some_and(|n| nodes[n].emphasis) {
                desc.push_str(" (ditandai)");
            }
        }
    }
    desc + "."
}

fn box_label(b: &graph_layout::Placed, nodes: &[GraphNode]) -> String {
    match b.node {
        Some(n) => nodes[n].label.clone(),
        None => format!("… dan {} lainnya", angka(b.hidden as i64)),
    }
}

fn draw_edges(out: &mut String, id: &str, l: &Layout, nodes: &[GraphNode], edges: &[GraphEdge]) {
    for k in &l.links {
        let (a, b) = (&l.boxes[k.from], &l.boxes[k.to]);
        let ((x1, y1), (x2, y2)) = (k.start, k.end);
        // Forward: right side to left side; backward: left to right; same column: an
        // arc on the right. The last control point sets the arrowhead's direction.
        let (same, back) = (a.col == b.col, a.col > b.col);
        let dx = ((x2 - x1) / 2.0).abs().max(40.0) * if back { -1.0 } else { 1.0 };
        let dx = if same {
            (20.0 + (y2 - y1).abs() * 0.1).min(52.0)
        } else {
            dx
        };
        let c2x = if same { x2 + dx } else { x2 - dx };
        let [p1, p2, p3] = [(x1 + dx, y1), (c2x, y2), (x2, y2)];
        let label = k
            .label_of
            .and_then(|e| edges[e].label.as_deref())
            .filter(|s| !s.is_empty());
        let mut name = format!("{} → {}", box_label(a, nodes), box_label(b, nodes));
        if let Some(text) = label {
            let _ = write!(name, " ({text})");
        }
        let d: Vec<String> = [p1, p2, p3]
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect();
        let _ = write!(
            out,
            "<g class=\"graph-edge\"><title>{}</title><path d=\"M{x1:.1},{y1:.1}C{}\" fill=\"none\" \
             stroke=\"{EDGE}\" stroke-width=\"1.5\" marker-end=\"url(#{id}-panah)\"/>",
            escape(&name),
            d.join(" "),
        );
        if let Some(text) = label.filter(|_| l.links.len() <= MAX_EDGE_LABELS) {
            // The curve's point at t = ½, with a white halo so it reads over other lines.
            let mx = (x1 + 3.0 * p1.0 + 3.0 * p2.0 + p3.0) / 8.0;
            let my = (y1 + 3.0 * p1.1 + 3.0 * p2.1 + p3.1) / 8.0;
            let _ = write!(
                out,
                "<text x=\"{mx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10\" fill=\"{MUTED}\" \
                 stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">{}</text>",
                my - 3.0,
                escape(&potong(text, 18).0),
            );
        }
        out.push_str("</g>");
    }
}

fn draw_node(out: &mut String, b: &graph_layout::Placed, nodes: &[GraphNode]) {
    let node = b.node.map(|n| &nodes[n]);
    let label = box_label(b, nodes);
    let sublabel = node.map_or("tidak ditampilkan", |n| n.sublabel.as_str());
    let colour = node.map_or(EDGE, |n| PALETTE[n.group % PALETTE.len()]);
    let emphasis = node.is_some_and(|n| n.emphasis);
    let href = node.and_then(|n| n.href.as_deref()).and_then(safe_href);
    let class = if emphasis { " emphasis" } else { "" };
    let _ = write!(out, "<g class=\"graph-node{class}\">");
    if let Some(h) = href {
        let _ = write!(out, "<a href=\"{}\">", escape(h));
    }
    let mut full = label.clone();
    if !sublabel.is_empty() {
        let _ = write!(full, " — {sublabel}");
    }
    let (x, y) = (b.x, b.y);
    let _ = write!(
        out,
        "<title>{}</title><rect class=\"node\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{NODE_W}\" height=\"{NODE_H}\" \
         rx=\"6\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"{}\"{}/>\
         <rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{NODE_W}\" height=\"{NODE_H}\" rx=\"6\" fill=\"{colour}\" fill-opacity=\"0.1\"/>",
        escape(&full),
        if emphasis { "3" } else { "1.5" },
        node.map_or(" stroke-dasharray=\"4 3\"", |_| ""),
    );
    let label_y = if sublabel.is_empty() {
        y + NODE_H / 2.0 + 4.5
    } else {
        y + 19.0
    };
    // Bold 13px glyphs run wider than CHAR_PX; the 11px sublabel narrower.
    let max = ((NODE_W - 20.0) / (CHAR_PX + 0.8)) as usize;
    let _ = write!(
        out,
        "<text x=\"{:.1}\" y=\"{label_y:.1}\" font-weight=\"{}\">{}</text>",
        x + 10.0,
        if emphasis { 700 } else { 600 },
        escape(&potong(&label, max).0),
    );
    if !sublabel.is_empty() {
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"{MUTED}\">{}</text>",
            x + 10.0,
            y + 36.0,
            escape(&potong(sublabel, max + 6).0),
        );
    }
    out.push_str(if href.is_some() { "</a></g>" } else { "</g>" });
}

/// Relative URLs and `http(s)` only: a `javascript:` link in a label from the
/// registry must not become a clickable script.
fn safe_href(href: &str) -> Option<&str> {
    let href = href.trim();
    match href.find([':', '/', '?', '#']) {
        _ if href.is_empty() => None,
        Some(i) if href[i..].starts_with(':') => {
            let scheme = href[..i].to_ascii_lowercase();
            (scheme == "http" || scheme == "https").then_some(href)
        }
        _ => Some(href),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::test_support::well_formed;

    pub(super) fn node(id: &str, column: usize) -> GraphNode {
        let label = format!("Label {id}");
        GraphNode {
            id: id.into(),
            label,
            column,
            ..GraphNode::default()
        }
    }

    pub(super) fn edge(from: &str, to: &str) -> GraphEdge {
        GraphEdge {
            from: from.into(),
            to: to.into(),
            label: None,
        }
    }

    pub(super) fn sample() -> (Vec<GraphNode>, Vec<GraphEdge>) {
        let ids = "srv a1 a2 l1 l2 l3".split(' ').zip([0, 1, 1, 2, 2, 2]);
        let edges = "srv>a1 srv>a2 a1>l3 a2>l1 a2>l2 l1>l2".split(' ');
        (
            ids.map(|(i, c)| node(i, c)).collect(),
            edges
                .filter_map(|e| e.split_once('>'))
                .map(|(f, t)| edge(f, t))
                .collect(),
        )
    }

    #[test]
    fn graph_is_well_formed_and_described() {
        let (nodes, edges) = sample();
        let svg = layered_graph("Dampak server", &nodes, &edges);
        assert_eq!(well_formed(&svg), Ok("svg".to_owned()), "{svg}");
        assert!(svg.contains("role=\"img\"") && svg.contains("-panah\""));
        assert!(
            svg.contains("Grafik relasi: 6 simpul, 6 hubungan; kolom 1: Label srv; kolom 2: "),
            "{svg}"
        );
        // Every valid edge is one path with the arrowhead; unknown ids are ignored.
        let mut more = edges.clone();
        more.push(edge("srv", "tidak-ada"));
        let svg = layered_graph("Dampak server", &nodes, &more);
        assert_eq!(svg.matches("marker-end=\"url(#").count(), edges.len());
        assert_eq!(svg.matches("<g class=\"graph-edge\">").count(), edges.len());
    }

    #[test]
    fn hostile_text_is_escaped_and_unsafe_links_dropped() {
        let evil = "<script>alert(1)</script>\"&'";
        let mut n = node(evil, 0);
        n.label = evil.into();
        n.sublabel = evil.into();
        n.href = Some("/aplikasi/1?x=\"><script>&y=2".into());
        let mut m = node("m", 1);
        m.href = Some(" JavaScript:alert(1)".into());
        let e = GraphEdge {
            label: Some(evil.into()),
            ..edge(evil, "m")
        };
        let svg = layered_graph(evil, &[n, m], &[e]);
        assert_eq!(well_formed(&svg), Ok("svg".to_owned()), "{svg}");
        assert!(
            !svg.contains("<script") && !svg.to_lowercase().contains("javascript"),
            "{svg}"
        );
        assert!(
            svg.contains("<a href=\"/aplikasi/1?x=&quot;&gt;&lt;script&gt;&amp;y=2\">"),
            "{svg}"
        );
        assert_eq!(svg.matches("<a ").count(), 1);
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;</title>"));
        let hrefs = ["https://satu.go.id/x", "data:text/html,x", "../a:b", ""].map(safe_href);
        assert_eq!(
            hrefs,
            [Some("https://satu.go.id/x"), None, Some("../a:b"), None]
        );
    }

    #[test]
    fn long_labels_are_cut_and_emphasis_is_thicker() {
        let mut n = node("a", 0);
        n.label = "Sistem Informasi Manajemen Kepegawaian Daerah Terpadu".into();
        n.emphasis = true;
        let svg = layered_graph("t", &[n.clone()], &[]);
        assert!(
            svg.contains(&format!("<title>{}</title>", n.label)) && svg.contains("…</text>"),
            "{svg}"
        );
        assert!(svg.contains("stroke-width=\"3\"") && svg.contains("(ditandai)"));
    }

    #[test]
    fn same_input_same_bytes() {
        let (nodes, edges) = sample();
        let svg = layered_graph("t", &nodes, &edges);
        assert_eq!(svg, layered_graph("t", &nodes, &edges));
        let other = layered_graph("u", &nodes, &edges);
        let id = |s: &str| {
            s.split("<title id=\"")
                .nth(1)?
                .split('"')
                .next()
                .map(str::to_owned)
        };
        assert_ne!(id(&svg), id(&other));
    }

    #[test]
    fn big_columns_end_in_lainnya() {
        let mut nodes = vec![node("srv", 0)];
        nodes.extend((0..75).map(|i| node(&format!("n{i}"), 1)));
        let edges: Vec<GraphEdge> = nodes[1..].iter().map(|n| edge("srv", &n.id)).collect();
        let svg = layered_graph("t", &nodes, &edges);
        assert_eq!(well_formed(&svg), Ok("svg".to_owned()));
        assert!(
            svg.contains(">… dan 15 lainnya</text>") && svg.contains("76 simpul, 75 hubungan"),
            "{svg}"
        );
        assert_eq!(svg.matches("<rect class=\"node\"").count(), 1 + 60 + 1);
    }

    #[test]
    fn empty_input_says_belum_ada_data() {
        let svg = layered_graph("Kosong", &[], &[edge("a", "b")]);
        assert!(svg.contains(">Belum ada data</text>"));
    }
}
