"""The evidence corpus: citations, links and what each source shows."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import SourceError
from .models import Source
from .paths import sources_file
from .yamlfile import YamlError, describe_validation_error, load


class _SourceFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    sources: list[Source]


def load_sources(path: Path | None = None) -> dict[str, Source]:
    """Load and validate the evidence corpus; return sources by id.

    Raises :class:`SourceError` naming the file, line and field on any problem.
    """
    path = path or sources_file()
    try:
        data, lines = load(path)
    except YamlError as exc:
        raise SourceError(str(exc)) from None
    try:
        parsed = _SourceFile.model_validate(data)
    except ValidationError as exc:
        raise SourceError(describe_validation_error(path, exc, lines)) from None
    by_id: dict[str, Source] = {}
    for i, source in enumerate(parsed.sources):
        if source.id in by_id:
            line = lines.get(("sources", i, "id"))
            raise SourceError(f"{path}{f':{line}' if line else ''}: duplicate source id '{source.id}'")
        by_id[source.id] = source
    return by_id
