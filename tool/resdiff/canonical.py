"""The canonical clause-per-line format that the corpus stores (spec: corpus/README.md).

One clause per line, led by its key, so that a line-oriented ``git diff`` of two corpus files is
already a clause-level diff; the header holds the metadata. ``load(dump(r)) == r`` and ``dump`` is
deterministic, which is what makes corpus commits meaningful.
"""

from __future__ import annotations

import re

from .errors import InputError
from .model import (
    KEY_RE,
    LANGUAGES,
    METADATA,
    OPERATIVE,
    POSITIONS,
    Clause,
    Resolution,
    Source,
    Vote,
    find_unsafe,
    unsafe_name,
)

MAGIC = "# resdiff canonical 1"
HEADER_FIELDS = (*METADATA, "source")
# written only when the text has them, in this order, after ``source:`` (files without them stay valid)
OPTIONAL_FIELDS = ("language", "distributed", "committee", "sponsors", "vote", "voters", "origin")
_VOTE_KEYS = ("yes", "no", "abstentions", "non_voting", "total")
_ORIGIN_KEYS = ("record", "language", "retrieved", "url")  # url last: the only value that may be long
_NOTES_RE = re.compile(r"^\[((?:FN[0-9]+)(?: FN[0-9]+)*)\] ")
_ESCAPED_START = ("[", "*", "\\")


def is_canonical(text: str) -> bool:
    return text.startswith(MAGIC + "\n") or text == MAGIC


