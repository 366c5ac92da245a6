//! Layout of [`super::layered_graph`]: columns, the per-column cap, crossing reduction
//! and coordinates. Pure and deterministic (ordered maps, stable sorts, no hashing).

use std::collections::{BTreeMap, BTreeSet};

use super::{GraphEdge, GraphNode};

/// Nodes shown per column; the rest are folded into one "… dan N lainnya" box.
pub(super) const MAX_PER_COLUMN: usize = 60;
pub(super) const NODE_W: f64 = 210.0;
pub(super) const NODE_H: f64 = 46.0;
/// Vertical distance between the tops of two boxes in one column.
pub(super) const ROW: f64 = 62.0;
/// Horizontal room between columns for the curves and edge labels.
pub(super) const COL_GAP: f64 = 130.0;
pub(super) const MARGIN: f64 = 16.0;
/// Extra room right of the last column for arcs between nodes of that column.
const ARC_ROOM: f64 = 48.0;
/// Barycenter sweeps (alternating left-to-right and right-to-left).
const SWEEPS: usize = 8;
/// Above this many edges the O(E²) crossing count is skipped.
const MAX_COUNTED_EDGES: usize = 3000;

/// One drawn box: a node, or the overflow box of a column.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Placed {
    /// Index into the caller's nodes; `None` for the "lainnya" box.
    pub node: Option<usize>,
    /// For the "lainnya" box: how many nodes it stands for.
    pub hidden: usize,
    pub col: usize,
    pub x: f64,
    pub y: f64,
}

/// A drawn edge between two boxes.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Link {
    pub from: usize,
    pub to: usize,
    /// Index into the caller's edges when its label still applies (not merged).
    pub label_of: Option<usize>,
    /// Where the link leaves `from` and enters `to`.
    pub start: (f64, f64),
    pub end: (f64, f64),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Layout {
    pub boxes: Vec<Placed>,
    pub links: Vec<Link>,
    /// Box indices per column, top to bottom.
    pub columns: Vec<Vec<usize>>,
    pub width: f64,
    pub height: f64,
    /// Distinct nodes and distinct valid edges of the input, before the cap.
    pub node_count: usize,
    pub edge_count: usize,
}

pub(super) fn layout(nodes: &[GraphNode], edges: &[GraphEdge]) -> Layout {
    // Duplicate ids: the first node wins. Sparse column numbers are closed up.
    let mut seen = BTreeSet::new();
    let mut layers: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if seen.insert(n.id.as_str()) {
            layers.entry(n.column).or_default().push(i);
        }
    }
    let mut boxes = Vec::new();
    let mut columns: Vec<Vec<usize>> = Vec::new();
    let mut box_of: BTreeMap<&str, usize> = BTreeMap::new();
    let mut overflow = Vec::new();
    for (col, members) in layers.into_values().enumerate() {
        let mut ids = Vec::new();
        for &n in members.iter().take(MAX_PER_COLUMN) {
            box_of.insert(nodes[n].id.as_str(), boxes.len());
            ids.push(boxes.len());
            boxes.push(Placed {
                node: Some(n),
                col,
                ..Placed::default()
            });
        }
        let hidden = members.len().saturating_sub(MAX_PER_COLUMN);
        overflow.push((hidden > 0).then_some(boxes.len()));
        if hidden > 0 {
            for &n in &members[MAX_PER_COLUMN..] {
                box_of.insert(nodes[n].id.as_str(), boxes.len());
            }
            boxes.push(Placed {
                hidden,
                col,
                ..Placed::default()
            });
        }
        columns.push(ids);
    }

    // Edges: unknown ids and self-loops are skipped, duplicates drawn once; edges to
    // folded nodes go to their column's "lainnya" box and lose their label.
    let mut valid = BTreeSet::new();
    let mut drawn = BTreeSet::new();
    let mut links = Vec::new();
    for (i, e) in edges.iter().enumerate() {
        let (Some(&a), Some(&b)) = (box_of.get(e.from.as_str()), box_of.get(e.to.as_str())) else {
            continue;
        };
        if e.from == e.to || !valid.insert((e.from.as_str(), e.to.as_str())) {
            continue;
        }
        if a != b && drawn.insert((a, b)) {
            let merged = boxes[a].node.is_none() || boxes[b].node.is_none();
            links.push(Link {
                from: a,
                to: b,
                label_of: (!merged && e.label.is_some()).then_some(i),
                ..Link::default()
            });
        }
    }

    order_columns(&mut columns, &boxes, &links);
    for (ids, extra) in columns.iter_mut().zip(overflow) {
        ids.extend(extra);
    }
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    for (c, ids) in columns.iter().enumerate() {
        let top = MARGIN + (tallest - ids.len()) as f64 * ROW / 2.0;
        for (rank, &b) in ids.iter().enumerate() {
            boxes[b].x = MARGIN + c as f64 * (NODE_W + COL_GAP);
            boxes[b].y = top + rank as f64 * ROW;
        }
    }
    let cols = columns.len() as f64;
    let mut l = Layout {
        width: 2.0 * MARGIN + cols * NODE_W + (cols - 1.0).max(0.0) * COL_GAP + ARC_ROOM,
        height: 2.0 * MARGIN + tallest as f64 * ROW - (ROW - NODE_H),
        boxes,
        links,
        columns,
        node_count: seen.len(),
        edge_count: valid.len(),
    };
    ports(&mut l);
    l
}

