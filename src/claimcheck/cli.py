"""The command line: ``claimcheck check``, ``config``, ``rules``, ``rule CODE``, ``sources``, ``eval``.

Thin by design: parse options, call the library, render. Exit codes: 0 no finding at the
``fail-on`` level (default warning) or above, 1 such findings (or a problem in a
suppression comment, or with ``--diff`` a fix to apply), 2 usage, input, rule,
configuration or baseline errors, or a file that cannot be written.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import click

from . import __version__
from .baseline import compare, load_baseline
from .baseline import write_baseline as write_baseline_file
from .config import Config, describe, resolve_config
from .engine import Linter
from .errors import ClaimcheckError, ConfigError, EvalError
from .evaluate import evaluate, load_corpus
from .evaluate_sentences import evaluate_sentences, is_sentence_corpus, load_sentence_corpus
from .fixes import fix_file, unified_diff
from .formats import FORMATS, TEXT_FORMATS, ReadOptions, format_for
from .inputs import STDIN, encode, expand
from .models import Level, Rule, Source
from .output import write_atomically, write_fixed
from .progress import progress
from .report import RENDERERS, Report
from .report.evaluation import (
    render_eval_json,
    render_eval_text,
    render_sentence_eval_json,
    render_sentence_eval_text,
)
from .report.text import summary
from .rules import load_rule_set, load_rules
from .runner import Options, Run, check_source, check_targets, default_jobs
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
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to FILE.")
@click.option("--select", multiple=True, metavar="CODES", help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rule codes or prefixes (comma-separated).")
@click.option("--min-level", type=click.Choice(LEVELS), help="Hide findings below this level [default: suggestion].")
@click.option(
    "--fail-on", type=click.Choice([*LEVELS, "never"]), help="Lowest level that fails the run [default: warning]."
)
@click.option("--format-in", type=click.Choice(FORMATS), help="Read every file in this format instead of by extension.")
@click.option("--text-field", help="Records (.jsonl, .csv): the field with the text [default: text].")
@click.option("--id-field", help="Records (.jsonl, .csv): the field naming the record [default: id].")
@click.option("--show-suppressed", is_flag=True, help="Also list findings that suppression comments hide.")
@click.option("--require-reason", is_flag=True, default=None, help="Report suppression comments without a reason.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), help="Use this config file.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--force-exclude", is_flag=True, help="Apply include/exclude to files named directly too.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), help="Report only findings not in FILE.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), help="Record findings in FILE.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the files.")
@click.option("--diff", is_flag=True, help="Show the safe fixes as a diff; change nothing.")
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
    output: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    min_level: str | None,
    fail_on: str | None,
    format_in: str | None,
    text_field: str | None,
    id_field: str | None,
    show_suppressed: bool,
    require_reason: bool | None,
    config_file: Path | None,
    isolated: bool,
    force_exclude: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    fix: bool,
    diff: bool,
    jobs: int,
) -> None:
    """Check files, directories or standard input (-).

    Formats by extension: .txt (plain text), .md, .html, .docx, .pdf, .jsonl and .csv
    (records); standard input and other extensions are read as plain text. Folders are
    searched for every format except records. Settings come from [tool.claimcheck] in
    pyproject.toml or a .claimcheck.toml (see `claimcheck config`), overridden here.
    """
    overrides = {
        "select": _split(select),
        "ignore": _split(ignore),
        "min-level": min_level,
        "fail-on": fail_on,
        "format-in": format_in,
        "text-field": text_field,
        "id-field": id_field,
        "require-reason": require_reason,
    }
    try:
        config = _config(paths, config_file, isolated).with_overrides(overrides)
        rules, sources = load_rule_set(config.extend_rules)
        config.check_codes([r.code for r in rules])
        linter = Linter(rules, sources, select=config.select, ignore=config.ignore)
        known = load_baseline(baseline) if baseline is not None else None
    except ClaimcheckError as exc:
        _fail(str(exc))
        sys.exit(EXIT_ERROR)
    if STDIN in paths and sys.stdin is None:
        _fail("<stdin>: standard input is closed")
        sys.exit(EXIT_ERROR)
    targets = list(expand(paths, skip=config.is_excluded, records=config.includes_records))
    if force_exclude:  # as pre-commit names files one by one: apply exclude to them too
        targets = [t for t in targets if t.path == STDIN or t.error is not None or not config.is_excluded(t.path)]
    options = Options(config.format_in, ReadOptions(config.text_field, config.id_field), config.require_reason)
    run = Run()
    try:
        results = check_targets(
            linter, targets, jobs=jobs or default_jobs(), stdin=sys.stdin.buffer if STDIN in paths else None,
            options=options,
        )  # fmt: skip
        with progress(results, len(targets)) as shown:
            for result in shown:
                run.add(result, config.ignored_codes(result.path))
                for error in result.errors:
                    _fail(error)
        if fix or diff:
            _fix(run, linter, options, config.min_level, write=fix)
    except ClaimcheckError as exc:  # a rule that only fails when it first runs, or a file that cannot be written
        _fail(str(exc))
        sys.exit(EXIT_ERROR)
    findings = [f for f in run.findings if f.level >= config.min_level]
    if write_baseline is not None:
        try:
            count = write_baseline_file(write_baseline, findings, run.checked)
        except ClaimcheckError as exc:
            _fail(str(exc))
            sys.exit(EXIT_ERROR)
        click.echo(f"claimcheck: wrote {count} finding{'' if count == 1 else 's'} to {write_baseline}", err=True)
    if known is not None and baseline is not None:
        comparison = compare(findings, known, baseline, run.checked)
        findings = comparison.new
        if comparison.stale:
            click.echo(
                f"claimcheck: {len(comparison.stale)} baseline entr{'y' if len(comparison.stale) == 1 else 'ies'} in "
                f"{baseline} no longer match (fixed or reworded); run --write-baseline to shrink it",
                err=True,
            )
    suppressed = sum(f.suppressed for f in findings)
    report = Report(
        [f for f in findings if show_suppressed or not f.suppressed],
        run.errors,
        len(run.checked),
        run.notices,
        suppressed,
        rules=linter.rules,
        sources=linter.sources,
        checked=run.checked,
    )
    rendered = RENDERERS[fmt](report)
    if diff:
        click.echo(run.diff, nl=False)
    if output is not None:
        try:
            write_atomically(output, rendered)
        except ClaimcheckError as exc:
            _fail(str(exc))
            sys.exit(EXIT_ERROR)
        if not diff:
            click.echo(summary(report.findings, report.files, report.suppressed))
    elif not diff:
        click.echo(rendered, nl=False)
    if run.fixed:
        click.echo(f"claimcheck: fixed {run.fixed} finding{'' if run.fixed == 1 else 's'}", err=True)
    if run.errors:
        sys.exit(EXIT_ERROR)
    failing = any(config.fails(f.level) and not f.suppressed for f in findings)
    failing = failing or (bool(run.notices) and config.fail_on is not None) or (diff and bool(run.diff))
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _config(paths: Sequence[str], config_file: Path | None, isolated: bool) -> Config:
    """The configuration for a run, found by walking up from the paths checked. One run has
    one configuration: paths under different configuration files are an error, not a guess."""
    starts = {(p if p.is_dir() else p.parent) for p in (Path(p) for p in paths if p != STDIN)} or {Path.cwd()}
    configs = [resolve_config(start, config_file, isolated) for start in sorted(starts)]
    files = sorted({str(c.file) for c in configs if c.file is not None} | ({"none"} if any(
        c.file is None for c in configs) else set()))  # fmt: skip
    if len(files) > 1:
        raise ConfigError(
            f"the paths checked fall under different configuration files ({', '.join(files)}); "
            "check them in separate runs or name one with --config"
        )
    return configs[0]


def _fix(run: Run, linter: Linter, options: Options, min_level: Level, *, write: bool) -> None:
    """Work out (and with ``write`` apply) the safe fixes of every text file of ``run``. A file
    that cannot be fixed is an error of the run; the other files are still fixed."""
    for path, found in list(run.by_path.items()):
        if not any(f.fix and f.level >= min_level and not f.suppressed for f in found):
            continue
        fmt = format_for(path, options.format)
        if path == "<stdin>" or fmt not in TEXT_FORMATS:
            click.echo(f"claimcheck: {path}: not fixed: --fix changes plain text, Markdown and HTML files", err=True)
            continue
        check_text = partial(check_source, linter, fmt=fmt, path=path, options=options)
        try:
            change = fix_file(path, fmt, check_text, found, min_level)
            if change is not None and write:
                write_fixed(Path(path), encode(change.after, change.codec))
        except (ClaimcheckError, OSError) as exc:
            error = str(exc) if isinstance(exc, ClaimcheckError) else f"{path}: cannot fix: {exc.strerror or exc}"
            run.errors.append(error)
            _fail(error)
            continue
        if change is None:
            continue
        run.diff += unified_diff(path, change.before, change.after)
        if write:
            run.replace(path, change.remaining, len(change.edits))


@main.command("config")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), help="Use this config file.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
def show_config(path: Path | None, config_file: Path | None, isolated: bool) -> None:
    """Print the effective configuration for PATH (default: here) and where each value comes from."""
    try:
        config = _config([str(path)] if path else [], config_file, isolated)
    except ClaimcheckError as exc:
        _fail(str(exc))
        sys.exit(EXIT_ERROR)
    click.echo(describe(config), nl=False)


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
@click.option(
    "--split",
    type=click.Choice(["dev", "test", "all"]),
    default="all",
    show_default=True,
    help="Sentence-labelled corpora: score only this split.",
)
@click.option("--min-precision", type=click.FloatRange(0, 1), help="[default: 0.95 span; 0.90 sentence corpora]")
@click.option("--min-recall", type=click.FloatRange(0, 1), help="[default: 0.90 span; 0.80 sentence corpora]")
@click.option("--min-family-recall", type=click.FloatRange(0, 1), help="[default: 0.85 span; 0.60 sentence corpora]")
def eval_command(
    fmt: str,
    folder: Path,
    split: str,
    min_precision: float | None,
    min_recall: float | None,
    min_family_recall: float | None,
) -> None:
    """Score the rules on a gold-labelled corpus; exit 1 below the targets.

    FOLDER is either documents with NAME.gold.yaml sidecars (span labels, corpus/eval/) or a
    sentence-labelled corpus of real text (index.yaml + sentences.tsv, corpus/web/).
    """
    sentence_corpus = is_sentence_corpus(folder)
    defaults = (0.90, 0.80, 0.60) if sentence_corpus else (0.95, 0.90, 0.85)
    targets = [
        given if given is not None else d
        for given, d in zip((min_precision, min_recall, min_family_recall), defaults, strict=True)
    ]
    try:
        rules, sources = _load()
        linter = Linter(rules, sources)
        if sentence_corpus:
            docs = load_sentence_corpus(folder, None if split == "all" else split)
            if docs and all(d.text is None for d in docs):
                raise EvalError(
                    f"{folder}: none of the {len(docs)} texts is present in {folder / 'texts'}; they are not in "
                    f"the repository (third-party text): collect them as {folder / 'README.md'} describes"
                )
            result = evaluate_sentences(linter, docs)
            failures = result.failures(targets[0], targets[1], targets[2])
            render_s = render_sentence_eval_json if fmt == "json" else render_sentence_eval_text
            text = render_s(result, failures, split)
        else:
            evaluation = evaluate(linter, load_corpus(folder))
            failures = evaluation.failures(targets[0], targets[1], targets[2])
            render = render_eval_json if fmt == "json" else render_eval_text
            text = render(evaluation, failures)
    except ClaimcheckError as exc:
        _fail(str(exc))
        sys.exit(EXIT_ERROR)
    click.echo(text, nl=False)
    sys.exit(EXIT_FINDINGS if failures else EXIT_CLEAN)
