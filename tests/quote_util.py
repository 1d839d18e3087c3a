"""What the attribution tests compare: each quotation as (kind, speaker, cue, text), its offsets checked."""

from __future__ import annotations

from newsgrep.attribution.quotes import extract_quotes


def quotes(body: str) -> list[tuple[str, str, str | None, str]]:
    """(kind, speaker, cue, text) of each quotation, after checking its offsets against the body."""
    out = []
    for q in extract_quotes(body):
        assert body[q.start : q.end] == q.text, (q.start, q.end, q.text)
        out.append((q.kind, q.speaker, q.cue, q.text))
    return out


def said(body: str) -> list[tuple[str, str, str]]:
    """(kind, speaker, text) of each quotation, for tests about who speaks; offsets checked as in ``quotes``."""
    return [(kind, speaker, text) for kind, speaker, _cue, text in quotes(body)]
