"""Arabic and Chinese history, blame and timeline pages in a real headless Chromium: each text is marked
with its language and drawn with a font that has its letters (Noto Naskh Arabic, Noto Serif CJK), the
Arabic text runs right to left with its Latin symbols kept in order, the page's own words stay English
and left to right, and a row's opening words in the timeline stay inside their room (a Chinese
character is twice as wide as a Latin one; an Arabic opening starts at the right of its room).

The pages are made from the real cluster-munitions series 2020-2025 (75/62 to 80/52) in the UN's
AKN4UN XML (source: United Nations, DGACM), read in place from ../shared. Each test keeps its
screenshots in tmp_path (``history-ar.png``, ``blame-zh.png``, ``timeline-ar.png``, ...) to look at.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

import test_report_browser
from conftest import _need
from resdiff.evolution import History, trace
from resdiff.normalize import normalize_path
from resdiff.render import timeline
from resdiff.render.history import render_blame, render_history
from resdiff.render.timeline import LABEL, MARGIN, OPENING
from test_report_languages_browser import AKN, FONTS, LANGUAGE_FOLDERS, _need_font, _platform_fonts

browser = test_report_browser.browser  # the same fixture: headless Chromium, nothing downloaded

pytestmark = [pytest.mark.browser, pytest.mark.shared]

CLUSTER_MUNITIONS = ((75, 62), (76, 47), (77, 79), (78, 32), (79, 58), (80, 52))


@cache
def _history(language: str) -> History:
    texts = []
    for session, number in CLUSTER_MUNITIONS:
        folder = _need(AKN / f"{session}session" / LANGUAGE_FOLDERS[language])
        found = sorted(folder.glob(f"*{session}_{number}[-_]*.xml"))
        if not found:
            pytest.skip(f"no {LANGUAGE_FOLDERS[language]} text of {session}/{number} in {folder}")
        texts.append(normalize_path(found[0]).resolution)
    return trace(texts)


def _open(browser: Any, html: str, name: str, tmp_path: Path) -> None:
    page = tmp_path / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    browser.set_window_size(1200, 1400)
    browser.get(page.as_uri())
    assert browser.execute_script("return document.readyState") == "complete"
    browser.save_screenshot(str(tmp_path / f"{name}.png"))


_DIRECTION_AND_FIRST = """
const p = document.querySelector(arguments[0]);
const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
const text = walker.nextNode();
const range = document.createRange();
range.setStart(text, 0); range.setEnd(text, 1);
const first = range.getBoundingClientRect(), box = p.getBoundingClientRect();
return [getComputedStyle(p).direction, p.lang, first.left, first.right, box.left, box.right];
"""
_SYMBOL_ORDER = """
const xs = [], texts = [];
for (const bdi of document.querySelectorAll(arguments[0])) {
  const text = bdi.firstChild, here = [];
  for (let k = 0; k < text.length; k++) {
    const range = document.createRange();
    range.setStart(text, k); range.setEnd(text, k + 1);
    here.push(range.getBoundingClientRect().left);
  }
  texts.push(text.data); xs.push(here);
}
return [texts, xs];
"""


def _reads_in_its_direction(browser: Any, selector: str, language: str) -> None:
    """The text's first letter stands where its reader starts: the right edge for Arabic, else the left."""
    direction, lang, first_left, first_right, box_left, box_right = browser.execute_script(
        _DIRECTION_AND_FIRST, selector
    )
    assert lang == language
    if language == "ar":
        assert direction == "rtl" and box_right - first_right < 2 < first_right - box_left
    else:
        assert direction == "ltr" and first_left - box_left < 2 < box_right - first_left
    assert FONTS[language] in _platform_fonts(browser, selector)
    heading = browser.execute_script("return getComputedStyle(document.querySelector('h1')).direction")
    assert heading == "ltr"  # the page's own words stay English


def _symbols_in_order(browser: Any, selector: str) -> None:
    texts, xs = browser.execute_script(_SYMBOL_ORDER, selector)
    assert texts, "no Latin symbol isolated"
    assert "63/71" in texts
    for text, positions in zip(texts, xs, strict=True):
        assert positions == sorted(positions), (text, positions)  # "63/71", never "71/63"


@pytest.mark.parametrize("language", ["ar", "zh"])
def test_a_history_page_marks_its_language(browser: Any, language: str, tmp_path: Path) -> None:
    _need_font(language)
    html = render_history(_history(language), "html")
    _open(browser, html, f"history-{language}", tmp_path)
    _reads_in_its_direction(browser, "#title", language)


@pytest.mark.parametrize("language", ["ar", "zh"])
def test_a_blame_page_reads_in_its_direction(browser: Any, language: str, tmp_path: Path) -> None:
    _need_font(language)
    html = render_blame(_history(language).blame(), "html")
    _open(browser, html, f"blame-{language}", tmp_path)
    _reads_in_its_direction(browser, ".blamed p", language)
    if language == "ar":  # PP1 recites 63/71 and the series' symbols among Arabic words
        _symbols_in_order(browser, ".blamed p:first-of-type bdi")


_OPENINGS = """
return [...document.querySelectorAll('.labels text.opening')].map(t => {
  const box = t.getBBox();
  return [t.textContent, box.x, box.x + box.width, getComputedStyle(t).direction];
});
"""


@pytest.mark.parametrize("language", ["ar", "zh"])
def test_a_timeline_shows_each_opening_in_its_room(browser: Any, language: str, tmp_path: Path) -> None:
    _need_font(language)
    _open(browser, timeline.html(_history(language)), f"timeline-{language}", tmp_path)
    openings = browser.execute_script(_OPENINGS)
    assert len(openings) == len(_history(language).lineages)
    left, right = MARGIN + LABEL, MARGIN + LABEL + OPENING
    for text, start, end, direction in openings:
        assert left - 1 <= start and end <= right, (text, start, end)  # never over the cells
        assert direction == ("rtl" if language == "ar" else "ltr")
    assert sum(text.endswith("…") for text, *_ in openings) > len(openings) / 2  # cut, not all shown
    assert FONTS[language] in _platform_fonts(browser, ".labels text.opening")
    _reads_in_its_direction(browser, "#title", language)
