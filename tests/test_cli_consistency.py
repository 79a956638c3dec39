"""One voice for every command: click's usage errors, over-long echoes, help examples that run,
``-o`` extensions no format writes, warnings said once, and texts XML cannot carry. Every text
here is SYNTHETIC.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import ROOT, SHARED
from corpus_synthetic import cli, make_corpus, synthetic_resolution, write_synthetic
from resdiff.cli import _common, main
from resdiff.compare import compare
from resdiff.model import Clause, Resolution
from resdiff.render import render
from resdiff.report import build_report


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input="")
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def assert_one_error_line(code: int, out: str, err: str) -> None:
    assert (code, out) == (2, ""), err
    assert err.startswith("resdiff: error: ") and err.count("\n") == 1, err


# --- usage errors: one line, exit 2, for every command (those added later too) ----------------------


def _commands() -> list[tuple[str, click.Command]]:
    """Every command, as ``resdiff --help`` lists them (each module imported on first use)."""
    with click.Context(main) as ctx:
        found = [(name, main.get_command(ctx, name)) for name in main.list_commands(ctx)]
    return [(name, command) for name, command in found if command is not None]


def test_every_command_module_defines_exactly_the_commands_it_is_listed_for() -> None:
    """Commands load on first use from ``COMMAND_MODULES``: a command missing there would vanish."""
    import importlib

    from resdiff.cli import COMMAND_MODULES

    for module in set(COMMAND_MODULES.values()):
        importlib.import_module(f"resdiff.cli.{module}")
    assert sorted(main.commands) == sorted(COMMAND_MODULES)
    for name, command in main.commands.items():
        assert command.callback is not None
        assert command.callback.__module__ == f"resdiff.cli.{COMMAND_MODULES[name]}", name


@pytest.mark.parametrize(("name", "command"), _commands(), ids=[name for name, _ in _commands()])
def test_a_bad_option_is_one_line_for_every_command(name: str, command: click.Command) -> None:
    code, out, err = run(name, "--no-such-option")
    assert_one_error_line(code, out, err)
    assert f"no such option '--no-such-option'; see 'resdiff {name} --help'" in err


def _with_required_arguments() -> list[tuple[str, click.Command]]:
    return [
        (name, command)
        for name, command in _commands()
        if any(isinstance(p, click.Argument) and p.required for p in command.params)
    ]


def _with_choices() -> list[tuple[str, click.Command]]:
    return [
        (name, command)
        for name, command in _commands()
        if any(isinstance(p, click.Option) and isinstance(p.type, click.Choice) for p in command.params)
    ]


@pytest.mark.parametrize(
    ("name", "command"), _with_required_arguments(), ids=[name for name, _ in _with_required_arguments()]
)
def test_a_missing_argument_is_one_line_for_every_command(name: str, command: click.Command) -> None:
    code, out, err = run(name)
    assert_one_error_line(code, out, err)
    assert "missing argument" in err


@pytest.mark.parametrize(("name", "command"), _with_choices(), ids=[name for name, _ in _with_choices()])
def test_a_bad_choice_is_one_line_for_every_command(name: str, command: click.Command) -> None:
    choices = [p for p in command.params if isinstance(p, click.Option) and isinstance(p.type, click.Choice)]
    arguments = ["x"] * sum(1 for p in command.params if isinstance(p, click.Argument) and p.required)
    code, out, err = run(name, *arguments, choices[0].opts[-1], "no-such-choice")
    assert_one_error_line(code, out, err)
    assert "'no-such-choice' is not one of" in err


def test_a_misspelt_option_gets_its_hint_on_the_same_line() -> None:
    code, out, err = run("diff", "a", "b", "--fromat", "json")
    assert_one_error_line(code, out, err)
    assert err == (
        "resdiff: error: no such option '--fromat' (did you mean '--format'?); see 'resdiff diff --help'\n"
    )


def test_the_group_s_own_usage_errors_are_one_line() -> None:
    assert_one_error_line(*run("--no-such-option"))
    code, out, err = run("no-such-command")
    assert_one_error_line(code, out, err)
    assert err == "resdiff: error: no such command 'no-such-command'; see 'resdiff --help'\n"


def test_files_click_refuses_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A missing file, a folder, a corpus path that is a file: click's three-line usage errors."""
    monkeypatch.chdir(tmp_path)
    root = make_corpus(tmp_path)
    Path("folder").mkdir()
    Path("plain.txt").write_text("a file", encoding="utf-8")
    for args in (
        ("add", "--corpus", str(root), "missing.md"),
        ("add", "--corpus", str(root), "folder"),
        ("list", "--corpus", "plain.txt"),
        ("diff", "a", "b", "-o", "folder"),
    ):
        code, out, err = run(*args)
        assert_one_error_line(code, out, err)
    assert run("list", "--corpus", "plain.txt")[2] == (
        "resdiff: error: invalid value for '--corpus': Directory 'plain.txt' is a file; "
        "see 'resdiff list --help'\n"
    )


