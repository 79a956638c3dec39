"""A resolution as AKN4UN XML: the Akoma Ntoso 3.0 profile in which the United Nations (DGACM) publishes
the General Assembly's resolutions, laid out as the UN's own files are (``readers.akn`` reads them), so
that any text resdiff read (a PDF of a session the UN never marked up, a seed, a DOCX) can go to tools
that read Akoma Ntoso, and be read back by resdiff into the same model.

Where each part of the model goes:

* metadata: FRBR identification (the work's number and adoption date, the expression's language), the
  ``workflow`` (the draft and its sponsors, the committee's report), ``analysis/parliamentary/voting``
  (the counts and the voters by name), the ``coverPage`` (symbol, session, distribution date, agenda
  item, the committee's report), the ``preface`` (number and title), the ``conclusions`` (meeting);
  what AKN has no element of its own for (the cited symbols, the text's own ``Source``) is in
  ``references`` and ``proprietary``;
* preambular paragraphs: one ``container`` each, their items a ``blockList``; operative paragraphs:
  ``paragraph`` with ``num`` and ``content``, the verb in ``span class="italic"`` (bold in Chinese, as
  the UN sets it), items in the ``list`` (its ``intro`` the paragraph's words) and ``point``s, nested
  ``list`` below; headings: an unnumbered ``paragraph`` in the UN's heading style (``class="H1"``);
  unnumbered text (an annex's, a preambular paragraph after a heading): a ``crossHeading`` referring to
  the preamble, as the UN marks such blocks;
* each footnote an ``authorialNote`` at the end of the first clause citing it (the model keeps which
  clause cites a note, not where in its words the marker stood);
* annexes: ``attachments/attachment/doc name="annex"``, numbered paragraphs as the body's, headed by
  the annex's name;
* a resolution in parts (``A.``, ``B.``): a ``documentCollection`` of one ``statement`` per part, as
  the UN publishes 79/93 A-B.

The United Nations is the source of the AKN4UN format and of the files it describes; every document
written says so in a comment (``AKN_ACKNOWLEDGEMENT``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from ..model import (
    AKN_ACKNOWLEDGEMENT,
    AKN_READER,
    FOOTNOTE,
    HEADING,
    OPERATIVE,
    PARAGRAPH,
    PREAMBULAR,
    SUBPARAGRAPH,
    TABLE,
    UNSAFE_RE,
    Clause,
    Resolution,
    clause_type_of,
    find_unsafe,
    table_rows,
)

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN4UN_NS = "http://un.org/akn4un"
RESDIFF_NS = "urn:resdiff:akn"  # the proprietary metadata resdiff adds (its Source)
_A = f"{{{AKN_NS}}}"
_NSMAP = {None: AKN_NS, "akn4un": AKN4UN_NS, "resdiff": RESDIFF_NS}
# ISO 639-1 -> the ISO 639-2 code FRBRlanguage takes (``und``: the source did not say)
_LANGUAGE_CODES = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "ara", "zh": "zho"}
# the word an annex is headed by, per language, as the UN prints it ("Annex", "Annex II")
_ANNEX_WORDS = {"fr": "Annexe", "es": "Anexo", "ru": "Приложение", "ar": "المرفق", "zh": "附件"}
_PREFACE_NUMBER_RE = re.compile(r"^A/RES/((?:E?S-)?[0-9]{1,3}/[0-9]{1,4})$")
_FRBR_NUMBER_RE = re.compile(r"^A/RES/(E?S-)?([0-9]{1,3})/([0-9]{1,4})(?: ?([A-Z]))?$")
_POSITIONS = {"yes": "inFavour", "no": "against", "abstain": "abstaining", "non-voting": "nonVoting"}
_UNKNOWN_DATE = "0001-01-01"  # FRBR requires a date; the UN's own placeholder for one it lacks


def render(resolution: Resolution) -> str:
    """The AKN4UN XML of one resolution (UTF-8 text, with its XML declaration)."""
    root = etree.Element(f"{_A}akomaNtoso", nsmap=_NSMAP)
    credit = f" {AKN_ACKNOWLEDGEMENT}" if resolution.source and resolution.source.reader == AKN_READER else ""
    root.append(
        etree.Comment(
            f" Written by resdiff in AKN4UN, the United Nations' (DGACM) Akoma Ntoso profile.{credit} "
        )
    )
    writer = _Writer(resolution)
    parts = writer.parts()
    if len(parts) > 1:
        writer.collection(root, parts)
    else:
        statement = _sub(root, "statement", name="resolution")
        writer.meta(statement)
        writer.cover(statement)
        writer.preface(statement)
        writer.body(statement, parts[0][1] if parts else [])
        writer.conclusions(statement)
        writer.attachments(statement)
    _indent(root)
    xml: str = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, f"{_A}{tag}", {k.rstrip("_"): v for k, v in attributes.items()})
    if text is not None:
        element.text = _safe(text)
    return element


def _safe(text: str) -> str:
    """XML can hold no C0 control but tab and newline, nor a lone surrogate or a noncharacter: a
    ``Resolution`` built in code may (the readers let none in); each becomes U+FFFD, as in reports."""
    return UNSAFE_RE.sub("\ufffd", text) if find_unsafe(text) else text


def _eid(key: str) -> str:
    """An element id from a clause key: ``A.OP3(a)`` -> ``a_op3_a``."""
    return re.sub(r"[^a-z0-9]+", "_", key.lower()).strip("_")


class _Writer:
    def __init__(self, resolution: Resolution) -> None:
        self.r = resolution
        self.footnotes = {c.key: c for c in resolution.clauses if c.type == FOOTNOTE}
        self.placed: set[str] = set()
        self.emphasis = "bold" if resolution.language == "zh" else "italic"

    # --- the parts of the text ----------------------------------------------------------------

    def parts(self) -> list[tuple[str, list[Clause]]]:
        """The main text's clauses by part (``A``, ``B``; ``""`` for a text of one part), annexes and
        footnotes left out."""
        parts: dict[str, list[Clause]] = {}
        for clause in self.r.clauses:
            if clause.type == FOOTNOTE or clause.section.startswith("ANNEX"):
                continue
            parts.setdefault(clause.section.split(".")[0], []).append(clause)
        return list(parts.items())

    def annexes(self) -> list[tuple[str, list[Clause]]]:
        annexes: dict[str, list[Clause]] = {}
        for clause in self.r.clauses:
            if clause.section.startswith("ANNEX"):
                annexes.setdefault(clause.section, []).append(clause)
        return list(annexes.items())

    # --- metadata --------------------------------------------------------------------------------

    def _work_uri(self) -> str:
        r = self.r
        date = r.adopted or _UNKNOWN_DATE
        match = _FRBR_NUMBER_RE.match(r.symbol or "")
        number = f"{match[1] or ''}{match[2]}-{match[3]}{match[4] or ''}" if match else "unnumbered"
        return f"/akn/un/statement/deliberation/unga/{date}/{number}/"

    def meta(self, parent: etree._Element) -> None:
        r = self.r
        meta = _sub(parent, "meta")
        identification = _sub(meta, "identification", source="#resdiff")
        work_uri = self._work_uri()
        language = _LANGUAGE_CODES.get(r.language or "", "und")
        expression_uri = f"{work_uri}{language}@/"
        for level, uri, date, date_name, author, role in (
            ("FRBRWork", work_uri, r.adopted, "adoption", "#ga", "author"),
            ("FRBRExpression", expression_uri, r.distributed, "publication", "#ga", "issuer"),
            ("FRBRManifestation", expression_uri.rstrip("/") + ".xml", None, "markup", "#resdiff", "editor"),
        ):
            frbr = _sub(identification, level)
            _sub(frbr, "FRBRthis", value=uri.rstrip("/") + "/!main")
            _sub(frbr, "FRBRuri", value=uri)
            _sub(frbr, "FRBRdate", date=date or _UNKNOWN_DATE, name=date_name if date else "unknown")
            _sub(frbr, "FRBRauthor", href=author, as_=role)
            if level == "FRBRWork":
                _sub(frbr, "FRBRcountry", value="un")
            if level == "FRBRExpression":
                _sub(frbr, "FRBRlanguage", language=language)
        self.workflow(meta)
        self.voting(meta)
        references = _sub(meta, "references", source="#resdiff")
        _sub(
            references,
            "TLCOrganization",
            eId="resdiff",
            href="/akn/ontology/organization/resdiff",
            showAs="resdiff",
        )
        _sub(
            references,
            "TLCOrganization",
            eId="ga",
            href="/akn/ontology/organization/un/generalAssembly",
            showAs="General Assembly",
        )
        for position in _POSITIONS.values():
            _sub(
                references,
                "TLCTerm",
                eId=position,
                href=f"/akn/ontology/concept/un/voting/{position}",
                showAs=position,
            )
        for number, symbol in enumerate(r.cites, 1):
            _sub(
                references,
                "TLCReference",
                eId=f"cites_{number}",
                name="cites",
                href=f"/akn/un/{symbol}",
                showAs=symbol,
            )
        if r.source is not None:
            proprietary = _sub(meta, "proprietary", source="#resdiff")
            source = etree.SubElement(proprietary, f"{{{RESDIFF_NS}}}source")
            for name, value in r.source.to_json().items():
                if value is not None:
                    source.set(name, _safe(value))

    def workflow(self, meta: etree._Element) -> None:
        r = self.r
        steps: list[dict[str, str]] = []
        if r.sponsors:
            steps.append({"outcome": "draftResolution", "by": _and_list(r.sponsors)})
        if r.report:
            steps.append({"outcome": "recommendedForAdoption", "as_": r.report, "by": "#ga"})
        if r.adopted:
            steps.append({"outcome": "adopted", "date": r.adopted, "by": "#ga"})
        if not steps:
            return
        workflow = _sub(meta, "workflow", source="#resdiff")
        for step in steps:
            _sub(workflow, "step", **({"date": _UNKNOWN_DATE} | step))

    def voting(self, meta: etree._Element) -> None:
        vote = self.r.vote
        if vote is None:
            return
        analysis = _sub(meta, "analysis", source="#resdiff")
        voting = _sub(_sub(analysis, "parliamentary"), "voting", outcome="adoptedRecordedVote")
        values = {"yes": vote.yes, "no": vote.no, "abstain": vote.abstentions, "non-voting": vote.non_voting}
        voters: dict[str, list[str]] = {}
        for state, position in vote.voters:
            voters.setdefault(position, []).append(state)
        for position, term in _POSITIONS.items():
            value = values[position]
            if value is None and position not in voters:
                continue
            count = _sub(
                voting,
                "count",
                eId=f"count_{term}",
                value="" if value is None else str(value),
                refersTo=f"#{term}",
            )
            if position in voters:
                holder = etree.SubElement(count, f"{{{AKN4UN_NS}}}voters")
                for state in voters[position]:
                    _sub(holder, "organization", state, refersTo="#memberState")
        if vote.total is not None:
            _sub(voting, "count", eId="count_total", value=str(vote.total), refersTo="#total")

    def cover(self, parent: etree._Element) -> None:
        r = self.r
        cover = _sub(parent, "coverPage", eId="coverPage_1")
        if r.symbol:
            _sub(_sub(cover, "p", class_="upperRight"), "docNumber", r.symbol, refersTo="#symbol")
        if r.distributed:
            _sub(_sub(cover, "p"), "docDate", r.distributed, date=r.distributed, refersTo="#dateOfIssuance")
        if r.session is not None:
            _sub(_sub(cover, "p"), "session", str(r.session), value=str(r.session), refersTo="#ga")
        if r.agenda_item:
            _sub(
                _sub(cover, "p"),
                "inline",
                r.agenda_item,  # the reader takes the ``title`` where the words are no English "Agenda item"
                name="agenda item",
                title=r.agenda_item,
            )
        if r.report or r.committee:
            committee = r.committee or "Committee"
            proponent = f"[on the report of the {committee}" + (f" ({r.report})]" if r.report else "]")
            if r.report and not r.committee:
                proponent = f"[without reference to a Main Committee ({r.report})]"
            _sub(_sub(cover, "p"), "docProponent", proponent)
        if len(cover) == 0:
            parent.remove(cover)

    def preface(self, parent: etree._Element, number: str | None = None, title: str | None = None) -> None:
        r = self.r
        match = _PREFACE_NUMBER_RE.match(r.symbol or "")
        number = number if number is not None else (f"{match[1]}." if match else None)
        title = r.title if title is None else title
        if number is None and not title:
            return
        line = _sub(_sub(parent, "preface"), "p")
        if number is not None:
            _sub(line, "docNumber", number)
        if title:
            _sub(line, "docTitle", title, refersTo="#resolutionTitle")

    def conclusions(self, parent: etree._Element) -> None:
        """The meeting line and its date (the adoption date alone is the FRBR work's)."""
        r = self.r
        if not r.meeting:
            return
        event = _sub(_sub(_sub(parent, "conclusions", eId="conclusions"), "p"), "event", refersTo="#adoption")
        _sub(event, "location", r.meeting, refersTo="#adoptionMeeting")
        if r.adopted:
            _sub(event, "docDate", r.adopted, date=r.adopted, refersTo="#adoptionDate")

    # --- the text -------------------------------------------------------------------------------

    def collection(self, root: etree._Element, parts: list[tuple[str, list[Clause]]]) -> None:
        """A text in parts, as the UN lays out 79/93 A-B: the collection's metadata, cover and title,
        then each part a ``statement`` of its own."""
        collection = _sub(root, "documentCollection", name="publication")
        self.meta(collection)
        self.cover(collection)
        self.preface(collection)
        body = _sub(collection, "collectionBody")
        for number in range(len(parts)):
            _sub(
                _sub(body, "component", eId=f"comp_def_{number}"),
                "documentRef",
                eId=f"compRef_{number}",
                href=f"#comp_{number}",
                showAs=f"Resolution {parts[number][0]}",
            )
        self.conclusions(collection)
        self.attachments(collection)
        components = _sub(root, "components")
        for number, (letter, clauses) in enumerate(parts):
            statement = _sub(
                _sub(components, "component", eId=f"comp_{number}"), "statement", name="resolution"
            )
            self.meta(statement)
            title = clauses[0].text if clauses and clauses[0].type == HEADING and not clauses[0].notes else ""
            self.preface(statement, number=letter, title=title)  # a part's own title heads it
            self.body(statement, clauses[1:] if title else clauses)

    def body(self, statement: etree._Element, clauses: list[Clause]) -> None:
        # the preamble holds the preambular paragraphs up to the first other clause; one after a
        # heading is the body's (``unnumbered``), where the UN marks such text as it does
        leading = next((i for i, c in enumerate(clauses) if _root_type(c) != PREAMBULAR), len(clauses))
        preamble, rest = clauses[:leading], clauses[leading:]
        if preamble:
            element = _sub(statement, "preamble")
            for clause, items in _with_items(preamble):
                container = _sub(element, "container", eId=_eid(clause.key), name="paragraph")
                if items:
                    block = _sub(container, "blockList", eId=f"{_eid(clause.key)}_list")
                    self.text(_sub(block, "listIntroduction"), clause)
                    self.block_items(block, items, clause.key)
                else:
                    self.text(_sub(container, "p"), clause)
        self.main(_sub(statement, "mainBody"), rest)

    def main(self, body: etree._Element, clauses: list[Clause]) -> None:
        if not clauses:  # a mainBody needs some content: an empty paragraph reads as nothing
            _sub(_sub(_sub(body, "paragraph", eId="empty"), "content"), "p")
            return
        for clause, items in _with_items(clauses):
            kind = clause.type
            if kind == HEADING:  # in the UN's heading style (H1, H23, H4)
                heading = _sub(body, "paragraph", eId=_eid(clause.key), class_="H1")
                self.text(_sub(_sub(heading, "content", eId=f"{_eid(clause.key)}__content"), "p"), clause)
            elif kind in (OPERATIVE, PARAGRAPH):
                paragraph = _sub(body, "paragraph", eId=_eid(clause.key))
                _sub(paragraph, "num", f"{_number(clause.key)}.")
                self.paragraph(paragraph, clause, items)
            elif kind == TABLE:
                self.table(body, clause)
            else:  # unnumbered text (an annex's, or a preambular paragraph after a heading)
                self.unnumbered(body, clause, items)

    def unnumbered(self, body: etree._Element, clause: Clause, items: list[Clause]) -> None:
        """Text no number or heading style marks: a ``crossHeading`` referring to the preamble, which
        the UN uses for such blocks, in an ``hcontainer`` (a crossHeading stands in a hierarchy); its
        items, which a crossHeading cannot hold, each one the same way."""
        for each in (clause, *items):
            holder = _sub(body, "hcontainer", eId=f"{_eid(each.key)}_block", name="unnumbered")
            self.text(_sub(holder, "crossHeading", eId=_eid(each.key), refersTo="#preamble"), each)

    def paragraph(self, paragraph: etree._Element, clause: Clause, items: list[Clause]) -> None:
        """A paragraph's (or an item's) words: its ``content``, or, where items follow, the ``intro``
        of the ``list`` that holds them (as the UN lays out a paragraph with sub-paragraphs)."""
        eid = paragraph.get("eId")
        if items:
            listing = _sub(paragraph, "list", eId=f"{eid}__list")
            self.text(_sub(_sub(listing, "intro", eId=f"{eid}__intro"), "p"), clause, verb=clause.verb)
            self.points(listing, items, clause.key)
        else:
            self.text(_sub(_sub(paragraph, "content", eId=f"{eid}__content"), "p"), clause, verb=clause.verb)

    def points(self, listing: etree._Element, items: list[Clause], parent: str) -> None:
        for item, below in _children_of(items, parent):
            point = _sub(listing, "point", eId=_eid(item.key))
            _sub(point, "num", f"({item.key[len(parent) + 1 : -1]})")
            self.paragraph(point, item, below)

    def block_items(self, block: etree._Element, items: list[Clause], parent: str) -> None:
        for item, below in _children_of(items, parent):
            element = _sub(block, "item", eId=_eid(item.key))
            _sub(element, "num", f"({item.key[len(parent) + 1 : -1]})")
            if below:
                inner = _sub(element, "blockList", eId=f"{_eid(item.key)}_list")
                self.text(_sub(inner, "listIntroduction"), item)
                self.block_items(inner, below, item.key)
            else:
                self.text(_sub(element, "p"), item)

    def table(self, body: etree._Element, clause: Clause) -> None:
        table = _sub(body, "table", eId=_eid(clause.key))
        for row in table_rows(clause.text):
            tr = _sub(table, "tr")
            for cell in row:
                _sub(_sub(tr, "td"), "p", cell)
        self.notes(table[-1][-1][-1], clause)

    def text(self, element: etree._Element, clause: Clause, verb: str | None = None) -> None:
        """A clause's words into ``element``: its verb emphasised, its footnotes at the end."""
        if verb and clause.text.startswith(verb):
            _sub(element, "span", verb, class_=self.emphasis).tail = _safe(clause.text[len(verb) :])
        else:
            element.text = _safe(clause.text)
        self.notes(element, clause)

    def notes(self, element: etree._Element, clause: Clause) -> None:
        for key in clause.notes:
            footnote = self.footnotes.get(key)
            number = key[2:]
            if footnote is None:
                continue
            if key in self.placed:  # cited again: a reference to the note where it first stood
                _sub(element, "noteRef", href=f"#authorialNote_{number}", marker=number)
                continue
            self.placed.add(key)
            note = _sub(
                element, "authorialNote", marker=number, placement="bottom", eId=f"authorialNote_{number}"
            )
            self.text(_sub(note, "p"), footnote)

    def attachments(self, parent: etree._Element) -> None:
        annexes = self.annexes()
        if not annexes:
            return
        attachments = _sub(parent, "attachments")
        word = _ANNEX_WORDS.get(self.r.language or "", "Annex")
        for section, clauses in annexes:
            doc = _sub(_sub(attachments, "attachment"), "doc", name="annex")
            meta = _sub(doc, "meta")
            identification = _sub(meta, "identification", source="#resdiff")
            uri = self._work_uri()
            for level in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
                frbr = _sub(identification, level)
                _sub(frbr, "FRBRthis", value=f"{uri}!main/{section.lower()}")
                _sub(frbr, "FRBRuri", value=uri)
                _sub(frbr, "FRBRdate", date=self.r.adopted or _UNKNOWN_DATE, name="adoption")
                _sub(frbr, "FRBRauthor", href="#ga")
                if level == "FRBRWork":
                    _sub(frbr, "FRBRcountry", value="un")
                if level == "FRBRExpression":
                    _sub(frbr, "FRBRlanguage", language=_LANGUAGE_CODES.get(self.r.language or "", "und"))
            body = _sub(doc, "mainBody")
            label = word if section == "ANNEX" else f"{word} {section.removeprefix('ANNEX-')}"
            heading = _sub(body, "paragraph", eId=f"{_eid(section)}_label", class_="H1")
            _sub(_sub(heading, "content", eId=f"{_eid(section)}_label__content"), "p", label)
            self.main(body, clauses)


def _root_type(clause: Clause) -> str:
    """A clause's type, an item counted as the paragraph it belongs to."""
    if clause.type != SUBPARAGRAPH:
        return clause.type
    return clause_type_of(clause.key.split("(", 1)[0])


def _with_items(clauses: list[Clause]) -> Iterable[tuple[Clause, list[Clause]]]:
    """Each clause but items, with the items (all levels) that follow it and belong to it."""
    index = 0
    while index < len(clauses):
        clause = clauses[index]
        index += 1
        items = []
        while index < len(clauses) and clauses[index].key.startswith(clause.key + "("):
            items.append(clauses[index])
            index += 1
        yield clause, items


def _children_of(items: list[Clause], parent: str) -> Iterable[tuple[Clause, list[Clause]]]:
    """The items one level below ``parent``, each with the items below it."""
    depth = parent.count("(") + 1
    return ((item, below) for item, below in _with_items(items) if item.key.count("(") == depth)


def _number(key: str) -> str:
    match = re.search(r"(?:OP|P)([0-9]+)$", key)
    return match[1] if match else ""


def _and_list(names: tuple[str, ...]) -> str:
    """``A, B and C``, as a draft's front page lists its sponsors; where the last name holds an "and"
    of its own, ``A, B, C,`` (the reader splits the last item of such a list at its "and")."""
    if " and " in names[-1]:
        return ", ".join(names) + ","
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


_STRUCTURE = frozenset(
    "akomaNtoso statement documentCollection components component collectionBody meta identification "
    "FRBRWork FRBRExpression FRBRManifestation workflow analysis parliamentary voting count references "
    "proprietary coverPage preface preamble mainBody paragraph list intro point container blockList "
    "hcontainer conclusions attachments attachment doc table tr td voters".split()
)


def _indent(element: etree._Element, level: int = 0) -> None:
    """Line breaks and indentation between the elements whose own text is no clause's words (a
    paragraph, a list), never inside a clause's words, where spaces would be read as text."""
    if not isinstance(element.tag, str):  # the acknowledgement's comment
        return
    name = etree.QName(element).localname
    if name not in _STRUCTURE or len(element) == 0 or (element.text or "").strip():
        return
    if name in ("blockList", "td") or (name == "point" and element.find(f"{_A}content") is None):
        return  # the reader takes the words of an item with no ``content`` from its own text
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level
