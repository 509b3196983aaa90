"""claimcheck: warns where health writing claims more than the evidence supports.

>>> from claimcheck import check
>>> [f.code for f in check("Intranasal oxytocin is a proven treatment for autism.")]
['OXT201']
"""

from __future__ import annotations

from .context import claim_strength
from .document import Document
from .engine import Linter, check
from .errors import BaselineError, ClaimcheckError, ConfigError, EvalError, InputError, RuleError, SourceError
from .formats import parse
from .models import Evidence, Finding, FindingSource, Level, Notice, Rule, Source, Status, Strength
from .rules import load_rules, select_rules
from .sources import load_sources

__version__ = "0.1.0"

__all__ = [
    "BaselineError",
    "ClaimcheckError",
    "ConfigError",
    "Document",
    "EvalError",
    "Evidence",
    "Finding",
    "FindingSource",
    "InputError",
    "Level",
    "Linter",
    "Notice",
    "Rule",
    "RuleError",
    "Source",
    "SourceError",
    "Status",
    "Strength",
    "check",
    "claim_strength",
    "load_rules",
    "load_sources",
    "parse",
    "select_rules",
]
