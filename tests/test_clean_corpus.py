"""Careful prose lints clean: our own rewrites of the reference's sections (corpus/clean/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import Level, Linter

CLEAN = Path(__file__).resolve().parent.parent / "corpus" / "clean"


@pytest.mark.parametrize("path", sorted(CLEAN.glob("*.md")), ids=lambda p: p.name)
def test_clean_corpus_has_no_warning(linter: Linter, path: Path) -> None:
    findings = linter.check(path.read_text(encoding="utf-8"), path.name)
    loud = [f"{f.line}:{f.column} {f.code} {f.text!r}" for f in findings if f.level >= Level.warning]
    assert loud == []


def test_clean_corpus_is_substantial() -> None:
    files = sorted(CLEAN.glob("*.md"))
    assert len(files) >= 8
    assert sum(len(p.read_text(encoding="utf-8").split()) for p in files) >= 2500
