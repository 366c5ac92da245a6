# The bus control plane pages (pages/bus/kendali/, templates/bus_kendali_*.html).

## Shared labels
bk-label-versi = Versi
bk-label-status = Status
bk-label-klasifikasi = Klasifikasi
bk-label-deskripsi = Deskripsi
bk-label-url-hulu = URL hulu
bk-label-nik = Kolom pembawa NIK
bk-label-nik-query = Parameter kueri pembawa NIK
bk-label-nik-request = Kolom JSON permintaan pembawa NIK
bk-label-nik-response = Kolom JSON jawaban pembawa NIK
bk-label-openapi = Dokumen OpenAPI 3 (JSON)
bk-label-kunci = Layanan
bk-label-jalur = Jalur di gerbang
bk-label-putusan = Putusan
bk-label-catatan = Catatan
bk-label-konsumen = Konsumen
bk-label-layanan = Layanan
bk-label-tujuan = Tujuan
bk-label-dasar-hukum = Dasar hukum
bk-label-berlaku-sampai = Berlaku sampai
bk-label-aplikasi = Aplikasi
bk-label-jenis = Jenis kredensial
bk-label-client-id = Client ID
bk-label-petunjuk = Awalan rahasia
bk-label-rahasia = Rahasia
bk-label-definisi = Definisi
bk-label-tipe = Tipe data
bk-label-satuan = Satuan
bk-label-referensi = Referensi
bk-kolom-nik = NIK
bk-kolom-metode = Metode
bk-kolom-path = Path
bk-kolom-ringkasan = Ringkasan
bk-kolom-parameter = Parameter
bk-didaftarkan = Didaftarkan
bk-diubah = Terakhir diubah
bk-diterbitkan = Diterbitkan
bk-diminta-oleh = Diminta oleh
bk-diajukan-pada = diajukan { $waktu }
bk-aktif = Aktif
bk-dicabut = Dicabut
bk-wajib = wajib
bk-tanpa-tls = tanpa TLS
bk-tidak-cocok = Tidak ada data yang cocok dengan saringan.
bk-jumlah-dari = Menampilkan { $n } dari { $total } layanan.

## Statuses, classifications, decisions
bk-status-usulan = Usulan
bk-status-aktif = Aktif
bk-status-ditolak = Ditolak
bk-status-nonaktif = Nonaktif
bk-izin-usulan = Usulan
bk-izin-aktif = Aktif
bk-izin-ditolak = Ditolak
bk-izin-kedaluwarsa = Kedaluwarsa
bk-izin-dicabut = Dicabut
bk-klasifikasi-biasa = Biasa
bk-klasifikasi-terbatas = Terbatas
bk-klasifikasi-rahasia = Rahasia
bk-putusan-setujui = Disetujui
bk-putusan-tolak = Ditolak
bk-putusan-nonaktifkan = Dinonaktifkan
bk-putusan-aktifkan = Diaktifkan kembali
bk-putusan-cabut = Dicabut
bk-setujui = Setujui
bk-tolak = Tolak
bk-nonaktifkan = Nonaktifkan layanan
bk-aktifkan = Aktifkan kembali
bk-catatan-bantuan = Hasil tinjauan operasional dan keamanan (000 Pasal 22 ayat (4) huruf c). Wajib diisi bila menolak.

## Directory
bk-direktori-judul = Direktori layanan
bk-direktori-pengantar = Layanan yang dibuka Perangkat Daerah melalui Sistem Penghubung Layanan. Layanan baru atau yang diubah baru dilayani gerbang setelah disetujui Dinas.
bk-direktori-kosong = Belum ada layanan terdaftar.
bk-daftarkan-layanan = Daftarkan layanan
bk-nik-penanda-bantuan = Layanan ini menyatakan kolom pembawa NIK; setiap akses dicatat di buku besar data pribadi.

