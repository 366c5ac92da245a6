# The bus control plane pages (pages/bus/kendali/, templates/bus_kendali_*.html).

## Shared labels
bk-label-versi = Version
bk-label-status = Status
bk-label-klasifikasi = Classification
bk-label-deskripsi = Description
bk-label-url-hulu = Upstream URL
bk-label-nik = NIK-carrying fields
bk-label-nik-query = Query parameters carrying NIKs
bk-label-nik-request = Request JSON fields carrying NIKs
bk-label-nik-response = Response JSON fields carrying NIKs
bk-label-openapi = OpenAPI 3 document (JSON)
bk-label-kunci = Service
bk-label-jalur = Path on the gateway
bk-label-putusan = Decision
bk-label-catatan = Note
bk-label-konsumen = Consumer
bk-label-layanan = Service
bk-label-tujuan = Purpose
bk-label-dasar-hukum = Legal basis
bk-label-berlaku-sampai = Valid until
bk-label-aplikasi = Application
bk-label-jenis = Credential type
bk-label-client-id = Client ID
bk-label-petunjuk = Secret prefix
bk-label-rahasia = Secret
bk-label-definisi = Definition
bk-label-tipe = Data type
bk-label-satuan = Unit
bk-label-referensi = Reference
bk-kolom-nik = NIK
bk-kolom-metode = Method
bk-kolom-path = Path
bk-kolom-ringkasan = Summary
bk-kolom-parameter = Parameters
bk-didaftarkan = Registered
bk-diubah = Last changed
bk-diterbitkan = Issued
bk-diminta-oleh = Requested by
bk-diajukan-pada = proposed { $waktu }
bk-aktif = Active
bk-dicabut = Revoked
bk-wajib = required
bk-tanpa-tls = no TLS
bk-tidak-cocok = Nothing matches the filters.
bk-jumlah-dari = Showing { $n } of { $total } services.

## Statuses, classifications, decisions
bk-status-usulan = Proposed
bk-status-aktif = Active
bk-status-ditolak = Refused
bk-status-nonaktif = Switched off
bk-izin-usulan = Requested
bk-izin-aktif = Active
bk-izin-ditolak = Refused
bk-izin-kedaluwarsa = Expired
bk-izin-dicabut = Revoked
bk-klasifikasi-biasa = Ordinary
bk-klasifikasi-terbatas = Restricted
bk-klasifikasi-rahasia = Secret
bk-putusan-setujui = Approved
bk-putusan-tolak = Refused
bk-putusan-nonaktifkan = Switched off
bk-putusan-aktifkan = Switched on again
bk-putusan-cabut = Revoked
bk-setujui = Approve
bk-tolak = Refuse
bk-nonaktifkan = Switch the service off
bk-aktifkan = Switch on again
bk-catatan-bantuan = Result of the operational and security review (000 Article 22(4)(c)). Required to refuse.

## Directory
bk-direktori-judul = Service directory
bk-direktori-pengantar = Services the agencies offer through the service bus. A new or changed service is served by the gateway only after the Dinas approves it.
bk-direktori-kosong = No services registered yet.
bk-daftarkan-layanan = Register a service
bk-nik-penanda-bantuan = This service declares NIK-carrying fields; every access is recorded in the personal-data ledger.

## Service form
bk-layanan-baru-judul = Register a service
bk-layanan-ubah-judul = Edit service { $nama }
bk-layanan-baru-pengantar = A service is registered as a proposal and becomes active after the Dinas' operational and security review.
bk-layanan-ubah-tinjau-lagi = A change sends the service back to the Dinas' review; the gateway stops serving it until approved again (unless it is switched off).
bk-kode-bantuan = Part of the gateway path: 2–64 lower-case letters, digits, - or _, starting with a letter. Cannot change after registration.
bk-versi-bantuan = v followed by digits, e.g. v1 or v2.1. A new version is registered as a service of its own.
bk-url-hulu-bantuan = Base address of the real service on the intranet, e.g. https://10.1.2.3:8443/api. No query, no password.
bk-nik-bantuan = Names separated by commas. The gateway records a keyed hash (HMAC) of each NIK in these fields, never the NIK.
bk-openapi-bantuan = A JSON file with openapi 3.x, info.title and paths; at most { $batas }. YAML is not supported yet.
bk-openapi-ubah-bantuan = Leave empty to keep the current document ({ $nama }).
bk-openapi-ubah-kosong = This service has no document yet.
bk-openapi-pilih-lagi = The chosen file was not kept because of the errors; choose it again before sending.

## Service page
bk-kembali-direktori = ← Back to the service directory
bk-tinjauan-dinas = Dinas review
bk-tinjau-pengantar = Check the upstream URL, classification, NIK fields and operations below before deciding.
bk-nonaktifkan-bantuan = The gateway refuses every call to a switched-off service until it is switched on again.
bk-ditolak-bantuan = Refused; the owning agency may edit and propose it again.
bk-operasi-judul = Operations
bk-operasi-jumlah = { $n } operations
bk-operasi-kosong = The document holds no operations.
bk-unduh-openapi = Download the OpenAPI document
bk-dokumen-tidak-ada = No OpenAPI document available.
bk-tanpa-tag = Untagged
bk-usang = deprecated
bk-mirip-nik = looks like a NIK
bk-mirip-nik-bantuan = Named like a NIK but not declared as NIK-carrying, so its accesses are not recorded in the personal-data ledger.
bk-nik-di-permintaan = request
bk-nik-di-jawaban = response
bk-nik-tak-ditemukan = NIK fields declared but not found in the document: { $nama }.
bk-riwayat-tinjauan = Review history
bk-riwayat-kosong = No decisions yet.
bk-izin-pada-layanan = Grants on this service

