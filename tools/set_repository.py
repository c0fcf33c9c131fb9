"""Point the book at a repository URL: `make set-repo URL=https://github.com/you/repo`.

Updates the one place the URL lives (the `repository:` block of _config.yml) and
regenerates every chapter from its tools/make_chNN.py script, so that the Colab
install cell of each notebook installs `migcoop` from the same repository.
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
    for script in sorted((ROOT / "tools").glob("make_ch*.py")):
        subprocess.run([sys.executable, script.name], cwd=ROOT / "tools", check=True)
    print(f"repository set to {url}; chapters regenerated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
