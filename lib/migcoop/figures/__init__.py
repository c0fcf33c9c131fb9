"""Drawing functions for the book's figures, one module per chapter topic.

Each module registers its interactive figures with :mod:`migcoop.explore` when
imported; importing this package imports them all, so that
``migcoop.explore.REGISTRY`` lists every explorer of the book.
"""

import importlib
import pkgutil

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")
