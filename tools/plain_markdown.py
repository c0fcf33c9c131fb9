"""Turn a chapter notebook's MyST Markdown into Markdown that any Jupyter renders.

The chapters are written for Sphinx: ``{cite:t}`` and ``{term}`` roles, ``{eq}`` references,
``{exercise}`` and ``{admonition}`` fences. JupyterLab with jupyterlab-myst shows the
citations as "Citation Not Found" (it cannot read ``references.bib``) and the terms as links
to ``#``; a Jupyter without jupyterlab-myst (Colab, many hubs) shows every fence as raw text.
The notebooks handed to students therefore get plain Markdown instead:

* ``{cite:t}`a,b``` becomes "Sykes (2013), Bagwell and Staiger (2002)", ``{cite:p}`` and
  ``{cite}`` "(Sykes, 2013; Bagwell and Staiger, 2002)" (authors' last names from
  ``references.bib``; "and" for two, "et al." for three or more), and the notebook ends
  with a *References* cell listing the works it cites;
* ``{term}`text <target>``` becomes "text"; ``{ref}``, ``{numref}``, ``{doc}`` readable words
  (``{doc}`` a link to the chapter notebook); labelled equations get ``\\tag{2.3}`` and
  ``{eq}`eq-02-x``` the same "(2.3)" the HTML book prints;
* an ``{exercise}`` fence becomes a heading "Exercise ex-02-1: Title" and its body;
  an admonition a blockquote with a bold title; a ``{solution}`` fence disappears.

Only the distributed notebooks are transformed: the chapters' sources keep the roles the
HTML and PDF books resolve. ``python tools/plain_markdown.py chapters/02_terms_of_trade.ipynb``
prints one chapter transformed, for a look.
"""

from __future__ import annotations

import copy
import re
import sys
from functools import cache
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
BIB = ROOT / "references.bib"

# --- references.bib, parsed simply -------------------------------------------------
_ACCENTS = {
    "'": {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "c": "ć", "n": "ń", "s": "ś", "z": "ź",
          "A": "Á", "E": "É", "I": "Í", "O": "Ó", "U": "Ú"},
    "`": {"a": "à", "e": "è", "i": "ì", "o": "ò", "u": "ù"},
    '"': {"a": "ä", "e": "ë", "i": "ï", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"},
    "^": {"a": "â", "e": "ê", "i": "î", "o": "ô", "u": "û"},
    "~": {"a": "ã", "n": "ñ", "o": "õ", "N": "Ñ"},
    "c": {"c": "ç", "C": "Ç"},
    "v": {"c": "č", "s": "š", "z": "ž", "r": "ř", "e": "ě", "C": "Č", "S": "Š", "Z": "Ž"},
}
_SYMBOLS = {"o": "ø", "O": "Ø", "ss": "ß", "ae": "æ", "AE": "Æ", "aa": "å", "AA": "Å", "l": "ł",
            "L": "Ł", "i": "ı"}


def latex_to_text(value: str) -> str:
    """Plain text of a BibTeX value: accents decoded, braces and ``\\&``-style escapes removed."""
    def accent(m):
        return _ACCENTS.get(m.group(1), {}).get(m.group(2), m.group(2))

    value = re.sub(r"\{?\\([`'\"^~])\s*\{?([A-Za-z])\}?\}?", accent, value)
    value = re.sub(r"\{?\\([cv])\s*\{([A-Za-z])\}\}?", accent, value)
    value = re.sub(r"\{?\\([cv]) ([A-Za-z])\}?", accent, value)
    value = re.sub(r"\{?\\(ss|ae|AE|aa|AA|o|O|l|L|i)\b\}?", lambda m: _SYMBOLS[m.group(1)], value)
    value = re.sub(r"\\([&%$#_])", r"\1", value).replace("--", "–").replace("~", " ")
    return " ".join(value.replace("{", "").replace("}", "").split())


def _split_top(text: str, sep: str) -> list[str]:
    """Split ``text`` on ``sep`` (a word or a character) outside braces."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            i += len(sep)
            start = i
            continue
        i += 1
    parts.append(text[start:])
    return parts


@cache
def bibliography(path: Path = BIB) -> dict[str, dict[str, str]]:
    """``{key: {field: raw value}}`` of every entry (``type`` holds the entry type)."""
    text = path.read_text(encoding="utf-8")
    entries = {}
    for m in re.finditer(r"@(\w+)\s*\{\s*([^,\s]+)\s*,", text):
        kind, key, i = m.group(1).lower(), m.group(2), m.end()
        depth, j = 1, i
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        body = text[i:j - 1]
        fields = {"type": kind}
        for part in _split_top(body, ","):
            if "=" not in part:
                continue
            name, value = part.split("=", 1)
            value = value.strip()
            if value.startswith("{") and value.endswith("}"):
                value = value[1:-1]
            elif value.startswith('"') and value.endswith('"'):
                value = value[1:-1]
            fields[name.strip().lower()] = value
        entries[key] = fields
    return entries


def _names(raw: str) -> list[str]:
    """Last names (or a corporate author whole) from a BibTeX name list."""
    names = []
    for person in _split_top(raw, " and "):
        person = person.strip()
        if person.startswith("{") and person.endswith("}"):      # {World Trade Organization}
            names.append(latex_to_text(person))
        elif "," in person:                                      # Last, First
            names.append(latex_to_text(_split_top(person, ",")[0]))
        else:                                                     # First Last
            names.append(latex_to_text(person).split()[-1])
    return names


def author_label(key: str) -> tuple[str, str]:
    """(authors, year) as an author–year citation prints them: "Bagwell and Staiger", "2002"."""
    entry = bibliography().get(key)
    if entry is None:
        raise KeyError(f"citation {key!r} is not in references.bib")
    names = _names(entry.get("author") or entry.get("editor") or entry.get("title", key))
    if len(names) >= 3:
        who = f"{names[0]} et al."
    else:
        who = " and ".join(names)
    return who, latex_to_text(entry.get("year", "n.d."))


def cite_text(keys: list[str], *, textual: bool) -> str:
    labels = [author_label(k) for k in keys]
    if textual:
        return ", ".join(f"{who} ({year})" for who, year in labels)
    return "(" + "; ".join(f"{who}, {year}" for who, year in labels) + ")"


def reference_entry(key: str) -> str:
    """One line of a notebook's reference list (Markdown)."""
    e = bibliography()[key]
    raw = e.get("author") or e.get("editor") or ""
    people = []   # Chicago style: the first author inverted, the others in natural order
    for person in _split_top(raw, " and "):
        person = person.strip()
        if "," in person and not person.startswith("{"):
            last, first = (latex_to_text(p) for p in _split_top(person, ",")[:2])
            people.append(f"{last}, {first}" if not people else f"{first} {last}")
        else:
            people.append(latex_to_text(person))
    who = ", ".join(people[:-1]) + (" and " if len(people) > 1 else "") + people[-1] if people else ""
    if e.get("editor") and not e.get("author"):
        who += " (ed.)" if len(people) == 1 else " (eds.)"
    parts = [f"{who} ({latex_to_text(e.get('year', 'n.d.'))}).", f"{latex_to_text(e.get('title', ''))}."]
    venue = e.get("journal") or e.get("booktitle")
    if venue:
        where = f"*{latex_to_text(venue)}*"
        if e.get("volume"):
            where += f" {latex_to_text(e['volume'])}"
            if e.get("number"):
                where += f"({latex_to_text(e['number'])})"
        if e.get("pages"):
            where += f": {latex_to_text(e['pages'])}"
        parts.append(("In " if e.get("booktitle") and not e.get("journal") else "") + where + ".")
    for field in ("publisher", "institution", "organization", "howpublished", "note"):
        if e.get(field) and not e[field].startswith("\\url"):
            parts.append(latex_to_text(e[field]) + ".")
    url = e.get("url")
    if url:
        parts.append(f"<{latex_to_text(url)}>")
    return " ".join(parts)


# --- a chapter's Markdown ----------------------------------------------------------
ROLE = re.compile(r"\{([a-z]+(?::[a-z]+)?)\}`([^`]*)`")
FENCE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}[ \t]*(?P<arg>[^\n]*)\n(?P<body>.*?)^(?P=fence)[ \t]*$\n?",
                   flags=re.S | re.M)
