"""Wire-copy habits that the general rules miss (found on Reuters-21578 stories of 1987).

Hooks, each a line or two elsewhere:

- ``mask_party_tags`` (``quotes._extract``): "Senator Robert Byrd (Democrat) of West Virginia
  said": the party in brackets hid the "of" after the name, and the place was taken for the
  speaker. The rules read the body with such tags blanked; quotation texts come from the body.
- ``QUOTED_AS`` and ``relay_ref`` (``cues.py``): relays. "Tehran Radio quoted X as saying ...":
  X spoke, whether named ("Abdul Wakil, the foreign minister,") or not ("a senior army officer").
- ``after`` (``quotes._extract``), a pass over one article's finished quotations:
  a bare role noun kept as the speaker ("the newspaper said", "the company said", "the analyst
  said") is the newspaper, company or analyst that spoke earlier in the story under its full
  name or phrase; "X quoted by Y said" and "X, quoting Y, said" are X's; an expert or observer who speaks unnamed in the
  opening paragraph is the person the second paragraph names first; "Egypt and Jordan said" is
  both countries'; "It said" goes on with the organisation that spoke last; "a joint statement issued after the talks said" is the statement's; and "who
  asked not to be identified" is not a quotation. Also there: abbreviations ("the Middle East Economic
  Survey (MEES) said" is MEES, not "Survey"), "the English-language paper" and "the agency" named by the
  publication or agency before, "the unnamed official" as the official who spoke before, "the company"
  as the firm that opens the story, "his chief spokesman" as the spokesman the story names, stock symbols
  ("<MDBL.L>") left out, and "X was asked whether" dropped.
- Company names and titles, read by the cue reader (``cues.py``) and ``speakers.parse_phrase``:
  ``company_and`` ("Standard and Poor's Corp said"), ``possessive_org`` ("Moody's said"), ``title_comma``
  (", U.S. Ambassador to the Organisation for ... and Development Edward Streator said"), ``told_audience``
  ("told a news conference Iran was ready"), ``by_rule`` ("react according to the laws of GATT" names no
  source); ``speakers.company_name`` keeps "General Motors Corp" whole.
"""

from __future__ import annotations

import dataclasses
import re

from ..models import Quote
from .names import name_key
from .speakers import (
    CORP_SUFFIXES,
    JOINED_HEADS,
    NATIONALITIES,
    ORG_HEADS,
    PLACES,
    ROLE_HEADS,
    STOP_CAPS,
    Ref,
    Speakers,
    guess_female,
    is_org,
    parse_phrase,
    role_of,
    split_name,
    wordset,
)

# "(Democrat)", "(R-NY)", "(D-Calif.)", "(Republican-Kansas)": a party tag after a lawmaker's name.
_PARTY_TAG = re.compile(
    r"(?<=[A-Za-z.] )\((?:[DRI]|Dem|Rep|Democrat|Republican|Independent)(?:[-.,/ ]{1,2}[A-Z][\w.]{0,12}){0,2}\)"
    r"(?=\s+of\s+[A-Z])"  # only before "of Place": elsewhere the rules read the tag well as it is
)


def mask_party_tags(body: str) -> str:
    """``body`` with party tags before "of" turned into spaces (offsets kept), so that "Robert Byrd
    (Democrat) of West Virginia said" reads as Byrd of West Virginia, not as the place. Only there:
    a run of spaces inside a phrase can change other readings ("Ryan (R-Wis.) has pointed out")."""
    if "(" not in body:
        return body
    return _PARTY_TAG.sub(lambda m: " " * len(m.group()), body)


# Reuters-21578 capitalises the word after "U.S." as if the abbreviation ended a sentence: "The U.S.
# Announced recently ...", "U.S. Officials said ...", "with the U.S. Saying that ...", "the U.S. And China".
# Only words that never open a name are folded: function words, auxiliaries, past tenses, the nouns that
# name speakers; not "U.S. Trade Representative", "U.S. Agriculture Department", "U.S. Navy".
_ABBREV_CAP = re.compile(r"(?<=\bU\.S\. )[A-Z][a-z]+\b(?!['’])")
_FOLDED_AFTER_ABBREV = wordset(
    "and or but nor to in on at for of with by from as than that which who whom into over against because if "
    "while is are was were has have had would will could should can might must does did do been being "
    "said says saying say told tells announced reported added stated officials official diplomat diplomats "
    "sources source spokesman negotiators lawmakers legislators analysts economists experts firms banks "
    "companies investors producers exporters importers traders dealers wants plans fell rose"
)


def fold_abbreviation_caps(body: str) -> str:
    """``body`` with the Reuters capital after "U.S." lowered where it is no name ("The U.S. Said" reads
    "The U.S. said", "U.S. Officials" reads "U.S. officials"); offsets kept. Other text passes unchanged."""
    if "U.S. " not in body:
        return body
    return _ABBREV_CAP.sub(
        lambda m: (
            m.group().lower()
            if m.group().lower() in _FOLDED_AFTER_ABBREV or (m.group().endswith("ed") and len(m.group()) > 5)
            else m.group()
        ),
        body,
    )


# --- clauses after a bare "said" that the general rules do not take (cues.CueReader.bare) ---------

_ADVERBS = {"also", "still", "now", "only", "already", "currently", "again", "further", "fully", "strongly"}
_QUANTITY = {"over", "about", "some", "more", "nearly", "almost", "around", "up", "at", "fewer", "less", "roughly"}
_NUMBER = re.compile(
    r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|half|least|to|than"
)
_FINITE_HINT = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might"}
_IRREGULAR_PAST = {
    "bought", "sold", "made", "took", "got", "won", "lost", "paid", "held", "kept", "told", "gave", "saw", "set",
    "cut", "put", "began", "became", "left", "met", "sent", "spent", "built", "found", "brought", "thought", "felt",
    "rose", "fell", "grew", "ran", "knew", "led", "lent", "meant", "struck", "wrote", "chose", "drew", "broke",
    "spoke", "stood", "understood", "withdrew", "overtook", "undertook", "sought", "fought", "forgave", "hit",
    "shut", "sank", "sprang", "swore", "threw", "wound", "bid", "dealt", "upheld", "withheld", "forecast",
}  # fmt: skip
_TIME_POSSESSIVE = {f"{w}{s}" for w in ("week", "month", "year", "weekend", "quarter", "season") for s in ("'s", "’s")}
_NTH_TIME = re.compile(r"\s*for\s+the\s+(?:first|second|third|fourth|last)\s+time\s+(?=[A-Za-z])")


def _verb_s(word: str) -> bool:
    """A verb in the present tense, third person: "expects", "intends", "plans"."""
    return (
        word.isalpha()
        and word.islower()
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
    )


