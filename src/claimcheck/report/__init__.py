"""Reporters: each turns findings (and input errors) into one output format."""

from __future__ import annotations

from .base import Report
from .json import render_json
from .text import render_text

RENDERERS = {"text": render_text, "json": render_json}

__all__ = ["RENDERERS", "Report", "render_json", "render_text"]
