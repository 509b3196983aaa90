"""Configuration files, as in ruff: ``.claimcheck.toml`` or ``[tool.claimcheck]`` in ``pyproject.toml``.

A ``.claimcheck.toml`` holds the keys at its top level; a ``pyproject.toml`` holds them in
its ``[tool.claimcheck]`` table (``per-file-ignores`` may be its own sub-table)::

    [tool.claimcheck]
    select = ["OXT1", "OXT2"]       # rule codes or prefixes to run; empty or unset: every rule
    ignore = ["OXT105"]             # rule codes or prefixes to skip
    extend-rules = ["house-rules"]  # extra rule packs (folders of *.yml), each must exist
    min-level = "warning"           # hide findings below: "suggestion", "warning" or "error"
    fail-on = "error"               # exit 1 on findings at or above this level, or "never"
    include = ["*.md", "docs/**"]   # walking a folder: only these files (unset: every format read)
    exclude = ["drafts/**", "*.generated.md"]  # walking a folder: skip these files
    format-in = "markdown"          # read every file in this format, whatever its extension
    text-field = "body"             # records (.jsonl, .csv): the field with the text
    id-field = "id"                 # records: the field naming the record
    require-reason = true           # report suppression comments that give no reason

    [tool.claimcheck.per-file-ignores]
    "CHANGELOG.md" = ["OXT"]        # glob pattern = rule codes or prefixes not reported there
    "tests/fixtures/**" = ["OXT1"]

Every key is optional. The settings come from one file only (no merging): ``--config PATH``
names it (``pyproject.toml`` by name, any other name holds top-level keys), ``--isolated``
ignores every file, and otherwise :func:`find_config` walks up from the start directory to
the filesystem root; in each directory ``.claimcheck.toml`` wins over ``pyproject.toml``,
and a ``pyproject.toml`` without a ``[tool.claimcheck]`` table is passed over.

Relative paths (``extend-rules`` folders and every glob pattern) are relative to the
directory of the configuration file, the project root (without a file, the current
directory). Patterns are matched against the path relative to the root, in POSIX form,
as in ``.gitignore``: ``*`` and ``?`` stay within one path segment, ``**`` spans any
number of them, a pattern with no ``/`` matches a name at any depth, a pattern with a
``/`` is anchored at the root, a trailing ``/`` matches folders only, and a pattern
matching a folder matches every file below it (``drafts`` is ``drafts/**``).

Every effective value knows its origin: ``default``, ``pyproject.toml:12`` (the file,
relative to the current directory where possible, and the line of the key) or
``command line`` (see :meth:`Config.with_overrides`). An invalid file raises
:class:`~claimcheck.errors.ConfigError` with a one-line message naming file, line and key.
"""

from __future__ import annotations

import bisect
import contextlib
import difflib
import json
import os
import re
import sys
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator
from pydantic_core import ErrorDetails

from .errors import ConfigError
from .formats import FORMATS
from .models import Level

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

PYPROJECT = "pyproject.toml"
CLAIMCHECK_TOML = ".claimcheck.toml"
TABLE: tuple[str, ...] = ("tool", "claimcheck")
DEFAULT = "default"
COMMAND_LINE = "command line"

Loc = tuple[str | int, ...]

# A rule code (OXT101) or a prefix of one (OXT1, OXT); "ALL" fits too. Upper-cased when loaded.
Selector = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{1,5}[0-9]{0,3}$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]
LevelName = Literal["suggestion", "warning", "error"]
FailOn = Literal["suggestion", "warning", "error", "never"]


