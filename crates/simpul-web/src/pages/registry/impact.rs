//! `/arsitektur/item/{id}/dampak`: impact analysis (002 Pasal 25(3)) — everything that
//! depends on a record, transitively: "if this server fails, which public services stop?"

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use simpul_domain::ids::{ItemId, PdId};
use simpul_domain::registry::{Domain, Item, Jenis};
use simpul_store::pd;
use simpul_store::registry::item;

use super::{ItemRow, jenis_label};
use crate::auth::PageUser;
use crate::chart::{GraphEdge, GraphNode, layered_graph};
use crate::error::PageError;
use crate::extract::PagePath;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

/// Affected records of one PD.
pub struct PdGroup {
    /// PD name.
    pub pd: String,
    /// Its affected records with their depth.
    pub rows: Vec<(ItemRow, i64)>,
}

#[derive(Template)]
#[template(path = "registry_impact.html")]
struct ImpactPage {
    ctx: Ctx,
    it: Item,
    jenis: String,
    graph: String,
    layanan_publik: Vec<(ItemRow, i64)>,
    layanan_lain: Vec<(ItemRow, i64)>,
    groups: Vec<PdGroup>,
    total: usize,
}

/// `?format=csv` for the export.
#[derive(Debug, Deserialize)]
pub struct ImpactQuery {
    format: Option<String>,
}

fn is_public_service(it: &Item) -> bool {
    it.jenis == Jenis::Layanan && it.atribut.get("jenis").is_some_and(|j| j == "publik")
}

/// `GET /arsitektur/item/{id}/dampak`.
pub async fn impact(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<ItemId>,
    Query(q): Query<ImpactQuery>,
) -> Result<Response, PageError> {
    let it = item::get(&st.db, id).await?;
    let (computed, seq) = crate::registry_impact::impact(&st, id).await?;
    let found = &computed.found;
    let pds = pd::list(
        &st.db,
        &pd::PdFilter {
            termasuk_arsip: true,
            ..Default::default()
        },
    )
    .await?;
    let names: HashMap<PdId, String> = pds.iter().map(|p| (p.id, p.nama.clone())).collect();
    if q.format.as_deref() == Some("csv") {
        return Ok(csv(&it, found, &names, lang));
    }
    let graph = match st.impact_graph.get(&(id, lang), seq) {
        Some(g) => g,
        None => st
            .impact_graph
            .put((id, lang), seq, draw(&it, &computed, &names, lang)),
    };
    let row = |(d, depth): &(Item, i64)| {
        let pd =
            d.pd.and_then(|p| names.get(&p).cloned())
                .unwrap_or_default();
        (
            ItemRow {
                item: d.clone(),
                pd,
                status: d.status.clone().unwrap_or_default(),
            },
            *depth,
        )
    };
    let layanan_publik = found
        .iter()
        .filter(|(d, _)| is_public_service(d))
        .map(row)
        .collect();
    let layanan_lain = found
        .iter()
        .filter(|(d, _)| d.jenis == Jenis::Layanan && !is_public_service(d))
        .map(row)
        .collect();
    let mut by_pd: Vec<PdGroup> = Vec::new();
    for f in found {
        let name =
            f.0.pd
                .and_then(|p| names.get(&p).cloned())
                .unwrap_or_else(|| lang.t("tanpa-pd"));
        match by_pd.iter_mut().find(|g| g.pd == name) {
            Some(g) => g.rows.push(row(f)),
            None => by_pd.push(PdGroup {
                pd: name,
                rows: vec![row(f)],
            }),
        }
    }
    by_pd.sort_by(|a, b| a.pd.cmp(&b.pd));
    let graph = graph.as_str().to_owned();
    let page = ImpactPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "arsitektur", None),
        jenis: jenis_label(lang, it.jenis),
        graph,
        layanan_publik,
        layanan_lain,
        total: found.len(),
        groups: by_pd,
        it,
    };
    Ok(render(StatusCode::OK, &page))
}

/// The impact drawn as a layered graph: the record at the left, what it takes down to the
/// right, arrows from what would fail to what stops with it.
fn draw(
    it: &Item,
    computed: &crate::registry_impact::Impact,
    names: &HashMap<PdId, String>,
    lang: crate::i18n::Lang,
) -> String {
    if computed.found.is_empty() {
        return String::new();
    }
    let group_of = |i: &Item| {
        Domain::ALL
            .iter()
            .position(|d| *d == i.jenis.domain())
            .unwrap_or(0)
    };
    let mut nodes = vec![GraphNode {
        id: it.id.to_string(),
        label: it.nama.clone(),
        sublabel: jenis_label(lang, it.jenis),
        group: group_of(it),
        column: 0,
        href: None,
        emphasis: true,
    }];
    for (d, depth) in &computed.found {
        nodes.push(GraphNode {
            id: d.id.to_string(),
            label: d.nama.clone(),
            sublabel: format!(
                "{} · {}",
                jenis_label(lang, d.jenis),
                d.pd.and_then(|p| names.get(&p).cloned())
                    .unwrap_or_default()
            ),
            group: group_of(d),
            column: usize::try_from(*depth).unwrap_or(0),
            href: Some(format!("/arsitektur/item/{}/dampak", d.id)),
            emphasis: is_public_service(d),
        });
    }
    let edges: Vec<GraphEdge> = computed
        .edges
        .iter()
        .map(|r| {
            let (from, to) = if r.jenis == simpul_domain::registry::RelasiJenis::Menyediakan {
                (r.dari, r.ke)
            } else {
                (r.ke, r.dari)
            };
            GraphEdge {
                from: from.to_string(),
                to: to.to_string(),
                label: None,
            }
        })
        .collect();
    layered_graph(
        &lang.t1("dampak-graf-judul", "nama", &it.nama),
        &nodes,
        &edges,
    )
}

/// The impact as CSV (UTF-8 with BOM so spreadsheet programs read the Indonesian text).
fn csv(
    it: &Item,
    found: &[(Item, i64)],
    names: &HashMap<PdId, String>,
    lang: crate::i18n::Lang,
) -> Response {
    // Quoted, and a leading formula character neutralised: spreadsheet programs would
    // otherwise execute a name such as `=HYPERLINK(...)`.
    let field = |s: &str| {
        let s = if s.starts_with(['=', '+', '-', '@']) {
            format!("'{s}")
        } else {
            s.to_owned()
        };
        format!("\"{}\"", s.replace('"', "\"\""))
    };
    let mut out = String::from("\u{feff}kedalaman,jenis,kode,nama,pd,status\n");
    for (d, depth) in found {
        let pd =
            d.pd.and_then(|p| names.get(&p).cloned())
                .unwrap_or_default();
        out.push_str(&format!(
            "{depth},{},{},{},{},{}\n",
            field(&jenis_label(lang, d.jenis)),
            field(&d.kode),
            field(&d.nama),
            field(&pd),
            field(d.status.as_deref().unwrap_or(""))
        ));
    }
    let disposition = format!(
        "attachment; filename=\"dampak-{}.csv\"",
        it.kode
            .replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_")
    );
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        out,
    )
        .into_response()
}
