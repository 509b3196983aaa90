"""Configuration files: discovery, every key, one-line errors with file and line, patterns,
provenance and ``describe``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimcheck.config import (
    KEYS,
    Config,
    describe,
    find_config,
    key_lines,
    load_config,
    matches,
    resolve_config,
)
from claimcheck.errors import ClaimcheckError, ConfigError
from claimcheck.models import Level

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "config"
TABLE = "[tool.claimcheck]\n"


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder holding the full example pyproject.toml, as the current directory."""
    shutil.copy(FIXTURES / "full.pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "house-rules").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ---------------------------------------------------------------- discovery


def test_config_find_walks_up_to_the_nearest_file(tmp_path: Path) -> None:
    config = _write(tmp_path, ".claimcheck.toml", "")
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_config(deep) == config
    assert find_config(tmp_path) == config


def test_config_find_prefers_claimcheck_toml_to_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    _write(tmp_path, "pyproject.toml", TABLE + 'min-level = "error"\n')
    config = _write(tmp_path, ".claimcheck.toml", 'min-level = "warning"\n')
    assert find_config(tmp_path) == config
    assert resolve_config(tmp_path).min_level is Level.warning


def test_config_find_nearer_file_beats_farther_one(tmp_path: Path) -> None:
    _write(tmp_path, ".claimcheck.toml", 'min-level = "warning"\n')
    near = _write(tmp_path / "sub", "pyproject.toml", TABLE + 'min-level = "error"\n')
    assert find_config(tmp_path / "sub") == near
    assert resolve_config(tmp_path / "sub").min_level is Level.error


def test_config_find_skips_pyproject_without_the_table(tmp_path: Path) -> None:
    far = _write(tmp_path, "pyproject.toml", TABLE + 'min-level = "error"\n')
    _write(tmp_path / "sub", "pyproject.toml", '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 100\n')
    assert find_config(tmp_path / "sub") == far


def test_config_find_from_a_file_starts_in_its_folder(tmp_path: Path) -> None:
    config = _write(tmp_path / "docs", ".claimcheck.toml", "")
    page = _write(tmp_path / "docs", "page.md", "text\n")
    assert find_config(page) == config
    assert find_config(tmp_path / "docs" / "missing.md") == config


def test_config_find_stops_on_a_broken_pyproject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "pyproject.toml", "[project\n")
    with pytest.raises(ConfigError, match=r"^pyproject.toml:1: invalid TOML: "):
        find_config(tmp_path)


def test_config_without_a_file_uses_defaults_rooted_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = resolve_config(tmp_path)
    if config.file is not None:  # a configuration file above the temporary folder
        pytest.skip(f"found {config.file}")
    assert config == Config(root=tmp_path)
    assert config.root == Path.cwd()
    assert [config.origin(key) for key in KEYS] == ["default"] * len(KEYS)


def test_config_path_option_skips_discovery(tmp_path: Path) -> None:
    _write(tmp_path, ".claimcheck.toml", 'min-level = "warning"\n')
    other = _write(tmp_path / "ci", "strict.toml", 'min-level = "error"\n')
    config = resolve_config(tmp_path, config_path=other)
    assert config.file == other and config.root == tmp_path / "ci"
    assert config.min_level is Level.error


def test_config_path_option_reads_a_pyproject_by_its_name(tmp_path: Path) -> None:
    pyproject = _write(tmp_path / "elsewhere", "pyproject.toml", TABLE + 'fail-on = "never"\n')
    config = resolve_config(tmp_path, config_path=pyproject)
    assert config.file == pyproject and config.fail_on is None


def test_config_path_option_with_a_pyproject_without_the_table_is_an_error(tmp_path: Path) -> None:
    pyproject = _write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml: no \[tool.claimcheck\] table$"):
        resolve_config(tmp_path, config_path=pyproject)


def test_config_path_option_with_a_missing_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        resolve_config(tmp_path, config_path=Path("nope.toml"))
    assert str(info.value) == "nope.toml: configuration file not found"


def test_config_isolated_ignores_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, ".claimcheck.toml", 'min-level = "error"\n')
    config = resolve_config(tmp_path, isolated=True)
    assert config.file is None and config.isolated and config.min_level is Level.suggestion
    with pytest.raises(ConfigError, match=r"^--config and --isolated cannot be used together$"):
        resolve_config(tmp_path, config_path=tmp_path / ".claimcheck.toml", isolated=True)


