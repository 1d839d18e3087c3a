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

from .marks import TITLE_ABBREV, Marked
from .speakers import (
    GROUP_NOUNS,
    INDEFINITE,
    PRONOUNS,
    ROLE_HEADS,
    STOP_CAPS,
    Entity,
    Ref,
    company_name,
    is_particle,
    is_region,
    lead_words,
    no_stop,
    parse_phrase,
    role_of,
    wordset,
)
from .wire import (
    QUOTED_AS,
    bare_clause,
    by_rule,
    company_and,
    gerund_lead,
    lower_modifiers,
    possessive_org,
    relay_ref,
    title_comma,
    told_apposed,
    told_audience,
)

_SAY = (
    r"said|says|stated|noted|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|added|adds|"
    r"continued(?!\s+to\b)|continues(?!\s+to\b)|pointed\s+out|points\s+out|told|tells|remarked|explained|"
    r"explains|recalled|recalls|concluded(?!\s+(?:a|an|the|contracts?|agreements?|deals?|treat(?:y|ies))\b)|"
    r"concludes(?!\s+(?:a|an|the|contracts?|agreements?|deals?|treat(?:y|ies))\b)|answers|describes|jokes|quips|"
    r"argued|argues|claimed|asserted|insisted|insists|observed|wrote|writes|commented|underlined|"
    r"underlines|underscored|highlighted|reiterated|acknowledged|admitted|replied|answered|responded|"
    r"specified|clarified|went\s+on|summed\s+up|point\s+out(?=\s*[.;!?])|(?:shot|fired)\s+back(?:\s+[a-z]{3,}ly)?(?=\s*[,:]\s*[\"“«]|\s*[.;]|\s+that\b|\s+at\s+[^,.;~\"“”]{1,40}[,:]\s*[\"“«])|opined|quipped|lamented|complained|conceded|contended|"
    r"recounted|elaborated|described|believes|thinks|say|asserts?|Said|(?:was\s+)?quoted\s+as\s+saying|"
    r"testified|testifies|tweeted|posted|joked|boasted|bragged|retorted|shouted|yelled|exclaimed|chanted|"
    r"whispered|cautioned|countered|alleged|alleges|mused|wondered|emailed|texted|notes|argue|insist|"
    r"recalls|acknowledges|admits|concedes|contends|complains|explains|acknowledge|suggest|contend|"
    r"(?:reports?|claims?|warns?|notes?|stress|explain|maintain|predict|allege|concede|admit)(?=\s+that\s+(?!(?:is|are|was|were|has|have|had|will|would|can|could|may|might)\b))|"
    r"(?:repeated|repeats|reiterates|responds|replies|recounts|observes|laments|underscores|point\s+out|emphasi[sz]e|"
    r"confirm|recall|complain)(?=\s+that\s+(?!(?:is|are|was|were|has|have|had|will|would|can|could|may|might)\b))|"
    r"(?:reports|claims?)(?=\s+(?:he|she|they|we|it|there|his|her|their|its|the|a|an|[A-Z][a-z]+)\s)|"
    r"(?:reads?|put\s+it|puts\s+it)(?=\s*[,:]?\s*[\"“«])|(?<=[~,][\"”»] )reads?|put\s+it(?=,|:|\s+(?:this|that|another)\s+way\b)"
)
_STRICT = (
    r"declared|declares|confirmed|confirms|suggested|suggests|announced|announces|reported|"
    r"informed|indicated|mentioned|assured|promised|vowed|disclosed|revealed|predicted|estimated|"
    r"pledged|pledges|promises|predicts|demanded|demands|urges|asks|denies|called|vows(?=\s+to\b)|calls(?=\s+(?:for|on)\b)|calls(?=\s"
    + no_stop('.;:~"“”')
    + r"{1,60}?[\"“])|calls?(?=\s+(?:him|her|it|them|himself|herself|itself|themselves|this)\s+(?:a|an|the)\s)|"
    r"agreed|denied|urged|asked|Asked(?=\s+by\s)|proclaimed|warned|warns|maintained|maintains|reminded|believed|hoped|"
    r"expressed\s+(?:the\s+)?(?:confidence|hope|regret|concern|doubt|belief|conviction|certainty)"
)
_PART = (
    r"adding|noting|stressing|emphasi[sz]ing|saying|pointing\s+out|recalling|explaining|stating|"
    r"warning|underlining|insisting|arguing|observing|remarking|reiterating|concluding|specifying|"
    r"underscoring|highlighting|expressing\s+(?:the\s+)?(?:confidence|hope)|"
    r"telling|calling|claiming|writing|suggesting|declaring|announcing|acknowledging|admitting|contending|asserting|"
    r"vowing|promising|tweeting|predicting|complaining|alleging|asking|urging|describing|reminding|pledging|"
    r"answering|repeating|mentioning|joking|echoing|demanding|reporting|responding|quoting|conceding|boasting|"
    r"chanting|shouting|yelling"
)


