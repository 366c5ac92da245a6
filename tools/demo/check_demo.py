#!/usr/bin/env python3
"""Validate the demo region data in crates/simpul-store/demo/*.toml.

Usage: python3 tools/demo/check_demo.py [DEMO_DIR]

Checks, for each of the five region files: the schema (tables, keys and key order),
the wilayah block, PD kinds, counts, codes and parent (induk) references, exactly one
pengelola_spbe PD, staff NIP validity (birth date, TMT CPNS, sex digit against the name,
sequence), role rules, one demo login per role, and the Tim Koordinasi SPBE (001 Lampiran J):
references, positions and coverage of the 10 fields. NIPs must be unique across ALL files,
because a demo database may load several regions.

Prints every problem (not just the first) and exits 1 if there is any error.
Warnings (exit code unaffected) are printed with "peringatan".
"""
from __future__ import annotations

import datetime
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_DIR = ROOT / "crates" / "simpul-store" / "demo"

# stem -> (kode wilayah, tingkat, kepala daerah)
REGIONS = {
    "tanah-bumbu": ("63.10", "kabupaten", "Bupati"),
    "gorontalo": ("75.71", "kota", "Wali Kota"),
    "tanah-laut": ("63.01", "kabupaten", "Bupati"),
    "pasuruan": ("35.14", "kabupaten", "Bupati"),
    "jambi": ("15", "provinsi", "Gubernur"),
}

TOP_KEYS = ["wilayah", "pd", "pegawai", "tim_koordinasi"]
WILAYAH_KEYS = ["kode", "nama", "tingkat", "kepala_daerah", "ibu_kota", "domain", "profil"]
PD_KEYS = ["kode", "nama", "singkatan", "jenis", "induk", "pengelola_spbe"]
PD_REQUIRED = {"kode", "nama", "singkatan", "jenis"}
PEGAWAI_KEYS = ["nip", "nama", "jabatan", "pd", "peran", "login"]
TIM_KEYS = ["nip", "kedudukan", "bidang"]

JENIS = {"sekretariat_daerah", "sekretariat_dprd", "inspektorat", "dinas", "badan", "satuan",
         "kecamatan", "kelurahan", "rsud", "upt"}
# kinds that must have at least one admin_pd
NEEDS_ADMIN = {"sekretariat_daerah", "sekretariat_dprd", "inspektorat", "dinas", "badan"}
TINGKAT_KEPALA = {"provinsi": "Gubernur", "kabupaten": "Bupati", "kota": "Wali Kota"}
PERAN = ["super_admin", "admin_pd", "operator_pd", "tim_koordinasi", "asesor_internal", "auditor", "pimpinan"]
KEDUDUKAN = {"pembina", "ketua", "wakil_ketua", "sekretaris", "anggota"}
# 001_70e88d1f88706f44.txt Lampiran J, "Anggota ... dikelompokkan menjadi beberapa bidang":
BIDANG = {
    "transformasi_proses_bisnis_risiko": "transformasi proses bisnis digital dan manajemen risiko",
    "perubahan": "manajemen perubahan",
    "sdm": "manajemen SDM",
    "layanan_aset_tik": "manajemen layanan dan Aset TIK, aplikasi dan infrastruktur SPBE",
    "data": "manajemen data",
    "keamanan_informasi": "manajemen keamanan informasi",
    "pengetahuan": "manajemen pengetahuan",
    "penganggaran": "penganggaran SPBE",
    "perencanaan": "perencanaan SPBE",
    "audit_tik": "audit TIK",
}

PD_KODE_RE = re.compile(r"^[A-Z0-9_-]{2,30}$")
DOMAIN_RE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)*\.go\.id$")
NIP_RE = re.compile(r"^\d{18}$")
TMT_MAX = (2026, 10)
PEGAWAI_MIN, PEGAWAI_MAX = 60, 120
# field length limits of simpul-domain (org/pd.rs, org/pegawai.rs)
MAXLEN = {"pd.nama": 200, "pd.singkatan": 50, "pegawai.nama": 150, "pegawai.jabatan": 150}
PD_MIN, PD_MAX = 25, 40