def test_config_error_is_a_claimcheck_error() -> None:
    assert issubclass(ConfigError, ClaimcheckError)


# ---------------------------------------------------------------- keys


def _assert_full(config: Config, root: Path) -> None:
    assert config.root == root
    assert config.select == ["OXT1", "OXT2"]
    assert config.ignore == ["OXT105"]
    assert config.extend_rules == [root / "house-rules"]
    assert config.min_level is Level.warning
    assert config.fail_on is Level.error
    assert config.include == ["*.md", "notes/**/*.txt"]
    assert config.exclude == ["drafts/**", "*.generated.md"]
    assert config.per_file_ignores == {"CHANGELOG.md": ["OXT"], "docs/legacy/**": ["OXT101", "OXT102"]}
    assert config.format_in == "markdown"
    assert config.text_field == "body"
    assert config.id_field == "uid"
    assert config.require_reason is True


def test_config_every_key_is_read_from_pyproject(project: Path) -> None:
    config = load_config(project / "pyproject.toml")
    assert config.file == project / "pyproject.toml"
    _assert_full(config, project)


def test_config_every_key_is_read_from_claimcheck_toml(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "full.claimcheck.toml", tmp_path / ".claimcheck.toml")
    (tmp_path / "house-rules").mkdir()
    _assert_full(resolve_config(tmp_path / "deeper" / "still"), tmp_path)


def test_config_dotted_keys_and_inline_tables_are_read(tmp_path: Path) -> None:
    text = 'tool.claimcheck.min-level = "error"\ntool.claimcheck.per-file-ignores."a/*.md" = ["OXT1"]\n'
    config = load_config(_write(tmp_path, "pyproject.toml", text))
    assert config.min_level is Level.error and config.per_file_ignores == {"a/*.md": ["OXT1"]}
    assert config.origin("per-file-ignores").endswith("pyproject.toml:2")


