"""JUnit XML output, for the test-report views of GitLab, Jenkins, Azure Pipelines and others.

One ``<testsuite>`` named claimcheck. Each finding is a failing ``<testcase>`` (its class
is the file, its name the rule and place); a suppressed finding, when shown, is skipped; a
problem in a suppression comment fails too; each readable file without a failure passes as
``no overclaims``; each input error is an ``<error>``. Files keep the order they were checked in.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..models import Finding, Notice
from .base import Report, display_path, link, location

# Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
ERROR_CLASS = "claimcheck"


def _x(text: str) -> str:
    """Text safe in an XML document: characters XML cannot hold become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _case_name(f: Finding) -> str:
    where = f"line {f.line}:{f.column}"
    if f.page is not None:
        where = f"page {f.page} {where}"
    if f.record_id is not None:
        where = f"{where} of record {f.record_id}"
    return f"{f.code} {f.name} at {where}"


def _details(f: Finding, path: str) -> str:
    lines = [f"{location(f, path)}: {f.code} [{f.level.value}] {f.message}", f'flagged: "{f.text}"']
    if f.section:
        lines.append(f"in: {' > '.join(f.section)}")
    if f.suggestion:
        lines.append(f"suggestion: {f.suggestion}")
    lines.append("sources:")
    for s in f.sources:
        url = link(s)
        lines.append(f"  - {s.short}{f' <{url}>' if url else ''}: {' '.join(s.says.split())}")
    return "\n".join(lines)


def _case(suite: ET.Element, classname: str, name: str, *, file: bool = True) -> ET.Element:
    attrib = {"classname": _x(classname), "name": _x(name)}
    if file:
        attrib["file"] = attrib["classname"]
    return ET.SubElement(suite, "testcase", attrib)


def _add_finding(suite: ET.Element, f: Finding, path: str) -> None:
    case = _case(suite, path, _case_name(f))
    if f.suppressed:
        reason = f": {f.suppression_reason}" if f.suppression_reason else ""
        ET.SubElement(case, "skipped", {"message": _x(f"suppressed{reason}")})
        return
    failure = ET.SubElement(case, "failure", {"type": f.level.value, "message": _x(f.message)})
    failure.text = _x(_details(f, path))


def _add_notice(suite: ET.Element, n: Notice, path: str) -> None:
    record = f" of record {n.record_id}" if n.record_id is not None else ""
    case = _case(suite, path, f"suppression comment at line {n.line}:{n.column}{record}")
    failure = ET.SubElement(case, "failure", {"type": "suppression", "message": _x(n.message)})
    failure.text = _x(f"{location(n, path)}: {n.message}")


def build_junit(report: Report) -> ET.Element:
    """The ``<testsuites>`` element."""
    named = [*report.checked, *(f.path for f in report.findings), *(n.path for n in report.notices)]
    order = list(dict.fromkeys(named))
    suite = ET.Element("testsuite", {"name": "claimcheck"})
    for path in order:
        shown = display_path(path)
        findings = [f for f in report.findings if f.path == path]
        notices = [n for n in report.notices if n.path == path]
        for f in findings:
            _add_finding(suite, f, shown)
        for n in notices:
            _add_notice(suite, n, shown)
        if not notices and all(f.suppressed for f in findings):
            _case(suite, shown, "no overclaims")
    for error in report.errors:
        case = _case(suite, ERROR_CLASS, error, file=False)
        ET.SubElement(case, "error", {"type": "input", "message": _x(error)}).text = _x(error)
    cases = list(suite)
    counts = {
        "tests": len(cases),
        "failures": sum(c.find("failure") is not None for c in cases),
        "errors": sum(c.find("error") is not None for c in cases),
        "skipped": sum(c.find("skipped") is not None for c in cases),
    }
    suite.attrib.update({key: str(value) for key, value in counts.items()})
    totals = {key: str(counts[key]) for key in ("tests", "failures", "errors")}
    root = ET.Element("testsuites", {"name": "claimcheck", **totals})
    root.append(suite)
    return root


def render_junit(report: Report) -> str:
    """The JUnit XML document, indented, with its XML declaration."""
    root = build_junit(report)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
