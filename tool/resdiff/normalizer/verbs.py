"""The operative verb phrase at the head of an operative paragraph printed without italics."""

from __future__ import annotations

import re

_VERB_PHRASES_RE = re.compile(
    r"^(?:(?:[A-Z][a-z]+ly|Also|Further|Again|Once again|Hereby),?\s+)?(?:"
    r"[Rr]eiterates its invitation and encouragement"
    r"|[Ee]xpresses (?:its |once again its |also its |further its )?(?:(?:deep|deepest|grave|strong|serious|"
    r"profound|sincere|great|full|continued|firm|utmost|heartfelt)\s+)*(?:concern|appreciation|gratitude|"
    r"regret|support|condolences|hope|satisfaction|solidarity|outrage|alarm)"
    r"|[Tt]akes (?:also |further )?note(?: with (?:appreciation|satisfaction|concern|interest))?"
    r"|[Cc]alls (?:upon|on|for)"
    r"|[Pp]ays tribute"
    r"|[Bb]ears in mind"
    r")\b"
)
_LEAD_ADVERBS = frozenset(
    {"also", "further", "again", "once", "furthermore", "moreover", "hereby", "therefore"}
)
_TRAIL_ADVERBS = frozenset({"also", "further", "again"})


# words that end in "s" as verbs do, but are none: "-ss", "-us", "-is", "-as" never end one
# ("Progress", "Thus", "Emphasis", "Whereas"); these few adverbs and pronouns are the rest
_NOT_VERBS = frozenset("always perhaps besides towards afterwards sometimes its yes nowadays".split())


def _third_person(word: str) -> bool:
    """Whether a word can be a verb in the third person singular ("decides", "urges", "calls")."""
    return (
        word.endswith("s")
        and not word.endswith(("ss", "us", "is", "as", "'s", "’s"))
        and word not in _NOT_VERBS
    )


def derive_verb(text: str) -> str | None:
    """The operative verb phrase at the head of an operative paragraph printed without italics."""
    match = _VERB_PHRASES_RE.match(text)
    if match:
        return match[0]
    words = text.split(" ")
    if not words or not words[0][:1].isupper():
        return None
    index = 0
    while index < len(words) - 1 and (
        words[index].rstrip(",").lower() in _LEAD_ADVERBS or words[index].rstrip(",").endswith("ly")
    ):
        index += 1
    if not _third_person(words[index].rstrip(",;:.").lower()):
        # the Assembly's verbs are third person singular ("Decides", "Urges"): a paragraph opening
        # otherwise ("Pending the total elimination ..., urges", "Thus", "As") does not lead with its verb
        return None
    index += 1
    while index < len(words) and words[index] in _TRAIL_ADVERBS:
        index += 1
    if words[index - 1].lower() == "calls" and words[index : index + 3] in (["once", "again", "upon"],):
        index += 3
    if index + 1 < len(words) and words[index] == "and" and re.fullmatch(r"[a-z]+s", words[index + 1]):
        index += 2  # ``Invites and encourages``
    verb = " ".join(words[:index]).rstrip(",;:.")
    return verb or None
