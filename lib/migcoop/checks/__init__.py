"""Check an exercise answer: ``check("ex-02-2", t)``.

The package holds no answers. For each computational exercise it knows what is asked
(how many numbers, their names and units, the significant figures, a hint) in
:data:`EXERCISES`, and salted digests of the right roundings; :func:`check` rounds the
student's number to the stated precision and compares digests. The answers themselves
are in the instructor's answer key (``tools/answer_key.py`` in the repository).
"""

from .core import check, verdict
from .exercises import EXERCISES, Exercise

#: The checkable exercises by label (what each asks for; no values). Alias of EXERCISES.
ANSWERS = EXERCISES

__all__ = ["ANSWERS", "EXERCISES", "Exercise", "check", "verdict"]
