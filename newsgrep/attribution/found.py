"""What the passes found: the quotations of one article, and who was speaking where.

Shared by the paragraph reader and the indirect-speech reader, so that a
quotation with no cue of its own can go to the speaker of the indirect speech
just before it.
"""

from __future__ import annotations

import bisect

from ..models import Quote
from .speakers import Entity


class Found:
    """The quotations found so far in one body, and the speaker history."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.out: list[Quote] = []
        self.ind: list[tuple[int, Entity]] = []  # (start, speaker) of each indirect quotation
        self.history: list[tuple[int, Entity]] = []  # (cue offset, speaker) of each attribution
        self.absorbed: set[int] = set()  # opening marks of quotations reported inside an indirect clause

    def current_at(self, pos: int) -> Entity | None:
        """Who was speaking at ``pos``: the speaker of the last attribution before it."""
        i = bisect.bisect_left(self.history, pos, key=lambda h: h[0])
        return self.history[i - 1][1] if i else None

    def emit(self, a: int, b: int, kind: str, ent: Entity, cue: str | None, strip: str) -> None:
        """Record body[a:b] (trimmed of spaces, ``strip`` in front and trailing punctuation)."""
        body = self.body
        while a < b and (body[a].isspace() or body[a] in strip):
            a += 1
        while b > a and (body[b - 1].isspace() or body[b - 1] in (",;:" if kind != "indirect" else ",;:.")):
            b -= 1
        if kind == "indirect" and len(body[a:b].split()) < 3:
            return
        if a < b and not any(q.start == a and q.end == b for q in self.out[-4:]):  # one span, one quotation
            role = None if ent.org else ent.role
            self.out.append(Quote(body[a:b], kind, ent.name, role, cue, a, b))
