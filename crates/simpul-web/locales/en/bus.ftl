# Shared by every bus page (pages/bus/mod.rs, templates/_bus_tabs.html).
bus-tab-label = Service bus sections
bus-tab-direktori = Service directory
bus-tab-konsumen = Consumers
bus-tab-izin = Access grants
bus-tab-elemen = Data elements
bus-tab-tinjauan = Dinas review
bus-tab-pertukaran = Exchanges
bus-tab-pantau = Monitoring
bus-tab-nik = NIK lookup
