"""The corpus with the real texts of the cluster-munitions series (A/RES/72/54 and A/RES/80/52)."""

from __future__ import annotations

import json
from pathlib import Path

import git
import pytest

from corpus_synthetic import cli, make_corpus

pytestmark = pytest.mark.shared

LINEAGE = [
    ("A/RES/63/71", "2008-12-02"),
    ("A/RES/70/54", "2015-12-07"),
    ("A/RES/71/45", "2016-12-05"),
    ("A/RES/72/54", "2017-12-04"),
    ("A/RES/73/54", "2018-12-05"),
    ("A/RES/74/62", "2019-12-12"),
    ("A/RES/75/62", "2020-12-07"),
    ("A/RES/76/47", "2021-12-06"),
    ("A/RES/77/79", "2022-12-07"),
    ("A/RES/78/32", "2023-12-04"),
    ("A/RES/79/58", "2024-12-02"),
    ("A/RES/80/52", "2025-12-01"),
]


def test_seed_and_its_successor_form_one_series_with_the_whole_lineage(
    tmp_path: Path, seed_path: Path, res_80_52_path: Path
) -> None:
    root = make_corpus(tmp_path)
    first = cli("add", "--corpus", str(root), str(seed_path))
    assert first.exit_code == 0, first.output
    second = cli("add", "--corpus", str(root), str(res_80_52_path))
    assert second.exit_code == 0, second.output
    slug = "cluster-munitions"  # as the shipped corpus names it
    assert f"added\tA/RES/80/52\t{slug}/A_RES_80_52.txt" in second.output
    assert sorted(p.relative_to(root).as_posix() for p in root.glob("*/*.txt")) == [
        f"{slug}/A_RES_72_54.txt",
        f"{slug}/A_RES_80_52.txt",
    ]
    lines = cli("series", "--corpus", str(root), slug).output.splitlines()
    assert lines[0] == f"{slug}: Implementation of the Convention on Cluster Munitions"
    present = {"A/RES/72/54", "A/RES/80/52"}
    assert lines[1:] == [
        f"  {'present' if symbol in present else 'missing'}  {symbol}\t{date}" for symbol, date in LINEAGE
    ]
    assert cli("verify", "--corpus", str(root)).exit_code == 0
    assert cli("show", "--corpus", str(root), f"{slug}@2017").output == (
        root / slug / "A_RES_72_54.txt"
    ).read_text(encoding="utf-8")


def test_the_shipped_layout_inside_a_project_repository_verifies(tmp_path: Path, seed_path: Path) -> None:
    git.Repo.init(tmp_path)
    root = tmp_path / "corpus"
    assert cli("init", str(root)).exit_code == 0
    added = cli("add", "--corpus", str(root), "--series", "cluster-munitions", str(seed_path))
    assert added.exit_code == 0, added.output
    [index] = json.loads(cli("series", "--format", "json", "--corpus", str(root)).output)
    assert [m["symbol"] for m in index["members"]] == ["A/RES/72/54"]
    assert [e["symbol"] for e in index["lineage"]] == [
        "A/RES/63/71",
        "A/RES/70/54",
        "A/RES/71/45",
        "A/RES/72/54",
    ]
    stored = (root / "cluster-munitions" / "A_RES_72_54.txt").read_text(encoding="utf-8")
    assert "source: seed-markdown sha256:" in stored
    result = cli("verify", "--corpus", str(root))
    assert result.exit_code == 0, result.output
