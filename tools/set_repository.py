"""Point the book at a repository URL: `make set-repo URL=https://github.com/you/repo`.

Edits text and regenerates nothing: the one place the URL lives (the `repository:`
block of _config.yml) and the Colab install cell of every chapter, in both the MyST
Markdown source and its paired notebook, so the pair stays in sync.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALL = re.compile(r"(migcoop @ git\+)https://[\w.-]+/[\w.-]+/[\w.-]+?(@main)")


def main(url: str) -> int:
    if not re.fullmatch(r"https://[\w.-]+/[\w.-]+/[\w.-]+", url):
        print(f"URL={url!r} must look like https://github.com/OWNER/REPO", file=sys.stderr)
        return 2
    config = ROOT / "_config.yml"
    text = config.read_text(encoding="utf-8")
    text, n = re.subn(r"(^repository:\s*\n\s+url:\s*)\S+", rf"\g<1>{url}", text, flags=re.M)
    if n != 1:
        print("could not find the repository url in _config.yml", file=sys.stderr)
        return 1
    config.write_text(text, encoding="utf-8")
    edited = 0
    for path in sorted((ROOT / "chapters").glob("*.md")) + sorted((ROOT / "chapters").glob("*.ipynb")):
        old = path.read_text(encoding="utf-8")
        new = INSTALL.sub(rf"\g<1>{url}\g<2>", old)
        if new != old:
            path.write_text(new, encoding="utf-8")
            edited += 1
    print(f"repository set to {url}; install cells edited in {edited} chapter files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
