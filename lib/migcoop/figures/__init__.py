"""Drawing functions for the book's figures, one module per model or chapter.

``gains`` (chapter 1), ``markets`` (2), ``screening`` (3), ``coordination`` (4),
``two_country`` (5), ``diversion`` (6), ``temporary`` and ``agreements`` (7),
``enforcement`` (8), ``refugees`` (9) and ``capstone`` (10). Chapters use them as
``explore(figures.markets.draw_tariff)``; the examples they draw come from
:mod:`migcoop.calibrations`, and the words a reader sees (a toggle's options, a
legend's entries) are matched with the models' identifiers here, in each module's
``*_LABELS``, never below.

Each module registers its interactive figures with :mod:`migcoop.explore` when
imported; importing this package imports them all, so that
``migcoop.explore.REGISTRY`` lists every explorer of the book.
"""

import importlib
import pkgutil

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")
