"""The timeline page in a real headless Chromium: it loads without console errors and runs no
script, shows one row per lineage and the legend, carries each cell's redline as its hover text,
and stays readable on long series: every clause key fits its cell (the browser measures the text)
and no two column headings overlap.

The series are SYNTHETIC: the hand-written one of tests/synthetic_history.py, and chains grown
from a real resolution (tests/synthetic_chains.py): 12 versions with a year missing, 48 versions
(80 lineages), and a chain whose operative keys are renamed to annex keys as long as
``ANNEX-II.P21(a)(iii)``. Each test leaves a screenshot in its tmp_path to look at.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from conftest import GA80
from resdiff.evolution import History, trace
from resdiff.model import Resolution
from resdiff.normalize import normalize_path
from resdiff.render import timeline
from synthetic_chains import donors_for, synthetic_chain
from synthetic_history import SYNTHETIC_SERIES
from test_report_browser import browser  # noqa: F401  (the report test's fixture: Debian's chromium)

pytestmark = pytest.mark.browser


@pytest.fixture
def driver(request: pytest.FixtureRequest) -> Any:
    """The chromium of the report's browser test (its fixture, imported above, asked for by name)."""
    return request.getfixturevalue("browser")


_MEASURE = """
const out = {cells: [], headings: []};
for (const cell of document.querySelectorAll('g.cell')) {
  const rect = cell.querySelector('rect'), text = cell.querySelector('text');
  out.cells.push([text.textContent, text.getComputedTextLength(), rect.width.baseVal.value]);
}
for (const text of document.querySelectorAll('g.headings')[0].querySelectorAll('text')) {
  const box = text.getBoundingClientRect();
  out.headings.push([text.textContent, box.left, box.right, box.top, box.bottom]);
}
return out;
"""


def _open(driver: Any, history: History, tmp_path: Path) -> None:
    page = tmp_path / "timeline.html"
    page.write_text(timeline.html(history), encoding="utf-8")
    driver.set_window_size(1400, 1000)
    driver.get(page.as_uri())
    assert driver.execute_script("return document.readyState") == "complete"
    driver.save_screenshot(str(tmp_path / "timeline.png"))


