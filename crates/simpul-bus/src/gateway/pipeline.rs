//! The phases of one exchange, pingora style, over a [`Ctx`]: identify the request,
//! route it, authenticate the consumer, check the grant and the officer, rate limit,
//! read and hash the body, forward, hash the answer, and (always, whatever happened
//! before) log it in the evidence log before a byte goes back.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use http::header::{self, HeaderValue};
use http::{HeaderMap, Request};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use sha2::{Digest, Sha256};
use simpul_domain::ident::Nip;
use time::OffsetDateTime;

use super::context::{Ctx, Out};
use super::directory::{Consumer, Service, Snapshot};
use super::problem::{Kode, Problem};
use super::route::{self, Target};
use super::server::Shared;
use super::upstream::{self, HttpClient};
use super::{headers, metrik, nikscan};
use crate::hash::Hash256;

/// Run one proxied exchange and log it; the answer to send.
pub async fn exchange(
    sh: &Shared,
    client: &HttpClient,
    req: Request<Incoming>,
    peer: SocketAddr,
) -> Out {
    let mut ctx = Ctx::new(req.headers());
    let out = match proxy(sh, client, &mut ctx, req, peer).await {
        Ok(out) => out,
        Err(p) => ctx.problem(p),
    };
    log(sh, &ctx, out).await
}

/// Phases up to the upstream's answer.
async fn proxy(
    sh: &Shared,
    client: &HttpClient,
    ctx: &mut Ctx,
    req: Request<Incoming>,
    peer: SocketAddr,
) -> Result<Out, Problem> {
    let snap = sh.holder.current();
    let (parts, body) = req.into_parts();
    ctx.tujuan = parts
        .headers
        .get(headers::PURPOSE)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.chars().take(500).collect());

    // Routing: what the path names.
    let path = parts.uri.path();
    let target = route::parse(path).ok_or_else(|| {
        Problem::with(
            Kode::JalurTidakValid,
            "gunakan /{pd}/{layanan}/{versi}/... atau /r1/...",
        )
    })?;
    ctx.xroad = matches!(target, Target::XRoad { .. });
    ctx.layanan = Some(named(&target));

    // Authentication.
    let consumer = authenticate(sh, &snap, &parts.headers)?;
    ctx.konsumen = Some(consumer.id.clone());
    if consumer.revoked {
        return Err(Kode::KredensialDicabut.into());
    }

    // The directory entry.
    let (service, rest) = resolve(sh, &snap, &target)?;
    ctx.layanan = Some(service.layanan());
    ctx.service = Some(Arc::clone(&service));
    if ctx.xroad {
        let named = parts
            .headers
            .get(headers::XROAD_CLIENT)
            .and_then(|v| v.to_str().ok());
        if named.is_none() || named != consumer.xroad_client.as_deref() {
            return Err(Kode::KlienTidakCocok.into());
        }
    }
    if !service.active {
        return Err(Kode::LayananNonaktif.into());
    }

    // Access policy: a reviewed, unexpired grant, and an officer where required.
    let today = OffsetDateTime::now_utc()
        .to_offset(sh.cfg.utc_offset)
        .date();
    let grant = snap
        .grant(&consumer.id, &service.key())
        .ok_or(Kode::IzinTidakAda)?;
    if !grant.active {
        return Err(Kode::IzinBelumAktif.into());
    }
    if grant.expires < today {
        return Err(Problem::with(
            Kode::IzinKedaluwarsa,
            format!("izin berlaku sampai {}", grant.expires),
        ));
    }
    match parts.headers.get(headers::USER_ID) {
        Some(v) => {
            let nip = v
                .to_str()
                .ok()
                .and_then(|s| Nip::parse(s, today).ok())
                .ok_or(Kode::PetugasTidakValid)?;
            ctx.petugas = Some(nip.as_str().to_owned());
        }
        None if service.classification.requires_officer() => {
            return Err(Kode::PetugasWajib.into());
        }
        None => {}
    }

    // Rate limit per consumer and service.
    let limit = service.rate_limit.unwrap_or(sh.cfg.default_rate_limit);
    let key = format!("{}\u{0}{}", consumer.id, service.key());
    if let Err(s) = sh.limiter.check(&key, limit, Instant::now()) {
        return Err(Problem {
            kode: Kode::BatasLaju,
            detail: None,
            retry_after: Some(s),
        });
    }

    // The request body, whole, within the limit, hashed and scanned for NIKs.
    let max_body = service.max_body.unwrap_or(sh.cfg.default_max_body);
    let timeout = service
        .timeout_ms
        .map(std::time::Duration::from_millis)
        .unwrap_or(sh.cfg.default_timeout);
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max_body) {
        return Err(Kode::BadanTerlaluBesar.into());
    }
    let limit = usize::try_from(max_body).unwrap_or(usize::MAX);
    let body = match tokio::time::timeout(timeout, Limited::new(body, limit).collect()).await {
        Ok(Ok(b)) => b.to_bytes(),
        Ok(Err(e))
            if e.downcast_ref::<http_body_util::LengthLimitError>()
                .is_some() =>
        {
            return Err(Kode::BadanTerlaluBesar.into());
        }
        Ok(Err(_)) | Err(_) => return Err(Kode::PermintaanRusak.into()),
    };
    ctx.req_len = body.len() as u64;
    ctx.req_hash = Some(Hash256(Sha256::digest(&body).into()));
    if let Some(q) = parts.uri.query() {
        nikscan::from_query(q, &service.nik.query, &sh.nik, &mut ctx.nik);
    }
    nikscan::from_json(&body, &service.nik.request, &sh.nik, &mut ctx.nik);

    // Upstream request.
    let uri = upstream::uri(&service.upstream, rest, parts.uri.query())
        .ok_or_else(|| Problem::with(Kode::JalurTidakValid, "jalur tidak dapat diteruskan"))?;
    let mut h = parts.headers;
    headers::to_upstream(
        &mut h,
        peer,
        &ctx.id,
        &consumer.id,
        &upstream::authority(&uri),
        body.len(),
    );
    let mut up = Request::new(Full::new(body));
    *up.method_mut() = parts.method;
    *up.uri_mut() = uri;
    *up.headers_mut() = h;

    let answer = match upstream::send(client, up, timeout, max_body).await {
        Ok(a) => a,
        Err((p, took)) => {
            ctx.hulu = Some(took);
            return Err(p);
        }
    };
    ctx.hulu = Some(answer.took);
    nikscan::from_json(&answer.body, &service.nik.response, &sh.nik, &mut ctx.nik);
    let mut h = answer.parts.headers;
    headers::to_consumer(&mut h);
    Ok(Out {
        status: answer.parts.status,
        headers: h,
        body: answer.body,
        problem: None,
    })
}