# Given names used to check NIP digit 15 (sex) against the person's name. The first word
# after the honorifics decides; a name not listed only gives a warning.
MALE = set("""
Abdul Achmad Adi Afrizal Agus Ahmad Akhmad Alfian Amri Anang Andi Arbain Arfan Arif Arifin Asnawi
Aspihani Azhar Bagus Bambang Basri Budi Budiman Edi Edy Eko Erwin Fadli Fahrurrazi Fajar Fauzan Ferry
Firdaus Gatot Gazali Hadi Hairul Hamdani Hamzah Hari Hasanuddin Hasbullah Helmi Hendra Hendri Hendro
Herliansyah Heru Iberahim Imam Irwan Irwansyah Iskandar Ismail Jafar Joko Jumberi Junaidi Kasim Khairil
Khoirul Mahyudin Masrani Mochammad Mohamad Muhammad Mukhamad Mukhlis Mursyid Nasir Norhidayat Rahmadi
Rahmat Ramli Ridha Ridwan Risman Rivai Rizal Rizali Rudi Rusdiansyah Rustam Saberi Sahrul Samsul Sigit
Slamet Sofyan Sudirman Sugeng Syafrizal Syahrani Syaiful Syamsuddin Syamsul Taufik Teguh Wahyu Wahyudi
Yakob Yamin Yudi Yusran Yusriansyah Zainal Zainul Zulkarnain Zulkifli
""".split())
FEMALE = set("""
Anik Aslamiah Asmawati Desi Desmawati Dewi Elvi Endah Erlina Erna Fatma Fauziah Fitri Fitriah Fitriani
Hafizah Hairunnisa Hartati Hasna Hayatun Herlina Ika Indah Irna Jamilah Kartika Lailatul Lisna
Lisnawati Luluk Mahrita Mailinda Mamik Mardiana Mariatul Marlina Masitah Misrawati Nadia Nelly Ninik
Nining Nirwana Noorjannah Norliani Novi Nurain Nurhasanah Nurhayati Nurjanah Nurlela Nurmala Nurul
Rabiatul Rahmatia Rahmawati Rahmi Ratna Raudah Reni Retno Rini Rita Rosita Rosmaniar Rosmiyati
Rusmawati Salma Salmah Sartika Sartin Siti Sitti Sri Sumarni Syarifah Titik Umi Wahdah Wiwik Wiwin
Yenni Yuli Yulia Yuliana Yulianti Yusnidar Zuraida
""".split())
MALE_PREFIX = {"H.", "Drs."}
FEMALE_PREFIX = {"Hj.", "Dra."}
NEUTRAL_PREFIX = {"Dr.", "dr.", "drg.", "Ir.", "Prof."}


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def err(self, where: str, msg: str) -> None:
        self.errors.append(f"{where}: {msg}")

    def warn(self, where: str, msg: str) -> None:
        self.warnings.append(f"{where}: {msg}")


def check_key_order(rep: Report, where: str, table: dict, allowed: list[str], required: set[str]) -> None:
    keys = list(table.keys())
    unknown = [k for k in keys if k not in allowed]
    if unknown:
        rep.err(where, f"kunci tidak dikenal {unknown} (yang boleh: {allowed})")
    missing = [k for k in allowed if k in required and k not in table]
    if missing:
        rep.err(where, f"kunci wajib tidak ada: {missing}")
    known = [k for k in keys if k in allowed]
    if known != sorted(known, key=allowed.index):
        rep.err(where, f"urutan kunci salah {known}; harus mengikuti {allowed}")


def gender_of_name(nama: str) -> int | None:
    """1 man, 2 woman, None unknown; uses honorifics, then the first given name."""
    front = nama.split(",")[0].split()
    hint = None
    for w in front:
        if w in MALE_PREFIX:
            hint = 1
        elif w in FEMALE_PREFIX:
            hint = 2
        elif w in NEUTRAL_PREFIX:
            continue
        else:
            if w in MALE:
                return 1 if hint in (None, 1) else -1
            if w in FEMALE:
                return 2 if hint in (None, 2) else -1
            return hint
    return hint


