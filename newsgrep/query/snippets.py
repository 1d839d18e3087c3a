"""Cutting highlighted snippets out of an article body.

Whoosh stores the character offsets of every body token (``chars=True``), so
the words a query matched are located from the index itself, as they appear
in the text ("sanctions" for the stem "sanction"), without analysing the body
again. This module only chooses the passages and re-bases the offsets.
"""

from __future__ import annotations

import bisect
import re

from ..models import Snippet

SNIPPET_CHARS = 220  # about two lines of a terminal
CONTEXT_CHARS = 70  # text kept before the first match of a snippet
MAX_SNIPPETS = 3

_WS = re.compile(r"\s+")


def collapse(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Collapse runs of whitespace to one space, moving ``spans`` with the text.

    Only the span ends are mapped (through the runs before them), not every
    character: a search maps 30 snippets of 220 characters for its 10 hits.
    """
    runs = [(m.start(), m.end()) for m in _WS.finditer(text)]
    starts = [a for a, _b in runs]
    removed = [0]  # characters dropped before the end of each run
    for a, b in runs:
        removed.append(removed[-1] + b - a - 1)

    def moved(i: int) -> int:
        """Where character ``i`` lands; a character inside a run lands on its one space."""
        k = bisect.bisect_right(starts, i) - 1
        if k >= 0 and i < runs[k][1]:
            return runs[k][0] - removed[k]
        return i - removed[k + 1]

    new = [(moved(s), moved(e - 1) + 1) for s, e in spans if e > s]
    return _WS.sub(" ", text), new


# Words that end in a full stop without ending a sentence: "U.S. officials", "Mr. Shultz", "Jan. 5".
_ABBREVIATIONS = frozenset(
    " ".join(
        (
            "mr mrs ms dr st sen rep gov gen lt col capt sgt adm prof rev jr sr no nos vs etc co corp inc ltd bros",
            "jan feb mar apr jun jul aug sep sept oct nov dec mt ft",
        )
    ).split()
)
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z]\.")  # U.S., p.m., an initial ("B. Jay Cooper")
_CLOSED = re.compile(r"[.!?…][\"'”’»)\]]*$")
_OPENS = re.compile(r"[\"'“‘«(\[]?[A-Z0-9]")
LOOKBACK = 40  # how far before its context a passage looks for a sentence to start with


def ends_sentence(text: str, end: int) -> bool:
    """Whether ``text[:end]``, trailing spaces aside, ends a sentence (not an abbreviation's full stop)."""
    tail = text[max(0, end - 60) : end].rstrip()
    closed = _CLOSED.search(tail)
    if closed is None:
        return False
    if tail[closed.start()] != ".":
        return True
    word = tail[: closed.start() + 1].rsplit(None, 1)[-1].lstrip("\"'“‘«([")
    return not (word[:-1].lower() in _ABBREVIATIONS or _DOTTED.fullmatch(word))


def starts_unit(text: str, pos: int) -> bool:
    """Whether ``pos`` begins the text, a paragraph or a sentence: nothing of its sentence comes before it."""
    before = text[max(0, pos - 60) : pos]
    if not before.strip():
        return pos <= len(before) or "\n\n" in before
    gap = before[len(before.rstrip()) :]
    return "\n\n" in gap or ends_sentence(text, pos)


def _word_start(text: str, pos: int, floor: int = 0) -> int:
    """Move ``pos`` back to a sentence start nearby, else to the start of its word; never before ``floor``.

    A paragraph that starts within ``LOOKBACK`` characters is taken whole from
    its start. A full stop after an abbreviation ("Two U.S. government
    agencies") starts no sentence, or the passage would start in the middle
    of one.
    """
    lo = max(floor, pos - LOOKBACK)
    if lo == floor:
        return floor
    found = -1
    for space in _WS.finditer(text, lo, pos):
        after = space.end()
        if after <= pos and _OPENS.match(text, after) and ends_sentence(text, space.start()):
            found = after
    if found >= 0:
        return found
    while pos > floor and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _word_end(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos


def _passage(body: str, start: int, end: int, group: list[tuple[int, int]]) -> Snippet:
    """``body[start:end]`` as a snippet: whitespace collapsed, matches re-based, and whether it was
    cut out of a sentence at either end (where the output shows "…")."""
    raw = body[start:end]
    lead = len(raw) - len(raw.lstrip())
    raw = raw.strip()
    local = [(s - start - lead, e - start - lead) for s, e in group]
    text, local = collapse(raw, local)
    space = _WS.match(body, end)
    after = space.end() if space else end  # where the text goes on
    cut_before = bool(text) and not starts_unit(body, start + lead)
    cut_after = bool(text) and after < len(body) and not starts_unit(body, after)
    return Snippet(text, [list(span) for span in local], cut_before, cut_after)


def make_snippets(
    body: str,
    spans: list[tuple[int, int]],
    *,
    max_snippets: int = MAX_SNIPPETS,
    size: int = SNIPPET_CHARS,
) -> list[Snippet]:
    """Up to ``max_snippets`` passages of ``body`` around ``spans``: those with the most distinct
    matched words, in the order of the article.

    Passages never overlap: a passage starts no earlier than the previous one
    ends (the context before its first match is cut short instead), and two
    chosen passages that meet in a paragraph become one, so no words are shown
    twice and none is cut in half between two lines of output. A passage the
    article repeats word for word (a paragraph filed twice) is shown once, and
    the next best passage takes its place.

    With no spans (a title-only or filter-only match) the opening of the body is returned.
    """
    spans = sorted(set(spans))
    if not spans:
        return [_passage(body, 0, _word_end(body, min(len(body), size)), [])]
    windows: list[tuple[int, int, list[tuple[int, int]]]] = []
    i = 0
    while i < len(spans):
        # A snippet stays inside the paragraph of its first match.
        para_start = body.rfind("\n\n", 0, spans[i][0])
        para_start = 0 if para_start < 0 else para_start + 2
        para_end = body.find("\n\n", spans[i][1])
        para_end = len(body) if para_end < 0 else para_end
        start = _word_start(body, max(para_start, spans[i][0] - CONTEXT_CHARS), para_start)
        if windows:  # never back into the previous passage: its words would be shown twice
            start = max(start, windows[-1][1])
        limit = min(para_end, start + size)
        group = [spans[i]]
        i += 1
        while i < len(spans) and spans[i][0] < limit:
            group.append(spans[i])
            i += 1
        last = max(e for _s, e in group)
        end = para_end if limit >= para_end else min(para_end, _word_end(body, max(limit, last)))
        end = max(end, last)
        while i < len(spans) and spans[i][0] < end:  # a match the word end reached into
            group.append(spans[i])
            end = max(end, spans[i][1])
            i += 1
        windows.append((start, end, group))
    best = sorted(windows, key=lambda w: (-len({body[s:e].lower() for s, e in w[2]}), -len(w[2]), w[0]))
    picked: list[tuple[int, int, list[tuple[int, int]]]] = []
    shown: set[str] = set()
    for window in best:
        if len(picked) == max_snippets:
            break
        words = " ".join(body[window[0] : window[1]].split()).casefold()
        if words in shown:
            continue  # the article says it twice (a paragraph filed twice): show it once
        picked.append(window)
        shown.add(words)
    chosen: list[tuple[int, int, list[tuple[int, int]]]] = []
    for start, end, group in sorted(picked, key=lambda w: w[0]):
        gap = body[chosen[-1][1] : start] if chosen else "x"
        if not gap.strip() and "\n\n" not in gap:
            # The passage goes on where the previous one stopped: one passage, not two halves.
            chosen[-1] = (chosen[-1][0], end, chosen[-1][2] + group)
        else:
            chosen.append((start, end, group))
    return [_passage(body, start, end, group) for start, end, group in chosen]


def title_matches(title: str, terms: list[bytes], phrases: list[list[bytes]] = ()) -> list[list[int]]:
    """[start, end) offsets of the query's words in ``title``, as a hit's snippets mark the body's.

    The title field stores no character offsets (a body's are read from its
    postings), so the title, a line of a few words, is analysed again with
    the index's own analyzer: the marks are the words the index matched, by
    the same stemming and folding.
    """
    if not terms and not phrases:
        return []
    from ..index.schema import ANALYZER

    occurrences: dict[bytes, list[tuple[int, int, int]]] = {}
    for token in ANALYZER(title, positions=True, chars=True):
        occurrences.setdefault(token.text.encode("utf-8"), []).append((token.pos, token.startchar, token.endchar))
    return [list(span) for span in sorted(set(_spans(occurrences, terms, phrases)))]


def term_spans(
    searcher, docnum: int, field: str, terms: list[bytes], phrases: list[list[bytes]] = ()
) -> list[tuple[int, int]]:
    """Character spans of what matched in one document, read from the postings."""
    return hits_spans(searcher, [docnum], field, terms, phrases)[docnum]


def hits_spans(
    searcher, docnums: list[int], field: str, terms: list[bytes], phrases: list[list[bytes]] = (), occurrences=None
) -> dict[int, list[tuple[int, int]]]:
    """Character spans of what matched in each of ``docnums``, read from the postings.

    One pass per term over the hits in document order: Whoosh's postings can
    only move forward, block by block, so a fresh walk per hit would read a
    common word's block headers once for every hit. ``occurrences(field,
    term, docnum)``, when given (the server's engine), jumps to the block
    instead. A word that matched only as part of a phrase is marked only
    where the whole phrase occurs, not wherever the word does.
    """
    found: dict[int, dict[bytes, list[tuple[int, int, int]]]] = {d: {} for d in docnums}
    wanted = set(terms) | {w for phrase in phrases for w in phrase}
    for term in wanted:
        if occurrences is not None:
            for docnum in docnums:
                value = occurrences(field, term, docnum)
                if value is not None:
                    found[docnum][term] = value
            continue
        try:
            matcher = searcher.postings(field, term)
        except Exception:  # noqa: BLE001 - term absent from this field
            continue
        for docnum in sorted(docnums):
            if not matcher.is_active():
                break
            matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                found[docnum][term] = matcher.value_as("characters")
    return {d: _spans(found[d], terms, phrases) for d in docnums}


def _spans(occurrences, terms, phrases) -> list[tuple[int, int]]:
    phrase_words = {w for phrase in phrases for w in phrase}
    spans = [(s, e) for t in terms if t not in phrase_words for _p, s, e in occurrences.get(t, ())]
    for phrase in phrases:
        at = [{p: (s, e) for p, s, e in occurrences.get(w, ())} for w in phrase]
        for pos, (start, _end) in at[0].items() if at else ():
            if all(pos + k in at[k] for k in range(1, len(phrase))):
                spans.append((start, at[-1][pos + len(phrase) - 1][1]))
    return spans