LABELLED_EQ = re.compile(r"^\$\$[ \t]*\n(?P<body>.*?)\n\$\$[ \t]*\((?P<label>[\w-]+)\)[ \t]*$", flags=re.S | re.M)


def _text_and_target(content: str) -> tuple[str, str]:
    m = re.fullmatch(r"\s*(.*?)\s*<([^<>]+)>\s*", content, flags=re.S)
    return (m.group(1), m.group(2)) if m else (content, content)


def _split_options(body: str) -> tuple[dict[str, str], str]:
    """A directive's ``:key: value`` lines and the rest of its body."""
    options, lines = {}, body.split("\n")
    while lines and re.match(r"^:[\w-]+:", lines[0]):
        key, _, value = lines.pop(0)[1:].partition(":")
        options[key] = value.strip()
    return options, "\n".join(lines).strip("\n")


class Chapter:
    """What the transform needs to know about one chapter: its number and its labels."""

    def __init__(self, nb: nbformat.NotebookNode, stem: str, titles: dict[str, str] | None = None):
        self.stem = stem
        m = re.match(r"(\d+)_", stem)
        self.number = int(m.group(1)) if m else None
        self.titles = titles or {}
        self.equations: dict[str, str] = {}
        self.figures: dict[str, str] = {}
        self.cited: list[str] = []
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                for eq in LABELLED_EQ.finditer(cell.source):
                    self.equations[eq.group("label")] = self._numbered(len(self.equations) + 1)
            elif cell.cell_type == "code":
                name = cell.metadata.get("mystnb", {}).get("figure", {}).get("name")
                if name:
                    self.figures[name] = self._numbered(len(self.figures) + 1)

    def _numbered(self, k: int) -> str:
        return f"{self.number}.{k}" if self.number is not None else str(k)

    # roles ------------------------------------------------------------------------
    def role(self, m: re.Match) -> str:
        name, content = m.group(1), m.group(2)
        if name.startswith("cite"):
            keys = [k.strip() for k in content.split(",") if k.strip()]
            self.cited += [k for k in keys if k not in self.cited]
            return cite_text(keys, textual=name in ("cite:t", "cite:ts", "cite:ct"))
        if name == "term":
            return _text_and_target(content)[0]
        if name == "eq":
            label = _text_and_target(content)[1]
            if label in self.equations:
                return f"({self.equations[label]})"
            elsewhere = book_equations().get(label)
            if elsewhere:
                return f"({elsewhere}) in chapter {elsewhere.split('.')[0]}"
            return f"equation ({label})"
        if name in ("ref", "numref"):
            text, label = _text_and_target(content)
            if name == "numref" and label in self.figures:
                number = self.figures[label]
                return text.replace("%s", number).replace("{number}", number) if text != label else f"Figure {number}"
            return text if text != label else label.replace("-", " ")
        if name == "doc":
            text, target = _text_and_target(content)
            stem = Path(target).name
            title = self.titles.get(stem)
            if title is None:
                return text
            return f"[{title if text == target else text}]({stem}.ipynb)"
        if name == "math":
            return f"${content}$"
        if name in ("abbr",):
            return _text_and_target(content)[0]
        return content  # unknown role: its text

    # fences -----------------------------------------------------------------------
    def fence(self, m: re.Match) -> str:
        name, arg, body = m.group("name"), m.group("arg").strip(), m.group("body")
        options, body = _split_options(body)
        body = self.markdown(body)
        if name in ("solution", "solution-start", "solution-end"):
            return ""
        if name == "exercise":
            label = options.get("label", "")
            head = "### Exercise" + (f" {label}" if label else "") + (f": {arg}" if arg else "")
            return f"{head}\n\n{body}\n"
        if name in ("admonition", "note", "tip", "important", "warning", "caution", "attention",
                    "hint", "seealso", "danger", "error", "topic", "sidebar", "margin", "epigraph"):
            title = arg if name in ("admonition", "topic", "sidebar") and arg else name.capitalize()
            if arg and name not in ("admonition", "topic", "sidebar"):
                body = f"{arg}\n{body}"
            quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in body.split("\n"))
            return f"> **{title}**\n>\n{quoted}\n"
        if name in ("math",):
            return f"$$\n{body}\n$$\n"
        # Anything else: keep its content, drop the fence.
        return f"{body}\n"

    def equation(self, m: re.Match) -> str:
        label = m.group("label")
        return f"$$\n{m.group('body')} \\tag{{{self.equations.get(label, label)}}}\n$$"

    def markdown(self, text: str) -> str:
        text = FENCE.sub(self.fence, text)
        text = LABELLED_EQ.sub(self.equation, text)
        text = ROLE.sub(self.role, text)
        text = re.sub(r"^\(([\w-]+)\)=[ \t]*\n", "", text, flags=re.M)   # (label)= targets
        text = re.sub(r"^%.*\n?", "", text, flags=re.M)                    # MyST comments
        return re.sub(r"\n{3,}", "\n\n", text).strip("\n")

    def code(self, source: str) -> str:
        """Code cells only lose roles inside strings they display as Markdown ({doc} links)."""
        return re.sub(r"\{doc\}`[^`]*`", lambda m: self.role(ROLE.match(m.group(0))), source)