/// Where each link leaves and enters its boxes: the ends on one side of a box are
/// spread out, ordered by the other end's height, so arrows do not pile up.
fn ports(l: &mut Layout) {
    // Per box: [left side, right side] of (other end's y, link, is this the start).
    let mut sides: Vec<[Vec<(f64, usize, bool)>; 2]> =
        vec![[Vec::new(), Vec::new()]; l.boxes.len()];
    for (i, k) in l.links.iter().enumerate() {
        let (a, b) = (&l.boxes[k.from], &l.boxes[k.to]);
        sides[k.from][usize::from(b.col >= a.col)].push((b.y, i, true));
        sides[k.to][usize::from(b.col <= a.col)].push((a.y, i, false));
    }
    for (b, both) in sides.iter_mut().enumerate() {
        let centre = l.boxes[b].y + NODE_H / 2.0;
        for (side, list) in both.iter_mut().enumerate() {
            let x = l.boxes[b].x + side as f64 * NODE_W;
            list.sort_by(|p, q| p.0.total_cmp(&q.0).then(p.1.cmp(&q.1)));
            let gaps = list.len() as f64 - 1.0;
            let span = (NODE_H - 16.0).min(7.0 * gaps);
            for (j, &(_, i, start)) in list.iter().enumerate() {
                let y = centre - span / 2.0 + span * j as f64 / gaps.max(1.0);
                if start {
                    l.links[i].start = (x, y)
                } else {
                    l.links[i].end = (x, y)
                }
            }
        }
    }
}

/// Barycenter heuristic: each sweep sorts a column by the mean position of its
/// neighbours in the columns already swept; the ordering with the fewest crossings
/// wins. Overflow boxes are not in `columns` yet and count as the last row.
fn order_columns(columns: &mut [Vec<usize>], boxes: &[Placed], links: &[Link]) {
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); boxes.len()];
    for l in links
        .iter()
        .filter(|l| boxes[l.from].col != boxes[l.to].col)
    {
        adj[l.from].push(l.to);
        adj[l.to].push(l.from);
    }
    let n = columns.len();
    let mut counts = vec![0usize; n];
    for b in boxes {
        counts[b.col] += 1;
    }
    let mut pos = vec![0.0; boxes.len()];
    // Centre each column like the final layout does, so positions compare; an
    // overflow box sits below the ordered ones.
    let place = |columns: &[Vec<usize>], pos: &mut Vec<f64>| {
        for (c, ids) in columns.iter().enumerate() {
            for (rank, &b) in ids.iter().enumerate() {
                pos[b] = rank as f64 - counts[c] as f64 / 2.0;
            }
        }
        for (b, p) in boxes.iter().enumerate().filter(|(_, p)| p.node.is_none()) {
            pos[b] = counts[p.col] as f64 / 2.0 - 1.0;
        }
    };
    place(columns, &mut pos);
    let mut best = (crossings(boxes, links, &pos), columns.to_vec());
    for sweep in 0..SWEEPS {
        let forward = sweep % 2 == 0;
        let order: Vec<usize> = if forward {
            (1..n).collect()
        } else {
            (0..n.saturating_sub(1)).rev().collect()
        };
        for c in order {
            let mut keyed: Vec<(f64, usize)> = columns[c]
                .iter()
                .map(|&b| {
                    let near: Vec<f64> = adj[b]
                        .iter()
                        .filter(|&&o| (boxes[o].col < c) == forward)
                        .map(|&o| pos[o])
                        .collect();
                    let key = if near.is_empty() {
                        pos[b]
                    } else {
                        near.iter().sum::<f64>() / near.len() as f64
                    };
                    (key, b)
                })
                .collect();
            keyed.sort_by(|x, y| x.0.total_cmp(&y.0));
            columns[c] = keyed.into_iter().map(|(_, b)| b).collect();
            place(columns, &mut pos);
        }
        // Ties go to the later sweep, so without a count the last sweep wins.
        let x = crossings(boxes, links, &pos);
        if x <= best.0 {
            best = (x, columns.to_vec());
        }
    }
    columns.clone_from_slice(&best.1);
}

