"""Read a YAML file into plain data, remembering the line of every key.

Validation errors can then name the line of the field at fault, as pre-commit and
spaCy do for their configuration files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

Loc = tuple[str | int, ...]

# libyaml's C loader where PyYAML was built with it (the PyPI wheels are): about ten times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlError(Exception):
    """The file cannot be read or is not valid YAML; the message names file and line."""


def _lines(node: yaml.Node, loc: Loc, out: dict[Loc, int], path: Path) -> None:
    out[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key.start_mark.line)
            if name in seen:  # YAML would silently keep the last one and drop the first
                raise YamlError(f"{path}:{key.start_mark.line + 1}: key '{name}' appears twice in the same mapping")
            seen.add(name)
            _lines(value, loc + (name,), out, path)
            out[loc + (name,)] = key.start_mark.line + 1  # the key's line, not its value's
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _lines(item, loc + (i,), out, path)


def load(path: Path) -> tuple[Any, dict[Loc, int]]:
    """Parse ``path``; return the data and a map from key path to 1-based line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlError(f"{path}: cannot read: {exc}") from None
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlError(f"{path}{line}: invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlError(f"{path}: invalid YAML: {exc}") from None
    lines: dict[Loc, int] = {}
    if node is not None:
        _lines(node, (), lines, path)
    return data, lines


def load_as(path: Path, kind: type, expected: str) -> tuple[Any, dict[Loc, int]]:
    """:func:`load`, then check the top level is a ``kind`` (``dict``, ``list``); else a
    :class:`YamlError` "FILE:1: ``expected``"."""
    data, lines = load(path)
    if not isinstance(data, kind):
        raise YamlError(f"{path}:1: {expected}")
    return data, lines


def line_of(lines: dict[Loc, int], loc: Loc) -> int | None:
    """The line of the deepest known key on ``loc`` (pydantic error locations may go deeper)."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def describe_validation_error(path: Path, exc: Any, lines: dict[Loc, int], root: Loc = ()) -> str:
    """One line for the most telling error of a pydantic ``ValidationError``, with file and line.

    A misspelt field shows up twice (unknown field, missing field); the unknown one names
    the typo, so it is reported first.
    """
    errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
    err = errors[0]
    loc: Loc = root + tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    line = line_of(lines, loc)
    field = ".".join(str(p) for p in loc[len(root) :]) or "(top level)"
    msg = str(err["msg"]).removeprefix("Value error, ")
    more = len(exc.errors()) - 1
    extra = f" (and {more} more error{'s' if more > 1 else ''})" if more else ""
    return f"{path}{f':{line}' if line else ''}: field '{field}': {msg}{extra}"