@cache
def book_equations(folder: Path = ROOT / "chapters") -> dict[str, str]:
    """``{label: number}`` of every labelled equation of the book, numbered as the HTML book does."""
    numbers = {}
    for path in sorted(folder.glob("*.ipynb")):
        numbers.update(Chapter(nbformat.read(path, as_version=4), path.stem).equations)
    return numbers


@cache
def chapter_titles(folder: Path = ROOT / "chapters") -> dict[str, str]:
    """``{stem: first heading}`` of every chapter notebook."""
    titles = {}
    for path in sorted(folder.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            m = re.search(r"^# (.+)$", cell.source, flags=re.M) if cell.cell_type == "markdown" else None
            if m:
                titles[path.stem] = m.group(1).strip()
                break
    return titles


def plain_notebook(nb: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    """A copy of ``nb`` whose Markdown any Jupyter renders, with a reference list at the end."""
    nb = copy.deepcopy(nb)
    chapter = Chapter(nb, stem, chapter_titles())
    cells = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = chapter.markdown(cell.source)
            if not cell.source.strip():
                continue
        elif cell.cell_type == "code":
            cell.source = chapter.code(cell.source)
        cells.append(cell)
    if chapter.cited:
        def sort_key(k):
            return (author_label(k)[0].lower(), author_label(k)[1])
        refs = "\n".join(f"- {reference_entry(k)}" for k in sorted(chapter.cited, key=sort_key))
        cells.append(nbformat.v4.new_markdown_cell("## References\n\n" + refs))
    nb.cells = cells
    return nb


if __name__ == "__main__":
    path = Path(sys.argv[1])
    out = plain_notebook(nbformat.read(path, as_version=4), path.stem)
    for c in out.cells:
        if c.cell_type == "markdown":
            print(c.source, end="\n\n---\n\n")
