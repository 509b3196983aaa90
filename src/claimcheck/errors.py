"""Exception types, one per layer.

Every error carries a message that names the file (and line, field or rule where it
applies) so that the command line can print it on one line without a traceback.
"""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base class of every error claimcheck raises on purpose."""


class RuleError(ClaimcheckError):
    """A rule file (or the rule set as a whole) is invalid."""


class SourceError(ClaimcheckError):
    """The evidence corpus is invalid, or a rule cites an unknown source."""


class InputError(ClaimcheckError):
    """A document to check cannot be read: missing, binary, undecodable."""


class EvalError(ClaimcheckError):
    """An evaluation corpus or one of its gold files is invalid."""


class ConfigError(ClaimcheckError):
    """A configuration file (``.claimcheck.toml`` or ``[tool.claimcheck]``) is invalid."""


class BaselineError(ClaimcheckError):
    """A baseline file cannot be read or is not a claimcheck baseline."""
