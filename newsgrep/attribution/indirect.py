"""Indirect speech: the reported clause without quotation marks.

"X said that <clause>", "X said <clause>", "<clause>, X said", "According to
X, <clause>", ", adding <clause>": each cue of a sentence that attributes no
direct quotation may report a clause, as long as no quotation lies inside it.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from .cues import (
    BARE_VERBS,
    FIRST,
    PAREN,
    PREPS,
    TOLD,
    Cue,
    CueReader,
    after_adverbials,
    bare_ok,
    clause_it,
    has_verb,
)
from .found import Found
from .marks import Marked, Q
from .speakers import no_stop
from .wire import role_aside

_BARE_PARTICIPLES = {
    "adding", "saying", "noting", "arguing", "claiming", "insisting", "suggesting", "warning", "explaining",
    "acknowledging", "admitting", "contending", "asserting", "predicting", "alleging", "complaining",
}  # fmt: skip
_CLAUSE_PARTICIPLES = {  # only with a clause that shows its verb: "announcing he would run", not "announcing a plan"
    "remarking", "announcing", "declaring", "stating", "stressing", "emphasizing", "emphasising", "reiterating",
    "conceding", "boasting", "joking", "responding", "replying", "answering", "confirming", "observing",
}  # fmt: skip


_CALLS = {"called", "calls", "calling", "call"}
# "called him a liar", "calls himself a democratic socialist", "called the deal a disaster": the object, then
# the name it was given (a noun phrase with "a"/"an", not a time: "called Smith a day later").
_NOT_NAMED = r"(?!(?:day|week|month|year|few|couple|bit|lot|number|total|time|second|minute|hour|while|next|same|following|night|morning|evening|last)\b)"
_CALLED_AS = re.compile(
    r"\s+(?:(?:him|her|it|them|himself|herself|itself|themselves|this)\s+(?:a|an|the)"
    r"|(?:(?:the|his|her|their|its|this|that)\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,2}?"
    r"|[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,2}?)\s+(?:a|an))"
    rf"\s+{_NOT_NAMED}(?=[a-z“\"])"
)
_PROMISES = {"promised", "promises", "promising", "vowed", "vows", "vowing", "pledged", "pledges", "pledging"}
_DESCRIBES = {"described", "describes", "describing"}
_AS = re.compile(r"\sas\s")
_CLOSING = "\"”»’'"
_PLEAS = {"urged", "urges", "urging", "asked", "asks", "asking"}
_FOR = re.compile(r"\s+(?:again\s+|repeatedly\s+|instead\s+)?(?:for|on)\s+(?=[\w“\"])")
_NAMED = re.compile(no_stop('.;:!?~"“”«»') + r"{1,80}?[\"“«]~")
# "vowed to press on", 'pledged on Saturday to "bring our revolution"': the infinitive, its verb maybe quoted
_TO_VERB = re.compile(r"\s+(?:again\s+|also\s+|repeatedly\s+|(?:on\s+)?[A-Z][a-z]+day\s+)?(to\s+(?:[a-z]+\b|[\"“«]~))")
_OBJ_TO = re.compile(r"\s+((?:[\w.’'-]+\s+){1,5}?to\s+[a-z]+)\b")
_PLEA_END = re.compile(r"[,;:—–]")
_ASKING = {"asked", "asks", "asking", "wondered"}
_WH = re.compile(
    r"(?:\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?[\w.’'-]+){0,4}?\s+(whether|if|how|why|what|when|who|which)\b"
)
# After "asked by X": what X asked about, or asked for.
_ASKED_WHAT = re.compile(r"(?:\s+(?:on|last|this)\s+[A-Z]?[a-z]+)?\s+(about|to\s+[a-z]+)\s")
# "asked Trump about remarks he had made": the object is a name or a pronoun, and "about" opens the question.
_ABOUT = re.compile(
    r"\s+(?:him|her|them|(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})"
    r"(?:\s+(?:on|last|this)\s+[A-Z]?[a-z]+)?\s+(about)\s+(?=[\w“\"])"
)
# "asked the former secretary of state during a chat if she would ...": "whether"/"if" further on,
# past no punctuation, the clause showing a pronoun or a determiner next.
_WH_FAR = re.compile(
    r"(?:\s+[\w.’'-]+){5,10}?\s+(whether|if)\s+(?=(?:he|she|they|it|we|I|you|there|the|his|her|their|this)\b)"
)
_NOT_ASKED = {"for", "about", "to", "around", "that"}  # "asked for help ... if the riots spread": a request
_SUBORDINATE = re.compile(
    r"\s*(?:Although|Though|While|Whereas|Because|If|When|Since|After|Before|Upon|Once|Even\s+though|Even\s+if)\s"
)
# "Ann Poe, after first saying she would not run, filed ...": the participle's clause ends at the comma.
_ASIDE_PREP = re.compile(r"(?<=,\s)(?:after|before|while|when|upon)\s")
_AS_BEFORE = re.compile(r"(?:^|(?<=[\s,]))[Aa]s\s+$")
_NP_OBJECT = {
    "announced", "announces", "announcing", "reported", "reports", "reporting", "mentioned", "mentions", "mentioning",
    "reiterated", "reiterating", "acknowledged", "acknowledges", "predicted",
    "predicts", "denied", "denies", "confirmed", "confirms", "revealed", "disclosed", "stressed", "stresses",
    "emphasized", "emphasised", "suggested", "suggests", "suggesting", "claimed", "claims",
    "tweeted", "tweets", "noted", "noting", "repeated", "repeating", "echoed", "echoing", "highlighted",
}  # fmt: skip
_OBJ_FIRST = re.compile(r"\s+([\w’'-]+)")
_OBJ_DETERMINERS = {
    "a", "an", "the", "his", "her", "its", "their", "our", "plans", "new", "several", "two", "three", "no", "more",
}  # fmt: skip
# "recalled the day he ...", "described how the plan ...": what was told is the noun phrase or the wh-clause.
_RECOUNTS = {
    "recalled", "recalls", "recalling", "described", "describes", "describing", "recounted", "recounts", "recounting",
    "explained", "explains", "explaining", "announcing", "mentioning", "repeating", "noting",
    "promised", "promises", "promising",
}  # fmt: skip
_TOLD_OF = {"a", "an", "the", "his", "her", "its", "their", "our", "my", "how", "what", "why", "when"}
# "recalled the words of X, who said ...": someone's words, recalled, are theirs
_WORDS_OF = {"words", "remarks", "comments", "statement", "statements", "quote", "quotes", "speech", "message"}
_REPORTS = {"reported", "reports"}
# An -ing word that opens a bare clause as a noun: "says meeting participants outlined", not "said speaking to".
_ING_NOUN = re.compile(
    r"\s*[a-z]+ing\s+(?!(?:to|at|on|in|with|from|of|for|about|after|before|the|a|an|his|her|their|its)\b)[a-z]+"
)
_FIGURE_OR_ING = re.compile(r"\$?\d[\d,.]*|[a-z]{3,}ing")


def _reported_what(m: str, c: Cue, word: str) -> bool:
    """Does ``word`` open what a filing or a count reported: "reported raising $9 million", "reported 906
    attacks"? Not after "were" ("prices were reported 35 pct higher": the subject was reported)."""
    if c.verb not in _REPORTS or not _FIGURE_OR_ING.fullmatch(word) or word.endswith("thing"):
        return False
    return m[max(0, c.start - 6) : c.start].split()[-1:] not in (["was"], ["were"], ["is"], ["are"], ["been"], ["be"])