def test_config_extend_rules_may_leave_the_project(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    config = load_config(_write(tmp_path / "project", ".claimcheck.toml", 'extend-rules = ["../shared"]\n'))
    assert config.extend_rules == [tmp_path / "shared"]


def test_config_per_file_ignores_keys_are_patterns_not_settings(tmp_path: Path) -> None:
    text = TABLE + '\n[tool.claimcheck.per-file-ignores]\n"selct" = ["OXT1"]\n"**/*.md" = []\n'
    config = load_config(_write(tmp_path, "pyproject.toml", text))
    assert config.per_file_ignores == {"selct": ["OXT1"], "**/*.md": []}


# ---------------------------------------------------------------- errors

ERRORS = [
    (
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.claimcheck]\nmin-level = "error"\nselct = ["OXT1"]\n',
        "pyproject.toml:6: [tool.claimcheck] unknown key 'selct' (did you mean 'select'?)",
    ),
    (
        ".claimcheck.toml",
        'select = ["OXT1"]\n\nselct = ["OXT1"]\n',
        ".claimcheck.toml:3: unknown key 'selct' (did you mean 'select'?)",
    ),
    (
        ".claimcheck.toml",
        "# comment\nmin_level = 'error'\n",
        ".claimcheck.toml:2: unknown key 'min_level' (did you mean 'min-level'?)",
    ),
    (".claimcheck.toml", "colour = true\n", ".claimcheck.toml:1: unknown key 'colour'"),
    (
        ".claimcheck.toml",
        "\n[tool.claimcheck]\nselect = []\n",
        ".claimcheck.toml:2: unknown key 'tool' (this file holds the keys at its top level, without [tool.claimcheck])",
    ),
    (
        "pyproject.toml",
        TABLE + "\n[tool.claimcheck.lint]\nselect = []\n",
        "pyproject.toml:3: [tool.claimcheck] unknown key 'lint'",
    ),
    (
        "pyproject.toml",
        'tool.claimcheck.select = ["OXT1"]\ntool.claimcheck.ignor = ["OXT2"]\n',
        "pyproject.toml:2: [tool.claimcheck] unknown key 'ignor' (did you mean 'ignore'?)",
    ),
    (
        ".claimcheck.toml",
        'select = ["OXT1"]\nignore = []\nmin-level = "loud"\n',
        ".claimcheck.toml:3: key 'min-level': 'loud' is not one of suggestion, warning, error",
    ),
    (
        ".claimcheck.toml",
        'fail-on = "always"\n',
        ".claimcheck.toml:1: key 'fail-on': 'always' is not one of suggestion, warning, error, never",
    ),
    (
        ".claimcheck.toml",
        "min-level = 2\n",
        ".claimcheck.toml:1: key 'min-level': expected one of suggestion, warning, error, got an integer",
    ),
    (
        "pyproject.toml",
        TABLE + 'select = "OXT1"\n',
        "pyproject.toml:2: [tool.claimcheck] key 'select': expected a list of rule codes or prefixes, got a string",
    ),
    (
        ".claimcheck.toml",
        'exclude = [\n  "drafts/**",\n  3,\n]\n',
        ".claimcheck.toml:3: key 'exclude', item 2: expected a string, got an integer",
    ),
    (
        ".claimcheck.toml",
        'ignore = ["OXT1", "OXT 2"]\n',
        ".claimcheck.toml:1: key 'ignore', item 2: 'OXT 2' is not a rule code or prefix (like OXT101 or OXT1)",
    ),
    (
        ".claimcheck.toml",
        'require-reason = "yes"\n',
        ".claimcheck.toml:1: key 'require-reason': expected true or false, got a string",
    ),
    (".claimcheck.toml", 'text-field = ""\n', ".claimcheck.toml:1: key 'text-field': must not be empty"),
    (
        ".claimcheck.toml",
        'format-in = "rtf"\n',
        ".claimcheck.toml:1: key 'format-in': 'rtf' is not one of text, markdown, html, docx, pdf, jsonl, csv",
    ),
    (
        ".claimcheck.toml",
        "include = 1979-05-27\n",
        ".claimcheck.toml:1: key 'include': expected a list of glob patterns, got a date or time",
    ),
    (
        "pyproject.toml",
        TABLE + 'select = []\n\n[tool.claimcheck.per-file-ignores]\n"CHANGELOG.md" = ["OXT"]\n"docs/**" = "OXT1"\n',
        "pyproject.toml:6: [tool.claimcheck] key 'per-file-ignores', pattern 'docs/**': "
        "expected a list of rule codes or prefixes, got a string",
    ),
    (
        ".claimcheck.toml",
        'per-file-ignores = { "a.md" = ["OXT1", 2] }\n',
        ".claimcheck.toml:1: key 'per-file-ignores', pattern 'a.md', item 2: expected a string, got an integer",
    ),
    (
        ".claimcheck.toml",
        'per-file-ignores = ["docs/**"]\n',
        ".claimcheck.toml:1: key 'per-file-ignores': "
        "expected a table of glob pattern = list of rule codes or prefixes, got a list",
    ),
    (
        ".claimcheck.toml",
        'select = ["OXT1"]\nmin-level = loud\n',
        ".claimcheck.toml:2: invalid TOML: Invalid value (column 13)",
    ),
    (
        "pyproject.toml",
        '[project]\nname = "x"\n[tool.claimcheck\n',
        "pyproject.toml:3: invalid TOML: Expected ']' at the end of a table declaration (column 17)",
    ),
    (
        ".claimcheck.toml",
        'select = [\n  "OXT1",\n',
        ".claimcheck.toml:3: invalid TOML: Invalid value (at the end of the file)",
    ),
    (
        ".claimcheck.toml",
        '# rule packs\nextend-rules = [\n  "house-rules",\n  "packs/missing",\n]\n',
        ".claimcheck.toml:4: key 'extend-rules': 'packs/missing' does not exist",
    ),
    (
        "pyproject.toml",
        TABLE + 'extend-rules = ["notes.md"]\n',
        "pyproject.toml:2: [tool.claimcheck] key 'extend-rules': 'notes.md' is not a folder",
    ),
    ("pyproject.toml", "[tool]\nclaimcheck = 3\n", "pyproject.toml:2: [tool.claimcheck] must be a table"),
    (
        ".claimcheck.toml",
        'min-level = "loud"\nselct = []\n',
        ".claimcheck.toml:1: key 'min-level': 'loud' is not one of suggestion, warning, error (and 1 more error)",
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), ERRORS, ids=[e[2].split(": ", 1)[1][:40] for e in ERRORS])
def test_config_error_names_file_line_and_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house-rules").mkdir()
    _write(tmp_path, "notes.md", "text\n")
    _write(tmp_path, name, text)
    with pytest.raises(ConfigError) as info:
        resolve_config(tmp_path)
    assert str(info.value) == expected


