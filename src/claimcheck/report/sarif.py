"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One run: the rules that ran as ``tool.driver.rules`` (with why, evidence and sources as
help), one result per finding, and problems in suppression comments and unreadable files
as ``invocations[0].toolExecutionNotifications``. Paths below the working directory are
relative to ``%SRCROOT%``; others are absolute ``file://`` URIs. Columns count characters
(``columnKind`` ``unicodeCodePoints``). No timestamps, so the same input gives the same log.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from ..formats import TEXT_FORMATS, format_for
from ..models import Evidence, Finding, Level, Notice, Rule, Source
from .base import Report, is_pseudo_path, link, one_line, relative_path

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/claimcheck/claimcheck"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "claimcheck/v1"
LEVELS = {Level.error: "error", Level.warning: "warning", Level.suggestion: "note"}
EVIDENCE_MEANING = {
    Evidence.contested: "the evidence is mixed or disputed",
    Evidence.unsupported: "there is no good evidence for it",
    Evidence.refuted: "there is good evidence against it",
    Evidence.misleading: "a metaphor or simplification presented as fact",
    Evidence.unsafe: "advice that risks harm",
}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")

JSON = dict[str, Any]


def _md(text: str) -> str:
    """Prose made safe to embed in Markdown: characters with a meaning there are escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _md_url(url: str) -> str:
    """A URL safe as a Markdown link target (DOIs may hold parentheses)."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def artifact_location(path: str) -> JSON:
    """A path as a SARIF artifact location: a percent-encoded relative reference against
    ``%SRCROOT%`` when below the working directory, else an absolute ``file://`` URI."""
    rel = relative_path(path)
    if rel is not None:
        return {"uri": quote(rel), "uriBaseId": SRCROOT}
    if is_pseudo_path(path):
        return {"uri": quote(path)}
    return {"uri": Path(os.path.abspath(path)).as_uri()}


def _cited(rule: Rule, sources: dict[str, Source]) -> list[tuple[str, Source | None, str]]:
    """Each source a rule cites: its id, the corpus entry (None when unknown) and what it says."""
    out = []
    for ref in rule.sources:
        source = sources.get(ref.id)
        says = ref.says or (source.shows if source else "")
        out.append((ref.id, source, one_line(says)))
    return out


def _help(rule: Rule, sources: dict[str, Source]) -> JSON:
    evidence = f"{rule.evidence.value} ({EVIDENCE_MEANING[rule.evidence]})"
    text = [one_line(rule.why), "", f"Evidence: {evidence}."]
    markdown = [_md(one_line(rule.why)), "", f"**Evidence:** {_md(evidence)}."]
    if rule.suggest:
        text += ["", "Instead, write:", *(f"- {s}" for s in rule.suggest)]
        markdown += ["", "**Instead, write:**", "", *(f"- {_md(s)}" for s in rule.suggest)]
    text += ["", "Sources:"]
    markdown += ["", "**Sources:**", ""]
    for id_, source, says in _cited(rule, sources):
        if source is None:
            text.append(f"- {id_}: {says}" if says else f"- {id_}")
            markdown.append(f"- {_md(id_)}: {_md(says)}" if says else f"- {_md(id_)}")
            continue
        url = link(source)
        label = f"doi:{source.doi}" if source.doi else urlsplit(url or "").netloc or url
        text.append(f"- {one_line(source.citation)}{f' <{url}>' if url else ''}" + (f": {says}" if says else ""))
        linked = f" [{_md(label or '')}]({_md_url(url)})" if url else ""
        markdown.append(f"- {_md(one_line(source.citation))}{linked}" + (f": {_md(says)}" if says else ""))
    return {"text": "\n".join(text), "markdown": "\n".join(markdown)}


def _rule_descriptor(rule: Rule, sources: dict[str, Source]) -> JSON:
    cited = [
        {"id": id_, "citation": one_line(s.citation), "url": link(s)} if s else {"id": id_}
        for id_, s, _ in _cited(rule, sources)
    ]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": one_line(rule.summary)},
        "fullDescription": {"text": one_line(rule.why)},
        "help": _help(rule, sources),
        "defaultConfiguration": {"level": LEVELS[rule.level]},
        "properties": {
            "family": rule.family,
            "evidence": rule.evidence.value,
            "tags": [rule.family],
            "sources": cited,
        },
    }


def _finding_descriptor(f: Finding) -> JSON:
    """A rule that fired but is not in ``report.rules``: what the finding itself tells."""
    return {
        "id": f.code,
        "name": f.name,
        "properties": {
            "family": f.family,
            "evidence": f.evidence.value,
            "tags": [f.family],
            "sources": [{"id": s.id, "citation": one_line(s.citation), "url": link(s)} for s in f.sources],
        },
    }


def _result(f: Finding, index: int, with_suppressions: bool) -> JSON:
    region = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "snippet": {"text": f.text},
    }
    result: JSON = {
        "ruleId": f.code,
        "ruleIndex": index,
        "level": LEVELS[f.level],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(f.path), "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
    }
    if f.fix is not None and f.record_id is None and format_for(f.path) in TEXT_FORMATS:  # a place in the file
        deleted = {k: region[k] for k in ("startLine", "startColumn", "endLine", "endColumn")}
        change = {"deletedRegion": deleted, "insertedContent": {"text": f.fix}}
        result["fixes"] = [
            {
                "description": {"text": f"Replace with '{f.fix}' (claimcheck --fix)"},
                "artifactChanges": [{"artifactLocation": artifact_location(f.path), "replacements": [change]}],
            }
        ]
    if with_suppressions:
        # Present on every result once any is suppressed: an empty list says "not suppressed".
        suppression: JSON = {"kind": "inSource"}
        if f.suppression_reason:
            suppression["justification"] = f.suppression_reason
        result["suppressions"] = [suppression] if f.suppressed else []
    properties: JSON = {"status": f.status.value, "strength": f.strength.value}
    if f.suggestion:
        properties["suggestion"] = f.suggestion
    if f.section:
        properties["section"] = f.section
    if f.page is not None:
        properties["page"] = f.page
    if f.record_id is not None:
        properties["record_id"] = f.record_id
    result["properties"] = properties
    return result


def _notification(n: Notice) -> JSON:
    region = {"startLine": n.line, "startColumn": n.column}
    out: JSON = {
        "level": "warning",
        "message": {"text": n.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(n.path), "region": region}}],
    }
    if n.record_id is not None:
        out["properties"] = {"record_id": n.record_id}
    return out


def build_sarif(report: Report) -> JSON:
    """The SARIF log as a JSON-ready dict."""
    from .. import __version__  # here, not at import time: the package may still be loading

    descriptors = [_rule_descriptor(r, report.sources) for r in report.rules]
    index = {r.code: i for i, r in enumerate(report.rules)}
    for f in report.findings:
        if f.code not in index:
            index[f.code] = len(descriptors)
            descriptors.append(_finding_descriptor(f))
    with_suppressions = any(f.suppressed for f in report.findings)
    notifications = [_notification(n) for n in report.notices]
    notifications += [{"level": "error", "message": {"text": e}} for e in report.errors]
    run: JSON = {
        "tool": {
            "driver": {
                "name": "claimcheck",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }
        },
        "invocations": [{"executionSuccessful": not report.errors, "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.code], with_suppressions) for f in report.findings],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report) -> str:
    """The SARIF log, indented, one trailing newline."""
    return json.dumps(build_sarif(report), indent=2, ensure_ascii=False) + "\n"
