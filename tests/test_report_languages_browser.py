"""Arabic and Chinese change reports in a real headless Chromium: the Arabic text is laid out right to
left with its Latin symbols kept in order, and each script is drawn with a font that has its letters
(Noto Naskh Arabic, Noto Serif CJK: Debian's fonts-noto-core and fonts-noto-cjk, installed by .ci/run).

The reports are made from the real texts of 79/58 and 80/52 (cluster munitions) in the UN's AKN4UN XML
(source: United Nations, DGACM), read in place from ../shared. Each test keeps its screenshot in
tmp_path (``report-ar.png``, ``report-zh.png``) for a person to look at.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import test_report_browser
from conftest import SHARED, _need
from resdiff.compare import compare
from resdiff.normalize import normalize_path
from resdiff.render import render
from resdiff.report import build_report

browser = test_report_browser.browser  # the same fixture: headless Chromium, nothing downloaded

pytestmark = [pytest.mark.browser, pytest.mark.shared]

AKN = SHARED / "data" / "akn"
LANGUAGE_FOLDERS = {"ar": "Arabic", "zh": "Chinese"}


def _akn(session: int, number: int, language: str) -> Path:
    folder = _need(AKN / f"{session}session" / LANGUAGE_FOLDERS[language])
    found = sorted(folder.glob(f"A_RES_{session}_{number}-*.xml"))
    if not found:
        pytest.skip(f"no {LANGUAGE_FOLDERS[language]} text of {session}/{number} in {folder}")
    return found[0]


FONTS = {"ar": "Noto Naskh Arabic", "zh": "Noto Serif CJK SC"}


def _need_font(language: str) -> None:
    fc_list = shutil.which("fc-list")
    listed = ""
    if fc_list:
        listed = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True, check=False).stdout
    if FONTS[language] not in listed:
        pytest.skip(f"the font {FONTS[language]} is absent: install Debian's fonts-noto-core, fonts-noto-cjk")


def _open_report(browser: Any, language: str, tmp_path: Path) -> None:
    _need_font(language)
    old = normalize_path(_akn(79, 58, language)).resolution
    new = normalize_path(_akn(80, 52, language)).resolution
    html = render(build_report(compare(old, new)), "html")
    assert isinstance(html, str)
    page = tmp_path / f"report-{language}.html"
    page.write_text(html, encoding="utf-8")
    browser.set_window_size(1100, 1400)
    browser.get(page.as_uri())
    assert browser.execute_script("return document.readyState") == "complete"


def _platform_fonts(browser: Any, selector: str) -> set[str]:
    """The fonts Chromium really drew a node's own text with (DevTools: CSS.getPlatformFontsForNode)."""
    browser.execute_cdp_cmd("DOM.enable", {})
    browser.execute_cdp_cmd("CSS.enable", {})
    root = browser.execute_cdp_cmd("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = browser.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = browser.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"] for font in fonts}


_FIRST_AND_LAST = """
const p = document.querySelector(arguments[0]);
const text = p.firstChild;
const range = document.createRange();
range.setStart(text, 0); range.setEnd(text, 1);
const first = range.getBoundingClientRect();
const box = p.getBoundingClientRect();
return [getComputedStyle(p).direction, first.right, box.right, box.left];
"""
_SYMBOL_ORDER = """
const bdi = document.querySelector(arguments[0]);
const text = bdi.firstChild;
const xs = [];
for (let k = 0; k < text.length; k++) {
  const range = document.createRange();
  range.setStart(text, k); range.setEnd(text, k + 1);
  xs.push(range.getBoundingClientRect().left);
}
return [text.data, xs];
"""


def test_an_arabic_report_reads_right_to_left_with_its_symbols_in_order(browser: Any, tmp_path: Path) -> None:
    _open_report(browser, "ar", tmp_path)
    browser.save_screenshot(str(tmp_path / "report-ar.png"))
    paragraph = "#change-1 p"
    direction, first_right, box_right, box_left = browser.execute_script(_FIRST_AND_LAST, paragraph)
    assert direction == "rtl"
    # the paragraph's first letter stands at its right edge, as Arabic is read
    assert box_right - first_right < 2 < first_right - box_left
    text, xs = browser.execute_script(_SYMBOL_ORDER, f"{paragraph} bdi")
    assert text == "63/71" and xs == sorted(xs), (text, xs)  # "63/71", never "71/63"
    assert "Noto Naskh Arabic" in _platform_fonts(browser, paragraph)
    # the report's own words stay English, left to right
    heading = browser.execute_script("return getComputedStyle(document.querySelector('h1')).direction")
    assert heading == "ltr"
    # an Arabic value in one of them keeps the line's order: "meeting <old> → <new>"
    old_meeting, new_meeting = browser.execute_script(
        "return [...document.querySelectorAll('#metadata bdi')].slice(-2)"
        ".map(b => b.getBoundingClientRect().left)"
    )
    assert old_meeting < new_meeting
    browser.execute_script("document.querySelector('#clauses').scrollIntoView()")
    browser.save_screenshot(str(tmp_path / "report-ar-clauses.png"))


def test_a_chinese_report_is_drawn_with_a_cjk_font(browser: Any, tmp_path: Path) -> None:
    _open_report(browser, "zh", tmp_path)
    browser.save_screenshot(str(tmp_path / "report-zh.png"))
    fonts = _platform_fonts(browser, "#change-1 p")
    assert any("CJK" in font for font in fonts), fonts
    assert browser.execute_script("return document.querySelector('#change-1 p').lang") == "zh"
    browser.execute_script("document.querySelector('#clauses').scrollIntoView()")
    browser.save_screenshot(str(tmp_path / "report-zh-clauses.png"))