def test_config_error_names_the_file_relative_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path / "project", ".claimcheck.toml", 'min-level = "loud"\n')
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=r"^project/.claimcheck.toml:1: key 'min-level'"):
        resolve_config(tmp_path / "project")
    monkeypatch.chdir(tmp_path / "project")
    with pytest.raises(ConfigError, match=r"^.claimcheck.toml:1: "):
        resolve_config(tmp_path / "project")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    with pytest.raises(ConfigError, match=rf"^{tmp_path}/project/.claimcheck.toml:1: "):
        resolve_config(tmp_path / "project")


def test_config_unreadable_file_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".claimcheck.toml").write_bytes(b'select = ["\xff"]\n')
    with pytest.raises(ConfigError, match=r"^.claimcheck.toml: cannot read: .*codec can't decode") as info:
        resolve_config(tmp_path)
    assert "\n" not in str(info.value)


# ---------------------------------------------------------------- key lines


def test_config_key_lines_ignore_keys_inside_strings_and_arrays() -> None:
    text = (
        "a = 'x = 1'\n"  # 1
        'b = """\n'  # 2
        "c = 2\n"  # 3 (inside the string)
        '[d]"""\n'  # 4 (inside the string)
        "e = [ # comment with = and [\n"  # 5
        '  "f = 3", { g = 4 },\n'  # 6
        "]\n"  # 7
        '"h.i" . j = { k = 1979-05-27 07:32:00Z, "l" = [1, 2] }\n'  # 8
        "[[m.n]]\n"  # 9
        "o = '''\n'''''\n"  # 10, 11
        "p = 1\n"  # 12
    )
    lines = key_lines(text)
    assert lines[("a",)] == 1 and lines[("b",)] == 2
    assert ("c",) not in lines and ("d",) not in lines
    assert lines[("e",)] == 5 and lines[("e", 0)] == 6 and lines[("e", 1, "g")] == 6
    assert lines[("h.i", "j", "k")] == 8 and lines[("h.i", "j", "l", 1)] == 8
    assert lines[("m", "n")] == 9 and lines[("m", "n", "o")] == 10 and lines[("m", "n", "p")] == 12


def test_config_key_lines_header_beats_an_earlier_implicit_table() -> None:
    lines = key_lines('[tool.claimcheck.per-file-ignores]\n"a" = []\n\n[tool.claimcheck]\nselect = []\n')
    assert lines[("tool", "claimcheck")] == 4
    assert lines[("tool", "claimcheck", "per-file-ignores")] == 1


# ---------------------------------------------------------------- patterns


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.md", "a.md", True),
        ("*.md", "docs/deep/a.md", True),  # no "/": a name at any depth
        ("*.md", "a.txt", False),
        ("*.generated.md", "docs/x.generated.md", True),
        ("drafts", "drafts/a.md", True),  # a folder matches what is below it
        ("drafts", "docs/drafts/a.md", True),
        ("drafts", "drafts.md", False),
        ("drafts/", "drafts/a.md", True),
        ("drafts/", "notes/drafts", False),  # a trailing "/" matches folders only
        ("drafts/**", "drafts/a.md", True),
        ("drafts/**", "drafts/x/y/a.md", True),
        ("drafts/**", "docs/drafts/a.md", False),  # with a "/": anchored at the root
        ("/drafts", "drafts/a.md", True),
        ("./drafts/*", "drafts/a.md", True),
        ("docs/*.md", "docs/a.md", True),
        ("docs/*.md", "docs/sub/a.md", False),  # "*" stays within a segment
        ("docs/**/*.md", "docs/a.md", True),  # "**/" may match no folder
        ("docs/**/*.md", "docs/x/y/a.md", True),
        ("docs/**/*.md", "docs/x/y/a.txt", False),
        ("**/legacy/*.md", "legacy/a.md", True),
        ("**/legacy/*.md", "a/b/legacy/a.md", True),
        ("**", "any/thing.md", True),
        ("note?.md", "note1.md", True),
        ("note?.md", "note10.md", False),
        ("note[0-9].md", "note7.md", True),
        ("note[!0-9].md", "note7.md", False),
        ("note[!0-9].md", "notes.md", True),
        ("a**b.md", "axyb.md", True),  # "**" inside a segment is "*"
        ("a**b.md", "ax/yb.md", False),
        ("CHANGELOG.md", "changelog.md", False),  # case matters
    ],
)
def test_config_pattern_matching(pattern: str, path: str, expected: bool) -> None:
    assert matches(pattern, path) is expected


