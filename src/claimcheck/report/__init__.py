"""Reporters: each turns findings (and input errors) into one output format."""

from __future__ import annotations

from collections.abc import Callable

from .base import Report
from .github import render_github
from .gitlab import render_gitlab
from .json import render_json
from .junit import render_junit
from .sarif import render_sarif
from .text import render_text

RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
    "junit": render_junit,
    "gitlab": render_gitlab,
}

__all__ = [
    "RENDERERS",
    "Report",
    "render_github",
    "render_gitlab",
    "render_json",
    "render_junit",
    "render_sarif",
    "render_text",
]
