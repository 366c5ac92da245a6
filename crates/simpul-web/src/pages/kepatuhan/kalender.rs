//! iCalendar feeds (RFC 5545) of due dates: `/kepatuhan/kalender.ics` for the subjects of
//! the user's own PDs and `/kepatuhan/pd/{id}/kalender.ics` for one PD.
//!
//! Calendar programs cannot log in with a cookie, so a feed also accepts an API token in
//! the query, `?token=…` (made with `simpul admin create-token`, revoked like any API
//! token). We reuse API tokens rather than inventing a second kind of secret: one place
//! to create, audit and revoke them. A token in a URL can end up in proxy logs, so give
//! each calendar its own token. In a browser the session cookie works as well.
//!
//! One VEVENT per (obligation, subject) with a due date, all-day on that date; its UID is
//! the obligation and subject, so a calendar updates the event when the date moves.

use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use simpul_domain::ids::PdId;
use simpul_store::token;
use time::{Date, OffsetDateTime};

use super::{BarisKepatuhan, evaluasi, hari_ini, profil_aktif};
use crate::auth::{PageUser, User, secret};
use crate::error::PageError;
use crate::extract::PagePath;
use crate::registry_input::can_edit;
use crate::state::AppState;

/// `?token=` of a feed.
#[derive(Debug, Default, Deserialize)]
pub struct FeedQuery {
    #[serde(default)]
    token: Option<String>,
}

/// The feed's user: an API token in the query, else the session.
async fn pengguna(st: &AppState, parts: &mut Parts, q: &FeedQuery) -> Result<User, Response> {
    let unauth = || {
        (
            StatusCode::UNAUTHORIZED,
            "Perlu token: tambahkan ?token=<token API> pada alamat kalender.",
        )
            .into_response()
    };
    if let Some(t) = q.token.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let id = token::authenticate(&st.db, &secret::digest(t))
            .await
            .map_err(|e| PageError::from(e).into_response())?
            .ok_or_else(unauth)?;
        return User::load(st, id, String::new(), None)
            .await
            .map_err(|e| PageError::from(e).into_response())?
            .ok_or_else(unauth);
    }
    match PageUser::from_request_parts(parts, st).await {
        Ok(PageUser(u, _)) => Ok(u),
        Err(_) => Err(unauth()),
    }
}

/// Text escaped for a TEXT value: backslash, semicolon, comma and line breaks.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line folded at 75 octets (never inside a UTF-8 character), CRLF ended.
pub fn fold(line: &str, out: &mut String) {
    let mut room = 75;
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > room {
            out.push_str("\r\n ");
            // The leading space of a continuation line counts towards its 75 octets.
            room = 74;
            used = 0;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

fn ymd(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The calendar of the rows with a due date, stamped `now`.
pub fn feed(nama: &str, baris: &[BarisKepatuhan], now: OffsetDateTime) -> String {
    let now = now.to_offset(time::UtcOffset::UTC);
    let stamp = format!(
        "{}T{:02}{:02}{:02}Z",
        ymd(now.date()),
        now.hour(),
        now.minute(),
        now.second()
    );
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Simpul//Kepatuhan SPBE//ID",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(l, &mut out);
    }
    fold(&format!("X-WR-CALNAME:{}", escape(nama)), &mut out);
    for b in baris {
        let Some(due) = b.jatuh_tempo else { continue };
        let end = due.next_day().unwrap_or(due);
        let pd = if b.pd_nama.is_empty() {
            String::new()
        } else {
            format!(" ({})", b.pd_nama)
        };
        let desc = format!(
            "Status: {}\n{}, {}:\n{}\nPenanggung jawab: {}\nJadwal: {}",
            b.status.label(),
            b.pasal,
            b.peraturan,
            b.teks,
            b.penanggung_jawab,
            b.jadwal
        );
        fold("BEGIN:VEVENT", &mut out);
        fold(&format!("UID:{}/{}@simpul", b.kewajiban, b.kunci), &mut out);
        fold(&format!("DTSTAMP:{stamp}"), &mut out);
        fold(&format!("DTSTART;VALUE=DATE:{}", ymd(due)), &mut out);
        fold(&format!("DTEND;VALUE=DATE:{}", ymd(end)), &mut out);
        let summary = format!("{} – {}{pd}", b.kewajiban, b.subjek);
        fold(&format!("SUMMARY:{}", escape(&summary)), &mut out);
        fold(&format!("DESCRIPTION:{}", escape(&desc)), &mut out);
        fold("TRANSP:TRANSPARENT", &mut out);
        fold("END:VEVENT", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    out
}

async fn kirim(
    st: &AppState,
    nama: String,
    pilih: impl Fn(&BarisKepatuhan) -> bool,
) -> Result<Response, PageError> {
    let Some(profil) = profil_aktif(st).await? else {
        return Err(PageError::NotFound);
    };
    let today = hari_ini(&profil);
    let h = evaluasi(st, profil, today).await?;
    let rows: Vec<BarisKepatuhan> = h.baris.iter().filter(|b| pilih(b)).cloned().collect();
    let body = feed(&nama, &rows, OffsetDateTime::now_utc());
    Ok((
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
        body,
    )
        .into_response())
}

/// `GET /kepatuhan/kalender.ics[?token=]`: the subjects of the PDs the user holds a role
/// in, and the region-wide ones when the user may record those.
pub async fn milik_saya(
    State(st): State<AppState>,
    Query(q): Query<FeedQuery>,
    mut parts: Parts,
) -> Response {
    let user = match pengguna(&st, &mut parts, &q).await {
        Ok(u) => u,
        Err(r) => return r,
    };
    let pds: Vec<PdId> = user.grants.iter().map(|g| g.pd).collect();
    let wilayah = can_edit(&user, None);
    let nama = format!("Kepatuhan SPBE – {}", user.pegawai.nama);
    kirim(&st, nama, |b| match b.pd {
        Some(p) => pds.contains(&p),
        None => wilayah,
    })
    .await
    .unwrap_or_else(IntoResponse::into_response)
}

/// `GET /kepatuhan/pd/{id}/kalender.ics[?token=]`.
pub async fn of_pd(
    State(st): State<AppState>,
    PagePath(id): PagePath<PdId>,
    Query(q): Query<FeedQuery>,
    mut parts: Parts,
) -> Response {
    if let Err(r) = pengguna(&st, &mut parts, &q).await {
        return r;
    }
    let pd = match simpul_store::pd::get(&st.db, id).await {
        Ok(p) => p,
        Err(e) => return PageError::from(e).into_response(),
    };
    kirim(&st, format!("Kepatuhan SPBE – {}", pd.nama), |b| {
        b.pd == Some(id)
    })
    .await
    .unwrap_or_else(IntoResponse::into_response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_within_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("DESCRIPTION:{}", "é".repeat(100));
        fold(&line, &mut out);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), line);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
