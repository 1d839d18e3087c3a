"""Cues and their speakers: the speech verbs of a paragraph, and the phrase that names who spoke.

A cue is a speech verb ("said", "stressed", "pointed out"), a participle
("adding", "saying"), or "according to". Its speaker phrase is read just before
it ("Russian Foreign Minister Sergey Lavrov stated", "the ministry said", "he
added") or just after it ("said Lavrov", "said one diplomat who ..."), on the
masked text, so words inside quotation marks are never read. Phrases are parsed
(``speakers.parse_phrase``) but not resolved: that needs the article's people.
"""

from __future__ import annotations

import dataclasses
import re

from .marks import Marked
from .speakers import (
    GROUP_NOUNS,
    INDEFINITE,
    PRONOUNS,
    ROLE_HEADS,
    STOP_CAPS,
    Entity,
    Ref,
    parse_phrase,
    role_of,
    wordset,
)

_SAY = (
    r"said|says|stated|noted|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|added|adds|"
    r"continued(?!\s+to\b)|continues(?!\s+to\b)|pointed\s+out|points\s+out|told|tells|remarked|explained|"
    r"explains|recalled|recalls|concluded(?!\s+(?:a|an|the|contracts?|agreements?|deals?|treat(?:y|ies))\b)|"
    r"argued|argues|claimed|asserted|insisted|insists|observed|wrote|writes|commented|underlined|"
    r"underlines|underscored|highlighted|reiterated|acknowledged|admitted|replied|answered|responded|"
    r"specified|clarified|went\s+on|summed\s+up|opined|quipped|lamented|complained|conceded|contended|"
    r"recounted|elaborated|described|believes|thinks|say|asserts?|Said|(?:was\s+)?quoted\s+as\s+saying"
)
_STRICT = (
    r"declared|declares|confirmed|confirms|suggested|suggests|announced|announces|reported|"
    r"informed|indicated|mentioned|assured|promised|vowed|disclosed|revealed|predicted|estimated|"
    r"agreed|denied|urged|asked|proclaimed|warned|warns|maintained|maintains|reminded|believed|hoped|"
    r"expressed\s+(?:the\s+)?(?:confidence|hope|regret|concern|doubt|belief|conviction|certainty)"
)
_PART = (
    r"adding|noting|stressing|emphasi[sz]ing|saying|pointing\s+out|recalling|explaining|stating|"
    r"warning|underlining|insisting|arguing|observing|remarking|reiterating|concluding|specifying|"
    r"underscoring|highlighting|expressing\s+(?:the\s+)?(?:confidence|hope)"
)


def _gate(*alternatives: str) -> str:
    """A lookahead on the first two letters of every cue: skips most words without trying each cue."""
    heads = {"qu", "ac", "Ac", "in", "In"}
    for piece in "|".join(alternatives).split("|"):
        piece = piece.lstrip("(?:")
        if piece[:2].isalpha():
            heads.add(piece[:2])
    return "(?=" + "|".join(sorted(heads)) + ")"


