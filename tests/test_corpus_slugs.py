"""Series names: one rule everywhere, so a fresh ``init`` + ``add`` names a series as the shipped corpus
does (``cluster-munitions``); ``--series`` stays documented in ``add --help``.

The rule tests use titles of the real resolutions (public UN titles, not their texts); the corpus
tests read the seed and the 80th-session files in ../shared where they are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, SHARED, _need
from corpus_synthetic import cli, make_corpus, synthetic_source
from resdiff.errors import CorpusError
from resdiff.normalize import normalize_path
from resdiff.refs import slugify, validate_slug

SHIPPED = ROOT / "corpus"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Implementation of the Convention on Cluster Munitions", "cluster-munitions"),
        (
            "Implementation of the Convention on the Prohibition of the Development, Production, Stockpiling "
            "and Use of Chemical Weapons and on Their Destruction",
            "chemical-weapons",
        ),
        (
            "Implementation of the Convention on the Prohibition of the Use, Stockpiling, Production and "
            "Transfer of Anti-Personnel Mines and on Their Destruction",
            "anti-personnel-mines",
        ),
        (
            "Implementation of the Convention on the Prohibition of the Development, Production and "
            "Stockpiling of Bacteriological (Biological) and Toxin Weapons and on Their Destruction",
            "bacteriological-biological-toxin-weapons",
        ),
        (
            "Implementation of the Convention on Prohibitions or Restrictions on the Use of Certain "
            "Conventional Weapons Which May Be Deemed to Be Excessively Injurious or to Have "
            "Indiscriminate Effects",
            "certain-conventional-weapons",
        ),
        (
            "Implementation of the Declaration of the Indian Ocean as a Zone of Peace",
            "declaration-indian-ocean-zone-peace",
        ),
        ("The Arms Trade Treaty", "arms-trade-treaty"),
        ("Treaty on the Prohibition of Nuclear Weapons", "treaty-prohibition-nuclear-weapons"),
        ("Convention on Cluster Munitions", "convention-cluster-munitions"),  # not implemented: as it reads
        ("Nuclear disarmament", "nuclear-disarmament"),
        # a hyphenated compound comes whole or not at all: never the stub "non"
        (
            "Conclusion of effective international arrangements to assure non-nuclear-weapon States "
            "against the use or threat of use of nuclear weapons",
            "conclusion-effective-international-arrangements-assure",
        ),
        # the same title as A/RES/80/18 prints it, with a non-breaking hyphen: the same name
        (
            "Conclusion of effective international arrangements to assure non\u2011nuclear-weapon States "
            "against the use or threat of use of nuclear weapons",
            "conclusion-effective-international-arrangements-assure",
        ),
        ("Synthetic rights of the widget makers\u2019 guild", "synthetic-rights-widget-makers-guild"),
        ("Synthetic rights of the widget makers' guild", "synthetic-rights-widget-makers-guild"),
    ],
)
def test_a_series_is_named_after_the_subject_of_its_title(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_the_store_of_sources_is_never_a_series() -> None:
    with pytest.raises(CorpusError, match="keeps its sources in sources/"):
        validate_slug("sources")


@pytest.mark.shared
def test_every_title_of_the_80th_session_gets_its_own_valid_name(ga80_paths: list[Path]) -> None:
    titles = {normalize_path(path).resolution.title or "" for path in ga80_paths}
    slugs = {slugify(title) for title in titles}
    assert len(titles) == len(ga80_paths) == len(slugs)  # two titles never share a name
    assert all(validate_slug(slug) == slug for slug in slugs)
    assert {"cluster-munitions", "chemical-weapons", "anti-personnel-mines"} <= slugs


@pytest.mark.shared
def test_a_fresh_corpus_names_and_stores_the_seed_as_the_shipped_corpus_does(
    tmp_path: Path, seed_path: Path, res_80_52_path: Path
) -> None:
    root = make_corpus(tmp_path)
    added = cli("add", "--corpus", str(root), str(seed_path))  # no --series
    assert added.exit_code == 0, added.output
    assert "added\tA/RES/72/54\tcluster-munitions/A_RES_72_54.txt" in added.output
    for name in ("A_RES_72_54.txt",):
        assert (root / "cluster-munitions" / name).read_bytes() == (
            SHIPPED / "cluster-munitions" / name
        ).read_bytes()
    successor = cli("add", "--corpus", str(root), str(res_80_52_path))  # its front matter names another title
    assert "added\tA/RES/80/52\tcluster-munitions/A_RES_80_52.txt" in successor.output


def test_add_help_documents_series_and_the_crash_safety_promise() -> None:
    text = " ".join(cli("add", "--help").output.split())
    assert "--series SLUG" in text and "cluster-munitions" in text
    assert "never half-written" in text and "rolls back" in text


def test_two_years_of_a_title_that_differ_in_a_dash_only_are_one_series(tmp_path: Path) -> None:
    """SYNTHETIC texts that recite no predecessor: the title alone ties them, whatever its hyphens."""
    root = make_corpus(tmp_path / "corpus")
    older = tmp_path / "older.txt"
    newer = tmp_path / "newer.txt"
    older.write_text(synthetic_source(90, 7, title="Synthetic assurances to non-widget States"))
    newer.write_text(synthetic_source(91, 8, title="Synthetic assurances to non\u2011widget  States"))
    added = cli("add", "--corpus", str(root), str(older), str(newer))
    assert added.exit_code == 0, added.output
    assert "synthetic-assurances-non-widget-states/A_RES_90_7.txt" in added.output
    assert "synthetic-assurances-non-widget-states/A_RES_91_8.txt" in added.output


@pytest.mark.shared
def test_adding_the_94_pdfs_groups_every_predecessor_pair(tmp_path: Path) -> None:
    """Each of the 37 session-79 PDFs is the predecessor of one of 80/1-55 (same title and agenda
    item: ../shared's README), and 78/32, 78/29 those of 79/58, 79/56: one add of all 94 puts each
    in its successor's series (79/17 and 80/18 differ in a non-breaking hyphen only)."""
    pdfs = _need(SHARED / "data" / "un-pdf")
    root = make_corpus(tmp_path)
    added = cli("add", "--corpus", str(root), *sorted(str(p) for p in pdfs.glob("ga-res-*/*.pdf")))
    assert added.exit_code == 0, added.output
    series: dict[str, list[int]] = {}  # sessions of each series' texts
    for path in root.glob("*/A_RES_*.txt"):
        series.setdefault(path.parent.name, []).append(int(path.stem.split("_")[2]))
    assert sum(len(s) for s in series.values()) == 94
    assert all(len(set(s)) == len(s) for s in series.values())  # one text a session
    older = sorted(p.stem for p in pdfs.glob("ga-res-7[89]/*.pdf"))
    assert len(older) == 39
    for stem in older:
        folder = next(root.glob(f"*/{stem}.txt")).parent.name
        assert int(stem.split("_")[2]) + 1 in series[folder], (stem, folder, sorted(series[folder]))
