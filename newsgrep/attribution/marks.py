"""Quotation marks and sentences: the first pass over an article body.

Quotation marks are paired within each paragraph and their contents masked
with ``~`` in a copy of the body (``Marked.m``, same length, same offsets), so
that no later pass takes a name or a verb inside a quotation for a speaker or a
cue. Sentences are cut on the masked copy, so a full stop inside a quotation
never ends the sentence around it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .speakers import wordset

MARKS = re.compile(r"[\"“”«»„]")
_OPEN, _CLOSE = "“«„", "”»"
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_TOKEN = re.compile(r"~+|[^\W\d_][\w'’.\-]*|\d(?:[\w.,\-]*\w)?%?|[^\w\s]")
_LAST_WORD = re.compile(r"([\w.]+)$")
_SPACE = re.compile(r"\s+")
_ALPHA = re.compile(r"[A-Za-z]+")
_SENT_END = re.compile(r"[.!?]+[\"”»)\]]*\s+")
_SENT_START = re.compile(r"[\"“«(\[]?[A-Z0-9]")
_INITIAL = re.compile(r"[a-z]|(?:[a-z]\.)+[a-z]")
TITLE_ABBREV = wordset(
    "mr mrs ms dr sen sens rep reps gov govs lt gen col sgt capt cmdr adm atty supt rev prof pres gen"
)
_ABBREV = TITLE_ABBREV | wordset("st jr sr no jan feb aug sept oct nov dec vs etc approx")
_STARTERS = wordset(
    "In The This It We He She They But And So As At On For However Meanwhile Moreover Also Still There "
    "These That Those Then Now Today According"
)


_OPENS_ONLY = wordset("He She They It We I The")
# Three marks after a word close a single quotation and then the double one ("'Oh, no,''' he said"):
# the first is the single mark, the last two the double.
_DOUBLED = re.compile(r"(?<=[^\s'])'''|''|``")


def fold_doubled_marks(body: str) -> tuple[str, list[int]]:
    """``''`` and ````` ``, the quotation marks of New York Times text, as one ``"`` and ``“``.

    Returns the folded text and, for each fold, its offset in the folded text;
    ``unfold`` maps folded offsets back to ``body``.
    """
    out, at, last = [], [], 0
    for shift, m in enumerate(_DOUBLED.finditer(body)):
        i = m.start() + (len(m.group()) == 3)  # of three marks, the last two are the double one
        out += [body[last:i], "“" if m.group() == "``" else '"']
        at.append(i - shift)
        last = m.end()
    out.append(body[last:])
    return "".join(out), at


_TURNED = re.compile(
    r"(?:^|(?<=\n))(?:[^\S\n]|[\u200b-\u200f\u202a-\u202e\u2060\ufeff])*”(?=\w|\s?(?:…|\.\.\.)\s?\w)|(?<=[,.!?…])“(?=\s|$)"
)
_CURLY = re.compile(r"[“”\n]")


def turn_marks(body: str) -> str:
    """``body`` with curly marks typed the wrong way round turned (same length, same offsets): a closing
    mark that opens a paragraph before a word ('”Sorry, we lost,” she wrote'), and an opening one after a
    quotation's punctuation, before a space, where a quotation is open ('“We lost,“ she said')."""
    if ("”" not in body and "“" not in body) or not _TURNED.search(body):
        return body  # the substring tests first: the pattern's lookbehinds cost ~60 µs a body
    out = list(body)
    open_ = False  # is a curly quotation open in this paragraph?
    for m in _CURLY.finditer(body):
        i, ch = m.start(), m.group()
        if ch == "\n":
            open_ = False
        elif ch == "”" and not open_ and (t := _TURNED.match(body, body.rfind("\n", 0, i) + 1)) and t.end() > i:
            out[i], open_ = "“", True
        elif ch == "“" and open_ and _TURNED.match(body, i):
            out[i], open_ = "”", False
        else:
            open_ = ch == "“"
    return "".join(out)


def unfold(pos: int, at: list[int]) -> int:
    """The offset in the original body of offset ``pos`` of the folded text."""
    return pos + bisect.bisect_left(at, pos)


@dataclass
class Q:
    """One pair of quotation marks."""

    open: int  # offset of the opening mark
    close: int  # offset of the closing mark, or the paragraph end if unclosed
    keep: bool = True  # False for scare quotes and names in quotation marks


_WORD_BEFORE = re.compile(r"[\w,]\s*$")


def _embedded(m: str, ps: int, at: int) -> bool:
    """Does the quotation opening at ``at`` follow words of its sentence ('He called it "a disgrace."')?"""
    return bool(_WORD_BEFORE.search(m, max(ps, at - 3), at))


def tokenize(text: str, lo: int, hi: int) -> tuple[list[int], list[str]]:
    """(offsets, tokens) of text[lo:hi]; a word's final full stop is a token of its own, but not an initial's."""
    starts, toks = [], []
    for m in _TOKEN.finditer(text, lo, hi):
        tok = m.group()
        if tok[-1] == "." and not _INITIALS.fullmatch(tok):
            tok = tok.rstrip(".")
            if (tok.lower() in TITLE_ABBREV or tok in ("Jr", "Sr")) and tok[:1].isupper():  # "Sen. Tim Kaine", "Jr."
                starts.append(m.start())
                toks.append(tok)
                continue
            starts += [m.start(), m.start() + len(tok)]
            toks += [tok, "."]
            continue
        starts.append(m.start())
        toks.append(tok)
    return starts, toks


# A straight mark inside a word, before the ending of a contraction or possessive: an
# apostrophe that became a quotation mark (Reuters-21578's ``That"s``, ``country"s``).
_APOSTROPHE = re.compile(r'(?<=[A-Za-z])"(?=(?i:s|t|d|m|ll|re|ve)(?![A-Za-z]))')


def pair_marks(body: str, ps: int, pe: int) -> list[Q]:
    """The quotations of the paragraph body[ps:pe]: curly marks nest, straight ones alternate.

    A straight mark that stands for an apostrophe (``That"s``) is skipped: taken as a mark,
    it opened a quotation that turned the narration after it into quoted words."""
    out: list[Q] = []
    start, curly, depth, inner = -1, False, 0, 0
    for m in MARKS.finditer(body, ps, pe):
        i, ch = m.start(), m.group()
        if ch == '"' and _APOSTROPHE.match(body, i):
            continue
        if start < 0:
            if ch not in _CLOSE:
                start, curly, depth, inner = i, ch != '"', 1, 0
        elif curly and ch in _OPEN:
            depth += 1
        elif not curly and ch in _OPEN and not body[start + 1 : i].strip():
            start, curly = i, True  # '"“We won,” he said."': the curly pair is the quotation
        elif not curly and ch in _OPEN:
            inner += 1  # '"... “Equal Justice” ..."': curly marks inside straight ones pair among themselves
        elif not curly and ch in _CLOSE and inner:
            inner -= 1
        else:
            depth -= 1
            if depth == 0 or not curly:
                if i > start + 1 and body[start + 1 : i].strip():
                    out.append(Q(start, i))
                start = -1
    if start >= 0 and body[start + 1 : pe].strip():
        out.append(Q(start, pe))
    return out


# The mark, then a look-behind over it and the character before (none at the start of the text):
# the search skips to the next mark in C instead of trying both look-behinds at every offset.
_SINGLE_OPEN = re.compile(r"[‘'](?<![^\s(\[—–].)(?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…])[’'](?=[\s.,;:!?)\]—–]|$)")


def pair_single(body: str, ps: int, pe: int) -> list[Q]:
    """Single quotation marks (‘...’ or '...') as a paragraph's only marks: an opening mark
    after a space, before a letter; a closing one after a letter or punctuation, before a
    space or punctuation. An apostrophe (don’t, Russia’s, the voters’ choice) opens nothing."""
    out: list[Q] = []
    at = ps
    while True:
        o = _SINGLE_OPEN.search(body, at, pe)
        if not o:
            return out
        c = _SINGLE_CLOSE.search(body, o.end() + 1, pe)
        if not c:
            return out
        if len(body[o.end() : c.start()].split()) >= 2:  # 'rock 'n' roll' and single words are no quotations
            out.append(Q(o.start(), c.start()))
        at = c.end()


def _ends_before(w: str, m: str, j: int) -> bool:
    """Does a sentence end after the dotted abbreviation ``w`` ("7 p.m.", "the U.S."), as it does when a word
    that cannot follow it inside a sentence comes next ("He", "The")? Not before "And", "In" or "This": text
    cased as Reuters-21578's writes "the U.S. And Japan". A single initial ("John F.") never ends one."""
    if "." not in w:
        return False
    nxt = _ALPHA.match(m, j)
    return bool(nxt) and nxt.group() in _OPENS_ONLY


class Marked:
    """A body cut into paragraphs, its quotations paired, and the masked copy ``m``."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.paras: list[tuple[int, int]] = []
        pos = 0
        for part in body.split("\n\n"):
            if part.strip():
                self.paras.append((pos, pos + len(part)))
            pos += len(part) + 2
        self.quotes = [
            pair_marks(body, ps, pe) if MARKS.search(body, ps, pe) else pair_single(body, ps, pe)
            for ps, pe in self.paras
        ]
        chunks, last = [], 0
        self._spans: list[tuple[int, int]] = []
        for qs in self.quotes:
            for q in qs:
                chunks += [body[last : q.open + 1], "~" * (q.close - q.open - 1)]
                last = q.close
                self._spans.append((q.open, q.close))
        self.m = "".join(chunks) + body[last:]
        self._starts = [s for s, _ in self._spans]
        self._tok_para, self._tok_starts, self._tok_list = (0, -1), [], []

    def inside(self, pos: int) -> bool:
        """Is ``pos`` inside a pair of quotation marks?"""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and self._spans[i][0] < pos < self._spans[i][1]

    def tokens(self, lo: int, hi: int) -> list[tuple[int, str]]:
        """The tokens of the masked text between lo and hi (tokenised once per paragraph)."""
        if not (self._tok_para[0] <= lo and hi <= self._tok_para[1]):
            k = bisect.bisect_right(self.paras, lo, key=lambda p: p[0]) - 1
            para = self.paras[k] if k >= 0 and hi <= self.paras[k][1] else (lo, hi)
            self._tok_para = para
            self._tok_starts, self._tok_list = tokenize(self.m, *para)
        i = bisect.bisect_left(self._tok_starts, lo)
        j = bisect.bisect_left(self._tok_starts, hi, i)
        while j > i and self._tok_starts[j - 1] + len(self._tok_list[j - 1]) > hi:
            j -= 1
        return list(zip(self._tok_starts[i:j], self._tok_list[i:j], strict=True))

    def sentences(self, ps: int, pe: int, qs: list[Q], np_starts: set[int]) -> list[tuple[int, int]]:
        """The sentences of paragraph [ps, pe), as (start, end); a quotation followed by a new
        sentence ends one, unless a speaker phrase (starting at one of ``np_starts``) follows it."""
        m, body = self.m, self.body
        cut = []
        for mt in _SENT_END.finditer(m[ps:pe]):
            i, j = ps + mt.start(), ps + mt.end()
            if not _SENT_START.match(body, j, j + 2):
                continue
            word = _LAST_WORD.search(m, max(ps, i - 40), i)
            w = word.group(1).lower() if word else ""
            if w in _ABBREV or (_INITIAL.fullmatch(w) and not _ends_before(w, m, j)):
                continue
            cut.append(j)
        for q in qs:
            if q.close >= pe:
                continue
            nxt = _SPACE.match(m, q.close + 1, pe)
            if not nxt:
                continue
            after = nxt.end()
            ended = body[q.close - 1] in ".!?…"
            if after >= pe or (after in np_starts and not (ended and _embedded(m, ps, q.open))):
                continue  # '"We won." Sanders said' is one sentence; 'He said it "failed." Sanders said' two
            word = _ALPHA.match(m, after, pe)
            if (ended and (m[after] in '"“«' or m[after].isupper())) or (word and word.group() in _STARTERS):
                cut.append(after)
        edges = [ps, *sorted(set(cut)), pe]
        return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if a < b]
