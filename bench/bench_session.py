"""Bench: a whole session (issue 16 §4), every figure a ratio to a baseline measured in the same run.

Run: python bench/bench_session.py [--runs R] [--shared DIR]. Prints:

* reading the 94 PDFs of ../shared/data/un-pdf in parallel (``normalize_many``, 2 processes) against
  the serial run (target: 0.6x or less on 2 cores), and that the results are identical;
* reading them (normalize, serial) against PDFium's own character-and-box extraction of the same
  files (``FPDFText_GetUnicode`` + ``FPDFText_GetCharBox`` for every character, through pypdfium2's
  binding; target: 2.5x or less), and the character extraction alone (``readers.pdf.pages``);
* ``resdiff diff FILE FILE --format json`` end to end against ``python -c pass`` (target: 6x or less);
* ``history``'s restoration search: tracing 24, 48 and 96 SYNTHETIC versions that each drop and add five
  clauses (so the deleted lineages pile up), with the search bounded (``RESTORE_WINDOW``) and unbounded;
  bounded, t(96)/t(48) stays about 2 (linear);
* ``compare_sessions`` on the 94 texts once read, against reading them.
"""

from __future__ import annotations

import argparse
import ctypes
import random

from _shared import add_shared_option, official_pdfs, real_pair
from _timing import PYTHON_PASS, RESDIFF, best_of, compile_bytecode, process_times
from resdiff import evolution
from resdiff.model import Clause, Resolution
from resdiff.normalize import normalize_bytes, normalize_many
from resdiff.readers.pdf import pages
from resdiff.session import compare_sessions


def pdfium_chars_and_boxes(files: list[bytes]) -> int:
    """PDFium's own character-and-box extraction: every character's code point and box, nothing else."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    count = 0
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    for data in files:
        document = pdfium.PdfDocument(data)
        for index in range(len(document)):
            page = document[index]
            text_page = page.get_textpage()
            handle = text_page.raw
            for char in range(text_page.count_chars()):
                pdfium_c.FPDFText_GetUnicode(handle, char)
                pdfium_c.FPDFText_GetCharBox(handle, char, left, right, bottom, top)
                count += 1
            text_page.close()
            page.close()
        document.close()
    return count


_WORDS = (
    "synthetic widget gadget sprocket flange cooperation measures report assembly states encourages "
    "members transparency review programme framework capacity development support implementation"
).split()


def churning_versions(count: int, clauses: int = 40, churn: int = 5) -> list[Resolution]:
    """SYNTHETIC versions (invented words): each drops ``churn`` clauses and adds as many new ones."""
    rng = random.Random(7)
    serial = 0

    def clause_text() -> str:
        nonlocal serial
        serial += 1
        return f"Synthetic clause {serial} " + " ".join(rng.choice(_WORDS) for _ in range(25)) + ","

    texts = [clause_text() for _ in range(clauses)]
    versions = []
    for year in range(count):
        versions.append(
            Resolution(
                symbol=f"A/RES/{100 + year}/1",
                session=100 + year,
                title="Synthetic churn",
                adopted=f"{2045 + year}-12-01",
                clauses=tuple(Clause(f"PP{k + 1}", text) for k, text in enumerate(texts)),
            )
        )
        for _ in range(churn):
            texts.pop(rng.randrange(len(texts)))
        texts += [clause_text() for _ in range(churn)]
    return versions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    add_shared_option(parser)
    options = parser.parse_args()
    paths = official_pdfs(options.shared)
    files = [p.read_bytes() for p in paths]
    named = [(data, path.name) for data, path in zip(files, paths, strict=True)]

    serial, parallel = best_of(
        options.runs, lambda: normalize_many(named, 1), lambda: normalize_many(named, 2)
    )
    same = normalize_many(named, 1) == normalize_many(named, 2)
    print(
        f"read 94 PDFs: serial {serial:.2f}s, 2 processes {parallel:.2f}s: {parallel / serial:.2f}x "
        f"(target <= 0.6x); identical results: {same}"
    )

    baseline, reading, glyphs = best_of(
        options.runs,
        lambda: pdfium_chars_and_boxes(files),
        lambda: [normalize_bytes(data, name) for data, name in named],
        lambda: [tuple(pages(data)) for data in files],
    )
    print(
        f"PDFium's characters and boxes of the 94 PDFs: {baseline:.2f}s ({pdfium_chars_and_boxes(files)} "
        "characters)"
    )
    print(
        f"  reading them (resdiff normalize, serial): {reading:.2f}s: {reading / baseline:.2f}x"
        " (target <= 2.5x)"
    )
    print(f"  of which the character extraction (readers.pdf.pages): {glyphs:.2f}s: {glyphs / baseline:.2f}x")

    texts = [n.resolution for n in normalize_many(named, 1)]
    (session,) = best_of(options.runs, lambda: compare_sessions(texts))
    print(f"compare_sessions on the 94 texts read: {session:.2f}s ({session / reading:.2f}x reading them)")

    compile_bytecode()
    old, new = real_pair(options.shared)
    command = [*RESDIFF, "diff", str(old), str(new), "--format", "json"]
    python, diff = process_times(max(options.runs, 9), PYTHON_PASS, command)
    print(
        f"resdiff diff --format json: {diff * 1000:.0f} ms, python -c pass {python * 1000:.0f} ms: "
        f"{diff / python:.1f}x (target <= 6x)"
    )

    window = evolution.RESTORE_WINDOW
    chains = {n: churning_versions(n) for n in (24, 48, 96)}
    for label, bound in (("bounded", window), ("unbounded", 10**9)):
        evolution.RESTORE_WINDOW = bound
        times = best_of(1, *(lambda v=v: evolution.trace(v) for v in chains.values()))
        evolution.RESTORE_WINDOW = window
        cells = ", ".join(f"t({n}) {t:.2f}s" for n, t in zip(chains, times, strict=True))
        print(f"history, {label} restoration search: {cells}; t(96)/t(48) {times[2] / times[1]:.2f}")


if __name__ == "__main__":
    main()
