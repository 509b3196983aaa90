"""Where the bundled rules and evidence corpus live.

In an installed wheel they sit inside the package (``claimcheck/_data``); in a source
checkout (editable install, tests) they are the top-level ``rules/`` and ``corpus/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The folder that holds ``rules/`` and ``corpus/``."""
    bundled = _PACKAGE / "_data"
    if (bundled / "rules").is_dir():
        return bundled
    return _PACKAGE.parent.parent


def rules_dir() -> Path:
    """The bundled rule packs: one folder per pack, one YAML file per rule."""
    return data_dir() / "rules"


def sources_file() -> Path:
    """The bundled evidence corpus."""
    return data_dir() / "corpus" / "sources.yaml"
