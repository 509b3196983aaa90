"""Load, validate and select rules.

The rules folder is the registry: every ``*.yml`` file below it is one rule whose file
stem is its code. Nothing registers itself in code.

A pack may share word lists between its rules in a ``lexicon.yaml`` beside them (``name:
[terms]``); a rule's term list names one as ``"@name"``, which stands for all its terms. So
the words for "works as a treatment" or "obstetric use" are written once, and every rule that
describes such a claim uses the same ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import RuleError, SourceError
from .models import Rule, Source
from .paths import rules_dir
from .yamlfile import YamlError, describe_validation_error, load_as

LEXICON = "lexicon.yaml"
# The term lists of a rule's ``match`` that may name a lexicon entry.
_TERM_LISTS = (("phrases",), ("requires",), ("exceptions",)) + tuple(
    ("claim", part) for part in ("subject", "predicate", "object", "exclude")
)


def _read_mapping(path: Path, expected: str) -> tuple[dict[str, Any], dict[Any, int]]:
    try:
        return load_as(path, dict, expected)
    except YamlError as exc:
        raise RuleError(str(exc)) from None


def load_lexicon(folder: Path) -> dict[str, list[str]]:
    """The shared word lists of the pack in ``folder`` (empty without a ``lexicon.yaml``)."""
    path = folder / LEXICON
    if not path.is_file():
        return {}
    data, lines = _read_mapping(path, "a lexicon must map names to lists of terms")
    for name, terms in data.items():
        if not isinstance(terms, list) or not terms or not all(isinstance(t, str) and t.strip() for t in terms):
            raise RuleError(f"{path}:{lines.get((name,), 1)}: '{name}' must be a non-empty list of terms")
    return {str(k): [str(t) for t in v] for k, v in data.items()}


def _expand(data: dict[str, Any], lexicon: dict[str, list[str]], path: Path, lines: dict[Any, int]) -> None:
    """Replace ``"@name"`` items of the match term lists by the lexicon's terms, in place."""
    match = data.get("match")
    if not isinstance(match, dict):
        return
    for loc in _TERM_LISTS:
        holder: Any = match
        for key in loc[:-1]:
            holder = holder.get(key) if isinstance(holder, dict) else None
        terms = holder.get(loc[-1]) if isinstance(holder, dict) else None
        if not isinstance(terms, list):
            continue
        out: list[Any] = []
        for i, term in enumerate(terms):
            if isinstance(term, str) and term.startswith("@"):
                name = term[1:]
                if name not in lexicon:
                    line = lines.get(("match", *loc, i), "?")
                    known = ", ".join(sorted(lexicon)) or f"none: no {LEXICON} beside the rule"
                    raise RuleError(
                        f"{path}:{line}: field 'match.{'.'.join(loc)}': unknown word list '@{name}' ({known})"
                    )
                out += lexicon[name]
            else:
                out.append(term)
        holder[loc[-1]] = out


def load_rule(path: Path, lexicon: dict[str, list[str]] | None = None) -> Rule:
    """Load one rule file, with the word lists of its pack's ``lexicon.yaml`` (read from the
    rule's folder when not given). Raises :class:`RuleError` with file, line and field."""
    data, lines = _read_mapping(path, "a rule file must be a mapping of fields")
    _expand(data, load_lexicon(path.parent) if lexicon is None else lexicon, path, lines)
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
        lexicons: dict[Path, dict[str, list[str]]] = {}
        for path in files:
            if path.parent not in lexicons:
                lexicons[path.parent] = load_lexicon(path.parent)
            rule = load_rule(path, lexicons[path.parent])
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