def test_config_is_excluded_by_exclude_and_include(tmp_path: Path) -> None:
    config = Config(root=tmp_path, exclude=["drafts/**", "*.generated.md"], include=["*.md", "notes/**/*.txt"])
    assert not config.is_excluded(tmp_path / "a.md")
    assert not config.is_excluded(tmp_path / "docs" / "deep" / "b.md")
    assert config.is_excluded(tmp_path / "drafts" / "c.md")
    assert config.is_excluded(tmp_path / "docs" / "x.generated.md")
    assert config.is_excluded(tmp_path / "docs" / "a.txt")  # include is set and does not match
    assert not config.is_excluded(tmp_path / "notes" / "2024" / "a.txt")
    assert not config.is_excluded(tmp_path / "docs" / "drafts" / "c.md")  # "drafts/**" is anchored
    assert not Config(root=tmp_path).is_excluded(tmp_path / "anything.xyz")  # no include: every file


def test_config_patterns_are_relative_to_the_project_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "house").mkdir()
    config = load_config(_write(tmp_path, ".claimcheck.toml", 'exclude = ["docs/old/**", "*.tmp.md"]\n'))
    monkeypatch.chdir(tmp_path / "house")
    assert config.is_excluded("../docs/old/a.md")  # relative to the current folder, matched from the root
    assert not config.is_excluded("docs/old/a.md")  # that is house/docs/old/a.md
    assert config.is_excluded(tmp_path.parent / "elsewhere" / "x.tmp.md")  # outside: names still match
    assert not config.is_excluded(tmp_path.parent / "elsewhere" / "docs" / "old" / "a.md")


def test_config_ignored_codes_from_every_matching_pattern(tmp_path: Path) -> None:
    text = (
        "[per-file-ignores]\n"
        '"CHANGELOG.md" = ["OXT"]\n'
        '"docs/legacy/**" = ["oxt101", "OXT102"]\n'
        '"docs/**" = ["OXT102", "OXT3"]\n'
    )
    config = load_config(_write(tmp_path, ".claimcheck.toml", text))
    assert config.ignored_codes(tmp_path / "CHANGELOG.md") == ["OXT"]
    assert config.ignored_codes(tmp_path / "sub" / "CHANGELOG.md") == ["OXT"]
    assert config.ignored_codes(tmp_path / "docs" / "legacy" / "a" / "b.md") == ["OXT101", "OXT102", "OXT3"]
    assert config.ignored_codes(tmp_path / "docs" / "b.md") == ["OXT102", "OXT3"]
    assert config.ignored_codes(tmp_path / "README.md") == []


# ---------------------------------------------------------------- provenance, overrides


def test_config_origins_name_file_and_line(project: Path) -> None:
    config = load_config(project / "pyproject.toml")
    assert config.origin("select") == "pyproject.toml:8"
    assert config.origin("ignore") == "pyproject.toml:9"
    assert config.origin("per-file-ignores") == "pyproject.toml:22"
    assert config.origin("require-reason") == "pyproject.toml:20"
    partial = load_config(_write(project / "sub", ".claimcheck.toml", '\nmin-level = "error"\n'))
    assert partial.origin("min-level") == "sub/.claimcheck.toml:2"
    assert partial.origin("select") == "default"
    with pytest.raises(KeyError):
        config.origin("colour")


def test_config_origins_are_absolute_outside_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "project", ".claimcheck.toml", 'min-level = "error"\n')
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert load_config(path).origin("min-level") == f"{path}:1"


