"""Bench: reading the 94 official PDFs of ../shared/data/un-pdf, and the PDF libraries side by side.

Run: python bench/bench_pdf.py [--runs R] [--shared DIR] [--per-file]. The other libraries are
optional (pip install -e '.[bench]'); a library that is not installed is reported, not measured.

Every library feeds the same layout analysis (``resdiff.readers.pdflayout``) with the characters it
reads (position, size, font), so the libraries differ only in what they read and how fast:

* time: best of R for reading all 94 PDFs into clauses, as a ratio to a baseline measured in the same
  run, taking turns: PDFium's plain text of the same files (the least any PDF reading can cost);
* peak memory: each library reads all 94 files in a process of its own; its peak resident size;
* quality: on 80/1-55, how many give the same clause keys as the Markdown twins, and the mean clause
  similarity (rapidfuzz ratio); on the 37 session-79 PDFs, how many give as many operative paragraphs
  as the independent PyMuPDF extraction's ``paragraphs``.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

from rapidfuzz import fuzz

from _shared import add_shared_option, official_pdfs
from _timing import best_of
from resdiff.model import Resolution, Source
from resdiff.normalize import normalize_bytes
from resdiff.normalizer.builder import Builder
from resdiff.readers import safe
from resdiff.readers.pdflayout import Glyph, Page, read_pages

Reader = Callable[[bytes], Iterator[Page]]


def pypdfium2_pages(data: bytes) -> Iterator[Page]:
    from resdiff.readers.pdf import pages

    return pages(data)


def pdfminer_pages(data: bytes) -> Iterator[Page]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTPage

    def chars(item: object) -> Iterator[LTChar]:
        if isinstance(item, LTChar):
            yield item
        for child in getattr(item, "_objs", ()):
            yield from chars(child)

    for page in extract_pages(io.BytesIO(data), laparams=None):
        assert isinstance(page, LTPage)
        yield Page(
            page.width,
            page.height,
            tuple(_glyph(c.get_text(), c.bbox, c.size, c.fontname) for c in chars(page)),
        )


def pdfplumber_pages(data: bytes) -> Iterator[Page]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as document:
        for page in document.pages:
            height = float(page.height)
            glyphs = tuple(
                _glyph(
                    c["text"],
                    (c["x0"], height - c["bottom"], c["x1"], height - c["top"]),
                    c["size"],
                    c["fontname"],
                )
                for c in page.chars
            )
            yield Page(float(page.width), height, glyphs)


def _glyph(text: str, box: tuple[float, float, float, float], size: float, font: str) -> Glyph:
    name = font.split("+", 1)[-1].lower()
    return Glyph(text[:1] or " ", *box, size, "italic" in name or name.endswith("-it"), "bold" in name)


READERS: dict[str, Reader] = {
    "pypdfium2": pypdfium2_pages,
    "pdfminer.six": pdfminer_pages,
    "pdfplumber": pdfplumber_pages,
}


def available(name: str) -> bool:
    module = {"pypdfium2": "pypdfium2", "pdfminer.six": "pdfminer", "pdfplumber": "pdfplumber"}[name]
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def normalize_with(reader: Reader, data: bytes, name: str) -> Resolution:
    raw = read_pages(tuple(reader(data)))._replace(reader="pdf")
    return Builder(safe(raw), Source(name, "", "pdf")).build().resolution


def plain_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def quality(resolve: Callable[[Path], Resolution], shared: Path) -> tuple[int, float, int]:
    """(keys equal to the Markdown twin's of 80/1-55, mean clause similarity, session-79 OP counts right)."""
    equal, similarities = 0, []
    for md in sorted((shared / "data" / "ga-res-80").glob("*.md")):
        from_pdf = resolve(shared / "data" / "un-pdf" / "ga-res-80" / f"{md.stem}.pdf")
        from_md = normalize_bytes(md.read_bytes(), md.name).resolution
        equal += [c.key for c in from_pdf.clauses] == [c.key for c in from_md.clauses]
        md_texts = {c.key: c.text for c in from_md.clauses}
        scores = [fuzz.ratio(c.text, md_texts[c.key]) / 100 for c in from_pdf.clauses if c.key in md_texts]
        similarities.append(sum(scores) / len(scores) if scores else 0.0)
    counts = 0
    for pdf in sorted((shared / "data" / "un-pdf" / "ga-res-79").glob("*.pdf")):
        extraction = json.loads(
            (shared / "data" / "un-pdf" / "pymupdf-json" / "ga-res-79" / f"{pdf.stem}.json").read_text()
        )
        counts += len(resolve(pdf).of_type("operative")) == len(extraction["paragraphs"])
    return equal, sum(similarities) / len(similarities), counts


def high_water_kib() -> int:
    """This process's peak resident size (VmHWM: unlike ru_maxrss, not inherited from the parent)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def peak_rss_kib(library: str, shared: Path) -> int:
    """The peak resident size of a process that reads all 94 PDFs with ``library`` (or only their bytes)."""
    code = (
        "import sys, resource; sys.path.insert(0, 'bench'); import bench_pdf as b; from pathlib import Path\n"
        "paths = sorted(Path(sys.argv[2]).glob('data/un-pdf/ga-res-*/*.pdf'))\n"
        "for p in paths:\n"
        "    data = p.read_bytes()\n"
        "    if sys.argv[1] != 'bytes': b.normalize_with(b.READERS[sys.argv[1]], data, p.name)\n"
        "print(b.high_water_kib())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, library, str(shared)], check=True, capture_output=True, text=True
    )
    return int(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--per-file", action="store_true", help="also time every file with pypdfium2")
    add_shared_option(parser)
    options = parser.parse_args()
    paths = official_pdfs(options.shared)
    files = [(p.name, p.read_bytes()) for p in paths]
    libraries = [name for name in READERS if available(name)]
    missing = [name for name in READERS if name not in libraries]
    if missing:
        print(f"not installed, not measured: {', '.join(missing)} (pip install -e '.[bench]')\n")

    def read_all(reader: Reader) -> Callable[[], object]:
        return lambda: [normalize_with(reader, data, name) for name, data in files]

    times = best_of(
        options.runs, lambda: [plain_text(d) for _, d in files], *(read_all(READERS[n]) for n in libraries)
    )
    baseline, measured = times[0], dict(zip(libraries, times[1:], strict=True))
    bytes_only = peak_rss_kib("bytes", options.shared)
    print(
        f"baseline: PDFium's plain text of the 94 PDFs, {baseline * 1000:.0f} ms; "
        f"a process reading their bytes: {bytes_only / 1024:.0f} MiB peak"
    )
    print(
        f"\n{'library':14} {'94 PDFs':>9} {'per file':>9} {'x baseline':>10} {'peak MiB':>9} "
        f"{'keys = md':>9} {'mean sim':>8} {'OP = json':>9}"
    )
    for name in libraries:
        reader = READERS[name]
        equal, similarity, counts = quality(
            lambda p, r=reader: normalize_with(r, p.read_bytes(), p.name), options.shared
        )
        seconds = measured[name]
        print(
            f"{name:14} {seconds:8.2f}s {seconds / len(files) * 1000:7.0f}ms {seconds / baseline:9.1f}x "
            f"{peak_rss_kib(name, options.shared) / 1024:9.0f} {equal:6}/55 {similarity:8.4f} {counts:6}/37"
        )

    if options.per_file:
        print(f"\n{'file (pypdfium2)':22} {'ms':>7} {'peak KiB':>9}")
        for name, data in files:
            (seconds,) = best_of(options.runs, lambda d=data, n=name: normalize_bytes(d, n))
            tracemalloc.start()
            normalize_bytes(data, name)
            peak = tracemalloc.get_traced_memory()[1] / 1024
            tracemalloc.stop()
            print(f"{name:22} {seconds * 1000:7.1f} {peak:9.0f}")
    print(f"\nthis process's peak: {high_water_kib() / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