class _Settings(BaseModel):
    """The keys of a configuration file as written (kebab-case), checked strictly: TOML has
    real types, so nothing is coerced ("true" is not a boolean, 1 is not a string)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    select: list[Selector] = []
    ignore: list[Selector] = []
    extend_rules: list[NonEmpty] = Field(default=[], alias="extend-rules")
    min_level: LevelName = Field(default="suggestion", alias="min-level")
    fail_on: FailOn = Field(default="warning", alias="fail-on")
    include: list[NonEmpty] = []
    exclude: list[NonEmpty] = []
    per_file_ignores: dict[str, list[Selector]] = Field(default={}, alias="per-file-ignores")
    format_in: str | None = Field(default=None, alias="format-in")
    text_field: NonEmpty = Field(default="text", alias="text-field")
    id_field: NonEmpty = Field(default="id", alias="id-field")
    require_reason: bool = Field(default=False, alias="require-reason")

    @field_validator("format_in")
    @classmethod
    def _known_format(cls, value: str | None) -> str | None:
        if value is not None and value not in FORMATS:
            raise ValueError(f"'{value}' is not one of {', '.join(FORMATS)}")
        return value


# The keys in the order they are documented and described; key -> attribute name.
ATTRS: dict[str, str] = {f.alias or name: name for name, f in _Settings.model_fields.items()}
KEYS = tuple(ATTRS)

_EXPECTED = {
    "select": "a list of rule codes or prefixes",
    "ignore": "a list of rule codes or prefixes",
    "extend-rules": "a list of folders",
    "min-level": f"one of {', '.join(get_args(LevelName))}",
    "fail-on": f"one of {', '.join(get_args(FailOn))}",
    "include": "a list of glob patterns",
    "exclude": "a list of glob patterns",
    "per-file-ignores": "a table of glob pattern = list of rule codes or prefixes",
    "format-in": f"one of {', '.join(FORMATS)}",
    "text-field": "a string",
    "id-field": "a string",
    "require-reason": "true or false",
}
_CHOICES = {"min-level": get_args(LevelName), "fail-on": get_args(FailOn)}


def _display(path: Path) -> str:
    """``path`` relative to the current directory if it lies below it, else absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


