"""``resdiff parallel`` on SYNTHETIC language versions (invented words, built in code): each kind of
mismatch, the language rules it relies on (numbers in any script and in words, dates as dates, cited
symbols), the renderers and the command line's exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from resdiff import canonical, parallel
from resdiff.cli import main
from resdiff.errors import InputError
from resdiff.languages import numbers
from resdiff.model import Clause, Resolution
from resdiff.render.parallel import render


def version(language: str, *clauses: Clause, symbol: str = "A/RES/99/7") -> Resolution:
    return Resolution(
        symbol=symbol, session=99, title="Synthetic widgets", clauses=clauses, language=language
    )


EN = version(
    "en",
    Clause("PP1", "Recalling its resolution 63/71 of 2 December 2008 and the thirteenth Meeting,"),
    Clause("OP1", "Decides to hold 25 widget meetings from 25 to 27 November 2020;", ("FN1",), "Decides"),
    Clause("FN1", "See A/80/534."),
)
FR = version(
    "fr",
    Clause("PP1", "Rappelant sa résolution 63/71 du 2 décembre 2008 et la treizième Réunion,"),
    Clause("OP1", "Décide de tenir 25 réunions du 25 au 27 novembre 2020 ;", ("FN1",), "Décide"),
    Clause("FN1", "Voir A/80/534."),
)
ZH = version(
    "zh",
    Clause("PP1", "回顾其2008年12月2日第63/71号决议和第十三次会议，"),
    Clause("OP1", "决定于2020年11月25日至27日举行25次会议；", ("FN1",), "决定"),
    Clause("FN1", "见A/80/534。"),
)
AR = version(
    "ar",
    Clause("PP1", "إذ تشير إلى قرارها 63/71 المؤرخ ٢ كانون الأول/ديسمبر ٢٠٠٨ والاجتماع الثالث عشر،"),
    Clause("OP1", "تقرر أن تعقد 25 اجتماعا من 25 إلى 27 تشرين الثاني/نوفمبر 2020؛", ("FN1",), "تقرر"),
    Clause("FN1", "انظر A/80/534."),
)


def kinds(check: parallel.ParallelCheck) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(m.kind, m.key, m.languages) for m in check.mismatches]


def test_versions_that_agree_have_no_mismatch() -> None:
    """Dates in four scripts and forms (a range included), Arabic-Indic digits, an ordinal in words,
    a Chinese ordinal in Han numerals: the same values."""
    check = parallel.check([EN, FR, ZH, AR])
    assert kinds(check) == []
    assert check.keys == 3
    assert [v.language for v in check.versions] == ["en", "fr", "zh", "ar"]


def test_a_missing_clause_is_named_with_the_versions_that_have_it() -> None:
    fr = version("fr", *FR.clauses, Clause("OP2", "Décide de poursuivre."))
    check = parallel.check([EN, fr, ZH])
    assert kinds(check) == [("missing", "OP2", ("en", "zh"))]
    assert dict(check.mismatches[0].excerpts) == {"fr": "Décide de poursuivre."}


def test_clauses_in_another_order() -> None:
    zh = version("zh", ZH.clauses[1], ZH.clauses[0], ZH.clauses[2])
    check = parallel.check([EN, zh])
    assert kinds(check) == [("order", "PP1", ("zh",))]


def test_a_footnote_anchored_to_another_clause() -> None:
    fr = version(
        "fr", Clause("PP1", FR.clauses[0].text, ("FN1",)), Clause("OP1", FR.clauses[1].text), FR.clauses[2]
    )
    check = parallel.check([EN, fr, ZH])
    assert kinds(check) == [("footnotes", "PP1", ("fr",)), ("footnotes", "OP1", ("fr",))]


def test_another_symbol_cited() -> None:
    fr = version("fr", FR.clauses[0], FR.clauses[1], Clause("FN1", "Voir A/80/543."))
    check = parallel.check([EN, fr, ZH])
    assert kinds(check) == [("citations", "FN1", ("fr",))]
    assert check.mismatches[0].detail == "fr lacks A/80/534 and has A/80/543 (as en, zh)"


def test_another_number_or_date() -> None:
    zh = version(
        "zh",
        ZH.clauses[0],
        Clause("OP1", "决定于2020年11月25日至28日举行25次会议；", ("FN1",)),
        ZH.clauses[2],
    )
    check = parallel.check([EN, FR, zh])
    assert kinds(check) == [("numbers", "OP1", ("zh",))]
    assert check.mismatches[0].detail == "zh lacks 27 and has 28 (as en, fr)"
    assert dict(check.mismatches[0].values)["zh"] == "--11, 25 ×2, 2020, 28"


def test_a_number_in_words_is_not_held_against_a_version_whose_words_are_not_read() -> None:
    ru = version(
        "ru",
        Clause("PP1", "ссылаясь на свою резолюцию 63/71 от 2 декабря 2008 года и тринадцатое совещание,"),
    )
    en = version("en", EN.clauses[0])
    assert kinds(parallel.check([en, ru])) == []
    fr = version("fr", Clause("PP1", FR.clauses[0].text.replace("treizième", "quatorzième")))
    assert kinds(parallel.check([en, fr])) == [("numbers", "PP1", ("fr",))]


def test_language_rules_for_numbers_and_symbols() -> None:
    assert numbers.values("1,234.5 and 1 December 2025", "en") == numbers.values(
        "1 234,5 et 1er décembre 2025", "fr"
    )
    assert numbers.values("２０２５年12月1日", "zh") == numbers.values("1 December 2025", "en")
    assert numbers.values("May consider", "en") == {}
    assert numbers.word_values("the thirteenth Meeting, one of them", "en") == {"13": 1}
    assert numbers.word_values("第十三次会议和第一次", "zh") == {"13": 1}
    assert numbers.symbols("resolutions 63/71 A, A/RES/70/54 and 1514 (XV), S/RES/2334 (2016)") == {
        "63/71": 1,
        "70/54": 1,
        "1514(XV)": 1,
        "S/RES/2334": 1,
    }
    assert numbers.symbols("القرار دإ-10/2 و1514 (د-15)") == {"S-10/2": 1, "1514(XV)": 1}


def test_versions_are_grouped_by_resolution_and_one_language_twice_is_refused() -> None:
    other = version("en", *EN.clauses, symbol="A/RES/99/8")
    report = parallel.check_all([EN, other, FR, version("fr", *FR.clauses, symbol="A/RES/99/8")])
    assert [c.symbol for c in report.checks] == ["A/RES/99/7", "A/RES/99/8"]
    with pytest.raises(InputError, match="two texts of A/RES/99/7 in en"):
        parallel.check_all([EN, EN])
    with pytest.raises(InputError, match="only one language version"):
        parallel.check_all([EN])
    alone = version("en", *EN.clauses, symbol="A/RES/99/9")
    report = parallel.check_all([EN, alone, FR])
    assert [c.symbol for c in report.checks] == ["A/RES/99/7"] and report.unchecked == ("A/RES/99/9",)
    assert report.to_json()["unchecked"] == ["A/RES/99/9"]
    for fmt in ("terminal", "markdown", "html"):
        assert "Given in one language only, not checked (1): A/RES/99/9" in render(report, fmt)


def test_every_renderer_reads_the_same_records() -> None:
    fr = version("fr", *FR.clauses, Clause("OP2", "Décide de poursuivre."))
    report = parallel.check_all([EN, fr, ZH])
    assert json.loads(render(report, "json")) == report.to_json()
    assert report.to_json()["counts"] == {
        "missing": 1,
        "order": 0,
        "footnotes": 0,
        "citations": 0,
        "numbers": 0,
    }
    for fmt in ("terminal", "markdown", "html"):
        text = render(report, fmt)
        assert "OP2" in text and "Décide de poursuivre." in text


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    fr = version("fr", *FR.clauses, Clause("OP2", "Décide de poursuivre."))
    paths = []
    for resolution in (EN, fr, ZH):
        path = tmp_path / f"{resolution.language}.txt"
        path.write_text(canonical.dump(resolution), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_cli_exit_codes_and_formats(files: list[str]) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["parallel", *files])
    assert result.exit_code == 0 and "OP2  missing: not in en, zh (in fr)" in result.output
    assert runner.invoke(main, ["parallel", *files, "--exit-code"]).exit_code == 1
    assert runner.invoke(main, ["parallel", files[0], files[2], "--exit-code"]).exit_code == 0
    data = json.loads(runner.invoke(main, ["parallel", *files, "--format", "json"]).output)
    assert data["checks"][0]["mismatches"][0]["key"] == "OP2"
    only = runner.invoke(main, ["parallel", *files, "--langs", "en,zh", "--exit-code"])
    assert only.exit_code == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--langs", "en,xx"], "'xx' is none of the UN's languages"),
        (["--langs", "en"], "only one language version given"),
    ],
)
def test_cli_bad_input_is_one_message_and_exit_2(
    files: list[str], arguments: list[str], message: str
) -> None:
    result = CliRunner().invoke(main, ["parallel", *files, *arguments])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_cli_a_missing_file_is_one_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["parallel", str(tmp_path / "absent.xml")])
    assert result.exit_code == 2
    assert result.output.strip().endswith("absent.xml: no such file")
