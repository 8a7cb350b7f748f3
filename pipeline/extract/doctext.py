"""The text of a parsed document, read once: `Doc.text` joins every token again on each access."""
from __future__ import annotations

from spacy.tokens import Doc

_KEY = "pipeline.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built on the first call for this document and kept in its user data after that."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
