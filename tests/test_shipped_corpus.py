"""The corpus shipped in corpus/: consistent, and exactly what resdiff makes of the seed."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conftest import ROOT
from resdiff import canonical
from resdiff.cli import main
from resdiff.normalize import normalize_path

SHIPPED = ROOT / "corpus"
TEXT_72_54 = SHIPPED / "cluster-munitions" / "A_RES_72_54.txt"


def test_the_shipped_corpus_passes_verify() -> None:
    result = CliRunner().invoke(main, ["verify", "--corpus", str(SHIPPED)])
    assert result.exit_code == 0, result.output


def test_the_shipped_text_is_the_normalized_seed(seed_path: Path) -> None:
    assert TEXT_72_54.read_text(encoding="utf-8") == canonical.dump(normalize_path(seed_path).resolution)


def test_the_shipped_series_lists_what_to_fetch() -> None:
    result = CliRunner().invoke(main, ["series", "cluster-munitions", "--corpus", str(SHIPPED)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "present  A/RES/72/54" in "\n".join(lines)
    assert [line.split()[1] for line in lines[1:]] == [
        "A/RES/63/71",
        "A/RES/70/54",
        "A/RES/71/45",
        "A/RES/72/54",
    ]