def test_bare_resdiff_still_prints_the_help() -> None:
    code, _, err = run()
    assert code == 2 and "Commands:" in err


# --- a 5 KB REF echoed back is cut -------------------------------------------------------------------


@pytest.mark.parametrize("command", ["show", "diff", "log"])
def test_a_5kb_ref_is_cut_in_the_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    root = make_corpus(tmp_path)
    text = write_synthetic(tmp_path / "in", synthetic_resolution(91, 7))
    assert cli("add", "--corpus", str(root), "--series", "widgets", str(text)).exit_code == 0
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RESDIFF_CORPUS", str(root))
    for ref in ("x" * 5000, "91/7@" + "y" * 5000, "widgets@" + "z" * 5000):
        args = [command, ref] + (["91/7"] if command == "diff" else [])
        code, out, err = run(*args)
        assert_one_error_line(code, out, err)
        assert len(err) < 400, err
        assert "characters]…" in err


def test_one_line_keeps_short_words_and_cuts_long_ones() -> None:
    assert _common.one_line("a\n  b\tc") == "a b c"
    cut = _common.one_line("'" + "x" * 5000 + "' is no REF")
    assert cut.startswith("'" + "x" * 99 + "…[4882 characters]…" + "x" * 19 + "' is no REF")
    path = "/" + "/".join(["folder"] * 20) + "/A_RES_80_52.md"  # a long path is not cut
    assert _common.one_line(f"cannot read {path}") == f"cannot read {path}"


# --- help examples run on what is shipped --------------------------------------------------------------


def _helps() -> dict[str, str]:
    helps = {"": run("--help")[1]}
    for name, _ in _commands():
        helps[name] = run(name, "--help")[1]
    return helps


def test_help_examples_name_only_texts_that_are_there() -> None:
    """``80/52`` was in the examples, but the shipped corpus holds only A/RES/72/54: an example
    names a corpus text that is shipped, a file under ../shared (or a stand-in name), or a text
    to fetch (``resdiff fetch 80/52``, or an example that says it needs fetching)."""
    shipped = {
        p.stem.removeprefix("A_RES_").replace("_", "/") for p in (ROOT / "corpus").rglob("A_RES_*.txt")
    }
    assert shipped == {"72/54"}
    for name, text in _helps().items():
        examples = [line.strip() for line in text.splitlines() if line.strip().startswith("resdiff ")]
        assert examples or name in ("verify",), name
        for example in examples:
            to_fetch = "fetch" in example
            for word in example.split("#")[0].split():
                symbol = re.fullmatch(r"(?:A/RES/)?(\d+/\d+)(?:@.*)?", word)
                assert symbol is None or symbol[1] in shipped or to_fetch, (name, example)
                if word.startswith("../shared/") and SHARED.exists():
                    assert (SHARED / word.removeprefix("../shared/")).exists(), (name, example)


# --- -o with an extension no format writes ----------------------------------------------------------