def _without_lookarounds(pattern: str) -> str:
    """``pattern`` with its ``(?=...)`` and ``(?!...)`` groups left out: the words inside them are not cues."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith(("(?=", "(?!"), i):
            depth = 0
            while i < len(pattern):
                if pattern[i] == "\\":
                    i += 2
                    continue
                depth += (pattern[i] == "(") - (pattern[i] == ")")
                i += 1
                if not depth:
                    break
            continue
        out.append(pattern[i])
        i += 1
    return "".join(out)


def _gate(*alternatives: str) -> str:
    """A lookahead on the first two letters of every cue: skips most words without trying each cue."""
    heads = {"qu", "ac", "Ac", "in", "In", "as", "As"}
    for piece in _without_lookarounds("|".join(alternatives)).split("|"):
        piece = piece.lstrip("(?:")
        if len(piece) >= 2 and piece[:2].isalpha():
            heads.add(piece[:2])
    second: dict[str, set[str]] = {}
    for h in heads:
        second.setdefault(h[0], set()).add(h[1])
    return "(?=" + "|".join(f"{a}[{''.join(sorted(b))}]" for a, b in sorted(second.items())) + ")"  # "sa" -> s[ahptu]


# Participles that open a sentence: "Noting that ..., X said", "Having announced that ..., X left".
_FRONT_PART = (
    r"Noting|Adding|Saying|Arguing|Insisting|Promising|Warning|Claiming|Stressing|Explaining|Acknowledging|"
    r"Admitting|Declaring|Announcing|Stating|Recalling|Pointing\s+out|Predicting|Asserting|Conceding|"
    r"Having\s+(?:said|announced|stated|argued|noted|declared|insisted|warned|claimed|acknowledged|admitted|"
    r"promised|vowed|predicted|told|written|conceded|asserted)"
)
CUE = re.compile(
    rf"\b{_gate(_SAY, _STRICT, _PART, _FRONT_PART)}(?:(?P<acc>(?i:according\s+to|in\s+(?:his|her|its|their)\s+(?:words|view|opinion)|as\s+(?:first\s+)?reported\s+(?:by|in)))|(?P<part>{_PART}|{_FRONT_PART})|(?P<say>{_SAY})|(?P<strict>{_STRICT}))\b"
)
INNER_CUE = re.compile(rf"(?:[a-z]+ly\s+)?({_SAY}|{_STRICT})\b")
_ASIDE = re.compile(
    r",\s*(?:in\s+turn|for\s+(?:his|her|its|their)\s+part|meanwhile|however|too|also|though|"
    r"(?:who|which)\s+[^,~\"“”]{1,80}?|whose\s+[^~\"“”;]{1,200}?|"
    r"(?:during|at|in|on|after|before|while|speaking|addressing|appearing|writing)\s+[^~\"“”;]{1,80}?)\s*,\s*$"
)
_APPOSITIVE = re.compile(r",\s*([^,~\"“”]{2,80}?)\s*,\s*$")
_QUOTED_AS = QUOTED_AS  # wire.py: "quoted X, the minister, as saying"
_ACC_STOP = re.compile(r"[,.;:\"“”«»~(]")
_SPACES = re.compile(r"\s*")
_SPACES_RUN = re.compile(r"\s+")  # compiled once: re.sub(str, ...) looks its pattern up per cue
_NEXT_WORD = re.compile(r"\s*([\w'’-]+)")
_APPOSITION_AFTER = re.compile(r",\s*((?:the\s+)?[^,.;:\"“”~]{3,80})")
ASIDE_GAP = re.compile(r"\s*,[^,~\"“”]{1,80},\s*")
_THAT = re.compile(r"\bthat\b")
_TITLE_QUOTE = re.compile(r"[\"“«]~{1,60}[\"”»]")
_GAP_STOP = re.compile(r"[.;:~\"“”—–]|--|\s-\s")
# 'said — on Twitter, as it happens — that': an aside between dashes before "that"
_IN_ASIDE = no_stop('.;:~"“”—–')  # "Ms." may stand inside an aside; no full stop
_DASH_GAP = re.compile(rf"\s*(?:[\w’'-]+\s+){{0,3}}?(?:—|–|--|-(?=\s)){_IN_ASIDE}{{2,120}}?(?:—|–|--|(?<=\s)-)\s*")
# "Mr. Bush - in a line aimed at his rival - declared": an aside between dashes before the cue
_DASH_ASIDE = re.compile(rf"\s(?:—|–|--|-)\s{_IN_ASIDE}{{2,120}}?\s(?:—|–|--|-)\s*$")
FIRST = re.compile(r"\s*([\w'’-]+|[^\w\s])?")
PAREN = re.compile(r"[^,]*,\s*(?!(?:" + _PART + r")\b)\S")
_ADVERB = re.compile(r"[a-z]{3,}ly")  # "emphatically said"
_AUX_TAIL = re.compile(
    r"(?:\s+(?:has|have|had|did|does|do|also|now|long|since|repeatedly|sometimes|often|always|already|[a-z]{3,}ly))+\s*$"
)
_SKIP = wordset(
    "since often long frequently openly privately now both all still first initially quickly flatly "
    "monday tuesday wednesday thursday friday saturday sunday on yesterday today tonight "
    "has have had was were is are also further again then later once repeatedly previously earlier already "
    "recently reportedly specifically publicly firmly separately additionally moreover explicitly clearly "
    "once more even just only subsequently"
)
_NP_LOWER = (
    wordset(
        "radio television tv agency newspaper "
        "the a an its his her their of to for top chief foreign deputy senior former acting first vice press "
        "special presidential permanent high state diplomacy affairs defense defence security emergencies "
        "economic joint official officials diplomats newspaper daily weekly outlet magazine "
        "those these many most both few"
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
# A cue verb ends a speaker phrase read leftwards: "Deb Shops Inc said its board declared": "its board".
_SPOKE = wordset("said says told tells added adds stated declared announced reported noted")
TOLD = wordset("told tells telling informed assured reminded warned urged asked")
_BARE = wordset("said says say believes thinks")
# Verbs that take a clause without "that" only when the clause shows a finite verb soon:
# "argued the plan would fail", not "announced the plan".
_BARE_IF_CLAUSE = wordset(
    "added adds argued argues claimed claims insisted insists noted notes wrote writes warned warns "
    "acknowledged acknowledges admitted admits suggested suggests predicted predicts explained explains "
    "announced announces estimated reported reports conceded concedes contended recalled recalls "
    "stressed stresses asserted asserts maintained maintains complained complains tweeted tweets "
    "declared declares confirmed confirms believed thought promised vowed pledged "
    "insist argue suggest contend acknowledge admit countered counters responded responds replied replies "
    "saying declaring insisting arguing warning claiming suggesting predicting acknowledging stating noting"
)
BARE_VERBS = _BARE | _BARE_IF_CLAUSE
_FINITE = wordset(
    "is are was were has have had will would can could should may might must does did do shall "
    "isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't shouldn't doesn't didn't "
    "don't is’t wasn’t won’t wouldn’t can’t couldn’t shouldn’t doesn’t didn’t don’t isn’t hasn’t haven’t "
    "needs wants plans"
)
# Words between a cue and its clause: "said Sunday", "said on Tuesday", "said in an interview".
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|recently|earlier|later"
_ADVERBIAL = re.compile(
    _DAYS
    + r"|(?:on|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?"
    r"|(?:last|this|next)\s+(?:week|month|year|night|weekend|spring|summer|fall|winter)(?![\w'’])"  # not "this week's"
    r"|at\s+the\s+(?:end|beginning|start)\s+of\s+(?:(?:last|this|next)\s+(?:week|month|year)|[A-Z][a-z]+)"
    r"|for\s+(?:weeks|months|years|days|decades)|repeatedly|publicly|privately|again"
    r"|(?:in|during)\s+(?:an?|the|his|her|their|its)\s+(?:\w+\s+){0,2}?(?:interview|statement|speech|email|e-mail|"
    r"tweet|post|letter|note|conference\s+call|call|appearance|address|debate|rally|hearing|release)"
    r"(?:\s+(?:with|on|to|at)\s+(?:[A-Z][\w.’'-]*\s*){1,4})?"
    r"|at\s+(?:an?|the|his|her)\s+(?:\w+\s+){0,2}?(?:rally|event|news\s+conference|press\s+conference|briefing|hearing|forum)"
    r"(?:\s+in\s+[A-Z][\w.’'-]*(?:,?\s+[A-Z][\w.’'-]*)?)?)(?![\w'’])\s*,?"  # not "Thursday's"
)
_WEEKDAYS = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
_TOLD_OBJ = re.compile(
    r"\s+(?:(?:the|a)\s+)?(?:reporters|journalists|newsmen|correspondents|media|press|lawmakers|me|us|him|"
    r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}(?:\s+of\s+[A-Z][\w.’'-]*)?)(?=\s)"
)
# "told his audience they ...", "telling Clinton she had ...": an object _TOLD_OBJ does not know, when a
# pronoun subject and a finite verb follow it (checked by told_clause).
_TOLD_ANY = re.compile(
    r"\s+(?:her|them|him|(?:(?:his|her|their|its|our|the|a|an)\s+)?(?:[\w.’'-]+\s+){0,2}?[\w.’'-]+)"
    r"\s+(?=(?:he|she|they|we|I|you)(?:['’](?:s|d|ll|re|ve|m))?\s)"
)
_TOLD_TALES = wordset("story stories tale tales joke jokes truth lie lies anecdote anecdotes")
_MEDIA = wordset(  # ", the news site RTL Info reported": a medium named after its kind
    "site website outlet network newspaper paper daily weekly magazine agency station channel broadcaster "
    "program show blog"
)
_PAST = re.compile(
    r"[a-z]{2,}ed|took|made|got|went|came|gave|thought|knew|saw|felt|left|kept|became|began|seemed|needs|"
    r"found|won|lost|sent|spent|paid|held|meant|led|ran|did|wants|has|is|was"
)
_NOUN_TOO = wordset("report reports claim claims note notes warns stress calls vows answers jokes quips")
_DETERMINED = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|new|latest|recent)|['’]s)\s+$", re.I
)
_ACC_END = wordset(
    "that which who based conducted released published taken out - — – last this on showing shows found finds"
)
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|been|'s|’s)\s+(?:(?:also|now|still|already|again|[a-z]{3,}ly)\s+)?$")
_DOCUMENT = re.compile(
    r"\b(?:statement|letter|message|e-?mail|tweet|post|memo|note|release|video|ad|advertisement|op-ed|report|"
    r"lawsuit|suit|complaint|article)s?"
    r"(?:\s+(?:to|on|from)\s+[\w.’'-]+(?:\s+[\w.’'-]+){0,2}?)?"
    r"(?:\s+(?:(?:on|late|early)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|"
    r"afternoon|evening))?|\s+(?:this|last)\s+(?:week|month)|\s+in\s+(?:19|20)\d\d)?,?\s+$"
)
_GERUND_PREP = re.compile(r"\b(?i:by|after|before|while|when|upon)\s+(?:[a-z]{3,}ly\s+)?$")
# A participle with no comma before it: "... and saying that ...", "with 30 percent of voters saying ...",
# "with Senator X telling reporters ...".
_AND_PART = re.compile(r"\b(?:and|but)\s+(?:then\s+|also\s+|[a-z]{3,}ly\s+)?$")
_WITH_PART = re.compile(r"\bwith\s+(" + no_stop(',;:.!?~"“”()') + r"{2,70}?)\s+(?:[a-z]{3,}ly\s+)?$")
_NOT_CLAUSE = wordset("that nothing so yes goodbye hello something little much more this it")


_CLAUSE_BREAK = {";", ":", "—", "–", ".", "!", "?", '"', "“", "”", "«", "»"}
_CONJ = wordset("and but or so because while when as although though if since after before where whereas that nor")
_POSTMOD = wordset("who whose which of for at from in with close familiar")
_RELATIVE = wordset("who whose which that")
_CLOSING = "\"”»’'"  # closing quotation marks, double and single
_AFTER_QUOTE = ",—–-" + _CLOSING
_AFTER_INVERTED = wordset("who which that in at on during after before while from to when as")
_CLAUSE_PRONOUNS = wordset("he she they it we i you there this that")
_OBJECT_OF = wordset("in at from to for with by on into against about over under between among than like")
_NOT_SUBJECT = wordset("it this that which who what there here these those such")


def _adverbial(seg: list[tuple[int, str]]) -> bool:
    """A segment that opens a sentence without being its subject: "Still", "On Tuesday", "In 2015"."""
    first = seg[0][1].lower()
    return first in PREPS or first.endswith("ly") or (len(seg) == 1 and first in STOP_CAPS)


def _named(seg: list[tuple[int, str]]) -> bool:
    words = [w for _, w in seg][: next((k for k, (_, w) in enumerate(seg) if w in ("of", "from")), None)]
    ref = parse_phrase(words)
    return ref is not None and ref.kind == "name" and not is_region(words)  # not "Massachusetts"


_LY_NOT_ADVERBS = wordset(  # "a yearly Gallup poll", "a CNN tally"
    "yearly monthly quarterly elderly tally tallies family families ally allies rally assembly"
)


# Modifiers paired before a role or group noun: "current and former officials", "state and local leaders".
_PAIRED = wordset("current former past present state local federal senior junior retired active public private")
_FIGURE_WORDS = wordset("two three four five six seven eight nine ten half")


def _adverb(words: list[str], k: int, tok: str) -> bool:
    """Is the k-th word of a speaker phrase an adverb that rules it out ("recently", "Only 15 pct")? Not a
    noun or an adjective in -ly, nor a capitalised word inside the phrase ("Italy"), nor "early" first or
    after an article ("early results of exit polls", not "the bank early this week"), nor the first word of
    a share ("Nearly eight in 10")."""
    w = words[k]
    if not w.endswith("ly") or w in _LY_NOT_ADVERBS or (k and not tok.islower()):
        return False
    if k == 0 and len(words) > 1 and (words[1][:1].isdigit() or words[1] in _FIGURE_WORDS):
        return False  # "Nearly eight in 10", "Roughly 40 percent of voters": a share
    return not (w == "early" and (k == 0 or words[k - 1] in ("a", "an", "the")))


def _np_like(seg: list[tuple[int, str]]) -> bool:
    """Could these words be a speaker phrase? Short, no finite verb, not a pronoun or a preposition."""
    if not seg or len(seg) > 14:
        return False
    words = [w.lower() for _, w in seg]
    if words[0] in _NOT_SUBJECT or words[0] in PREPS or words[-1] in PREPS or words[-1] in FUNCTION:
        return False
    if seg[0][1].islower() and words[0].endswith(("ing", "ed")):  # "facing a stiff challenge"
        return False
    if all(w in _SKIP or w in STOP_CAPS or w in FUNCTION or w in PREPS for w in words):  # "then"
        return False
    adverb = any(_adverb(words, k, t) for k, (_, t) in enumerate(seg))
    return not adverb and not any(w in _FINITE for w in words) and any(w[:1].isalpha() for w in words)


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


# A participle that opens the sentence: "Promising that ...", "Since announcing ...", "In addition to stating ...".
_FRONTED = re.compile(r"(?:^|(?<=[.!?~\"”]\s)|(?<=\n))\s*(?:Since\s+|In\s+addition\s+to\s+|Besides\s+)?$")
_COMMA_ADVERB = re.compile(r"[,—–]\s*(?!(?:" + "|".join(sorted(_LY_NOT_ADVERBS)) + r")\s)[a-z]{3,}ly\s+$")
_FAR_STOP = wordset("and but or nor that which who whom whose where when while because if as than said says")


def far_finite(m: str, at: int, e: int) -> bool:
    """Does the subject of a bare clause run long before its verb, an auxiliary or a modal within fourteen words
    ("argued Trump's proposal to pay down the debt by printing money would fail"), with no punctuation,
    conjunction or relative pronoun before it? (``bare`` has found no verb in the first seven.)"""
    words = m[at : min(e, at + 120)].split()[:14]
    for k, w in enumerate(words):
        if w[-1:] in ',;:—–~"“”()' or w.lower() in _FAR_STOP or w in ("-", "--"):
            return False
        if w.lower() in _FINITE:
            return k >= 5
    return False


def bare_ok(word: str) -> bool:
    """Can ``word`` start the clause after a bare "said"?"""
    low = word.lower()
    return word[:1].isalpha() and low not in PREPS and low not in _NOT_CLAUSE


_FIGURE = re.compile(r"\d[\d,.]*%?")
_SHARE_OF = {"much": "of", "most": "of", "many": "of", "more": "than"}
_ABOUT = wordset("about nearly almost roughly around some only just")


def figure_clause(at: int, first: str, after: list[str]) -> int:
    """Where a bare clause opened by a figure or a share starts (``at``), else 0: "said 2016 has seen
    ...", "says 31,000 to 160,000 of them could be lost", "said much of the talk was about", "said more
    than 1 million donors gave". A finite verb must follow within seven words, and no "that"."""
    low = first.lower()
    words = [w.lower().strip(",") for w in after[:7]]
    if low in _ABOUT and words and (_FIGURE.fullmatch(words[0]) or words[0] in _FIGURE_WORDS) and "of" in words[1:3]:
        return at  # "said about half of the rise reflected ...", "says nearly 40 percent of them ..."
    if "that" in words[:3] or not has_verb(words):
        return 0
    if _FIGURE.fullmatch(first) or (low in _SHARE_OF and words and words[0] == _SHARE_OF[low]):
        return at
    return 0


