"""Derive ``lib/migcoop/data/gapminder_regions.csv`` from the Gapminder extract plotly ships.

Run once, in any environment where the ``plotly`` package is installed (it is NOT a
dependency of ``migcoop``; a throwaway virtualenv will do)::

    python3 -m venv /tmp/plotlyenv && /tmp/plotlyenv/bin/pip install plotly
    /tmp/plotlyenv/bin/python tools/derive_gapminder.py

Source: ``plotly/package_data/datasets/gapminder.csv.gz`` (1,704 rows: 142 countries
x 12 years, 1952-2007), plotly's copy of the extract in Jennifer Bryan's ``gapminder``
R package, itself taken from Gapminder (https://www.gapminder.org/data/), whose data
are free material under the Creative Commons Attribution licence (CC-BY 4.0).

What the script does, and nothing else:
1. keeps the columns country, iso_alpha, continent, year, pop and gdpPercap (drops
   life expectancy and the numeric ISO code, which the book does not use);
2. renames gdpPercap to ``gdp_per_capita`` and rounds it to 2 decimals (cents);
3. adds a ``region`` column: one of nine world regions in the spirit of the regions of
   Hamilton and Whalley (1984), assigned by the fixed table below from the country
   name and the Gapminder continent;
4. sorts by country and year and writes plain CSV (UTF-8, "\\n" line ends).
It prints the number of rows and the SHA-256 of the source file for the README.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import sys
from importlib.resources import files
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "lib" / "migcoop" / "data" / "gapminder_regions.csv"
COLUMNS = ["country", "iso_alpha", "continent", "region", "year", "pop", "gdp_per_capita"]

# Countries whose region is not the default one of their Gapminder continent.
MIDDLE_EAST_NORTH_AFRICA = {
    "Algeria", "Egypt", "Libya", "Morocco", "Tunisia",  # Africa in Gapminder
    "Bahrain", "Iran", "Iraq", "Israel", "Jordan", "Kuwait", "Lebanon", "Oman",
    "Saudi Arabia", "Syria", "West Bank and Gaza", "Yemen, Rep.",  # Asia in Gapminder
}
SOUTH_ASIA = {"Afghanistan", "Bangladesh", "India", "Nepal", "Pakistan", "Sri Lanka"}
JAPAN_OCEANIA = {"Japan", "Australia", "New Zealand"}
NORTH_AMERICA = {"Canada", "United States"}
EASTERN_EUROPE = {
    "Albania", "Bosnia and Herzegovina", "Bulgaria", "Croatia", "Czech Republic", "Hungary",
    "Montenegro", "Poland", "Romania", "Serbia", "Slovak Republic", "Slovenia", "Turkey",
}
DEFAULT_BY_CONTINENT = {
    "Africa": "Sub-Saharan Africa",
    "Americas": "Latin America and Caribbean",
    "Asia": "East and Southeast Asia",
    "Europe": "Western Europe",
    "Oceania": "Japan and Oceania",
}


def region_of(country: str, continent: str) -> str:
    """The book's region for a Gapminder country."""
    for group, name in (
        (MIDDLE_EAST_NORTH_AFRICA, "Middle East and North Africa"),
        (SOUTH_ASIA, "South Asia"),
        (JAPAN_OCEANIA, "Japan and Oceania"),
        (NORTH_AMERICA, "North America"),
        (EASTERN_EUROPE, "Eastern Europe and Turkey"),
    ):
        if country in group:
            return name
    return DEFAULT_BY_CONTINENT[continent]


def main() -> int:
    source = files("plotly.package_data.datasets").joinpath("gapminder.csv.gz")
    raw = source.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    reader = csv.DictReader(io.StringIO(gzip.decompress(raw).decode("utf-8")))
    rows = []
    for r in reader:
        rows.append({
            "country": r["country"],
            "iso_alpha": r["iso_alpha"],
            "continent": r["continent"],
            "region": region_of(r["country"], r["continent"]),
            "year": int(r["year"]),
            "pop": int(float(r["pop"])),
            "gdp_per_capita": f"{float(r['gdpPercap']):.2f}",
        })
    rows.sort(key=lambda r: (r["country"], r["year"]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    countries = len({r["country"] for r in rows})
    years = sorted({r["year"] for r in rows})
    print(f"wrote {OUT} ({len(rows)} rows, {countries} countries, years {years[0]}-{years[-1]})")
    print(f"source sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
