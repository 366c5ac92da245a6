//! SPBE evaluation models and the index (requirements EVA-1..4).
//!
//! # What a model is
//!
//! An evaluation model is the national framework a region scores itself against in its
//! yearly self-evaluation: indicators grouped in aspects (and, for spbe-2020, aspects in
//! domains), each with a weight in percent of the index, what each maturity level 1..5
//! requires and the evidence (bukti dukung) expected, and the predicate bands of the
//! index. Models are data: `models/*.toml`, in the format of `models/README.md`, shipped
//! compiled in ([`shipped_models`]): `spbe-2020` (PermenPANRB 59/2020) and `pemdi-2026`
//! (PermenPANRB 8/2026, provisional). [`Model::load`] checks every rule of that README and
//! reports every problem with file, line and field, the weight problems naming the
//! aspect or domain (`aspek[A2].bobot`). A crosswalk (`models/crosswalk/*.toml`,
//! [`Crosswalk`]) says which older indicators' evidence can support a newer indicator.
//!
//! # Arithmetic
//!
//! Weights, predicate limits and published values have at most two decimals and are held
//! as whole hundredths ([`DuaDesimal`]). With `w` the indicator weights and `v` the
//! values, the aspect index is Σ(w × v) / aspect weight, the domain index
//! Σ(aspect weight × aspect index) / domain weight (= Σ(w × v) / domain weight) and the
//! index Σ(w × v) / 100. [`hitung`] computes all of them as exact fractions
//! ([`Pecahan`]); they are rounded only for display, to two decimals half away from zero
//! (`3,22` in the UI, `3.22` in the API). The predicate is the highest band whose `min`
//! the exact index reaches, so an index of exactly 4,20 is "Memuaskan" in spbe-2020 and
//! 4,1999… is not.
//!
//! # Choices
//!
//! - **Missing values count as level 1**, the lowest of the scale, and are listed in
//!   [`Hasil::diasumsikan`] so the UI and API can say the index is provisional. An index
//!   stays defined (1..5) while an evaluation is being filled in, and a missing
//!   indicator can only make it lower than the final one, never higher.
//! - **The final level after review has a floor of 1** ([`tingkat_akhir`]): when not even
//!   level 1's evidence is all accepted, the level is 1 with
//!   [`TingkatAkhir::tanpa_bukti_diterima`] set, because the index is defined on 1..5.
//! - **External indicators** (pemdi-2026's 5, 6, 7 and 10) take the value another agency
//!   published, 1,00..5,00 ([`Nilai::Eksternal`]); they are left out of the suggestions
//!   ([`saran`]), which the region cannot act on by itself.
//! - **Levels are cumulative**: a level counts only when every level below it is met.

pub mod alur;
mod bobot;
pub mod bukti;
mod crosswalk;
mod dua_desimal;
mod error;
mod indeks;
mod level;
mod model;
mod nilai;
mod pecahan;
mod raw;
mod saran;
mod shipped;
mod tingkat_akhir;
mod validate;
mod validate_indikator;

pub use crosswalk::{Crosswalk, Peta};
pub use dua_desimal::{Bobot, DuaDesimal};
pub use error::{ModelError, ModelErrors};
pub use indeks::{Hasil, IndeksBagian, hitung};
pub use level::Level;
pub use model::{Aspek, Domain, Indikator, Model, Predikat};
pub use nilai::{Nilai, NilaiEksternal};
pub use pecahan::Pecahan;
pub use saran::{LangkahPredikat, Saran, langkah_ke_predikat, saran};
pub use shipped::{SHIPPED_CROSSWALKS, SHIPPED_MODELS, shipped_crosswalks, shipped_models};
pub use tingkat_akhir::{StatusBukti, TingkatAkhir, tingkat_akhir};
