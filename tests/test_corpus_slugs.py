"""Series names: one rule everywhere, so a fresh ``init`` + ``add`` names a series as the shipped corpus
does (``cluster-munitions``); ``--series`` stays documented in ``add --help``.

The rule tests use titles of the real resolutions (public UN titles, not their texts); the corpus
tests read the seed and the 80th-session files in ../shared where they are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from corpus_synthetic import cli, make_corpus
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
