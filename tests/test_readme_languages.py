"""The README's offline examples in French and in Chinese, run as written: the cluster-munitions series
2020-2025 from the UN's AKN4UN XML (source: United Nations, DGACM) in ../shared, each command of the
README's block in bash, in a fresh corpus (the block's ``export RESDIFF_CORPUS=...`` pointed at
tmp_path, nothing else changed), from a folder whose ``../shared`` is the shared data. Then what the
analyst gets is checked: the series, a report and history and timeline in the language, its text
marked with it, nothing translated."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED, _need

pytestmark = pytest.mark.shared

README = Path(__file__).resolve().parents[1] / "README.md"
SYMBOLS = ["A/RES/75/62", "A/RES/76/47", "A/RES/77/79", "A/RES/78/32", "A/RES/79/58", "A/RES/80/52"]
TITLES = {
    "fr": "Application de la Convention sur les armes à sous-munitions",
    "zh": "《集束弹药公约》的执行情况",
}


def _block(language: str) -> str:
    """The README's sh block of the six-language section that runs in LANGUAGE."""
    section = README.read_text(encoding="utf-8").split("## Six languages", 1)[1].split("\n## ", 1)[0]
    blocks = [b for b in re.findall(r"```sh\n(.*?)```", section, re.S) if f"--lang {language}" in b]
    assert len(blocks) == 1, f"the README's section on six languages has no one block for --lang {language}"
    return blocks[0]


@pytest.mark.parametrize("language", ["fr", "zh"])
def test_the_readme_offline_example_runs_in_the_language(language: str, tmp_path: Path) -> None:
    _need(SHARED / "data" / "akn" / "80session")
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "shared").symlink_to(SHARED.resolve())  # what ../shared is beside a checkout
    corpus = tmp_path / "corpus"
    script = re.sub(
        r"^export RESDIFF_CORPUS=.*$", f"export RESDIFF_CORPUS={corpus}", _block(language), flags=re.M
    )
    resdiff = Path(sys.executable).parent / "resdiff"
    if not resdiff.exists():
        pytest.skip(f"no resdiff console script beside {sys.executable}: pip install -e .")
    env = {**os.environ, "PATH": f"{resdiff.parent}{os.pathsep}{os.environ.get('PATH', '')}", "NO_COLOR": "1"}
    env.pop("RESDIFF_CORPUS", None)
    bash = shutil.which("bash")
    assert bash is not None
    result = subprocess.run(
        [bash, "-e", "-c", script],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for symbol in SYMBOLS:  # the series: the six texts present, in order
        assert re.search(rf"present\s+{symbol}", out), symbol
    assert TITLES[language] in out  # the title in the language, never translated
    assert "6 versions" in out  # the history's table
    pages = sorted(work.glob("*.html"))
    assert len(pages) == 2, pages  # the report and the timeline
    report = next(p for p in pages if "Changes:" in p.read_text(encoding="utf-8")).read_text(encoding="utf-8")
    assert f'lang="{language}"' in report and "United Nations" in report  # marked; the source acknowledged
    assert 'id="count-modified"' in report
    timeline = next(p for p in pages if "Timeline:" in p.read_text(encoding="utf-8")).read_text(
        encoding="utf-8"
    )
    assert f'lang="{language}"' in timeline and TITLES[language] in timeline
    if language == "zh":  # the blame: every line within 80 terminal columns, Chinese broken between words
        from wcwidth import wcswidth

        blame = out[out.index("A/RES/80/52: since which version") :]
        assert max(wcswidth(line) for line in blame.splitlines()) <= 80
