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

import bisect
import dataclasses
import re

from ..models import Article, Quote
from .speakers import (
    GROUP_NOUNS,
    INDEFINITE,
    PRONOUNS,
    ROLE_HEADS,
    STOP_CAPS,
    Entity,
    Ref,
    Speakers,
    name_key,
    parse_phrase,
    query_key,
    role_of,
    speaker_keys,
    wordset,
)

__all__ = ["attach_quotes", "extract_quotes", "name_key", "query_key", "speaker_keys"]

_MARKS = re.compile(r"[\"“”«»„]")
_OPEN, _CLOSE = "“«„", "”»"

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


_CUE = re.compile(
    rf"\b{_gate(_SAY, _STRICT, _PART)}(?:(?P<acc>(?i:according\s+to|in\s+(?:his|her|its|their)\s+(?:words|view|opinion)))|(?P<part>{_PART})|(?P<say>{_SAY})|(?P<strict>{_STRICT}))\b"
)
_INNER_CUE = re.compile(rf"(?:[a-z]+ly\s+)?({_SAY}|{_STRICT})\b")
_ASIDE = re.compile(
    r",\s*(?:in\s+turn|for\s+(?:his|her|its|their)\s+part|meanwhile|however|too|also|though|"
    r"(?:who|which)\s+[^,~\"“”]{1,80}?)\s*,\s*$"
)
_APPOSITIVE = re.compile(r",\s*([^,~\"“”]{2,80}?)\s*,\s*$")
_QUOTED_AS = re.compile(r"\bquoted\s+([^,.;~\"“”]{1,60}?)\s+as\s+saying\b")
_LAST_WORD = re.compile(r"([\w.]+)$")
_SPACE = re.compile(r"\s+")
_SPACE_COMMA = re.compile(r"[\s,]*")
_ALPHA = re.compile(r"[A-Za-z]+")
_NONBLANK = re.compile(r"\S")
_NOT_OPENING = re.compile(r"[^\s(]")
_NOT_TAIL = re.compile(r"[^\s.!?,;:\"”»]")
_ACC_STOP = re.compile(r"[,.;:\"“”«»~(]")
_LAST_NAME = re.compile(r"([A-Z][\w-]+)\s*$")
_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")
_APPOSITION_AFTER = re.compile(r",\s*((?:the\s+)?[^,.;:\"“”~]{3,80})")
_SENT_END = re.compile(r"[.!?]+[\"”»)\]]*\s+")
_SENT_START = re.compile(r"[\"“«(\[]?[A-Z0-9]")
_INITIAL = re.compile(r"[a-z]|(?:[a-z]\.)+[a-z]")
_COLON_GAP = re.compile(r"[^~\"“”«»]{0,80}:\s*")
_COMMA_GAP = re.compile(r"(?:\s+[^\s,~]+){0,6}\s*,\s*")
_ASIDE_GAP = re.compile(r"\s*,[^,~\"“”]{1,80},\s*")
_THAT = re.compile(r"\bthat\b")
_GAP_STOP = re.compile(r"[.;:~\"“”]")
_FIRST = re.compile(r"\s*([\w'’-]+|[^\w\s])?")
_PAREN = re.compile(r"[^,]*,\s*(?!(?:" + _PART + r")\b)\S")
_TOKEN = re.compile(r"~+|[^\W\d_][\w'’.\-]*|\d(?:[\w.,\-]*\w)?%?|[^\w\s]")
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
_PREPS = wordset(
    "on in at during after before while when with to for via through following from upon earlier later "
    "last this yesterday today recently previously as about of over by many once repeatedly also again "
    "monday tuesday wednesday thursday friday saturday sunday tonight"
)
_EDGE = wordset("the a an one another some several")
_FUNCTION = wordset(
    "the a an of to and or but that which who whom by in on for with from as at is was were are has have had be "
    "been not no it its their his her this these those there here said says also when while after before than"
)
_TOLD = wordset("told tells informed assured reminded warned urged asked")
_BARE = wordset("said says say believes thinks")
_TOLD_OBJ = re.compile(
    r"\s+(?:(?:the|a)\s+)?(?:reporters|journalists|newsmen|correspondents|media|press|lawmakers|"
    r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})(?=\s)"
)
_NOT_CLAUSE = wordset("that nothing so yes goodbye hello something little much more this it")
_NOT_QUOTE = re.compile(
    r"(?:so[- ]called|dubbed|called|named|termed|titled|entitled|known\s+as|label+ed|branded|nicknamed|"
    r"code-?named|the\s+(?:term|word|phrase|slogan|motto|hashtag|newspaper|magazine|book|film|program(?:me)?|"
    r"project|operation|exercise)|operation)\s*$",
    re.IGNORECASE,
)
_LIST = re.compile(
    r"^\s*(?:(?:Below|Here)\s+(?:are|is)\s+(?:some\s+of\s+)?(?P<a>[^.:\"“]{1,80}?)['’]s\s+(?:\w+\s+){0,2}?"
    r"(?:statements|remarks|quotes|quotations|comments|theses|points|highlights|takeaways)\b"
    r"|(?P<b>[^.:\"“]{1,80}?)['’]s\s+(?:\w+\s+){0,2}?(?:statements|remarks|quotes|quotations|theses)\s*:"
    r"|(?:key|main|top)\s+(?:statements|remarks|quotes|quotations|theses)\s+(?:by|from|of)\s+(?P<c>[^.:]{1,80}?)\s*[:.]"
    r"|(?P<d>[^.:\"“]{1,80}?)\s+(?:made|delivered)\s+the\s+following\s+(?:\w+\s+)?(?:statements|remarks)\b)",
    re.IGNORECASE,
)
_ABBREV = wordset("mr mrs ms dr st gen lt col sgt jr sr no jan feb aug sept oct nov dec vs etc approx")
_STARTERS = wordset(
    "In The This It We He She They But And So As At On For However Meanwhile Moreover Also Still There "
    "These That Those Then Now Today According"
)