/// The service as far as the path names it, for refusals before the directory answers.
fn named(t: &Target<'_>) -> crate::evidence::Layanan {
    let (pd, kode, versi) = match *t {
        Target::Simpul {
            pd, code, version, ..
        } => (pd, code, version),
        Target::XRoad { member, code, .. } => (member, code, ""),
    };
    crate::evidence::Layanan {
        pd: pd.into(),
        kode: kode.into(),
        versi: versi.into(),
    }
}

/// The consumer behind `X-Api-Key` or a bearer token.
fn authenticate<'s>(
    sh: &Shared,
    snap: &'s Snapshot,
    h: &HeaderMap,
) -> Result<&'s Arc<Consumer>, Problem> {
    if let Some(k) = h.get(headers::API_KEY) {
        let digest = hex::encode(Sha256::digest(k.as_bytes()));
        return snap
            .consumer_by_key_digest(&digest)
            .ok_or_else(|| Problem::with(Kode::KonsumenTidakDikenal, "kunci API tidak dikenal"));
    }
    let bearer = h
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        });
    let Some(token) = bearer else {
        return Err(Problem::with(
            Kode::KonsumenTidakDikenal,
            "sertakan X-Api-Key atau Authorization: Bearer",
        ));
    };
    let now = OffsetDateTime::now_utc().unix_timestamp();
    let bad = || {
        Problem::with(
            Kode::KonsumenTidakDikenal,
            "token tidak sah atau kedaluwarsa",
        )
    };
    let claims = sh.tokens.verify(token.trim(), now).ok_or_else(bad)?;
    // The client id must still belong to the consumer: deleting a client ends its tokens.
    match snap.oauth_client(&claims.cid) {
        Some((c, _)) if c.id == claims.sub => Ok(c),
        _ => Err(bad()),
    }
}

