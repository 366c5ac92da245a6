//! Key files: 32-byte secrets stored as hex in files readable by their owner only
//! (0600), created atomically on first use; and the checkpoint public key.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

/// Why a key file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum KunciError {
    /// Reading or writing the file failed.
    #[error("berkas kunci {path}: {source}")]
    Io {
        /// The key file.
        path: PathBuf,
        /// What the OS said.
        source: io::Error,
    },
    /// The file does not hold 64 hex characters (or is not a valid Ed25519 key).
    #[error("berkas kunci {path} tidak berisi 64 karakter heksadesimal yang sah")]
    Format {
        /// The key file.
        path: PathBuf,
    },
    /// A secret key file others may read: refused, as ssh does.
    #[error(
        "berkas kunci rahasia {path} dapat dibaca pengguna lain (mode {mode:o}); jalankan chmod 600"
    )]
    IzinTerbuka {
        /// The key file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// The public key file beside a signing key belongs to another key.
    #[error("kunci publik {path} tidak cocok dengan kunci tanda tangan di sampingnya")]
    TidakCocok {
        /// The public key file.
        path: PathBuf,
    },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> KunciError + '_ {
    move |source| KunciError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Read a secret key file, or create it with fresh random bytes when it does not exist.
/// Returns the bytes and whether the file was created now.
pub(crate) fn load_or_create_secret(path: &Path) -> Result<([u8; 32], bool), KunciError> {
    match read_secret(path) {
        Ok(b) => return Ok((b, false)),
        Err(KunciError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let bytes: [u8; 32] = rand::random();
    match create_secret(path, &bytes) {
        Ok(()) => Ok((bytes, true)),
        // Another process created it first: use theirs.
        Err(KunciError::Io { source, .. }) if source.kind() == io::ErrorKind::AlreadyExists => {
            read_secret(path).map(|b| (b, false))
        }
        Err(e) => Err(e),
    }
}

/// Read a secret key file, refusing one that group or others may read.
pub(crate) fn read_secret(path: &Path) -> Result<[u8; 32], KunciError> {
    let text = fs::read_to_string(path).map_err(io_err(path))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path)
            .map_err(io_err(path))?
            .permissions()
            .mode()
            & 0o777;
        if mode & 0o077 != 0 {
            return Err(KunciError::IzinTerbuka {
                path: path.to_owned(),
                mode,
            });
        }
    }
    parse_key_hex(text.trim()).ok_or_else(|| KunciError::Format {
        path: path.to_owned(),
    })
}

/// Write `bytes` as hex into a new file with mode 0600: a temporary file first, then a
/// hard link to the final name, so no reader ever sees half a key and an existing key is
/// never replaced.
fn create_secret(path: &Path, bytes: &[u8; 32]) -> Result<(), KunciError> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    let _ = fs::remove_file(&tmp);
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let written = (|| {
        let mut f = opts.open(&tmp)?;
        f.write_all(format!("{}\n", hex::encode(bytes)).as_bytes())?;
        f.sync_all()?;
        fs::hard_link(&tmp, path)
    })();
    let _ = fs::remove_file(&tmp);
    written.map_err(io_err(path))?;
    sync_parent(path).map_err(io_err(path))
}

/// Make a new directory entry durable.
pub(crate) fn sync_parent(path: &Path) -> io::Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => fs::File::open(dir)?.sync_all(),
        _ => Ok(()),
    }
}

fn parse_key_hex(s: &str) -> Option<[u8; 32]> {
    let mut out = [0u8; 32];
    if s.len() != 64 {
        return None;
    }
    hex::decode_to_slice(s, &mut out).ok()?;
    Some(out)
}

/// The Ed25519 public key that checks checkpoint signatures; published by the web layer
/// and given to the offline verifier.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct KunciPublik(VerifyingKey);

impl KunciPublik {
    /// Parse 64 hex characters (surrounding whitespace ignored).
    pub fn parse_hex(s: &str) -> Option<Self> {
        let b = parse_key_hex(s.trim())?;
        VerifyingKey::from_bytes(&b).ok().map(Self)
    }

