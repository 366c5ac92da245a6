//! Reading entries back, in order, from a given sequence number on: what the indexer
//! that feeds the database search uses. Reading does not verify (that is
//! [`super::verify`]'s job); it skips partial last lines and reports unreadable ones.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use super::line;
use super::record::Isi;
use super::segment;
use crate::hash::Hash256;

/// One entry read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rekaman {
    /// Its sequence number.
    pub seq: u64,
    /// Its hash.
    pub hash: Hash256,
    /// What it records.
    pub isi: Isi,
    /// The segment number it is in.
    pub segmen: u64,
    /// Its line in that segment (1-based).
    pub baris: u64,
}

/// Why an entry could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BacaError {
    /// A segment could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        source: io::Error,
    },
    /// A line is not a valid entry.
    #[error("{segmen} baris {baris}: {rincian}")]
    Rusak {
        /// Segment file name.
        segmen: String,
        /// Line (1-based).
        baris: u64,
        /// What is wrong.
        rincian: String,
    },
}

/// Iterator over the entries of a log from a sequence number on.
pub struct Pembaca {
    segs: VecDeque<(u64, PathBuf)>,
    cur: Option<Segmen>,
    mulai: u64,
}

struct Segmen {
    no: u64,
    bytes: Vec<u8>,
    pos: usize,
    baris: u64,
}

impl Pembaca {
    /// Read the log in `dir` from entry `mulai_seq` on (1: from the start). Segments
    /// that end before it are skipped without being read in full.
    pub fn open(dir: &Path, mulai_seq: u64) -> io::Result<Self> {
        let all = segment::daftar(dir)?;
        let mut segs = VecDeque::with_capacity(all.len());
        for (i, s) in all.iter().enumerate() {
            let skip = match all.get(i + 1) {
                Some((_, next)) => first_seq(next)?.is_some_and(|f| f <= mulai_seq),
                None => false,
            };
            if !skip {
                segs.push_back(s.clone());
            }
        }
        Ok(Self {
            segs,
            cur: None,
            mulai: mulai_seq,
        })
    }
}

/// The sequence number of a segment's first line, if it has a readable one.
fn first_seq(path: &Path) -> io::Result<Option<u64>> {
    let mut line = Vec::new();
    BufReader::new(File::open(path)?).read_until(b'\n', &mut line)?;
    if line.pop() != Some(b'\n') {
        return Ok(None);
    }
    Ok(line::parse(&line).ok().map(|b| b.seq))
}

impl Iterator for Pembaca {
    type Item = Result<Rekaman, BacaError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let Some(cur) = self.cur.as_mut() else {
                let (no, path) = self.segs.pop_front()?;
                match std::fs::read(&path) {
                    Ok(bytes) => {
                        self.cur = Some(Segmen {
                            no,
                            bytes,
                            pos: 0,
                            baris: 0,
                        })
                    }
                    Err(source) => return Some(Err(BacaError::Io { path, source })),
                }
                continue;
            };
            let rest = &cur.bytes[cur.pos..];
            let Some(nl) = rest.iter().position(|b| *b == b'\n') else {
                self.cur = None;
                continue;
            };
            let l = &rest[..nl];
            cur.pos += nl + 1;
            cur.baris += 1;
            match line::parse(l) {
                Ok(b) if b.seq < self.mulai => {}
                Ok(b) => {
                    return Some(Ok(Rekaman {
                        seq: b.seq,
                        hash: b.hash,
                        isi: b.isi,
                        segmen: cur.no,
                        baris: cur.baris,
                    }));
                }
                Err(e) => {
                    return Some(Err(BacaError::Rusak {
                        segmen: segment::nama(cur.no),
                        baris: cur.baris,
                        rincian: format!("{e:?}"),
                    }));
                }
            }
        }
    }
}
