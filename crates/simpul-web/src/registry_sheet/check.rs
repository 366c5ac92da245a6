//! Checking every row of an import before anything is stored: the header against the
//! kind's columns, PD codes and the user's right to record for them, each row through
//! [`crate::registry_input::validate_with`] against the register loaded once per file,
//! and the rules across rows (codes unique in the file and in the register, subnets not
//! overlapping one another).

use std::collections::{BTreeMap, HashMap, HashSet};

use simpul_domain::registry::parse::parse_kode;
use simpul_domain::registry::spec::FieldKind;
use simpul_domain::registry::subnet::{Subnet, SubnetPlan};
use simpul_domain::registry::{ItemInput, Jenis, NewItem};
use simpul_store::registry::bulk::{BulkError, create_many};
use simpul_store::registry::item::{self, ItemFilter};
use simpul_store::{Db, StoreError};

use super::read::Table;
use super::{Column, PdIndex, Problem, col_letter, columns};
use crate::auth::User;
use crate::i18n::Lang;
use crate::pages::registry::can_edit;
use crate::registry_input::{Others, validate_with};

/// The records to store, each with its row number, or every problem found.
pub type Checked = Result<Vec<(u32, NewItem)>, Vec<Problem>>;

/// Check `table` as records of `jenis` to be created by `user`.
pub async fn check(
    db: &Db,
    user: &User,
    lang: Lang,
    jenis: Jenis,
    table: &Table,
    pds: &PdIndex,
) -> Result<Checked, StoreError> {
    let cols = columns(jenis);
    let map = match header(table, &cols) {
        Ok(m) => m,
        Err(p) => return Ok(Err(p)),
    };
    let mut problems = table.problems.clone();
    let existing: HashSet<String> = {
        let f = ItemFilter {
            jenis: Some(jenis),
            termasuk_arsip: true,
            ..ItemFilter::default()
        };
        let (all, _) = item::list(db, &f, i64::MAX, 0).await?;
        all.into_iter().map(|i| i.kode).collect()
    };
    // Loaded once for the whole file: per row, a large IP plan made the import quadratic.
    let others = Others::load(db, jenis, None).await?;
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut in_file = SubnetPlan::default();
    let mut out = Vec::with_capacity(table.rows.len());
    for (number, cells) in &table.rows {
        let mut here = Vec::new();
        let mut say = |field: &str, reason: String| {
            let column = map
                .iter()
                .find(|(_, c)| c.name == field)
                .map_or_else(String::new, |(i, c)| {
                    format!("{} ({})", c.name, col_letter(*i))
                });
            here.push(Problem {
                sheet: table.sheet.clone(),
                row: Some(*number),
                column,
                reason,
            });
        };
        let cell = |name: &str| {
            map.iter()
                .find(|(_, c)| c.name == name)
                .and_then(|(i, _)| cells.get(*i))
                .map_or("", |s| s.trim())
        };
        let mut input = ItemInput {
            kode: cell("kode").to_owned(),
            nama: cell("nama").to_owned(),
            deskripsi: cell("deskripsi").to_owned(),
            status: cell("status").to_owned(),
            ..ItemInput::default()
        };
        match (cell("pd"), pds.find(cell("pd"))) {
            ("", _) if !can_edit(user, None) => say(
                "pd",
                "Wajib diisi: Anda hanya boleh mencatat data untuk PD yang Anda kelola.".into(),
            ),
            ("", _) => {}
            (code, None) => say("pd", format!("PD dengan kode \"{code}\" tidak terdaftar.")),
            (code, Some(p)) if p.diarsipkan => {
                say("pd", format!("PD \"{code}\" sudah diarsipkan."));
            }
            (code, Some(p)) if !can_edit(user, Some(p)) => say(
                "pd",
                format!("Anda tidak berwenang mencatat data untuk PD \"{code}\"."),
            ),
            (_, Some(p)) => input.pd = Some(p.id),
        }
        for c in map.values() {
            let Some(spec) = c.spec else { continue };
            let v = cell(c.name);
            if v.is_empty() {
                continue;
            }
            let v = match (spec.kind, pds.find(v)) {
                (FieldKind::PdRef, Some(p)) => p.id.to_string(),
                (FieldKind::PdRef, None) => {
                    say(c.name, format!("PD dengan kode \"{v}\" tidak terdaftar."));
                    continue;
                }
                _ => v.to_owned(),
            };
            input.atribut.insert(c.name.to_owned(), v);
        }
        if let Ok(kode) = parse_kode(&input.kode) {
            if let Some(first) = seen.get(&kode) {
                say(
                    "kode",
                    format!("Kode \"{kode}\" sudah dipakai di baris {first} berkas ini."),
                );
            } else if existing.contains(&kode) {
                say(
                    "kode",
                    format!("Kode \"{kode}\" sudah ada di register untuk jenis ini."),
                );
            }
            seen.entry(kode).or_insert(*number);
        }
        let checked = validate_with(jenis, &input, &others);
        if let Err(fp) = &checked {
            for (field, ms) in &fp.0 {
                let name = field.strip_prefix("atribut.").unwrap_or(field);
                for m in ms {
                    say(name, lang.masalah(m));
                }
            }
        }
        // Every well-formed subnet of the file joins its plan, whatever else is wrong with
        // its row, so each overlap inside the file is named in the first report.
        if let Some(net) = input
            .atribut
            .get("cidr")
            .and_then(|c| Subnet::parse(c).ok())
        {
            if let Err(ms) = in_file.check(&net) {
                for m in ms.0 {
                    say("cidr", format!("{} (di berkas ini)", lang.masalah(&m)));
                }
            }
            let kode = parse_kode(&input.kode).unwrap_or_else(|_| input.kode.clone());
            let label = if kode.is_empty() {
                format!("baris {number}")
            } else {
                format!("{kode} di baris {number}")
            };
            in_file.insert(label, net);
        }
        if let Ok(new) = checked
            && here.is_empty()
        {
            out.push((*number, new));
        }
        problems.append(&mut here);
    }
    Ok(if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    })
}

