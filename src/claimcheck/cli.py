"""The command line: ``claimcheck check``, ``rules``, ``rule CODE``, ``sources``.

Thin by design: parse options, call the library, render. Exit codes: 0 no finding at
warning or above, 1 findings at warning or above (or a problem in a suppression
comment), 2 usage, input or rule errors.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import click

from . import __version__
from .engine import Linter
from .errors import ClaimcheckError
from .evaluate import evaluate, load_corpus
from .formats import FORMATS, ReadOptions
from .inputs import STDIN, expand
from .models import Finding, Level, Notice, Rule, Source
from .report import RENDERERS, Report
from .report.evaluation import render_eval_json, render_eval_text
from .rules import load_rules
from .runner import Options, check_targets, default_jobs
from .sources import load_sources

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LEVELS = [level.value for level in Level]


def _fail(message: str) -> None:
    click.echo(f"claimcheck: error: {message}", err=True)


def _split(values: Sequence[str]) -> list[str]:
    """Options given repeatedly or comma-separated: ``--select OXT1,OXT2 --select OXT3``."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _load() -> tuple[list[Rule], dict[str, Source]]:
    sources = load_sources()
    return load_rules(sources=sources), sources


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def main() -> None:
    """Warns where health writing claims more than the evidence supports."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="text", show_default=True)
@click.option("--select", multiple=True, metavar="CODES", help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rule codes or prefixes (comma-separated).")
@click.option(
    "--min-level",
    type=click.Choice(LEVELS),
    default=Level.suggestion.value,
    show_default=True,
    help="Hide findings below this level.",
)
@click.option(
    "--format-in",
    type=click.Choice(FORMATS),
    default=None,
    help="Read every file in this format instead of choosing by extension.",
)
@click.option(
    "--text-field", default="text", show_default=True, help="Records (.jsonl, .csv): the field with the text."
)
@click.option(
    "--id-field", default="id", show_default=True, help="Records (.jsonl, .csv): the field naming the record."
)
@click.option("--show-suppressed", is_flag=True, help="Also list findings that suppression comments hide.")
@click.option("--require-reason", is_flag=True, help="Report suppression comments that give no `-- reason`.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes for many files; 0 (default) uses one per core, 1 checks in this process.",
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    min_level: str,
    format_in: str | None,
    text_field: str,
    id_field: str,
    show_suppressed: bool,
    require_reason: bool,
    jobs: int,
) -> None:
    """Check files, directories (every file of a format claimcheck reads) or standard input (-).

    Formats by extension: .txt (plain text), .md, .html, .docx, .pdf, .jsonl and .csv
    (records); standard input and other extensions are read as plain text.
    """
    selected, ignored = _split(select), _split(ignore)
    try:
        rules, sources = _load()
        linter = Linter(rules, sources, select=selected, ignore=ignored)
    except ClaimcheckError as exc:
        _fail(str(exc))
        sys.exit(EXIT_ERROR)
    threshold = Level(min_level)
    findings: list[Finding] = []
    notices: list[Notice] = []
    errors: list[str] = []
    files = suppressed = 0
    if STDIN in paths and sys.stdin is None:
        _fail("<stdin>: standard input is closed")
        sys.exit(EXIT_ERROR)
    stdin = sys.stdin.buffer if STDIN in paths else None
    targets = list(expand(paths))
    options = Options(format_in, ReadOptions(text_field, id_field), require_reason)
    try:
        for result in check_targets(linter, targets, jobs=jobs or default_jobs(), stdin=stdin, options=options):
            for error in result.errors:
                errors.append(error)
                _fail(error)
            if result.failed:
                continue
            files += 1
            shown = [f for f in result.findings if f.level >= threshold]
            suppressed += sum(f.suppressed for f in shown)
            findings += [f for f in shown if show_suppressed or not f.suppressed]
            notices += result.notices
    except ClaimcheckError as exc:  # a rule that only fails when it first runs (a bad token pattern)
        _fail(str(exc))
        sys.exit(EXIT_ERROR)
    click.echo(RENDERERS[fmt](Report(findings, errors, files, notices, suppressed)), nl=False)
    if errors:
        sys.exit(EXIT_ERROR)
    failing = any(f.level >= Level.warning and not f.suppressed for f in findings)
    sys.exit(EXIT_FINDINGS if failing or notices else EXIT_CLEAN)


def _rules_or_exit() -> tuple[list[Rule], dict[str, Source]]:
    try:
        return _load()
    except ClaimcheckError as exc:
        _fail(str(exc))
        sys.exit(EXIT_ERROR)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def list_rules(fmt: str) -> None:
    """List every rule: code, level, family, name and summary."""
    rules, _ = _rules_or_exit()
    if fmt == "markdown":
        click.echo("| code | name | family | level | flags |\n|---|---|---|---|---|")
        for r in rules:
            click.echo(f"| {r.code} | {r.name} | {r.family} | {r.level.value} | {r.summary} |")
        return
    width = max(len(r.name) for r in rules)
    click.echo(f"{'CODE':<7} {'LEVEL':<10} {'FAMILY':<10} {'NAME':<{width}}  SUMMARY")
    for r in rules:
        click.echo(f"{r.code:<7} {r.level.value:<10} {r.family:<10} {r.name:<{width}}  {r.summary}")


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(" ".join(text.split()), width=88, initial_indent=indent, subsequent_indent=indent)


def _citation(s: Source) -> str:
    ids = [f"doi:{s.doi}" if s.doi else "", f"PMID {s.pmid}" if s.pmid else "", s.pmcid or ""]
    link = s.link or "no verified link"
    extra = f" ({', '.join(i for i in ids if i)})" if any(ids) else ""
    unverified = f" [unverified: {', '.join(s.unverified)}]" if s.unverified else ""
    return f"{s.citation}{extra} {link}{unverified}"


@main.command("rule")
@click.argument("code")
def explain_rule(code: str) -> None:
    """Explain one rule: what it flags, why, the evidence, examples and citations."""
    rules, sources = _rules_or_exit()
    found = [r for r in rules if r.code == code.upper() or r.name == code.lower()]
    if not found:
        _fail(f"unknown rule '{code}' (see `claimcheck rules`)")
        sys.exit(EXIT_ERROR)
    r = found[0]
    out = [
        f"{r.code} {r.name} [{r.level.value}, {r.family}, {r.status}]",
        "",
        _wrap(r.summary, ""),
        "",
        "Why:",
        _wrap(r.why),
        "",
        f"Evidence: {r.evidence.value}",
    ]
    for ref in r.sources:
        s = sources[ref.id]
        out += [f"  - {s.short}: " + " ".join((ref.says or s.shows).split())]
    if r.suggest:
        out += ["", "Instead, write:"] + [f"  - {s}" for s in r.suggest]
    out += ["", "Flagged:"] + [f"  - {t}" for t in r.examples.flag]
    out += ["", "Not flagged:"] + [f"  - {t}" for t in r.examples.pass_]
    out += ["", "Sources:"] + [_wrap(_citation(sources[ref.id]), "  ") for ref in r.sources]
    click.echo("\n".join(out))


@main.command("sources")
def list_sources() -> None:
    """List the evidence sources with citation, DOI or link, and what each shows."""
    _, sources = _rules_or_exit()
    for s in sources.values():
        click.echo(f"{s.id}\n{_wrap(_citation(s))}\n{_wrap(s.shows)}\n")


@main.command("eval")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--min-precision", type=click.FloatRange(0, 1), default=0.95, show_default=True)
@click.option("--min-recall", type=click.FloatRange(0, 1), default=0.90, show_default=True)
@click.option("--min-family-recall", type=click.FloatRange(0, 1), default=0.85, show_default=True)
def eval_command(fmt: str, folder: Path, min_precision: float, min_recall: float, min_family_recall: float) -> None:
    """Score the rules on a gold-labelled corpus; exit 1 below the targets."""
    try:
        rules, sources = _load()
        linter = Linter(rules, sources)
        evaluation = evaluate(linter, load_corpus(folder))
    except ClaimcheckError as exc:
        _fail(str(exc))
        sys.exit(EXIT_ERROR)
    failures = evaluation.failures(min_precision, min_recall, min_family_recall)
    render = render_eval_json if fmt == "json" else render_eval_text
    click.echo(render(evaluation, failures), nl=False)
    sys.exit(EXIT_FINDINGS if failures else EXIT_CLEAN)