## Service form
bk-layanan-baru-judul = Daftarkan layanan
bk-layanan-ubah-judul = Ubah layanan { $nama }
bk-layanan-baru-pengantar = Layanan didaftarkan sebagai usulan dan baru aktif setelah tinjauan operasional dan keamanan oleh Dinas.
bk-layanan-ubah-tinjau-lagi = Perubahan mengembalikan layanan ke tinjauan Dinas; gerbang berhenti melayaninya sampai disetujui lagi (kecuali layanan yang sedang dinonaktifkan).
bk-kode-bantuan = Bagian jalur di gerbang: 2–64 huruf kecil, angka, - atau _, diawali huruf. Tidak dapat diubah setelah didaftarkan.
bk-versi-bantuan = v diikuti angka, mis. v1 atau v2.1. Versi baru didaftarkan sebagai layanan tersendiri.
bk-url-hulu-bantuan = Alamat dasar layanan asli di jaringan intra, mis. https://10.1.2.3:8443/api. Tanpa kueri dan tanpa kata sandi.
bk-nik-bantuan = Nama dipisahkan koma. Gerbang mencatat sidik (HMAC) setiap NIK pada kolom ini, tidak pernah NIK-nya.
bk-openapi-bantuan = Berkas JSON dengan openapi 3.x, info.title dan paths; paling besar { $batas }. YAML belum didukung.
bk-openapi-ubah-bantuan = Kosongkan untuk tetap memakai dokumen sekarang ({ $nama }).
bk-openapi-ubah-kosong = Layanan ini belum punya dokumen.
bk-openapi-pilih-lagi = Berkas yang dipilih tidak disimpan karena ada kesalahan; pilih lagi sebelum mengirim ulang.

## Service page
bk-kembali-direktori = ← Kembali ke direktori layanan
bk-tinjauan-dinas = Tinjauan Dinas
bk-tinjau-pengantar = Periksa URL hulu, klasifikasi, kolom NIK dan operasi di bawah sebelum memutuskan.
bk-nonaktifkan-bantuan = Gerbang menolak setiap panggilan ke layanan nonaktif sampai diaktifkan kembali.
bk-ditolak-bantuan = Layanan ditolak; PD pemilik dapat mengubahnya dan mengusulkannya lagi.
bk-operasi-judul = Operasi
bk-operasi-jumlah = { $n } operasi
bk-operasi-kosong = Dokumen tidak memuat operasi.
bk-unduh-openapi = Unduh dokumen OpenAPI
bk-dokumen-tidak-ada = Dokumen OpenAPI tidak tersedia.
bk-tanpa-tag = Tanpa tag
bk-usang = usang
bk-mirip-nik = mirip NIK
bk-mirip-nik-bantuan = Namanya mirip NIK tetapi tidak dinyatakan sebagai kolom pembawa NIK, sehingga aksesnya tidak tercatat di buku besar data pribadi.
bk-nik-di-permintaan = permintaan
bk-nik-di-jawaban = jawaban
bk-nik-tak-ditemukan = Kolom NIK yang dinyatakan tetapi tidak ditemukan di dokumen: { $nama }.
bk-riwayat-tinjauan = Riwayat tinjauan
bk-riwayat-kosong = Belum ada putusan.
bk-izin-pada-layanan = Izin akses pada layanan ini

## Review queue
bk-tinjauan-judul = Tinjauan Dinas
bk-tinjauan-pengantar = Layanan dan izin akses yang menunggu tinjauan operasional dan keamanan, yang terlama di atas.
bk-tinjauan-galat = Putusan belum tersimpan; lihat keterangan pada usulan yang ditandai.
bk-tinjauan-layanan = Layanan diusulkan ({ $n })
bk-tinjauan-layanan-kosong = Tidak ada layanan yang menunggu.
bk-tinjauan-izin = Izin akses diminta ({ $n })
bk-tinjauan-izin-kosong = Tidak ada izin akses yang menunggu.
bk-lihat-operasi = lihat operasi