def _line_of(lines: Mapping[Loc, int], loc: Loc) -> int | None:
    """The line of the deepest known key on ``loc``."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


@dataclass(frozen=True)
class Origin:
    """Where settings came from: a configuration file (with the line of each key) or the command line."""

    file: str | None = None  # as displayed; None: the command line
    lines: Mapping[Loc, int] = field(default_factory=dict, repr=False)  # key path (below the table) -> line
    table: str = ""  # "[tool.claimcheck] " in a pyproject.toml

    def of(self, key: str) -> str:
        """The origin of ``key``: ``pyproject.toml:12`` or ``command line``."""
        if self.file is None:
            return COMMAND_LINE
        line = _line_of(self.lines, (key,))
        return f"{self.file}:{line}" if line else self.file

    def at(self, loc: Loc) -> str:
        """The start of an error message about the value at ``loc`` (a key, then items)."""
        if self.file is None:
            return f"{COMMAND_LINE}: "
        line = _line_of(self.lines, loc)
        return f"{self.file}{f':{line}' if line else ''}: {self.table}"

    def name(self, key: str) -> str:
        return f"option --{key}" if self.file is None else f"key '{key}'"


_CLI = Origin()


@dataclass(frozen=True)
class Config:
    """The effective settings, the project root that relative paths start from, and the
    origin of every value set by a file or the command line (the rest are defaults)."""

    root: Path = field(default_factory=Path.cwd)
    file: Path | None = None  # the configuration file used, if any
    isolated: bool = False  # configuration files were ignored on purpose
    select: list[str] = field(default_factory=list)  # empty: every rule
    ignore: list[str] = field(default_factory=list)
    extend_rules: list[Path] = field(default_factory=list)  # absolute folders
    min_level: Level = Level.suggestion
    fail_on: Level | None = Level.warning  # None: never
    include: list[str] = field(default_factory=list)  # empty: every file of a format read
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    format_in: str | None = None  # None: by extension
    text_field: str = "text"
    id_field: str = "id"
    require_reason: bool = False
    origins: Mapping[str, Origin] = field(default_factory=dict, repr=False)  # key -> origin; absent: default

    def origin(self, key: str) -> str:
        """Where the value of ``key`` comes from: ``default``, ``pyproject.toml:12`` or ``command line``."""
        if key not in ATTRS:
            raise KeyError(key)
        source = self.origins.get(key)
        return source.of(key) if source else DEFAULT

    def value(self, key: str) -> Any:
        """The effective value of ``key`` (kebab-case, as in the file)."""
        return getattr(self, ATTRS[key])

    def with_overrides(self, overrides: Mapping[str, object]) -> Config:
        """A copy with values from the command line (origin ``command line``).

        Keys are kebab-case as in the file (snake_case works too). ``None`` and empty
        lists mean "not given" and are skipped, so pass flags as ``True`` or ``None``.
        ``extend-rules`` folders given here are relative to the current directory;
        patterns stay relative to the project root. Raises :class:`ConfigError`.
        """
        given: dict[str, object] = {}
        for raw_key, value in overrides.items():
            key = raw_key.replace("_", "-")
            if key not in ATTRS:
                raise ConfigError(f"{COMMAND_LINE}: unknown setting '{raw_key}'")
            if value is None or (isinstance(value, (list, tuple)) and not value):
                continue
            given[key] = list(value) if isinstance(value, tuple) else value
        settings = _validate(given, _CLI)
        return self._apply(settings, list(given), _CLI, Path.cwd())

    def _apply(self, settings: _Settings, keys: list[str], origin: Origin, base: Path) -> Config:
        for i, folder in enumerate(settings.extend_rules if "extend-rules" in keys else []):
            path = base / folder
            if not path.is_dir():
                problem = "is not a folder" if path.exists() else "does not exist"
                raise ConfigError(
                    f"{origin.at(('extend-rules', i))}{origin.name('extend-rules')}: '{folder}' {problem}"
                )
        changes: dict[str, Any] = {}
        for key in keys:
            value: Any = getattr(settings, ATTRS[key])
            if key in ("select", "ignore"):
                value = [code.upper() for code in value]
            elif key == "per-file-ignores":
                value = {pattern: [code.upper() for code in codes] for pattern, codes in value.items()}
            elif key == "extend-rules":
                value = [Path(os.path.normpath(base / folder)) for folder in value]
            elif key == "min-level":
                value = Level(value)
            elif key == "fail-on":
                value = None if value == "never" else Level(value)
            elif isinstance(value, list):
                value = list(value)
            changes[ATTRS[key]] = value
        return replace(self, **changes, origins={**self.origins, **dict.fromkeys(keys, origin)})

    def relative(self, path: str | Path) -> str | None:
        """``path`` relative to the project root, in POSIX form; None if it lies outside."""
        absolute = Path(os.path.abspath(path))
        for root, target in ((self.root, absolute), (self.root.resolve(), absolute.resolve())):
            try:
                return target.relative_to(root).as_posix()
            except ValueError:
                continue
        return None

    def includes_records(self, path: str | Path) -> bool:
        """Whether an ``include`` pattern that names record files (ends in ``.jsonl``,
        ``.ndjson`` or ``.csv``) matches ``path``: how record files, which folders otherwise
        pass over, are taken in. A broad pattern such as ``docs/**`` takes in no data file."""
        record = (".jsonl", ".ndjson", ".csv")
        return any(p.lower().endswith(record) and self._matches(p, path) for p in self.include)

    def is_excluded(self, path: str | Path) -> bool:
        """Whether a file found while walking a folder is left out: it matches an ``exclude``
        pattern, or ``include`` is set and it matches none of its patterns.

        Files named on the command line are checked whatever this says.
        """
        if any(self._matches(p, path) for p in self.exclude):
            return True
        return bool(self.include) and not any(self._matches(p, path) for p in self.include)

    def ignored_codes(self, path: str | Path) -> list[str]:
        """The rule codes and prefixes ``per-file-ignores`` turns off for ``path``, in file order."""
        codes: list[str] = []
        for pattern, selectors in self.per_file_ignores.items():
            if self._matches(pattern, path):
                codes += [code for code in selectors if code not in codes]
        return codes

    def fails(self, level: Level) -> bool:
        """Whether a finding at ``level`` makes the run fail (``fail-on``)."""
        return self.fail_on is not None and level >= self.fail_on

    def check_codes(self, codes: Collection[str]) -> None:
        """Raise :class:`ConfigError`, naming file and line, if a selector in ``select``,
        ``ignore`` or ``per-file-ignores`` matches none of ``codes`` (the loaded rules)."""

        def known(selector: str) -> bool:
            return selector == "ALL" or any(code.startswith(selector) for code in codes)

        places: list[tuple[Loc, str]] = [
            ((key, i), s) for key in ("select", "ignore") for i, s in enumerate(self.value(key))
        ]
        places += [
            (("per-file-ignores", pattern, i), s)
            for pattern, selectors in self.per_file_ignores.items()
            for i, s in enumerate(selectors)
        ]
        for loc, selector in places:
            if not known(selector):
                key = str(loc[0])
                origin = self.origins.get(key, _CLI)
                where = f", pattern '{loc[1]}'" if key == "per-file-ignores" else ""
                raise ConfigError(
                    f"{origin.at(loc)}{origin.name(key)}{where}: unknown rule code or prefix '{selector}'"
                )

    def _matches(self, pattern: str, path: str | Path) -> bool:
        relative = self.relative(path)
        if relative is None:  # outside the project: only patterns without a "/" can match its name
            return matches(pattern, Path(os.path.abspath(path)).name, anchored=False)
        return matches(pattern, relative)


# ---------------------------------------------------------------- glob patterns


@lru_cache(maxsize=512)
def _compile(pattern: str) -> tuple[re.Pattern[str], bool, bool]:
    """A pattern as (regular expression, anchored at the root, folders only)."""
    folders_only = pattern.endswith("/")
    body = pattern.rstrip("/")
    while body.startswith("./"):
        body = body[2:]
    anchored = "/" in body
    return re.compile(_translate(body.lstrip("/"))), anchored, folders_only


def _translate(pattern: str) -> str:
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "*":
            j = i
            while j < n and pattern[j] == "*":
                j += 1
            whole_segment = (i == 0 or pattern[i - 1] == "/") and (j == n or pattern[j] == "/")
            if j - i >= 2 and whole_segment:
                if j < n:  # "**/": any number of folders, none included
                    out.append("(?:[^/]*/)*")
                    j += 1
                else:  # a trailing "**": everything below
                    out.append(".*")
            else:
                out.append("[^/]*")
            i = j
            continue
        if c == "?":
            out.append("[^/]")
        elif c == "[":
            end = pattern.find("]", i + 2 if pattern[i + 1 : i + 2] in ("!", "]") else i + 1)
            if end < 0:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"(?!/)[{body}]")
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def matches(pattern: str, path: str, anchored: bool = True) -> bool:
    """Whether ``path`` (POSIX, relative to the project root) or a folder above it matches ``pattern``.

    With ``anchored`` False, ``path`` is only a name, so patterns with a ``/`` cannot match.
    """
    regex, pattern_anchored, folders_only = _compile(pattern)
    if pattern_anchored and not anchored:
        return False
    parts = [p for p in path.split("/") if p not in ("", ".")]
    for i in range(len(parts)):
        if folders_only and i == len(parts) - 1:
            break
        subject = "/".join(parts[: i + 1]) if pattern_anchored else parts[i]
        if regex.fullmatch(subject):
            return True
    return False


