//! The regulations side by side (issue: "a region drafting its own regulation starts
//! here"): obligations aligned by id across profiles, with where they differ.

use super::{Kewajiban, Profil};

/// One obligation id across profiles.
#[derive(Debug, Clone)]
pub struct Baris<'a> {
    /// The obligation id shared by the profiles.
    pub id: &'a str,
    /// Chapter, from the first profile that has it.
    pub bab: &'a str,
    /// Per profile (in the order given), its obligation of this id, if any.
    pub sel: Vec<Option<&'a Kewajiban>>,
    /// Whether the profiles that have it disagree on cadence or responsibility, or some
    /// profiles lack it.
    pub berbeda: bool,
}

/// Align the obligations of `profiles` by id: rows in order of first appearance (first
/// profile first), each with one cell per profile.
pub fn banding<'a>(profiles: &[&'a Profil]) -> Vec<Baris<'a>> {
    let mut rows: Vec<Baris<'a>> = Vec::new();
    for p in profiles {
        for k in &p.kewajiban {
            if rows.iter().any(|r| r.id == k.id) {
                continue;
            }
            let sel: Vec<Option<&'a Kewajiban>> =
                profiles.iter().map(|q| q.kewajiban(&k.id)).collect();
            let present: Vec<&'a Kewajiban> = sel.iter().flatten().copied().collect();
            let berbeda = present.len() < profiles.len()
                || present.windows(2).any(|w| {
                    w[0].jadwal != w[1].jadwal
                        || w[0].subjek != w[1].subjek
                        || w[0].penanggung_jawab != w[1].penanggung_jawab
                });
            rows.push(Baris {
                id: &k.id,
                bab: &k.bab,
                sel,
                berbeda,
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compliance::profile::{Profil, SHIPPED};

    fn shipped() -> Vec<Profil> {
        SHIPPED
            .iter()
            .map(|(k, t)| Profil::parse(k, t).unwrap())
            .collect()
    }

    #[test]
    fn aligns_by_id_and_marks_differences() {
        let all = shipped();
        let refs: Vec<&Profil> = all.iter().collect();
        let rows = banding(&refs);
        let total: usize = all.iter().map(|p| p.kewajiban.len()).sum();
        let cells: usize = rows.iter().map(|r| r.sel.iter().flatten().count()).sum();
        assert_eq!(cells, total, "every obligation appears exactly once");
        let audit = rows
            .iter()
            .find(|r| r.id == "audit-aplikasi-khusus")
            .unwrap();
        assert!(audit.berbeda, "yearly in Tanah Bumbu, two-yearly elsewhere");
        assert!(audit.sel.iter().filter(|c| c.is_some()).count() >= 3);
        // A profile compared with itself differs nowhere.
        let one = [&all[0], &all[0]];
        assert!(banding(&one).iter().all(|r| !r.berbeda));
    }
}