def check_nip(rep: Report, where: str, nip: str, nama: str) -> None:
    if not isinstance(nip, str) or not NIP_RE.match(nip):
        rep.err(where, f"NIP {nip!r} harus 18 digit angka (string)")
        return
    try:
        born = datetime.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        rep.err(where, f"NIP {nip}: digit 1-8 bukan tanggal lahir yang sah")
        return
    if not 1965 <= born.year <= 2000:
        rep.err(where, f"NIP {nip}: tahun lahir {born.year} di luar 1965-2000")
    ty, tm = int(nip[8:12]), int(nip[12:14])
    if not 1 <= tm <= 12:
        rep.err(where, f"NIP {nip}: bulan TMT CPNS {tm:02d} bukan 01-12")
    elif (ty, tm) > TMT_MAX:
        rep.err(where, f"NIP {nip}: TMT CPNS {ty}-{tm:02d} setelah {TMT_MAX[0]}-{TMT_MAX[1]:02d}")
    elif (ty, tm) < (born.year + 20, born.month):
        rep.err(where, f"NIP {nip}: TMT CPNS {ty}-{tm:02d} kurang dari 20 tahun setelah lahir ({born.isoformat()})")
    g = nip[14]
    if g not in "12":
        rep.err(where, f"NIP {nip}: digit 15 (jenis kelamin) harus 1 atau 2, bukan {g}")
    elif nama:
        sex = gender_of_name(nama)
        if sex == -1:
            rep.err(where, f"gelar dan nama {nama!r} tidak konsisten jenis kelaminnya")
        elif sex is None:
            rep.warn(where, f"jenis kelamin nama {nama!r} tidak dikenali; digit 15 NIP tidak dapat dicek")
        elif str(sex) != g:
            rep.err(where, f"NIP {nip}: digit 15 = {g} ({'laki-laki' if g == '1' else 'perempuan'}) "
                           f"tidak cocok dengan nama {nama!r}")
    if nip[15:18] == "000":
        rep.err(where, f"NIP {nip}: nomor urut 000")


