"""Who said what: quotations and their speakers, found with regular expressions.

Quotation marks, straight or curly, are paired first and their contents hidden,
so a name or verb inside a quotation is never taken for its speaker. Each
sentence is searched for a cue: a speech verb ("said", "stressed", "pointed
out") or "according to". The speaker is the phrase just before the cue
("Russian Foreign Minister Sergey Lavrov stated", "the ministry said", "he
added") or just after it ("said Lavrov"). A quotation that opens its sentence
is direct; quoted words inside a reporting sentence are partial; a reported
clause without quote marks ("said that ...", "..., Lavrov said", "According to
X, ...") is indirect. A quotation with no cue of its own goes to the nearest
speaker in its paragraph, or continues the previous one; after "Below are
Putin's key statements" every item is Putin's. Within an article, "Lavrov",
"he", "the minister" and "the Russian top diplomat" all become the fullest name
given (Sergey Lavrov): a role noun goes to the latest speaker or person named
whose title fits. Unnamed speakers keep their words ("EC diplomats"). It is a
heuristic: a "he" that means someone else, or a speaker named only in the
headline, is missed or misattributed.
"""

from __future__ import annotations

import dataclasses

from ..models import Article, Quote
from .cues import CUE
from .found import Found
from .marks import MARKS, Marked, fold_doubled_marks, unfold
from .paragraph import ParagraphReader
from .speakers import Speakers, name_key, query_key, speaker_keys

__all__ = ["attach_quotes", "extract_quotes", "name_key", "query_key", "speaker_keys"]


def extract_quotes(body: str) -> list[Quote]:
    """All quotations in an article body, sorted by start offset."""
    if not MARKS.search(body) and not CUE.search(body):
        return []
    folds: list[int] = []
    if "''" in body or "``" in body:
        body, folds = fold_doubled_marks(original := body)
    text = Marked(body)
    quotes = ParagraphReader(text, Speakers(body, text.inside), Found(body)).run()
    if folds:
        quotes = [_unfolded(q, original, folds) for q in quotes]
    return quotes


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
