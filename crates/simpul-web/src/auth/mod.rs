//! Identity: passwords, sessions, API tokens, CSRF, the login rate limit, and the
//! current-user extractors every handler starts from.

pub mod csrf;
pub mod current;
pub mod password;
pub mod rate_limit;
pub mod secret;

pub use current::{ApiUser, PageUser, User};