def check_region(rep: Report, path: pathlib.Path, all_nips: dict[str, str]) -> dict:
    stem = path.stem
    f = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        rep.err(f, f"TOML tidak dapat dibaca: {e}")
        return {}
    check_key_order(rep, f, data, TOP_KEYS, set(TOP_KEYS))
    for k, typ in (("wilayah", dict), ("pd", list), ("pegawai", list), ("tim_koordinasi", list)):
        if k in data and not isinstance(data[k], typ):
            rep.err(f, f"'{k}' harus {'tabel [..]' if typ is dict else 'array tabel [[..]]'}")
            return {}

    # ---- wilayah
    w = data.get("wilayah", {})
    check_key_order(rep, f"{f} [wilayah]", w, WILAYAH_KEYS, set(WILAYAH_KEYS))
    for k in WILAYAH_KEYS:
        if k in w and not (isinstance(w[k], str) and w[k].strip()):
            rep.err(f"{f} [wilayah]", f"'{k}' harus string tidak kosong")
    exp = REGIONS.get(stem)
    if exp is None:
        rep.err(f, f"nama file tidak dikenal; yang diharapkan: {sorted(REGIONS)}")
    else:
        if w.get("kode") != exp[0]:
            rep.err(f"{f} [wilayah]", f"kode {w.get('kode')!r}, seharusnya {exp[0]!r}")
        if w.get("tingkat") != exp[1]:
            rep.err(f"{f} [wilayah]", f"tingkat {w.get('tingkat')!r}, seharusnya {exp[1]!r}")
    if w.get("tingkat") in TINGKAT_KEPALA and w.get("kepala_daerah") != TINGKAT_KEPALA[w["tingkat"]]:
        rep.err(f"{f} [wilayah]", f"kepala_daerah {w.get('kepala_daerah')!r} tidak cocok dengan tingkat {w.get('tingkat')!r}")
    if w.get("tingkat") not in TINGKAT_KEPALA:
        rep.err(f"{f} [wilayah]", f"tingkat {w.get('tingkat')!r} bukan provinsi|kabupaten|kota")
    if w.get("profil") != stem:
        rep.err(f"{f} [wilayah]", f"profil {w.get('profil')!r} harus sama dengan nama file {stem!r}")
    if isinstance(w.get("domain"), str) and not DOMAIN_RE.match(w["domain"]):
        rep.err(f"{f} [wilayah]", f"domain {w['domain']!r} bukan domain .go.id")
    kode_w = w.get("kode", "")
    if isinstance(kode_w, str) and not re.match(r"^\d{2}(\.\d{2})?$", kode_w):
        rep.err(f"{f} [wilayah]", f"kode {kode_w!r} bukan format PP atau PP.KK")
    tingkat = w.get("tingkat")

    # ---- pd
    pds = data.get("pd", [])
    if not PD_MIN <= len(pds) <= PD_MAX:
        rep.err(f, f"jumlah PD {len(pds)}, harus {PD_MIN}-{PD_MAX}")
    by_kode: dict[str, dict] = {}
    names: set[str] = set()
    for i, p in enumerate(pds):
        where = f"{f} pd[{i}] {p.get('kode', '?')}"
        check_key_order(rep, where, p, PD_KEYS, PD_REQUIRED)
        for k in ("kode", "nama", "singkatan", "jenis"):
            if k in p and not (isinstance(p[k], str) and p[k].strip()):
                rep.err(where, f"'{k}' harus string tidak kosong")
        for k in ("nama", "singkatan"):
            if isinstance(p.get(k), str) and len(p[k]) > MAXLEN[f"pd.{k}"]:
                rep.err(where, f"'{k}' lebih dari {MAXLEN[f'pd.{k}']} karakter")
        kode = p.get("kode")
        if isinstance(kode, str):
            if not PD_KODE_RE.match(kode):
                rep.err(where, f"kode {kode!r} harus [A-Z0-9_-]{{2,30}}")
            if kode in by_kode:
                rep.err(where, f"kode PD {kode!r} ganda")
            by_kode[kode] = p
        if p.get("nama") in names:
            rep.err(where, f"nama PD {p.get('nama')!r} ganda")
        names.add(p.get("nama"))
        jenis = p.get("jenis")
        if jenis not in JENIS:
            rep.err(where, f"jenis {jenis!r} tidak dikenal; yang boleh: {sorted(JENIS)}")
        if tingkat == "provinsi" and jenis in ("kecamatan", "kelurahan"):
            rep.err(where, "provinsi tidak mempunyai kecamatan/kelurahan sebagai PD")
        if "pengelola_spbe" in p and p["pengelola_spbe"] is not True:
            rep.err(where, "pengelola_spbe hanya ditulis sebagai 'true'; hilangkan di PD lain")
    pengelola = [k for k, p in by_kode.items() if p.get("pengelola_spbe") is True]
    if len(pengelola) != 1:
        rep.err(f, f"harus tepat satu PD pengelola_spbe, ada {len(pengelola)}: {pengelola}")
    for k, p in by_kode.items():
        where = f"{f} pd {k}"
        jenis, induk = p.get("jenis"), p.get("induk")
        if induk is None:
            if jenis in ("upt", "kelurahan"):
                rep.err(where, f"jenis {jenis} wajib mempunyai induk")
            continue
        if jenis not in ("upt", "kelurahan", "rsud"):
            rep.err(where, f"induk hanya untuk upt/kelurahan/rsud, bukan {jenis}")
        if induk == k:
            rep.err(where, "induk menunjuk dirinya sendiri")
        elif induk not in by_kode:
            rep.err(where, f"induk {induk!r} tidak ada di daftar PD")
        else:
            pj = by_kode[induk].get("jenis")
            if jenis == "kelurahan" and pj != "kecamatan":
                rep.err(where, f"induk kelurahan harus kecamatan, bukan {pj}")
            if jenis in ("upt", "rsud") and pj not in ("dinas", "badan", "satuan", "sekretariat_daerah", "inspektorat"):
                rep.err(where, f"induk {jenis} harus dinas/badan, bukan {pj}")
            if by_kode[induk].get("induk"):
                rep.err(where, f"induk {induk!r} sendiri sudah mempunyai induk (maksimum satu tingkat)")
    for j in ("sekretariat_daerah", "sekretariat_dprd", "inspektorat"):
        n = sum(1 for p in pds if p.get("jenis") == j)
        if n != 1:
            rep.err(f, f"harus tepat satu PD jenis {j}, ada {n}")
    for j in ("dinas", "badan"):
        if not any(p.get("jenis") == j for p in pds):
            rep.err(f, f"tidak ada PD jenis {j}")
    if tingkat in ("kabupaten", "kota") and sum(1 for p in pds if p.get("jenis") == "kecamatan") < 3:
        rep.err(f, "kabupaten/kota harus mempunyai beberapa kecamatan (minimal 3)")
    if not any(p.get("jenis") == "upt" for p in pds):
        rep.err(f, "tidak ada UPT (dengan induk)")

    # ---- pegawai
    peg = data.get("pegawai", [])
    if not PEGAWAI_MIN <= len(peg) <= PEGAWAI_MAX:
        rep.err(f, f"jumlah pegawai {len(peg)}, harus {PEGAWAI_MIN}-{PEGAWAI_MAX}")
    by_nip: dict[str, dict] = {}
    staff_per_pd: dict[str, list[dict]] = {k: [] for k in by_kode}
    role_people: dict[str, list[dict]] = {r: [] for r in PERAN}
    person_names: set[str] = set()
    for i, g in enumerate(peg):
        nip = g.get("nip")
        where = f"{f} pegawai[{i}] {nip}"
        check_key_order(rep, where, g, PEGAWAI_KEYS, set(PEGAWAI_KEYS))
        for k in ("nama", "jabatan", "pd"):
            if k in g and not (isinstance(g[k], str) and g[k].strip()):
                rep.err(where, f"'{k}' harus string tidak kosong")
        for k in ("nama", "jabatan"):
            if isinstance(g.get(k), str) and len(g[k]) > MAXLEN[f"pegawai.{k}"]:
                rep.err(where, f"'{k}' lebih dari {MAXLEN[f'pegawai.{k}']} karakter")
        check_nip(rep, where, nip, g.get("nama", ""))
        if isinstance(nip, str):
            if nip in all_nips:
                rep.err(where, f"NIP ganda (juga di {all_nips[nip]})")
            else:
                all_nips[nip] = f"{f} pegawai[{i}]"
            by_nip[nip] = g
        nm = g.get("nama")
        if nm in person_names:
            rep.warn(where, f"nama pegawai {nm!r} ganda")
        person_names.add(nm)
        if g.get("pd") not in by_kode:
            rep.err(where, f"pd {g.get('pd')!r} tidak ada di daftar PD")
        else:
            staff_per_pd[g["pd"]].append(g)
        peran = g.get("peran")
        if not isinstance(peran, list) or not all(isinstance(x, str) for x in peran):
            rep.err(where, "peran harus array string")
            peran = []
        if len(set(peran)) != len(peran):
            rep.err(where, f"peran ganda {peran}")
        for r in peran:
            if r not in PERAN:
                rep.err(where, f"peran {r!r} tidak dikenal; yang boleh: {PERAN}")
            else:
                role_people[r].append(g)
        if "pimpinan" in peran and len(peran) > 1 and set(peran) - {"pimpinan", "tim_koordinasi"}:
            rep.err(where, f"pimpinan bersifat baca-saja; jangan digabung dengan {sorted(set(peran) - {'pimpinan', 'tim_koordinasi'})}")
        if not isinstance(g.get("login"), bool):
            rep.err(where, "login harus true atau false")

    for k, lst in staff_per_pd.items():
        if not lst:
            rep.err(f"{f} pd {k}", "PD tanpa pegawai")
        if by_kode[k].get("jenis") in NEEDS_ADMIN and not any("admin_pd" in (g.get("peran") or []) for g in lst):
            rep.err(f"{f} pd {k}", f"PD jenis {by_kode[k].get('jenis')} wajib mempunyai admin_pd")
    pd_with_admin = sum(1 for lst in staff_per_pd.values() if any("admin_pd" in (g.get("peran") or []) for g in lst))
    if by_kode and pd_with_admin < 0.75 * len(by_kode):
        rep.err(f, f"hanya {pd_with_admin} dari {len(by_kode)} PD mempunyai admin_pd (minimal sebagian besar)")

    # role rules
    def pd_jenis(g):
        return by_kode.get(g.get("pd"), {}).get("jenis")

    def is_bappeda(g):
        p = by_kode.get(g.get("pd"), {})
        return p.get("kode", "").startswith("BAPP") or "Perencanaan" in p.get("nama", "")

    sa = role_people["super_admin"]
    if not 2 <= len(sa) <= 3:
        rep.err(f, f"super_admin harus 2-3 orang, ada {len(sa)}")
    for g in sa:
        if g.get("pd") not in pengelola:
            rep.err(f, f"super_admin {g.get('nip')} bukan pegawai PD pengelola_spbe")
    op_pd: dict[str, int] = {}
    for g in role_people["operator_pd"]:
        op_pd[g.get("pd")] = op_pd.get(g.get("pd"), 0) + 1
    for k, n in op_pd.items():
        if n > 2:
            rep.err(f, f"PD {k} mempunyai {n} operator_pd (maksimum 2)")
    if not 5 <= len(op_pd) <= 15:
        rep.warn(f, f"operator_pd ada di {len(op_pd)} PD (target sekitar 10)")
    ases = role_people["asesor_internal"]
    if not 3 <= len(ases) <= 5:
        rep.err(f, f"asesor_internal harus 3-5 orang, ada {len(ases)}")
    for g in ases:
        if not (pd_jenis(g) == "inspektorat" or g.get("pd") in pengelola or is_bappeda(g)):
            rep.err(f, f"asesor_internal {g.get('nip')} harus dari Inspektorat, PD pengelola SPBE atau Bappeda")
    aud = role_people["auditor"]
    if len(aud) != 2:
        rep.err(f, f"auditor harus 2 orang, ada {len(aud)}")
    for g in aud:
        if pd_jenis(g) != "inspektorat":
            rep.err(f, f"auditor {g.get('nip')} harus pegawai Inspektorat")
    setda = [k for k, p in by_kode.items() if p.get("jenis") == "sekretariat_daerah"]
    sekda = [g for g in peg if g.get("pd") in setda and g.get("jabatan") == "Sekretaris Daerah"]
    if len(sekda) != 1:
        rep.err(f, f"harus tepat satu pegawai berjabatan 'Sekretaris Daerah' di Sekretariat Daerah, ada {len(sekda)}")
    elif "pimpinan" not in (sekda[0].get("peran") or []):
        rep.err(f, "Sekretaris Daerah harus mempunyai peran pimpinan")
    if not role_people["pimpinan"]:
        rep.err(f, "tidak ada pimpinan")
    for r in PERAN:
        if not role_people[r]:
            rep.err(f, f"peran {r} tidak dimiliki siapa pun")
        elif not any(g.get("login") is True for g in role_people[r]):
            rep.err(f, f"peran {r}: tidak ada akun demo (login = true)")

    # ---- tim koordinasi
    tim = data.get("tim_koordinasi", [])
    seen: set[str] = set()
    ked_count: dict[str, int] = {}
    bidang_seen: set[str] = set()
    for i, t in enumerate(tim):
        nip = t.get("nip")
        where = f"{f} tim_koordinasi[{i}] {nip}"
        check_key_order(rep, where, t, TIM_KEYS, {"nip", "kedudukan"})
        if nip not in by_nip:
            rep.err(where, "nip bukan pegawai di file ini")
        if nip in seen:
            rep.err(where, "pegawai tercantum dua kali di tim")
        seen.add(nip)
        ked = t.get("kedudukan")
        if ked not in KEDUDUKAN:
            rep.err(where, f"kedudukan {ked!r} tidak dikenal; yang boleh: {sorted(KEDUDUKAN)}")
        ked_count[ked] = ked_count.get(ked, 0) + 1
        bid = t.get("bidang")
        if ked == "anggota":
            if bid not in BIDANG:
                rep.err(where, f"bidang {bid!r} tidak dikenal; yang boleh: {sorted(BIDANG)}")
            else:
                bidang_seen.add(bid)
        elif bid is not None:
            rep.err(where, "bidang hanya untuk anggota")
        g = by_nip.get(nip)
        if g and "tim_koordinasi" not in (g.get("peran") or []):
            rep.err(where, "anggota tim tanpa peran tim_koordinasi")
        if g and ked == "ketua" and g.get("jabatan") != "Sekretaris Daerah":
            rep.err(where, "ketua harus Sekretaris Daerah (001 Lampiran J; 000 Pasal 44(2))")
        if g and ked == "sekretaris" and not (g.get("pd") in pengelola and g.get("jabatan", "").startswith("Kepala")):
            rep.err(where, "sekretaris harus kepala PD pengelola SPBE (001 Lampiran J)")
        if g and ked == "wakil_ketua" and not g.get("jabatan", "").startswith("Asisten"):
            rep.warn(where, "wakil_ketua menurut 001 Lampiran J adalah para Asisten")
    for r in ("ketua", "sekretaris"):
        if ked_count.get(r, 0) != 1:
            rep.err(f, f"tim_koordinasi harus mempunyai tepat satu {r}, ada {ked_count.get(r, 0)}")
    if ked_count.get("wakil_ketua", 0) < 1:
        rep.err(f, "tim_koordinasi tanpa wakil_ketua")
    missing = [b for b in BIDANG if b not in bidang_seen]
    if missing:
        rep.err(f, f"bidang anggota tim belum terisi: {missing}")
    for g in role_people["tim_koordinasi"]:
        if g.get("nip") not in seen:
            rep.err(f, f"pegawai {g.get('nip')} berperan tim_koordinasi tetapi tidak ada di [[tim_koordinasi]]")

    return {"pd": len(pds), "pegawai": len(peg), "tim": len(tim),
            "login": sum(1 for g in peg if g.get("login") is True),
            "peran": {r: len(v) for r, v in role_people.items()}}


def main(argv: list[str]) -> int:
    d = pathlib.Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    rep = Report()
    all_nips: dict[str, str] = {}
    stats = {}
    for stem in REGIONS:
        p = d / f"{stem}.toml"
        if not p.exists():
            rep.err(str(p), "file tidak ada")
            continue
        stats[stem] = check_region(rep, p, all_nips)
    extra = sorted(x.name for x in d.glob("*.toml") if x.stem not in REGIONS)
    for x in extra:
        rep.warn(x, "file tidak dikenal, tidak dicek")
    for stem, s in stats.items():
        if s:
            roles = ", ".join(f"{r}={n}" for r, n in s["peran"].items())
            print(f"{stem:12} pd={s['pd']:3} pegawai={s['pegawai']:3} tim={s['tim']:3} login={s['login']:3}  {roles}")
    for w in rep.warnings:
        print(f"peringatan: {w}")
    for e in rep.errors:
        print(f"GALAT: {e}", file=sys.stderr)
    if rep.errors:
        print(f"{len(rep.errors)} galat ditemukan", file=sys.stderr)
        return 1
    print(f"OK: {len(stats)} wilayah, {len(all_nips)} NIP unik")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
