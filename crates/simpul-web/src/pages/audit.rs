//! "Jejak Audit": the audit trail, filtered, newest first.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use simpul_domain::access::{Action, Target};
use simpul_domain::audit::AuditEntry;
use simpul_store::audit::{self, AuditFilter};
use simpul_store::time_text;
use time::{Date, Duration, Month, Time};

use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::pages::pegawai::pds_where;
use crate::pages::{Ctx, page_number, region_name, render};
use crate::state::AppState;

const PER_PAGE: i64 = 50;

/// An entry as shown.
pub struct Row {
    /// The entry.
    pub e: AuditEntry,
    /// When, in the region's time zone, the Indonesian way.
    pub waktu: String,
    /// What was done, translated.
    pub aksi: String,
}

/// Entries ready to show.
pub fn rows(
    entries: Vec<AuditEntry>,
    lang: crate::i18n::Lang,
    offset: time::UtcOffset,
) -> Vec<Row> {
    entries
        .into_iter()
        .map(|e| Row {
            waktu: crate::format_id::waktu_tersimpan(&e.fields.at, offset),
            aksi: lang.t(&format!(
                "aksi-{}",
                e.fields.action.replace(['.', '_'], "-")
            )),
            e,
        })
        .collect()
}

/// The latest changes of one record, if the user may read the trail of `pd`.
pub async fn history(
    st: &AppState,
    user: &User,
    lang: crate::i18n::Lang,
    pd: &simpul_domain::org::PerangkatDaerah,
    entity: &str,
    entity_id: String,
) -> Result<Option<Vec<Row>>, PageError> {
    if !user.can_pd(Action::LihatJejakAudit, pd) {
        return Ok(None);
    }
    let filter = AuditFilter {
        entity: Some(entity.to_owned()),
        entity_id: Some(entity_id),
        ..AuditFilter::default()
    };
    let page = audit::list(&st.db, &filter, 10, 0).await?;
    Ok(Some(rows(page.entries, lang, st.cfg.utc_offset)))
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    ctx: Ctx,
    rows: Vec<Row>,
    total: i64,
    page: i64,
    pages: i64,
    entities: Vec<String>,
    q: AuditQuery,
    query_base: String,
    date_error: bool,
}

/// Filters, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    entitas: String,
    #[serde(default)]
    pelaku: String,
    #[serde(default)]
    dari: String,
    #[serde(default)]
    sampai: String,
    hal: Option<String>,
}

/// `YYYY-MM-DD` from a date input.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let mut it = s.trim().splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = Month::try_from(it.next()?.parse::<u8>().ok()?).ok()?;
    let d = it.next()?.parse().ok()?;
    Date::from_calendar_date(y, m, d).ok()
}

/// The filter a user may use: everything, or only their PDs' entries.
pub async fn scope(st: &AppState, user: &User) -> Result<Option<Option<Vec<String>>>, PageError> {
    if user.can(Action::LihatJejakAudit, Target::Region) {
        return Ok(Some(None));
    }
    let pds = pds_where(st, user, Action::LihatJejakAudit).await?;
    if pds.is_empty() {
        return Ok(None);
    }
    Ok(Some(Some(pds.iter().map(|p| p.id.to_string()).collect())))
}

/// `GET /jejak-audit`.
pub async fn list(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<AuditQuery>,
) -> Result<Response, PageError> {
    let Some(pds) = scope(&st, &user).await? else {
        return Err(PageError::Forbidden);
    };
    let offset = st.cfg.utc_offset;
    // Dates are the region's local days.
    let local_start =
        |d: Date| time_text::format(d.with_time(Time::MIDNIGHT).assume_offset(offset));
    let (dari, sampai) = (parse_date(&q.dari), parse_date(&q.sampai));
    let date_error = (!q.dari.trim().is_empty() && dari.is_none())
        || (!q.sampai.trim().is_empty() && sampai.is_none());
    let filter = AuditFilter {
        entity: Some(q.entitas.trim().to_owned()).filter(|s| !s.is_empty()),
        entity_id: None,
        actor: Some(
            q.pelaku
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>(),
        )
        .filter(|s| !s.is_empty()),
        pds,
        from: dari.map(local_start),
        until: sampai.map(|d| local_start(d + Duration::days(1))),
    };
    let page = page_number(q.hal.as_deref());
    let found = audit::list(&st.db, &filter, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let rows = rows(found.entries, lang, offset);
    let query_base = format!(
        "/jejak-audit?entitas={}&pelaku={}&dari={}&sampai={}",
        crate::pages::url_encode(&q.entitas),
        crate::pages::url_encode(&q.pelaku),
        crate::pages::url_encode(&q.dari),
        crate::pages::url_encode(&q.sampai)
    );
    let page = AuditPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "audit", None),
        rows,
        total: found.total,
        page,
        pages: (found.total + PER_PAGE - 1) / PER_PAGE,
        entities: audit::entities(&st.db).await?,
        q,
        query_base,
        date_error,
    };
    Ok(render(StatusCode::OK, &page))
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates_from_inputs() {
        assert!(parse_date("2026-02-28").is_some());
        assert!(parse_date("2026-02-30").is_none());
        assert!(parse_date("28-02-2026").is_none());
        assert!(parse_date("").is_none());
    }
}
