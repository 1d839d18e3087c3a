"""One paragraph: which quotation is whose, and of what kind.

A quotation that opens its sentence is direct; quoted words inside a reporting
sentence are partial. A quotation with no cue of its own goes to the nearest
speaker in its paragraph, or continues the one speaking before; after "Below
are Putin's key statements" every item is Putin's.
"""

from __future__ import annotations

import bisect
import re

from ..models import Quote
from .cues import ASIDE_GAP, INNER_CUE, PREPS, Cue, CueReader, apposed_name, is_head, np_allowed
from .found import Found
from .indirect import IndirectReader
from .marks import Marked, Q
from .names import name_key
from .nouns import noun_cues
from .speakers import (
    GROUP_NOUNS,
    ORG_HEADS,
    ROLE_HEADS,
    Entity,
    Ref,
    Speakers,
    after_dateline,
    is_region,
    lead_words,
    no_stop,
    parse_phrase,
    trim_phrase,
)

# Nothing was said: "did not say", "declined to say", "would say"; an infinitive only with a refusal or a
# request before it ("was asked to say"), not "went on to say", "is expected to argue".
_NEGATED = re.compile(
    r"(?:\bnot|n[’']t|\bnever|\bwould|\b(?:declined|declines|refused|refuses|failed|fails|hesitated|unwilling|"
    r"reluctant|unable|asked|urged|pressed|pushed|forced|force|called|challenged|dared|want|wants|wanted|"
    r"plans?|planned|hopes?|hoped)\b[^.;:~]{0,40}?\bto)\s+$"
)
_QUOTE_CHARS = re.compile(r"[~\"“”«»]")
_SPACE_COMMA = re.compile(r"[\s,]*")
_NONBLANK = re.compile(r"\S")
_NOT_OPENING = re.compile(r"[^\s(\u200b-\u200f\u202a-\u202e\u2060\ufeff]")  # invisible marks aside
_NOT_TAIL = re.compile(r"[^\s.!?,;:\"”»’']")
_LAST_NAME = re.compile(r"([A-Z][\w-]+)\s*$")
_COLON_GAP = re.compile(r"[^~\"“”«»]{0,80}:\s*")
_COMMA_GAP = re.compile(r"(?:\s+[^\s,~]+){0,6}\s*,\s*")
_ARTICLES = {"the", "a", "an"}
_SUBORDINATE = {"although", "though", "while", "whereas", "when", "as", "after", "before", "if", "because", "since",
                "once", "despite", "unlike", "like", "until", "unless", "asked", "speaking", "given"}  # fmt: skip
_DETERMINERS = {"the", "a", "an", "some", "many", "most", "several", "other", "those", "these", "all", "both", "few"}
_AUX = {"has", "have", "had", "also", "would", "will", "did", "does", "do", "later", "then", "again"}
_FINITE_WORDS = {"is", "are", "was", "were", "can", "could", "should", "may", "might", "must", "shall", "been", "be"}
_SENTENCE_ADVERBS = {
    "even", "so", "still", "instead", "however", "meanwhile", "now", "yet", "indeed", "of", "course", "then", "too",
    "also", "again", "moreover", "besides", "overall", "separately", "similarly", "likewise", "nonetheless",
    "nevertheless", "but", "and", "in", "fact", "short", "turn", "the", "same", "time", "addition", "for", "example",
    "often", "sometimes", "once", "later", "otherwise", "afterward", "afterwards", "anyway", "thus", "hence",
}  # fmt: skip
_CLAUSE_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_SUBJECT_BREAK = {",", ";", ":", "—", "–", "(", ")", "~"}
_NOT_SUBJECT = {"it", "this", "that", "there", "which", "what", "who", "here", "i", "you", "we"}
_VERB_LIKE = re.compile(
    r"[a-z]+ed|sent|made|took|got|went|came|gave|met|told|said|left|kept|began|spoke|ran|won|lost|held|"
    r"brought|sought|stood|wrote|put|set|hit|led|paid|struck|drew|threw|shook|rose|fell|broke|chose|spent"
)
# '"...," [the bureau's director, ]James B. Comey said': a role before the name the cue read
_COLON_AFTER = re.compile(r"[^\S\n]*(?:[A-Z][a-z]+day[^\S\n]*)?:")
_ROLE_GAP = re.compile(
    r"(?:the|a|an|his|her|its|their|another|one|[A-Z][\w.’'-]*['’]s)\s[^,.;:~\"“”«»]{1,60},\s*", re.I
)
_NP_GAP = re.compile(r"[\w.’'$%&-]+(?:\s+[\w.’'$%&-]+){0,3}\s+")  # 'Fight for $15 director X told'
_TO_QUOTE = re.compile(r"\s+(?:again\s+|also\s+|repeatedly\s+|(?:on\s+)?[A-Z][a-z]+day\s+)?to\s+")  # 'vowed to "..."'
_OPENERS = {"but", "and", "so", "yet", "still", "then", "also", "meanwhile", "however"}
_TIME_WORDS = {
    "here", "there", "later", "earlier", "ago", "back", "then", "now", "today", "yesterday", "tonight", "hours", "days", "weeks",
    "months", "years", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning",
    "evening", "night", "afternoon", "week", "month", "year", "last", "since", "after", "before", "during",
}  # fmt: skip


