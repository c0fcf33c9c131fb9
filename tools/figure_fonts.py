"""The figure font for the static explorers: DejaVu Sans, subset, as WOFF.

The explorers' SVG text is laid out by matplotlib with DejaVu Sans (its bundled font), so the
page draws it with the same font; a reader's system may not have it. The subset keeps Latin,
Greek, punctuation, arrows and the math signs the figures use (``tests/book`` checks every
character drawn in a figure is covered). Written to ``<out>/fonts/`` at build time from
matplotlib's own copy: nothing is downloaded and no font file is kept in the repository.

    python tools/figure_fonts.py _build/frames
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from matplotlib import font_manager

FACES = {"DejaVuSans": "DejaVuSans.ttf", "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
         "DejaVuSans-Bold": "DejaVuSans-Bold.ttf"}
UNICODES = [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x391, 0x3CA), *range(0x2010, 0x2028),
            *range(0x2030, 0x203B), *range(0x2190, 0x2195), 0x2026, 0x2032, 0x2033, 0x20AC, 0x2113,
            0x2122, 0x2200, 0x2202, 0x2206, 0x2208, 0x2211, 0x2212, 0x221A, 0x221E, 0x2227, 0x2228,
            0x2229, 0x222A, 0x2248, 0x2260, 0x2261, 0x2264, 0x2265, 0x22C5, 0x25CF, 0x25B2, 0x25BC,
            0x2713, 0x2714, 0x2717, 0x2718]


def main(out: Path) -> None:
    data = Path(font_manager.findfont("DejaVu Sans")).parent
    target = out / "fonts"
    target.mkdir(parents=True, exist_ok=True)
    for name, file in FACES.items():
        options = subset.Options()
        options.flavor = "woff"
        options.layout_features = ["kern", "liga"]
        options.drop_tables += ["FFTM"]
        font = subset.load_font(str(data / file), options)
        sub = subset.Subsetter(options)
        sub.populate(unicodes=UNICODES)
        sub.subset(font)
        subset.save_font(font, str(target / f"{name}.woff"), options)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: figure_fonts.py OUT_DIR")
    main(Path(sys.argv[1]))