def _console_errors(driver: Any) -> list[dict[str, Any]]:
    return [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


def _assert_readable(driver: Any, history: History) -> None:
    measured = driver.execute_script(_MEASURE)
    assert len(measured["cells"]) == sum(1 for lineage in history.lineages for c in lineage.cells if c) + sum(
        1 for lineage in history.lineages for a, b in pairwise(lineage.cells) if a and b is None
    )
    too_wide = [(label, width, room) for label, width, room in measured["cells"] if width > room - 4]
    assert not too_wide, too_wide[:5]
    boxes = sorted(measured["headings"], key=lambda box: box[1])
    overlapping = [
        (a[0], b[0])
        for a, b in pairwise(boxes)
        if a[2] > b[1] + 0.5 and a[4] > b[3] + 0.5 and b[4] > a[3] + 0.5
    ]
    assert not overlapping, overlapping[:5]


def test_the_synthetic_series_page_loads_cleanly_and_carries_the_redlines(
    driver: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    history = trace(SYNTHETIC_SERIES)
    _open(driver, history, tmp_path)
    assert _console_errors(driver) == []
    assert driver.execute_script("return document.scripts.length") == 0
    rows = driver.find_elements(By.CSS_SELECTOR, "#timeline g.lineage")
    assert [row.get_attribute("id") for row in rows] == [lineage.id for lineage in history.lineages]
    legend = driver.find_element(By.CSS_SELECTOR, "#timeline g#legend").text
    for name in ("unchanged", "editorial", "modified", "split", "merged", "added", "restored", "deleted"):
        assert name in legend
    hovers = driver.execute_script(
        "return [...document.querySelectorAll('g.cell > title')].map(t => t.textContent)"
    )
    assert any("Expresses [-strong-]{+grave+} concern" in hover for hover in hovers)
    assert any(hover.startswith("L10 deleted in A/RES/93/7") for hover in hovers)
    gap = driver.execute_script("return document.querySelector('g.gap text').textContent")
    assert gap == "92/7 missing"
    assert len(driver.find_elements(By.CSS_SELECTOR, "#stats tbody tr")) == 3
    assert driver.find_element(By.ID, "most-edited").is_displayed()
    assert '<script>alert("x")</script>' in " ".join(hovers)  # shown as text, never run
    _assert_readable(driver, history)


@pytest.fixture(scope="module")
def real_texts() -> tuple[list[Resolution], list[Resolution]]:
    if not GA80.exists():
        pytest.skip(f"{GA80} is absent: the synthetic chains grow from the real resolutions in ../shared")
    others = [normalize_path(p).resolution for p in sorted(GA80.glob("*.md"))]
    return others, [r for r in others if r.symbol in ("A/RES/80/52", "A/RES/80/46")]


def _annex_keys(resolution: Resolution) -> Resolution:
    """The operative paragraphs given the longest keys the format allows them (a SYNTHETIC change)."""
    return replace(
        resolution,
        clauses=tuple(
            replace(c, key=re.sub(r"^OP(\d+)$", r"ANNEX-II.P\1(a)(iii)", c.key), verb=None)
            if c.key.startswith("OP")
            else c
            for c in resolution.clauses
        ),
    )


@pytest.mark.shared
@pytest.mark.parametrize("case", ["12 versions, one missing", "48 versions", "long keys"])
def test_long_series_stay_readable(
    driver: Any, tmp_path: Path, real_texts: tuple[list[Resolution], list[Resolution]], case: str
) -> None:
    others, (arms_trade, cluster_munitions) = real_texts
    if case == "long keys":
        chain = synthetic_chain("long", arms_trade, donors_for(arms_trade, others), seed=3, years=13)
        history = trace([_annex_keys(v) for v in chain.given_versions])
        assert max(len(k) for lineage in history.lineages for c in lineage.cells if c for k in c.keys) >= 20
    else:
        years = 47 if case == "48 versions" else 11
        chain = synthetic_chain(
            "long", cluster_munitions, donors_for(cluster_munitions, others), seed=1, years=years
        )
        history = trace((chain.without(6) if years == 11 else chain).given_versions)
    if case == "48 versions":
        assert len(history.versions) == 48 and len(history.lineages) >= 60
    _open(driver, history, tmp_path)
    assert _console_errors(driver) == []
    _assert_readable(driver, history)


_IN_VIEW = """
const panes = document.querySelector('.panes');
panes.scrollIntoView();
panes.scrollLeft = panes.scrollWidth; panes.scrollTop = panes.scrollHeight;  // the far corner
const view = panes.getBoundingClientRect();
const inside = (e) => { const b = e.getBoundingClientRect();
  return b.left >= view.left - 1 && b.right <= view.right + 1
    && b.top >= view.top - 1 && b.bottom <= view.bottom + 1; };
const labels = [...document.querySelectorAll('.labels g.label')].filter(inside);
const headings = [...document.querySelectorAll('.heads g.headings text')].filter(inside);
const heads = document.querySelector('.heads').getBoundingClientRect();
const lefts = document.querySelector('.labels').getBoundingClientRect();
return {scrolled: [panes.scrollLeft, panes.scrollTop], labels: labels.map(g => g.textContent),
        headings: headings.map(t => t.textContent), heads_top: heads.top - view.top,
        labels_left: lefts.left - view.left,
        openings: [...document.querySelectorAll('text.opening')].map(t => t.lastChild.textContent),
        page_width: document.documentElement.scrollWidth, window_width: window.innerWidth};
"""


def test_at_60_versions_the_row_labels_and_headings_stay_in_view(driver: Any, tmp_path: Path) -> None:
    """Scrolled to the far corner of 60 versions, the lineage ids and their opening words are still
    at the left, the version headings at the top (frozen panes: CSS, no script)."""
    versions = list(SYNTHETIC_SERIES)
    while len(versions) < 60:
        session = 90 + len(versions) + 1
        versions.append(
            replace(
                versions[-1], symbol=f"A/RES/{session}/7", session=session, adopted=f"{session + 1945}-12-04"
            )
        )
    history = trace(versions)
    _open(driver, history, tmp_path)
    assert _console_errors(driver) == [] and driver.execute_script("return document.scripts.length") == 0
    driver.set_window_size(1000, 360)  # lower than the 14 rows: the panes scroll down too
    found = driver.execute_script(_IN_VIEW)
    driver.save_screenshot(str(tmp_path / "timeline-scrolled.png"))
    assert found["scrolled"][0] > 1000 and found["scrolled"][1] > 0  # it did scroll, both ways
    assert abs(found["heads_top"]) <= 2 and abs(found["labels_left"]) <= 2  # stuck to the top and the left
    assert len(found["labels"]) >= 3 and len(found["headings"]) >= 5
    assert found["page_width"] <= found["window_width"]  # only the panes scroll sideways, not the page
    assert any(name in " ".join(found["headings"]) for name in ("149/7", "150/7"))  # the last columns
    last = history.versions[-1]
    first_words = [" ".join(history.resolutions[-1].clause(key).text.split()[:2]) for key in ("PP1", "OP1")]
    assert all(any(opening.startswith(words) for opening in found["openings"]) for words in first_words)
    assert last.symbol == "A/RES/150/7"