# ---------------------------------------------------------------- reading files


class _KeyLines:
    """The line of every key, table header and array item of a valid TOML document.

    tomllib gives no positions, so this re-reads the text just far enough to know where
    each key sits: table headers (``[a.b]``, ``[[a]]``), dotted and quoted keys, inline
    tables and arrays spread over lines, and strings that might hide a ``=`` or a ``[``.
    """

    _BARE = re.compile(r"[A-Za-z0-9_-]+")
    _SCALAR = re.compile(r"[^,\]}\r\n#]*")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.explicit: dict[Loc, int] = {}
        self.implicit: dict[Loc, int] = {}  # tables made by a dotted key or a deeper header

    def scan(self) -> dict[Loc, int]:
        with contextlib.suppress(IndexError, ValueError):  # not the TOML tomllib read: keep what was found
            self._document()
        return {**self.implicit, **self.explicit}

    def _line(self) -> int:
        return bisect.bisect_right(self.starts, self.pos)

    def _at(self, s: str) -> bool:
        return self.text.startswith(s, self.pos)

    def _record(self, loc: Loc, line: int) -> None:
        for end in range(1, len(loc)):
            self.implicit.setdefault(loc[:end], line)
        self.explicit.setdefault(loc, line)

    def _skip(self, newlines: bool) -> None:
        """Skip blanks and comments, and line ends if ``newlines``."""
        text = self.text
        while self.pos < len(text):
            c = text[self.pos]
            if c in " \t" or (newlines and c in "\r\n"):
                self.pos += 1
            elif c == "#":
                end = text.find("\n", self.pos)
                self.pos = len(text) if end < 0 else end
            else:
                break

    def _advanced(self, start: int) -> None:
        if self.pos == start:
            raise ValueError("no progress")

    def _document(self) -> None:
        table: Loc = ()
        while True:
            self._skip(newlines=True)
            if self.pos >= len(self.text):
                return
            start = self.pos
            if self._at("["):
                double = self._at("[[")
                line = self._line()
                self.pos += 2 if double else 1
                table = self._key()
                self._record(table, line)
                self._skip(newlines=False)
                self.pos += 2 if double else 1
            else:
                self._keyval(table)
            self._advanced(start)

    def _key(self) -> Loc:
        parts: list[str | int] = []
        while True:
            self._skip(newlines=False)
            if self._at('"') or self._at("'"):
                start = self.pos
                self._string()
                raw = self.text[start : self.pos]
                parts.append(raw[1:-1] if raw.startswith("'") else str(tomllib.loads(f"k = {raw}")["k"]))
            else:
                match = self._BARE.match(self.text, self.pos)
                if match is None:
                    raise ValueError("not a key")
                parts.append(match.group())
                self.pos = match.end()
            self._skip(newlines=False)
            if not self._at("."):
                return tuple(parts)
            self.pos += 1

    def _keyval(self, table: Loc) -> None:
        line = self._line()
        loc = table + self._key()
        self._record(loc, line)
        if not self._at("="):
            raise ValueError("no '='")
        self.pos += 1
        self._skip(newlines=False)
        self._value(loc)

    def _value(self, loc: Loc) -> None:
        c = self.text[self.pos]
        if c in "\"'":
            self._string()
        elif c in "[{":
            close = "]" if c == "[" else "}"
            self.pos += 1
            i = 0
            while True:
                self._skip(newlines=True)
                if self._at(close):
                    self.pos += 1
                    return
                start = self.pos
                if c == "[":
                    self._record(loc + (i,), self._line())
                    self._value(loc + (i,))
                    i += 1
                else:
                    self._keyval(loc)
                self._skip(newlines=True)
                if self._at(","):
                    self.pos += 1
                self._advanced(start)
        else:  # number, boolean, date or time
            match = self._SCALAR.match(self.text, self.pos)
            self.pos = match.end() if match else self.pos

    def _string(self) -> None:
        text, start = self.text, self.pos
        for quote in ('"""', "'''"):
            if text.startswith(quote, start):
                j = start + 3
                while not text.startswith(quote, j):
                    j += 2 if quote == '"""' and text[j] == "\\" else 1
                    if j >= len(text):
                        raise ValueError("unterminated string")
                j += 3
                for _ in range(2):  # up to two quotes just before the closing ones belong to the string
                    if j < len(text) and text[j] == quote[0]:
                        j += 1
                self.pos = j
                return
        quote = text[start]
        j = start + 1
        while text[j] != quote:
            j += 2 if quote == '"' and text[j] == "\\" else 1
        self.pos = j + 1


