"""The session index (``resdiff session -o DIR``) in a real headless Chromium: it loads offline without
console errors, its sort buttons order the rows by committee, agenda item, amount of change and vote
change (and reverse on a second click), and each pair's link opens its change report. On the SYNTHETIC
sessions of tests/synthetic_session.py, and on the real PDFs of sessions 79 and 80. Each test leaves a
screenshot in its tmp_path to look at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import SHARED, _need
from resdiff import canonical
from resdiff.cli import main
from synthetic_session import SYNTHETIC_NEW_SESSION, SYNTHETIC_OLD_SESSION
from test_report_browser import browser  # noqa: F401  (the report test's fixture: Debian's chromium)

pytestmark = pytest.mark.browser


@pytest.fixture
def driver(request: pytest.FixtureRequest) -> Any:
    return request.getfixturevalue("browser")


def _write_index(sources: list[str], out: Path) -> Path:
    result = CliRunner().invoke(main, ["session", *sources, "-o", f"{out}/"])
    assert result.exit_code == 0, result.output
    return out / "index.html"


def _open(driver: Any, index: Path, shot: Path) -> None:
    driver.set_window_size(1400, 1000)
    driver.get(index.as_uri())
    assert driver.execute_script("return document.readyState") == "complete"
    driver.save_screenshot(str(shot))


def _column(driver: Any, name: str) -> list[str]:
    return driver.execute_script(
        "var k = document.getElementById('col-' + arguments[0]).cellIndex;"
        "return Array.prototype.map.call(document.querySelectorAll('#pairs tbody tr'),"
        " function (r) { return r.cells[k].dataset.sort; });",
        name,
    )


def _sort(driver: Any, name: str) -> None:
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, f"#col-{name} button").click()


def _errors(driver: Any) -> list[dict[str, Any]]:
    return [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


def test_synthetic_index_sorts_by_every_column_and_links_the_reports(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    sources = []
    for text in (*SYNTHETIC_OLD_SESSION, *SYNTHETIC_NEW_SESSION):
        path = tmp_path / f"synthetic_{(text.symbol or '').replace('/', '_')}.txt"
        path.write_text(canonical.dump(text), encoding="utf-8")
        sources.append(str(path))
    index = _write_index(sources, tmp_path / "out")
    _open(driver, index, tmp_path / "session.png")
    assert _errors(driver) == []
    assert "no-external" not in index.read_text(encoding="utf-8")
    assert driver.execute_script("return document.querySelectorAll('link, img, [src]').length") == 0

    _sort(driver, "carried")  # the most changed first
    carried = [float(v) for v in _column(driver, "carried")]
    assert carried == sorted(carried) and carried[0] < carried[-1]
    _sort(driver, "carried")
    assert [float(v) for v in _column(driver, "carried")] == sorted(carried, reverse=True)
    assert driver.find_element(By.ID, "col-carried").get_attribute("aria-sort") == "descending"

    _sort(driver, "vote")
    _sort(driver, "vote")  # the most moved first: 92/20, where two States changed their vote
    first = driver.find_element(By.CSS_SELECTOR, "#pairs tbody tr")
    assert first.get_attribute("id") == "pair-92-20"
    assert "Borduria (no → abstain)" in first.text

    for column in ("committee", "agenda"):
        _sort(driver, column)
        values = _column(driver, column)
        assert values == sorted(values), column
    driver.save_screenshot(str(tmp_path / "session-sorted.png"))

    first.find_element(By.TAG_NAME, "a").click()
    assert "Changes: A/RES/91/10" in driver.title
    assert _errors(driver) == []


@pytest.mark.shared
def test_real_pdf_sessions_index(driver: Any, tmp_path: Path) -> None:
    pdfs = _need(SHARED / "data" / "un-pdf")
    index = _write_index([str(p) for p in sorted(pdfs.glob("ga-res-*/*.pdf"))], tmp_path / "out")
    _open(driver, index, tmp_path / "session-pdf.png")
    assert _errors(driver) == []
    rows = _column(driver, "new")
    assert len(rows) == 37
    _sort(driver, "agenda")
    agenda = _column(driver, "agenda")
    assert agenda == sorted(agenda)
    # "99 (z)" before "99 (aa)", as the agenda lists its sub-items
    texts = driver.execute_script(
        "var k = document.getElementById('col-agenda').cellIndex;"
        "return Array.prototype.map.call(document.querySelectorAll('#pairs tbody tr'),"
        " function (r) { return r.cells[k].textContent; });"
    )
    assert texts.index("99 (y)") < texts.index("99 (bb)")
    driver.save_screenshot(str(tmp_path / "session-pdf-sorted.png"))
