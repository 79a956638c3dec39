"""The UN's own XML of GA resolutions (AKN4UN, by the United Nations (DGACM)) on GitHub: pure, no network.

DGACM publishes the resolutions of sessions 75 to 80 as Akoma Ntoso files in the public repository
UNxml/GAresolutions, one folder per session and language (session 74 only as zip archives, which
``fetch`` does not read). The file names are the layout's, not the symbol's alone:

    75session/English/75_62_E.xml                      session 75: session, number, language letter
    80session/English/A_RES_80_52-2519990E.xml         sessions 76-80: the symbol, the job number

The job number (``25-19990 (E)`` at the foot of the PDF's front page, 029$b ``N2519990 E`` in the
library record) is therefore needed to name a file from session 76 on. ``data_extract/NN.json``
holds one JSON object a line per resolution of session NN: its symbol, its originating document and
how each Member State voted (``MS_in_favour``, ``MS_against``, ``MS_abstaining``), but no file name.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

from .model import Vote
from .refs import DRAFT_RE, parse_symbol

SESSIONS = range(75, 81)  # the sessions published as single files
DEFAULT_XML = "https://raw.githubusercontent.com/UNxml/GAresolutions/main"
SOURCE_NOTE = "United Nations (DGACM), AKN4UN XML"
# --lang code: the repository's folder and the letter ending a file name (the UN's language letters)
FOLDERS = {
    "en": ("English", "E"),
    "fr": ("French", "F"),
    "es": ("Spanish", "S"),
    "ar": ("Arabic", "A"),
    "zh": ("Chinese", "C"),
    "ru": ("Russian", "R"),
}
_RESOLUTION_RE = re.compile(r"^A/RES/([0-9]{2})/([0-9]{1,3})$")
# the job number at the foot of a front page: "25-19990 (E)"; the bar code under it: "*2519990*". No
# boundary before it: a page's characters come without the spaces between its lines ("202525-19990 (E)")
_JOB_RE = re.compile(r"([0-9]{2})-([0-9]{5})\s*\([A-Z]\)|\*([0-9]{7})\*")
_MAX_LINE = 1 << 20  # a data_extract line longer than this is not a resolution's


def file_path(symbol: str, language: str, job: str | None) -> str | None:
    """The repository path of ``symbol``'s file in ``language`` (a --lang code), or None when the layout
    has none for it (another session, not a resolution, or from session 76 on, no job number known)."""
    match = _RESOLUTION_RE.match(symbol)
    if match is None or int(match[1]) not in SESSIONS:
        return None
    session, number = match[1], match[2]
    folder, letter = FOLDERS[language]
    if session == "75":
        return f"75session/{folder}/75_{number}_{letter}.xml"
    if job is None:
        return None
    return f"{session}session/{folder}/A_RES_{session}_{number}-{job}{letter}.xml"


def needs_job(symbol: str) -> bool:
    """Whether naming ``symbol``'s file takes its job number (a resolution of session 76 on)."""
    match = _RESOLUTION_RE.match(symbol)
    return match is not None and int(match[1]) in SESSIONS and match[1] != "75"


def extract_path(symbol: str) -> str | None:
    """``data_extract/NN.json`` for a resolution of a session the repository covers."""
    match = _RESOLUTION_RE.match(symbol)
    if match is None or int(match[1]) not in SESSIONS:
        return None
    return f"data_extract/{match[1]}.json"


def job_in(text: str) -> str | None:
    """The job number's seven digits in a front page's text (``25-19990 (E)`` or its bar code)."""
    match = _JOB_RE.search(text)
    if match is None:
        return None
    return match[3] or f"{match[1]}{match[2]}"


@dataclass(frozen=True)
class Extract:
    """What ``data_extract`` says of one resolution."""

    symbol: str
    vote: Vote | None  # None when adopted without a vote
    drafts: tuple[str, ...]  # its originating document, when that is a draft (``A/80/L.6``)


def parse_extract(data: bytes) -> dict[str, Extract]:
    """Each resolution's entry of a ``data_extract/NN.json`` (JSON Lines); lines that do not read as one
    are skipped (the file is the UN's working data, not a contract)."""
    found: dict[str, Extract] = {}
    for line in data.splitlines():
        if not line.strip() or len(line) > _MAX_LINE:
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("symbol"), str):
            continue
        found[entry["symbol"]] = Extract(entry["symbol"], _extract_vote(entry), _extract_drafts(entry))
    return found


def _names(entry: dict[str, object], key: str) -> list[str]:
    value = entry.get(key)
    return [v for v in value if isinstance(v, str) and v] if isinstance(value, list) else []


def _extract_vote(entry: dict[str, object]) -> Vote | None:
    positions = (("MS_in_favour", "yes"), ("MS_against", "no"), ("MS_abstaining", "abstain"))
    voters = tuple((state, position) for key, position in positions for state in _names(entry, key))
    if not voters:
        return None
    yes, no, abstain = (len(_names(entry, key)) for key, _ in positions)
    return Vote(yes=yes, no=no, abstentions=abstain, voters=voters)


def _extract_drafts(entry: dict[str, object]) -> tuple[str, ...]:
    origin = entry.get("originating_document")
    if not isinstance(origin, str):
        return ()
    symbol = parse_symbol(origin.split(",")[0].strip())
    return (symbol,) if symbol is not None and DRAFT_RE.match(symbol) else ()


def drafts_in(data: bytes) -> tuple[str, ...]:
    """The drafts an AKN4UN file's workflow names (``<step outcome="draftResolution" as="A/C.1/80/L.52">``),
    in its order."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return ()
    found: list[str] = []
    for element in root.iter():
        if element.tag.rpartition("}")[2] != "step" or not element.get("outcome", "").startswith("draft"):
            continue
        symbol = parse_symbol(element.get("as", ""))
        if symbol is not None and DRAFT_RE.match(symbol) and symbol not in found:
            found.append(symbol)
    return tuple(found)