def test_config_overrides_come_from_the_command_line(project: Path) -> None:
    config = load_config(project / "pyproject.toml").with_overrides(
        {"select": ("oxt3",), "min_level": "error", "ignore": (), "require-reason": None, "fail-on": "never"}
    )
    assert config.select == ["OXT3"] and config.origin("select") == "command line"
    assert config.min_level is Level.error and config.origin("min-level") == "command line"
    assert config.fail_on is None and config.origin("fail-on") == "command line"
    assert config.ignore == ["OXT105"] and config.origin("ignore") == "pyproject.toml:9"  # empty: not given
    assert config.require_reason is True and config.origin("require-reason") == "pyproject.toml:20"


def test_config_override_folders_are_relative_to_the_current_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "sub" / "packs").mkdir(parents=True)
    config = load_config(project / "pyproject.toml")
    monkeypatch.chdir(project / "sub")
    assert config.with_overrides({"extend-rules": ["packs"]}).extend_rules == [project / "sub" / "packs"]


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"min-level": "loud"}, "command line: option --min-level: 'loud' is not one of suggestion, warning, error"),
        (
            {"select": ["OXT1", "OXT 2"]},
            "command line: option --select, item 2: 'OXT 2' is not a rule code or prefix (like OXT101 or OXT1)",
        ),
        ({"extend-rules": ["nowhere"]}, "command line: option --extend-rules: 'nowhere' does not exist"),
        ({"colour": "red"}, "command line: unknown setting 'colour'"),
    ],
)
def test_config_bad_override_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, overrides: dict[str, object], expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        Config(root=tmp_path).with_overrides(overrides)
    assert str(info.value) == expected


def test_config_check_codes_names_the_selector_line(project: Path) -> None:
    config = load_config(project / "pyproject.toml")
    config.check_codes(["OXT101", "OXT102", "OXT105", "OXT201"])
    with pytest.raises(ConfigError) as info:
        config.check_codes(["OXT101", "OXT102", "OXT201"])
    assert str(info.value) == "pyproject.toml:10: [tool.claimcheck] key 'ignore': unknown rule code or prefix 'OXT105'"
    with pytest.raises(ConfigError) as info:
        config.check_codes(["OXT101", "OXT105", "OXT201"])
    assert str(info.value) == (
        "pyproject.toml:24: [tool.claimcheck] key 'per-file-ignores', pattern 'docs/legacy/**': "
        "unknown rule code or prefix 'OXT102'"
    )
    with pytest.raises(ConfigError) as info:
        config.with_overrides({"select": ["ALL", "XYZ"]}).check_codes(["OXT101", "OXT102", "OXT105"])
    assert str(info.value) == "command line: option --select: unknown rule code or prefix 'XYZ'"


def test_config_fail_on() -> None:
    assert Config().fails(Level.warning) and not Config().fails(Level.suggestion)
    assert Config(fail_on=Level.suggestion).fails(Level.suggestion)
    assert not Config(fail_on=None).fails(Level.error)


# ---------------------------------------------------------------- describe


def test_config_describe_exact(project: Path) -> None:
    expected = (FIXTURES / "full.describe.txt").read_text(encoding="utf-8")
    assert describe(load_config(project / "pyproject.toml")) == expected


def test_config_describe_defaults_and_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = Config().with_overrides({"min-level": "error", "exclude": ["drafts/**"]})
    assert describe(config) == (
        "# no configuration file found; defaults\n"
        "select = []  # default\n"
        "ignore = []  # default\n"
        "extend-rules = []  # default\n"
        'min-level = "error"  # command line\n'
        'fail-on = "warning"  # default\n'
        "include = []  # default\n"
        'exclude = ["drafts/**"]  # command line\n'
        "per-file-ignores = {}  # default\n"
        "# format-in is not set: each file's format follows its extension  # default\n"
        'text-field = "text"  # default\n'
        'id-field = "id"  # default\n'
        "require-reason = false  # default\n"
    )
    assert describe(resolve_config(tmp_path, isolated=True)).startswith(
        "# configuration files ignored (--isolated); defaults\n"
    )


def test_config_describe_output_pastes_back_into_a_config_file(project: Path) -> None:
    config = load_config(project / "pyproject.toml")
    pasted = load_config(_write(project, ".claimcheck.toml", describe(config)))
    for key in KEYS:
        assert pasted.value(key) == config.value(key), key
