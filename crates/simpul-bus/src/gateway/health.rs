//! Background health checks of every active service's upstream (pingora's "health
//! checks are background services"): a GET of its health path, at most 16 at a time,
//! each within the health timeout. The result is a gauge and [`KesehatanHulu`] (what the
//! monitoring page shows); routing does not depend on it (one upstream per service:
//! there is nothing to fail over to yet).

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use bytes::Bytes;
use http::Request;
use http_body_util::Full;
use tokio::sync::watch;
use tokio::task::JoinSet;

use super::metrik;
use super::server::Shared;
use super::upstream;

const IN_FLIGHT: usize = 16;

/// The latest round of checks: service key (`PD/code/version`) -> did the upstream
/// answer below 500. Replaced whole after each round, so removed services drop out.
#[derive(Debug, Default)]
pub struct KesehatanHulu(RwLock<HashMap<String, bool>>);

impl KesehatanHulu {
    /// The latest result of every checked service.
    pub fn semua(&self) -> HashMap<String, bool> {
        match self.0.read() {
            Ok(m) => m.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }

    fn ganti(&self, round: HashMap<String, bool>) {
        match self.0.write() {
            Ok(mut m) => *m = round,
            Err(p) => *p.into_inner() = round,
        }
    }
}

/// Check every upstream each `cfg.health_interval` until `stop`.
pub async fn run(sh: Arc<Shared>, mut stop: watch::Receiver<bool>) {
    if sh.cfg.health_interval.is_zero() {
        return;
    }
    let mut tick = tokio::time::interval(sh.cfg.health_interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = stop.changed() => return,
        }
        let snap = sh.holder.current();
        let mut set = JoinSet::new();
        let mut round = HashMap::new();
        for svc in snap.services().filter(|s| s.active) {
            while set.len() >= IN_FLIGHT {
                if let Some(Ok((key, up))) = set.join_next().await {
                    round.insert(key, up);
                }
            }
            let (sh, svc) = (Arc::clone(&sh), Arc::clone(svc));
            set.spawn(async move {
                let path = svc.health_path.as_deref().unwrap_or("/");
                let up = match upstream::uri(&svc.upstream, path, None) {
                    Some(uri) => {
                        let mut req = Request::new(Full::new(Bytes::new()));
                        *req.uri_mut() = uri;
                        let r = upstream::send(
                            &sh.health_client,
                            req,
                            sh.cfg.health_timeout,
                            64 * 1024,
                        )
                        .await;
                        r.is_ok_and(|a| a.parts.status.as_u16() < 500)
                    }
                    None => false,
                };
                let key = svc.key();
                metrik::health(&key, up);
                (key, up)
            });
        }
        while let Some(r) = set.join_next().await {
            if let Ok((key, up)) = r {
                round.insert(key, up);
            }
        }
        sh.kesehatan.ganti(round);
    }
}