_QUANTITY = {"a", "an", "the", "two", "three", "four", "five", "several", "some", "few", "many", "minutes", "moments",
             "seconds", "not", "just", "only", "shortly", "soon"}  # fmt: skip


def _opening_adverbial(words: list[str]) -> bool:
    """Words before a sentence's first comma that set the scene: "Back in 1999", "Hours later", "On Monday",
    "A few days later"."""
    low = [w.lower() for w in words]
    if low[0] in PREPS or low[0] in _TIME_WORDS or low[0].endswith("ly") or low[0][:1].isdigit():
        return True
    if len(low) <= 6 and low[-1] in ("later", "ago", "earlier") and not any(w[:1].isupper() for w in words[1:]):
        return True
    return (  # "Hours later", "Two days ago"; not "Sanders hit back", "Paul then interjected"
        len(low) <= 3 and low[0] in _QUANTITY and any(w in _TIME_WORDS or w[:1].isdigit() for w in low)
    )


def past_scene(toks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The tokens of a sentence after the adverbials that open it and the places they name: "At a rally in
    Ames, Iowa, on Sunday, [Mrs. Clinton ...]", "A few days later, [Trump ...]". Unchanged when none opens it."""
    placed = False  # the segment skipped last ended with a capitalised word: "in Ames"
    for _ in range(4):
        comma = next((i for i, t in enumerate(toks[:16]) if t[1] == ","), -1)
        if comma <= 0:
            break
        seg = [t for _, t in toks[:comma] if t != "."]
        scene = seg[0][1:].islower() and seg[0].endswith("ing") and len(seg) > 1 and seg[1] in PREPS  # "Speaking at"
        if not (scene or _opening_adverbial(seg) or (placed and is_region(seg))):
            break
        placed = seg[-1][:1].isupper()
        toks = toks[comma + 1 :]
    return toks


_NOT_QUOTE = re.compile(
    r"(?:so[- ]called|dubbed|called|named|termed|titled|entitled|known\s+as|label+ed|branded|nicknamed|"
    r"code-?named|the\s+(?:term|word|phrase|slogan|motto|hashtag|newspaper|magazine|book|film|program(?:me)?|"
    r"project|operation|exercise)|operation)\s*$",
    re.IGNORECASE,
)
# 'what Mr. Hedge called "the prior model"', 'a country that Mitt Romney called "our foe"': a name, then what
# its bearer called it; the quotation is theirs (not 'so-called "X"', nor 'what is called "X"').
_WHAT_CALLED = re.compile(
    r"\b(?:what|which|who|whom|that)\s+(" + no_stop(';:~"“”«».') + r"{1,70}?)\s+(?:called|calls)\s*$"
)
_BE = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "so", "commonly", "often", "sometimes"}


def what_called(m: str, lo: int, hi: int) -> bool:
    """Does m[lo:hi] end in 'what <speaker> called' (or calls), the speaker a name or a pronoun?"""
    mt = _WHAT_CALLED.search(m, lo, hi)
    if not mt:
        return False
    words = mt.group(1).split()
    return not any(w.lower() in _BE for w in words) and (
        words[0].lower() in _CLAUSE_PRONOUNS or any(w[:1].isupper() for w in words)
    )


_LIST = re.compile(
    r"^\s*(?:(?:Below|Here)\s+(?:are|is)\s+(?:some\s+of\s+)?(?P<a>[^.:\"“]{1,80}?)['’]s\s+(?:\w+\s+){0,2}?"
    r"(?:statements|remarks|quotes|quotations|comments|theses|points|highlights|takeaways)\b"
    r"|(?P<b>[^.:\"“]{1,80}?)['’]s\s+(?:\w+\s+){0,2}?(?:statements|remarks|quotes|quotations|theses)\s*:"
    r"|(?:key|main|top)\s+(?:statements|remarks|quotes|quotations|theses)\s+(?:by|from|of)\s+(?P<c>[^.:]{1,80}?)\s*[:.]"
    r"|(?P<d>[^.:\"“]{1,80}?)\s+(?:made|delivered)\s+the\s+following\s+(?:\w+\s+)?(?:statements|remarks)\b)",
    re.IGNORECASE,
)


