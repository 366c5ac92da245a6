# Shared by every bus page (pages/bus/mod.rs, templates/_bus_tabs.html).
bus-tab-label = Bagian Penghubung Layanan
bus-tab-direktori = Direktori layanan
bus-tab-konsumen = Konsumen
bus-tab-izin = Izin akses
bus-tab-elemen = Elemen data
bus-tab-tinjauan = Tinjauan Dinas
bus-tab-pertukaran = Pertukaran
bus-tab-pantau = Pemantauan
bus-tab-nik = Lacak NIK
