"""Speech named by a noun and its owner: "his promise to ...", "Trump's vow that ...", "her warning that ...".

The owner (a possessive pronoun or a name with 's) speaks; what follows the noun is what was said, to the
end of its clause. Only a promise, a vow or a warning, only after an owner, and only before "that" or
"to <verb>". On PolNeAR train, "his call for ..." and "her claim that ..." were a speech attribution about
half the time (the stance is more often what someone else's words are about: "attacked Trump's call for a
ban"), so they are left out; a promise, a vow or a warning was one each time (7 of 7).
"""

from __future__ import annotations

import re

from .cues import Cue
from .speakers import Ref, Speakers, parse_phrase

_NOUN_CUE = re.compile(
    r"\b(?P<own>[Hh]is|[Hh]er|[Tt]heir|(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][\w.-]*?['’]s?)\s+"
    r"(?P<noun>promises?|vows?|warnings?)"
    r"(?:\s+(?:in|on|last|this)\s+[A-Z]?[a-z]+)?"  # "his promise in May that"
    r"\s+(?P<lead>that|to)\s+(?P<next>[\w’'-]+)"
)
_GATE = re.compile(r"promise|vow|warning")  # most sentences have none: skip them before the full pattern
_OWNERS = {"his": "he", "her": "she", "their": "they"}
_NOT_VERB = {"the", "a", "an", "his", "her", "their", "its", "be", "this", "that", "him", "them", "me", "us", "what"}


def noun_cues(m: str, sp: Speakers, s: int, e: int, taken: list[Cue]) -> list[Cue]:
    """The noun cues of the sentence ``m[s:e]`` whose owner resolves to someone, outside the spans of the
    cues already ``taken`` (their speaker phrases)."""
    out: list[Cue] = []
    if not _GATE.search(m, s, e):
        return out
    for mt in _NOUN_CUE.finditer(m, s, e):
        own, noun, lead = mt.group("own"), mt.group("noun"), mt.group("lead")
        nxt = mt.group("next")
        if lead == "to" and (noun.startswith("warning") or nxt.lower() in _NOT_VERB or not nxt.islower()):
            continue  # "her promise to the voters", "his warning to Smith": not an infinitive
        if any(c.np_start <= mt.start() < max(c.np_end, c.end) for c in taken):
            continue
        if own.lower() in _OWNERS:
            ref: Ref | None = Ref("pronoun", words=(_OWNERS[own.lower()],))
        else:
            words = re.sub(r"['’]s?$", "", own).split()
            ref = parse_phrase(words) if words and words[-1][:1].isupper() else None
            if ref is None or ref.kind not in ("name", "org"):
                continue
        ent = sp.resolve(ref, mt.start())
        if ent is None:
            continue
        a = mt.start("lead") if lead != "that" else mt.start("next")
        cue = Cue(mt.start("noun"), a, noun, "noun", mt.start(), mt.end("own"), "", ref, ent)
        out.append(cue)
    return out
