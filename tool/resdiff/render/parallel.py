"""``resdiff parallel``'s report in each format, from the same ``parallel.ParallelReport`` records:
terminal (plain text), Markdown, JSON (exactly ``to_json``), HTML (one self-contained page)."""

from __future__ import annotations

import html as html_module
import json

from ..errors import InputError
from ..languages import NAMES, direction
from ..parallel import KINDS, Mismatch, ParallelCheck, ParallelReport
from . import printable

PARALLEL_FORMATS = ("terminal", "markdown", "json", "html")


def render(report: ParallelReport, fmt: str) -> str:
    """The report in FMT (one of ``PARALLEL_FORMATS``)."""
    if fmt == "json":
        return json.dumps(report.to_json(), ensure_ascii=False, indent=2)
    report = printable(report)
    if fmt == "terminal":
        return terminal(report)
    if fmt == "markdown":
        return markdown(report)
    if fmt == "html":
        return html(report)
    raise InputError(f"unknown format {fmt!r} for parallel: use one of {', '.join(PARALLEL_FORMATS)}")


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts[kind]} {kind}" for kind in KINDS)


def _versions(check: ParallelCheck) -> str:
    return ", ".join(f"{v.language} ({v.clauses} clauses)" for v in check.versions)


def _heading(check: ParallelCheck) -> str:
    return f"{check.symbol or 'A resolution without a symbol'}: {_versions(check)}; {check.keys} clause keys"


def _unchecked(report: ParallelReport) -> str:
    names = ", ".join(report.unchecked)
    return f"Given in one language only, not checked ({len(report.unchecked)}): {names}"


def terminal(report: ParallelReport) -> str:
    lines: list[str] = []
    for check in report.checks:
        lines.append(_heading(check))
        lines.append(f"    mismatches: {len(check.mismatches)} ({_counts(check.counts)})")
        for mismatch in check.mismatches:
            lines.append(f"  {mismatch.key}  {mismatch.kind}: {mismatch.detail}")
            for language, text in mismatch.excerpts:
                lines.append(f"      {language}: {text}")
        lines.append("")
    if len(report.checks) > 1:
        lines.append(f"{len(report.checks)} resolutions: {_counts(report.counts)}")
    if report.unchecked:
        lines.append(_unchecked(report))
    if report.acknowledgement:
        lines.append(report.acknowledgement)
    return "\n".join(lines).rstrip("\n") + "\n"


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def markdown(report: ParallelReport) -> str:
    lines = ["# Parallel texts", ""]
    if len(report.checks) > 1:
        lines += [f"{len(report.checks)} resolutions: {_counts(report.counts)}.", ""]
    if report.unchecked:
        lines += [_md(_unchecked(report)), ""]
    for check in report.checks:
        lines += [f"## {_md(check.symbol or 'A resolution without a symbol')}", ""]
        lines += [f"{_md(_versions(check))}; {check.keys} clause keys; {_counts(check.counts)}.", ""]
        for mismatch in check.mismatches:
            lines += [f"### {_md(mismatch.key)}: {mismatch.kind}", "", _md(mismatch.detail), ""]
            if mismatch.excerpts:
                lines += ["| Language | Value | Text |", "| --- | --- | --- |"]
                values = dict(mismatch.values)
                for language, text in mismatch.excerpts:
                    lines.append(f"| {language} | {_md(values.get(language, ''))} | {_md(text)} |")
                lines.append("")
    if report.acknowledgement:
        lines += [f"*{_md(report.acknowledgement)}*", ""]
    return "\n".join(lines)


def _e(text: str) -> str:
    return html_module.escape(text, quote=True)


def _mismatch_html(mismatch: Mismatch) -> str:
    values = dict(mismatch.values)
    rows = "".join(
        f"<tr><th>{_e(NAMES.get(language, language))}</th>"
        f'<td class="value">{_e(values.get(language, ""))}</td>'
        f'<td lang="{_e(language)}" dir="{direction(language)}">{_e(text)}</td></tr>'
        for language, text in mismatch.excerpts
    )
    table = f"<table>{rows}</table>" if rows else ""
    return (
        f'<section class="mismatch {_e(mismatch.kind)}"><h3>{_e(mismatch.key)} '
        f"<span>{_e(mismatch.kind)}</span></h3><p>{_e(mismatch.detail)}</p>{table}</section>"
    )


def html(report: ParallelReport) -> str:
    body = []
    if len(report.checks) > 1:
        body.append(f"<p>{len(report.checks)} resolutions: {_e(_counts(report.counts))}.</p>")
    if report.unchecked:
        body.append(f"<p>{_e(_unchecked(report))}</p>")
    for check in report.checks:
        body.append(f"<h2>{_e(check.symbol or 'A resolution without a symbol')}</h2>")
        body.append(f"<p>{_e(_versions(check))}; {check.keys} clause keys; {_e(_counts(check.counts))}.</p>")
        body += [_mismatch_html(mismatch) for mismatch in check.mismatches]
    if report.acknowledgement:
        body.append(f'<p class="acknowledgement">{_e(report.acknowledgement)}</p>')
    style = (
        "body{font-family:'Noto Serif','Noto Naskh Arabic','Noto Serif CJK SC',serif;max-width:60rem;"
        "margin:auto}table{border-collapse:collapse;width:100%}"
        "td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top}"
        "th{width:6rem;text-align:left}.value{width:12rem;font-family:monospace}h3 span{font-weight:normal;"
        "color:#a00}.acknowledgement{font-size:.85rem;color:#555}"
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Parallel texts</title>'
        f"<style>{style}</style></head><body><h1>Parallel texts</h1>{''.join(body)}</body></html>"
    )