    /// Read a public key file (64 hex characters).
    pub fn from_file(path: &Path) -> Result<Self, KunciError> {
        let text = fs::read_to_string(path).map_err(io_err(path))?;
        Self::parse_hex(&text).ok_or_else(|| KunciError::Format {
            path: path.to_owned(),
        })
    }

    /// The 64 hex characters.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0.as_bytes())
    }

    /// Whether `sig` (128 hex characters) signs `msg` under this key.
    pub fn verifies(&self, msg: &[u8], sig_hex: &str) -> bool {
        let mut b = [0u8; 64];
        if sig_hex.len() != 128 || hex::decode_to_slice(sig_hex, &mut b).is_err() {
            return false;
        }
        self.0.verify(msg, &Signature::from_bytes(&b)).is_ok()
    }
}

impl fmt::Display for KunciPublik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for KunciPublik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KunciPublik({self})")
    }
}

/// The checkpoint signing key. `Debug` never shows it.
pub(crate) struct KunciTandaTangan {
    key: SigningKey,
    publik: KunciPublik,
}

impl KunciTandaTangan {
    /// Load the key at `path` (creating it if `create`), and make sure `pub_path` holds
    /// its public half: written when missing, refused when it names another key.
    pub(crate) fn load(path: &Path, pub_path: &Path, create: bool) -> Result<Self, KunciError> {
        let bytes = if create {
            load_or_create_secret(path)?.0
        } else {
            read_secret(path)?
        };
        let key = SigningKey::from_bytes(&bytes);
        let publik = KunciPublik(key.verifying_key());
        match KunciPublik::from_file(pub_path) {
            Ok(p) if p == publik => {}
            Ok(_) => {
                return Err(KunciError::TidakCocok {
                    path: pub_path.to_owned(),
                });
            }
            Err(KunciError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                write_public(pub_path, &publik).map_err(io_err(pub_path))?;
            }
            Err(e) => return Err(e),
        }
        Ok(Self { key, publik })
    }

    pub(crate) fn publik(&self) -> KunciPublik {
        self.publik
    }

    /// The signature of `msg`, as 128 hex characters.
    pub(crate) fn sign_hex(&self, msg: &[u8]) -> String {
        hex::encode(self.key.sign(msg).to_bytes())
    }
}

impl fmt::Debug for KunciTandaTangan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "KunciTandaTangan(<disembunyikan>, publik {})",
            self.publik
        )
    }
}

fn write_public(path: &Path, k: &KunciPublik) -> io::Result<()> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    let mut f = fs::File::create(&tmp)?;
    f.write_all(format!("{k}\n").as_bytes())?;
    f.sync_all()?;
    fs::rename(&tmp, path)?;
    sync_parent(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_files_are_private_and_stable() {
        let dir = std::env::temp_dir().join(format!("simpul-bus-kunci-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let (sk, pk) = (dir.join("a.key"), dir.join("a.pub"));
        let k1 = KunciTandaTangan::load(&sk, &pk, true).unwrap();
        let k2 = KunciTandaTangan::load(&sk, &pk, false).unwrap();
        assert_eq!(k1.publik(), k2.publik());
        assert_eq!(KunciPublik::from_file(&pk).unwrap(), k1.publik());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&sk).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
            fs::set_permissions(&sk, fs::Permissions::from_mode(0o644)).unwrap();
            assert!(matches!(
                KunciTandaTangan::load(&sk, &pk, false),
                Err(KunciError::IzinTerbuka { .. })
            ));
        }
        assert!(!format!("{k1:?}").contains(&hex::encode(k1.key.to_bytes())));
        let sig = k1.sign_hex(b"pesan");
        assert!(k1.publik().verifies(b"pesan", &sig));
        assert!(!k1.publik().verifies(b"pesan lain", &sig));
        fs::remove_dir_all(&dir).unwrap();
    }
}