def bare_clause(m: str, at: int, first: str, after: list[str]) -> int:
    """Where the clause after a bare cue starts when it opens in a way wire copy uses and the general
    rules refuse, else 0: "said it expects profits to rise", "said it only signalled", "said over 2,600
    troops were killed", "said more than 100 people died", "said for the first time the policy was ..."."""
    low = first.lower()
    rest = [w.strip(",").lower() for w in after]
    if low == "it" and rest:
        k = 1 if rest[0] in _ADVERBS and len(rest) > 1 else 0
        if _verb_s(rest[k]) or rest[k] in _FINITE_HINT or rest[k] in _IRREGULAR_PAST or (k and rest[k].endswith("ed")):
            return at
    if (
        low in ("this", "these", "those")
        and len(rest) > 1
        and rest[0].isalpha()
        and rest[0] not in _FINITE_HINT
        and (rest[1] in _FINITE_HINT or rest[1] in _IRREGULAR_PAST or _verb_s(rest[1]) or rest[1].endswith("ed"))
    ):
        return at  # "said this pact was to be followed by ...", "said these talks had failed"
    if (
        low in ("this", "last", "next")
        and len(rest) > 2
        and rest[0] in _TIME_POSSESSIVE
        and any(w in _FINITE_HINT or _verb_s(w) for w in rest[2:4])
    ):
        return at  # "said this week's talks are unlikely to ...", "said last year's deficit was ..."
    if (
        low in _QUANTITY
        and rest
        and _NUMBER.fullmatch(rest[0])
        and any(w in _FINITE_HINT or w.endswith("ed") for w in rest[1:7])
    ):
        return at
    if low == "for" and (t := _NTH_TIME.match(m, at)):
        return t.end()
    return 0


def company_and(toks: list[tuple[int, str]], j: int, i: int) -> int:
    """Where a speaker phrase that runs over "and" starts, for a company's name ("Standard and Poor's Corp",
    "American Telephone and Telegraph Co", "Securities and Exchange Commission said"): the index before
    its first word, or ``j`` (the "and") unchanged. ``toks[j + 1 : i + 1]`` is the phrase the cue
    reader took. Not "Egypt and Jordan said", nor "Britain and Exxon Corp said" (a place first)."""
    if j < 1 or toks[j][1] not in ("and", "&") or not toks[j - 1][1][:1].isupper():
        return j
    right = [w for _, w in toks[j + 1 : i + 1]]
    if not right or not all(w[:1].isupper() for w in right):
        return j
    if len(right) == 1 and right[0] == toks[j - 1][1] and (j < 2 or not toks[j - 2][1][:1].isupper()):
        return j - 2  # "Johnson and Johnson said"
    joined = right[-1] in JOINED_HEADS
    if right[-1].rstrip(".,") not in CORP_SUFFIXES and not joined:
        return j
    t = j
    while t > 0 and j - t < (1 if joined else 4):
        w = toks[t - 1][1]
        if not w[:1].isupper() or w.lower() in STOP_CAPS or w.lower() in PLACES or w in JOINED_HEADS:
            break
        t -= 1
        if w.lower() in NATIONALITIES:
            break  # "American Telephone and Telegraph Co": a nationality opens a company's name
    if t >= j:
        return j
    u = t - 1  # toks[u] is the word before the name: "Analyst Ann Cole of Nugent and Co said" is Cole's
    if u >= 1 and toks[u][1] == "of" and toks[u - 1][1][:1].isupper():
        u -= 1
        while u > 0 and t - u < 6 and toks[u - 1][1][:1].isupper() and toks[u - 1][1].lower() not in STOP_CAPS:
            u -= 1
        return u - 1
    return t - 1


# "react according to the laws of GATT", "priced according to its quality": a manner, not a source.
_BY_RULE = wordset(
    "law laws rule rules regulation regulations quality qualities need needs plan plans schedule timetable "
    "terms principle principles guideline guidelines formula size distance procedure procedures criteria "
    "merit merits standard standards requirement requirements provision provisions custom customs tradition "
    "practice practices pattern scale type grade capacity demand season seniority weight"
)


_AFTER_RULE = wordset("of and or for to in on at the a an set laid agreed which that")


def by_rule(words: list[str]) -> bool:
    """True when "according to <words>" states a manner ("according to the laws of the world trade body",
    "according to its quality and distance"), not who said so: its first noun is a rule or a measure."""
    rest = [w.lower() for w in words[:6]]
    while rest and rest[0] in (
        "the",
        "its",
        "their",
        "his",
        "her",
        "our",
        "a",
        "an",
        "each",
        "new",
        "current",
        "strict",
    ):
        rest = rest[1:]
    if not rest or rest[0] not in _BY_RULE:
        return False
    return len(rest) == 1 or rest[1] in _AFTER_RULE  # not "according to law enforcement officials"


# "told a news conference Iran was ready", "told an Upper House session the six nations are ...", "told his
# colleagues great progress had been made": an audience, then a clause with no "that".
_AUDIENCE = re.compile(
    r"\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w.’'-]+\s+){0,4}?"
    r"(?:news\s+conference|press\s+conference|conference|session|meeting|lunch|luncheon|dinner|breakfast|"
    r"audience|colleagues|parliament|committee|subcommittee|hearing|seminar|symposium|forum|rally|gathering|"
    r"delegates|assembly|briefing|interviewer|reporters|journalists|newsmen|correspondents|"
    r"counterparts?|delegations?|envoys|ambassadors|diplomats|ministers|officials|leaders|lawmakers|legislators|"
    r"members|visitors|guests|businessmen|bankers|students|parliamentarians|senators|congressmen|deputies|"
    r"workers|shareholders|stockholders|analysts|editors|newspaper|television|radio|magazine|weekly|daily)"
    r"(?:\s+(?:here|today|yesterday|later|earlier|(?:in|at)\s+[A-Z][\w.-]+))?(?=\s)"
)
_NOT_OPENING = wordset(
    "that of in on at for with from to by about after before during as than which who where when while and but or "
    "if because"
)
_CLAUSE_VERB = wordset("is are was were has have had will would can could should may might must did does")


_APPOSED_NAME = re.compile(r"\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3},\s+([^,;:~\"“”()]{3,90}?),\s+(?=[A-Za-z])")


# "banking sources said", "shipping sources", "ruling party officials": an -ing word that names a trade or a
# side, not a participle that opens an aside ("..., echoing security experts who say").
_ING_MODIFIERS = wordset(
    "banking shipping trading marketing ruling leading governing mining producing exporting importing consuming "
    "lending broadcasting publishing engineering manufacturing farming fishing building opposing negotiating "
    "oil-producing oil-exporting oil-consuming oil-importing grain-exporting"
)
_ING_HEADS = wordset("sources source officials official circles analysts dealers traders bankers executives")