_NEXT_LEFT = {",", "while", "whereas", "but", "and", ";"}  # "X said A, while Y said B": A ends at Y


_CONNECTIVES = {
    "however", "still", "but", "and", "so", "yet", "meanwhile", "instead", "now", "then", "moreover", "indeed",
    "in", "fact", "short", "turn", "addition", "also", "too", "nevertheless", "nonetheless", "besides", "of", "course",
}  # fmt: skip


def interrupted(lead: list[str]) -> bool:
    """Does a reported clause stand before a parenthetical cue as well as after it ("The plan, she said,
    would fail"; "It is no surprise, he said, that ...")? Not when only a connective precedes the cue
    ("However, the minister continued, ..."): then the clause is what follows."""
    words = [w.strip(",.;:").lower() for w in lead]
    return len(words) >= 2 and not all(w in _CONNECTIVES for w in words)


def woven(body: str, lead: str, inner: list[Q], cues: list[Cue]) -> bool:
    """Do unquoted words lead into two quotations or more and stand between them, so that the clause,
    not its quoted pieces, is what was said: 'said the plan had won "a lot of people" who "are now
    involved"'?"""
    if len(inner) < 2 or len(lead.split()) < 2 or lead.rstrip()[-1:] in ",:":
        return False
    pairs = list(zip(inner, inner[1:], strict=False))
    if any(p.close < c.start < q.open for c in cues for p, q in pairs):
        return False  # 'is "blatantly protectionist." He added there is "...": a cue of its own
    return any(body[p.close + 1 : q.open].strip(" ,") for p, q in pairs)