def key_lines(text: str) -> dict[Loc, int]:
    """Map each key path of a valid TOML text (and each array item, by index) to its 1-based line."""
    return _KeyLines(text).scan()


def _read(path: Path, display: str) -> tuple[str, dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigError(f"{display}: cannot read: {reason}") from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line = getattr(exc, "lineno", None)
        where = re.search(r" \(at line (\d+), column (\d+)\)$", message)
        if where:
            message = f"{message[: where.start()]} (column {where[2]})"
            line = line or int(where[1])
        elif message.endswith(" (at end of document)"):
            message = message.removesuffix(" (at end of document)") + " (at the end of the file)"
            line = line or text.count("\n") + 1
        raise ConfigError(f"{display}{f':{line}' if line else ''}: invalid TOML: {message}") from None


def _pyproject_table(data: dict[str, Any]) -> object:
    """The ``[tool.claimcheck]`` value of a parsed pyproject.toml, or None."""
    tool = data.get("tool")
    return tool.get("claimcheck") if isinstance(tool, dict) else None


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "a date or time"


def _did_you_mean(key: str) -> str:
    close = [key.replace("_", "-")] if key.replace("_", "-") in ATTRS else difflib.get_close_matches(key, KEYS, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _problem(err: ErrorDetails, origin: Origin) -> tuple[Loc, str]:
    """The location and the one-line text of one validation error."""
    loc: Loc = tuple(err["loc"])
    key = str(loc[0]) if loc else ""
    kind, value = err["type"], err["input"]
    if kind == "extra_forbidden":
        hint = _did_you_mean(key)
        if key == "tool" and not origin.table:
            hint = " (this file holds the keys at its top level, without [tool.claimcheck])"
        return loc[:1], f"unknown key '{key}'{hint}"
    where, expected, rest = origin.name(key), _EXPECTED.get(key, "another value"), loc[1:]
    if key == "per-file-ignores" and rest:
        where += f", pattern '{rest[0]}'"
        expected, rest = "a list of rule codes or prefixes", rest[1:]
    if rest:
        where += f", item {int(rest[0]) + 1}"
        expected = "a string"
    if kind in ("list_type", "dict_type", "string_type", "bool_type") or (
        kind == "literal_error" and not isinstance(value, str)
    ):
        message = f"expected {expected}, got {_type_name(value)}"
    elif kind == "literal_error":
        message = f"'{value}' is not one of {', '.join(_CHOICES.get(key, ()))}"
    elif kind == "string_pattern_mismatch":
        message = f"'{value}' is not a rule code or prefix (like OXT101 or OXT1)"
    elif kind == "string_too_short":
        message = "must not be empty"
    else:
        message = str(err["msg"]).removeprefix("Value error, ")
    return loc, f"{where}: {message}"


def _validate(data: Mapping[str, object], origin: Origin) -> _Settings:
    try:
        return _Settings.model_validate(data)
    except ValidationError as exc:
        problems = sorted(
            (_problem(err, origin) for err in exc.errors()),
            key=lambda p: _line_of(origin.lines, p[0]) or 0,
        )
        loc, message = problems[0]
        more = len(problems) - 1
        extra = f" (and {more} more error{'s' if more > 1 else ''})" if more else ""
        raise ConfigError(f"{origin.at(loc)}{message}{extra}") from None


# ---------------------------------------------------------------- public API


def load_config(path: Path) -> Config:
    """Read one configuration file: ``[tool.claimcheck]`` of a file named ``pyproject.toml``,
    else the top-level keys. Raises :class:`ConfigError` (file, line and key in one line)."""
    file = Path(os.path.abspath(path))
    display = _display(file)
    if not file.is_file():
        raise ConfigError(f"{display}: configuration file not found")
    text, data = _read(file, display)
    lines = key_lines(text)
    if file.name == PYPROJECT:
        table = _pyproject_table(data)
        if table is None:
            raise ConfigError(f"{display}: no [tool.claimcheck] table")
        if not isinstance(table, dict):
            line = _line_of(lines, TABLE)
            raise ConfigError(f"{display}{f':{line}' if line else ''}: [tool.claimcheck] must be a table")
        prefix: Loc = TABLE
        origin = Origin(display, {loc[2:]: n for loc, n in lines.items() if loc[:2] == prefix}, "[tool.claimcheck] ")
    else:
        table, origin = data, Origin(display, lines)
    settings = _validate(table, origin)
    return Config(root=file.parent, file=file)._apply(settings, [k for k in KEYS if k in table], origin, file.parent)


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a folder, or a file whose folder
    is used): ``.claimcheck.toml``, else a ``pyproject.toml`` with a ``[tool.claimcheck]`` table.

    Raises :class:`ConfigError` if a ``pyproject.toml`` on the way is not valid TOML.
    """
    here = Path(os.path.abspath(start))
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        try:
            if (folder / CLAIMCHECK_TOML).is_file():
                return folder / CLAIMCHECK_TOML
            pyproject = folder / PYPROJECT
            if not pyproject.is_file():
                continue
        except OSError:  # a folder we may not look into
            continue
        _, data = _read(pyproject, _display(pyproject))
        if _pyproject_table(data) is not None:
            return pyproject
    return None


def resolve_config(start: Path, config_path: Path | None = None, isolated: bool = False) -> Config:
    """The configuration for a run: ``config_path`` (``--config``) if given, none with
    ``isolated`` (``--isolated``), else the file :func:`find_config` finds from ``start``
    (the first checked path's folder, or the current directory); defaults without one."""
    if isolated and config_path is not None:
        raise ConfigError("--config and --isolated cannot be used together")
    if isolated:
        return Config(isolated=True)
    if config_path is not None:
        return load_config(config_path)
    found = find_config(start)
    return load_config(found) if found else Config()


def _toml(value: object) -> str:
    """``value`` in TOML syntax, on one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_toml(str(k))} = {_toml(v)}" for k, v in value.items()) + " }"
    return _toml(str(value))


def _folder(path: Path, root: Path) -> str:
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:  # another drive
        return str(path)


def describe(config: Config) -> str:
    """What ``claimcheck config`` prints: the file used, then ``key = value  # origin`` for
    every key, in TOML syntax, so that lines can be pasted into a configuration file."""
    if config.file is not None:
        table = " [tool.claimcheck]" if config.file.name == PYPROJECT else ""
        lines = [f"# configuration file: {_display(config.file)}{table}"]
    elif config.isolated:
        lines = ["# configuration files ignored (--isolated); defaults"]
    else:
        lines = ["# no configuration file found; defaults"]
    for key in KEYS:
        value = config.value(key)
        origin = config.origin(key)
        if key == "extend-rules":
            value = [_folder(folder, config.root) for folder in value]
        elif key == "fail-on":
            value = "never" if value is None else value
        if value is None:  # format-in: TOML has no null
            lines.append(f"# {key} is not set: each file's format follows its extension  # {origin}")
        else:
            lines.append(f"{key} = {_toml(value)}  # {origin}")
    return "\n".join(lines) + "\n"