def gerund_lead(words: list[str]) -> bool:
    """Is ``words[0]`` an -ing word to drop from the start of a speaker phrase ("echoing security experts")?
    Not "banking sources", "shipping sources", "ruling party officials": a trade or a side."""
    w = words[0]
    if not (w.islower() and w.endswith("ing")):
        return False
    if len(words) < 2:
        return True
    return not (w.lower() in _ING_MODIFIERS or words[1].lower() in _ING_HEADS)


_NOT_MODIFIER = wordset(
    "and or but nor the a an of to in on at for with by from as that which who whom whose when where while "
    "is are was were be been has have had will would can could may might must not also said says told "
    "he she it they we i you his her its their our this these those there here then than so if"
)
_DETS = wordset("the a an")
_PHRASE_EDGE = {",", "—", "–", "(", ";", ":"}


def lower_modifiers(toks: list[tuple[int, str]], j: int, i: int) -> int:
    """Where a speaker phrase after a comma starts when lower-case modifiers stand before its role noun
    ("..., finance minister Carlos Vela said", "..., the official Tass news agency reported", "...,
    conference chairman Tom Hale said"): the index before them (and their article), or ``j`` unchanged.
    ``toks[j + 1 : i + 1]`` is the phrase the cue reader took."""
    if j < 1 or j >= i or toks[j][1] in _PHRASE_EDGE:
        return j
    head = toks[j + 1][1]
    named = head[:1].isupper()  # ", the nonpartisan Congressional Budget Office reported": after an article only
    if not named and (
        not head.islower() or not (head in ROLE_HEADS or head in ORG_HEADS or head.rstrip("s") in ROLE_HEADS)
    ):
        return j
    k = j
    while k >= 0 and j - k < 3:
        w = toks[k][1]
        low = w.lower()
        if not w.replace("-", "").isalpha() or low in _NOT_MODIFIER or low.endswith("ly"):
            break
        if w[:1].isupper() and low in STOP_CAPS:
            break
        k -= 1
    if k == j or k < 0:
        return j
    if toks[k][1] in _PHRASE_EDGE and not named:
        return k
    if toks[k][1].lower() in _DETS and k >= 1 and toks[k - 1][1] in _PHRASE_EDGE:
        return k - 1
    return j


def told_apposed(m: str, at: int, e: int) -> int:
    """Where the clause starts after "told Eiji Sato, chairman of the trade council, <clause>": after the
    name's apposition (a role: "chairman of ...", "the visiting ...", "his Japanese counterpart"), when
    a clause with a finite verb within five words follows; else 0."""
    ap = _APPOSED_NAME.match(m, at, min(e, at + 160))
    if not ap:
        return 0
    role = ap.group(1).split()
    if not (role[0].islower() or role[0] in ("The", "A", "An")):
        return 0
    if not role_of(role) and not (role[0] in ("a", "an") and len(role) <= 5):  # "an Illinois Democrat"
        return 0
    words = m[ap.end() : min(e, ap.end() + 80)].split()[:6]
    if len(words) < 3 or words[0].lower() in _NOT_OPENING:
        return 0
    if any(w.lower() in _CLAUSE_VERB or (w.islower() and w.endswith("ed") and len(w) > 4) for w in words[1:5]):
        return ap.end()
    return 0


def told_audience(m: str, at: int, e: int) -> int:
    """Where the clause starts after "told <audience>" at ``at`` when the general rules know no such object
    ("a news conference", "an American Chamber of Commerce lunch", "his colleagues"): a clause that opens
    with a subject and shows a finite verb within five words; else 0."""
    obj = _AUDIENCE.match(m, at, min(e, at + 90))
    if not obj or any(ch in m[at : obj.end()] for ch in ',;:~"“”'):
        return 0
    words = m[obj.end() : min(e, obj.end() + 80)].split()[:6]
    if len(words) < 3 or not words[0][:1].isalpha() or words[0].lower() in _NOT_OPENING:
        return 0
    if any(w.lower() in _CLAUSE_VERB or (w.islower() and w.endswith("ed") and len(w) > 4) for w in words[1:5]):
        return obj.end() + len(m[obj.end() :]) - len(m[obj.end() :].lstrip())
    return 0


def title_comma(toks: list[tuple[int, str]], j: int) -> str:
    """The comma or dash that opens a long title before a name, or "" : ", U.S. Ambassador to the Organisation
    for Economic Cooperation and Development Edward Streator said", ", the government's Economic Planning
    Agency said". The cue reader stopped at ``toks[j]`` ("and", "government's"); the words back to the comma
    must be words of a title (one a role or a body's head: "Ambassador", "government's")."""
    t, head = j, False
    while t >= 0 and j - t < 14:
        w = toks[t][1]
        if w in (",", "—", "–"):
            return w if head and t < j else ""
        if not (w.replace(".", "").replace("'s", "").replace("’s", "").replace("-", "").isalpha()):
            return ""
        low = w.lower().removesuffix("'s").removesuffix("’s")
        head = head or low in ROLE_HEADS or low in ORG_HEADS
        t -= 1
    return ""


_NOT_OWNER = wordset("it that what there here he she who where let one")
_VERB_ONLY = wordset("said says added adds told stated reported")


def possessive_org(cue, toks: list[tuple[int, str]], i: int) -> bool:
    """The speaker of "Moody's said", "Standard and Poor's said": a name that ends in "'s" right before the
    cue possesses nothing, so it is the name of a firm. Sets ``cue``'s phrase (a ``cues.Cue``); True if so."""
    w = toks[i][1] if i >= 0 and cue.verb in _VERB_ONLY else ""  # not "Trump's promises to deport ...": a noun
    base = w[:-2]
    if not base[:1].isupper() or not base.replace("-", "").replace(".", "").isalpha() or base.lower() in _NOT_OWNER:
        return False
    j = i - 1
    while j >= 0 and i - j < 5 and toks[j][1][:1].isupper() and toks[j][1].lower() not in STOP_CAPS:
        j -= 1
    if j >= 1 and toks[j][1] in ("and", "&") and toks[j - 1][1][:1].isupper():  # "Standard and Poor's"
        j -= 2
    cue.ref = Ref("org", name=" ".join(t for _, t in toks[j + 1 : i + 1]))
    cue.np_start, cue.np_end, cue.left = toks[j + 1][0], cue.start, toks[j][1] if j >= 0 else ""
    return True


# A role word and one capitalised word after it, up to three capitalised words before: "President Reagan",
# "U.S. Secretary of State Shultz" (from "State"), "Foreign Minister Shevardnadze"; not "President Ronald Reagan".
_TITLED = re.compile(
    r"(?<![\w'’.-])(?=["  # a title's first letter: at most offsets the search fails there, not in 100 titles
    + "".join(sorted({w.capitalize()[0] for w in ROLE_HEADS if w.isalpha()}))
    + r"])(?:"
    + "|".join(sorted((w.capitalize() for w in ROLE_HEADS if w.isalpha()), key=len, reverse=True))
    + r") [A-Z][a-z][\w'’-]+\b(?! [A-Z])"
)
_TITLE_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]* ){1,3}$")