_TITLE_AFTER = re.compile(r"\s+[\"“]~+[\"”](?=\s+[\w])")


def past_title(m: str, at: int, e: int) -> int:
    """Past a programme's quoted title after the object of "told" at ``at`` ('told ABC's "Good Morning
    America" on Monday the talks were cordial'); ``at`` unchanged if there is none. The object must be a
    possessive ("ABC's", "NBC News'")."""
    if m[at - 2 : at] not in ("'s", "’s") and m[at - 1 : at] not in ("'", "’"):
        return at  # 'told CNN "the talk was cordial" and ...': a quotation, not a title
    mt = _TITLE_AFTER.match(m, at, e)
    return mt.end() if mt else at


def after_adverbials(m: str, at: int, e: int) -> int:
    """Past the adverbials that may stand between a cue and its clause: "said Sunday", "said in an
    interview with CNN", "announcing on Wednesday"."""
    while True:
        sp = _SPACES.match(m, at, e)
        adv = _ADVERBIAL.match(m, sp.end(), e)
        if not adv:
            return at
        at = adv.end()


# A pronoun with its verb contracted: "she'll", "he's", "they'd", "it's", "we've", "I'm" (a finite verb).
CONTRACTED = re.compile(r"(?i:he|she|they|we|i|you|it|there|that)['’](?:s|d|ll|re|ve|m)")


def has_verb(words: list[str]) -> bool:
    """Is there a finite verb among ``words`` (a contracted one too: "she'll")?"""
    return any(
        w.lower().strip(",.") in _FINITE or _PAST.fullmatch(w.lower().strip(",.")) or CONTRACTED.fullmatch(w)
        for w in words
    )


