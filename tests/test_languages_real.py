"""Both six-language series 2020-2025 (cluster munitions, chemical weapons) through the whole tool:
the UN's AKN4UN XML (source: United Nations, DGACM) read in place from ../shared into one corpus, then
series, diff, report (every format), history, blame and timeline in each language, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHARED, _need
from resdiff.cli import main

pytestmark = pytest.mark.shared

AKN = SHARED / "data" / "akn"
FOLDERS = {"en": "English", "fr": "French", "es": "Spanish", "ru": "Russian", "ar": "Arabic", "zh": "Chinese"}
SERIES = {
    "cluster-munitions": ("75_62", "76_47", "77_79", "78_32", "79_58", "80_52"),
    "chemical-weapons": ("75_55", "76_29", "77_73", "78_29", "79_56", "80_34"),
}


def _files(numbers: tuple[str, ...], language: str) -> list[str]:
    out = []
    for number in numbers:
        session = number.split("_")[0]
        folder = _need(AKN / f"{session}session" / FOLDERS[language])
        out += [str(p) for p in sorted(folder.glob(f"*{number}[-_]*.xml"))]
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("six") / "corpus"
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(root)]).exit_code == 0
    for slug, numbers in SERIES.items():
        files = [f for language in FOLDERS for f in _files(numbers, language)]
        result = runner.invoke(main, ["add", "--series", slug, "--corpus", str(root), *files])
        assert result.exit_code == 0, result.output
    return root


def _run(corpus: Path, *args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--corpus", str(corpus)])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("language", sorted(FOLDERS))
@pytest.mark.parametrize("slug", sorted(SERIES))
def test_each_language_runs_through_series_history_blame_and_timeline(
    corpus: Path, slug: str, language: str, tmp_path: Path
) -> None:
    numbers = SERIES[slug]  # every text of both series, in all six languages (Arabic 77/73 too)
    index = json.loads(_run(corpus, "series", slug, "--lang", language, "--format", "json"))[0]
    present = [e["symbol"] for e in index["lineage"] if e["present"]]
    assert present == [f"A/RES/{n.replace('_', '/')}" for n in numbers]
    assert {m.get("language", "en") for m in index["members"]} == {language}
    history = json.loads(_run(corpus, "history", slug, "--lang", language, "--format", "json"))
    assert [v["symbol"] for v in history["versions"]] == present
    stats = history["stats"]
    assert all(s["words"] > 200 for s in stats)  # words as the language has them (Chinese segmented)
    assert all(0.3 < s["carried_over"] <= 1 for s in stats[1:]), stats
    last = present[-1].removeprefix("A/RES/")
    blame = json.loads(_run(corpus, "blame", f"{last}@{language}", "--format", "json"))
    shown = json.loads(_run(corpus, "show", f"{last}@{language}", "--format", "json"))
    texts = {c["key"]: c["text"] for c in shown["clauses"]}
    for clause in blame["clauses"]:
        assert "".join(span["text"] for span in clause["spans"]) == texts[clause["key"]]
    _run(corpus, "timeline", slug, "--lang", language, "-o", str(tmp_path / "timeline.html"))
    assert f"{len(present)} versions" in _run(corpus, "history", slug, "--lang", language)


@pytest.mark.parametrize("language", sorted(FOLDERS))
def test_a_report_in_every_format_in_each_language(corpus: Path, language: str, tmp_path: Path) -> None:
    old, new = f"79/58@{language}", f"80/52@{language}"
    diff = json.loads(_run(corpus, "diff", old, new, "--format", "json"))
    assert diff["old"]["language"] == diff["new"]["language"] == language  # AKN says English too
    pp1 = next(c for c in diff["changes"] if c["new"] == ["PP1"])
    assert {"numbers", "citations"} <= set(pp1["tags"])  # 79/58 of 2 December 2024 now recited
    for suffix in ("html", "md", "docx"):
        _run(corpus, "report", old, new, "-o", str(tmp_path / f"report.{suffix}"))
    html = (tmp_path / "report.html").read_text()
    if language == "ar":
        assert 'lang="ar" dir="rtl"' in html and '<bdi dir="ltr">63/71</bdi>' in html
    assert "A/RES/80/52" in _run(corpus, "diff", old, new)
    # texts in two languages are refused with the way out
    other = "fr" if language != "fr" else "en"
    result = CliRunner().invoke(main, ["diff", old, f"80/52@{other}", "--corpus", str(corpus)])
    assert result.exit_code == 2 and "compare two texts in one language" in result.output