def titled_surnames(speakers: Speakers, body: str, inside) -> None:
    """Register "President Reagan", "Premier Lind" (a title that names a role, a surname, no given name) as
    people mentioned, so that "President Reagan ordered a review. He said ..." finds its "he"; the general
    rules register only names of two words or more. Called once per article, after ``Speakers(...)``."""
    added = False
    for m in _TITLED.finditer(body):
        before = _TITLE_BEFORE.search(body, max(0, m.start() - 60), m.start())
        run = ((before.group() if before else "") + m.group()).split(" ")
        title, name = split_name(run)
        if len(name) != 1 or not title or len(name[0]) < 3 or not name[0][1:].islower():
            continue
        if role_of(title) is None:
            continue
        pos = m.end() - len(name[0])
        if inside(pos):
            continue
        surname = name[0].removesuffix("'s").removesuffix("’s")
        if name_key(surname) in speakers.people:
            continue  # named in full somewhere: the general rules know that person ("President Bush" may not be Jeb)
        ent = speakers.person([surname], " ".join(title))
        speakers.mentions.append((pos, ent))
        added = True
    if added:
        speakers.mentions.sort(key=lambda t: t[0])
        if speakers._lazy is None:
            speakers._lazy = (body, inside)


# "quoted X as saying", X possibly with a phrase in apposition: "quoted Abdul Wakil, the foreign minister, as saying".
# X may be long ("a spokesman of the Ministry of Foreign Economic Relations and Trade") and hold "U.S.".
_X = r"(?:[^,.;~\"“”]|(?<![A-Za-z])[A-Z]\.)"
QUOTED_AS = re.compile(rf"\bquoted\s+({_X}{{1,90}}?(?:,\s+{_X}{{1,60}}?,)?)\s+as\s+saying\b")
_LEAD = {"a", "an", "the", "one", "some", "two", "three", "several"}


def relay_ref(phrase: str) -> Ref | None:
    """Who spoke in a relay: the X of "quoted X as saying"; None for a passive relay ("he was quoted by
    Kyodo as saying": the subject spoke, and the cue's own reading finds it, not "by Kyodo")."""
    if phrase[:3].lower() == "by ":
        return None
    head, _, appos = phrase.partition(",")
    words = head.split()
    ref = parse_phrase(words)
    if ref is not None:
        if ref.kind == "name" and not ref.title and appos.strip(" ,"):
            ref.title = appos.strip(" ,")  # "Abdul Wakil, the foreign minister,"
        return ref
    if words and all(w[:1].islower() or w[:1].isdigit() or "." in w for w in words[1:]) and words[0].lower() in _LEAD:
        rest = words[1:]  # "a senior army officer", "one military source": kept as the story's phrase
        if rest and rest[-1][:1].islower():
            return Ref("group", name=" ".join(rest))
    return None


# --- the pass over finished quotations --------------------------------------------------------------

_NOT_SAID = re.compile(
    r"(?:not\s+to\s+be\s+(?:identified|named)|to\s+remain\s+anonymous|that\s+(?:his|her|their)\s+name\s+not\s+be\s+used)\W*",
    re.IGNORECASE,
)
_ASKED_OF = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:also\s+)?asked\s+$")
_MEDIA = {"newspaper", "paper", "daily", "weekly", "magazine", "tabloid", "journal", "newsletter", "bulletin"}
_MEDIA_NAMES = re.compile(  # names of newspapers, not of agencies or channels ("Associated Press", "Fox News")
    r"\b(?:Times|Post|Journal|Herald|Tribune|Daily|Gazette|Telegraph|Guardian|Chronicle|Globe|Pravda|Izvestia|"
    r"Shimbun|Monde|Figaro|Zeitung|Spiegel|Newsweek|Economist|Courier|Inquirer|Examiner)\b"
)
_AGENCY = {"agency"}
_FIRM = {"company", "firm", "corporation", "group", "concern", "utility", "bank"}
_FIRM_NAMES = re.compile(
    r"\b(?:Corp|Corporation|Inc|Co|Cos|Ltd|Plc|PLC|AG|SA|NV|BV|Company|Group|Industries|Bank|Bancorp|Holdings)\b"
)
# Role nouns that name one unnamed person or group ("the analyst", "the counselor"), after a fuller phrase.
_ROLES = {
    "analyst", "counselor", "counsellor", "attache", "official", "officials", "diplomat", "diplomats", "source",
    "sources", "spokesman", "spokeswoman", "commander", "officer", "expert", "economist", "banker", "dealer",
    "trader", "observer", "envoy", "delegate", "negotiator", "executive", "aide", "adviser", "advisor",
}  # fmt: skip


_NO_IDENTITY = ("unnamed ", "same ", "anonymous ")
# Reuters-21578 marks a company's stock symbol "<MDBL.L>", and sometimes the whole name "<Growmark Inc>".
_TICKER = re.compile(r"\s*<\s*[A-Z0-9.]{1,8}\s*>")


# "an article in Progressive magazine said", "a story in the Washington Post": the publication speaks.
_PIECE_IN = re.compile(
    r"(?:article|story|report)\s+in\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s+[a-z]+)?)"
)


def _media(name: str) -> bool:
    """Does ``name`` name a publication by its kind ("Progressive magazine", "the weekly Al-Ahram")?"""
    return any(w.lower() in _MEDIA for w in name.split()[1:]) and name[:1].isupper()


def _publication(name: str) -> bool:
    """A newspaper's or magazine's name: "Progressive magazine", "Washington Post", "Time"."""
    return _media(name) or bool(_MEDIA_NAMES.search(name)) or name in ("Time", "Newsweek", "Fortune", "Forbes")


def _fits(noun: str, earlier: str) -> bool:
    """Does the bare ``noun`` refer to the earlier speaker ``earlier``?"""
    words = earlier.split()
    if earlier.lower() == noun:
        return False
    if noun in _MEDIA:  # "Courier" (of "the Daily Courier"), "New York Times", "the newspaper Izvestia", "MEES"
        if earlier.isupper() and 2 < len(earlier) <= 6 and noun in ("newsletter", "bulletin", "weekly"):
            return True
        return bool(_MEDIA_NAMES.search(earlier)) or (len(words) > 1 and any(w.lower() in _MEDIA for w in words))
    if len(words) < 2:
        return False
    if noun in _AGENCY:
        return "agency" in earlier.lower() or any(w.isupper() and 2 < len(w) <= 6 for w in words)
    if noun in _FIRM:
        return bool(_FIRM_NAMES.search(earlier)) or noun in earlier.lower().split()
    if noun in _ROLES:  # "farm ministry analyst in Lagos", not a named person
        low = [w.lower() for w in words]
        cut = next((k for k, w in enumerate(low) if w in ("of", "in", "at", "for", "from", "with")), len(low))
        return noun in low[:cut] and low[cut - 1] == noun  # a person's name holds no lower-case role noun
    return False