def clause_it(first: str, rest: str) -> bool:
    """Does a clause open with "it", "this" or "there" and a verb, perhaps after an adverb: "saying it was
    postponed", "saying it only signalled"? Or with a pronoun and its contracted verb: "stressing it's not"."""
    if CONTRACTED.fullmatch(first) and len(rest.split()) > 1:
        return True
    after = rest.split()[1:3]
    if len(after) == 2 and (after[0] in ("only", "also", "still", "now", "already") or _ADVERB.fullmatch(after[0])):
        after = after[1:]  # "saying it only signalled a change"
    return (
        first.lower() in ("it", "this", "there")
        and bool(after)
        and (after[0].lower() in _FINITE or bool(_PAST.fullmatch(after[0])))
    )


def is_head(tok: str) -> bool:
    """A lower-case noun that can end a speaker phrase: "analysts", "spokesman"."""
    low = tok.lower()
    return tok.islower() and (low in ROLE_HEADS or low in GROUP_NOUNS or low.rstrip("s") in ROLE_HEADS)


def _plural_head(tok: str) -> bool:
    """A head noun that can be coordinated: "economists and analysts", "teachers and union officials"."""
    return is_head(tok) or (tok.islower() and len(tok) > 4 and tok.endswith(("ers", "ists", "ians", "ants", "ents")))


def np_allowed(tok: str) -> bool:
    low = tok.lower()
    if tok[:1].isupper():
        return low not in STOP_CAPS or low in ("the", "a", "an", "his", "her", "their", "its")
    return low in _NP_LOWER or low in INDEFINITE or is_particle(tok)


def _adverbials_only(m: str, at: int, end: int) -> bool:
    """Are the words from ``at`` to ``end`` adverbials only, one or more ("late Friday", "last week")?"""
    return at < end <= after_adverbials(m, at, end + 1)


def clause_that(m: str, c: Cue, e: int) -> int:
    """Where the clause after cue ``c`` of masked text ``m`` starts, if ``c`` takes a that-clause; else 0."""
    mt = _THAT.search(m[c.end : min(e, c.end + 100)])
    if not mt:
        return 0
    gap = m[c.end : c.end + mt.start()]
    if "~" in gap:  # 'said on ABC's "This Week" that ...': a quoted title in the gap is one word
        gap = _TITLE_QUOTE.sub("Q", gap)
    words = gap.split()
    ok = (
        not gap.strip()
        or (c.verb in TOLD and len(words) <= (12 if "," not in gap else 5) and not _GAP_STOP.search(gap))
        or ASIDE_GAP.fullmatch(gap)
        or (_DASH_GAP.fullmatch(gap) and "--" not in gap.strip()[2:-2])
        or (words[0].lower() in PREPS and len(words) <= 12 and not _GAP_STOP.search(gap))
        or _adverbials_only(m, c.end, c.end + len(gap.rstrip(" ,")))  # "said late Friday that"
    )
    return c.end + mt.end() if ok else 0


def told_clause(m: str, at: int, e: int) -> int:
    """Where the clause starts after "told"/"telling" at ``at`` whose object is not one _TOLD_OBJ
    knows: "told his aides he planned ...", "telling Clinton she had been ...". The clause must open
    with a pronoun subject and show a finite verb within four words; else 0."""
    obj = _TOLD_ANY.match(m, at, min(e, at + 60))
    if not obj or any(ch in m[at : obj.end()] for ch in ',;:~"“”'):
        return 0
    said = m[at : obj.end()].lower().split()
    if any(w in _CONJ or w in _RELATIVE or w in _TOLD_TALES for w in said):  # "told a tale as he ...", "the story he"
        return 0
    words = m[obj.end() : min(e, obj.end() + 60)].split()[:5]
    if len(words) < 2:
        return 0
    first = words[0].lower()
    if first[-2:] in ("'s", "’s", "'d", "’d") or first[-3:] in ("'ll", "’ll", "'re", "’re", "'ve", "’ve"):
        return obj.end()
    return obj.end() if has_verb(words[1:4]) else 0


# A share of those polled as the subject: "About 4 in 10 say", "Nearly half said", "62 percent of
# voters said", "compared with 23 percent who said" (poll_share).
_SHARE_HINT = re.compile(
    r"[pPhHtTqQfFmMin](?:ercent|alf|hird|uarter|ifth|ajority|lurality|umber of|n (?:\d|ten|five|four|three))|%"
)
_SHARE = re.compile(
    r"(?:^|(?<=[.,;:—–!?])|(?<=\band)|(?<=\bbut)|(?<=\bwhile)|(?<=\bwith)|(?<=\bwhich))\s*"
    r"((?:(?:about|nearly|almost|roughly|around|only|just|over|under|fewer\s+than|less\s+than|more\s+than|a\s+full|"
    r"at\s+least|well\s+over)\s+)?"
    r"(?:half|a\s+third|a\s+quarter|a\s+fifth|two-thirds|three-quarters|one-third|one-quarter|one-fifth|"
    r"a\s+majority|a\s+plurality|a\s+(?:[a-z]+\s+)?number|(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+in\s+(?:\d+|ten|five|four|three)|"
    r"\d+(?:\.\d+)?\s*(?:percent|%))"
    r"(?:\s+of\s+[^,.;:~\"“”()]{1,60}?|(?:\s+[A-Za-z][\w’'-]*){0,3}?))"
    r"(?:\s+who)?(?:\s+(?:also|still|now|overall|generally|[a-z]{3,}ly))*\s*$",
    re.I,
)