def main_subject(text: Marked, sp: Speakers, s: int, c: Cue, whole: bool) -> Entity | None:
    """The subject of the clause a cue belongs to, when no other reading found a speaker: the noun
    phrase after any opening adverbial ("In three interviews, the justice sounded off on Trump,
    saying ..."; "Although X ..., Trump sent ... by suggesting ..."). With ``whole``, the cue's verb
    follows the phrase directly ("those surveyed said", "Many in the crowd said"). A phrase that
    names nobody the article knows is kept as written."""
    if _QUOTE_CHARS.search(text.m, s, c.start) or c.start - s > 300 or _NEGATED.search(text.m, s, c.start):
        return None
    toks = after_dateline(text.tokens(s, c.start))
    if toks and toks[0][1] == "(":  # "(Reuters) - ", after a dateline cut at "Fla."
        close = next((i for i, t in enumerate(toks[:6]) if t[1] == ")"), -1)
        toks = toks[close + 1 :] if close > 0 else toks
        while toks and toks[0][1] in ("-", "—", "–"):
            toks = toks[1:]
    for _ in range(3):
        while toks and toks[0][1].lower() in _OPENERS:
            toks = toks[1:]
        toks = past_scene(toks)
        if not toks:
            return None
        low = toks[0][1].lower()
        comma = next((i for i, t in enumerate(toks[:4]) if t[1] == ","), -1)
        if comma > 0 and all(t[1].lower() in _SENTENCE_ADVERBS for t in toks[:comma]):
            toks = toks[comma + 1 :]  # "Even so, ...", "Of course, ..."
            continue
        if low == "even" and len(toks) > 1 and toks[1][1].lower() in _SUBORDINATE:
            toks, low = toks[1:], toks[1][1].lower()  # "Even if she loses, ..."
        if low in _DETERMINERS or not (
            low in PREPS or low in _SUBORDINATE or low.endswith(("ing", "ly")) or low in _TIME_WORDS
        ):
            break
        comma = next((i for i, t in enumerate(toks[:30]) if t[1] == ","), -1)
        if comma < 0 and low in _SUBORDINATE and whole:  # "Though executives who know him say ..."
            toks = toks[1:]
            continue
        if comma < 0:
            return None
        toks = toks[comma + 1 :]
    if whole:
        words = [w for _, w in toks]
        for dash in ("—", "–"):  # "insiders in two states — Nevada and Ohio — said"
            if words.count(dash) == 2:
                i, j = words.index(dash), len(words) - 1 - words[::-1].index(dash)
                words = words[:i] + words[j + 1 :]
        cut = next((k for k, w in enumerate(words) if w in (",", "who", "whose", "which") and k), None)
        if cut is not None:  # "executives who have worked with him say", "The nurse, a Republican, said"
            words = words[:cut]
        while words and (words[-1].lower() in _AUX or words[-1].endswith("ly")):
            words = words[:-1]
        if not 0 < len(words) <= 7 or any(
            w in _SUBJECT_BREAK
            or w.lower() in _FINITE_WORDS
            or w in _CLAUSE_PRONOUNS
            or w.lower() in _AUX
            or (w.islower() and w.endswith("ing"))
            or (k < len(words) - 1 and _VERB_LIKE.fullmatch(w))
            for k, w in enumerate(words)
        ):
            return None
    else:
        words = []
        for _, w in toks[:8]:
            low = w.lower()
            if w in _SUBJECT_BREAK or low in _FINITE_WORDS or low in _AUX or _VERB_LIKE.fullmatch(w):
                break
            if (
                words
                and w.islower()
                and words[-1][:1].isupper()
                and words[-1].lower() not in _DETERMINERS
                and low not in ("of", "for", "campaign")
                and low not in ORG_HEADS
                and low not in GROUP_NOUNS
                and low not in ROLE_HEADS
            ):
                break  # "Trump sent": a name, then its verb
            words.append(w)
        else:
            return None
    if not words or words[0].lower() in _NOT_SUBJECT or words[-1].lower() in PREPS or words[-1].lower() in _ARTICLES:
        return None  # "The notice of a [certified letter], announcing": no phrase
    ref = parse_phrase(words)
    ent = sp.resolve(ref, toks[0][0]) if ref is not None else None
    if ent is not None or (ref is not None and ref.kind == "pronoun"):
        return ent
    words = lead_words(words)  # "Even those": not the adverb
    if not words or not words[-1].islower() and not words[-1][:1].isdigit():
        return None  # a lone capitalised word: not a speaker this reading can vouch for
    phrase = " ".join(words)
    return sp.group(phrase) if len(phrase) <= 60 else None