# A company or a newspaper named in the story: "Niagara Mohawk Power Corp", "the New York Times".
_NAMED_FIRM = re.compile(
    r"(?:[A-Z][\w&'.-]*\s+){1,5}(?:Corp|Corporation|Inc|Co|Cos|Ltd|Plc|PLC|AG|Company|Industries)\b"
)
_NAMED_PAPER = re.compile(
    r"(?:(?<=the )|(?<=The ))(?:[A-Z][\w'.-]*\s+){0,3}(?:Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|"
    r"Guardian|Chronicle|Globe|Pravda|Izvestia|Shimbun|Monde|Figaro|Zeitung|Spiegel|Newsweek|Inquirer)\b"
)


_DESCRIBED_PAPER = re.compile(
    r"(?:(?<=the )|(?<=The )|(?<=in )|(?<=by ))((?:[A-Z][\w'’.-]*\s+){1,3})(?:newspaper|paper|magazine|weekly|daily)\b"
)


# "the official Tanjug news agency", "the news agency IRNA", "Kyodo news agency": an agency's name.
_NAMED_AGENCY = re.compile(r"\b([A-Z][A-Za-z-]{2,})\s+news\s+agency\b|\bnews\s+agency\s+([A-Z][A-Za-z-]{2,})")


def _named_before(noun: str, body: str, pos: int) -> str | None:
    """The last company (for "the company"), newspaper (for "the newspaper") or news agency (for "the
    agency") named before ``pos``."""
    if noun in _AGENCY:
        names = [m.group(1) or m.group(2) for m in _NAMED_AGENCY.finditer(body, max(0, pos - 3000), pos)]
        names = [n for n in names if n.lower() not in NATIONALITIES and n.lower() not in PLACES]
        return names[-1] if names else None
    pat = _NAMED_FIRM if noun in _FIRM else _NAMED_PAPER if noun in _MEDIA else None
    if pat is None:
        return None
    last = None
    for m in pat.finditer(body, max(0, pos - 3000), pos):
        last = m
    if pat is _NAMED_PAPER:  # "the Observer newspaper", "the Progressive magazine": the name before its kind
        for m in _DESCRIBED_PAPER.finditer(body, max(0, pos - 3000), pos):
            if _media_head(m.group()) is None and (last is None or m.start() > last.start()):
                last = m  # not "the British Sunday paper" itself
    return " ".join(last.group(1 if last.re is _DESCRIBED_PAPER else 0).split()) if last else None


def _opening_firm(noun: str, out: list[Quote], body: str) -> str | None:
    """For "the company said": the firm whose words open the story ("Bangor Hydro said it filed ..."), as
    wire business copy names its subject once, first, without a legal form."""
    if noun not in _FIRM or not out:
        return None
    first = out[0].speaker
    opening = body.lstrip()[: len(first) + 4]
    if out[0].role or not opening.startswith((first, "The " + first)) or not first[:1].isupper():
        return None
    if guess_female(first, None) is not None:
        return None  # "Ray Dorn said ...": a person (a known given name), not a firm
    return first if all(w[:1].isupper() or w in ("and", "&", "of") for w in first.split()) else None


# "A military spokesman quoted by the news agency INA said ...", "The envoy, quoted by Tass, said ...":
# the one quoted spoke, not the agency that quoted him.
_QUOTED_BY = re.compile(
    r"(?:^|(?<=[.!?\n]\s)|(?<=\n))\s*([A-Z][^,.;:!?\"“”\n]{1,70}?),?\s+quoted\s+by\s+[^.;:!?\"“”\n]{2,80}?,?\s+"
    r"(?:said|says|told\s+[\w.]+(?:\s+[\w.]+)?|reported|added)\s+(?:that\s+)?$"
)


def _quoted_by(body: str, start: int) -> str | None:
    """The X of "X quoted by Y said <start>", when the quotation at ``start`` is reported so."""
    lead = body[max(0, start - 240) : start]
    m = _QUOTED_BY.search(lead)
    if not m:
        return None
    ref = relay_ref(m.group(1))
    if ref is None:
        words = m.group(1).split()
        while words and words[0].lower() in _LEAD:
            words = words[1:]
        return " ".join(words) or None
    return ref.name or " ".join(w for w in ref.words)


# An unnamed speaker of the opening paragraph who is named in the next one: "A Western expert said ...",
# then "West German researcher Jochen Bethkenhagen ... said ...". Only for describing nouns; an
# "official", a "source" or a "diplomat" in the lead usually stays unnamed, and is often someone else.
_NAMED_LATER = {
    "expert", "observer", "researcher", "analyst", "economist", "scientist", "counselor", "counsellor",
    "attache", "banker", "specialist", "scholar", "planner", "adviser", "advisor",
}  # fmt: skip


def _lead_named(out: list[Quote], body: str) -> list[Quote]:
    """``out`` with the lead's describing-noun speaker named, when the second paragraph names him first."""
    first_end = body.find("\n\n")
    if first_end < 0 or not out or out[0].start > first_end:
        return out
    lead = next((q.speaker for q in out if q.start < first_end and _describes(q.speaker)), None)
    if lead is None:
        return out
    second_end = body.find("\n\n", first_end + 2)
    second_end = len(body) if second_end < 0 else second_end
    nxt = next((q for q in out if first_end < q.start < second_end), None)
    if nxt is None or nxt.speaker == lead:
        return out
    name = nxt.speaker.split()
    particles = {"de", "van", "von", "der", "den", "da", "dos", "du", "la", "le", "al", "el", "bin", "ibn"}
    if len(name) < 2 or not all(w[:1].isupper() or w in particles for w in name) or is_org(nxt.speaker):
        return out
    if name[-1] in body[:first_end] or any(q.speaker == nxt.speaker for q in out if q.start < first_end):
        return out  # named in the lead already: someone else
    return [dataclasses.replace(q, speaker=nxt.speaker, role=q.role or lead) if q.speaker == lead else q for q in out]


def _describes(speaker: str) -> bool:
    """Is ``speaker`` a phrase that describes one person ("Western expert", "senior U.S. planner for the
    summit", "President Reagan's legal adviser"), with a head noun that _NAMED_LATER knows?"""
    words = speaker.lower().split()
    cut = next((k for k, w in enumerate(words) if w in ("of", "in", "at", "for", "from", "with")), len(words))
    if not speaker[:1].islower() and not any(w[:1].islower() for w in speaker.split()[:cut]):
        return False  # a name, not a phrase
    return cut > 0 and words[cut - 1] in _NAMED_LATER


