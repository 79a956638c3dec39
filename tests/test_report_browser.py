"""The HTML report in a real headless Chromium: it loads without console errors, shows the
expected counts and switches between the inline and side-by-side views.

Needs Debian's ``chromium`` and ``chromedriver`` (installed by .ci/run) and selenium; the driver
path is given explicitly so selenium never downloads anything.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from resdiff.records import Comparison
from resdiff.render import render
from resdiff.report import build_report
from synthetic_report import synthetic_comparison

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is absent: pip install -e .[test]")
    for program in (CHROMIUM, CHROMEDRIVER):
        if not Path(program).exists():
            pytest.skip(f"{program} is absent: install Debian's chromium and chromium-driver (.ci/run does)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    log = str(tmp_path / "chromedriver.log")
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER, log_output=log)
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: Any, comparison: Comparison, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    html = render(build_report(comparison), "html")
    assert isinstance(html, str)
    page.write_text(html, encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.execute_script("return document.readyState") == "complete"


def _counts(browser: Any, comparison: Comparison) -> dict[str, int]:
    from selenium.webdriver.common.by import By

    return {kind: int(browser.find_element(By.ID, f"count-{kind}").text) for kind in comparison.summary()}


def _console_errors(browser: Any) -> list[dict[str, Any]]:
    return [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


def test_synthetic_report_loads_cleanly_and_shows_its_counts(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    comparison = synthetic_comparison()
    _open(browser, comparison, tmp_path)
    assert _console_errors(browser) == []
    assert _counts(browser, comparison) == comparison.summary()
    # the hostile synthetic text is shown as text and ran nothing
    assert browser.execute_script("return document.scripts.length") == 0
    assert '<script>alert("x")</script>' in browser.find_element(By.ID, "inline-view").text
    inline, side = browser.find_element(By.ID, "inline-view"), browser.find_element(By.ID, "side-view")
    assert inline.is_displayed() and not side.is_displayed()
    browser.find_element(By.CSS_SELECTOR, "label[for=view-side]").click()
    assert side.is_displayed() and not inline.is_displayed()
    assert "Also requests the Secretary-General" in side.text


@pytest.mark.shared
def test_real_report_shows_the_counts_of_compare(
    browser: Any, tmp_path: Path, seed_path: Path, res_80_52_path: Path
) -> None:
    from resdiff.compare import compare
    from resdiff.normalize import normalize_path

    comparison = compare(normalize_path(seed_path).resolution, normalize_path(res_80_52_path).resolution)
    _open(browser, comparison, tmp_path)
    assert _console_errors(browser) == []
    assert _counts(browser, comparison) == comparison.summary()
