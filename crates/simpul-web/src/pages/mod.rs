//! HTML pages: one module per page family, askama templates under `templates/`.

pub mod audit;
pub mod bus;
pub mod dashboard;
pub mod diagram_lan;
pub mod evaluasi;
pub mod kepatuhan;
pub mod login;
pub mod pd;
pub mod pegawai;
pub mod perencanaan;
pub mod profil;
pub mod registry;
pub mod regulasi;
pub mod tim;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use simpul_domain::access::{Action, Target};
use simpul_domain::{FieldProblems, Masalah};

use crate::auth::User;
use crate::i18n::Lang;

/// What every page's layout needs: language, user, CSRF token, navigation.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// UI language.
    pub lang: Lang,
    /// Logged-in user's name (empty on public pages).
    pub user_name: String,
    /// CSRF token for forms.
    pub csrf: String,
    /// Region name for the top bar.
    pub region: String,
    /// Which navigation entry is current.
    pub active: &'static str,
    /// Navigation entries the user may open: (key, href).
    pub nav: Vec<(&'static str, &'static str)>,
    /// A one-off message after a redirect, if any: (is it an error, text).
    pub flash: Option<(bool, String)>,
}

impl Ctx {
    /// The layout context for a logged-in page.
    pub fn new(
        user: &User,
        lang: Lang,
        region: String,
        active: &'static str,
        flash: Option<&str>,
    ) -> Self {
        let mut nav = vec![
            ("dasbor", "/dasbor"),
            ("arsitektur", "/arsitektur"),
            ("perencanaan", "/perencanaan"),
            ("kepatuhan", "/kepatuhan"),
            ("evaluasi", "/evaluasi"),
            ("bus", "/bus"),
            ("regulasi", "/regulasi"),
            ("pd", "/pd"),
            ("pegawai", "/pegawai"),
            ("tim", "/tim-koordinasi"),
        ];
        if user.can(Action::LihatJejakAudit, Target::Region)
            || user.grants.iter().any(|g| {
                user.can(
                    Action::LihatJejakAudit,
                    Target::Pd {
                        pd: g.pd,
                        induk: None,
                    },
                )
            })
        {
            nav.push(("audit", "/jejak-audit"));
        }
        nav.push(("profil", "/profil"));
        Self {
            lang,
            user_name: user.pegawai.nama.clone(),
            csrf: user.csrf.clone(),
            region,
            active,
            nav,
            flash: flash
                .filter(|f| f.len() < 60 && f.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
                .map(|f| (f.starts_with("galat-"), lang.t(&format!("flash-{f}")))),
        }
    }

    /// The context of a public page (login, errors).
    pub fn public(lang: Lang) -> Self {
        Self {
            lang,
            user_name: String::new(),
            csrf: String::new(),
            region: String::new(),
            active: "",
            nav: Vec::new(),
            flash: None,
        }
    }

    /// Translate.
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// Translate with one argument.
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        self.lang.t1(key, name, value)
    }

    /// Translate with two arguments.
    pub fn t2(
        &self,
        key: &str,
        n1: &str,
        v1: impl ToString,
        n2: &str,
        v2: impl ToString,
    ) -> String {
        self.lang
            .t_args(key, &[(n1, v1.to_string()), (n2, v2.to_string())])
    }

    /// Format an integer the Indonesian way.
    pub fn n(&self, v: &i64) -> String {
        crate::format_id::angka(*v)
    }
}

/// Per-field errors ready for a form, in the form's order, in the user's language:
/// (field name, field label, messages).
#[derive(Debug, Clone, Default)]
pub struct FormErrors(pub Vec<(String, String, Vec<String>)>);

impl FormErrors {
    /// Translate problems; `fields` lists (field name, label text key) in form order so
    /// the summary reads top to bottom like the form and names each field.
    pub fn from_problems(p: &FieldProblems, lang: Lang, fields: &[(&str, &str)]) -> Self {
        let translate = |ms: &Vec<Masalah>| ms.iter().map(|m| lang.masalah(m)).collect::<Vec<_>>();
        let mut out: Vec<(String, String, Vec<String>)> = fields
            .iter()
            .filter_map(|(f, label)| {
                p.0.get(*f)
                    .map(|ms| ((*f).to_owned(), lang.t(label), translate(ms)))
            })
            .collect();
        for (f, ms) in &p.0 {
            if !fields.iter().any(|(name, _)| name == f) {
                out.push((f.clone(), f.clone(), translate(ms)));
            }
        }
        Self(out)
    }

    /// Messages of one field.
    pub fn of(&self, field: &str) -> Vec<String> {
        self.0
            .iter()
            .find(|(f, _, _)| f == field)
            .map(|(_, _, m)| m.clone())
            .unwrap_or_default()
    }

    /// Whether a field has errors (for `aria-invalid`).
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|(f, _, _)| f == field)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Render a template as a response; a render failure becomes the error page.
pub fn render<T: Template>(status: StatusCode, t: &T) -> Response {
    match t.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => crate::error::PageError::Internal(e.to_string()).into_response(),
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: Ctx,
    title: String,
    body: String,
}

/// The error page for Fluent messages `<key>-judul` and `<key>-isi`, in Bahasa Indonesia
/// (an error can happen before the user's language is known).
pub fn error_page(status: StatusCode, key: &str) -> Response {
    let lang = Lang::Id;
    let page = ErrorPage {
        ctx: Ctx::public(lang),
        title: lang.t(&format!("{key}-judul")),
        body: lang.t(&format!("{key}-isi")),
    };
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (status, page.title).into_response(),
    }
}

/// Percent-encode for a query value.
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The region's display name, or nothing before one is set up.
pub async fn region_name(st: &crate::state::AppState) -> String {
    match simpul_store::region::get(&st.db).await {
        Ok(Some(r)) => r.nama,
        _ => String::new(),
    }
}

/// A whole number from a query parameter, default 1, never below 1.
pub fn page_number(raw: Option<&str>) -> i64 {
    // Bounded so that (page - 1) * page size can never overflow.
    raw.and_then(|s| s.parse::<i64>().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(1)
        .min(1_000_000)
}