# "A joint statement issued after the talks said ...": the statement speaks, not "the talks".
_ISSUED = re.compile(
    r"\b((?:joint\s+|final\s+|official\s+)?(?:statement|communique|declaration)\s+(?:issued|released|published|"
    r"signed|adopted)\s+(?:after|at|during|following|on|at\s+the\s+end\s+of)\s+[^.;:!?,\"“”\n]{2,60}?)\s+"
    r"(?:said|says|stated|states)\s+(?:that\s+)?$"
)


def _issued(body: str, q: Quote) -> str | None:
    """The statement that speaks in "A statement issued after the talks said <q>", if the talks were taken."""
    m = _ISSUED.search(body, max(0, q.start - 200), q.start)
    if m is None or q.speaker.lower() not in m.group(1).lower() or q.speaker.lower().startswith(m.group(1)[:9].lower()):
        return None
    return " ".join(m.group(1).split())


_CAPS_BEFORE = re.compile(r"(?:(?<=\s)|^)([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})$")


def _joint(body: str, q: Quote) -> str | None:
    """ "Egypt and Jordan said ...": both countries (or bodies) speak, not the one next to the cue."""
    lo = max(0, q.start - 160)
    window = body[lo : q.start]
    for joiner in (" and ", " and the "):
        at = window.rfind(joiner + q.speaker)
        after_name = at + len(joiner) + len(q.speaker)
        if at < 0 or (after_name < len(window) and window[after_name].isalnum()):
            continue
        m = _CAPS_BEFORE.search(window, 0, at)
        if m is None or "." in window[after_name:].rstrip(". "):
            continue
        first = m.group(1)
        if first.split()[0] in ("The", "A", "An"):
            first = first.split(" ", 1)[1] if " " in first else ""
        if first and is_org(first) and is_org(q.speaker):
            return f"{first} and {q.speaker}"
    return None


# "The newspaper, quoting U.S. officials, said Iranian arms merchant X ...": the subject and its relay
# aside were read as the words of X (as in "..., said X"); the clause after "said" is what was said.
_RELAY_ASIDE = re.compile(r"(?P<subj>[A-Z][^,;:\"“”]{0,80}?),\s+(?:quoting|citing)\s+[^,;:\"“”]{1,80}")
_SAID_AFTER = re.compile(r",?\s+(?P<cue>said|says|reported|reports)\s+(?:that\s+)?(?=\S)")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)])\.(?=\s|$)|\n\n")


def _relay_misread(body: str, q: Quote) -> Quote | None:
    """The quotation that "X, quoting Y, said <clause>" reports, when ``q`` took "X, quoting Y" for it."""
    m = _RELAY_ASIDE.fullmatch(q.text)
    said = _SAID_AFTER.match(body, q.end) if m else None
    if m is None or said is None:
        return None
    a = said.end()
    end = _SENTENCE_END.search(body, a)
    b = end.start() if end else len(body)
    text = body[a:b].rstrip(" ,;")
    if len(text.split()) < 3:
        return None
    words = m.group("subj").split()
    while len(words) > 1 and words[0].lower() in _LEAD:
        words = words[1:]
    speaker = " ".join(words)
    if len(words) == 1 and words[0][:1].isupper() and words[0].lower() in _MEDIA | _AGENCY | _FIRM | _ROLES:
        speaker = words[0].lower()  # "The newspaper": named below by the paper that spoke before
    return Quote(text, "indirect", speaker, None, said.group("cue"), a, a + len(text))


# "Halvorsen Corp said the suit, filed in the Oslo District Court, ... It said ...": "it" goes on with the
# body that was speaking, not with one named inside its words.
_IT_SAID = re.compile(
    r"(?:^|(?<=[.!?\n]\s)|(?<=\n))It\s+(?:also\s+)?(?:said|says|added|reported|stated|noted)\s+(?:that\s+)?$"
)


def _it_goes_on(out: list[Quote], body: str, q: Quote) -> str | None:
    """The organisation that spoke last, for "It said <q>" just after it."""
    if not out or q.start - out[-1].end > 600:
        return None
    prev = out[-1].speaker
    if prev == q.speaker or not _IT_SAID.search(body, max(0, q.start - 30), q.start):
        return None
    if not (is_org(prev) or _FIRM_NAMES.search(prev) or _MEDIA_NAMES.search(prev) or prev.isupper() or _media(prev)):
        return None  # "it" is not a person
    last = q.speaker.split()[-1]
    if last not in q.text and not any(last in p.text for p in out):
        return None  # taken from outside what was said: leave it
    return prev


# "In a filing with the Securities and Exchange Commission, X said ... It also said ...": "it" is X, not the
# body that X filed with, wrote to or was sued by (named only after a preposition or "told").
_IT_CUE = re.compile(
    r"\b[Ii]t\s+(?:(?:also|had|has|have|would|later|further)\s+){0,2}"
    r"(?:said|says|added|told|tells|reported|stated|noted)\s+(?:[\w.]+\s+){0,6}?(?:that\s+)?$"
)
_OBJECT_OF = {"with", "to", "by", "before", "from", "against", "told", "tell", "telling", "at", "into"}
_IN_NAME = {"and", "of", "&", "the", "for"}


def _only_object(body: str, name: str, end: int) -> bool:
    """Is ``name`` named before ``end`` and only ever as an object ("a filing with the Securities and
    Exchange Commission", "told the Federal Trade Commission")?"""
    seen = False
    for m in re.finditer(re.escape(name), body[:end]):
        words = body[max(0, m.start() - 80) : m.start()].split()
        while words and (words[-1][:1].isupper() or words[-1].lower() in _IN_NAME) and words[-1] != "It":
            words.pop()
        if not words or words[-1].lower() not in _OBJECT_OF:
            return False
        seen = True
    return seen


def _it_not_object(out: list[Quote], body: str, q: Quote) -> str | None:
    """The speaker before ``q`` for "It said <q>" that was resolved to a body named only as an object."""
    if not out or q.start - out[-1].end > 1500 or not _IT_CUE.search(body, max(0, q.start - 90), q.start):
        return None
    prev = next((p.speaker for p in reversed(out) if p.speaker != q.speaker), None)
    return prev if prev and _only_object(body, q.speaker, q.start) else None


# "The statement said ...", "A joint communique said ...": the document speaks, as written, not the body that
# spoke before it (PolNeAR and the Reuters set keep the document as the source).
_DOCUMENT_SAID = re.compile(
    r"(?:^|(?<=[.!?\n]\s)|(?<=\n)|(?<=,\s))\s*(?:The|the|A|a|Its|its|Their|their)\s+"
    r"((?:[A-Za-z][\w-]*\s+){0,3}?(?:statement|communique|communiqué|declaration))\s+"
    r"(?:also\s+)?(?:said|says|added|stated|states|noted)\s+(?:that\s+)?$"
)


