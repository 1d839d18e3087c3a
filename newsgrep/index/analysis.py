"""One fused analyzer instead of Whoosh's chain of five generators.

``RegexTokenizer | LowercaseFilter | CharsetFilter(accent_map) |
StopFilter(minsize=2) | StemFilter`` costs one Python generator frame per
filter per token. News vocabulary repeats, so this class maps each distinct
raw word to its final form once (lower case, accents folded, stop word or
Porter stem) and afterwards a token costs one dict lookup. The output is
token-for-token what the chain produces (``tests/test_analysis.py`` checks),
so queries and the index agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Analyzer, Token
from whoosh.analysis.filters import STOP_WORDS
from whoosh.analysis.tokenizers import default_pattern
from whoosh.lang.porter import stem

_CACHE_LIMIT = 500_000
# QuoteBlocks are analysed as separate blocks QUOTE_GAP positions apart, so a
# position names its block and no phrase spans two blocks.
QUOTE_GAP = 10_000


class QuoteBlocks(str):
    """Several texts indexed as one field value, each in its own block of positions.

    A ``str`` (Whoosh would take a tuple for pre-analysed terms) that still
    pickles, for Whoosh's multiprocessing writer: unpickling rebuilds it from
    the joined text and then restores ``parts``.
    """

    parts: tuple[str, ...]

    def __new__(cls, parts: str | tuple[str, ...] | list[str]) -> QuoteBlocks:
        parts = (parts,) if isinstance(parts, str) else tuple(parts)
        obj = super().__new__(cls, "\n".join(parts))
        obj.parts = parts
        return obj


def fold_accents(text: str) -> str:
    """``text`` through Whoosh's accent_map; its 1,000-entry table is imported only for non-ASCII text."""
    if text.isascii():
        return text
    from whoosh.support.charset import accent_map

    return text.translate(accent_map)


def normalise(word: str) -> str | None:
    """The indexed form of one raw token, or None for a stop word."""
    text = fold_accents(word.lower())
    if len(text) < 2 or text in STOP_WORDS:
        return None
    return stem(text)


class NewsAnalyzer(Analyzer):
    """Tokenise, lower-case, fold accents, drop stop words, stem: in one pass."""

    is_morph = True

    def __init__(self) -> None:
        self._cache: dict[str, str | None] = {}

    def __getstate__(self) -> dict:
        return {}  # the schema is pickled into every index: leave the cache out

    def __setstate__(self, state: dict) -> None:
        self._cache = {}

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))

    def has_morph(self) -> bool:
        return True

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        no_morph: bool = False,
        **kwargs: Any,
    ) -> Iterator[Token]:
        if isinstance(value, QuoteBlocks):
            for n, part in enumerate(value.parts):
                yield from self(
                    part,
                    positions,
                    chars,
                    keeporiginal,
                    removestops,
                    start_pos + n * QUOTE_GAP,
                    start_char,
                    tokenize,
                    mode,
                    no_morph,
                    **kwargs,
                )
            return
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        cache = self._cache
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        # Positions as StopFilter(renumber=True) leaves them: the first kept
        # token keeps its raw index, later kept tokens follow it without gaps,
        # and a stop word (when kept) has its raw index.
        kept = None
        matches = default_pattern.finditer(value) if tokenize else None
        for raw_pos, match in enumerate(matches if matches is not None else [None], start_pos):
            raw = match.group(0) if match is not None else value
            if no_morph:
                text = fold_accents(raw.lower())
                norm = None if len(text) < 2 or text in STOP_WORDS else text
            else:
                try:
                    norm = cache[raw]
                except KeyError:
                    norm = cache[raw] = normalise(raw)
            if norm is None:
                if removestops:
                    continue
                t.text = fold_accents(raw.lower())
                t.stopped = True
                pos = raw_pos
            else:
                t.text = norm
                t.stopped = False
                kept = raw_pos if kept is None else kept + 1
                pos = kept
            t.boost = 1.0
            if keeporiginal:
                t.original = raw
            if positions:
                t.pos = pos
            if chars:
                start = match.start() if match is not None else 0
                end = match.end() if match is not None else len(value)
                t.startchar = start_char + start
                t.endchar = start_char + end
            yield t

    def positions(self, value: str, chars: bool) -> dict[str, list]:
        """Each indexed term of ``value`` with its positions (``chars``: (position, start, end) each), in order.

        What ``__call__`` yields in index mode (stop words removed), grouped
        as Whoosh's ``Positions`` and ``Characters`` formats group it, without
        a Token or a generator frame per word: the writer's hot path
        (``spill.install``). ``tests/index/test_analysis.py`` checks the two agree.
        """
        cache = self._cache
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        seen: dict[str, list] = {}
        parts = value.parts if isinstance(value, QuoteBlocks) else (value,)
        for n, part in enumerate(parts):
            kept = None  # positions as in __call__: each block numbered from its own first kept word
            for raw_pos, match in enumerate(default_pattern.finditer(part), n * QUOTE_GAP):
                raw = match.group(0)
                try:
                    norm = cache[raw]
                except KeyError:
                    norm = cache[raw] = normalise(raw)
                if norm is None:
                    continue
                kept = raw_pos if kept is None else kept + 1
                at = (kept, match.start(), match.end()) if chars else kept
                try:
                    seen[norm].append(at)
                except KeyError:
                    seen[norm] = [at]
        return seen


# Joins the values of one record field (``topics: ["crude", "ship"]``) into the one string Whoosh indexes.
# A control character: ingest cleans them out of every value, so none can hold it.
META_SEP = "\x1f"


def meta_key(value: str) -> str:
    """One record field value as it is indexed and searched: whole, lower case, accents folded, spaces collapsed."""
    return fold_accents(" ".join(value.split()).lower())


class MetaValues(Analyzer):
    """The tokens of a record's own field: one per whole value (``west-germany``, ``salvador, feb 26``).

    A value is a tag or a code, so ``places:west-germany`` finds that value
    and not ``germany``; case and accents do not count. In a query
    (``tokenize=False`` or one word) the text is one value.
    """

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        at = 0
        for n, raw in enumerate(value.split(META_SEP) if tokenize else [value]):
            text = meta_key(raw)
            start, at = at, at + len(raw) + 1
            if not text:
                continue
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = raw
            if positions:
                t.pos = start_pos + n
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + start + len(raw)
            yield t
