//! `/arsitektur/item/{id}`: a record, its attributes, its relations drawn as a graph, and
//! its history.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use simpul_domain::ids::ItemId;
use simpul_domain::registry::spec::{fields, statuses};
use simpul_domain::registry::{Item, Jenis, RelasiJenis};
use simpul_store::pd;
use simpul_store::registry::{item, relation};

use super::{can_edit, domain_label, jenis_label};
use crate::auth::PageUser;
use crate::chart::{GraphEdge, GraphNode, layered_graph};
use crate::error::PageError;
use crate::extract::PagePath;
use crate::i18n::Lang;
use crate::pages::dashboard::FlashQuery;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

/// A relation as listed: (relation id, what it says, the other record, whether it may be removed).
pub struct RelRow {
    /// Relation id.
    pub id: String,
    /// "menggunakan", read in the right direction.
    pub kalimat: String,
    /// The other record.
    pub other: Item,
    /// The other record's kind, translated.
    pub other_jenis: String,
}

#[derive(Template)]
#[template(path = "registry_detail.html")]
struct DetailPage {
    ctx: Ctx,
    it: Item,
    jenis: String,
    domain: String,
    pd: String,
    status: String,
    atribut: Vec<(String, String)>,
    relasi: Vec<RelRow>,
    graph: String,
    boleh_ubah: bool,
    relation_kinds: Vec<(String, String)>,
    target_kinds: Vec<(String, String)>,
    riwayat: Option<Vec<crate::pages::audit::Row>>,
    dokumen: Vec<super::documents::DocRow>,
}

/// The column of a related record in the relation graph: what this record relies on to
/// the right, what relies on it to the left.
fn column(outgoing: bool, jenis: RelasiJenis) -> usize {
    // A service is delivered *by* an application: read as the service relying on it.
    let relies_on_other = if jenis == RelasiJenis::Menyediakan {
        !outgoing
    } else {
        outgoing
    };
    if relies_on_other { 2 } else { 0 }
}

fn node(it: &Item, lang: Lang, column: usize) -> GraphNode {
    GraphNode {
        id: it.id.to_string(),
        label: it.nama.clone(),
        sublabel: format!("{} · {}", jenis_label(lang, it.jenis), it.kode),
        group: simpul_domain::registry::Domain::ALL
            .iter()
            .position(|d| *d == it.jenis.domain())
            .unwrap_or(0),
        column,
        href: Some(format!("/arsitektur/item/{}", it.id)),
        emphasis: false,
    }
}

/// `GET /arsitektur/item/{id}`.
pub async fn detail(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<ItemId>,
    Query(q): Query<FlashQuery>,
) -> Result<Response, PageError> {
    let it = item::get(&st.db, id).await?;
    let owner = match it.pd {
        Some(p) => Some(pd::get(&st.db, p).await?),
        None => None,
    };
    let rels = relation::of_item(&st.db, id).await?;
    let mut nodes = vec![GraphNode {
        emphasis: true,
        ..node(&it, lang, 1)
    }];
    let mut edges = Vec::new();
    let mut relasi = Vec::new();
    for (r, other, outgoing) in rels {
        nodes.push(node(&other, lang, column(outgoing, r.jenis)));
        let (from, to) = if outgoing {
            (it.id, other.id)
        } else {
            (other.id, it.id)
        };
        let kalimat = lang.t(&format!("relasi-{}", r.jenis.code()));
        edges.push(GraphEdge {
            from: from.to_string(),
            to: to.to_string(),
            label: Some(kalimat.clone()),
        });
        let kalimat = if outgoing {
            kalimat
        } else {
            lang.t1("relasi-oleh", "relasi", &kalimat)
        };
        relasi.push(RelRow {
            id: r.id.to_string(),
            kalimat,
            other_jenis: jenis_label(lang, other.jenis),
            other,
        });
    }
    let graph = if relasi.is_empty() {
        String::new()
    } else {
        layered_graph(
            &lang.t1("arsitektur-graf-judul", "nama", &it.nama),
            &nodes,
            &edges,
        )
    };
    let atribut = fields(it.jenis)
        .iter()
        .filter_map(|f| {
            it.atribut
                .get(f.name)
                .map(|v| (f.label.to_owned(), display_value(f, v)))
        })
        .collect();
    let riwayat = match &owner {
        Some(p) => {
            crate::pages::audit::history(&st, &user, lang, p, "arsitektur", it.id.to_string())
                .await?
        }
        None => None,
    };
    let page = DetailPage {
        ctx: Ctx::new(
            &user,
            lang,
            region_name(&st).await,
            "arsitektur",
            q.pesan.as_deref(),
        ),
        jenis: jenis_label(lang, it.jenis),
        domain: domain_label(lang, it.jenis.domain()),
        pd: owner.as_ref().map(|p| p.nama.clone()).unwrap_or_default(),
        status: it
            .status
            .as_deref()
            .and_then(|s| {
                statuses(it.jenis)
                    .iter()
                    .find(|(c, _)| *c == s)
                    .map(|(_, l)| (*l).to_owned())
            })
            .unwrap_or_default(),
        atribut,
        relasi,
        graph,
        boleh_ubah: can_edit(&user, owner.as_ref()),
        relation_kinds: RelasiJenis::ALL
            .iter()
            .map(|r| (r.code().to_owned(), lang.t(&format!("relasi-{}", r.code()))))
            .collect(),
        target_kinds: Jenis::ALL
            .iter()
            .map(|j| (j.code().to_owned(), jenis_label(lang, *j)))
            .collect(),
        riwayat,
        dokumen: super::documents::rows(&st, lang, it.id).await?,
        it,
    };
    Ok(render(StatusCode::OK, &page))
}

/// An attribute for reading: choice codes become their labels, dates and numbers are
/// written the Indonesian way (`1 Juli 2026`, `1.024`).
fn display_value(f: &simpul_domain::registry::spec::FieldSpec, v: &str) -> String {
    use simpul_domain::registry::spec::FieldKind;
    match &f.kind {
        FieldKind::Choice(opts) => opts
            .iter()
            .find(|(c, _)| *c == v)
            .map_or_else(|| v.to_owned(), |(_, l)| (*l).to_owned()),
        FieldKind::Date => {
            let iso = time::macros::format_description!("[year]-[month]-[day]");
            time::Date::parse(v, iso).map_or_else(|_| v.to_owned(), crate::format_id::tanggal)
        }
        FieldKind::Integer { .. } => v
            .parse::<i64>()
            .map_or_else(|_| v.to_owned(), crate::format_id::angka),
        FieldKind::Bool => match v {
            "ya" => "Ya".to_owned(),
            "tidak" => "Tidak".to_owned(),
            _ => v.to_owned(),
        },
        _ => v.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use simpul_domain::registry::spec::field;

    #[test]
    fn attributes_read_the_indonesian_way() {
        let date = field(Jenis::ProsesBisnis, "tanggal_review").unwrap();
        assert_eq!(display_value(date, "2026-07-01"), "1 Juli 2026");
        assert_eq!(display_value(date, "bukan tanggal"), "bukan tanggal");
        let n = field(Jenis::Jaringan, "bandwidth_mbps").unwrap();
        assert_eq!(display_value(n, "1024"), "1.024");
        let b = field(Jenis::Layanan, "terhubung_splp").unwrap();
        assert_eq!(display_value(b, "ya"), "Ya");
    }
}
