"""migcoop: the models behind *Crossing Borders Together*.

One module per model (``markets``, ``repeated``, ...), pure numpy, and the book's
examples (each market, economy and game the chapters use) defined once in
``migcoop.calibrations``; drawing code lives in ``migcoop.figures`` and registers
with ``migcoop.explore``; exercise answers are checked by ``migcoop.checks``.
Notebooks import modules by name::

    from migcoop import calibrations, figures, markets
"""

__version__ = "0.1.0"
