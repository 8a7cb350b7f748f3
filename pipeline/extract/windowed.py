"""A token Matcher run only around the words its patterns can start with.

spaCy's Matcher tries every pattern at every token of a document. When every pattern's first token is one of
a known set of words (`LOWER` or `ORTH` given as a word or an `IN` list, never optional) and no pattern runs
longer than a fixed number of tokens, a match can only start at one of those words and end within that many
tokens of it: the matcher over those windows finds exactly the matches it finds over the whole document, at a
fraction of the cost (a release holds a few dozen such words in a few hundred tokens).
"""
from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Operators that match exactly one token, or none: the pattern's longest match is one token per entry.
_AT_MOST_ONE = frozenset({"!", "?", "1"})


class WindowedMatcher:
    """A Matcher over named patterns whose matches are searched only where a pattern can start."""

    def __init__(self, vocab: Vocab, patterns: dict[str, list[list[dict]]]) -> None:
        self.matcher = Matcher(vocab)
        for name, named in patterns.items():
            self.matcher.add(name, named)
        every = [pattern for named in patterns.values() for pattern in named]
        starts = [_start_words(pattern[0]) for pattern in every]
        reaches = [_longest(pattern) for pattern in every]
        # None: some pattern can start at any word or run on without a limit, so the whole document is searched.
        self.windowed = all(s is not None for s in starts) and all(r is not None for r in reaches)
        self.reach = max((r for r in reaches if r is not None), default=1)
        self.lowers = frozenset(vocab.strings.add(w) for s in starts if s is not None for w in s["LOWER"])
        self.orths = frozenset(vocab.strings.add(w) for s in starts if s is not None for w in s["ORTH"])

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every match in the document, as `Matcher(doc)` gives them."""
        if not self.windowed:
            return list(self.matcher(doc))
        found: list[tuple[int, int, int]] = []
        for start, end in self.windows(doc):
            found.extend((match_id, start + first, start + last)
                         for match_id, first, last in self.matcher(doc[start:end]))
        return found

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """(start, end) of each run of tokens a match can lie in: from a word a pattern starts with to `reach`
        tokens past the last such word of the run."""
        runs: list[list[int]] = []
        for i, (lower, orth) in enumerate(doc.to_array(["LOWER", "ORTH"]).tolist()):
            if lower in self.lowers or orth in self.orths:
                end = min(len(doc), i + self.reach)
                if runs and i < runs[-1][1]:
                    runs[-1][1] = end
                else:
                    runs.append([i, end])
        return [(start, end) for start, end in runs]


def _start_words(token: dict) -> dict[str, list[str]] | None:
    """The words a pattern's first token can be, by attribute (`LOWER`, `ORTH`), or None when the token is
    optional or constrained otherwise (it could then start anywhere)."""
    if token.get("OP", "1") != "1" or not {"LOWER", "ORTH"} & set(token):
        return None
    words: dict[str, list[str]] = {"LOWER": [], "ORTH": []}
    for attr, words_of in words.items():
        value = token.get(attr)
        if value is None:
            continue
        if isinstance(value, str):
            words_of.append(value)
        elif isinstance(value, dict) and set(value) == {"IN"}:
            words_of.extend(value["IN"])
        else:
            return None
    return words  # (a token constrained by both is searched at the words of either: more windows, no match lost)


def _longest(pattern: list[dict]) -> int | None:
    """The most tokens a pattern can match, or None when an operator lets it run on (`*`, `+`, `{n,m}`)."""
    if any(token.get("OP", "1") not in _AT_MOST_ONE for token in pattern):
        return None
    return len(pattern)
