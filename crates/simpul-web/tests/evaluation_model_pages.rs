//! The calculator page and the model pages: results with the Indonesian decimal comma,
//! invalid input shown back with its errors, the provisional model marked, the
//! crosswalk, and the region's wording of criteria (who may change it, and refusals
//! that store nothing).

#![allow(clippy::unwrap_used)]

mod common;

use common::*;

async fn stored_criteria(
    app: &TestApp,
    model: &str,
) -> Vec<simpul_store::evaluasi::kriteria::Kriteria> {
    simpul_store::evaluasi::kriteria::of_model(&app.db, model)
        .await
        .unwrap()
}

/// Form fields giving `level` to indicators `from..=to`.
fn fields(ranges: &[(u32, u32, &str)]) -> Vec<(String, String)> {
    ranges
        .iter()
        .flat_map(|(from, to, v)| (*from..=*to).map(move |n| (format!("n{n}"), (*v).to_owned())))
        .collect()
}

async fn post(s: &Session, path: &str, f: &[(String, String)]) -> (u16, String) {
    let refs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = s.post_form(path, &refs).await;
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test]
async fn the_calculator_shows_the_index_with_a_decimal_comma_and_what_to_raise() {
    let app = spawn_app().await;
    let s = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let r = s.get("/evaluasi/kalkulator?model=spbe-2020").await;
    assert_eq!(r.status(), 200);
    let form = r.text().await.unwrap();
    assert!(
        form.contains("name=\"n47\"")
            && form.contains("3 – Terdefinisi")
            && form.contains("3 – Transaksi")
    );
    assert!(
        !form.contains("id=\"indeks\""),
        "no result before a submission"
    );

    // The mix of the API test: Σ = 297,5, index 2,975.
    let mut f = fields(&[
        (1, 10, "2"),
        (11, 14, "3"),
        (15, 17, "4"),
        (18, 18, "2"),
        (21, 28, "2"),
        (29, 31, "3"),
        (32, 41, "4"),
        (42, 47, "3"),
    ]);
    f.push(("model".into(), "spbe-2020".into()));
    let (st, page) = post(&s, "/evaluasi/kalkulator", &f).await;
    assert_eq!(st, 200, "{page}");
    assert!(page.contains("id=\"indeks\">2,98<"), "{page}");
    assert!(page.contains("id=\"predikat\">Baik<"));
    assert!(page.contains("2 indikator belum diisi dan dihitung pada level 1: 19, 20."));
    assert!(page.contains("<td class=\"num\">3,50</td>"), "aspect A3");
    assert!(page.contains("<td class=\"num\">2,27</td>"), "domain D3");
    assert!(
        page.contains("<td class=\"num\">16,50</td>"),
        "domain D3's weight"
    );
    // What-if: five suggestions, the heaviest first, each with the index it gives.
    let saran = &page[page.find("id=\"saran\"").unwrap()..];
    let saran = &saran[..saran.find("</table>").unwrap()];
    assert_eq!(saran.matches("<tr>").count(), 6, "a header and five rows");
    assert!(saran.contains("42. ") && saran.contains("+0,03") && saran.contains("3,01"));
    assert!(page.contains("Menuju predikat Sangat Baik (indeks paling sedikit 3,50): 18 kenaikan satu level, indeks menjadi 3,50."));
    // The values entered are selected again under the result.
    assert!(page.contains("<option value=\"4\" selected>4 – Kolaborasi</option>"));

    // The same scenario as a link (GET), and all at 3 gives 3,00.
    let q: Vec<String> = (1..=47).map(|n| format!("n{n}=3")).collect();
    let r = s
        .get(&format!(
            "/evaluasi/kalkulator?model=spbe-2020&{}",
            q.join("&")
        ))
        .await;
    let page = r.text().await.unwrap();
    assert!(page.contains("id=\"indeks\">3,00<") && page.contains("Semua indikator sudah diisi."));
}

