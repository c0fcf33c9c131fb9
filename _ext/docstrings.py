"""Let the library's docstrings say ``name : meaning (units)`` in numpydoc sections.

The model library documents each parameter and field by its economic meaning and
units on the ``name :`` line, which numpydoc would read as a *type*. Before
napoleon parses a docstring, this rewrites such lines, when what follows the
colon is prose rather than a type, into a name followed by an indented
description, so the reference page shows the meaning as the description.
"""

import re

SECTIONS = {"parameters", "attributes", "returns", "other parameters", "yields"}
TYPE_LIKE = re.compile(r"^[\w.\[\], |]+$")  # float, int, np.ndarray, dict[str, float], ...
ENTRY = re.compile(r"^(\s*)([\w*][\w, *]*?)\s+:\s+(.+)$")


def rewrite(lines: list[str]) -> list[str]:
    out, section, underline_next = [], None, False
    for i, line in enumerate(lines):
        stripped = line.strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if stripped.lower() in SECTIONS and set(nxt) == {"-"}:
            section, underline_next = stripped.lower(), True
            out.append(line)
            continue
        if underline_next:
            underline_next = False
            out.append(line)
            continue
        if section and stripped and set(nxt) == {"-"}:
            section = None  # the next section starts
        match = ENTRY.match(line) if section else None
        text = match.group(3) if match else ""
        if match and not (TYPE_LIKE.match(text) and len(text.split()) <= 3):
            indent, names, _ = match.groups()
            out += [f"{indent}{names}", f"{indent}    {text}"]
        else:
            out.append(line)
    return out


def _process(app, what, name, obj, options, lines):
    lines[:] = rewrite(lines)


def setup(app):
    # Runs before napoleon (which connects with the default priority 500).
    app.connect("autodoc-process-docstring", _process, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