def _one_line(value: str, what: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError(f"{what} holds a line break: {value!r}")
    return value


def _clause_line(clause: Clause) -> str:
    text = _one_line(clause.text, clause.key)
    body = text
    if clause.verb is not None:
        if not text.startswith(clause.verb) or "*" in clause.verb or not clause.verb:
            raise ValueError(f"{clause.key}: verb {clause.verb!r} is not a plain prefix of its text")
        body = f"*{clause.verb}*{text[len(clause.verb) :]}"
    elif text.startswith(_ESCAPED_START):
        body = "\\" + text
    if clause.notes:
        body = f"[{' '.join(clause.notes)}] {body}"
    return f"{clause.key} {body}" if body else clause.key


def dump(resolution: Resolution) -> str:
    """The canonical text of a resolution (ends with a newline)."""
    r = resolution
    source = f"{r.source.reader} sha256:{r.source.sha256} {r.source.name}" if r.source else ""
    values = {
        "symbol": r.symbol or "",
        "session": "" if r.session is None else str(r.session),
        "title": r.title or "",
        "adopted": r.adopted or "",
        "agenda_item": r.agenda_item or "",
        "report": r.report or "",
        "meeting": r.meeting or "",
        "cites": ", ".join(r.cites),
        "source": source,
    }
    lines = [MAGIC]
    for name in HEADER_FIELDS:
        value = _one_line(values[name], name)
        lines.append(f"{name}: {value}" if value else f"{name}:")
    for name, value in _optional_values(r).items():
        if value:
            lines.append(f"{name}: {_one_line(value, name)}")
    lines.append("")
    lines.extend(_clause_line(c) for c in r.clauses)
    return "\n".join(lines) + "\n"


def _optional_values(r: Resolution) -> dict[str, str]:
    vote = voters = origin = ""
    if r.vote is not None:
        vote = " ".join(f"{k}={getattr(r.vote, k)}" for k in _VOTE_KEYS if getattr(r.vote, k) is not None)
        if any("; " in state or "=" in state or not state.strip() for state, _ in r.vote.voters):
            raise ValueError(f"a voter's name cannot be empty or hold '; ' or '=': {r.vote.voters!r}")
        voters = "; ".join(f"{position}={state}" for state, position in r.vote.voters)
    if r.source is not None and r.source.fetched:
        values = {k: getattr(r.source, k) for k in _ORIGIN_KEYS if getattr(r.source, k)}
        if any(not v or any(c.isspace() for c in v) for v in values.values()):
            raise ValueError(f"origin values cannot hold white space: {values!r}")
        origin = " ".join(f"{k}={v}" for k, v in values.items())
    if any("; " in sponsor for sponsor in r.sponsors):
        raise ValueError(f"a sponsor's name cannot hold '; ': {r.sponsors!r}")
    return {
        "language": r.language or "",
        "distributed": r.distributed or "",
        "committee": r.committee or "",
        "sponsors": "; ".join(r.sponsors),
        "vote": vote,
        "voters": voters,
        "origin": origin,
    }


def _pairs(value: str, keys: tuple[str, ...], name: str, number: int) -> dict[str, str]:
    """``key=value key=value`` (the last key's value may hold ``=``: a URL's query)."""
    pairs: dict[str, str] = {}
    for item in value.split(" "):
        key, equals, text = item.partition("=")
        if not equals or key not in keys or key in pairs:
            raise InputError(f"line {number}: '{name}:' reads 'KEY=VALUE ...' with keys {', '.join(keys)}")
        pairs[key] = text
    return pairs


def _parse_clause(line: str, number: int) -> Clause:
    key, _, body = line.partition(" ")
    if KEY_RE.match(key) is None:
        raise InputError(f"line {number}: {key!r} is not a clause key")
    notes: tuple[str, ...] = ()
    match = _NOTES_RE.match(body)
    if match:
        notes = tuple(match[1].split(" "))
        body = body[match.end() :]
    verb = None
    if body.startswith("\\"):
        body = body[1:]
    elif body.startswith("*"):
        end = body.find("*", 1)
        if end < 1:
            raise InputError(f"line {number}: unclosed '*' around the operative verb")
        verb = body[1:end]
        body = verb + body[end + 1 :]
    clause = Clause(key=key, text=body, notes=notes, verb=verb)
    if verb is not None and clause.type != OPERATIVE:
        raise InputError(f"line {number}: only operative paragraphs carry a verb ({key})")
    return clause


def load(text: str) -> Resolution:
    """Parse a canonical text; raises InputError naming the line that is wrong."""
    lines = text.split("\n")
    if not lines or lines[0] != MAGIC:
        raise InputError(f"not a canonical resdiff file (first line must be {MAGIC!r})")
    unsafe = find_unsafe(text)
    if unsafe is not None:
        line = text.count("\n", 0, unsafe.start()) + 1
        raise InputError(f"line {line} holds {unsafe_name(unsafe[0])}; remove it")
    values: dict[str, str] = {}
    index = 1
    for name in HEADER_FIELDS:
        if index >= len(lines) or not lines[index].startswith(name + ":"):
            raise InputError(f"line {index + 1}: expected the header field '{name}:'")
        values[name] = lines[index][len(name) + 1 :].strip()
        index += 1
    optional: dict[str, tuple[str, int]] = {}
    for name in OPTIONAL_FIELDS:
        if index < len(lines) and lines[index].startswith(name + ": "):
            optional[name] = (lines[index][len(name) + 2 :].strip(), index + 1)
            index += 1
    if index >= len(lines) or lines[index] != "":
        raise InputError(f"line {index + 1}: expected a blank line after the header")
    if text.endswith("\n"):
        lines = lines[:-1]
    clauses = tuple(_parse_clause(line, n) for n, line in enumerate(lines[index + 1 :], start=index + 2))
    keys = [c.key for c in clauses]
    if len(set(keys)) != len(keys):
        duplicate = next(k for k in keys if keys.count(k) > 1)
        raise InputError(f"clause key {duplicate} appears twice")
    source = None
    if values["source"]:
        parts = values["source"].split(" ", 2)
        if len(parts) != 3 or not parts[1].startswith("sha256:"):
            raise InputError("header field 'source:' must read 'READER sha256:HEX NAME'")
        source = Source(name=parts[2], sha256=parts[1][len("sha256:") :], reader=parts[0])
    if "origin" in optional:
        if source is None:
            raise InputError(f"line {optional['origin'][1]}: 'origin:' needs a 'source:'")
        origin = _pairs(optional["origin"][0], _ORIGIN_KEYS, "origin", optional["origin"][1])
        source = Source(source.name, source.sha256, source.reader, **{k: origin.get(k) for k in _ORIGIN_KEYS})
    vote = None
    if "vote" in optional or "voters" in optional:
        counts: dict[str, str] = {}
        if "vote" in optional:
            text, number = optional["vote"]
            counts = _pairs(text, _VOTE_KEYS, "vote", number)
            if not all(v.isdigit() and len(v) <= 4 for v in counts.values()):
                raise InputError(f"line {number}: the counts of 'vote:' must be numbers (at most 4 digits)")
        vote = Vote(**{k: int(v) for k, v in counts.items()}, voters=_voters(optional))
    language = optional.get("language", ("", 0))
    if language[0] and language[0] not in LANGUAGES:
        raise InputError(
            f"line {language[1]}: 'language:' must be one of {', '.join(LANGUAGES)}, not {language[0]!r}"
        )
    session = values["session"]
    if session and not session.isdigit():
        raise InputError(f"header field 'session:' must be a number, not {session!r}")
    return Resolution(
        symbol=values["symbol"] or None,
        session=int(session) if session else None,
        title=values["title"] or None,
        adopted=values["adopted"] or None,
        agenda_item=values["agenda_item"] or None,
        report=values["report"] or None,
        meeting=values["meeting"] or None,
        cites=tuple(values["cites"].split(", ")) if values["cites"] else (),
        clauses=clauses,
        source=source,
        distributed=optional.get("distributed", ("", 0))[0] or None,
        committee=optional.get("committee", ("", 0))[0] or None,
        sponsors=tuple(optional["sponsors"][0].split("; ")) if "sponsors" in optional else (),
        vote=vote,
        language=language[0] or None,
    )


def _voters(optional: dict[str, tuple[str, int]]) -> tuple[tuple[str, str], ...]:
    """``yes=ALBANIA; no=ISRAEL; abstain=...``: each State's position, in the source's order."""
    if "voters" not in optional:
        return ()
    text, number = optional["voters"]
    voters = []
    for item in text.split("; "):
        position, equals, state = item.partition("=")
        if not equals or position not in POSITIONS or not state.strip():
            raise InputError(
                f"line {number}: 'voters:' reads 'POSITION=STATE; ...' with positions {', '.join(POSITIONS)}"
            )
        voters.append((state, position))
    return tuple(voters)