## Review queue
bk-tinjauan-judul = Dinas review
bk-tinjauan-pengantar = Services and grants awaiting the operational and security review, oldest first.
bk-tinjauan-galat = The decision was not saved; see the note at the marked proposal.
bk-tinjauan-layanan = Proposed services ({ $n })
bk-tinjauan-layanan-kosong = No services waiting.
bk-tinjauan-izin = Requested grants ({ $n })
bk-tinjauan-izin-kosong = No grants waiting.
bk-lihat-operasi = see operations

## Consumers
bk-konsumen-judul = Consumers
bk-konsumen-pengantar = Agency applications calling services through the gateway, with credentials issued by Simpul.
bk-konsumen-kosong = No consumers yet.
bk-daftarkan-konsumen = Register a consumer
bk-konsumen-baru-pengantar = A consumer stands for one agency application. Once registered, issue a credential and request grants to services.
bk-kode-konsumen-bantuan = The consumer's id on the gateway and in the evidence (X-Road-Client): 2–64 lower-case letters, digits, - or _, unique in the region.
bk-aplikasi-bantuan = Name of the calling application, as in the application catalogue.
bk-kembali-konsumen = ← Back to the consumers
bk-cabut-konsumen = Revoke consumer
bk-cabut-konsumen-bantuan = The gateway refuses all its credentials at once. Cannot be undone.
bk-kredensial-judul = Credentials
bk-kredensial-pengantar = Simpul keeps only the SHA-256 digest of each secret; a secret cannot be shown again.
bk-kredensial-kosong = No credentials yet.
bk-jenis-api-key = API key (X-Api-Key)
bk-jenis-oauth = OAuth2 client (client credentials)
bk-terbitkan-judul = Issue a credential
bk-terbitkan-bantuan = The secret is shown only once, on the next page.
bk-terbitkan = Issue
bk-rahasia-judul = { $jenis } issued
bk-rahasia-sekali = Copy this secret now. It is shown only this once and never again; if lost, revoke this credential and issue a new one.
bk-rahasia-cara = Keep it in the application's secret store, not in source code or e-mail.
bk-izin-konsumen = Grants of this consumer

## Grants
bk-izin-judul = Grants
bk-izin-pengantar = A grant lets a consumer call a service for a purpose, on a legal basis, until a date. It becomes active after the Dinas approves it.
bk-izin-kosong = No grants yet.
bk-minta-izin = Request a grant
bk-izin-baru-pengantar = The Dinas reviews the request; the gateway serves only after approval.
bk-izin-tanpa-konsumen = Your agency has no consumer yet.
bk-tujuan-bantuan = What the data is used for, e.g. payroll reconciliation.
bk-dasar-hukum-bantuan = The regulation the exchange rests on, e.g. PP 94/2021.
bk-berlaku-sampai-bantuan = Last day of the grant; five years at most.
bk-ajukan = Submit

## Data elements
bk-elemen-judul = Data elements
bk-elemen-pengantar = Data element definitions following the Satu Data Indonesia standard, so service fields mean the same in every agency. Set by the Dinas.
bk-elemen-kosong = No data elements yet.
bk-elemen-baru = Add a data element
bk-elemen-ubah-judul = Edit element { $nama }
bk-nama-elemen-bantuan = Machine name: lower-case letters, digits and _, starting with a letter, e.g. kode_wilayah.
bk-satuan-bantuan = Unit of measure if any, e.g. persons or rupiah.
bk-referensi-bantuan = Reference code list or standard, e.g. Kemendagri region codes.
bk-tipe-teks = Text
bk-tipe-bilangan-bulat = Integer
bk-tipe-desimal = Decimal
bk-tipe-tanggal = Date
bk-tipe-boolean = Yes/no
bk-tipe-kode = Code
bk-tipe-objek = Object

## Messages after a redirect
flash-bk-layanan-didaftarkan = Service registered as a proposal, awaiting the Dinas' review.
flash-bk-layanan-diubah = Changes saved; the service awaits the Dinas' review.
flash-bk-diputuskan-setujui = Approved.
flash-bk-diputuskan-tolak = Refused; the note is recorded.
flash-bk-diputuskan-nonaktifkan = Service switched off.
flash-bk-diputuskan-aktifkan = Service switched on again.
flash-bk-diputuskan-cabut = Grant revoked.
flash-bk-izin-diminta = Grant requested, awaiting the Dinas' review.
flash-bk-konsumen-didaftarkan = Consumer registered. Issue its credentials below.
flash-bk-konsumen-dicabut = Consumer revoked; the gateway refuses all its credentials.
flash-bk-kredensial-dicabut = Credential revoked.
flash-bk-elemen-disimpan = Data element saved.
flash-galat-bk-status-berubah = Not saved: the status has changed meanwhile. Check the current state.
flash-galat-bk-tidak-dapat = Not possible in the current status.