/// Check the rows, then store them all in one transaction: how many, or the problems.
pub async fn store(
    db: &Db,
    user: &User,
    lang: Lang,
    jenis: Jenis,
    table: &Table,
    pds: &PdIndex,
) -> Result<Result<usize, Vec<Problem>>, StoreError> {
    let rows = match check(db, user, lang, jenis, table, pds).await? {
        Ok(rows) => rows,
        Err(p) => return Ok(Err(p)),
    };
    let (numbers, items): (Vec<u32>, Vec<_>) = rows.into_iter().unzip();
    match create_many(db, &user.actor(), &items).await {
        Ok(stored) => Ok(Ok(stored.len())),
        Err(BulkError { index, error }) => {
            // Checked above; only a change made meanwhile by someone else gets here.
            let reason = match error {
                StoreError::Conflict(_) => {
                    "Kode ini baru saja dipakai catatan lain; unggah lagi.".to_owned()
                }
                StoreError::MissingReference => "PD pemilik tidak ditemukan.".to_owned(),
                other => return Err(other),
            };
            Ok(Err(vec![Problem {
                sheet: table.sheet.clone(),
                row: numbers.get(index).copied(),
                column: String::new(),
                reason,
            }]))
        }
    }
}

/// Which column of the sheet holds which of the kind's columns; every unknown or
/// doubled header and every missing required column is a problem.
fn header<'c>(
    table: &Table,
    cols: &'c [Column],
) -> Result<BTreeMap<usize, &'c Column>, Vec<Problem>> {
    let mut map = BTreeMap::new();
    let mut problems = Vec::new();
    let at = |i: usize, name: &str, reason: String| Problem {
        sheet: table.sheet.clone(),
        row: Some(table.header_row),
        column: if name.is_empty() {
            col_letter(i)
        } else {
            format!("{name} ({})", col_letter(i))
        },
        reason,
    };
    let known: Vec<&str> = cols.iter().map(|c| c.name).collect();
    for (i, h) in table.header.iter().enumerate() {
        let name = h.trim().to_lowercase();
        if name.is_empty() {
            if table
                .rows
                .iter()
                .any(|(_, r)| r.get(i).is_some_and(|v| !v.trim().is_empty()))
            {
                problems.push(at(i, "", "Kolom berisi data tetapi tidak berjudul.".into()));
            }
            continue;
        }
        match cols.iter().find(|c| c.name == name) {
            None => problems.push(at(
                i,
                h,
                format!(
                    "Judul kolom \"{h}\" tidak dikenal. Judul yang dikenal: {}.",
                    known.join(", ")
                ),
            )),
            Some(c) if map.values().any(|m: &&Column| m.name == c.name) => {
                problems.push(at(i, h, format!("Kolom \"{h}\" muncul lebih dari sekali.")));
            }
            Some(c) => {
                map.insert(i, c);
            }
        }
    }
    for c in cols.iter().filter(|c| c.required) {
        if !map.values().any(|m| m.name == c.name) {
            problems.push(Problem {
                sheet: table.sheet.clone(),
                row: Some(table.header_row),
                column: c.name.to_owned(),
                reason: format!(
                    "Kolom wajib \"{}\" tidak ada; pakai judul kolom dari templat.",
                    c.name
                ),
            });
        }
    }
    if problems.is_empty() {
        Ok(map)
    } else {
        Err(problems)
    }
}
