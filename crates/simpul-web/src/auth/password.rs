//! Password hashing with Argon2id (the argon2 crate's defaults: OWASP minimum parameters).

use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use simpul_domain::{Masalah, Masalahs};

/// Hash a password for storage.
pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    Ok(Argon2::default()
        .hash_password(password.as_bytes())?
        .to_string())
}

/// Whether `password` matches the stored `hash`. A malformed hash never matches.
pub fn verify(password: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), hash)
        .is_ok()
}

/// Argon2 work done on a login for an unknown NIP, so the response time does not tell
/// whether the NIP exists.
pub fn verify_dummy(password: &str) {
    let _ = Argon2::default().hash_password(password.as_bytes());
}

/// The password policy: at least 10 characters, not only digits, at most 200.
pub fn check_policy(password: &str, nip: &str) -> Result<(), Masalahs> {
    let mut found = Vec::new();
    let n = password.chars().count();
    if n < 10 {
        found.push(Masalah::new(
            "sandi_pendek",
            "Kata sandi minimal 10 karakter.",
        ));
    }
    if n > 200 {
        found.push(Masalah::new(
            "sandi_panjang",
            "Kata sandi paling banyak 200 karakter.",
        ));
    }
    if !password.is_empty() && password.chars().all(|c| c.is_ascii_digit()) {
        found.push(Masalah::new(
            "sandi_angka_saja",
            "Kata sandi tidak boleh hanya berisi angka.",
        ));
    }
    if !nip.is_empty() && password.contains(nip) {
        found.push(Masalah::new(
            "sandi_berisi_nip",
            "Kata sandi tidak boleh memuat NIP Anda.",
        ));
    }
    Masalahs::into_result(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_verifies_only_the_same_password() {
        let h = hash("rahasia-sekali").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("rahasia-sekali", &h));
        assert!(!verify("rahasia-sekalI", &h));
        assert!(!verify("rahasia-sekali", "not a hash"));
    }

    #[test]
    fn policy_names_every_problem() {
        let e = check_policy("12345", "").unwrap_err();
        assert!(e.has("sandi_pendek") && e.has("sandi_angka_saja"));
        let e = check_policy("x198609262015051001", "198609262015051001").unwrap_err();
        assert!(e.has("sandi_berisi_nip"));
        assert!(check_policy("kata-sandi-baik", "198609262015051001").is_ok());
    }
}