_SUBORDINATORS = {"while", "whereas", "when", "as", "because", "although", "though", "after", "since", "before", "if"}
_COORDINATORS = {"but", "and", "yet"}
_NAME_TOKEN = re.compile(r"[A-Z][\w.’'-]*")


def clause_subject(text: Marked, sp: Speakers, s: int, c: Cue) -> Entity | None:
    """The person named as the subject of the clause a participle or a coordinated cue belongs to, when a
    conjunction opened that clause after the sentence began: "..., while Mike Huckabee, the former governor,
    proposed a plan and said ...", "..., but Wallace brought him back, asking ...", "The crowd cheered when
    Trump spotted a sign and asked ...". A clause opened by "when" or "while" that a comma closes before
    the cue is not the cue's ("When Trump suggested it, Rubio fired back, saying": not Trump)."""
    hi = c.np_start if c.np_start >= 0 else c.start
    if hi - s > 400:
        return None
    toks = text.tokens(s, hi)
    for i in range(len(toks) - 2, -1, -1):
        word = toks[i][1] if i else toks[i][1].lower()  # "When Trump suggested it, ..."
        if word in _CLAUSE_STOP:
            return None
        if word not in _SUBORDINATORS and word not in _COORDINATORS:
            continue
        if word == "and" and i and toks[i - 1][1][:1].isupper():  # "Trump and Ryan met": a pair, not a clause
            continue
        found = _named_clause(sp, toks, i + 1)
        if word in _SUBORDINATORS and (
            comma := next((k for k in range(found[1] if found else i, len(toks)) if toks[k][1] == ","), 0)
        ):
            main = _named_clause(sp, toks, comma + 1)  # "When Trump suggested it, [Rubio fired back], saying"
            return main[0] if main else None
        if found:
            return found[0]
    found = (
        _apposed_clause(sp, toks, 0) if toks and toks[0][1].lower() in ("one", "the", "a", "an", "her", "his") else None
    )
    return found[0] if found else None


def _named_clause(sp: Speakers, toks: list[tuple[int, str]], i: int) -> tuple[Entity, int] | None:
    """The person whose name opens a clause at ``toks[i]`` and is followed by its verb ("Wallace brought",
    "Mike Huckabee, the former Arkansas governor, proposed"), with where the verb is; or None."""
    if i < len(toks) and (toks[i][1].lower() in _DETERMINERS or toks[i][1].lower() in ("one", "her", "his", "their")):
        return _apposed_clause(sp, toks, i)  # "her main rival, Bernie Sanders, has soared"
    j = i
    while j < len(toks) and j - i < 5 and (_NAME_TOKEN.fullmatch(toks[j][1]) or toks[j][1] == "."):
        j += 1
    if j == i or j >= len(toks):
        return None
    v = j
    if toks[v][1] == ",":  # "Mike Huckabee, the former Arkansas governor, proposed"
        close = next((k for k in range(v + 1, min(len(toks), v + 14)) if toks[k][1] == ","), -1)
        v = close + 1 if close > 0 else v
    if v >= len(toks) or not (toks[v][1].islower() and _clause_verb(toks[v][1])):
        return None
    ref = parse_phrase([t for _, t in toks[i:j] if t != "."])
    if ref is None or ref.kind != "name":
        return None
    ent = sp.resolve(ref, toks[i][0])
    return (ent, v) if ent is not None and not ent.org and not ent.group else None


def _apposed_clause(sp: Speakers, toks: list[tuple[int, str]], i: int) -> tuple[Entity, int] | None:
    """The person named in apposition to the role that opens a clause, when a verb follows: "[her main rival,]
    Bernie Sanders, has soared", "[One of the men,] Jessie Elkins, 70, had served"."""
    comma = next((k for k in range(i + 1, min(len(toks), i + 9)) if toks[k][1] == ","), -1)
    if comma < 0 or any(_clause_verb(t) for _, t in toks[i:comma]):
        return None
    named = apposed_name(toks, comma + 1)
    if named is None:
        return None
    v = next((k for k in range(comma + 1, len(toks)) if toks[k][0] >= named[1]), len(toks))
    if v < len(toks) and toks[v][1] == ",":
        v += 1
        if v + 1 < len(toks) and toks[v][1][:1].isdigit() and toks[v + 1][1] == ",":  # "Jessie Elkins, 70,"
            v += 2
    if v >= len(toks) or not (toks[v][1].islower() and _clause_verb(toks[v][1])):
        return None
    ent = sp.resolve(named[0], toks[comma + 1][0])
    return (ent, v) if ent is not None and not ent.org and not ent.group else None


_CLAUSE_STOP = {";", ":", "~", '"', "“", "”"}


