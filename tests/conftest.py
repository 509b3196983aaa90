"""Shared fixtures: the bundled rules, sources and one linter, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import Linter, Rule, Source, load_rules, load_sources

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def sources() -> dict[str, Source]:
    return load_sources()


@pytest.fixture(scope="session")
def rules(sources: dict[str, Source]) -> list[Rule]:
    return load_rules(sources=sources)


@pytest.fixture(scope="session")
def linter(rules: list[Rule], sources: dict[str, Source]) -> Linter:
    return Linter(rules, sources)
