//! Compliance cadences: how often, or by when, a regulation obliges something to be
//! done, and the status of one subject (a PD, an application, a plan) on one date.
//!
//! # Text form
//!
//! Regulation profiles write a cadence as one line of text. Keywords are
//! case-insensitive, whitespace runs count as one space, and parenthesised spellings are
//! skipped, so `setiap 2 (dua) tahun` reads as `setiap 2 tahun`. `N` is 1 to 999 in
//! digits; `SATUAN` is `hari`, `bulan` or `tahun`. [`Cadence`]'s `Display` writes the
//! canonical form (first column), which parses back to the same value.
//!
//! | canonical form | also accepted | meaning | e.g. |
//! |---|---|---|---|
//! | `setiap N SATUAN` | | rolling interval | 000 Pasal 40(1): `setiap 2 tahun` |
//! | `minimal N kali setahun` | `paling sedikit`, `dalam setahun`, `dalam 1 tahun` | N per calendar year | 003 Pasal 9(11): `minimal 2 kali setahun` |
//! | `tahunan` | `minimal 1 kali setahun` | once per calendar year | 000 Pasal 41(3) |
//! | `paruh waktu dan tahun terakhir` | `tengah dan akhir periode` | mid-term and final year of the plan period | 001 Pasal 10(1) |
//! | `dalam N SATUAN sejak TTTT-BB-HH` | `paling lambat`, `paling lama`, `maksimal` | once, by a deadline from a fixed date | 001 Pasal 55, 004 Pasal 38, 003 Pasal 6(6) |
//! | `dalam N SATUAN` | `paling lambat`, `paling lama`, `maksimal` | once, by a deadline from the subject's start | |
//! | `saat peristiwa: NAMA` | | after every event, due on its day | 000 Pasal 20(2): `saat peristiwa: perubahan LAN` |
//! | `dalam N SATUAN setelah peristiwa: NAMA` | | after every event, with grace | |
//!
//! `NAMA` keeps its case, 1 to 100 characters. `minimal K kali dalam N tahun` with N > 1
//! is refused (code `jadwal_kali_dalam_jangka`): "paling sedikit 1 kali dalam 2 tahun"
//! is a rolling interval and must be written `setiap 2 tahun`, while "1 kali dalam
//! setahun" counts per calendar (budget) year. The profile author makes that choice
//! visibly instead of the parser guessing it.
//!
//! # Status
//!
//! [`Cadence::evaluate`] takes the subject's [`Konteks`] (the date the obligation applies
//! from, and its plan [`Periode`] if any), the fulfilment and event dates ([`Riwayat`],
//! any order), the date `as_of` and a due-soon window in days. Only fulfilments from the
//! start up to `as_of` count. Each cadence yields its *earliest unmet deadline* (or none);
//! the status then follows one rule for all cadences:
//!
//! 1. `as_of` before the start, no plan period, or no event yet: **tidak berlaku**.
//! 2. `as_of` after the deadline (the deadline day itself is still in time): **terlambat**.
//! 3. deadline within the window (0 days: only on the day): **segera jatuh tempo**.
//! 4. no fulfilment counted at all: **belum pernah**.
//! 5. otherwise: **terpenuhi** (nothing owed yet, or nothing owed ever).
//!
//! A late fulfilment always repairs: status describes the current standing, not history.
//!
//! | cadence | earliest unmet deadline |
//! |---|---|
//! | `setiap J` | last fulfilment + J, or start + J when none |
//! | `minimal N kali setahun` | 31 December of the first year after the latest year with N fulfilments; the start year counts only when the start is 1 January |
//! | `paruh waktu dan tahun terakhir` | 31 December of the mid-term year until a fulfilment in or after it, then of the final year; none after that. Review years ending before the start are skipped |
//! | `dalam J [sejak D]` | D (or the start) + J until the first fulfilment; none after |
//! | peristiwa | the earliest event (from the start) with no fulfilment on or after its day, + grace; none when every event is followed |
//!
//! Months clamp to the month's end: one month after 31 January is 28 or 29 February, a
//! year after 29 February 2024 is 28 February 2025 ([`calendar`]).

pub mod cadence;
mod cadence_parse;
pub mod calendar;
pub mod engine;
pub mod evaluate;
pub mod plan_period;
pub mod profile;
pub mod status;

pub use cadence::{Cadence, Jangka, Jumlah, NamaPeristiwa, Satuan};
pub use evaluate::{Konteks, Riwayat};
pub use plan_period::Periode;
pub use status::{AlasanTidakBerlaku, Kemajuan, Penilaian, Status};
