"""The HTML report: self-contained, escaped, both views, readable counts, printable."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from resdiff.render import render
from resdiff.report import build_report
from synthetic_report import SYNTHETIC_HOSTILE, synthetic_comparison

_VOID = {"meta", "br", "input", "hr", "img", "link"}


class _Page(HTMLParser):
    """Tags, attributes and text of a page, the way a browser tokenizes it."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._stack: list[str] = []
        self.by_id: dict[str, str] = {}
        self._open_id: str | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in _VOID:
            self._stack.append(tag)
        if tag == "td" and dict(attrs).get("id"):
            self._open_id = dict(attrs)["id"]

    def handle_endtag(self, tag: str) -> None:
        assert self._stack and self._stack[-1] == tag, f"</{tag}> closes <{self._stack[-1:]}>"
        self._stack.pop()
        self._open_id = None

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] not in ("style", "title"):
            self.text.append(data)
        if self._open_id:
            self.by_id[self._open_id] = self.by_id.get(self._open_id, "") + data


def _page() -> tuple[str, _Page]:
    page = render(build_report(synthetic_comparison()), "html")
    assert isinstance(page, str)
    return page, _Page(page)


def test_resolution_text_is_shown_as_text_never_as_markup() -> None:
    page, parsed = _page()
    assert not [tag for tag, _ in parsed.tags if tag == "script"]
    assert SYNTHETIC_HOSTILE in "".join(parsed.text)  # in the summary and in both views
    assert "".join(parsed.text).count('<script>alert("x")</script>') == 3
    assert "<script>" not in page


def test_the_page_is_self_contained() -> None:
    page, parsed = _page()
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, tag
        assert tag not in ("link", "script", "iframe", "img", "object", "embed")
    style = page[page.index("<style>") : page.index("</style>")]
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    # the only address in the page is the one inside the (escaped) synthetic text
    assert re.findall(r"https?://[^\s\"<)]+", page) == ["http://example.org"] * 3


def test_counts_carry_stable_ids() -> None:
    _, parsed = _page()
    counts = {key: int(value) for key, value in parsed.by_id.items() if key.startswith("count-")}
    assert counts == {
        "count-unchanged": 2,
        "count-editorial": 1,
        "count-modified": 3,
        "count-added": 1,
        "count-deleted": 1,
        "count-split": 1,
        "count-merged": 1,
        "count-moved": 1,
    }


def test_both_views_exist_and_print_styles_are_there() -> None:
    page, parsed = _page()
    ids = {attrs.get("id") for _, attrs in parsed.tags}
    assert {"inline-view", "side-view", "view-inline", "view-side", "summary", "clauses"} <= ids
    records = len(synthetic_comparison().changes)
    assert sum(1 for tag, attrs in parsed.tags if tag == "article") == records
    rows = [attrs for tag, attrs in parsed.tags if tag == "tr" and "change-row" in (attrs.get("class") or "")]
    assert len(rows) == records
    assert "@media print" in page


def test_in_print_the_clauses_start_a_page_and_no_heading_ends_one() -> None:
    """Printed, the "Clauses" heading was left alone at the foot of the summary's last page."""
    page, _ = _page()
    print_css = page.split("@media print", 1)[1].split("</style>", 1)[0]
    assert "#clauses { break-before: page; }" in print_css
    assert "h2, h3 { break-after: avoid; }" in print_css


def test_deletions_and_insertions_are_marked_in_the_right_view() -> None:
    page, _ = _page()
    inline = page[page.index('id="inline-view"') : page.index('id="side-view"')]
    side = page[page.index('id="side-view"') :]
    assert "<del>Calls upon</del><ins>Urges</ins>" in inline
    row = re.search(r'<tr class="change-row kind-modified">(<td>.*?</td>)(<td>.*?</td>)', side)
    assert row is not None
    old_cell, new_cell = row.groups()
    assert "<del>" in old_cell and "<ins>" not in old_cell
    assert "<ins>" in new_cell and "<del>" not in new_cell


def test_a_split_shows_its_clauses_on_their_own_lines() -> None:
    page, _ = _page()
    assert "<ins>;<br>\nAlso requests the Secretary-General</ins>" in page
