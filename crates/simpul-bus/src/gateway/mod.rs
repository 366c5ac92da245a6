//! The gateway data plane: consumers call `/{pd}/{service}/{version}/{path}` (or
//! X-Road's `/r1/...`) on the bus port; the gateway authenticates them, checks their
//! grant from an in-memory directory snapshot, forwards to the upstream, and records
//! every exchange in the evidence log before answering. `docs/bus-gateway.md` covers
//! configuration, error codes and the [`SnapshotSource`] contract for the control plane.
//!
//! One file per reason to change: `directory` (what the snapshot holds), `source` and
//! `holder` (where it comes from, how it is swapped), `route` (paths), `pipeline` (the
//! phases), `context` (per-request state and the evidence entry), `headers`, `upstream`,
//! `tls` (trusted roots, TLS failures), `ratelimit`, `token` and `oauth` (bearer
//! tokens), `nikscan`, `problem` (codes), `metrik`, `health`, `server` (builder and
//! start/stop), `worker` (a serving thread), `config`.

mod config;
mod context;
mod directory;
mod form;
mod headers;
mod health;
mod holder;
mod metrik;
mod nikscan;
mod oauth;
mod pipeline;
mod problem;
mod ratelimit;
mod route;
mod server;
mod source;
mod tls;
mod token;
mod upstream;
mod worker;

pub use config::GatewayConfig;
pub use directory::{
    Consumer, Directory, DirectoryError, Grant, Klasifikasi, NikFields, OauthClient, RateLimit,
    Service, Snapshot,
};
pub use health::KesehatanHulu;
pub use holder::Holder;
pub use metrik::default_handle as default_metrics_handle;
pub use problem::Kode;
pub use server::{Gateway, GatewayBuilder};
pub use source::{
    FileSource, LoadFuture, MemorySource, SnapshotSource, SourceError, parse_directory,
};
pub use tls::BuildError;