## Consumers
bk-konsumen-judul = Konsumen
bk-konsumen-pengantar = Aplikasi Perangkat Daerah yang memanggil layanan melalui gerbang, dengan kredensial yang diterbitkan Simpul.
bk-konsumen-kosong = Belum ada konsumen.
bk-daftarkan-konsumen = Daftarkan konsumen
bk-konsumen-baru-pengantar = Konsumen mewakili satu aplikasi PD. Setelah terdaftar, terbitkan kredensial lalu minta izin akses ke layanan.
bk-kode-konsumen-bantuan = Pengenal konsumen di gerbang dan bukti pertukaran (X-Road-Client): 2–64 huruf kecil, angka, - atau _, unik di seluruh daerah.
bk-aplikasi-bantuan = Nama aplikasi yang memanggil, sebagaimana di katalog aplikasi.
bk-kembali-konsumen = ← Kembali ke daftar konsumen
bk-cabut-konsumen = Cabut konsumen
bk-cabut-konsumen-bantuan = Semua kredensialnya langsung ditolak gerbang. Tidak dapat dibatalkan.
bk-kredensial-judul = Kredensial
bk-kredensial-pengantar = Simpul hanya menyimpan sidik SHA-256 setiap rahasia; rahasia tidak dapat ditampilkan lagi.
bk-kredensial-kosong = Belum ada kredensial.
bk-jenis-api-key = Kunci API (X-Api-Key)
bk-jenis-oauth = Klien OAuth2 (client credentials)
bk-terbitkan-judul = Terbitkan kredensial
bk-terbitkan-bantuan = Rahasia hanya ditampilkan satu kali, pada halaman berikutnya.
bk-terbitkan = Terbitkan
bk-rahasia-judul = { $jenis } diterbitkan
bk-rahasia-sekali = Salin rahasia ini sekarang. Rahasia hanya ditampilkan kali ini dan tidak akan ditampilkan lagi; bila hilang, cabut kredensial ini dan terbitkan yang baru.
bk-rahasia-cara = Simpan di pengelola rahasia aplikasi, jangan di kode sumber atau surel.
bk-izin-konsumen = Izin akses konsumen ini

## Grants
bk-izin-judul = Izin akses
bk-izin-pengantar = Izin konsumen memanggil layanan untuk suatu tujuan dan dasar hukum sampai tanggal tertentu. Izin baru aktif setelah disetujui Dinas.
bk-izin-kosong = Belum ada izin akses.
bk-minta-izin = Minta izin akses
bk-izin-baru-pengantar = Permintaan ditinjau Dinas; gerbang baru melayani setelah disetujui.
bk-izin-tanpa-konsumen = PD Anda belum punya konsumen.
bk-tujuan-bantuan = Untuk apa data dipakai, mis. rekonsiliasi gaji pegawai.
bk-dasar-hukum-bantuan = Peraturan yang mendasari pertukaran, mis. PP 94/2021.
bk-berlaku-sampai-bantuan = Hari terakhir izin berlaku; paling lama lima tahun.
bk-ajukan = Ajukan

## Data elements
bk-elemen-judul = Elemen data
bk-elemen-pengantar = Definisi elemen data menurut standar Satu Data Indonesia, agar kolom layanan berarti sama di semua PD. Ditetapkan oleh Dinas.
bk-elemen-kosong = Belum ada elemen data.
bk-elemen-baru = Tambah elemen data
bk-elemen-ubah-judul = Ubah elemen { $nama }
bk-nama-elemen-bantuan = Nama mesin: huruf kecil, angka dan _, diawali huruf, mis. kode_wilayah.
bk-satuan-bantuan = Satuan ukur bila ada, mis. jiwa atau rupiah.
bk-referensi-bantuan = Kode referensi atau standar, mis. Kode wilayah Kemendagri.
bk-tipe-teks = Teks
bk-tipe-bilangan-bulat = Bilangan bulat
bk-tipe-desimal = Desimal
bk-tipe-tanggal = Tanggal
bk-tipe-boolean = Ya/tidak
bk-tipe-kode = Kode
bk-tipe-objek = Objek

## Messages after a redirect
flash-bk-layanan-didaftarkan = Layanan terdaftar sebagai usulan dan menunggu tinjauan Dinas.
flash-bk-layanan-diubah = Perubahan tersimpan; layanan menunggu tinjauan Dinas.
flash-bk-diputuskan-setujui = Disetujui.
flash-bk-diputuskan-tolak = Ditolak; catatan tersimpan.
flash-bk-diputuskan-nonaktifkan = Layanan dinonaktifkan.
flash-bk-diputuskan-aktifkan = Layanan diaktifkan kembali.
flash-bk-diputuskan-cabut = Izin akses dicabut.
flash-bk-izin-diminta = Permintaan izin akses terkirim dan menunggu tinjauan Dinas.
flash-bk-konsumen-didaftarkan = Konsumen terdaftar. Terbitkan kredensialnya di bawah.
flash-bk-konsumen-dicabut = Konsumen dicabut; semua kredensialnya ditolak gerbang.
flash-bk-kredensial-dicabut = Kredensial dicabut.
flash-bk-elemen-disimpan = Elemen data tersimpan.
flash-galat-bk-status-berubah = Tidak tersimpan: statusnya sudah berubah. Periksa keadaan terbaru.
flash-galat-bk-tidak-dapat = Tidak dapat dilakukan pada status sekarang.