_DOCUMENT_AFTER = re.compile(
    r"[,\s]*(?:the|a|its|their)\s+((?:[A-Za-z][\w-]*\s+){0,3}?(?:statement|communique|communiqué|declaration))\s+"
    r"(?:also\s+)?(?:said|says|added|stated|noted)\b"
)


def _document(body: str, q: Quote) -> str | None:
    """The document that speaks in "The statement said <q>" or "<q>, a treasury statement said", when ``q``
    went to someone else."""
    m = _DOCUMENT_SAID.search(body, max(0, q.start - 80), q.start)
    if m is None and body[max(0, q.start - 4) : q.start].rstrip()[-1:] in ("", ".", "!", "?", '"'):
        m = _DOCUMENT_AFTER.match(body, q.end)  # "<q>, the statement said": the sentence is its words
    if m is None or q.speaker.lower().endswith(m.group(1).split()[-1].lower()):
        return None
    return " ".join(m.group(1).split())


# "According to the report, ...", "The report said ...": the report the story named before ("the third
# annual OMB report to Congress"), not the last body named (the general rules resolve "the report" so).
_REPORT_CUE = re.compile(
    r"(?:\b[Aa]ccording\s+to\s+the\s+(report|study),?|\b[Tt]he\s+(report|study)\s+(?:also\s+)?"
    r"(?:said|says|added|stated|showed|shows|noted)\s+(?:that\s+)?)\s*$"
)
_NAMED_REPORT = re.compile(r"\b((?:[A-Z][\w.&'’-]*\s+){1,4})(report|study)\b")
_NOT_IN_REPORT_NAME = wordset(
    "the a an this that its their his her in on at last next new first second third final annual latest "
    "monday's tuesday's wednesday's thursday's friday's saturday's sunday's today's yesterday's"
)


def _named_report(body: str, q: Quote) -> str | None:
    """The report the story named before, for words given to "the report"."""
    m = _REPORT_CUE.search(body, max(0, q.start - 60), q.start)
    if m is None:
        return None
    kind, named = m.group(1) or m.group(2), None
    for r in _NAMED_REPORT.finditer(body, max(0, m.start() - 3000), m.start()):
        words = r.group(1).split()
        while words and words[0].lower() in _NOT_IN_REPORT_NAME:
            words = words[1:]
        if r.group(2) == kind and words and not any(w.lower() in _NOT_IN_REPORT_NAME for w in words):
            named = " ".join([*words, kind])
    return named


# "S/P said" (Reuters for Standard and Poor's): the cue reader stops at the slash and keeps "P".
_SLASHED = re.compile(
    r"\b([A-Z][A-Za-z&]{0,5}/([A-Z][A-Za-z&]{0,5}))\s+(?:also\s+)?(?:said|says|added|told)\s+(?:\S+\s+){0,4}?$"
)


def _slashed(body: str, q: Quote) -> str | None:
    m = _SLASHED.search(body, max(0, q.start - 60), q.start)
    return m.group(1) if m and m.group(2) == q.speaker else None


# "the Middle East Economic Survey (MEES)": a name, and the abbreviation the story goes on with.
_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")
_WRITTEN_OUT = re.compile(r"(?:[A-Z][\w'’-]*\s+(?:(?:of|and|for|on|the)\s+)*){1,7}$")


def acronyms(body: str) -> dict[str, str]:
    """Each name written out before its abbreviation in brackets, and each of its tails ("Survey",
    "Economic Survey"), mapped to the abbreviation ("MEES"): the cue reader keeps the last words of
    "the Middle East Economic Survey (MEES) said", and the story goes on with "MEES said"."""
    out: dict[str, str] = {}
    for m in _ACRONYM.finditer(body):
        name = _WRITTEN_OUT.search(body, max(0, m.start() - 120), m.start())
        if name is None:
            continue
        words = name.group().split()
        caps = [w for w in words if w[:1].isupper()]
        while caps and len(caps) > len(m.group(1)):
            caps = caps[1:]  # "Iraq's Economic Planning Agency (EPA)": not "Iraq's"
        if "".join(w[0] for w in caps) != m.group(1):
            continue
        at = words.index(caps[0])
        for k in range(at, len(words)):
            if words[k][:1].isupper():
                out.setdefault(" ".join(words[k:]), m.group(1))
    return out


_MEDIA_ENDS = tuple(" " + w for w in _MEDIA)
_MEDIA_MODIFIERS = wordset("weekly daily monthly official local state-run government-run independent leading")
_PAPER_DAYS_NATIONS = wordset("sunday saturday morning evening") | set(NATIONALITIES)


def _media_head(speaker: str) -> str | None:
    """The media noun of "English-language paper", "Cyprus-based weekly newsletter": a description of a
    publication the story named before (then named by it); None for other phrases."""
    words = speaker.split()
    if len(words) < 2 or words[-1] not in _MEDIA:
        return None
    if all(
        w.lower() in _MEDIA_MODIFIERS or ("-" in w and w[:1].isupper()) or w.lower() in _PAPER_DAYS_NATIONS
        for w in words[:-1]
    ):
        return words[-1]  # "the British Sunday paper": the Observer, named before
    return None  # "the conservative-leaning newspaper" is a phrase PolNeAR keeps as written


# "his chief spokesman said ...", and later "White House spokesman Marlin Fitzwater said ...": wire copy
# names the spokesman once, often a paragraph after his first words.
_OWNED_SPOKESMAN = re.compile(
    r"\b(?:his|her|its|their)\s+(?:chief\s+|senior\s+|press\s+|official\s+)?spokes(?:man|woman)\s+"
    r"(?:said|says|told\s+reporters|added|stated)\s+(?:that\s+)?$"
)


def _spokesman(quotes: list[Quote], body: str, q: Quote) -> str | None:
    """The spokesman the story names, for words it gives to "his spokesman" (read as the owner's): the one
    person quoted in the story whose role is a spokesman's, when there is one."""
    if not _OWNED_SPOKESMAN.search(body, max(0, q.start - 90), q.start):
        return None
    named = {p.speaker for p in quotes if p.role and "spokes" in p.role.lower() and " " in p.speaker}
    return named.pop() if len(named) == 1 else None