/// The directory entry the target names, and the path to forward.
fn resolve<'t>(
    sh: &Shared,
    snap: &Snapshot,
    t: &Target<'t>,
) -> Result<(Arc<Service>, &'t str), Problem> {
    let unknown = || Problem::from(Kode::LayananTidakDikenal);
    match *t {
        Target::Simpul {
            pd,
            code,
            version,
            rest,
        } => Ok((
            Arc::clone(snap.service(pd, code, version).ok_or_else(unknown)?),
            rest,
        )),
        Target::XRoad {
            instance,
            class,
            member,
            subsystem,
            code,
            tail,
        } => {
            if instance != sh.cfg.xroad_instance || class != sh.cfg.xroad_class {
                return Err(Problem::with(
                    Kode::LayananTidakDikenal,
                    format!("instance {instance}/{class} tidak dilayani bus ini"),
                ));
            }
            let first = tail
                .strip_prefix('/')
                .map(|t| t.split('/').next().unwrap_or(""));
            let (svc, rest) = match first.and_then(|v| snap.service(member, code, v)) {
                Some(s) => (s, &tail[1 + s.version.len()..]),
                None => (snap.latest(member, code).ok_or_else(unknown)?, tail),
            };
            if svc.xroad_subsystem.as_deref().unwrap_or(&svc.pd) != subsystem {
                return Err(unknown());
            }
            Ok((Arc::clone(svc), rest))
        }
    }
}

/// The logging phase: hash what goes back, append the evidence entry, count it, and
/// only then hand the answer over. If the log refuses, the consumer gets `bukti_gagal`
/// instead of an answer nobody could prove later.
async fn log(sh: &Shared, ctx: &Ctx, mut out: Out) -> Out {
    out.headers.insert(
        headers::REQUEST_ID,
        HeaderValue::from_str(&ctx.id).unwrap_or(HeaderValue::from_static("-")),
    );
    if let Some(h) = ctx.req_hash
        && let Ok(v) = HeaderValue::from_bytes(&h.hex_bytes())
    {
        if ctx.xroad {
            out.headers.insert(headers::XROAD_REQUEST_HASH, v.clone());
        }
        out.headers.insert(headers::REQUEST_HASH, v);
    }
    let resp_hash = Hash256(Sha256::digest(&out.body).into());
    let entry = ctx.entry(&out, resp_hash);
    let layanan = ctx
        .service
        .as_ref()
        .map(|s| s.key())
        .unwrap_or_else(|| "-".into());
    let (hasil, kode) = match &out.problem {
        None => ("diteruskan", out.status.as_str().to_owned()),
        Some(p) if p.kode.is_failure() => ("gagal", p.kode.as_str().to_owned()),
        Some(p) => ("ditolak", p.kode.as_str().to_owned()),
    };
    match sh.evidence.append(entry).await {
        Ok(_) => {
            metrik::exchange(
                &layanan,
                hasil,
                &kode,
                ctx.start.elapsed().as_secs_f64(),
                ctx.hulu.map(|d| d.as_secs_f64()),
            );
            out
        }
        Err(e) => {
            tracing::error!(error = %e, id = %ctx.id, "pertukaran tidak tercatat; tanggapan ditahan");
            metrik::evidence_failed();
            metrik::exchange(
                &layanan,
                "gagal",
                "bukti_gagal",
                ctx.start.elapsed().as_secs_f64(),
                None,
            );
            let mut o = ctx.problem(Kode::BuktiGagal.into());
            o.headers.insert(
                headers::REQUEST_ID,
                HeaderValue::from_str(&ctx.id).unwrap_or(HeaderValue::from_static("-")),
            );
            o
        }
    }
}