/// Pairs of edges spanning the same two columns whose ends are in opposite order
/// (0 when there are too many edges to count).
fn crossings(boxes: &[Placed], links: &[Link], pos: &[f64]) -> usize {
    if links.len() > MAX_COUNTED_EDGES {
        return 0;
    }
    let mut spans: BTreeMap<(usize, usize), Vec<(f64, f64)>> = BTreeMap::new();
    for l in links {
        let (a, b) = if boxes[l.from].col <= boxes[l.to].col {
            (l.from, l.to)
        } else {
            (l.to, l.from)
        };
        if boxes[a].col != boxes[b].col {
            spans
                .entry((boxes[a].col, boxes[b].col))
                .or_default()
                .push((pos[a], pos[b]));
        }
    }
    let mut total = 0;
    for ends in spans.values() {
        for (i, p) in ends.iter().enumerate() {
            total += ends[i + 1..]
                .iter()
                .filter(|q| (p.0 - q.0) * (p.1 - q.1) < 0.0)
                .count();
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::super::tests::{edge, node, sample};
    use super::*;

    #[test]
    fn barycenter_sweeps_remove_avoidable_crossings() {
        // a→y, b→x with x above y: one crossing unless column 1 is reordered.
        let nodes = [node("a", 0), node("b", 0), node("x", 1), node("y", 1)];
        let edges = [edge("a", "y"), edge("b", "x")];
        let l = layout(&nodes, &edges);
        let mut pos = vec![0.0; l.boxes.len()];
        for ids in &l.columns {
            for (r, &b) in ids.iter().enumerate() {
                pos[b] = r as f64;
            }
        }
        assert_eq!(crossings(&l.boxes, &l.links, &pos), 0, "{l:?}");
    }

    #[test]
    fn sparse_columns_duplicates_and_self_loops() {
        let nodes = [node("a", 3), node("b", 9), node("a", 9)];
        let edges = [
            edge("a", "b"),
            edge("a", "b"),
            edge("a", "a"),
            edge("a", "zz"),
        ];
        let l = layout(&nodes, &edges);
        assert_eq!(
            (l.columns.len(), l.node_count, l.edge_count, l.links.len()),
            (2, 2, 1, 1)
        );
        assert_eq!(l.boxes[1].col, 1);
    }

    #[test]
    fn edges_to_folded_nodes_go_to_the_overflow_box_once() {
        let mut nodes = vec![node("s", 0)];
        nodes.extend((0..MAX_PER_COLUMN + 5).map(|i| node(&format!("n{i}"), 1)));
        let edges: Vec<GraphEdge> = nodes[1..].iter().map(|n| edge("s", &n.id)).collect();
        let l = layout(&nodes, &edges);
        assert_eq!(l.columns[1].len(), MAX_PER_COLUMN + 1);
        assert_eq!(l.links.len(), MAX_PER_COLUMN + 1);
        assert_eq!(l.edge_count, MAX_PER_COLUMN + 5);
        let last = *l.columns[1].last().unwrap_or(&0);
        assert_eq!((l.boxes[last].node, l.boxes[last].hidden), (None, 5));
    }

    #[test]
    fn columns_go_right_and_boxes_in_a_column_do_not_overlap() {
        let (nodes, edges) = sample();
        let l = layout(&nodes, &edges);
        let xs: Vec<f64> = l.columns.iter().map(|ids| l.boxes[ids[0]].x).collect();
        assert!(xs.windows(2).all(|w| w[0] + NODE_W < w[1]), "{xs:?}");
        for (c, ids) in l.columns.iter().enumerate() {
            assert!(
                ids.iter()
                    .all(|&b| l.boxes[b].x == xs[c] && l.boxes[b].col == c)
            );
            let mut ys: Vec<f64> = ids.iter().map(|&b| l.boxes[b].y).collect();
            ys.sort_by(f64::total_cmp);
            assert!(ys.windows(2).all(|y| y[1] - y[0] >= NODE_H), "{ys:?}");
        }
        assert!(
            l.boxes
                .iter()
                .all(|b| b.x + NODE_W <= l.width && b.y + NODE_H <= l.height)
        );
    }
}