_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def trails_on(m: str, inner: list[Q], b: int, cues: list[Cue]) -> bool:
    """Do three unquoted words or more follow the last quotation of a reported clause that ends at ``b``,
    so that the clause, not its quoted words, is what was said ('said he "appreciates the professionalism"
    displayed by the state attorney in Palm Beach'; the caller asks it only of clauses that unquoted words
    lead into)? Not when a cue stands among them ('according to the radio, "...," Smith said on Monday':
    Smith's words, not the radio's clause)."""
    at = inner[-1].close + 1
    return len(_WORD.findall(m, at, b)) >= 3 and not any(at <= c.start < b for c in cues)


_COLON = re.compile(r"\s*:\s+(?=[A-Z])")


def colon_clause(m: str, c: Cue, e: int) -> int:
    """Where an unquoted clause starts after a cue and a colon: "Hewitt writes: The film mentions ...",
    "A reporter asked: Did they ...". A capital opens it and four words or more run to the end; else 0."""
    verb = c.verb.split()[-1].lower()
    if verb not in BARE_VERBS and verb not in _ASKING:
        return 0
    mt = _COLON.match(m, after_adverbials(m, c.end, e), e)
    return mt.end() if mt and len(m[mt.end() : e].split()) >= 4 else 0


class IndirectReader:
    """Finds the reported clauses of one sentence, given its cues and quotations."""

    def __init__(self, text: Marked, reader: CueReader, found: Found) -> None:
        self.m = text.m
        self.reader = reader
        self.found = found

    def _comma_quote(self, s: int, at: int) -> bool:
        """Does a closing quotation mark with a comma inside it stand just before ``at``?"""
        j = len(self.m[s:at].rstrip()) + s - 1
        return j > s and self.m[j] in _CLOSING and self.found.body[j - 1] == ","

    def _plea(self, c: Cue, e: int) -> tuple[int, int] | None:
        """What a call, a promise or a plea asks for: "called for <it>", "vowed <to ...>",
        "urged <someone to ...>". The span runs to the end of the clause (a comma, a semicolon, a
        dash or the sentence end)."""
        m = self.m
        verb = c.verb.split()[0].lower()
        if verb in _CALLS:
            mt = _FOR.match(m, c.end, e)
            if mt:
                a = mt.end()
            else:  # 'called the plan "a disaster" for the city': the name it was called is quoted
                mark = _NAMED.match(m, c.end, min(e, c.end + 100))
                if not mark:
                    # not the participle: ", calling it a cover for ..." glosses the clause before it
                    if verb == "calling" or not _CALLED_AS.match(m, c.end, e):
                        return None
                    stop = _PLEA_END.search(m, c.end, e)
                    b = stop.start() if stop else e
                    a = c.end + len(m[c.end : b]) - len(m[c.end : b].lstrip())
                    return (a, b) if 4 <= len(self.found.body[a:b].split()) <= 40 else None
                a = c.end
                close = m.find("~", mark.end())
                close = close + len(m[close:e]) - len(m[close:e].lstrip("~")) if close >= 0 else e
                stop = _PLEA_END.search(m, close, e)
                b = stop.start() if stop else e
                if close < e and self.found.body[close - 1] == ",":  # '"an attack on our country," but ...'
                    b = close + 1
                named = m[a : mark.end() - 2].split()  # the words named before the mark: 'called Smith "..."'
                return (a, b) if named and len(self.found.body[a:b].split()) >= 3 else None
        elif verb in _PROMISES:
            mt = _TO_VERB.match(m, c.end, e)
            if not mt:
                return None
            a = mt.start(1)
        elif verb in _DESCRIBES:
            stop = _PLEA_END.search(m, c.end, e)
            b = stop.start() if stop else e
            if not _AS.search(m, c.end, min(b, c.end + 80)):
                return None
            a = c.end  # "described the field as 'all very good'"
        elif verb in _PLEAS:
            mt = _OBJ_TO.match(m, c.end, e)
            if not mt:
                return None
            a = mt.start(1)
        else:
            return None
        stop = _PLEA_END.search(m, a, e)
        b = stop.start() if stop else e
        return (a, b) if len(self.found.body[a:b].split()) >= 4 else None  # quoted words count

    def _object(self, c: Cue, e: int) -> tuple[int, int] | None:
        """What was announced, reported or recalled when the verb takes a noun phrase, not a clause:
        "announced a ban on imports from ...". From the cue to the end of the clause, four words or more."""
        m = self.m
        word = _OBJ_FIRST.match(m, c.end, e)
        if not word or not (word.group(1).lower() in _OBJ_DETERMINERS or _reported_what(m, c, word.group(1))):
            return None
        stop = _PLEA_END.search(m, c.end, e)
        b = stop.start() if stop else e
        n = len(m[c.end : b].split())
        return (word.start(1), b) if 4 <= n <= 40 else None

    def _recounted(self, c: Cue, e: int) -> tuple[int, int] | None:
        """What was recalled or described: "recalled a visit to the plant", "described how the deal fell
        apart". From the object to the end of the clause, four to forty words."""
        m = self.m
        word = _OBJ_FIRST.match(m, c.end, e)
        w = word.group(1) if word else ""
        if not word or not (w.lower() in _TOLD_OF or (w[:1].isupper() and w.endswith(("'s", "’s")))):
            return None  # "recalled Ali's generosity"
        if any(w.lower().strip(",") in _WORDS_OF for w in m[word.start(1) : word.start(1) + 60].split()[:3]):
            return None
        stop = _PLEA_END.search(m, c.end, e)
        b = stop.start() if stop else e
        return (word.start(1), b) if 4 <= len(self.found.body[word.start(1) : b].split()) <= 40 else None

    def _quote_led(self, c: Cue, e: int, quotes: list[Q]) -> int:
        """Where a reported clause starts that opens with a few quoted words and runs on unquoted:
        'said "it makes me angry" every time he reads about it'. 0 if the cue is not followed so."""
        if c.verb not in BARE_VERBS:
            return 0
        m, body = self.m, self.found.body
        at = c.end + len(m[c.end : e]) - len(m[c.end : e].lstrip())
        q = next((q for q in quotes if q.open == at), None)
        if q is None or q.close >= e or body[q.close - 1] in ",.!?;:":
            return 0
        rest = m[q.close + 1 : e].split()
        return at if len(rest) >= 3 and rest[0][:1].islower() else 0

    def find(self, s: int, e: int, cues: list[Cue], quotes: list[Q]) -> None:
        m = self.m
        opens = [q.open for q in quotes]
        for k, c in enumerate(cues):
            if c.entity is None or c.used:
                continue
            plea = False
            nxt = [x for x in cues[k + 1 : k + 6] if x.kind == "part" or (x.left in _NEXT_LEFT and x.np_start > c.end)]
            end = nxt[0].np_start if nxt and c.kind != "part" else e
            inverted = c.np_start == c.start and c.kind != "acc"
            rest_at = c.np_end if inverted else c.end
            rest = m[rest_at : min(e, rest_at + 300)]
            first = (FIRST.match(rest).group(1) or "").lower()
            as_clause = not inverted and c.kind != "acc" and _AS_BEFORE.search(m, max(s, c.np_start - 8), c.np_start)
            if c.kind == "noun":  # nouns.py: "his claim that <clause>", "her promise <to ...>"
                stop = _PLEA_END.search(m, c.end, e)
                a, b = c.end, stop.start() if stop else e
            elif as_clause:  # "as X put it, <clause>"; "<clause>, as X acknowledged in a letter"
                comma = m.find(",", c.end, e)
                if comma >= 0 and len(m[c.end : comma].split()) <= 10 and not _PLEA_END.search(m, c.end, comma):
                    a, b = comma + 1, e
                else:
                    before = m.rfind(",", s, c.np_start)  # ", as X said": the clause before
                    a, b = (s, before) if before > s and len(m[before + 1 : c.np_start].split()) <= 2 else (e, e)
            elif c.kind == "acc":
                if c.start - s < 20 and m[s : c.start].strip(" ,").lower() in ("", "but", "and", "however", "so"):
                    comma = m.find(",", c.np_end, e)
                    a, b = (comma + 1, e) if comma >= 0 else (e, e)
                else:
                    comma = m.rfind(",", s, c.start)
                    a, b = s, comma if comma > s else c.start
                    after = m.find(",", c.np_end, e) if m[c.np_end : c.np_end + 1] == "," else -1
                    if after > 0 and e - after > b - a:  # "Fundraising, according to the campaign, has surged"
                        a, b = after + 1, e
            elif not inverted and (span := self._plea(c, e)):
                a, b = span  # "called for a ban on ...", "vowed to press on", "urged voters to stay home"
                plea = c.verb.split()[0].lower() not in _DESCRIBES  # 'described the storm as "the worst"'
            elif not inverted and c.verb.lower() in _RECOUNTS and (obj := self._recounted(c, e)):
                a, b = obj  # "recalled a visit to the plant in 2006"
            elif c.verb.lower() in _ASKING and (
                w := _WH.match(m, rest_at, min(e, rest_at + 80))
                or (first not in _NOT_ASKED and _WH_FAR.match(m, rest_at, min(e, rest_at + 90)))
            ):
                a, b = w.start(1), end  # "asked the governor whether he would run"
            elif c.verb in _ASKING and not inverted and (w := _ABOUT.match(m, rest_at, min(e, rest_at + 60))):
                a, b = w.start(1), end  # "asked the governor about the plan"
            elif inverted and c.verb.lower() in _ASKING and (w := _ASKED_WHAT.match(m, rest_at, min(e, rest_at + 40))):
                comma = m.find(",", w.end(), e)  # "Asked by a reporter about the plan, Hale said ...": the question
                if comma < 0:
                    continue
                a, b = w.start(1), comma
            elif not inverted and (colon := colon_clause(m, c, e)):
                a, b = colon, e  # "Hewitt writes: The film mentions neither ..."
            elif t := self.reader.clause_that(c, e):
                a, b = t, end
            elif c.kind == "part" and not c.verb.endswith("ing") and (bare := self.reader.bare(c, e)):
                a, b = bare, e  # "Sanders claimed momentum and argued he is the stronger candidate"
            elif c.verb == "telling" and (bare := self.reader.bare(c, e)):
                a, b = bare, e  # ", telling Clinton she had been an able opponent"
            elif c.kind == "part":
                if c.verb not in _BARE_PARTICIPLES and c.verb not in _CLAUSE_PARTICIPLES:
                    continue
                at = after_adverbials(m, c.end, e)  # ", announcing on Wednesday he would ..."
                if at > c.end:
                    rest = m[at : min(e, at + 300)]
                    first = (FIRST.match(rest).group(1) or "").lower()
                if not (bare_ok(first) or clause_it(first, rest)):
                    continue
                if c.verb in _CLAUSE_PARTICIPLES and not has_verb(rest.split()[:8]):
                    continue
                a, b = at, e  # ", adding it could mean ..."
            elif (
                (c.left in ",—–-" or (c.left in _CLOSING and self._comma_quote(s, c.np_start)))
                and c.np_start > s
                and (
                    first in ("", ",", ";", "—", "–", ".", "!", "?", ":")
                    or (not inverted and m[after_adverbials(m, rest_at, e) : e].strip()[:1] in ("", ".", ";", "!", "?"))
                    or (inverted and first == "who")  # ", said an official who was briefed on the talks."
                    or (
                        first in PREPS and (inverted or not self.reader.bare(c, e))
                    )  # not "X, Name, said on Monday <clause>"
                    or (first.endswith("ing") and not _ING_NOUN.match(rest))  # not "says meeting participants ..."
                    or (c.verb in TOLD and not self.reader.bare(c, e))
                    or (
                        c.verb in TOLD and len(rest.split()) <= 6 and not has_verb(rest.split())
                    )  # "..., X told a Senate panel Wednesday."
                )
            ):
                a = max(m.rfind(",", s, c.np_start), m.rfind("—", s, c.np_start), m.rfind("–", s, c.np_start))
                if self._comma_quote(s, c.np_start):  # 'the plan may be "strategic," said X'
                    a = max(a, len(m[s : c.np_start].rstrip()) + s)
                a, b = s, role_aside(m, s, a) if c.ref and c.ref.kind == "name" else a
                paren = PAREN.match(rest)
                opening = m[s:b].split()
                after = rest[paren.end() - 1 :].split()[:1] if paren else []
                goes_on = (  # the cue stands aside: "she said[ on Tuesday]," and no apposition follows it
                    paren
                    and len(rest[: paren.end() - 1].split()) <= 8
                    and (not inverted or after == ["that"] or has_verb(after))
                )
                if goes_on and b > s and interrupted(opening):  # "The plan, she said, would fail"
                    a, b = s, end if end > rest_at + paren.end() - 1 else e
                elif (
                    paren
                    and (len(opening) <= 3 or opening[0].lower() in PREPS)
                    and (not inverted or has_verb(rest[paren.end() - 1 :].split()[:4]))  # not "said X, a former aide"
                ):
                    a, b = rest_at + paren.end() - 1, e  # "However, the minister continued, ..."
            elif not inverted and (led := self._quote_led(c, e, quotes)):
                a, b = led, end  # 'said "it makes me angry" every time he reads about it'
            elif not inverted and (bare := self.reader.bare(c, e)):
                a, b = bare, end  # "Putin said Russia would ...", "he told reporters the talks ..."
            elif not inverted and c.verb.split()[0].lower() in _NP_OBJECT and (obj := self._object(c, e)):
                a, b = obj  # "the ministry announced a new round of talks with ..."
            else:
                continue
            if a >= c.end and (
                (_SUBORDINATE.match(m, s, c.start) and "," not in m[s : c.start])
                or _ASIDE_PREP.match(m, c.np_start)
                or (c.kind == "part" and not m[s : c.np_start].strip())  # "Noting that ..., X said"
            ):
                comma = m.find(",", a, b)  # "Though critics say the plan is flawed, it passed": to the comma
                b = comma if comma > a else b
            if b <= a:
                continue
            inner = quotes[bisect.bisect_left(opens, a) : bisect.bisect_left(opens, b)]
            if inner:  # 'said the effort was an attempt to head off "more radical" protests'
                quoted = sum(min(q.close, b) - q.open for q in inner)
                lead = m[a : inner[0].open].rstrip()
                named = (
                    (  # 'called Smith "a coward"': the name and who got it, when no later cue claims them
                        plea and c.verb in ("called", "calls") and lead.strip() and not _FOR.match(m, c.end, e)
                    )
                    and not any(x.entity is not None for x in cues[k + 1 :])
                )
                short = len(lead.split()) < (3 if plea else 4) or lead[-1:] in ",:"
                short = short and not woven(self.found.body, lead, inner, cues)
                short = short and not (lead.strip() and trails_on(m, inner, b, cues))
                if inner[-1].close > b or (2 * quoted >= b - a and short and not named):
                    continue  # the quoted words are most of it: they are the quotation (partial)
                # 'said that her family "came out of ..."': four unquoted words or more run on into the
                # quoted ones (no comma between), and the reported clause is the whole of what was said
                self.found.absorbed.update(q.open for q in inner)
            if c.kind != "noun":  # an owner's claim does not make them the speaker of what follows
                self.found.ind.append((a, c.entity))
            n = len(self.found.out)
            self.found.emit(a, b, "indirect", c.entity, c.verb, ",;:—– ")
            if inner and len(self.found.out) > n:  # a reported clause with quoted words in it is partial
                self.found.out[-1] = dataclasses.replace(self.found.out[-1], kind="partial")
