"""The spaCy pipeline: a blank English tokenizer and a rule-based sentence splitter.

No trained model is loaded and nothing is downloaded. spaCy is imported only when a
document holds a rule's anchor word, which keeps start-up fast for clean text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

# Abbreviations that end in a full stop but do not end a sentence.
ABBREVIATIONS = ("al.", "approx.", "cf.", "vs.", "Fig.", "fig.", "Dr.", "Drs.", "Prof.", "ed.", "eds.", "vol.", "pp.")


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared pipeline, built once per process."""
    import spacy

    nlp = spacy.blank("en")
    tokenizer: Any = nlp.tokenizer  # spacy.tokenizer is compiled and has no type stubs
    for abbreviation in ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    nlp.add_pipe("sentencizer")
    # The limit guards trained models' memory; a blank tokenizer and a sentencizer need little,
    # and a transcript with no blank line is one segment of any length.
    nlp.max_length = 10**9
    return nlp
