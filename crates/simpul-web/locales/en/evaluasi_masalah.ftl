# English texts of the problem codes the evaluation pages show (the index calculator,
# the model criteria, evaluation periods and their evidence). `Lang::masalah` looks up
# `masalah-<code>` for English only: Bahasa Indonesia shows the domain's own message,
# which may name the value or indicator concerned; these texts cannot, so they say what
# to do in general. Some codes are shared with other pages (pd_tidak_dikenal,
# tahun_tidak_valid, tanggal_tidak_valid, putusan_tidak_dikenal), so their texts stay
# general enough for every use.

## Numbers, levels and values (calculator, self-assessment, targets)
masalah-angka-kosong = Enter a number.
masalah-bukan-angka = This is not a number; write e.g. 3 or 3,45.
masalah-lebih-dua-desimal = Use at most two decimals, e.g. 3,45.
masalah-angka-terlalu-besar = The number is too large.
masalah-nilai-kosong = Enter a value.
masalah-nilai-bukan-angka = This is not a level; enter a whole number from 1 to 5.
masalah-level-di-luar-rentang = The level is out of range; a level is 1 to 5.
masalah-nilai-di-luar-rentang = The value is out of range; it lies between 1,00 and 5,00.
masalah-nilai-desimal-bukan-eksternal = This indicator is self-assessed with a whole level from 1 to 5; decimal values are only for external indicators.
masalah-target-di-luar-rentang = The target is out of range; it lies between 1,00 and 5,00.
masalah-indikator-tidak-dikenal = This indicator number does not exist in the model.
masalah-aspek-tidak-dikenal = This aspect does not exist in the model.

## Models and periods
masalah-model-tidak-dikenal = Unknown evaluation model; choose one from the list.
masalah-model-tidak-berlaku = This evaluation model does not apply to that index year.
masalah-periode-sudah-ada = An evaluation period for this year and model is already open; open it from the list.
masalah-tahun-tidak-valid = This is not a valid year; write four digits, e.g. 2026.
masalah-tanggal-tidak-valid = This is not a date; write YYYY-MM-DD or DD-MM-YYYY, e.g. 2026-08-17.
masalah-kriteria-kosong = Enter the criteria.
masalah-pd-tidak-dikenal = Unknown agency, or it has been archived.
masalah-pd-utama-satu = Choose exactly one lead agency among the agencies responsible for this indicator.
masalah-bukan-asesor = Choose an employee who holds the internal assessor role.

## Workflow: who may act, and when
masalah-tahap-tidak-sesuai = This cannot be done at the current stage of the period or indicator (it may already be consolidated, submitted or approved).
masalah-tidak-berwenang = You are not allowed to do this for this indicator or period.
masalah-indikator-tanpa-pd-utama = This indicator has no lead agency yet, so it cannot be assessed.
masalah-di-luar-tim-asesor = The agency responsible for this indicator is not in your assessment team for this period.
masalah-level-kosong = The self-assessed level of this indicator has not been entered.
masalah-nilai-eksternal-kosong = The value from the other agency's index has not been recorded for this indicator.
masalah-bukti-dukung-kurang = Supporting evidence is missing: levels build on each other, so every level up to the chosen one needs evidence.
masalah-indikator-belum-dikonsolidasi = The period cannot be submitted yet: some indicators are not consolidated.
masalah-bukti-belum-dinilai = Some supporting evidence has not been reviewed by an assessor yet.

## Self-assessment and supporting evidence
masalah-sumber-kosong = Name the source of this value.
masalah-nama-layanan-kosong = Name the sector public service assessed in this indicator.
masalah-teks-terlalu-panjang = The text is too long.
masalah-judul-kosong = Enter a title for the supporting evidence.
masalah-judul-terlalu-panjang = The title of the supporting evidence is too long.
masalah-tautan-kosong = Enter the link address.
masalah-tautan-tidak-valid = A link must start with http:// or https:// and contain no spaces.
masalah-jenis-bukti-tidak-dikenal = Kind of supporting evidence: file, link, register record or planning document.
masalah-rujukan-tidak-dikenal = Choose an existing register record or planning document.
masalah-bukti-tidak-dikenal = That supporting evidence does not exist.
masalah-bukti-sudah-dilampirkan = This supporting evidence is already attached to that level.
masalah-bukti-sudah-diterima = Supporting evidence already accepted by an assessor cannot be withdrawn.
masalah-putusan-tidak-dikenal = Unknown decision; choose one of the options offered.
masalah-komentar-wajib = Write what needs to be corrected in this supporting evidence.
