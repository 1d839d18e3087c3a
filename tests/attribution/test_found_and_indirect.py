"""found.Found (what was found, and who was speaking where) and indirect.IndirectReader."""

from __future__ import annotations

from newsgrep.attribution.cues import CueReader
from newsgrep.attribution.found import Found
from newsgrep.attribution.indirect import IndirectReader
from newsgrep.attribution.marks import Marked
from newsgrep.attribution.speakers import Entity


def test_emit_trims_and_drops_short_indirect_clauses():
    body = ",  the plan will work;  and  no."
    found = Found(body)
    ent = Entity("Ann Lee")
    found.emit(0, 23, "indirect", ent, "said", ",;:— ")
    found.emit(24, len(body), "indirect", ent, "said", " ")  # two words: not a clause
    (q,) = found.out
    assert (q.text, q.start, q.end, q.kind, q.speaker) == ("the plan will work", 3, 21, "indirect", "Ann Lee")


def test_current_at_is_the_last_speaker_before():
    found = Found("")
    a, b = Entity("Ann Lee"), Entity("Bob Ray")
    found.history += [(10, a), (50, b)]
    assert (found.current_at(5), found.current_at(20), found.current_at(60)) == (None, a, b)


def test_indirect_reader_reports_the_clause_after_said_that():
    body = "Ann Lee said that the budget would pass next week."
    text = Marked(body)
    reader = CueReader(text)
    found = Found(body)
    (cue,) = reader.cues(0, len(body))
    cue.entity = Entity("Ann Lee")
    IndirectReader(text, reader, found).find(0, len(body), [cue], [])
    (q,) = found.out
    assert (q.text, q.kind, q.cue) == ("the budget would pass next week", "indirect", "said")
    assert found.ind == [(q.start - 1, cue.entity)]