def after(quotes: list[Quote], body: str) -> list[Quote]:
    """The quotations of one article, with bare role nouns named and non-quotations left out."""
    out: list[Quote] = []
    short = acronyms(body) if "(" in body else {}
    for q in quotes:
        if "spokes" in body[max(0, q.start - 40) : q.start] and (named := _spokesman(quotes, body, q)):
            q = dataclasses.replace(q, speaker=named, role="spokesman")
        if "<" in q.speaker and (bare := _TICKER.sub("", q.speaker).strip(" <>")):
            q = dataclasses.replace(q, speaker=" ".join(bare.split()))  # "Midland Bank Plc <MDBL.L>"
        if q.speaker in short:  # "the Middle East Economic Survey (MEES) said" was read as "Survey"
            q = dataclasses.replace(q, speaker=short[q.speaker])
        described = None
        if q.speaker.endswith(_MEDIA_ENDS) and (head := _media_head(q.speaker)):
            described, q = q.speaker, dataclasses.replace(q, speaker=head)
        if " in " in q.speaker and (piece := _PIECE_IN.fullmatch(q.speaker)) and _publication(piece.group(1)):
            q = dataclasses.replace(q, speaker=piece.group(1))  # "article in Progressive magazine"
        if (
            q.kind == "indirect"
            and (", quoting " in q.text or ", citing " in q.text)
            and (real := _relay_misread(body, q))
        ):
            q = real
        if ", quoting " in q.speaker or ", citing " in q.speaker:  # "agency, citing military sources"
            q = dataclasses.replace(q, speaker=re.split(r", (?:quoting|citing) ", q.speaker)[0])
        if q.cue in ("asked", "requested", "asking") and _NOT_SAID.fullmatch(q.text.strip()):
            continue  # "an official, who asked not to be identified, said ...": not what was said
        lead = body[max(0, q.start - 240) : q.start]  # the words before the quotation
        if q.cue in ("asked", "asks") and _ASKED_OF.search(lead):
            continue  # "King Fahd was asked whether ...": the question was put to him, not asked by him
        if "quoted by" in lead and (relayed := _quoted_by(body, q.start)):
            q = dataclasses.replace(q, speaker=relayed)
        if ("issued" in lead or "released" in lead) and (statement := _issued(body, q)):
            q = dataclasses.replace(q, speaker=statement)
        if q.speaker.endswith("news agency") and (ag := _NAMED_AGENCY.search(q.speaker)):
            name = ag.group(1) or ag.group(2)  # "official Tass news agency": Tass, as "the agency" is named
            if name.lower() not in NATIONALITIES and name.lower() not in PLACES:
                q = dataclasses.replace(q, speaker=name)
        if len(q.speaker) <= 6 and "/" in lead[-60:] and (slashed := _slashed(body, q)):
            q = dataclasses.replace(q, speaker=slashed)  # "S/P said", not "P"
        if (
            q.kind == "indirect"
            and ("tat" in lead[-60:] or "tat" in body[q.end : q.end + 50])
            and (doc := _document(body, q))
        ):
            q = dataclasses.replace(q, speaker=doc, role=None)
        if ("report" in lead[-60:] or "study" in lead[-60:]) and (report := _named_report(body, q)):
            q = dataclasses.replace(q, speaker=report, role=None)
        if " and " in lead[-160:] and q.speaker[:1].isupper() and (both := _joint(body, q)):
            q = dataclasses.replace(q, speaker=both)
        if q.kind == "indirect" and "It " in lead[-30:] and (org := _it_goes_on(out, body, q)):
            q = dataclasses.replace(q, speaker=org)
        if "t " in lead[-90:] and q.speaker[:1].isupper() and (org := _it_not_object(out, body, q)):
            q = dataclasses.replace(q, speaker=org, role=None)
        noun = q.speaker.lower()
        if noun.startswith(_NO_IDENTITY) and noun.count(" ") == 1:
            noun = noun.split()[1]  # "the unnamed official", "the same source": the one that spoke before
        if (
            " " not in noun
            and q.speaker.islower()
            and (noun in _MEDIA or noun in _AGENCY or noun in _FIRM or noun in _ROLES)
        ):
            earlier = next((p.speaker for p in reversed(out) if _fits(noun, p.speaker)), None)
            earlier = earlier or _named_before(noun, body, q.start) or _opening_firm(noun, out, body)
            if earlier is not None:
                q = dataclasses.replace(q, speaker=earlier)
            elif described is not None and q.speaker == described.split()[-1]:
                q = dataclasses.replace(q, speaker=described)  # "British Sunday paper", none named before
        out.append(q)
    return _lead_named(out, body)


# '"The agency said it did not monitor his calls," the spokesman said': a report of speech inside a direct
# quotation is an attribution of its own (the agency's), as PolNeAR and the Reuters set annotate it.
_NESTED_MIN = 40
_NESTED_HINT = re.compile(  # a capitalised word shortly before a cue: "The National Security Agency said"
    r"(?<![\w'’.-])(?!(?:I|We|He|She|They|You|It)\s)[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,3}?\s+"
    r"(?:said|says|say|told|tells|reported|reports|announced|added|stated|denied|reminded|warned|according\s+to)\b"
)
_NOT_INNER = wordset("i we he she they you it that's that’s there this these")
_INNER_LINKS = wordset("of the and for")


def _inner_speaker(speaker: str) -> bool:
    """Is ``speaker`` a name, a body or a titled role ("Interior Ministry", "FBI director"), not "I never"?"""
    words = speaker.split()
    if words[0].lower() in _NOT_INNER or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w in _INNER_LINKS or w in ROLE_HEADS or w in ORG_HEADS for w in words)


def nested_in_direct(quotes: list[Quote], body: str, extract) -> list[Quote]:
    """``quotes`` with the reported speech of a named speaker inside each direct quotation added; ``extract``
    reads one text (``quotes._extract``). Only indirect speech whose speaker the inner text names (not "I",
    "we" or a pronoun that the inner text cannot resolve) is added."""
    out = list(quotes)
    for q in quotes:
        if q.kind != "direct" or len(q.text) < _NESTED_MIN or not _NESTED_HINT.search(q.text):
            continue
        if q.text != body[q.start : q.end]:
            continue
        for inner in extract(q.text):
            if inner.kind != "indirect" or not _inner_speaker(inner.speaker):
                continue
            if len(inner.text.split()) < 4:
                continue
            out.append(dataclasses.replace(inner, start=q.start + inner.start, end=q.start + inner.end))
    if len(out) == len(quotes):
        return quotes
    out.sort(key=lambda x: (x.start, x.end))
    return out


_ROLE_OPENERS = {"the", "a", "an", "its", "his", "her", "their", "our", "one"}


def role_aside(m: str, s: int, b: int) -> int:
    """Where the clause before "<clause>, the foreign minister, Hans Olsen, said" ends: at the comma before
    the role that stands apposed to the name (``m[b]`` is the comma before the name), else ``b``."""
    before = max(m.rfind(",", s, b), m.rfind("—", s, b))
    if before <= s or len(m[s:before].split()) < 3:
        return b
    words = m[before + 1 : b].split()
    if not 1 <= len(words) <= 10 or words[0].lower() not in _ROLE_OPENERS:
        return b
    if any(w.lower() in _FINITE_HINT for w in words) or not role_of(words):
        return b
    return before