@dataclasses.dataclass
class _Cue:
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


@dataclasses.dataclass
class _Q:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark, or the paragraph end if unclosed
    keep: bool = True


_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")


def _tokenize(text: str, lo: int, hi: int) -> tuple[list[int], list[str]]:
    starts, toks = [], []
    for m in _TOKEN.finditer(text, lo, hi):
        tok = m.group()
        if tok[-1] == "." and not _INITIALS.fullmatch(tok):
            tok = tok.rstrip(".")
            starts += [m.start(), m.start() + len(tok)]
            toks += [tok, "."]
            continue
        starts.append(m.start())
        toks.append(tok)
    return starts, toks


def _bare_ok(word: str) -> bool:
    """Can ``word`` start the clause after a bare "said"?"""
    low = word.lower()
    return word[:1].isalpha() and low not in _PREPS and low not in _NOT_CLAUSE


def _head(tok: str) -> bool:
    """A lower-case noun that can end a speaker phrase: "analysts", "spokesman"."""
    low = tok.lower()
    return tok.islower() and (low in ROLE_HEADS or low in GROUP_NOUNS or low.rstrip("s") in ROLE_HEADS)


def _np_allowed(tok: str) -> bool:
    low = tok.lower()
    if tok[:1].isupper():
        return low not in STOP_CAPS or low in ("the", "a", "an")
    return low in _NP_LOWER or low in INDEFINITE