CUE = re.compile(
    rf"\b{_gate(_SAY, _STRICT, _PART)}(?:(?P<acc>(?i:according\s+to|in\s+(?:his|her|its|their)\s+(?:words|view|opinion)))|(?P<part>{_PART})|(?P<say>{_SAY})|(?P<strict>{_STRICT}))\b"
)
INNER_CUE = re.compile(rf"(?:[a-z]+ly\s+)?({_SAY}|{_STRICT})\b")
_ASIDE = re.compile(
    r",\s*(?:in\s+turn|for\s+(?:his|her|its|their)\s+part|meanwhile|however|too|also|though|"
    r"(?:who|which)\s+[^,~\"“”]{1,80}?)\s*,\s*$"
)
_APPOSITIVE = re.compile(r",\s*([^,~\"“”]{2,80}?)\s*,\s*$")
_QUOTED_AS = re.compile(r"\bquoted\s+([^,.;~\"“”]{1,60}?)\s+as\s+saying\b")
_ACC_STOP = re.compile(r"[,.;:\"“”«»~(]")
_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")
_APPOSITION_AFTER = re.compile(r",\s*((?:the\s+)?[^,.;:\"“”~]{3,80})")
ASIDE_GAP = re.compile(r"\s*,[^,~\"“”]{1,80},\s*")
_THAT = re.compile(r"\bthat\b")
_GAP_STOP = re.compile(r"[.;:~\"“”]")
FIRST = re.compile(r"\s*([\w'’-]+|[^\w\s])?")
PAREN = re.compile(r"[^,]*,\s*(?!(?:" + _PART + r")\b)\S")
_SKIP = wordset(
    "has have had was were is are also further again then later once repeatedly previously earlier already "
    "recently reportedly specifically publicly firmly separately additionally moreover explicitly clearly "
    "once more even just only subsequently"
)
_NP_LOWER = (
    wordset(
        "radio television tv agency newspaper "
        "the a an its his her their of to for top chief foreign deputy senior former acting first vice press "
        "special presidential permanent high state diplomacy affairs defense defence security emergencies "
        "economic joint official officials diplomats newspaper daily weekly outlet magazine"
    )
    | ROLE_HEADS
    | wordset("ministry department agency office embassy statement document")
)
PREPS = wordset(
    "on in at during after before while when with to for via through following from upon earlier later "
    "last this yesterday today recently previously as about of over by many once repeatedly also again "
    "monday tuesday wednesday thursday friday saturday sunday tonight"
)
_EDGE = wordset("the a an one another some several")
FUNCTION = wordset(
    "the a an of to and or but that which who whom by in on for with from as at is was were are has have had be "
    "been not no it its their his her this these those there here said says also when while after before than"
)
TOLD = wordset("told tells informed assured reminded warned urged asked")
_BARE = wordset("said says say believes thinks")
_TOLD_OBJ = re.compile(
    r"\s+(?:(?:the|a)\s+)?(?:reporters|journalists|newsmen|correspondents|media|press|lawmakers|"
    r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})(?=\s)"
)
_NOT_CLAUSE = wordset("that nothing so yes goodbye hello something little much more this it")


@dataclasses.dataclass
class Cue:
    start: int
    end: int
    verb: str
    kind: str  # "say" | "strict" | "part" | "acc"
    np_start: int = -1  # where the speaker phrase starts (for "said Lavrov": the cue itself)
    np_end: int = -1
    left: str = ""  # the token before the speaker phrase: "," "—" a quote mark, or "" at sentence start
    ref: Ref | None = None
    entity: Entity | None = None
    used: bool = False  # attributes a direct quotation


def bare_ok(word: str) -> bool:
    """Can ``word`` start the clause after a bare "said"?"""
    low = word.lower()
    return word[:1].isalpha() and low not in PREPS and low not in _NOT_CLAUSE


def is_head(tok: str) -> bool:
    """A lower-case noun that can end a speaker phrase: "analysts", "spokesman"."""
    low = tok.lower()
    return tok.islower() and (low in ROLE_HEADS or low in GROUP_NOUNS or low.rstrip("s") in ROLE_HEADS)


def np_allowed(tok: str) -> bool:
    low = tok.lower()
    if tok[:1].isupper():
        return low not in STOP_CAPS or low in ("the", "a", "an")
    return low in _NP_LOWER or low in INDEFINITE