_IRREGULAR_PAST = {"shot", "fought", "thought", "felt", "heard", "knew", "saw", "did", "found", "became", "bought"}


def _clause_verb(word: str) -> bool:
    return (
        bool(_VERB_LIKE.fullmatch(word))
        or word in _IRREGULAR_PAST
        or word in _AUX
        or word in _FINITE_WORDS
        or (len(word) > 3 and word.endswith("s") and not word.endswith("ss"))
    )


_TO_GAP = re.compile(r"\s+to\s+")


def _verb_next(toks: list[tuple[int, str]], k: int) -> bool:
    """Does a verb follow the phrase ``toks[:k]`` ("The spokesman would ...", "The senator survived ...")?"""
    return k < len(toks) and toks[k][1].islower() and _clause_verb(toks[k][1])


def went_on(m: str, prev: Cue, c: Cue, but: bool = False) -> bool:
    """Is ``c`` the infinitive after "went on" ("She went on to say ..."), whose speaker is went on's? With
    ``but``, also a verb coordinated with the one before it: "Poe warned of delays but said ..."."""
    if but and prev.kind != "acc" and prev.np_start < prev.start and _BUT_GAP.fullmatch(m, prev.end, c.start):
        return True
    if but and prev.kind != "acc" and prev.np_start < prev.start and _THEN_TO.fullmatch(m, prev.end, c.start):
        return True  # "Hale tweeted on Friday to say ...": the infinitive says what the tweet said
    return prev.verb in ("went on", "goes on", "go on") and bool(_TO_GAP.fullmatch(m, prev.end, c.start))


_DASHED = re.compile(r"\s(?:—|–|--|-)\s")
_THEN_TO = re.compile(r"(?:\s+(?:on\s+)?[A-Z][a-z]+day|\s+(?:late|early)\s+[A-Z][a-z]+day|\s+again|\s+later)?\s+to\s+")
_BUT_GAP = re.compile(r"[^.;:!?~\"“”]{1,80}?\s(?:but|yet)\s+(?:then\s+|also\s+|later\s+|[a-z]{3,}ly\s+)?")


_NOUN_MODIFIERS = frozenset(["campaign", "administration", "white", "house", "press", "staff", "party", "committee"])
_ROLE_ADJECTIVES = frozenset(["recent", "longtime", "current", "top", "senior", "chief", "former", "deputy"])


def modified_head(toks: list[tuple[int, str]], k: int) -> int:
    """The end of a subject whose capitalised words modify a lower-case head: "A Smith campaign official"
    (not "A Smith"), "Her campaign workers", "The Pentagon's recent top adviser"; ``k`` when no head follows
    within two modifiers."""
    if not k or k >= len(toks) or not toks[k - 1][1][:1].isupper() or toks[0][1][2:3] in ("'", "’"):
        return k  # "He's a Smith supporter": a clause
    j = k
    while (
        j < len(toks)
        and j - k < 3
        and (toks[j][1] in _NOUN_MODIFIERS or toks[j][1] in _ROLE_ADJECTIVES or is_head(toks[j][1]))
    ):
        j += 1
        if is_head(toks[j - 1][1]):
            return j
    return k


def cue_before_colon(cues: list[Cue], m: str, s: int, pe: int) -> Entity | None:
    """The speaker of a cue that the colon ending a paragraph closes, a few words after it: "..., and Cruz
    called them on it:" (a cue whose clause takes no "that", so not yet the one speaking)."""
    last = next((c for c in reversed(cues) if s <= c.start < pe), None)
    if last is None or last.entity is None or last.entity.group:
        return None
    tail = m[last.np_end if last.np_start == last.start else last.end : pe].rstrip()
    return last.entity if tail.endswith(":") and len(tail.split()) <= 5 and not _QUOTE_CHARS.search(tail) else None


# A speaker's own words named by a possessive just before the quotation: 'his call for "a total ban"'.
_OWN_WORDS = re.compile(
    r"\b([Hh]is|[Hh]er) (?:[a-z-]+ ){0,2}(?:call|calls|claim|claims|comments?|remarks?|promise|pledge|vow|words|"
    r"statement|assertion|insistence|warning|description|suggestion|boast|demand)(?: (?:for|that|of|to|about|on|as))?\s*$"
)


def _aside(body: str, s: int, e: int) -> bool:
    """Is the sentence [s, e) an aside in parentheses ("(Subscribe to our Off Message podcast.)")? It
    names no subject for the pronoun of the next sentence."""
    return body[s : s + 1] == "(" and body[s:e].rstrip().endswith(")") and body.count("(", s, e) == 1


