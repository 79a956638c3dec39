"""Derive each language's operative verbs and preambular openers from the UN's AKN4UN XML.

Not a benchmark: the maintenance script that writes ``tool/resdiff/languages/openers.json``, the
package data every stage reads a language's verbs from (``resdiff.languages``). Source: United
Nations, Department for General Assembly and Conference Management (DGACM), AKN4UN XML of the
General Assembly's resolutions (``../shared/data/akn``, read in place).

Every phrase is the emphasised (italic, or in Chinese bold) span that opens a paragraph of a real
text; none is written by hand. Each phrase of another language is mapped to the English phrase
that opens the same paragraph of the same resolution (paragraphs paired by their position among
the numbered operative paragraphs, or the preambular ones, and only where both versions have as
many), so a verb's strength is the strength of its English counterpart. A phrase keeps the English
phrase it was paired with most often, with how often it was seen.

    .venv/bin/python bench/derive_verbs.py [../shared/data/akn] [-o tool/resdiff/languages/openers.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
# FRBRlanguage gives ISO 639-2 codes; resdiff uses ISO 639-1
ISO_639_1 = {"eng": "en", "fra": "fr", "spa": "es", "rus": "ru", "ara": "ar", "zho": "zh"}
STRIP = " \t\u00a0\u202f,;:.،؛，；："


def _opener(p: ET.Element) -> str | None:
    """The emphasised span a paragraph opens with, if it opens with one."""
    if (p.text or "").strip():
        return None
    for child in p:
        if child.tag != AKN + "span":
            return None
        classes = (child.get("class") or "").split()
        if "italic" not in classes and "bold" not in classes:
            return None
        phrase = " ".join("".join(child.itertext()).split()).strip(STRIP)
        return phrase or None
    return None


def _first_p(element: ET.Element) -> ET.Element | None:
    for p in element.iter(AKN + "p"):
        return p
    return None


def read(path: Path) -> tuple[str, str, list[str | None], list[str | None]] | None:
    """(language, resolution key, operative openers, preambular openers) of one file."""
    root = ET.parse(path).getroot()
    language = root.find(f".//{AKN}FRBRlanguage")
    work = root.find(f".//{AKN}FRBRWork/{AKN}FRBRuri")
    if language is None or work is None or language.get("language") not in ISO_639_1:
        return None
    key = (work.get("value") or "").rstrip("/").rsplit("/", 1)[-1]
    operative: list[str | None] = []
    for body in root.iter(AKN + "mainBody"):
        for paragraph in body.iter(AKN + "paragraph"):
            num = paragraph.find(AKN + "num")
            content = paragraph.find(AKN + "content")
            if num is None or content is None or not any(c.isdigit() for c in num.text or ""):
                continue
            p = _first_p(content)
            operative.append(_opener(p) if p is not None else None)
    preambular: list[str | None] = []
    for preamble in root.iter(AKN + "preamble"):
        for container in preamble.iter(AKN + "container"):
            p = _first_p(container)
            preambular.append(_opener(p) if p is not None else None)
    return ISO_639_1[language.get("language", "")], key, operative, preambular


def derive(folder: Path) -> dict[str, object]:
    texts: dict[str, dict[str, tuple[list[str | None], list[str | None]]]] = defaultdict(dict)
    for path in sorted(folder.glob("*session/*/*.xml")):
        found = read(path)
        if found is not None:
            language, key, operative, preambular = found
            texts[key][language] = (operative, preambular)
    tables: dict[str, dict[str, dict[str, Counter[str]]]] = {
        kind: defaultdict(lambda: defaultdict(Counter)) for kind in ("operative", "preambular")
    }
    for versions in texts.values():
        english = versions.get("en")
        for language, openers in versions.items():
            for index, kind in enumerate(("operative", "preambular")):
                theirs = openers[index]
                ours = english[index] if english else None
                aligned = ours is not None and len(ours) == len(theirs)
                for k, phrase in enumerate(theirs):
                    if phrase is None:
                        continue
                    counterpart = ours[k] if aligned and ours is not None else None
                    tables[kind][language][phrase.casefold()][counterpart or ""] += 1
    out: dict[str, object] = {
        "source": "United Nations, DGACM: AKN4UN XML of General Assembly resolutions (UNxml/GAresolutions)",
        "files": sum(len(v) for v in texts.values()),
    }
    for kind, by_language in tables.items():
        out[kind] = {
            language: {
                phrase: _entry(counts) for phrase, counts in sorted(phrases.items())
            }
            for language, phrases in sorted(by_language.items())
        }
    return out


def _entry(counts: Counter[str]) -> dict[str, object]:
    """The English phrase seen most often opposite this one ("" where never paired), and how often seen."""
    paired = Counter({phrase: n for phrase, n in counts.items() if phrase})
    english = max(sorted(paired), key=paired.__getitem__) if paired else ""
    return {"en": english, "seen": sum(counts.values())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="../shared/data/akn")
    parser.add_argument("-o", "--output", default="tool/resdiff/languages/openers.json")
    args = parser.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"{folder}: not found (the AKN4UN XML lives in ../shared/data/akn)", file=sys.stderr)
        return 2
    table = derive(folder)
    Path(args.output).write_text(json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    for kind in ("operative", "preambular"):
        counts = {language: len(phrases) for language, phrases in table[kind].items()}  # type: ignore[attr-defined]
        print(kind, counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
