"""Print the JSON Schema of a rule file: ``python -m claimcheck.schema > rules/rule.schema.json``.

Editors use it to complete and check rule files; a test keeps the checked-in copy current.
"""

from __future__ import annotations

import json

from .models import Rule


def rule_schema() -> str:
    """The rule file's JSON Schema, as checked in."""
    return json.dumps(Rule.model_json_schema(by_alias=True), indent=2) + "\n"


if __name__ == "__main__":
    print(rule_schema(), end="")
