"""Bench: reading the UN's AKN4UN XML of the whole of session 80 in English, against reading the PDFs.

Run: python bench/bench_akn.py [--runs R] [--shared DIR]. The files are the 263 of
``data/akn/80session/English`` (source: United Nations, DGACM, AKN4UN XML, unofficial copies) and the 55
official PDFs of ``data/un-pdf/ga-res-80`` (80/1-55), all read into memory first so that only
normalizing is timed (``normalize_bytes``: the reader, the model, the clause checks).

* the twins (80/1-55, an XML and a PDF each): per file, the best of R of each, taking turns (XML, PDF,
  XML, PDF, ...) so a burst of load slows both alike; the ratio PDF / XML per file, and its median;
* all 263 XML files: the best-of-R time per file, and its median, mean and total.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

from _shared import add_shared_option
from _timing import best_of
from resdiff.normalize import normalize_bytes

_NUMBER_RE = re.compile(r"A_RES_80_([0-9]+)[-_.]")


def _number(path: Path) -> int | None:
    match = _NUMBER_RE.match(path.name)
    return int(match[1]) if match else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="best of this many runs per file")
    add_shared_option(parser)
    options = parser.parse_args()
    akn_folder = options.shared / "data" / "akn" / "80session" / "English"
    pdf_folder = options.shared / "data" / "un-pdf" / "ga-res-80"
    if not akn_folder.is_dir() or not pdf_folder.is_dir():
        sys.exit(f"{options.shared} lacks {akn_folder} or {pdf_folder}: pass --shared or set RESDIFF_SHARED")
    xml = {path: path.read_bytes() for path in sorted(akn_folder.glob("*.xml"))}
    pdfs = {_number(path): path for path in sorted(pdf_folder.glob("A_RES_80_*.pdf"))}
    for path, data in xml.items():  # warm up: imports, caches, and every file is readable
        normalize_bytes(data, path.name)

    print(f"Twins (80/1-55), best of {options.runs}, XML and PDF taking turns:")
    print(f"{'symbol':<12} {'clauses':>7} {'XML ms':>8} {'PDF ms':>8} {'PDF/XML':>8}")
    ratios, twin_xml, twin_pdf = [], [], []
    for path, data in xml.items():
        number = _number(path)
        pdf = pdfs.get(number)
        if pdf is None:
            continue
        pdf_data = pdf.read_bytes()
        xml_time, pdf_time = best_of(
            options.runs,
            lambda d=data, n=path.name: normalize_bytes(d, n),
            lambda d=pdf_data, n=pdf.name: normalize_bytes(d, n),
        )
        clauses = len(normalize_bytes(data, path.name).resolution.clauses)
        ratios.append(pdf_time / xml_time)
        twin_xml.append(xml_time)
        twin_pdf.append(pdf_time)
        print(f"80/{number:<9} {clauses:>7} {xml_time * 1e3:>8.2f} {pdf_time * 1e3:>8.2f} {ratios[-1]:>8.1f}")
    if ratios:
        print(
            f"{len(ratios)} twins: median XML {statistics.median(twin_xml) * 1e3:.2f} ms, median PDF "
            f"{statistics.median(twin_pdf) * 1e3:.2f} ms; PDF/XML per file: median "
            f"{statistics.median(ratios):.1f}, "
            f"min {min(ratios):.1f}, max {max(ratios):.1f}; totals {sum(twin_pdf) / sum(twin_xml):.1f} times"
        )

    times = [
        best_of(options.runs, lambda d=data, n=path.name: normalize_bytes(d, n))[0]
        for path, data in xml.items()
    ]
    sizes = [len(data) for data in xml.values()]
    print(
        f"\nAll {len(times)} XML files of session 80 (English), best of {options.runs} per file: median "
        f"{statistics.median(times) * 1e3:.2f} ms, mean {statistics.mean(times) * 1e3:.2f} ms, max "
        f"{max(times) * 1e3:.2f} ms, total {sum(times):.2f} s ({sum(sizes) / 1e6:.1f} MB of XML)"
    )


if __name__ == "__main__":
    main()
