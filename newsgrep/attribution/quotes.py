"""Who said what: quotations and their speakers, found with rules; the public entry points.

The work is done in passes, one module each:

* ``marks.Marked``: paragraphs, quotation marks paired (straight, curly,
  guillemets, single marks where a paragraph has no double ones) and their
  contents masked, sentences. ``''`` and ````` ``, the marks of New York Times
  text, are folded to ``"`` here first and the offsets mapped back; curly marks
  typed the wrong way round are turned (``marks.turn_marks``).
* ``cues.CueReader``: speech verbs, participles, "according to" and relays,
  and the speaker phrase before or after each.
* ``paragraph.ParagraphReader``: which quotation is whose, direct or partial.
* ``indirect.IndirectReader``: reported clauses without quotation marks.
* ``speakers.Speakers``: names, roles, pronouns and unnamed speakers resolved
  within the article; ``found.Found`` collects the results.

Other packages import ``extract_quotes``, ``attach_quotes``, ``speaker_keys``,
``name_key`` and ``query_key`` from here.
"""

from __future__ import annotations

import dataclasses

from ..models import Article, Quote
from .cues import CUE
from .found import Found
from .marks import MARKS, Marked, fold_doubled_marks, turn_marks, unfold
from .paragraph import ParagraphReader
from .speakers import Speakers, name_key, query_key, speaker_keys
from .wire import after, fold_abbreviation_caps, mask_party_tags, nested_in_direct, titled_surnames

__all__ = ["attach_quotes", "extract_quotes", "name_key", "query_key", "speaker_keys"]


# No news paragraph is this long. One that is (a body with no breaks, a hostile file) is read a
# piece at a time: the passes over one paragraph grow with the square of its cues, and
# "Lavrov said, " repeated over 1 MB would take a quarter of an hour.
MAX_PARAGRAPH = 20_000
PIECE = 5_000


def extract_quotes(body: str) -> list[Quote]:
    """All quotations in an article body, sorted by start offset."""
    if not MARKS.search(body) and not CUE.search(body):
        return []
    if len(body) > MAX_PARAGRAPH and any(len(p) > MAX_PARAGRAPH for p in body.split("\n\n")):
        return _in_pieces(body)
    return _extract(body)


def _in_pieces(body: str) -> list[Quote]:
    """``_extract`` on pieces of at most about ``PIECE`` characters, cut after a sentence or a paragraph."""
    found: list[Quote] = []
    start = 0
    while start < len(body):
        end = min(start + PIECE, len(body))
        if end < len(body):
            cut = max(body.rfind("\n\n", start, end), body.rfind(". ", start, end))
            end = cut + 2 if cut > start else end
        found += [dataclasses.replace(q, start=q.start + start, end=q.end + start) for q in _extract(body[start:end])]
        start = end
    return found


def _extract(body: str, nested: bool = True) -> list[Quote]:
    folds: list[int] = []
    if "''" in body or "``" in body:
        body, folds = fold_doubled_marks(original := body)
    read = mask_party_tags(body)  # wire.py: "Byrd (Democrat) of West Virginia said" is Byrd
    read = fold_abbreviation_caps(read)  # wire.py: Reuters' "The U.S. Said" is "The U.S. said"
    read = turn_marks(read)  # '”We lost,“ she said': marks typed the wrong way round
    text = Marked(read)
    speakers = Speakers(read, text.inside)
    titled_surnames(speakers, read, text.inside)  # wire.py: "President Reagan ... He said"
    quotes = ParagraphReader(text, speakers, Found(read)).run()
    if read != body:
        quotes = [dataclasses.replace(q, text=body[q.start : q.end]) for q in quotes]
    if folds:
        quotes = [_unfolded(q, original, folds) for q in quotes]
    quotes = after(quotes, body)  # wire.py: bare role nouns named, "asked not to be identified" dropped
    if not nested or not any(q.kind == "direct" for q in quotes):
        return quotes
    return nested_in_direct(quotes, body, lambda text: _extract(text, nested=False))  # wire.py: one level only


def _unfolded(q: Quote, body: str, folds: list[int]) -> Quote:
    start, end = unfold(q.start, folds), unfold(q.end, folds)
    return dataclasses.replace(q, text=body[start:end], start=start, end=end)


def attach_quotes(article: Article) -> Article:
    """The article with ``quotes`` filled in, and ``speakers`` unless given by metadata."""
    quotes = tuple(extract_quotes(article.body))
    speakers = article.speakers
    if article.speakers_from != "metadata":
        seen: dict[str, str] = {}
        for q in quotes:
            seen.setdefault(name_key(q.speaker), q.speaker)
        speakers = tuple(seen.values())
    return dataclasses.replace(article, quotes=quotes, speakers=speakers)