def poll_share(m: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The span of a poll share that is the whole subject just before ``hi``, or None."""
    if not _SHARE_HINT.search(m, max(lo, hi - 90), hi):
        return None
    mt = _SHARE.search(m, max(lo, hi - 90), hi)
    if not mt:
        return None
    last = mt.group(1).split()[-1].lower()
    if last in _SKIP or last in FUNCTION:  # "half have said", "half of the": not a share that is a subject
        return None
    return mt.start(1), mt.end(1)


_TITLE_DOT = re.compile(r"(?<![\w.])([A-Za-z]+)$")
_INITIALISM = re.compile(r"(?:[A-Z]\.){2,}(?![\w.])")  # "U.S.", "F.A.A."
_SPACE = re.compile(r"\s|$")


def acc_stop(m: str, lo: int, hi: int) -> re.Match | None:
    """Where the phrase after "according to" ends: at punctuation, but not at the full stop of a
    title or an initial ("according to Mr. Rhodes", "according to Rep. Trey Gowdy", "John F. Kelly")."""
    stop = _ACC_STOP.search(m, lo, hi)
    while stop and stop.group() == ".":
        word_at = max(lo, m.rfind(" ", lo, stop.start()) + 1)
        initials = _INITIALISM.match(m, word_at, hi)
        if initials and stop.start() < initials.end():  # "according to U.S. Census data", "F.A.A. records"
            after = _ACC_STOP.search(m, initials.end(), hi)
            if not after or len(m[initials.end() : after.start()].split()) > 4:
                return _SPACE.match(m, initials.end(), hi)  # "..., according to the F.A.A. Most owners ...": it ends
            stop = after
            continue
        word = _TITLE_DOT.search(m, max(lo, stop.start() - 6), stop.start())
        if not word or not (
            len(word.group(1)) == 1 and word.group(1).isupper() or word.group(1).lower() in TITLE_ABBREV
        ):
            break
        stop = _ACC_STOP.search(m, stop.end(), hi)
    return stop


def _finite_or_past(word: str) -> bool:
    """A finite verb or a past form: the verb of a clause that opens with "it", "this" or "there"."""
    return word.lower() in _FINITE or bool(_PAST.fullmatch(word))


def _it_clause(first: str, after: list[str]) -> bool:
    """Does a bare clause open with "it", "this" or "there" and a verb, perhaps after an adverb: "said it
    was postponed", "said it actively investigated ..."?"""
    low = first.lower()
    if CONTRACTED.fullmatch(first) and after:  # "suggested she'll turn to ...", "insist he's returning"
        return True
    if low not in ("it", "this", "there") or not after:
        return False
    if low != "this" and len(after) > 1 and _ADVERB.fullmatch(after[0]):
        after = after[1:]
    return _finite_or_past(after[0])


def _written_after_quote(ref, words: list[str], left: str) -> bool:
    """'"...," wrote one commenter': no name the phrase reader accepts after a closing mark, so as written."""
    return (
        (ref is None or bool(_WEEKDAYS.intersection(words)))
        and left in _CLOSING
        and len(words) >= 2
        and words[0].lower() in _EDGE | {"the"}
    )


_QUANTITY = wordset("percent number majority minority half third quarter share plurality")
_MONTHS = wordset("jan feb mar apr jun jul aug sep sept oct nov dec")
_DANGLING = FUNCTION | PREPS  # "an appearance on a radio station during [which callers asked]": no phrase


def clause_break(toks: list[tuple[int, str]], k: int) -> bool:
    """Does ``toks[k]`` end the clause before a subject? Not the full stop of "Nov." ("the nominee for the
    Nov. 8 election later said")."""
    w = toks[k][1]
    if w == "." and k and toks[k - 1][1].lower() in _MONTHS:
        return False
    if w == "-":  # "a planner - a former aide said": a spaced hyphen as a dash, unless it pairs with another
        return k + 1 < len(toks) and toks[k + 1][1].islower() and sum(t == "-" for _, t in toks) == 1
    return w in _CLAUSE_BREAK or w.lower() in _CONJ or w[0] == "~"


def object_phrase(toks: list[tuple[int, str]], j: int, words: list[str]) -> bool:
    """Is the phrase after ``toks[j]``, read leftwards from a cue, no subject: the object of a preposition
    ("in Iowa, a swing state, said"; "a spokesman for committee Democrats said"), or a place after a comma
    ("a woman in Worcester, Massachusetts, said")? Then the whole clause subject is read instead."""
    w = toks[j][1]
    if w == "of" and j and toks[j - 1][1].lower().rstrip("%") in _QUANTITY:
        return True  # "a full 79 percent of Democrats say": the share speaks, read as the clause subject
    if w.lower() in _OBJECT_OF:
        return True
    if w == ",":
        return j > 1 and toks[j - 2][1] in ("in", "of", "from") and is_region(words)
    if len(words) != 1 or not words[0][:1].isupper():
        return False
    k = j  # "a columnist for the tech news site [Pando] said": over lower-case modifiers to a link word
    while k > 1 and j - k < 5 and toks[k][1].islower() and not is_head(toks[k][1]):
        if toks[k][1] in ("for", "to", "at", "of"):
            return k < j and is_head(toks[k - 1][1])  # after a role noun, not "what sort of sum [X]"
        if toks[k][1] in FUNCTION and toks[k][1] not in ("the", "a", "an"):
            return False
        k -= 1
    return False


# Adjectives that open a postmodifier of an unnamed source: "one Democrat familiar with the talks",
# "a Republican involved in the planning", "people close to the senator".
_POSTMOD_ADJ = wordset("familiar involved close knowledgeable briefed")
_POSTMOD_PREP = wordset("with in to about on")


def post_follows(toks: list[tuple[int, str]], k: int) -> bool:
    """Does a postmodifier of an unnamed source start at ``toks[k]``: "familiar with", "with knowledge of"?"""
    if not 0 < k < len(toks):
        return False
    return toks[k][1] in _POSTMOD_ADJ or (
        toks[k][1] == "with" and toks[k + 1 : k + 2] != [] and toks[k + 1][1] in _KNOWING
    )


_PERSONS = wordset("person people persons individual individuals")


def unnamed_head(toks: list[tuple[int, str]], k: int) -> bool:
    """Is ``toks[k - 1]`` "person"/"people" with a postmodifier after it, the head of an unnamed source:
    "said one person familiar with the talks", "said people with knowledge of the plan"?"""
    return toks[k - 1][1] in _PERSONS and post_follows(toks, k)


_KNOWING = wordset("knowledge direct firsthand first-hand intimate detailed")  # "with (direct) knowledge of"


def postmodified(toks: list[tuple[int, str]], k: int) -> int:
    """The end of an inverted speaker phrase whose head ``toks[:k]`` a postmodifier follows ("said one
    Democrat familiar with the discussion.", "said one person with knowledge of the talks."): the
    punctuation within ten words, if no verb comes first."""
    if k + 1 >= len(toks) or (toks[k + 1][1] not in _POSTMOD_PREP and toks[k][1] != "with"):
        return k
    for j in range(k + 2, min(len(toks), k + 12)):
        w = toks[j][1]
        if w in ",.;:!?" or w in _WEEKDAYS:  # "... familiar with the talks on Monday": not the day
            j -= w in _WEEKDAYS and toks[j - 1][1] in ("on", "last")
            return j if j > k + 2 else k
        if w.lower() in _FINITE or w.lower() in _SPOKE or w in _CLOSING:
            return k
    return k


def relative_head(toks: list[tuple[int, str]], k: int) -> bool:
    """Does "who" follow an unnamed speaker's phrase after a cue, so that its last word is the head noun
    ("said one shop owner who asked not to be named")?"""
    return toks[k][1] == "who" and toks[0][1].lower() in _EDGE and 1 < k <= 5


def lower_head(toks: list[tuple[int, str]], last: int, k: int) -> bool:
    """Does an article's phrase after a cue end at a lower-case noun before a link word, not at the last
    head read ("said a French user from Lyon", "said a woman in the crowd": not "French", not nobody)?"""
    if k >= len(toks) or toks[k][1] not in _AFTER_INVERTED or toks[0][1].lower() not in ("a", "an", "the"):
        return False
    if last > 1 and not toks[last - 1][1][:1].isupper():
        return False  # "a source involved in ...": the head was read; the postmodifier reader takes it on
    tail = [t for _, t in toks[max(last, 1) : k]]
    return bool(tail) and all(t.isalpha() and t.islower() and t not in FUNCTION for t in tail) and k <= 4


def inverted_ref(words: list[str], left: str) -> Ref | None:
    """The speaker phrase read after a cue: as the phrase reader has it; as written after a closing mark
    when that reader has nothing ('"...," wrote one commenter'), or when an indefinite head has a
    postmodifier ("said one Democrat familiar with the discussion")."""
    post = next((i for i, w in enumerate(words) if i >= 2 and (w in _POSTMOD_ADJ or w == "with")), 0)
    ref = parse_phrase(words[:post] if post else words)
    if post and words[0].lower() in INDEFINITE and (ref is None or ref.kind in ("name", "group", "role")):
        return Ref("group", name=" ".join(words[1:] if words[0].lower() in ("a", "an") else words))
    if _written_after_quote(ref, words, left):
        return Ref("group", name=" ".join(words[1:]))  # '"...," wrote one commenter': the phrase as written
    return ref


_PARTY_TAG = re.compile(r"[RDI]-[A-Z][a-z]{1,4}")  # "Sen. Marco Rubio, R-Fla., said"
_CLAUSE_EDGE = frozenset([";", ":", "~", '"', "“", "”", "«", "»"])


def opening_name(reader: CueReader, cue: Cue, ps: int) -> None:
    """The person named at the start of the clause, before asides that run over several commas: '"...,"
    Anne Richards, assistant secretary of state for population, refugees, and migration, said', "Sandy
    Phillips, who lost her daughter in Aurora, Colorado, in July 2012, said", "Senator Richard Shelby, the
    Alabama Republican who heads the Senate Banking Committee, which oversees the Fed, said". Replaces a
    speaker phrase read inside the asides; a name the cue already reads at that start stays."""
    m = reader.m
    hi = cue.start
    if m.find(",", max(ps, hi - 45), hi) < 0:
        return
    aux = _AUX_TAIL.search(m, max(ps, hi - 40), hi)
    hi = aux.start() if aux else hi
    if not m[max(ps, hi - 3) : hi].rstrip().endswith(","):
        return
    toks = reader._tokens(max(ps, hi - 320), hi)
    i = len(toks) - 1
    while i > 0:
        t = toks[i - 1][1]
        if t in _CLAUSE_EDGE or t[0] == "~":
            break
        if t == "." and i > 1:
            w = toks[i - 2][1]
            if not (w.lower() in TITLE_ABBREV or len(w) == 1 or is_region([w]) or _PARTY_TAG.fullmatch(w)):
                break
        i -= 1
    while i < len(toks) and toks[i][1] in (",", "—", "–") or (i < len(toks) and toks[i][1] in ("But", "And")):
        i += 1
    if i >= len(toks) or toks[i][1].lower() in STOP_CAPS or toks[i][1].lower() in PREPS:
        return  # "On CNN Tuesday, his wife, Jane, said": an adverbial, not a name
    j = i
    while j < len(toks) and (toks[j][1][:1].isupper() or is_particle(toks[j][1])) and j - i < 6:
        j += 1
    if j == i or j >= len(toks) - 2 or toks[j][1] != ",":
        return
    if "," not in [t for _, t in toks[j + 1 : -1]] and toks[-1][0] - toks[j][0] <= 80:
        return  # not "NAME, <aside>, <aside>, said" nor "NAME, <an aside too long to read as an apposition>, said"
    if cue.ref is not None and cue.ref.kind == "name" and cue.np_start <= toks[j][0]:
        return  # the cue's own reading is the name
    if toks[-2][1][:1].isupper() and toks[-3][1] == "and":
        return  # "Trump, Clinton and Sanders, said": a list
    ref = parse_phrase([t for _, t in toks[i:j]])
    quoted = i > 0 and toks[i - 1][1] in _CLOSING  # '"...," Trump, <aside>, said': a surname will do
    if ref is None or ref.kind != "name" or (" " not in ref.name and not ref.title and not quoted):
        return
    cue.ref, cue.np_start, cue.np_end = ref, toks[i][0], toks[j - 1][0] + len(toks[j - 1][1])
    cue.left = toks[i - 1][1] if i else ""


_TITLE_LINKS = frozenset(["former", "of", "then"])  # "former Secretary of State Hillary Clinton"
_APPOSED_END = frozenset([",", ".", ";", ":", "!", "?", "who", "of", "(", "—", "–"])


def apposed_name(toks: list[tuple[int, str]], k: int) -> tuple[Ref, int] | None:
    """The person's name at ``toks[k:]`` that stands in apposition to a role or an unnamed speaker before it:
    "[said another reader,] Jane Holt.", "[the bureau's director,] James B. Comey, said"; (its Ref, its end)."""
    j = k
    while j < len(toks) and j - k < 8 and (toks[j][1][:1].isupper() or toks[j][1] in _TITLE_LINKS):
        j += 1
    while j > k and toks[j - 1][1] in _TITLE_LINKS:
        j -= 1
    if j - k < 2 or (j < len(toks) and toks[j][1] not in _APPOSED_END):
        return None
    ref = parse_phrase([t for _, t in toks[k:j]])
    if ref is None or ref.kind != "name" or (" " not in ref.name and not ref.title):
        return None
    return ref, toks[j - 1][0] + len(toks[j - 1][1])


def relay_cue(reader: CueReader, mt: re.Match, ps: int, pe: int) -> Cue | None:
    """The cue of a relay: the X of 'It quoted X as saying'; the subject of 'he was quoted by Kyodo as
    saying' (a passive relay: the agency only carried the words), read as ``reader`` reads a subject."""
    ref = relay_ref(mt.group(1))
    if ref is not None:
        return Cue(mt.start(), mt.end(), "quoted as saying", "say", mt.start(1), mt.end(1), "", ref)
    if mt.group(1)[:3].lower() != "by ":
        return None
    cue = Cue(mt.start(), mt.end(), "quoted as saying", "say")
    reader._subject(cue, ps, pe)
    return cue if cue.ref is not None else None


def comma_segments(toks: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The tokens of a clause split at its commas, with parenthesised asides ("(R-Mo.)") left out."""
    segs: list[list[tuple[int, str]]] = [[]]
    depth = 0
    for t in toks:
        depth += (t[1] == "(") - (t[1] == ")")
        if t[1] == "," and not depth:
            segs.append([])
        elif not depth and t[1] != ")":
            segs[-1].append(t)
    return segs


def appositive_name(inner: list[str]) -> Ref | None:
    """The speaker an aside between commas names ("..., Chris Ball, said"; "..., General Motors Corp,
    said"): a plain name or a company, never a title or a role ("Sanders's spokesman")."""
    ref = parse_phrase(inner)
    if ref is None or len(inner) < 2:
        return None
    if company_name(inner):
        return ref
    head = inner[: next((i for i, w in enumerate(inner) if w in ("of", "from", "in", "at")), len(inner))]
    proper = all(w[:1].isupper() or is_particle(w) for w in head)
    return ref if ref.kind == "name" and not ref.title and proper else None


def lead_start(m: str, ps: int, cue: Cue) -> int:
    """Where the words that lead into a participle start, if they give its subject elsewhere, else -1: a
    preposition ("by saying ...", "after telling reporters ..."; the subject before it), the start of the
    sentence ("Noting that ..., X said", "Since announcing ...": the subject after the clause; a capitalised
    participle, "Having announced", is a cue only there, its verb then in lower case) or a comma and an adverb
    (", eventually saying ...")."""
    if gp := _GERUND_PREP.search(m, max(ps, cue.start - 28), cue.start):
        return gp.start()
    if fr := _FRONTED.search(m, max(ps, cue.start - 40), cue.start):
        cue.verb = cue.verb.split()[-1].lower()
        return fr.start()
    adv = None if cue.verb[0].isupper() else _COMMA_ADVERB.search(m, max(ps, cue.start - 24), cue.start)
    return adv.start() if adv else -1


def bare_participle(reader: CueReader, cue: Cue, ps: int) -> bool:
    """The speaker reading of a participle with no comma before it, or False: "..., pointing to his
    record and saying that ..." (the subject of the sentence, as after a comma); "with 30 percent of
    voters saying ...", "with Senator Ann Poe telling reporters ..." (the phrase after "with")."""
    m, hi = reader.m, cue.start
    if mt := _AND_PART.search(m, max(ps, hi - 30), hi):
        cue.np_start = cue.np_end = mt.start()
        return True
    mt = _WITH_PART.search(m, max(ps, hi - 90), hi)
    if not mt:
        return False
    if share := poll_share(m, ps, hi):
        ref = Ref("group", name=m[share[0] : share[1]])
    else:
        words = [w for _, w in reader._tokens(mt.start(1), mt.end(1))]
        ref = parse_phrase(words) if words and words[0].lower() not in FUNCTION else None
    if ref is None:
        return False
    cue.kind, cue.ref, cue.np_start, cue.np_end, cue.left = "say", ref, mt.start(1), mt.end(1), ","
    return True


# "When asked by a reporter whether ...": the one who asked is named after the cue, and the question follows.
_ASKED_BY = re.compile(
    r"\s+by\s+(" + no_stop(',;:.!?~"“”()') + r"{2,60}?)"
    r"(?:\s+(?:on|last|this)\s+[A-Z]?[a-z]+)?\s+(?=(?:whether|if|how|why|what|when|about|to\s+[a-z]+)\s)"
)


def asked_by(reader: CueReader, cue: Cue, pe: int) -> bool:
    """Read the asker of a passive "asked by X whether ..." into ``cue`` (as after an inverted cue); False if
    the cue is not one."""
    if cue.verb not in ("asked", "Asked"):
        return False
    mt = _ASKED_BY.match(reader.m, cue.end, min(pe, cue.end + 120))
    if not mt:
        return False
    toks = reader._tokens(mt.start(1), mt.end(1))
    ref = parse_phrase([w for _, w in toks])
    if ref is None and _np_like(toks):  # "a reporter": the phrase as written
        words = [w for _, w in toks]
        ref = Ref("group", name=" ".join(words[1:] if words[0].lower() in ("a", "an", "the") else words))
    if ref is None:
        return False
    cue.ref, cue.np_start, cue.np_end, cue.left = ref, cue.start, mt.end(1), ""
    return True


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
            if mt.group() in _NOUN_TOO and _DETERMINED.search(m, max(ps, mt.start() - 30), mt.start()):
                continue  # "an inspector general's report that ...", "the claim that ...": a noun
            cue = Cue(mt.start(), mt.end(), _SPACES_RUN.sub(" ", mt.group()), kind)
            if kind == "acc" and mt.group()[:1] in "Ii":  # "In his words, ..."
                own = {"his": "he", "her": "she", "its": "it", "their": "they"}[mt.group().split()[1].lower()]
                cue.ref, cue.np_start, cue.np_end = Ref("pronoun", words=(own,)), mt.start(), mt.end()
            elif kind == "acc":
                limit = min(pe, mt.end() + 120)
                stop = acc_stop(m, mt.end(), limit)
                np_end = stop.start() if stop else limit
                words = [t for _, t in self._tokens(mt.end(), np_end)]
                if by_rule(words):  # wire.py: "react according to the laws of GATT" names no source
                    continue
                cue.ref = parse_phrase(words)
                if cue.ref is None:
                    # "according to a new poll that shows ...", "a study by Pew based on census data"
                    cut = next((k for k, w in enumerate(words) if w.lower() in _ACC_END), len(words))
                    if 0 < cut <= 10:
                        words = words[:cut]
                        np_end = self._tokens(mt.end(), np_end)[cut - 1][0] + len(words[-1])
                        cue.ref = parse_phrase(words)
                if cue.ref is None and _np_like(self._tokens(mt.end(), np_end)):  # "according to a new poll"
                    while words and words[0].lower() in ("the", "a", "an"):
                        words = words[1:]
                    cue.ref = Ref("group", name=" ".join(words)) if words else None
                cue.np_start, cue.np_end = mt.start(), np_end
            elif kind == "part":
                lo = max(ps, mt.start() - 3)
                before = m[lo : mt.start()]
                mark = next((i for i in range(mt.start() - 1, lo - 1, -1) if m[i] in _CLOSING), -1)
                if mark > ps and self.text.body[mark - 1] == ",":  # '"... behind," adding that': the comma is quoted
                    cue.np_start = cue.np_end = mark
                elif (at := lead_start(m, ps, cue)) >= 0:  # "by saying", "Noting that ...", ", eventually saying"
                    cue.np_start = cue.np_end = at
                elif prog := _PROGRESSIVE.search(m, max(ps, mt.start() - 30), mt.start()):
                    cue.kind = "say"  # "Clinton is declaring that ...", "Aides have been saying ..."
                    cue.start = prog.start()
                    self._subject(cue, ps, pe)
                    cue.start = mt.start()
                    if cue.ref is None:
                        continue
                elif doc := _DOCUMENT.search(m, max(ps, mt.start() - 60), mt.start()):
                    cue.np_start = cue.np_end = doc.start()  # "issued a statement saying ...": its author's
                elif "," not in before and "—" not in before and "–" not in before:
                    if not bare_participle(self, cue, ps):
                        continue
                else:  # ", saying ...", "— saying ..."
                    at = max(m.rfind(",", ps, mt.start()), m.rfind("—", ps, mt.start()), m.rfind("–", ps, mt.start()))
                    cue.np_start = cue.np_end = ps + max(0, at - ps)
            elif not asked_by(self, cue, pe):
                self._subject(cue, ps, pe)
                opening_name(self, cue, ps)
            cues.append(cue)
        for mt in _QUOTED_AS.finditer(m, ps, pe):  # 'It quoted Khomeini as saying: "..."'
            if cue := relay_cue(self, mt, ps, pe):
                cues = [c for c in cues if not mt.start() <= c.start < mt.end()] + [cue]
        return sorted(cues, key=lambda c: c.start)

    def _subject(self, cue: Cue, ps: int, pe: int) -> None:
        m = self.m
        lo, hi = max(ps, cue.start - 200), cue.start
        if cue.verb == "Said":  # 'Said David Gluskin, vice-president of ..., "..."'
            if m[max(ps, hi - 200) : hi].rstrip()[-1:] in ("", ".", "!", "?", '"', "”"):
                self._inverted(cue, pe, ".")
            return
        if share := poll_share(m, ps, hi):  # "About 4 in 10 say", "Nearly half said"
            cue.ref, cue.np_start, cue.np_end = Ref("group", name=m[share[0] : share[1]]), share[0], cue.start
            cue.left = m[max(ps, share[0] - 2) : share[0]].strip()[-1:]
            return
        aux = _AUX_TAIL.search(m, lo, hi)  # "Romney, who ran in 2012, has repeatedly said"
        hi = aux.start() if aux else hi
        aside = _ASIDE.search(m, lo, hi) or _DASH_ASIDE.search(m, lo, hi)  # "Shoigu, who ..., said"; "X - ... - said"
        ap = None if aside else _APPOSITIVE.search(m, lo, hi)
        if ap:
            inner = ap.group(1).split()
            if ref := appositive_name(inner):
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
        if prev and prev[-1] in _AFTER_QUOTE:
            self._inverted(cue, pe, prev[-1])
        if cue.ref is None and prev and prev[-1] not in _CLOSING + "~":
            self._clause_subject(cue, ps)

    def _clause_subject(self, cue: Cue, ps: int) -> None:
        """The subject of the clause the cue ends, when the word-by-word reading found none:
        "Another pollster, David Woodard of Clemson University, said", "..., a source close to him
        said", "Sanders's top advisers said". A name in it is the speaker; else the phrase as written."""
        toks = self._tokens(max(ps, cue.start - 240), cue.start)
        i = len(toks)
        while i > 0:
            w = toks[i - 1][1]
            if w == ")":  # over "(R-Mo.)"
                k = next((k for k in range(i - 2, max(-1, i - 12), -1) if toks[k][1] == "("), -1)
                if k >= 0:
                    i = k
                    continue
            if clause_break(toks, i - 1):
                break
            if w in _SPOKE and i < len(toks) and all(t[1] != "," for t in toks[i:]):
                break  # "X said its board declared": the subject of "declared" starts after "said"
            i -= 1
        segs = comma_segments(toks[i:])
        if segs[-1]:  # "<content>, a source close to him said"
            seg, left = segs[-1], "," if len(segs) > 1 else ""
            if not left and i > 0 and toks[i - 1][1] in "—–":
                left = toks[i - 1][1]
        else:  # "A, B, said": the first segment that is not an adverbial ("Still,", "On Tuesday,")
            rest = [g for g in segs[:-1] if g and not _adverbial(g)]
            if not rest:
                return
            seg, left = rest[0], toks[i - 1][1] if i > 0 else ""
            if len(rest) > 1 and not _named(seg) and _named(rest[1]):
                seg = rest[1]  # "Another pollster, David Woodard of Clemson University, said"
        while len(seg) > 1 and (seg[-1][1].lower() in _SKIP or _ADVERB.fullmatch(seg[-1][1])):
            seg = seg[:-1]  # "Leaders of the group have said", "Police have long insisted"
        if seg and seg[0][1].lower() in ("those", "all", "some", "many", "most") and len(seg) > 1 and seg[1][1] != "of":
            seg = seg[1:] if seg[0][1].lower() != "those" else seg  # "All three candidates"
        if not _np_like(seg) and not (len(seg) == 2 and seg[0][1] == "Those" and seg[1][1].endswith("ed")):
            return
        words = [w for _, w in seg]
        head = words[: next((k for k, w in enumerate(words) if w.lower() in _POSTMOD and k), len(words))]
        ref = parse_phrase(head)
        if ref is None or ref.kind in ("role", "orgref", "group"):
            cut = next((k for k, w in enumerate(words) if w.lower() in _RELATIVE and k), len(words))
            words = lead_words(words[:cut])
            ok = words and words[-1].lower() not in _DANGLING  # not "an appearance on a station during"
            ref = Ref("group", name=" ".join(words).replace(" .", ".")) if ok else None  # "Nov. 8"
        if ref is None or ref.kind == "pronoun":
            return
        cue.ref, cue.np_start, cue.np_end, cue.left = ref, seg[0][0], cue.start, left

    def _left(self, cue: Cue, lo: int, hi: int, coordinate: bool) -> bool:
        """The speaker phrase just before the cue, read right to left; True if found."""
        toks = self._tokens(lo, hi)
        i = len(toks) - 1
        while i >= 0 and (toks[i][1].lower() in _SKIP or _ADVERB.fullmatch(toks[i][1])):
            i -= 1
        relative = i >= 1 and toks[i][1] == "who"
        if relative:  # "Merkel, who admitted that"; "a loss for Mr. Sanders, who said"; "experts who say"
            i -= 2 if toks[i - 1][1] == "," else 1
        if i >= 2 and toks[i][1] == ")":  # "Sen. Elizabeth Warren (D-MA) said"
            k = next((k for k in range(i - 1, max(-1, i - 8), -1) if toks[k][1] == "("), -1)
            if k > 0 and toks[k - 1][1][:1].isupper():
                i = k - 1
        if i >= 0 and toks[i][1] == "and" and coordinate:  # "... and added that": the same speaker
            cue.kind = "part"
            cue.np_start = cue.np_end = toks[i][0] - (1 if i and toks[i - 1][1] == "," else 0)
            return True
        if i < 0 or toks[i][1].endswith(("'s", "’s")):
            return possessive_org(cue, toks, i)  # wire.py: "Moody's said", "Standard and Poor's said"
        if toks[i][1].lower() in PRONOUNS and toks[i][1].lower() not in ("him", "her", "them"):
            j = i - 1
        else:
            head = is_head(toks[i][1]) or toks[i][1].lower() in GROUP_NOUNS  # "veteran Republicans said"
            j, spare = i, 3 if head else 0  # "senior market analysts said"
            while j >= 0:
                tok = toks[j][1]
                if tok == "and" and j > 0 and _plural_head(toks[j - 1][1]) and _plural_head(toks[i][1]):
                    j -= 1  # "economists and analysts said"
                    continue
                if tok == "and" and head and 0 < j < i and toks[j - 1][1] in _PAIRED:
                    j -= 1  # "current and former officials said"
                    continue
                if not np_allowed(tok) or (j < i and tok in _WEEKDAYS):  # "on Monday Sen. X said": X
                    if not (spare and tok.islower() and tok not in FUNCTION and tok not in _SPOKE):
                        break
                    spare -= 1
                det = tok.lower() in _EDGE and j < i
                if det and (j == 0 or toks[j - 1][1].lower() not in ("of", "to", "for")):
                    j -= 1
                    break
                j -= 1
        j = company_and(toks, lower_modifiers(toks, j, i), i)  # wire.py: "Standard and Poor's Corp said"
        if j >= 1 and toks[j][1] == "and" and toks[j - 1][1][:1].isupper():  # "the ministers of France and Germany"
            t = j - 1
            while t > 0 and (np_allowed(toks[t - 1][1]) or toks[t - 1][1] in ("of", "and")) and j - t < 10:
                t -= 1
            joint = [w for _, w in toks[t : i + 1]]
            low = [w.lower() for w in joint]
            if "of" in low and low.index("of") and low[low.index("of") - 1] in GROUP_NOUNS:
                while joint and joint[0].lower() in ("the", "a", "an"):
                    joint = joint[1:]
                cue.ref, cue.np_start, cue.np_end = Ref("group", name=" ".join(joint)), toks[t][0], cue.start
                cue.left = toks[t - 1][1] if t > 0 else ""
                return True
        words = [t for _, t in toks[j + 1 : i + 1]]
        while words and (words[0].lower() in ("of", "to", "for") or gerund_lead(words)):
            words, j = words[1:], j + 1  # "..., echoing security experts who say": not "echoing"
        ref = parse_phrase(words) if words else None
        # "in Iowa, a swing state, said": the phrase is an object, not who spoke
        if ref is None or (j >= 0 and not relative and object_phrase(toks, j, words)):
            return False
        cue.ref, cue.np_start, cue.np_end = ref, toks[j + 1][0], cue.start
        cue.left = toks[j][1] if j >= 0 else ""
        if ref.kind == "name" and cue.left not in ",—–-":  # ", director of public credit Mauricio Cabrera said"
            t = j
            while t >= 0 and j - t < 6 and toks[t][1].isalpha() and toks[t][1].lower() not in _EDGE:
                t -= 1
            if t > 0 and toks[t][1].lower() in ("the", "a", "an"):  # ", the news site RTL Info reported"
                t -= 1
            if t >= 0 and toks[t][1] in ",—–" and any(is_head(w) or w in _MEDIA for _, w in toks[t + 1 : j + 1]):
                cue.left = toks[t][1]
        if ref.kind in ("name", "org") and cue.left not in ",—–-" and j >= 0:
            cue.left = title_comma(toks, j) or cue.left  # wire.py: ", U.S. Ambassador to the OECD X said"
        return True

    def _inverted(self, cue: Cue, pe: int, left: str) -> None:
        """The speaker phrase after the cue: "said Lavrov", "said one diplomat who ..."."""
        m = self.m
        toks = self._tokens(cue.end, min(pe, cue.end + 200))
        if toks and toks[0][1].lower() in _CLAUSE_PRONOUNS:  # "said he would": a clause, not a speaker
            return
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
            if is_head(tok) or tok[:1].isupper() or tok.lower() in PRONOUNS or unnamed_head(toks, k):
                last_head = k
        if last_head < k and (k == len(toks) or toks[k][1] not in ",.;:!?" and not relative_head(toks, k)):
            k = k if lower_head(toks, last_head, k) else last_head  # "one Canadian bond trader who ..."
        follow = toks[k][1] if k < len(toks) else "."
        after_quote = left in _CLOSING and 0 < last_head == k and follow.islower() and follow not in _FINITE
        if not k or not (follow in ",.;:!?(" or follow in _AFTER_INVERTED or after_quote or post_follows(toks, k)):
            return  # ('"...," said one Democrat familiar with the plan': the phrase ends at its last head)
        while 0 < k < len(toks) and toks[k - 1][1] in _WEEKDAYS and toks[k][1].islower() and toks[k][1] not in FUNCTION:
            k += 1  # '"...," reads a Wednesday editorial in ...': not "Wednesday"
        k = postmodified(toks, k) if post_follows(toks, k) else k  # "said one person with knowledge of ..."
        ref = inverted_ref([t for _, t in toks[:k]], left)
        if ref is None or ref.kind == "pronoun":
            return
        cue.ref, cue.np_start, cue.np_end = ref, cue.start, toks[k - 1][0] + len(toks[k - 1][1])
        cue.left = left
        if ref.kind != "name" and follow == "," and (named := apposed_name(toks, k + 1)):
            cue.ref, cue.np_end = named  # "said the bureau's director, James B. Comey,": Comey spoke
            return
        if ref.kind == "name" and follow == ",":
            ap = _APPOSITION_AFTER.match(m, toks[k][0], pe)
            if ap and not ref.title:
                ref.title = ap.group(1)

    def clause_that(self, c: Cue, e: int) -> int:
        """Where the clause after ``c`` starts, if ``c`` takes a that-clause; else 0."""
        return clause_that(self.m, c, e)

    def bare(self, c: Cue, e: int) -> int:
        """Where a clause with no "that" starts after ``c`` ("said the talks ..."), or 0."""
        at = c.end
        if c.verb in ("told", "tells", "telling"):
            obj = None if (ap := told_apposed(self.m, c.end, e)) else _TOLD_OBJ.match(self.m, c.end, e)
            if not obj:  # wire.py: "told a news conference Iran was ready", "told X, chairman of Y, <clause>"
                return ap or told_clause(self.m, c.end, e) or told_audience(self.m, c.end, e)
            at = past_title(self.m, obj.end(), e)  # 'told CBS's "Face the Nation" ...'
        elif c.verb.endswith("quoted as saying"):  # "Tehran Radio quoted X as saying ...", "X was quoted as saying"
            pass
        elif c.verb not in _BARE and c.verb not in _BARE_IF_CLAUSE:
            return 0
        m = self.m
        at = after_adverbials(m, at, e)
        word = _NEXT_WORD.match(m, at, min(e, at + 80))
        if not word:
            return 0
        first = word.group(1)
        after = m[word.end() : min(e, word.end() + 80)].split()[:7]
        finite = any(w.lower().strip(",") in _FINITE or w.lower().endswith("ed") for w in after)
        if _it_clause(first, after):
            return at
        if wired := bare_clause(m, at, first, after) or figure_clause(at, first, after):  # "said over 2,600"
            return wired
        if c.verb in _BARE_IF_CLAUSE and c.verb not in _BARE and not finite:
            return at if bare_ok(first) and far_finite(m, word.end(), e) else 0
        return at if bare_ok(first) else 0