#[tokio::test]
async fn invalid_values_come_back_with_their_errors_and_nothing_is_computed() {
    let app = spawn_app().await;
    let s = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let before = audit_len(&app.db).await;
    let f: Vec<(String, String)> = [
        ("model", "pemdi-2026"),
        ("n1", "6"),
        ("n2", "3,5"),
        ("n5", "9,99"),
        ("n6", "3,45"),
        ("n99", "2"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let (st, page) = post(&s, "/evaluasi/kalkulator", &f).await;
    assert_eq!(st, 422, "{page}");
    assert!(!page.contains("id=\"indeks\""));
    assert!(page.contains("Level 6 di luar rentang"));
    assert!(page.contains("nilai desimal hanya untuk indikator eksternal"));
    assert!(page.contains("Nilai 9,99 di luar rentang 1,00 sampai 5,00."));
    assert!(page.contains("Indikator nomor 99 tidak ada di model ini."));
    assert!(
        page.contains("href=\"#f-n5\""),
        "the summary links to the field"
    );
    // What was typed stays in the form, valid or not.
    assert!(page.contains("name=\"n5\" value=\"9,99\""));
    assert!(page.contains("name=\"n6\" value=\"3,45\""));
    assert!(page.contains("<option value=\"6\" selected>6</option>"));
    assert_eq!(audit_len(&app.db).await, before);
    // An unknown model is a 404 page.
    assert_eq!(
        s.get("/evaluasi/kalkulator?model=spbe-1999").await.status(),
        404
    );
}

#[tokio::test]
async fn the_provisional_model_says_so_with_its_provenance() {
    let app = spawn_app().await;
    let s = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let page = s
        .get("/evaluasi/kalkulator?model=pemdi-2026")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("badge badge-warn\">Sementara"));
    assert!(page.contains("Model ini bersifat sementara"));
    assert!(
        page.contains("dilaporkan ditetapkan pada 1 Juni 2026"),
        "the provenance"
    );
    assert!(
        page.contains("href=\"/evaluasi/kalkulator?model=spbe-2020\""),
        "the switcher"
    );
    assert!(
        page.contains("inputmode=\"decimal\""),
        "external indicators take a value"
    );

    let list = s.get("/evaluasi/model").await.text().await.unwrap();
    assert!(list.contains("Evaluasi SPBE") && list.contains("Evaluasi Pemerintah Digital"));
    assert!(list.contains("Peraturan Menteri PANRB Nomor 59 Tahun 2020"));
    assert!(
        list.contains("2018–2025")
            && list.contains("47 indikator")
            && list.contains("4 indikator bernilai eksternal")
    );
    assert_eq!(list.matches("badge badge-warn\">Sementara").count(), 1);

    let p = s
        .get("/evaluasi/model/pemdi-2026")
        .await
        .text()
        .await
        .unwrap();
    assert!(p.contains("Bukti dukung indikator spbe-2020 yang dapat dipakai ulang:"));
    assert!(p.contains("href=\"/evaluasi/model/spbe-2020#i11\""));
    assert!(p.contains("Pemanfaatan ulang bukti dari spbe-2020"));
    let old = s
        .get("/evaluasi/model/spbe-2020")
        .await
        .text()
        .await
        .unwrap();
    assert!(old.contains("id=\"i47\"") && old.contains("Bukti dukung"));
    assert!(
        old.contains("Bukti dukung indikator ini juga dapat mendukung indikator pemdi-2026: 1")
    );
    assert!(old.contains("Kriteria hanya dapat diubah oleh administrator evaluasi daerah."));
    assert!(
        !old.contains("/kriteria?nomor="),
        "no edit links for a PD operator"
    );
    assert_eq!(s.get("/evaluasi/model/spbe-1999").await.status(), 404);
}

#[tokio::test]
async fn the_administrator_rewords_criteria_and_others_cannot() {
    let app = spawn_app().await;
    let admin = app.login(SUPER_ADMIN, PASSWORD).await;
    let op = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let path = "/evaluasi/model/spbe-2020/kriteria";

    // A PD operator: neither the form nor the change, and nothing is stored.
    let before = audit_len(&app.db).await;
    assert_eq!(
        op.get(&format!("{path}?nomor=18&level=3")).await.status(),
        403
    );
    let r = op
        .post_form(
            path,
            &[("nomor", "18"), ("level", "3"), ("teks", "Bukan wewenang.")],
        )
        .await;
    assert_eq!(r.status(), 403);
    assert!(stored_criteria(&app, "spbe-2020").await.is_empty());
    assert_eq!(audit_len(&app.db).await, before);

    // The administrator: the form shows the file's wording, the change is stored,
    // shown on the model page and in the API, and audited.
    let detail = admin
        .get("/evaluasi/model/spbe-2020")
        .await
        .text()
        .await
        .unwrap();
    assert!(detail.contains("/evaluasi/model/spbe-2020/kriteria?nomor=18&amp;level=3"));
    let form = admin.get(&format!("{path}?nomor=18&level=3")).await;
    assert_eq!(form.status(), 200);
    assert!(form.text().await.unwrap().contains("id=\"rumusan-berkas\""));
    let r = admin
        .post_form(
            path,
            &[
                ("nomor", "18"),
                ("level", "3"),
                (
                    "teks",
                    "  Rumusan resmi: layanan penghubung dipakai oleh semua PD.  ",
                ),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        location(&r),
        "/evaluasi/model/spbe-2020?pesan=evmodel-kriteria-disimpan#i18"
    );
    let stored = stored_criteria(&app, "spbe-2020").await;
    assert_eq!((stored.len(), stored[0].nomor, stored[0].level), (1, 18, 3));
    assert_eq!(
        stored[0].teks,
        "Rumusan resmi: layanan penghubung dipakai oleh semua PD."
    );
    assert_eq!(audit_len(&app.db).await, before + 1);
    let page = admin.get(&location(&r)).await.text().await.unwrap();
    assert!(page.contains("Rumusan kriteria daerah tersimpan."));
    assert!(page.contains("Rumusan resmi: layanan penghubung dipakai oleh semua PD. <span class=\"badge badge-ok\">Rumusan daerah</span>"));

    // Bad input: every problem named, the values kept, nothing stored.
    let long = "x".repeat(4001);
    let r = admin
        .post_form(path, &[("nomor", "99"), ("level", "6"), ("teks", &long)])
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("Indikator &#34;99&#34; tidak ada di model ini (1 sampai 47)."));
    assert!(page.contains("Level 6 di luar rentang; level 1 sampai 5."));
    assert!(page.contains("Kriteria paling panjang 4.000 karakter; yang diisi 4.001 karakter."));
    assert!(page.contains(&long), "the text typed is kept");
    let r = admin
        .post_form(path, &[("nomor", "tiga"), ("level", ""), ("teks", "Teks")])
        .await;
    assert_eq!(r.status(), 422);
    assert_eq!(stored_criteria(&app, "spbe-2020").await, stored);
    assert_eq!(audit_len(&app.db).await, before + 1);
    assert_eq!(
        admin
            .post_form(
                "/evaluasi/model/spbe-1999/kriteria",
                &[("nomor", "1"), ("level", "1"), ("teks", "x")]
            )
            .await
            .status(),
        404
    );

    // An empty text restores the file's wording.
    let r = admin
        .post_form(path, &[("nomor", "18"), ("level", "3"), ("teks", " ")])
        .await;
    assert_eq!(
        location(&r),
        "/evaluasi/model/spbe-2020?pesan=evmodel-kriteria-dipulihkan#i18"
    );
    assert!(stored_criteria(&app, "spbe-2020").await.is_empty());
    let page = admin
        .get("/evaluasi/model/spbe-2020")
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Rumusan resmi: layanan penghubung"));
}
