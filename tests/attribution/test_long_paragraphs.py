"""A paragraph longer than any news paragraph is read in pieces: linear time, offsets still into the body."""

from __future__ import annotations

import time

from newsgrep.attribution import quotes as quotes_mod
from newsgrep.attribution.quotes import extract_quotes


def test_a_huge_paragraph_of_cues_is_read_in_linear_time():
    """Regression: "Lavrov said, " over 1 MB in one paragraph would have taken about a quarter of an hour."""

    def seconds(n: int) -> float:
        body = "Lavrov said the talks went well, " * n
        started = time.perf_counter()
        found = extract_quotes(body)
        assert found and all(q.text == body[q.start : q.end] for q in found)
        return time.perf_counter() - started

    small, large = seconds(1_000), seconds(8_000)  # 33 KB, 264 KB: both past MAX_PARAGRAPH
    assert large < 20 * small  # 8x the text: about 8x the time, far from the 64x of a quadratic pass


def test_pieces_find_the_quotations_the_whole_finds(monkeypatch):
    """The same spans; only a role noun at the start of a piece loses who it meant (a cost paid by huge paragraphs only)."""
    body = "\n\n".join(f'"Point {n} stands," Lavrov said. The minister added that talk {n} went on.' for n in range(40))
    whole = extract_quotes(body)
    monkeypatch.setattr(quotes_mod, "MAX_PARAGRAPH", 100)  # every paragraph now counts as too long
    monkeypatch.setattr(quotes_mod, "PIECE", 400)
    pieces = quotes_mod._in_pieces(body)
    assert [(q.start, q.end, q.text) for q in pieces] == [(q.start, q.end, q.text) for q in whole]
    assert sum(a.speaker == b.speaker for a, b in zip(pieces, whole, strict=True)) >= 0.8 * len(whole)
