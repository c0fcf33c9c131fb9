"""Check an exercise answer: ``check("ex-02-2", 0.25)``.

Expected values are computed from the book's models, never typed in. Each
chapter's answers live in ``migcoop/checks/chNN.py`` and register themselves
with :func:`answer`; importing this package loads them all.
"""

import importlib
import pkgutil

from .core import ANSWERS, Answer, answer, check, expected

for _info in pkgutil.iter_modules(__path__):
    if _info.name.startswith("ch"):
        importlib.import_module(f"{__name__}.{_info.name}")

__all__ = ["ANSWERS", "Answer", "answer", "check", "expected"]
