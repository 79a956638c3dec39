"""``resdiff normalize``: formats, -o, stdin, and the JSON contract of issue 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from resdiff import canonical
from resdiff.cli import main
from resdiff.normalize import normalize_path

pytestmark = pytest.mark.shared


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["normalize", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_canonical_is_the_default(seed_path: Path) -> None:
    code, out, err = invoke(str(seed_path))
    assert code == 0 and err == ""
    assert out == canonical.dump(normalize_path(seed_path).resolution)
    assert "\nPP7 [FN1] Mindful of the need" in out


def test_json_shape(seed_path: Path) -> None:
    code, out, _ = invoke("--format", "json", str(seed_path))
    data = json.loads(out)
    assert code == 0
    assert list(data)[:8] == [
        "symbol",
        "session",
        "title",
        "adopted",
        "agenda_item",
        "report",
        "meeting",
        "cites",
    ]
    assert data["symbol"] == "A/RES/72/54" and data["session"] == 72 and data["adopted"] == "2017-12-04"
    op1 = next(c for c in data["clauses"] if c["key"] == "OP1")
    assert op1["type"] == "operative" and op1["verb"] == "Urges" and op1["notes"] == ["FN2"]
    assert op1["text"].startswith("Urges all States")
    fn1 = next(c for c in data["clauses"] if c["key"] == "FN1")
    assert fn1 == {**fn1, "type": "footnote", "text": "United Nations, Treaty Series, vol. 2515, No. 44910."}


def test_output_file_and_stdin(seed_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    code, out, _ = invoke("-o", str(target), "-", stdin=seed_path.read_bytes())
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    assert text == canonical.dump(normalize_path(seed_path).resolution).replace(seed_path.name, "stdin")
    assert "\nsource: seed-markdown sha256:" in text and text.split("\n")[9].endswith(" stdin")


def test_canonical_input_comes_back_byte_for_byte(res_80_52_path: Path, tmp_path: Path) -> None:
    first = tmp_path / "80_52.txt"
    assert invoke("-o", str(first), str(res_80_52_path))[0] == 0
    code, out, err = invoke(str(first))
    assert code == 0 and err == ""
    assert out == first.read_text(encoding="utf-8")


def test_unwritable_output_and_directory_input_are_one_line_errors(seed_path: Path, tmp_path: Path) -> None:
    code, out, err = invoke("-o", str(tmp_path / "missing" / "out.txt"), str(seed_path))
    assert code == 2 and out == "" and err.count("\n") == 1 and "cannot write" in err
    code, out, err = invoke(str(tmp_path))
    assert code == 2 and err.count("\n") == 1 and "is a folder" in err