def fronted_subject(reader: ParagraphReader, s: int, e: int, c: Cue) -> Entity | None:
    """The subject after a participle clause that opens the sentence: "After saying he would run,
    the mayor ...", "While arguing that ..., Ms. Poe ..."."""
    if reader.m[s : c.np_start].strip() or (c.np_start == c.start and c.np_end > c.start):
        return None
    comma = reader.m.find(",", c.end, e)
    return reader._opening_subject(comma + 1, e, True) if comma > 0 else None


class ParagraphReader:
    """Reads an article paragraph by paragraph and records its quotations in ``found``."""

    def __init__(self, text: Marked, sp: Speakers, found: Found) -> None:
        self.text, self.body, self.m = text, text.body, text.m
        self.sp = sp
        self.found = found
        self.history = found.history
        self.reader = CueReader(text)
        self.indirect = IndirectReader(text, self.reader, found)
        self._tokens = text.tokens
        self._lead: dict[int, int] = {}  # opening mark -> start of the unquoted words that lead into it
        self._cues: list[Cue] = []  # the cues of the paragraph being read

    def run(self) -> list[Quote]:
        list_speaker: Entity | None = None
        for (ps, pe), qs in zip(self.text.paras, self.text.quotes, strict=True):
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
            if para.rstrip().endswith(":"):
                self._introduces(ps, pe, qs)
        self.found.out.sort(key=lambda q: (q.start, q.end))
        return self.found.out

    def _introduces(self, ps: int, pe: int, qs: list[Q]) -> None:
        """A paragraph that ends in a colon introduces what follows: "Senator Ruiz issued the following
        statement:", "Cruz called them on it:". The subject of its last sentence speaks next, unless a cue in
        that sentence already named who does; a quotation with no cue of its own goes to them."""
        s = self.text.sentences(ps, pe, qs, set())[-1][0]
        if any(s <= at < pe for at, _ in self.history[-3:]):
            return
        ent = cue_before_colon(self._cues, self.m, s, pe) or self._opening_subject(s, pe)
        if ent is not None and not ent.group:
            self.sp.current = ent
            self.history.append((pe, ent))

    def _as_written(self, c: Cue) -> Entity | None:
        """An unnamed speaker no name in the article stands for, kept as the article's phrase:
        "the witness", "a senior U.S. official" (without its article)."""
        if c.ref is None or c.ref.kind not in ("role", "orgref") or c.ref.words[:1] == ("it",):
            return None
        a, b = (c.end, c.np_end) if c.np_start == c.start else (c.np_start, c.np_end)
        words = self.body[a:b].split()
        while words and words[0].lower() in _ARTICLES:
            words = words[1:]
        phrase = _DASHED.split(" ".join(trim_phrase(words)))[0].strip(" ,;:—–")  # not "mayor — a Democrat ..."
        return self.sp.group(phrase) if phrase and len(phrase) <= 80 else None

    def _opening_subject(self, s: int, e: int, as_written: bool = False) -> Entity | None:
        """The speaker phrase that opens a sentence: "Woodward rejected it, saying that ..."."""
        toks = after_dateline(self._tokens(s, min(e, s + 200)))
        while toks and toks[0][1].lower() in _OPENERS:  # "But", "And"
            toks = toks[1:]
        toks = past_scene(toks)  # "Back in 1999,", "Hours later,", "At a rally in Ames, Iowa,"
        k = 0
        while k < len(toks) and np_allowed(toks[k][1]):
            k += 1
        k = modified_head(toks, k)
        ref = parse_phrase([t for _, t in toks[:k]]) if k else None
        if ref is None and toks and toks[0][1].lower() in ("he", "she", "they"):
            ref = parse_phrase([toks[0][1]])
        if ref is None or ref.kind == "orgref":
            return None
        if ref.kind == "name" and " " not in ref.name and name_key(ref.name) not in self.sp.people:
            verb = toks[k][1] if k < len(toks) else ""
            if not (verb.islower() and verb.endswith(("ed", "s"))):  # "Rubio pushed back", not "Hours later"
                return None  # a lone capitalised word nobody in the article is called
        ent = self.sp.resolve(ref, s)
        if (
            ent is None
            and ref.kind == "role"
            and any(t[1][:1].isupper() for t in toks[1:k])
            and is_head(toks[k - 1][1])
        ):
            words = [t for _, t in toks[:k]]  # "The Pentagon's recent top adviser", nobody named: as written
            return self.sp.group(" ".join(words[1:] if words[0].lower() in _ARTICLES else words))
        if ent is None and ref.kind == "role" and as_written and _verb_next(toks, k):
            words = [t for _, t in toks[:k]]  # "The spokesman would not say ... but said": as written
            return self.sp.group(" ".join(words[1:] if words[0].lower() in _ARTICLES else words))
        return ent

    def _long_subject(self, s: int, c: Cue) -> Entity | None:
        """The subject that opens the sentence, for a cue whose own reading found none because
        asides stand between them: "Jane Roe, a nurse from Ohio, attending the rally, said she ..."."""
        if _QUOTE_CHARS.search(self.m, s, c.start) or c.start - s > 300 or _NEGATED.search(self.m, s, c.start):
            return None  # "Peskov did not say whether ...": nothing was said
        ent = self._opening_subject(s, c.start, True)
        if ent is not None:
            c.np_start, c.np_end, c.left = s, c.start, ""
        return ent

    def _paragraph(self, ps: int, pe: int, qs: list[Q], list_speaker: Entity | None) -> None:
        m, body = self.m, self.body
        cues = self._cues = self.reader.cues(ps, pe)
        for q in qs:
            lead = m[max(ps, q.open - 40) : q.open]
            content = body[q.open + 1 : q.close].strip()
            words = content.split()
            if (_NOT_QUOTE.search(lead) and not what_called(m, max(ps, q.open - 90), q.open)) or (
                len(words) <= 4
                and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
                and content[-1:] not in ".!?,"
                and _NONBLANK.search(m, ps, q.open)
            ):
                q.keep = False
        kept = [q for q in qs if q.keep]
        opens = [q.open for q in kept]
        starts = [c.start for c in cues]
        done: list[tuple[Q, str, Entity, str | None]] = []  # (quote, kind, speaker, cue)
        pending: list[tuple[Q, str, Entity | None]] = []
        ind_from = len(self.found.ind)
        for s, e in self.text.sentences(ps, pe, qs, {c.np_start for c in cues}):
            scues = cues[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]
            last: Entity | None = None
            self.sp.sentence = (s, e)
            for i, c in enumerate(scues):
                if c.kind == "part":
                    c.entity = (
                        clause_subject(self.text, self.sp, s, c)
                        or last
                        or self._opening_subject(s, c.start)
                        or main_subject(self.text, self.sp, s, c, False)
                        or fronted_subject(self, s, e, c)
                    )
                elif c.ref is not None:
                    c.entity = self.sp.resolve(c.ref, c.np_start) or self._as_written(c)
                elif c.kind == "say" and last is not None and i and went_on(self.m, scues[i - 1], c, True):
                    c.entity = last  # "She went on to say ..."
                elif c.kind == "say" and last is None and not self.text.inside(c.start):
                    c.entity = self._long_subject(s, c) or main_subject(self.text, self.sp, s, c, True)
                if c.entity is not None:
                    last = c.entity
                    if c.kind != "strict" or self.reader.clause_that(c, e):
                        self.sp.current, self.sp.current_pos = c.entity, c.start
                        self.history.append((c.start, c.entity))
            squotes = kept[bisect.bisect_left(opens, s) : bisect.bisect_left(opens, e)]
            sstarts = [c.start for c in scues]
            for q in squotes:
                _, kind, ent, cue = self._classify(q, s, e, scues, sstarts)
                if ent is None:
                    pending.append((q, kind, self.found.current_at(q.open)))
                else:
                    done.append((q, kind, ent, cue))
            if list_speaker is None:
                ncues = noun_cues(self.m, self.sp, s, e, scues)  # "his claim that ...", "her promise to ..."
                self.indirect.find(s, e, sorted(scues + ncues, key=lambda c: c.start) if ncues else scues, squotes)
            if not _aside(body, s, e):
                self.sp.subject = (s, e)
                self.sp.sentences.append((s, e))
        if pending:  # quotations with no cue of their own
            prev = sorted([(q.open, ent) for q, _, ent, _ in done] + self.found.ind[ind_from:], key=lambda t: t[0])
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
            if q.open in self.found.absorbed and kind == "partial":
                continue
            if list_speaker is not None:
                ent, cue = list_speaker, cue if kind == "direct" else None
            self.found.emit(self._lead.pop(q.open, q.open + 1), q.close, kind, ent, cue, "")
        if list_speaker is not None:
            self._list_items(ps, pe, qs, cues, list_speaker)

    def _classify(self, q: Q, s: int, e: int, cues: list[Cue], starts: list[int]):
        """(quote, kind, speaker or None, cue) for one kept quotation."""
        m = self.m
        k = bisect.bisect_left(starts, q.open)  # cues[:k] come before the quotation
        initial = not _NOT_OPENING.search(m, s, q.open)
        if initial:
            p = _SPACE_COMMA.match(m, min(q.close + 1, e), e).end()
            ended = self.body[q.close - 1] in ".!?"
            for c in cues[k : k + 4]:
                near = c.np_start == p or (c.np_start > p and _NP_GAP.fullmatch(m, p, c.np_start))
                near = near or (c.left == "," and c.np_start > p and _ROLE_GAP.fullmatch(m, p, c.np_start))
                if near and ended and _COLON_AFTER.match(m, c.np_end if c.np_start == c.start else c.end, e):
                    return q, "direct", None, None  # '"We are refugees." Mr. Zahed said: "...": it opens the next
                if c.entity is not None and c.kind != "part" and near:  # '"...," campaign Chairman X told
                    c.used = True
                    return q, "direct", c.entity, c.verb
            if not _NOT_TAIL.search(m, q.close + 1, e):
                return q, "direct", None, None
        else:
            before = [c for c in cues[max(0, k - 4) : k] if c.end <= q.open and c.entity is not None]
            if before:
                c = before[-1]
                if c.verb in ("called", "calls") and what_called(m, max(s, q.open - 90), q.open):
                    return q, "partial", c.entity, c.verb  # 'what Mr. Hedge called "the prior model"'
                inverted = c.np_start == c.start and c.kind != "acc"
                at = c.np_end if inverted else c.end
                gap = m[at : q.open] if q.open - at < 200 else "~"
                colon = _COLON_GAP.fullmatch(gap) and " that " not in f" {gap} "
                comma = _COMMA_GAP.fullmatch(gap) and " that " not in f" {gap} "
                comma = comma or (inverted and ASIDE_GAP.fullmatch(gap))
                upper = self.body[q.open + 1 : q.open + 2].isupper()
                bare = not gap.strip() and upper and c.kind in ("say", "part")  # 'adding "We had no idea ..."'
                if colon or bare or (comma and (c.used or upper) and c.kind != "acc"):
                    was_used, c.used = c.used, True
                    return q, "direct", c.entity, None if was_used else c.verb
                if (
                    c.kind in ("say", "acc", "part")
                    or self.reader.clause_that(c, e)
                    or colon
                    or _TO_QUOTE.fullmatch(gap)
                ):
                    return q, "partial", c.entity, c.verb
        for c in cues[k : k + 8]:
            if c.start > q.close and c.entity is not None and c.left in ",—–-\"”»’'" and c.kind != "acc":
                if c.verb == "calling":  # 'a “rules-based order”, calling it a cover': a term, then what he calls it
                    continue
                p = _SPACE_COMMA.match(m, min(q.close + 1, e), e).end()
                if c.np_start == p and k == 0 and self._leads_in(s, q):
                    self._lead[q.open] = s  # 'Teachers in the union are "very, very pro-Bernie," Kay said.'
                return q, "partial", c.entity, c.verb
        # Putin "reasonably responded that ...": the quoted words carry the cue, the name precedes them
        said = INNER_CUE.match(self.body, q.open + 1, q.close)
        name = _LAST_NAME.search(m, max(s, q.open - 60), q.open)
        if said and name and name_key(name.group(1)) in self.sp.people:
            return q, "partial", self.sp.person([name.group(1)], ""), said.group(1)
        if own := _OWN_WORDS.search(m, max(s, q.open - 40), q.open):  # 'his call for "a total ban"': he said it
            ref = Ref("pronoun", words=("he" if own.group(1).lower() == "his" else "she",))
            return q, "partial", self.sp.resolve(ref, own.start()), None
        return q, "partial", None, None

    def _leads_in(self, s: int, q: Q) -> bool:
        """Do unquoted words run from the sentence start into the quotation, so that the two
        are one thing said: 'Teachers in the union are "very, very pro-Bernie," Kay said'?"""
        lead = self.m[s : q.open]
        words = lead.split()
        return (
            len(words) >= 3
            and not any(ch in lead for ch in '~"“”«»:;,')
            and words[0].lower() not in PREPS
            and not words[0].lower().endswith("ing")
            and self.body[q.close - 1] in ",.!?"
            and len(self.body[q.open + 1 : q.close].split()) >= 3
            and lead.rstrip()[-1:] not in ",—–-"
            and not self.text.inside(s)
        )

    def _list_items(self, ps: int, pe: int, qs: list[Q], cues: list[Cue], ent: Entity) -> None:
        """In a list of someone's statements, the unquoted sentences are theirs too."""
        run: list[tuple[int, int]] = []
        opens = [q.open for q in qs if q.keep]
        for s, e in [*self.text.sentences(ps, pe, qs, {c.np_start for c in cues}), (pe, pe)]:
            if s < pe and bisect.bisect_left(opens, s) == bisect.bisect_left(opens, e):
                run.append((s, e))
                continue
            if run:
                self.found.emit(run[0][0], run[-1][1], "indirect", ent, None, " ")
            run = []
