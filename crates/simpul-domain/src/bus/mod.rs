//! The service bus control plane (issue 5): services a PD publishes with their OpenAPI
//! document, the consumers (a PD's applications) calling them, access grants, the Dinas'
//! operational and security review (000 Pasal 22(4)(c)) and Satu Data element
//! definitions. Validated values in `nilai`, life cycles in `status`, the OpenAPI check
//! in `openapi`, who may do what in `siapa`.

pub mod elemen;
pub mod nilai;
pub mod openapi;
pub mod siapa;
pub mod status;

pub use elemen::ElemenData;
pub use nilai::{Klasifikasi, KodeLayanan, NamaNik, NikFields, UrlHulu, Versi};
pub use openapi::{DokumenOpenApi, Operasi};
pub use status::{Putusan, StatusIzin, StatusLayanan, kedaluwarsa_valid};
