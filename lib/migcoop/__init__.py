"""migcoop: the models behind *Crossing Borders Together*.

One module per model (``markets``, ``repeated``, ...), pure numpy; drawing code
lives in ``migcoop.figures`` and registers with ``migcoop.explore``; exercise
answers are checked by ``migcoop.checks``. Notebooks import modules by name::

    from migcoop import markets
"""

__version__ = "0.1.0"