class _Extractor:
    def __init__(self, body: str) -> None:
        self.body = body
        self.paras: list[tuple[int, int]] = []
        pos = 0
        for part in body.split("\n\n"):
            if part.strip():
                self.paras.append((pos, pos + len(part)))
            pos += len(part) + 2
        self.quotes = [self._pair(ps, pe) for ps, pe in self.paras]
        chunks, last = [], 0
        spans = []
        for qs in self.quotes:
            for q in qs:
                chunks += [body[last : q.open + 1], "~" * (q.close - q.open - 1)]
                last = q.close
                spans.append((q.open, q.close))
        self.m = "".join(chunks) + body[last:]
        starts = [s for s, _ in spans]

        def inside(pos: int) -> bool:
            i = bisect.bisect_right(starts, pos) - 1
            return i >= 0 and spans[i][0] < pos < spans[i][1]

        self.sp = Speakers(body, inside)
        self.history: list[tuple[int, Entity]] = []
        self._tok_para, self._tok_starts, self._tok_list = (0, -1), [], []
        self.out: list[Quote] = []
        self.ind: list[tuple[int, Entity]] = []  # (start, speaker) of each indirect quotation

    def _tokens(self, lo: int, hi: int) -> list[tuple[int, str]]:
        """The tokens of the masked text between lo and hi (tokenised once per paragraph)."""
        if not (self._tok_para[0] <= lo and hi <= self._tok_para[1]):
            k = bisect.bisect_right(self.paras, lo, key=lambda p: p[0]) - 1
            para = self.paras[k] if k >= 0 and hi <= self.paras[k][1] else (lo, hi)
            self._tok_para = para
            self._tok_starts, self._tok_list = _tokenize(self.m, *para)
        i = bisect.bisect_left(self._tok_starts, lo)
        j = bisect.bisect_left(self._tok_starts, hi, i)
        while j > i and self._tok_starts[j - 1] + len(self._tok_list[j - 1]) > hi:
            j -= 1
        return list(zip(self._tok_starts[i:j], self._tok_list[i:j], strict=True))

    # -- quotation marks and sentences --------------------------------------------

    def _pair(self, ps: int, pe: int) -> list[_Q]:
        out: list[_Q] = []
        start, curly, depth = -1, False, 0
        for m in _MARKS.finditer(self.body, ps, pe):
            i, ch = m.start(), m.group()
            if start < 0:
                if ch not in _CLOSE:
                    start, curly, depth = i, ch != '"', 1
            elif curly and ch in _OPEN:
                depth += 1
            elif not curly and ch in _OPEN:
                continue
            else:
                depth -= 1
                if depth == 0 or not curly:
                    if i > start + 1 and self.body[start + 1 : i].strip():
                        out.append(_Q(start, i))
                    start = -1
        if start >= 0 and self.body[start + 1 : pe].strip():
            out.append(_Q(start, pe))
        return out

    def _sentences(self, ps: int, pe: int, qs: list[_Q], cues: list[_Cue]) -> list[tuple[int, int]]:
        m, body = self.m, self.body
        cut = []
        for mt in _SENT_END.finditer(m[ps:pe]):
            i, j = ps + mt.start(), ps + mt.end()
            if not _SENT_START.match(body, j, j + 2):
                continue
            word = _LAST_WORD.search(m, max(ps, i - 40), i)
            w = word.group(1).lower() if word else ""
            if w in _ABBREV or _INITIAL.fullmatch(w):
                continue
            cut.append(j)
        np_starts = {c.np_start for c in cues}
        for q in qs:
            if q.close >= pe:
                continue
            nxt = _SPACE.match(m, q.close + 1, pe)
            if not nxt:
                continue
            after = nxt.end()
            if after >= pe or after in np_starts:
                continue
            ended = body[q.close - 1] in ".!?…"
            word = _ALPHA.match(m, after, pe)
            if (ended and (m[after] in '"“«' or m[after].isupper())) or (word and word.group() in _STARTERS):
                cut.append(after)
        edges = [ps, *sorted(set(cut)), pe]
        return [(a, b) for a, b in zip(edges, edges[1:], strict=False) if a < b]

    # -- cues and their speakers ---------------------------------------------------

    def _cues(self, ps: int, pe: int) -> list[_Cue]:
        m = self.m
        cues = []
        for mt in _CUE.finditer(m, ps, pe):
            kind = mt.lastgroup or "say"
            cue = _Cue(mt.start(), mt.end(), re.sub(r"\s+", " ", mt.group()), kind)
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
                cue = _Cue(mt.start(), mt.end(), "quoted as saying", "say", mt.start(1), mt.end(1), "", ref)
                cues = [c for c in cues if not mt.start() <= c.start < mt.end()] + [cue]
        return sorted(cues, key=lambda c: c.start)

    def _subject(self, cue: _Cue, ps: int, pe: int) -> None:
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

    def _left(self, cue: _Cue, lo: int, hi: int, coordinate: bool) -> bool:
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
            j, spare = i, 3 if _head(toks[i][1]) else 0  # "senior market analysts said"
            while j >= 0:
                tok = toks[j][1]
                if tok == "and" and j > 0 and _head(toks[j - 1][1]) and _head(toks[i][1]):
                    j -= 1  # "economists and analysts said"
                    continue
                if not _np_allowed(tok):
                    if not (spare and tok.islower() and tok not in _FUNCTION):
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
            if t >= 0 and toks[t][1] in ",—–" and any(_head(w) for _, w in toks[t + 1 : j + 1]):
                cue.left = toks[t][1]
        return True

    def _inverted(self, cue: _Cue, pe: int, left: str) -> None:
        """The speaker phrase after the cue: "said Lavrov", "said one diplomat who ..."."""
        m = self.m
        toks = self._tokens(cue.end, min(pe, cue.end + 200))
        k, spare, last_head = 0, 3, 0
        while k < len(toks):
            tok = toks[k][1]
            if _np_allowed(tok) or tok.lower() in PRONOUNS:
                pass
            elif spare and tok.islower() and tok not in _FUNCTION:
                spare -= 1
            else:
                break
            k += 1
            if _head(tok) or tok[:1].isupper() or tok.lower() in PRONOUNS:
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

    # -- one paragraph --------------------------------------------------------------

    def run(self) -> list[Quote]:
        list_speaker: Entity | None = None
        for (ps, pe), qs in zip(self.paras, self.quotes, strict=True):
            para = self.body[ps:pe]
            lm = _LIST.match(para)
            if lm:
                np = next(g for g in lm.groups() if g)
                ref = parse_phrase(re.sub(r"['’]s$", "", np.strip()).split())
                ent = self.sp.resolve(ref, ps) if ref else None
                if ent is not None:
                    list_speaker = self.sp.current = ent
                    self.history.append((ps, ent))
                    continue
            self._paragraph(ps, pe, qs, list_speaker)
        self.out.sort(key=lambda q: (q.start, q.end))
        return self.out

    def _opening_subject(self, s: int, e: int) -> Entity | None:
        """The speaker phrase that opens a sentence: "Woodward rejected it, saying that ..."."""
        toks = self._tokens(s, min(e, s + 200))
        k = 0
        while k < len(toks) and _np_allowed(toks[k][1]):
            k += 1
        ref = parse_phrase([t for _, t in toks[:k]]) if k else None
        if ref is None and toks and toks[0][1].lower() in ("he", "she"):
            ref = parse_phrase([toks[0][1]])
        return self.sp.resolve(ref, s) if ref is not None and ref.kind != "orgref" else None

    def _current_at(self, pos: int) -> Entity | None:
        i = bisect.bisect_left(self.history, pos, key=lambda h: h[0])
        return self.history[i - 1][1] if i else None

    def _emit(self, a: int, b: int, kind: str, ent: Entity, cue: str | None, strip: str) -> None:
        body = self.body
        while a < b and (body[a].isspace() or body[a] in strip):
            a += 1
        while b > a and (body[b - 1].isspace() or body[b - 1] in (",;:" if kind != "indirect" else ",;:.")):
            b -= 1
        if kind == "indirect" and len(body[a:b].split()) < 3:
            return
        if a < b:
            role = None if ent.org else ent.role
            self.out.append(Quote(body[a:b], kind, ent.name, role, cue, a, b))

    def _paragraph(self, ps: int, pe: int, qs: list[_Q], list_speaker: Entity | None) -> None:
        m, body = self.m, self.body
        cues = self._cues(ps, pe)
        for q in qs:
            lead = m[max(ps, q.open - 40) : q.open]
            content = body[q.open + 1 : q.close].strip()
            words = content.split()
            if _NOT_QUOTE.search(lead) or (
                len(words) <= 4
                and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
                and content[-1:] not in ".!?,"
                and _NONBLANK.search(m, ps, q.open)
            ):
                q.keep = False
        kept = [q for q in qs if q.keep]
        opens = [q.open for q in kept]
        starts = [c.start for c in cues]
        done: list[tuple[_Q, str, Entity, str | None]] = []  # (quote, kind, speaker, cue)
        pending: list[tuple[_Q, str, Entity | None]] = []
        ind_from = len(self.ind)
        for s, e in self._sentences(ps, pe, qs, cues):
            scues = cues[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]
            last: Entity | None = None
            for c in scues:
                if c.kind == "part":
                    c.entity = last or self._opening_subject(s, c.start)
                elif c.ref is not None:
                    c.entity = self.sp.resolve(c.ref, c.np_start)
                if c.entity is not None:
                    last = c.entity
                    if c.kind != "strict" or self._clause_that(c, e):
                        self.sp.current = c.entity
                        self.history.append((c.start, c.entity))
            squotes = kept[bisect.bisect_left(opens, s) : bisect.bisect_left(opens, e)]
            sstarts = [c.start for c in scues]
            for q in squotes:
                _, kind, ent, cue = self._classify(q, s, e, scues, sstarts)
                if ent is None:
                    pending.append((q, kind, self._current_at(q.open)))
                else:
                    done.append((q, kind, ent, cue))
            if list_speaker is None:
                self._indirect(s, e, scues, squotes)
        if pending:  # quotations with no cue of their own
            prev = sorted([(q.open, ent) for q, _, ent, _ in done] + self.ind[ind_from:], key=lambda t: t[0])
            cued = sorted((q.open, ent) for q, _, ent, cue in done if cue)
            for q, kind, current in pending:
                i = bisect.bisect_left(prev, q.open, key=lambda t: t[0])
                j = bisect.bisect_right(cued, q.open, key=lambda t: t[0])
                if list_speaker is not None:
                    ent = list_speaker
                elif i:
                    ent = prev[i - 1][1]
                elif j < len(cued):
                    ent = cued[j][1]
                else:
                    ent = current if kind == "direct" else None
                if ent is not None:
                    done.append((q, kind, ent, None))
                    prev.insert(i, (q.open, ent))
        for q, kind, ent, cue in done:
            if list_speaker is not None:
                ent, cue = list_speaker, cue if kind == "direct" else None
            self._emit(q.open + 1, q.close, kind, ent, cue, "")
        if list_speaker is not None:
            self._list_items(ps, pe, qs, cues, list_speaker)

    def _classify(self, q: _Q, s: int, e: int, cues: list[_Cue], starts: list[int]):
        """(quote, kind, speaker or None, cue) for one kept quotation."""
        m = self.m
        k = bisect.bisect_left(starts, q.open)  # cues[:k] come before the quotation
        initial = not _NOT_OPENING.search(m, s, q.open)
        if initial:
            p = _SPACE_COMMA.match(m, min(q.close + 1, e), e).end()
            for c in cues[k : k + 4]:
                if c.entity is not None and c.kind != "part" and c.np_start == p:
                    c.used = True
                    return q, "direct", c.entity, c.verb
            if not _NOT_TAIL.search(m, q.close + 1, e):
                return q, "direct", None, None
        else:
            before = [c for c in cues[max(0, k - 4) : k] if c.end <= q.open and c.entity is not None]
            if before:
                c = before[-1]
                inverted = c.np_start == c.start and c.kind != "acc"
                at = c.np_end if inverted else c.end
                gap = m[at : q.open] if q.open - at < 200 else "~"
                colon = _COLON_GAP.fullmatch(gap) and " that " not in f" {gap} "
                comma = _COMMA_GAP.fullmatch(gap) and " that " not in f" {gap} "
                comma = comma or (inverted and _ASIDE_GAP.fullmatch(gap))
                upper = self.body[q.open + 1 : q.open + 2].isupper()
                bare = not gap.strip() and upper and c.kind in ("say", "part")  # 'adding "We had no idea ..."'
                if colon or bare or (comma and (c.used or upper) and c.kind != "acc"):
                    was_used, c.used = c.used, True
                    return q, "direct", c.entity, None if was_used else c.verb
                if c.kind in ("say", "acc", "part") or self._clause_that(c, e) or colon:
                    return q, "partial", c.entity, c.verb
        for c in cues[k : k + 8]:
            if c.start > q.close and c.entity is not None and c.left in ',—–-"”»' and c.kind != "acc":
                return q, "partial", c.entity, c.verb
        # Putin "reasonably responded that ...": the quoted words carry the cue, the name precedes them
        said = _INNER_CUE.match(self.body, q.open + 1, q.close)
        name = _LAST_NAME.search(m, max(s, q.open - 60), q.open)
        if said and name and name_key(name.group(1)) in self.sp.people:
            return q, "partial", self.sp.person([name.group(1)], ""), said.group(1)
        return q, "partial", None, None

    def _clause_that(self, c: _Cue, e: int) -> int:
        """Where the clause after ``c`` starts, if ``c`` takes a that-clause; else 0."""
        m = self.m
        mt = _THAT.search(m[c.end : min(e, c.end + 100)])
        if not mt:
            return 0
        gap = m[c.end : c.end + mt.start()]
        words = gap.split()
        ok = (
            not gap.strip()
            or (c.verb in _TOLD and len(words) <= 5 and not _GAP_STOP.search(gap))
            or _ASIDE_GAP.fullmatch(gap)
            or (words[0].lower() in _PREPS and len(words) <= 12 and not _GAP_STOP.search(gap))
        )
        return c.end + mt.end() if ok else 0

    def _indirect(self, s: int, e: int, cues: list[_Cue], quotes: list[_Q]) -> None:
        m = self.m
        opens = [q.open for q in quotes]
        for k, c in enumerate(cues):
            if c.entity is None or c.used:
                continue
            nxt = [x for x in cues[k + 1 : k + 6] if x.kind == "part" or (x.left == "," and x.np_start > c.end)]
            end = nxt[0].np_start if nxt and c.kind != "part" else e
            inverted = c.np_start == c.start and c.kind != "acc"
            rest_at = c.np_end if inverted else c.end
            rest = m[rest_at : min(e, rest_at + 300)]
            first = (_FIRST.match(rest).group(1) or "").lower()
            if c.kind == "acc":
                if c.start - s < 20 and m[s : c.start].strip(" ,").lower() in ("", "but", "and", "however", "so"):
                    comma = m.find(",", c.np_end, e)
                    a, b = (comma + 1, e) if comma >= 0 else (e, e)
                else:
                    comma = m.rfind(",", s, c.start)
                    a, b = s, comma if comma > s else c.start
            elif t := self._clause_that(c, e):
                a, b = t, end
            elif c.kind == "part":
                if c.verb not in ("adding", "saying", "noting") or not _bare_ok(first):
                    continue
                a, b = c.end, e  # ", adding it could mean ..."
            elif (
                c.left in ",—–-"
                and c.np_start > s
                and (
                    first in ("", ",", ";", "—", "–", ".", "!", "?", ":")
                    or first in _PREPS
                    or first.endswith("ing")
                    or (c.verb in _TOLD and not self._bare(c, e))
                )
            ):
                a = max(m.rfind(",", s, c.np_start), m.rfind("—", s, c.np_start), m.rfind("–", s, c.np_start))
                a, b = s, a
                paren = _PAREN.match(rest)
                if paren and len(m[s:b].split()) <= 3:  # "However, the minister continued, ..."
                    a, b = rest_at + paren.end() - 1, e
            elif not inverted and (bare := self._bare(c, e)):
                a, b = bare, end  # "Putin said Russia would ...", "he told reporters the talks ..."
            else:
                continue
            if b > a and bisect.bisect_left(opens, a) == bisect.bisect_left(opens, b):  # no quotation inside
                self.ind.append((a, c.entity))
                self._emit(a, b, "indirect", c.entity, c.verb, ",;:—– ")

    def _bare(self, c: _Cue, e: int) -> int:
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
        return at if word and _bare_ok(word.group(1)) else 0

    def _list_items(self, ps: int, pe: int, qs: list[_Q], cues: list[_Cue], ent: Entity) -> None:
        """In a list of someone's statements, the unquoted sentences are theirs too."""
        run: list[tuple[int, int]] = []
        opens = [q.open for q in qs if q.keep]
        for s, e in [*self._sentences(ps, pe, qs, cues), (pe, pe)]:
            if s < pe and bisect.bisect_left(opens, s) == bisect.bisect_left(opens, e):
                run.append((s, e))
                continue
            if run:
                self._emit(run[0][0], run[-1][1], "indirect", ent, None, " ")
            run = []


def extract_quotes(body: str) -> list[Quote]:
    """All quotations in an article body, sorted by start offset."""
    if not _MARKS.search(body) and not _CUE.search(body):
        return []
    return _Extractor(body).run()


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