def test_diff_refuses_an_extension_no_format_writes(pair: tuple[str, str]) -> None:
    """``diff -o x.pdf`` wrote terminal text into a .pdf file."""
    code, out, err = run("diff", *pair, "-o", "x.pdf")
    assert_one_error_line(code, out, err)
    assert "cannot tell the report format of 'x.pdf'" in err and "--format" in err
    assert not Path("x.pdf").exists()
    for name in ("x.diff", "x.txt", "x"):  # plain text, as the terminal shows it
        assert run("diff", *pair, "-o", name)[0] == 0
        assert Path(name).read_text(encoding="utf-8").startswith("A/RES/90/7")
    assert run("diff", *pair, "-o", "x.pdf", "--format", "html")[0] == 0  # asked for, as report allows


# --- warnings said once --------------------------------------------------------------------------------


def test_identical_consecutive_warnings_are_one_line_with_their_count(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _common.warn_about("f.md", ("twice", "twice", "once", *["many"] * 199_002, "twice"))
    assert capsys.readouterr().err.splitlines() == [
        "resdiff: warning: f.md: twice (repeated 2 times)",
        "resdiff: warning: f.md: once",
        "resdiff: warning: f.md: many (repeated 199002 times)",
        "resdiff: warning: f.md: twice",
    ]


# --- characters XML cannot carry -------------------------------------------------------------------------

BAD = "\x01\x0b\x1b\x7f\ufffe\uffff"
REPLACEMENT = "\ufffd"  # what each becomes, showing where it stood


def _with_bad_characters(resolution: Resolution, bad: str) -> Resolution:
    clauses = tuple(replace(c, text=f"{c.text[:12]}{bad}{c.text[12:]}") for c in resolution.clauses)
    return replace(resolution, title=f"Synthetic{bad} title", clauses=clauses)


def test_a_report_of_texts_with_control_characters_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``ValueError: All strings must be XML compatible`` from the Word report. The normalizer and
    the canonical reader let no such character in; a ``Resolution`` built in code (here, handed to
    the command in place of what it reads) still can, and every rendering must survive it."""
    from resdiff.cli import diff_commands

    monkeypatch.chdir(tmp_path)
    texts = {
        "old": _with_bad_characters(synthetic_resolution(91, 7), BAD),
        "new": _with_bad_characters(
            synthetic_resolution(92, 7, operative=("Synthetic decision, changed;",)), BAD
        ),
    }
    monkeypatch.setattr(diff_commands, "read_ref", lambda ref, corpus_path: texts[ref])
    for name in ("r.docx", "r.html", "r.md"):
        code, _, err = run("report", "old", "new", "-o", name)
        assert code == 0, err
    with zipfile.ZipFile("r.docx") as document:
        xml = document.read("word/document.xml").decode("utf-8")
    assert "Synthetic" + REPLACEMENT * len(BAD) + " title" in xml
    for name in ("r.html", "r.md"):
        text = Path(name).read_text(encoding="utf-8")
        assert not set(BAD) & set(text) and REPLACEMENT in text
    code, out, _ = run("diff", "old", "new")  # no escape sequence reaches a terminal either
    assert code == 0 and "\x1b" not in out and REPLACEMENT in out
    code, out, _ = run("diff", "old", "new", "--format", "json")  # the data, exactly
    assert code == 0 and "\\u001b" in out


def test_lone_surrogates_in_a_resolution_built_in_code_render() -> None:
    old = Resolution(
        symbol="A/RES/91/7", title="Synthetic \ud800 title", clauses=(Clause("PP1", "Recalling \udfff,"),)
    )
    new = replace(old, symbol="A/RES/92/7", clauses=(Clause("PP1", "Recalling \ud83d again,"),))
    report = build_report(compare(old, new))
    document = render(report, "docx")
    assert isinstance(document, bytes) and zipfile.is_zipfile(io.BytesIO(document))
    page = render(report, "html")
    assert isinstance(page, str)
    page.encode("utf-8")  # no lone surrogate left to refuse encoding
    assert "Synthetic " + REPLACEMENT + " title" in page
