"""Lighter first visits: cut what a built site makes the browser fetch, not what it shows.

    python tools/slim_site.py _build/html [more sites ...]

Run after ``tools/finish_pages.mjs`` (math typeset, icons drawn) by ``make html`` and
``make student``. In the site's own copy of the theme's files (nothing in the source tree):

1. **Style sheets without dead rules.** The theme's large style sheets (pydata-sphinx-theme
   with Bootstrap and every Font Awesome class, sphinx-design, MyST-NB, ...) are purged of
   the rules whose selectors name a class or id that appears in no page and no script of the
   site (a selector is kept when every class and id it names occurs as a word in some page
   or script, so classes that scripts add later stay). The book's own ``migcoop*.css`` are
   left alone.
2. **Icon fonts cut to the icons in use.** The theme still draws a few icons as text in
   Font Awesome's fonts from CSS (admonition titles, external links). Each of those fonts is
   subset to the private-use characters that the remaining rules name (fontTools, installed
   with matplotlib), saved as WOFF next to the original, and the ``@font-face`` points at it.
3. **Scripts where they run.** With ``search_as_you_type`` off (the theme's
   default), the search box sends the reader to ``search.html``; other pages then have no
   use for ``searchtools.js``, ``language_data.js`` and the 200 kB ``searchindex.js``, and
   load them no more. Likewise sphinx-design's tab script on pages without tab sets, and
   sphinx-thebe's script and style on pages without a live-code button.

Idempotent: running it twice changes nothing the second time.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

PURGE_MIN_BYTES = 10_000  # style sheets smaller than this are not worth the risk
OURS = re.compile(r"^migcoop")
# Class names scripts build from pieces (Bootstrap: `bs-${name}-auto`; Sphinx search: `kind-${kind}`).
SAFE = re.compile(r"^(bs-(tooltip|popover)-|kind-|sd-tab-|pst-)")
WORD = re.compile(r"[A-Za-z0-9_-]+")
NAMED = re.compile(r"[.#](-?[_a-zA-Z][_a-zA-Z0-9-]*)")
NESTING = ("@media", "@supports", "@layer", "@container", "@document")
SEARCH_SCRIPTS = re.compile(
    r'[ \t]*<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)'
    r'[^"]*"></script>\n?')
NO_SEARCH_AS_YOU_TYPE = "DOCUMENTATION_OPTIONS.search_as_you_type = false;"
# Scripts and styles for things a page may not have: tab sets (sphinx-design) and Thebe's
# live code (off in _config.yml: no page has its launch button).
UNUSED = [
    ("sd-tab-set", re.compile(r'[ \t]*<script[^>]*src="[^"]*_static/design-tabs\.js[^"]*"></script>\n?')),
    ("thebe-launch-button", re.compile(r'[ \t]*<script[^>]*src="[^"]*_static/sphinx-thebe\.js[^"]*"></script>\n?')),
    ("thebe-launch-button", re.compile(r'[ \t]*<link[^>]*href="[^"]*_static/sphinx-thebe\.css[^"]*"[^>]*>\n?')),
]
PUA = re.compile(r"\\(f[0-9a-f]{3}|e[0-9a-f]{3})\b", re.I)


# --- a small CSS reader: enough for minified and plain style sheets ---------------------------
def _skip(css: str, i: int) -> int:
    """Index after a string or comment starting at ``i`` (or ``i`` itself)."""
    if css.startswith("/*", i):
        end = css.find("*/", i + 2)
        return len(css) if end < 0 else end + 2
    if css[i] in "\"'":
        quote, j = css[i], i + 1
        while j < len(css) and css[j] != quote:
            j += 2 if css[j] == "\\" else 1
        return j + 1
    return i


def _block_end(css: str, i: int) -> int:
    """Index of the ``}`` closing the block whose ``{`` is at ``i``."""
    depth, j = 0, i
    while j < len(css):
        k = _skip(css, j)
        if k != j:
            j = k
            continue
        if css[j] == "{":
            depth += 1
        elif css[j] == "}":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    raise ValueError("unbalanced braces in style sheet")


def parse(css: str) -> list[tuple[str, str | list | None]]:
    """Top-level items: (prelude, body) with body a string, a nested list (@media ...) or None
    (a statement such as @charset or @import)."""
    items, i, start = [], 0, 0
    while i < len(css):
        k = _skip(css, i)
        if k != i:
            i = k
            continue
        ch = css[i]
        if ch == ";" and css[start:i].strip().startswith("@"):
            items.append((re.sub(r"/\*.*?\*/", "", css[start:i], flags=re.S).strip(), None))
            i = start = i + 1
        elif ch == "{":
            prelude = re.sub(r"/\*.*?\*/", "", css[start:i], flags=re.S).strip()
            end = _block_end(css, i)
            body = css[i + 1:end]
            if prelude.lower().startswith(NESTING):
                items.append((prelude, parse(body)))
            else:
                items.append((prelude, body))
            i = start = end + 1
        else:
            i += 1
    return items


def split_selectors(prelude: str) -> list[str]:
    parts, depth, cur, i = [], 0, "", 0
    while i < len(prelude):
        k = _skip(prelude, i)
        if k != i:
            cur += prelude[i:k]
            i = k
            continue
        ch = prelude[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
        i += 1
    parts.append(cur.strip())
    return [p for p in parts if p]


def selector_used(selector: str, words: set[str]) -> bool:
    """Whether every class and id the selector requires occurs in the site (conservative)."""
    if "\\" in selector:
        return True
    bare = re.sub(r"\[[^\]]*\]", "", selector)                 # attribute tests: keep
    bare = re.sub(r":[\w-]+\((?:[^()]|\([^()]*\))*\)", "", bare)  # :not(.x), :is(...), :has(...)
    return all(name in words or SAFE.match(name) for name in NAMED.findall(bare))


def purge(items, words: set[str]) -> str:
    out = []
    for prelude, body in items:
        if body is None:
            out.append(prelude + ";")
        elif isinstance(body, list):
            inner = purge(body, words)
            if inner:
                out.append(prelude + "{" + inner + "}")
        elif prelude.startswith("@"):
            out.append(prelude + "{" + body + "}")               # @font-face, @keyframes, @page
        else:
            kept = [s for s in split_selectors(prelude) if selector_used(s, words)]
            if kept:
                out.append(",".join(kept) + "{" + body + "}")
    return "".join(out)


# --- the site ------------------------------------------------------------------------------
def pages(site: Path) -> list[Path]:
    skip = {"_static", "_sources", "_images"}
    return sorted(p for p in site.rglob("*.html") if not skip & set(p.relative_to(site).parts))


def linked_style_sheets(site: Path) -> set[Path]:
    found = set()
    for page in pages(site):
        for tag in re.findall(r"<link\b[^>]*>", page.read_text("utf-8")):
            href = re.search(r'href="([^"?#]+)', tag)
            if 'rel="stylesheet"' in tag and href and (page.parent / href.group(1)).is_file():
                found.add((page.parent / href.group(1)).resolve())
    for css in list(found):  # and what they @import (the theme imports Sphinx's basic.css)
        for target in re.findall(r"""@import\s+(?:url\()?["']?([^"')\s;]+)""", css.read_text("utf-8")):
            if (css.parent / target).is_file():
                found.add((css.parent / target).resolve())
    return found


def site_words(site: Path) -> set[str]:
    words: set[str] = set()
    for page in pages(site):
        words.update(WORD.findall(page.read_text("utf-8", errors="replace")))
    for js in (site / "_static").rglob("*.js"):
        words.update(WORD.findall(js.read_text("utf-8", errors="replace")))
    return words


def subset_icon_fonts(css_path: Path, css: str) -> str:
    """Point each Font Awesome @font-face at a WOFF holding only the characters the CSS names."""
    wanted = {int(m, 16) for m in PUA.findall(css)}
    wanted |= {ord(ch) for ch in css if 0xE000 <= ord(ch) <= 0xF8FF}  # written as characters

    def one(match: re.Match) -> str:
        rule = match.group(0)
        src = re.search(r"url\(([^)]*?fa-[\w-]+?)\.(?:woff2|ttf)\)", rule)
        if not src:
            return rule
        stem = src.group(1).strip("\"'")
        ttf = (css_path.parent / f"{stem}.ttf").resolve()
        if not ttf.is_file():
            return rule
        from fontTools import subset
        from fontTools.ttLib import TTFont

        font = TTFont(ttf)
        keep = sorted(wanted & set(font.getBestCmap()))
        out = ttf.with_name(ttf.stem + ".subset.woff")
        if keep:
            options = subset.Options()
            options.flavor = "woff"
            options.layout_features = ["*"]
            sub = subset.Subsetter(options)
            sub.populate(unicodes=keep)
            sub.subset(font)
            font.flavor = "woff"
            font.save(out)
        src_new = f'src:url({stem}.subset.woff) format("woff")' if keep else "src:local(none-used)"
        return re.sub(r"src:[^;}]*", src_new, rule, count=1)

    return re.sub(r"@font-face\{[^}]*Font Awesome[^}]*\}", one, css)


def slim(site: Path) -> dict:
    report = {"style_sheets": {}, "pages_without_search_scripts": 0}
    words = site_words(site)
    for css_path in sorted(linked_style_sheets(site)):
        if OURS.match(css_path.name) or css_path.stat().st_size < PURGE_MIN_BYTES:
            continue
        before = css_path.read_text("utf-8")
        after = purge(parse(before), words)
        if "Font Awesome" in after:
            after = subset_icon_fonts(css_path, after)
        if after != before:
            css_path.write_text(after, encoding="utf-8")
        report["style_sheets"][css_path.relative_to(site).as_posix()] = (len(before), len(after))
    for page in pages(site):
        text = new = page.read_text("utf-8")
        if NO_SEARCH_AS_YOU_TYPE in text and page.name != "search.html":
            new = SEARCH_SCRIPTS.sub("", new)
            report["pages_without_search_scripts"] += new != text
        for needed, tag in UNUSED:
            if needed not in new:
                new = tag.sub("", new)
        if new != text:
            page.write_text(new, encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="+", type=Path)
    args = parser.parse_args(argv)
    for site in args.sites:
        site = site.resolve()
        if not (site / "_static").is_dir():
            print(f"slim_site: {site} is not a built site (no _static)", file=sys.stderr)
            return 2
        report = slim(site)
        sheets = ", ".join(f"{Path(k).name} {a // 1000}->{b // 1000} kB"
                           for k, (a, b) in report["style_sheets"].items())
        print(f"slim_site: {site}: {sheets}; search scripts dropped from "
              f"{report['pages_without_search_scripts']} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
