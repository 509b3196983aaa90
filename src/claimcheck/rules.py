"""Load, validate and select rules.

The rules folder is the registry: every ``*.yml`` file below it is one rule whose file
stem is its code. Nothing registers itself in code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import ValidationError

from .errors import RuleError, SourceError
from .models import Rule, Source
from .paths import rules_dir
from .yamlfile import YamlError, describe_validation_error, load


def load_rule(path: Path) -> Rule:
    """Load one rule file. Raises :class:`RuleError` with file, line and field."""
    try:
        data, lines = load(path)
    except YamlError as exc:
        raise RuleError(str(exc)) from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}:1: a rule file must be a mapping of fields")
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        raise RuleError(describe_validation_error(path, exc, lines)) from None
    if rule.code != path.stem:
        raise RuleError(f"{path}:{lines.get(('code',), 1)}: field 'code': '{rule.code}' must match the file name")
    return rule


def rule_files(folder: Path) -> list[Path]:
    """Every rule file below ``folder``, sorted by path."""
    return sorted(p for p in folder.rglob("*.yml") if p.is_file())


def load_rules(folders: Sequence[Path] | None = None, sources: dict[str, Source] | None = None) -> list[Rule]:
    """Load every rule below ``folders`` (default: the bundled rules), sorted by code.

    With ``sources``, every source id a rule cites must exist there. Codes and names
    must be unique across all folders.
    """
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    names: dict[str, str] = {}
    for folder in folders or [rules_dir()]:
        if not folder.is_dir():
            raise RuleError(f"{folder}: rules folder not found")
        files = rule_files(folder)
        if not files:
            raise RuleError(f"{folder}: no rule files (*.yml) found")
        for path in files:
            rule = load_rule(path)
            if rule.code in seen:
                raise RuleError(f"{path}: code {rule.code} is already used by {seen[rule.code]}")
            if rule.name in names:
                raise RuleError(f"{path}: name '{rule.name}' is already used by {names[rule.name]}")
            seen[rule.code] = path
            names[rule.name] = rule.code
            if sources is not None:
                for ref in rule.sources:
                    if ref.id not in sources:
                        raise RuleError(f"{path}: field 'sources': unknown source id '{ref.id}'")
            rules.append(rule)
    return sorted(rules, key=lambda r: r.code)


def load_rule_set(extend: Sequence[Path] = ()) -> tuple[list[Rule], dict[str, Source]]:
    """The bundled rules and evidence, plus extra rule packs (``extend-rules`` folders).

    An extra pack may bring its own evidence in a ``sources.yaml`` beside its rule files;
    its rules may cite those sources and the bundled ones. Ids must stay unique.
    """
    from .sources import load_sources

    sources = dict(load_sources())
    for folder in extend:
        extra = folder / "sources.yaml"
        if extra.is_file():
            for source_id, source in load_sources(extra).items():
                if source_id in sources:
                    raise SourceError(f"{extra}: source id '{source_id}' is already used by the bundled sources")
                sources[source_id] = source
    return load_rules([rules_dir(), *extend], sources=sources), sources


def _matches(code: str, selectors: Iterable[str]) -> bool:
    return any(s.upper() == "ALL" or code.startswith(s.upper()) for s in selectors)


def select_rules(rules: Sequence[Rule], select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """Keep rules whose code starts with a ``select`` prefix (all if empty) and no ``ignore`` prefix.

    A selector that matches no rule is an error, so a typo cannot silently disable checks.
    """
    codes = [r.code for r in rules]
    for selector in (*select, *ignore):
        if selector.upper() != "ALL" and not any(c.startswith(selector.upper()) for c in codes):
            raise RuleError(f"unknown rule code or prefix '{selector}'")
    chosen = [r for r in rules if not select or _matches(r.code, select)]
    chosen = [r for r in chosen if not _matches(r.code, ignore)]
    if rules and not chosen:
        raise RuleError("the selection leaves no rule to run (check --select and --ignore)")
    return chosen