class CueReader:
    """Finds the cues of a paragraph and reads their speaker phrases, on the masked text."""

    def __init__(self, text: Marked) -> None:
        self.text = text
        self.m = text.m
        self._tokens = text.tokens

    def cues(self, ps: int, pe: int) -> list[Cue]:
        m = self.m
        cues = []
        for mt in CUE.finditer(m, ps, pe):
            kind = mt.lastgroup or "say"
            cue = Cue(mt.start(), mt.end(), re.sub(r"\s+", " ", mt.group()), kind)
            if kind == "acc" and mt.group()[:1] in "Ii":  # "In his words, ..."
                own = {"his": "he", "her": "she", "its": "it", "their": "they"}[mt.group().split()[1].lower()]
                cue.ref, cue.np_start, cue.np_end = Ref("pronoun", words=(own,)), mt.start(), mt.end()
            elif kind == "acc":
                limit = min(pe, mt.end() + 120)
                stop = _ACC_STOP.search(m, mt.end(), limit)
                np_end = stop.start() if stop else limit
                cue.ref = parse_phrase([t for _, t in self._tokens(mt.end(), np_end)])
                cue.np_start, cue.np_end = mt.start(), np_end
            elif kind == "part":
                before = m[max(ps, mt.start() - 3) : mt.start()]
                if "," not in before:
                    continue
                cue.np_start = cue.np_end = ps + max(0, m.rfind(",", ps, mt.start()) - ps)
            else:
                self._subject(cue, ps, pe)
            cues.append(cue)
        for mt in _QUOTED_AS.finditer(m, ps, pe):  # 'It quoted Khomeini as saying: "..."'
            ref = parse_phrase(mt.group(1).split())
            if ref is not None:
                cue = Cue(mt.start(), mt.end(), "quoted as saying", "say", mt.start(1), mt.end(1), "", ref)
                cues = [c for c in cues if not mt.start() <= c.start < mt.end()] + [cue]
        return sorted(cues, key=lambda c: c.start)

    def _subject(self, cue: Cue, ps: int, pe: int) -> None:
        m = self.m
        lo, hi = max(ps, cue.start - 200), cue.start
        if cue.verb == "Said":  # 'Said David Gluskin, vice-president of ..., "..."'
            if m[max(ps, hi - 200) : hi].rstrip()[-1:] in ("", ".", "!", "?", '"', "”"):
                self._inverted(cue, pe, ".")
            return
        aside = _ASIDE.search(m, lo, hi)  # "Lavrov, in turn, said"; "Shoigu, who ..., said"
        ap = None if aside else _APPOSITIVE.search(m, lo, hi)
        if ap:
            inner = ap.group(1).split()
            ref = parse_phrase(inner)
            if ref is not None and ref.kind == "name" and len(inner) >= 2 and not ref.title:
                cue.ref, cue.left = ref, ","  # "..., Chris Ball, said"
                cue.np_start, cue.np_end = ap.start(1), ap.end(1)
                return
            if role_of(inner) or inner[0].lower() in ("who", "which"):  # "Sporck, president of X, said"
                aside, ap = ap, None
        if self._left(cue, lo, aside.start() if aside else hi, not aside):
            return
        if ap and self._left(cue, lo, ap.start(), False):  # "The Bank of Canada, Ottawa's agent, said"
            return
        # "..., said Natalia Eismont, spokeswoman of the Belarusian leader."
        prev = m[max(ps, cue.start - 200) : cue.start].rstrip()
        if prev and prev[-1] in ',—–-"”»':
            self._inverted(cue, pe, prev[-1])

    def _left(self, cue: Cue, lo: int, hi: int, coordinate: bool) -> bool:
        """The speaker phrase just before the cue, read right to left; True if found."""
        toks = self._tokens(lo, hi)
        i = len(toks) - 1
        while i >= 0 and toks[i][1].lower() in _SKIP:
            i -= 1
        if i >= 1 and toks[i][1] == "who" and toks[i - 1][1] == ",":  # "Merkel, who admitted that"
            i -= 2
        if i >= 0 and toks[i][1] == "and" and coordinate:  # "... and added that": the same speaker
            cue.kind = "part"
            cue.np_start = cue.np_end = toks[i][0] - (1 if i and toks[i - 1][1] == "," else 0)
            return True
        if i < 0 or toks[i][1].endswith(("'s", "’s")):
            return False
        if toks[i][1].lower() in PRONOUNS and toks[i][1].lower() not in ("him", "her", "them"):
            j = i - 1
        else:
            j, spare = i, 3 if is_head(toks[i][1]) else 0  # "senior market analysts said"
            while j >= 0:
                tok = toks[j][1]
                if tok == "and" and j > 0 and is_head(toks[j - 1][1]) and is_head(toks[i][1]):
                    j -= 1  # "economists and analysts said"
                    continue
                if not np_allowed(tok):
                    if not (spare and tok.islower() and tok not in FUNCTION):
                        break
                    spare -= 1
                det = tok.lower() in _EDGE and j < i
                if det and (j == 0 or toks[j - 1][1].lower() not in ("of", "to", "for")):
                    j -= 1
                    break
                j -= 1
        words = [t for _, t in toks[j + 1 : i + 1]]
        while words and words[0].lower() in ("of", "to", "for"):
            words, j = words[1:], j + 1
        ref = parse_phrase(words) if words else None
        if ref is None:
            return False
        cue.ref, cue.np_start, cue.np_end = ref, toks[j + 1][0], cue.start
        cue.left = toks[j][1] if j >= 0 else ""
        if ref.kind == "name" and cue.left not in ",—–-":  # ", director of public credit Mauricio Cabrera said"
            t = j
            while t >= 0 and j - t < 6 and toks[t][1].isalpha() and toks[t][1].lower() not in _EDGE:
                t -= 1
            if t >= 0 and toks[t][1] in ",—–" and any(is_head(w) for _, w in toks[t + 1 : j + 1]):
                cue.left = toks[t][1]
        return True

    def _inverted(self, cue: Cue, pe: int, left: str) -> None:
        """The speaker phrase after the cue: "said Lavrov", "said one diplomat who ..."."""
        m = self.m
        toks = self._tokens(cue.end, min(pe, cue.end + 200))
        k, spare, last_head = 0, 3, 0
        while k < len(toks):
            tok = toks[k][1]
            if np_allowed(tok) or tok.lower() in PRONOUNS:
                pass
            elif spare and tok.islower() and tok not in FUNCTION:
                spare -= 1
            else:
                break
            k += 1
            if is_head(tok) or tok[:1].isupper() or tok.lower() in PRONOUNS:
                last_head = k
        if last_head < k and (k == len(toks) or toks[k][1] not in ",.;:!?"):
            k = last_head  # "one Canadian bond trader who asked ..." -> "one Canadian bond trader"
        follow = toks[k][1] if k < len(toks) else "."
        if not k or not (follow in ",.;:!?" or follow in ("who", "which", "that")):
            return
        ref = parse_phrase([t for _, t in toks[:k]])
        if ref is None or ref.kind == "pronoun":
            return
        cue.ref, cue.np_start, cue.np_end = ref, cue.start, toks[k - 1][0] + len(toks[k - 1][1])
        cue.left = left
        if ref.kind == "name" and follow == ",":
            ap = _APPOSITION_AFTER.match(m, toks[k][0], pe)
            if ap and not ref.title:
                ref.title = ap.group(1)

    def clause_that(self, c: Cue, e: int) -> int:
        """Where the clause after ``c`` starts, if ``c`` takes a that-clause; else 0."""
        m = self.m
        mt = _THAT.search(m[c.end : min(e, c.end + 100)])
        if not mt:
            return 0
        gap = m[c.end : c.end + mt.start()]
        words = gap.split()
        ok = (
            not gap.strip()
            or (c.verb in TOLD and len(words) <= 5 and not _GAP_STOP.search(gap))
            or ASIDE_GAP.fullmatch(gap)
            or (words[0].lower() in PREPS and len(words) <= 12 and not _GAP_STOP.search(gap))
        )
        return c.end + mt.end() if ok else 0

    def bare(self, c: Cue, e: int) -> int:
        """Where a clause with no "that" starts after ``c`` ("said the talks ..."), or 0."""
        at = c.end
        if c.verb in ("told", "tells"):
            obj = _TOLD_OBJ.match(self.m, c.end, e)
            if not obj:
                return 0
            at = obj.end()
        elif c.verb not in _BARE:
            return 0
        word = _NEXT_WORD.match(self.m, at, min(e, at + 80))
        return at if word and bare_ok(word.group(1)) else 0
