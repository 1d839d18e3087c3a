"""Speaker names: reading the noun phrase that names a speaker, and the keys it is indexed under.

The matching key itself (``name_key``) lives in names.py, which searches import
without paying for the vocabulary below.
"""

from __future__ import annotations

import bisect
import collections
import re
from dataclasses import dataclass

from .names import name_key, query_key

__all__ = ["name_key", "query_key", "speaker_keys"]


# Lower-case words that make a speaker a phrase, not a name: "aides to Reyes", "people close to him".
_PHRASE_LINKS = frozenset(["to", "for", "of", "close", "with", "in", "at", "from", "by", "familiar", "involved"])


def speaker_keys(name: str) -> list[str]:
    """Keys under which a canonical speaker is indexed.

    A person is found by the full name, the surname, and first name + surname
    (which skips a middle name); a hyphenated surname counts as one word. An
    organisation is found by its full name and by each shorter tail of two or
    more words ("Russian Foreign Ministry" -> also "foreign ministry"), never by
    a single generic word ("ministry"). An unnamed speaker written as a phrase
    ("aides to Reyes") is found by the phrase and its lower-case head ("aides"),
    never by the name inside it.
    """
    words = name.split()
    keys = [name_key(name)]
    link = next((i for i, w in enumerate(words) if w in _PHRASE_LINKS), 0)
    if is_org(name):
        keys += [name_key(" ".join(words[i:])) for i in range(1, len(words) - 1)]
    elif link:
        keys += [name_key(words[link - 1])] if words[link - 1].islower() else []
    elif len(words) >= 2:
        keys.append(name_key(words[-1]))
        if len(words) >= 3:
            keys.append(name_key(f"{words[0]} {words[-1]}"))
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]


# --- vocabulary ---------------------------------------------------------------


def wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The full stop of a title or an initial ("Sen.", "Mrs.", "J."), which ends no phrase.
ABBR_DOT = r"\b(?:Mrs?|Ms|Dr|Sens?|Reps?|Gov|Gen|Lt|Col|Capt|Jr|Sr|St|Rev|Prof|[A-Z])\."


def no_stop(excluded: str) -> str:
    """A pattern for one character of the class ``[^excluded]``, or a title's or an initial's full stop, so
    that a phrase read up to a full stop runs on over "Mrs. Schlafly" and "Sen. John McCain"."""
    return rf"(?:{ABBR_DOT}|[^{excluded}])"


# Nouns that make a phrase a person's role ("the minister", "Kremlin Aide").
ROLE_HEADS = wordset(
    "minister ministers president premier pm diplomat ambassador envoy spokeswoman spokesman spokesperson "
    "secretary leader head chief official aide adviser advisor assistant lawmaker senator deputy speaker "
    "chairman chairwoman chair director governor mayor chancellor king queen prince emir sultan sheikh "
    "general commander representative prosecutor ombudsman commissioner coordinator negotiator delegate "
    "consul counterpart politician expert analyst economist professor mp ceo patriarch pope monarch "
    "administrator executive employee trader dealer banker source observer witness resident worker member "
    "lawyer attorney activist researcher scientist correspondent insider ayatollah imam cardinal "
    "archbishop bishop rabbi hojatoleslam treasurer clerk engineer inspector auditor editor "
    "congressman congresswoman councilman councilwoman assemblyman assemblywoman candidate nominee judge sheriff "
    "billionaire businessman businesswoman mogul frontrunner front-runner undersecretary under-secretary commodore "
    "supporter critic columnist blogger commentator pundit strategist consultant "
    "speechwriter"
)
# Abbreviated titles and the role they name: "Sen. Marco Rubio" is "the senator".
_ABBREVIATED = {
    "sen": "senator",
    "sens": "senator",
    "rep": "representative congressman congresswoman",
    "reps": "representative",
    "gov": "governor",
    "govs": "governor",
    "atty": "attorney",
    "gen": "general",
    "pres": "president",
    "lt": "lieutenant",
}
# Roles of people who speak for someone else: never the speaker of the moment by default.
_SUBORDINATE = wordset(
    "spokesman spokeswoman spokesperson aide adviser advisor assistant lawyer attorney source expert analyst "
    "economist witness resident employee member researcher activist trader dealer banker observer worker "
    "correspondent insider scientist professor pollster strategist consultant operative surrogate donor "
    "supporter"
)
# Plural nouns for groups that speak together ("EC diplomats said", "analysts said").
GROUP_NOUNS = wordset(
    "diplomats officials analysts economists bankers dealers traders sources experts employees staff workers "
    "residents witnesses observers lawmakers deputies senators members leaders ministers spokesmen "
    "representatives investigators prosecutors participants organizers organisers critics activists "
    "protesters rebels militants officers soldiers negotiators delegates scientists researchers doctors "
    "journalists commentators executives insiders democrats republicans americans conservatives liberals "
    "progressives voters supporters opponents donors aides advisers advisors strategists operatives pollsters "
    "lawyers attorneys spokespeople candidates nominees judges congressmen businessmen"
)
# Words that may modify a role or sit in a title before a name.
TITLE_WORDS = ROLE_HEADS | wordset(
    "foreign defense defence interior finance economy economic emergencies energy trade justice health commerce "
    "culture education agriculture transport industry development digital natural resources affairs "
    "security state duma federation federal council kremlin presidential first vice prime permanent "
    "special press high acting former ex top senior deputy supreme national international central "
    "executive officer crown joint staff chiefs lieutenant colonel major admiral marshal mr mrs ms dr "
    "sir lord madam diplomacy vice-president president-elect secretary-general commander-in-chief "
    "presidential-elect incumbent outgoing newly elected designate bank party "
    "sen sens rep reps gov govs lt gen col sgt capt cmdr adm atty supt rev prof pres retired late "
    "republican democratic democrat gop independent libertarian u.s. us"
)
# Head nouns of organisations (and of things that speak for them).
ORG_HEADS = wordset(
    "ministry department office agency committee commission council service embassy consulate government "
    "cabinet parliament duma assembly senate congress kremlin administration presidency secretariat mission "
    "bank company corporation union alliance organization organisation federation court command army "
    "forces police party house pentagon headquarters authorities authority statement document communique "
    "report newspaper daily weekly magazine outlet channel broadcaster bureau nato un eu osce iaea opec radio "
    "television tv "
    "asean brics sco csto cis eaeu who tass interfax ria reuters xinhua commonwealth college school academy "
    "hospital foundation institute university museum library society association fund coalition league "
    "caucus network center centre"
)
# Generic organisation references that must be resolved to a named organisation.
ORG_REFS = wordset(
    "ministry department agency office embassy statement document communique diplomats it bank company "
    "commission committee council government party radio television report group"
)
MEDIA_WORDS = wordset("newspaper daily weekly magazine outlet portal tabloid")
NATIONALITIES = {
    w: w[:4]
    for w in wordset(
        "russian japanese chinese american us british uk french german italian spanish ukrainian belarusian "
        "vietnamese cuban syrian israeli iranian turkish indian korean european polish finnish estonian "
        "latvian lithuanian kazakh armenian azerbaijani georgian serbian hungarian slovak czech austrian "
        "swiss greek egyptian saudi qatari iraqi jordanian lebanese libyan afghan pakistani brazilian "
        "venezuelan mexican canadian norwegian swedish danish dutch belgian indonesian malaysian thai "
        "mongolian uzbek kyrgyz tajik turkmen moldovan palestinian yemeni african arab emirati soviet "
        "western eastern nato eu un"
    )
}
NATIONALITIES.update(
    {
        "us": "amer",
        "american": "amer",
        "uk": "brit",
        "british": "brit",
        "russia": "russ",
        "japan": "japa",
        "china": "chin",
        "belarus": "bela",
        "vietnam": "viet",
    }
)
PLACES = wordset(
    "russia moscow japan tokyo china beijing usa america washington ukraine kiev kyiv belarus minsk "
    "vietnam hanoi cuba havana india delhi iran tehran turkey ankara israel syria damascus france paris "
    "germany berlin britain london europe kazakhstan astana armenia yerevan azerbaijan baku georgia tbilisi "
    "serbia belgrade poland warsaw italy rome spain madrid brussels egypt cairo saudi arabia riyadh qatar "
    "doha iraq baghdad jordan lebanon beirut libya korea pyongyang seoul afghanistan kabul pakistan "
    "brazil venezuela caracas mexico canada ottawa norway oslo finland helsinki sweden stockholm estonia "
    "tallinn latvia riga lithuania vilnius moldova slovakia bratislava hungary budapest austria vienna "
    "switzerland bern geneva greece athens indonesia jakarta malaysia thailand bangkok mongolia "
    "uzbekistan tashkent kyrgyzstan tajikistan turkmenistan crimea donbass africa asia kazan sochi "
    "petersburg vladivostok vatican palestine gaza yemen sudan nigeria united states kingdom emirates "
    "us uk eu un nato new york city region republic west east south north"
)
# US states and their AP abbreviations, which follow a town after a comma ("Ames, Iowa", "Derry, N.H.").
_REGIONS = wordset(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois "
    "indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri "
    "montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington "
    "wisconsin wyoming ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo "
    "mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn tex vt va wash w.va wis wisc wyo d.c"
)
_REGION_PAIRS = wordset("new north south west rhode district")


def is_region(words: list[str]) -> bool:
    """A US state or a country, as written after a town: "Iowa", "New Hampshire", "N.H.", "Mass", "France"."""
    low = [w.lower().rstrip(".") for w in words if w != "."]
    if not low or len(low) > 3 or not all(w[:1].isupper() for w in words if w != "."):
        return False
    if len(low) == 1:
        return low[0] in _REGIONS or low[0] in PLACES
    return " ".join(low) in PLACES or (low[0] in _REGION_PAIRS and (low[-1] in _REGIONS or low[-1][:1].isalpha()))


# Capitalised words that start sentences or clauses and are never part of a name.
STOP_CAPS = wordset(
    "the a an this that these those then but and also however meanwhile later earlier in on at as so yet "
    "still now today yesterday here there it he she they we i you last next when while after before if "
    "although though since because thus hence moreover furthermore besides instead otherwise finally "
    "first second third lastly similarly likewise additionally specifically notably indeed separately "
    "overall previously recently just even only commenting speaking asked according according responding answering "
    "during for with by from to of his her its their our my your mr mrs ms dr having being oh who's who’s "
    "like amid despite unlike whether what why how where which yes no outside inside across beyond near under "
    "over above below behind between among against toward towards around through throughout within without "
    "upon onto into via per until unless neither either nor"
) - wordset("mr mrs ms dr first")
# Capitalised common nouns that show a capitalised run is not a person's name.
NOT_NAME = (
    ORG_HEADS
    | PLACES
    | wordset(
        "charter treaty nations summit forum islands island sea strait region republic war day year agreement "
        "declaration constitution conference organization cross fleet airlines media news assembly road "
        "street square river ocean gulf bay peninsula coast city university institute center centre club "
        "group airport station plant program programme project initiative games olympics cup prize award "
        "church cathedral monday tuesday wednesday thursday friday saturday sunday january february march "
        "april may june july august september october november december ii iii iv global economic "
        "hurricane operation line zone pipeline stream corridor route caucus caucuses primary primaries "
        "convention star times post journal tribune herald gazette network republicans democrats americans "
        "conservatives liberals progressives voters county counties "
    )
)
PRONOUNS = {"he": "he", "she": "she", "it": "it", "they": "they", "him": "he", "her": "she", "them": "they"}
_FEMALE_ROLE = re.compile(r"woman|\bqueen\b|\bmadam\b", re.IGNORECASE)
# Common given names (single words, no article text): "she" is not Tom Kessler, "he" is not Ellen Ward.
_FEMALE_FIRST = wordset(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra "
    "ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura "
    "cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra "
    "rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina "
    "lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann anne teresa kathryn "
    "sara janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa "
    "sophia marie diana brittany natalie isabella charlotte rose alexis kayla hillary ellen nora elaine elena "
    "nadia irina olga tatiana natalia svetlana valentina ekaterina yekaterina marina lyudmila galina angela "
    "theresa ursula nikki condoleezza kamala nancy elise kellyanne huma sheryl loretta janet carly michele "
    "ivanka melania chelsea jill tulsi kirsten maxine debbie dianne tammy claire heidi susana"
)
_MALE_FIRST = wordset(
    "james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony "
    "mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan "
    "jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank "
    "patrick raymond jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan "
    "jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe "
    "jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah "
    "louis bobby philip johnny bernie ted marco mike tom bill barack ben chris newt rand jeb tim ron rick mitt "
    "reince rudy chuck harry lindsey mitch jim bob dan steve jon sergey sergei vladimir dmitry dmitri alexei "
    "alexey mikhail nikolai ivan igor oleg viktor yuri boris andrei andrey pavel maxim denis anton kirill"
)
_MALE_FIRST_A = wordset("nikita ilya foma kuzma luka savva jonah joshua ezra mustafa musa yahya hamza")


def _honorific(words) -> bool | None:
    """True after "Ms.", "Mrs.", "Miss", "Madam"; False after "Mr."; None otherwise."""
    low = {w.lower().strip(".") for w in words}
    return True if low & {"mrs", "ms", "miss", "madam"} else False if "mr" in low else None


_SUFFIXES = wordset("jr sr ii iii iv")


def _surname(name: list[str]) -> str:
    """The surname among a name's words: "Biden" in "Joseph R. Biden Jr"."""
    i = len(name) - 1
    while i > 0 and name[i].lower().rstrip(".") in _SUFFIXES:
        i -= 1
    return name[i]


def _strip_s(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _low(word: str) -> str:
    word = word.lower()
    return word[:-2] if word.endswith(("'s", "’s")) else word


def is_org(name: str) -> bool:
    """True for a canonical speaker name that is an organisation or a place, not a person."""
    words = [_low(w) for w in name.split()]
    if len(words) <= 1:
        return bool(words) and (words[0] in PLACES or words[0] in ORG_HEADS or name.isupper())
    return any(w in ORG_HEADS for w in words) or all(w in PLACES or w in NATIONALITIES for w in words)


# --- entities and speaker phrases -------------------------------------------------


@dataclass
class Entity:
    """A speaker known to one article."""

    name: str
    role: str | None = None
    org: bool = False
    female: bool | None = None
    group: bool = False  # an unnamed speaker: "EC diplomats", "senior Citibank employee"

    def __post_init__(self) -> None:
        if self.female is None and not self.org and not self.group:
            self.female = guess_female(self.name, self.role)


def guess_female(name: str, role: str | None) -> bool | None:
    if role and _FEMALE_ROLE.search(role):
        return True
    words = name.split()
    given = words[0].lower() if len(words) >= 2 else ""
    if given in _FEMALE_FIRST:
        return True
    if given in _MALE_FIRST:
        return False
    last = words[-1].lower()
    if last.endswith(("ova", "eva", "ina", "skaya", "aya")) and len(words) <= 2:
        return True
    if last.endswith(("ov", "ev", "sky", "skiy", "skii")) and len(words) <= 2:
        return False
    if len(words) >= 2:
        first = words[0].lower()
        if first.endswith("a") and first not in _MALE_FIRST_A:
            return True
    return None


@dataclass
class Ref:
    """A speaker phrase as written, before resolution.

    kind: "name" (a person's name, maybe just the surname), "org" (a named
    organisation or place), "role" ("the Russian top diplomat"), "orgref"
    ("the ministry", "it"), "pronoun" ("he", "she"), or "group" for an
    unnamed speaker that is its own canonical name ("EC diplomats",
    "a senior Citibank employee" -> "senior Citibank employee").
    """

    kind: str
    name: str = ""
    title: str = ""
    words: tuple[str, ...] = ()


_DEFINITE = wordset("the its his her their our this that")
_LOWER_FIRST = wordset("one another people")
INDEFINITE = wordset("a an one another some several two three many other")
_DETERMINERS = _DEFINITE | INDEFINITE


# Lower-case particles inside a name: "Jan de Wit", "Ludwig van Beethoven", "Bashar al-Assad".
NAME_PARTICLES = wordset("de van von der den al bin ibn da di du del della dos das ter ten el")
_PARTICLE_WORD = re.compile(r"(?:al|el|bin|ibn)-[A-ZÀ-ÖØ-ÞĀ-Ž]")


def _particle(words: list[str], k: int) -> bool:
    """True for a name particle at ``words[k]`` with a capitalised name word on each side."""
    w = words[k]
    if not (w in NAME_PARTICLES or _PARTICLE_WORD.match(w)) or k == 0 or not words[k - 1][:1].isupper():
        return False
    return bool(_PARTICLE_WORD.match(w)) or (k + 1 < len(words) and words[k + 1][:1].isupper())


def is_particle(tok: str) -> bool:
    """A word that may sit inside a name: "de", "van", "al-Assad"."""
    return tok in NAME_PARTICLES or bool(_PARTICLE_WORD.match(tok))


def split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name words): the name is the longest tail of capitalised non-title words."""
    i = len(words)
    while i > 0:
        w = words[i - 1]
        low = _low(w)
        if i < len(words) and _particle(words, i - 1):
            i -= 1
            continue
        if i == len(words) and _PARTICLE_WORD.match(w) and _particle(words, i - 1):
            i -= 1
            continue
        if i == len(words) and _title_surname(words):
            i -= 1
            continue
        if not w[:1].isupper() or low in TITLE_WORDS or low in NOT_NAME or low in NATIONALITIES:
            break
        if low in STOP_CAPS or low.split("-")[0] in TITLE_WORDS or low in INDEFINITE:
            break
        if i < len(words) and w.endswith(("'s", "’s", "s'", "s’")):
            break  # "Florida's Rick Wilson", "Republicans' Long, Uneasy History": the possessor is no part of a name
        if i < len(words) - 1 and w.isupper() and w.isalpha() and len(w) > 1 and words[i][1:2].islower():
            break  # "U.S. Ambassador to the OECD Edward Streator": an abbreviation before a name is no part of it
        i -= 1
    if 1 < i < len(words) - 2 and _low(words[i - 1]) in ("of", "for") and words[i - 2][:1].isupper():
        i += 1  # "Assistant Attorney General for Antitrust Charles Rule": the department ends the title
    elif (
        0 < i < len(words) - 2
        and (_given(words[i + 1]) or (i > 1 and _low(words[i - 1]) == "the" and _low(words[i - 2]) in ("of", "for")))
        and not _given(words[i])
        and "." not in words[i]
    ):
        i += 1  # "Chancellor of the Exchequer Nigel Lawson", "Office of Management and Budget James Miller"
    if sentence_capital(words[i:]):
        i += 1
    return words[:i], words[i:]


_INITIAL = re.compile(r"[A-Z]\.")


def _title_surname(words: list[str]) -> bool:
    """A title word that ends a name as its surname: "Peter T. King", "Billie Jean King", "Steve Bishop"
    (after a middle initial or a given name), not "Trump campaign Chairman"."""
    if len(words) < 2 or not words[-1][:1].isupper() or _low(words[-1]) not in TITLE_WORDS:
        return False
    if not words[-1][1:].islower() or _low(words[-1]) in _SURNAME_NEVER:
        return False
    before = words[-2]
    return bool(_INITIAL.fullmatch(before)) or (_given(before) and before[1:].islower())


# Title words that are never a surname after a given name: "Mike Pence Gov." is not written.
_SURNAME_NEVER = wordset("mr mrs ms dr sen sens rep reps gov govs lt gen col sgt capt atty rev prof pres u.s. us")


def named_after_office(head: Ref, office: list[str], rest: list[str]) -> Ref | None:
    """The person named after an office with "of" in it, when the word before "of" only seemed a name:
    "County Supervisor of Elections Susan Bucher" is Susan Bucher, not "Supervisor"."""
    if " " in head.name or not rest or not all(w[:1].isupper() and not w.endswith(("'s", "’s")) for w in rest):
        return None
    title, name = split_name(rest)
    if len(name) < 2 or not _given(name[0]):
        return None
    return Ref("name", name=" ".join(name), title=" ".join(office + title))


_OPENING_PARTICIPLES = wordset(
    "following given according including regarding concerning excluding barring considering maybe perhaps"
)


def sentence_capital(name: list[str]) -> bool:
    """Is the first word of ``name`` no part of it, a word capitalised where it opens the sentence or a title
    ("Following Sanders", "Entrusting Donald Trump", "[Supervisor of] Elections Susan Bucher")?"""
    if len(name) < 2:
        return False
    first = _low(name[0])
    if first in _OPENING_PARTICIPLES:
        return True
    return (
        len(name) >= 3
        and first.isalpha()
        and first.endswith(("ing", "ions", "ments", "ers", "ies", "ants", "ents"))
        and name[0][1:].islower()
        and not _given(name[0])
        and _given(name[1])
    )


def _given(word: str) -> bool:
    low = word.lower()
    return low in _MALE_FIRST or low in _FEMALE_FIRST


def role_of(title_words: list[str]) -> str | None:
    """The role in a title ("Russian Foreign Minister"), or None if it names no role."""
    while title_words and title_words[0].lower() in _DETERMINERS | {"of", "to", "for", "and"}:
        title_words = title_words[1:]
    while title_words and title_words[-1].lower() in {"of", "to", "for", "and", "the"}:
        title_words = title_words[:-1]
    if any(_low(w).split("-")[0] in ROLE_HEADS or _low(w).strip(".") in _ABBREVIATED for w in title_words):
        return " ".join(title_words)
    return None


def role_head(role: str | None, noun: str) -> bool:
    """Is ``noun`` the head of ``role`` ("treasurer" of "city treasurer", "chairman" of "chairman of the
    board")? Not "bank" of "central bank governor": the bank is no person."""
    words = (role or "").lower().split()
    cut = next((k for k, w in enumerate(words) if w in ("of", "for", "at", "in", "to", "with")), len(words))
    return bool(cut) and noun in (words[cut - 1], words[cut - 1].rstrip("s"))


def _spelled(role: str) -> str:
    """A lower-case role with its abbreviated titles spelt out: "sen. gop" -> "senator gop"."""
    return " ".join(_ABBREVIATED.get(w.strip("."), w) for w in role.split())


# Words that end a speaker phrase but name a time, not the speaker: "Rep. Brad Sherman last month said".
_TIME_TAIL = wordset(
    "last this next week weekend month year night morning afternoon evening monday tuesday wednesday thursday "
    "friday saturday sunday today yesterday tonight earlier later recently also previously once again then "
    "all both too alone himself herself themselves"
)
# Long all-capital words that are organisations, not datelines ("WASHINGTON —", "LA CROSSE, Wisc. —").
_CAPS_ORGS = wordset("today unesco unicef nafta interfax itar-tass novosti xinhua reuters asean brics opec nato")


def is_dateline(words: list[str]) -> bool:
    """True for a dateline in capitals ("WASHINGTON", "LA CROSSE", "PARIS"): a place, never a speaker."""
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if not letters or not all(w.isupper() for w in letters):
        return False
    low = [_low(w).strip(".,") for w in letters]
    if any(w in _CAPS_ORGS or w in ORG_HEADS for w in low):
        return False
    return " ".join(low) in PLACES or all(w in PLACES for w in low) or any(len(w) >= 5 for w in low)


def after_dateline(toks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The tokens of a sentence after its dateline ("WASHINGTON, Dec. 8 (UPI) — Sen. X said"), so that the
    sentence's subject, not the city, is read as the speaker."""
    k = 0
    while k < len(toks) and toks[k][1].isupper() and toks[k][1].isalpha():
        k += 1
    if not k or not is_dateline([t for _, t in toks[:k]]):
        return _after_agency(toks)
    dash = next((i for i in range(k, min(len(toks), k + 14)) if toks[i][1] in ("—", "–", "-")), -1)
    if dash < 0:
        return toks
    while dash < len(toks) and toks[dash][1] in ("—", "–", "-"):
        dash += 1
    return toks[dash:]


def _after_agency(toks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The tokens after a dateline in ordinary case that names its agency: "Washington (AFP) – ..."."""
    if len(toks) < 5 or not toks[0][1][:1].isupper():
        return toks
    k = next((i for i in range(1, min(len(toks) - 3, 6)) if toks[i][1] == "("), -1)
    if k < 0 or toks[k + 2][1] != ")" or toks[k + 3][1] not in ("—", "–", "-"):
        return toks
    if not (toks[k + 1][1].isupper() or _low(toks[k + 1][1]) in _CAPS_ORGS):  # "(AFP)", "(Reuters)"
        return toks
    return toks[k + 4 :]


_BARE_TITLES = wordset("Mr Mrs Ms Dr Sen Sens Rep Reps Gov Govs Lt Gen Col Sgt Capt Atty Rev Prof")
_LINKS = wordset("to for of in at with from close on")


def _modifier_name(title: list[str]) -> bool:
    """True when the name after ``title`` is the object of a preposition that a lower-case noun governs:
    "adviser to [Trump]", "spokesman for [Sen. Ted Cruz]", "article in [Politico]", "source close to
    [him]". Not "Secretary of State John Kerry" (a capitalised title) nor "spokeswoman for the Foreign
    Ministry Maria Zakharova" (the name comes after the whole title)."""
    low = [_low(w) for w in title]
    p = next((k for k in range(len(low) - 1, 0, -1) if low[k] in _LINKS), 0)
    if not p or not title[p - 1].islower() and low[p - 1] != "close" and not (p == 1 and low[0] in GROUP_NOUNS):
        return False  # a capitalised title ("Secretary of State"); "Aides to Trump" opens a sentence
    # "polls in New [Hampshire]", "adviser to both [Clintons]"
    return all(w in TITLE_WORDS or w in PLACES or w in (".", "the", "both") for w in low[p + 1 :])


def _lower_object(title: list[str]) -> bool:
    """True when a one-word name ends a lower-case phrase that a link word opens after a lower-case noun:
    "a columnist for the tech news site [Pando]" is the columnist, not Pando."""
    p = next((k for k in range(len(title) - 1, 0, -1) if title[k] in _LINKS), 0)
    return bool(p) and title[p - 1].islower() and all(w.islower() for w in title[p + 1 :])


_QUANTIFIERS = wordset("many most some several few one two three four five all both none each")
_AUXILIARIES = wordset("has have had is was were are would will could should may might did does do")


# Adverbs between a subject and its cue: "The official was further quoted as saying" (wire copy).
_TAIL_ADVERBS = wordset("also further again later then repeatedly previously earlier already reportedly once still")


def trim_phrase(words: list[str]) -> list[str]:
    """A speaker phrase without the auxiliary or adverb that the cue left at its end: "ministry has" (said),
    "official was further" (quoted as saying)."""
    while len(words) > 1 and (words[-1].lower() in _AUXILIARIES or words[-1] in _TAIL_ADVERBS):
        words = words[:-1]
    return words


# Nouns whose owner is the speaker, as PolNeAR reads them: "his spokesman said", "Trump's office said".
_OWNED_SPEECH = wordset("spokesman spokeswoman spokesperson office")
_OWNER_MODIFIERS = wordset("campaign press senior chief top longtime")


def _owner(words: list[str]) -> Ref | None:
    """The owner of "his spokesman", "Trump's campaign spokeswoman", "her office": "he", "Trump", "she"."""
    if not 2 <= len(words) <= 3 or _low(words[-1]) not in _OWNED_SPEECH:
        return None
    if not all(_low(w) in _OWNER_MODIFIERS for w in words[1:-1]):
        return None
    first = words[0]
    if first.lower() in ("his", "her"):
        return Ref("pronoun", words=("he" if first.lower() == "his" else "she",))
    m = re.fullmatch(r"([A-Z][\w-]+)['’]s?", first)
    if m and _low(m.group(1)) not in STOP_CAPS and _low(m.group(1)) not in NOT_NAME:
        return Ref("name", name=m.group(1))
    return None


# The legal form that ends a company's name: "Home Shopping Network Inc", "Standard and Poor's Corp".
CORP_SUFFIXES = wordset("Inc Corp Co Cos Ltd Plc PLC AG SA NV BV Corporation Company")
# Heads of names with "and" inside: "Securities and Exchange Commission", "Savings and Loan Association".
JOINED_HEADS = wordset("Commission Committee Association")


def company_name(words: list[str]) -> bool:
    """True when ``words`` are the whole name of a company ("General Motors Corp", "Jefferies and Co Inc"):
    capitalised words, "and" or "&" between them, a legal form at the end (or a name with "and" inside
    and a head of ``JOINED_HEADS``: "Securities and Exchange Commission"). The general reading takes
    "General" or "American" for a title or a nationality and keeps "Motors Corp", or "Inc" alone."""
    last = words[-1] if len(words) > 1 else ""
    if len(words) == 3 and words[1] in ("and", "&") and words[0] == last and last[:1].isupper():
        return True  # "Johnson and Johnson"
    corp = last in CORP_SUFFIXES or last.rstrip(".,") in CORP_SUFFIXES
    if not corp and (last not in JOINED_HEADS or "and" not in words):
        return False
    if not words[0][:1].isupper():
        return False
    if any(re.sub(r"['’]s$", "", w) in CORP_SUFFIXES for w in words[:-1] if w[-2:] in ("'s", "’s")):
        return False  # "Chrysler Corp's Chrysler Motors Corp": a company's company
    if words[-2] in ("and", "&") and last == "Co" and len(words) > 2:  # "Upham Harris and Co"
        return all(w[:1].isupper() or w in ("and", "&") for w in words)
    return all(w[:1].isupper() or w[:1].isdigit() or w in ("and", "&", "of") for w in words) and words[-2] not in (
        "and",
        "&",
        "of",
    )


_RELATIVES = wordset("who whom whose which")
_HEAD_LINKS = wordset("to for of at with from close familiar involved near")
_LINK_ADJECTIVES = wordset("close familiar involved near")


def _unnamed_head(word: str) -> bool:
    """A noun for people who are not named by the phrase that follows it: "aides", "people", "spokesman"."""
    return word in GROUP_NOUNS or word in _SUBORDINATE or word in ("people", "person", "someone", "those")


# Things written by someone, whose author speaks: "a memo released Friday by the agency's watchdog".
_AUTHORED = wordset("statement document communique report letter message memo study analysis data survey audit")
_RELEASED = wordset("released issued published written conducted prepared sent posted obtained filed on")


# Prepositions that open a phrase of time or place after a speaker's name: "said Ann Reyes during the debate".
_CIRCUMSTANCE = wordset("during at in on after before while amid")


def _name_before_circumstance(words: list[str], low: list[str]) -> Ref | None:
    """The person named before "during", "at" or "in" and a phrase of time or place: "former tech executive
    Ann Reyes during the second debate" is Ann Reyes, not a role to resolve."""
    k = next((k for k in range(2, len(low)) if low[k] in _CIRCUMSTANCE and words[k].islower()), 0)
    if not k or not words[k - 1][:1].isupper():
        return None
    head = parse_phrase(words[:k])
    if head is None or head.kind != "name" or " " not in head.name:
        return None
    if any(w[:1].isupper() and _low(w) in ORG_HEADS for w in head.title.split()):
        return None  # "the Roper Center for Public Opinion Research at ...": a body's name, not a person's
    return head


# Sentence adverbs that open a subject phrase: "Even those who backed him said", "Yet another voter said".
OPENING_ADVERBS = wordset("even yet still also now then meanwhile indeed instead perhaps")


def lead_words(words: list[str]) -> list[str]:
    """An unnamed speaker's phrase without the article or sentence adverb that opens it: "Even those"
    -> "those", "the Republicans" -> "Republicans"."""
    while words and (words[0].lower() in ("the", "a", "an") or len(words) > 1 and words[0].lower() in OPENING_ADVERBS):
        words = words[1:]
    return words


def lone_title_surname(word: str) -> bool:
    """A capitalised title word alone as a speaker is a surname: "Major said" (Gloria Major), "King said"
    (Alan King); a role goes with its article ("the major", "the king")."""
    low = _low(word)
    if not (word[:1].isupper() and word[1:].islower() and low in TITLE_WORDS) or low in _SURNAME_NEVER:
        return False
    return not (low in GROUP_NOUNS or low in _SUBORDINATE or low in _PARTIES or low in NATIONALITIES)


def parse_phrase(words: list[str]) -> Ref | None:
    """Read a speaker phrase (the words before or after a cue verb)."""
    words = [w for w in words if w]
    while len(words) > 1 and words[-1].lower() in _TIME_TAIL and (words[-1].islower() or words[-1].endswith("day")):
        words = words[:-1]
    if not words or is_dateline(words) or words[-1].rstrip(".") in _BARE_TITLES:
        return None  # "Rep", "Mr": a title cut from its name is nobody
        return None
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return Ref("pronoun", words=(PRONOUNS[words[0].lower()],))
    while len(words) > 1 and words[0].lower() in OPENING_ADVERBS and words[1].lower() not in _AUXILIARIES:
        words = words[1:]  # "Even those who ...", "Yet another supporter": the adverb is no part of the speaker
    if len(words) == 1 and lone_title_surname(words[0]):
        return Ref("name", name=words[0])
    if words[0][-2:] in ("'s", "’s") and words[0][:-2].lower() in ("he", "she"):  # "She's a Smith supporter"
        return Ref("pronoun", words=(words[0][:-2].lower(),))
    rel = next((k for k, w in enumerate(words) if k and w in _RELATIVES), 0)
    if rel:  # "a senior official who spoke on condition of anonymity": the official, not a role to resolve
        words = words[: rel - 1 if words[rel - 1] == "," else rel]
        if not words:
            return None
    if "," in words[1:]:  # "Johnnie Wilson, of Springfield, Va.", "Mr. King, 82": the name before the comma
        head = parse_phrase(words[: words.index(",")])
        if head is not None and head.kind == "name" and " " in head.name:
            return head
    owner = _owner(words)
    if owner is not None:
        return owner
    low = [_low(w) for w in words]
    if "by" in low:  # "a joint statement by the European Commission and ...", "a memo released Friday by X"
        k = low.index("by")
        doc = next((i for i in range(k - 1, max(-1, k - 4), -1) if low[i] in _AUTHORED), -1)
        if doc >= 0 and (doc == k - 1 or all(w in _RELEASED or w.endswith("day") for w in low[doc + 1 : k])):
            rest = words[k + 1 :]
            rest = rest[: [w.lower() for w in rest].index("and")] if "and" in [w.lower() for w in rest] else rest
            by = parse_phrase(rest)
            if by is None and rest and doc < k - 1:  # "data released Friday by state gaming regulators"
                rest = rest[1:] if rest[0].lower() in ("the", "a", "an") else rest
                return Ref("group", name=" ".join(rest)) if 0 < len(rest) <= 6 else None
            return by
    if (named := _name_before_circumstance(words, low)) is not None:
        return named
    for k, w in enumerate(low):  # "Sen. Tammy Baldwin of Wisconsin", "Robert Antonacci of the New York delegation"
        if k >= 2 and w in ("of", "from") and words[k - 1][:1].isupper():
            head = parse_phrase(words[:k])
            rest = words[k + 1 :]
            if head is not None and head.kind == "name":
                return named_after_office(head, words[: k + 1], rest) or head
            if head is not None and head.kind == "org" and rest and all(w[:1].isupper() for w in rest):
                return Ref("org", name=" ".join([head.name, w, *rest]))  # "the Federal Bureau of Prisons"
            if head is not None and head.kind == "group" and rest and all(w[:1].isupper() for w in rest):
                return Ref("group", name=" ".join([head.name, w, *rest]))  # "a spokesman for Mayor X of Cleveland"
            break
    indefinite = words[0].lower() in INDEFINITE
    definite = words[0].lower() in _DEFINITE
    if len(low) > 2 and low[0] in _QUANTIFIERS and low[1] == "of":  # "Many of her supporters", kept whole
        return Ref("group", name=" ".join([words[0].lower() if words[0].istitle() else words[0], *words[1:]]))
    while words and words[0].lower() in _DETERMINERS:
        words, low = words[1:], low[1:]
    if not words:
        return None
    link = next((k for k in range(1, len(low)) if low[k] in _HEAD_LINKS), 0)
    if (
        link
        and (link == 1 or words[link - 1].islower())
        and (_unnamed_head(low[link - 1]) or (low[link] in _LINK_ADJECTIVES and low[link - 1] in ROLE_HEADS))
        and words[-1].islower()
        and low[-1] not in _HEAD_LINKS
        and low[-1] not in _DETERMINERS
    ):  # "people close to the mayor", "aides to the mayor", "an executive familiar with the talks"
        return Ref("group", name=" ".join(words))
    if company_name(words):  # wire.py's reading of company names (Reuters business copy)
        return Ref("org", name=" ".join(words))
    last = low[-1]
    if low[0] in GROUP_NOUNS and len(low) > 2 and low[1] == "of":  # "Officials of the EC Commission"
        return Ref("group", name=" ".join(words))
    group = last in GROUP_NOUNS or (indefinite and last in ROLE_HEADS)
    if group and not (last == "diplomats" and definite):
        return Ref("group", name=" ".join(words))
    media = [i for i, w in enumerate(low) if w in MEDIA_WORDS]
    if media and any(w[:1].isupper() for w in words):
        named = [w for i, w in enumerate(words) if (i not in media or w[:1].isupper()) and _low(w) not in NATIONALITIES]
        named = [w for w in named if w[:1].isupper()]
        return Ref("org", name=" ".join(named)) if named else None
    title, name = split_name(words)
    if name and (
        _modifier_name(title) or (len(name) == 1 and _lower_object(title))
    ):  # "a longtime adviser to Trump" is not Trump
        return Ref("group", name=" ".join(words))
    if len(name) == 1 and title and title[-1][:1].isupper() and _low(title[-1]) in PLACES:
        return Ref("org", name=" ".join(w for w in words if w[:1].isupper()))  # "United Technologies", "New Balance"
    if name and not (len(name) == 1 and name[0].isupper() and len(name[0]) <= 5 and not title):
        return Ref("name", name=" ".join(re.sub(r"['’]s$", "", w) for w in name), title=" ".join(title))
    caps = any(w[:1].isupper() for w in words)
    if last in ORG_HEADS or last in PLACES or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
        named = any(w[:1].isupper() and lw not in NATIONALITIES for w, lw in zip(words, low, strict=True))
        if caps and (named or not (last in ORG_REFS and not words[-1][:1].isupper())):
            return Ref("org", name=" ".join(re.sub(r"['’]s$", "", w) for w in words))
        if last in ORG_REFS:
            return Ref("orgref", words=tuple(low))
    if last in ORG_REFS:
        return Ref("orgref", words=tuple(low))
    if any(w in ROLE_HEADS for w in low):
        return Ref("role", words=tuple(low))
    return None


# --- one article's speakers ----------------------------------------------------------

# A run of capitalised words; a middle initial counts ("Donald J. Trump", not "Joseph R" and "Biden").
# Name particles count inside a run ("Jan de Wit", "Bashar al-Assad").
# The capital comes before the look-behind (which then spans it) so that the search skips to the next
# capital in C: a pattern that opens with a look-behind is tried at every offset (half the time, measured).
_CAP_RUN = re.compile(
    r"[A-ZÀ-ÖØ-ÞĀ-Ž](?<![\w'’-].)[\w'’\-]*"
    r"(?:(?: [A-Z]\.)*(?: (?:de|van|von|der|den|da|di|du|del|della|dos|das|ter|ten|bin|ibn|al|el))*"
    r" (?:(?:al|el|bin|ibn)-)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]*)+"
)
# A name and the comma after it, up to a phrase in apposition ("Leonard E. Burman, [director of ...]").
_APPOSED = re.compile(
    r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}(?: \([^()]{1,16}\))?(?:, \d{1,3})?, (?:of |the |a |an )?"
)
_CAP_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž](?<![\w'’-].)[\w'’\-]+")  # look-behind after the capital: as _CAP_RUN
_LEFT_WORD = re.compile(r"([\w'’\-]+) $")
# A name used as a modifier before a role and another name: "Obama consultant Cornell Belcher".
_MODIFIER_GAP = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*(?:['’]s)? (?:[a-z-]+ ){0,2}([a-z-]+) ")
_MODIFIED_ROLES = ROLE_HEADS | _SUBORDINATE | wordset("manager chair strategist consultant pollster")
_HONORIFIC_NAME = re.compile(r"(?=[MD])\b(Mr|Mrs|Ms|Dr)\. ([A-Z][\w'’-]+)")  # (?=[MD]): fails fast elsewhere
# Capitalised titles before a lone surname that make it a person: "President Obama", "Senator Ridley".
_PERSON_TITLES = wordset(
    "president senator sen representative rep governor gov mayor secretary judge justice speaker general gen "
    "minister chancellor ambassador admiral sheriff chairman chairwoman commissioner attorney pope king queen "
    "prince vice-president"
)
_LEFT_ABBREVIATION = re.compile(r"\b((?:Sen|Sens|Rep|Reps|Gov|Govs|Lt|Gen|Atty|Pres)\.) $")  # "Sen. Mark Ridley"
_APPOSITION = re.compile(r",\s+((?:the\s+)?[^,.;:\"“”«»()~]{3,80}?)(?=\s*[,.;:]|\s*$)")
_CONNECTORS = {"of", "to", "for", "the"}
# Lower-case words after which a name is still a subject: "and Trump said", "said Trump".
_PREPOSITIONS = wordset(
    "on in at to for with from by about against of over under after before during than like unlike into onto "
    "toward towards behind between among beside besides without within upon via per despite amid"
)
_SUBJECT_AFTER = wordset("and but or so then while when because although though said says added wrote asked")

# Which roles a role noun may refer to (substrings of the lower-cased role).
_DIPLOMAT = (
    "foreign minister",
    "minister of foreign",
    "foreign affairs",
    "top diplomat",
    "chief diplomat",
    "diplomacy chief",
    "high representative",
)
_CANDIDATE = ("candidate", "nominee", "front-runner", "frontrunner", "contender", "hopeful")
_TYCOON = ("businessman", "billionaire", "mogul", "developer", "tycoon") + _CANDIDATE
ROLE_COMPAT = {
    "head of state": ("president", "head of state", "king", "emir", "sultan", "leader", "monarch"),
    "prime minister": ("prime minister", "premier", "pm"),
    "premier": ("prime minister", "premier"),
    "foreign minister": _DIPLOMAT[:3],
    "top diplomat": _DIPLOMAT,
    "chief diplomat": _DIPLOMAT,
    "diplomat": _DIPLOMAT  # not "representative": the U.S. Trade Representative is no diplomat
    + (
        "diplomat",
        "ambassador",
        "envoy",
        "permanent representative",
        "special representative",
        "consul",
        "spokes",
        "ministry",
    ),
    "ambassador": ("ambassador", "envoy"),
    "envoy": ("envoy", "ambassador", "representative"),
    "vice president": ("vice president", "vice-president"),
    "leader": ("president", "leader", "prime minister", "premier", "chancellor", "king", "head of state", "emir"),
    "spokeswoman": ("spokes", "press secretary", "press officer"),
    "spokesman": ("spokes", "press secretary", "press officer"),
    "spokesperson": ("spokes", "press secretary", "press officer"),
    "lawmaker": ("duma", "deputy", "lawmaker", "senator", "parliament", "mp", "speaker", "legislat", "congress"),
    "aide": ("aide", "adviser", "advisor", "assistant"),
    "head": ("head", "chief", "director", "chairman", "leader"),
    "chief": ("chief", "head", "director"),
    "candidate": _CANDIDATE,
    "nominee": _CANDIDATE,
    "frontrunner": _CANDIDATE,
    "front-runner": _CANDIDATE,
    "billionaire": _TYCOON,
    "businessman": _TYCOON,
    "mogul": _TYCOON,
}
_PHRASE_ROLES = (
    "head of state",
    "prime minister",
    "foreign minister",
    "top diplomat",
    "chief diplomat",
    "vice president",
)
_ORG_NEED = {
    "ministry": ("ministry",),
    "department": ("department", "ministry"),
    "embassy": ("embassy",),
    "office": ("office",),
    "diplomats": ("ministry", "embassy", "mission"),
}


_RUNNING = wordset("candidate nominee frontrunner front-runner billionaire businessman businesswoman mogul judge")
_PARTIES = {"democratic": "dem", "democrat": "dem", "republican": "rep", "gop": "rep"}


def _party(words) -> set[str]:
    return {_PARTIES[w] for w in words if w in _PARTIES}


def _role_has(role: str, pattern: str) -> bool:
    """Does ``role`` hold ``pattern`` ("spokes" in "spokeswoman")? "president" is not in "presidential"."""
    at = role.find(pattern)
    return at >= 0 and not role.startswith("ial", at + len(pattern))


def _nat(words) -> set[str]:
    return {NATIONALITIES[w] for w in words if w in NATIONALITIES}


def _edit1(a: str, b: str) -> bool:
    """True when a and b differ by one substitution, insertion or deletion."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


_COORDINATED = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}),? (?:and|or|nor) $")
_KIN = wordset(
    "cousin brother sister wife husband son daughter father mother uncle aunt nephew niece friend colleague "
    "neighbor neighbour partner grandson granddaughter grandfather grandmother stepson stepdaughter"
)
_AGED = re.compile(r"\d+-year-old $")


_POSSESSIVE_NAME = re.compile(r"[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}['’]s?(?=[\s,])")
_NAME_THEN_VERB = re.compile(
    r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} (?:is|was|has|had|will|would|could|can|should|might|did|does|"
    r"hoped|wanted|planned|tried|sought|wants|hopes|plans)\b"
)
_PASSIVE_BY = re.compile(
    r"\b(?:was|were|is|are|been|being) (?:[a-z]+ )?(?:joined|accompanied|introduced|followed|led|echoed|endorsed|backed|interviewed)\b[^.;]{0,20}$"
)
_DETERMINED_NOUN = re.compile(r"\b(?:the|a|an|this|that|of) [a-z]+ $")
_QUANTITY_OF = re.compile(
    r"\b(?:[Oo]ne|[Ss]ome|[Mm]any|[Mm]ost|[Aa]ll|[Ee]ach|[Nn]one|[Ss]everal|[Ff]ew|[Mm]uch|[Aa]nother|[Bb]oth|[Tt]wo|[Tt]hree) $"
)


def _object(body: str, at: int) -> bool:
    """Is the name at ``at`` the object of a verb or a preposition ("sued Trump", "On Ward's advice")?
    A possessive is not: "Sanders's role is unclear, but he said" is about Sanders, nor after a verb ("drew
    Trump's ire") or in "one of Trump's remarks"; after a preposition it is ("On Ward's advice"). A name joined to
    another by "and"/"or" shares its place ("did not mention Rubio or Kasich"); nor is a name after a
    role or kin noun ("analyst Ann Lee", "his cousin James York") or an age ("62-year-old Ann Lee") an object."""
    m = _LEFT_WORD.search(body, max(0, at - 24), at)
    if not m:
        return False
    left = m.group(1)
    if left in ("and", "or", "nor") and (c := _COORDINATED.search(body, max(0, at - 60), at)):
        return _object(body, c.start(1))
    owner = _POSSESSIVE_NAME.match(body, at) is not None
    if left == "by" and _PASSIVE_BY.search(body, max(0, m.start() - 30), m.start()):
        return False  # "He was joined on the call by Ann Lee. She said ...": the agent of a passive
    if left.lower() in _PREPOSITIONS:
        # "One of Trump's jeremiads came when he told ...": the owner of the subject, not an object
        return not (owner and left == "of" and _QUANTITY_OF.search(body, max(0, m.start() - 12), m.start()))
    if not left.islower() or left in _SUBJECT_AFTER:
        return False
    if owner:
        return False  # "she drew Trump's ire - he called her ...": the owner of the object is no object
    if _NAME_THEN_VERB.match(body, at) and _DETERMINED_NOUN.search(body, max(0, at - 40), at):
        return False  # "the kind of campaign Ayotte hoped to run", "the reason Obama is seeking": a clause's subject
    if body[at : at + 1].isupper() and (left in TITLE_WORDS or left in _MODIFIED_ROLES or left in _KIN):
        return False
    return not (body[at : at + 1].isupper() and _AGED.search(body, max(0, at - 16), at))


def _gendered(ent: Entity | None, word: str) -> Entity | None:
    """``ent``, now known to be a "he" or a "she" if that was open."""
    if ent is not None and ent.female is None and not ent.group:
        ent.female = word == "she"
    return ent


def _former(words) -> bool:
    return any(w in ("former", "ex") or w.startswith("ex-") for w in words)


class _RoleScore:
    """How well a person fits a role noun ("the Democratic nominee"): 2 their role says so, 1 no role
    known, 0 another role, party, nationality or sex, -1 not a person."""

    def __init__(self, words, want: str) -> None:
        self.want, self.nat, self.party = want, _nat(words), _party(words)
        self.former = _former(words)
        self.female = True if want.endswith("woman") else False if want.endswith("man") else None

    def __call__(self, ent: Entity | None) -> int:
        if ent is None or ent.org or ent.group:
            return -1
        if self.female is not None and ent.female is (not self.female):
            return 0  # "the congresswoman" is not Mr. Hale
        if ent.role is None:
            return 1
        role = _own_role(_spelled(ent.role.lower()))
        other = _nat(w.strip("'’s") for w in role.replace("’s", "").replace("'s", "").split())
        if self.nat and other and not (self.nat & other):
            return 0
        if self.party and _party(role.split()) - self.party:
            return 0  # "the Democratic nominee" is not the Republican one
        if (_former(role.split()) and not self.former) or (self.want == "president" and "vice" in role):
            return 0  # "the president" is not former President Bush, nor the vice president
        pats = ROLE_COMPAT.get(self.want, (self.want,))
        return 2 if self.want == "official" or any(_role_has(role, p) for p in pats) else 0


_ROLE_LINK = re.compile(r" (?:for|to|with|at|on|about|from|in|under|behind) ")


def _own_role(role: str) -> str:
    """A person's own role, without the person or body it serves: "spokesman for the candidate" is a
    spokesman, "adviser to the governor" an adviser, "had dealings with the candidate" no candidate.
    "Secretary of state", "head of state" keep their "of"."""
    m = _ROLE_LINK.search(role)
    return role[: m.start()] if m else role


def _past_modifier(body: str, mentions: list[tuple[int, Entity]], i: int) -> tuple[int, Entity]:
    """Mention ``i``, or the next one when ``i`` only modifies its role: "Obama consultant Cornell Belcher"."""
    pos = mentions[i][0]
    if i + 1 < len(mentions) and mentions[i + 1][0] - pos < 60:
        gap = _MODIFIER_GAP.fullmatch(body, pos, mentions[i + 1][0])
        if gap and _low(gap.group(1)) in _MODIFIED_ROLES:
            return mentions[i + 1]
    return mentions[i]


_NAMED_ONE = re.compile(r"\bnamed ([A-Z][a-z]+)\b(?![ '’-]*[A-Z0-9])")


def _honorific_people(sp: Speakers, body: str, inside) -> None:
    """People named only as "Mr. Obama" or "Ms. Kell", or by one name ("a nurse named Carla"): added,
    with their sex and their mentions."""
    lone = []
    for m in _HONORIFIC_NAME.finditer(body):
        word = _strip_s(m.group(2))
        if name_key(word) not in sp.people and _low(word) not in NOT_NAME and not inside(m.start(2)):
            ent = sp._add_person([word], None)
            ent.female = m.group(1) != "Mr"
            lone.append((m.start(2), ent))
    for m in _NAMED_ONE.finditer(body) if "named " in body else ():
        word = m.group(1)
        if name_key(word) not in sp.people and _low(word) not in NOT_NAME and not inside(m.start(1)):
            lone.append((m.start(1), sp._add_person([word], None)))
    if lone:
        sp.mentions = sorted(sp.mentions + lone, key=lambda t: t[0])


# Bodies that "they" can stand for when no group has spoken yet: "The campaign said ... They added".
_THEY_BODIES = wordset(
    "campaign committee administration government company agency ministry department office party "
    "organization organisation team council commission board group coalition"
)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ž][\w.'’-]*")


def _group_phrase(words: list[str], k: int) -> str:
    """The plural or collective noun ``words[k]`` with the modifiers before it: "Republican leaders",
    "senior administration officials", "Clinton campaign"."""
    j = k
    while j > 0 and k - j < 4:
        w = words[j - 1]
        low = _low(w).rstrip(".")
        if not (
            (w[:1].isupper() and low not in STOP_CAPS and not w.endswith(",")) or low in TITLE_WORDS or low in ORG_HEADS
        ):
            break
        j -= 1
    return " ".join(words[j : k + 1]).strip(".,;:")


_AND_NEXT = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3},? (?:and|&) ")


def _pair_between(sp: Speakers, lo: int, hi: int) -> bool:
    """Are two people named together ("Autor and Dorn") in body[lo:hi] outside quotations?"""
    if sp._lazy:
        sp._surnames()
    i = bisect.bisect_left(sp.mentions, lo, key=lambda t: t[0])
    j = bisect.bisect_left(sp.mentions, hi, key=lambda t: t[0])
    people = [(at, e) for at, e in sp.mentions[i:j] if not e.org and not e.group]
    return any(
        a[1] is not b[1] and _AND_NEXT.fullmatch(sp.body, a[0], b[0]) for a, b in zip(people, people[1:], strict=False)
    )


def they_antecedent(sp: Speakers, pos: int) -> Entity | None:
    """What "they" stands for when the speaker of the moment is one person: the last plural group or
    collective body named, not as an object, outside quotations in the 600 characters before this
    sentence, else earlier in this one ("Republican leaders met on Tuesday. They said ..." ->
    Republican leaders); nobody when two people named together come after it ("Autor and Dorn")."""
    cur = sp.sentence[0] if sp.sentence and sp.sentence[0] <= pos else pos
    for lo, hi in ((max(0, cur - 600), cur), (cur, pos)):
        found = [(m.start(), m.group()) for m in _WORD.finditer(sp.body, lo, hi)]
        words = [w for _, w in found]
        for k in range(len(words) - 1, -1, -1):
            low = _low(words[k]).rstrip(".,;:")
            if (low in GROUP_NOUNS or low in _THEY_BODIES) and not sp.inside(found[k][0]):
                phrase = _group_phrase(words, k)
                j = k - phrase.count(" ")
                while j > 0 and _low(words[j - 1]) in _DETERMINERS:
                    j -= 1
                if _object(sp.body, found[j][0]):
                    continue  # "They examined the experience of American workers": not who speaks
                if _pair_between(sp, found[k][0], pos):
                    return None  # "... American workers. Autor and Dorn wrote with ... They argued": people
                if low in _THEY_BODIES and (named := sp.orgs_by_head.get(name_key(low))):
                    return named[-1]  # "the ministry" after "the Foreign Ministry"
                return sp.group(phrase)
    return None


def they_subject(sp: Speakers) -> Entity | None:
    """The group or body that opens the previous sentence as its subject, when that sentence came after the
    speaker of the moment last spoke: "Democrats blocked it, they said. The Lee campaign is tying the
    bill to Ruiz. They are saying ..." is the Lee campaign."""
    if not sp.subject or sp.subject[0] <= sp.current_pos:
        return None
    s = sp.subject[0]
    found = [(m.start(), m.group()) for m in _WORD.finditer(sp.body, s, min(sp.subject[1], s + 60))][:6]
    words = [w for _, w in found]
    for k, w in enumerate(words[:-1]):
        low = _low(w).rstrip(".,;:")
        if low in _THEY_BODIES or low in GROUP_NOUNS:
            nxt = words[k + 1]
            if not nxt.islower() or not (nxt in _AUXILIARIES or nxt.endswith(("ed", "s"))) or sp.inside(found[k][0]):
                return None
            if any(not (x[:1].isupper() or _low(x) in _DETERMINERS) for x in words[:k]):
                return None  # "In a letter to the committee, ...": not the subject
            if low in _THEY_BODIES and (named := sp.orgs_by_head.get(name_key(low))):
                return named[-1]
            return sp.group(_group_phrase(words, k))
    return None


_PRONOUN_OPENING = {
    w: re.compile(rf"(?:(?:[A-Z][a-z]*|[^.,;:\"“”]{{3,60}},) )?{w}\b", re.IGNORECASE) for w in ("he", "she")
}


def pronoun_subject(sp: Speakers, word: str, ok) -> Entity | None:
    """When the previous sentence opens with the same pronoun ("Still he rejected it", "In an interview,
    he was asked") and came after the speaker of the moment last spoke, the person that sentence's
    pronoun takes up: the last one who fits named, not as an object, in the 400 characters before it
    and after that attribution ("... as Mr. Ruiz suggested. Still he rejected it. 'It was hard,' he said")."""
    if not sp.subject or sp.current_pos >= sp.subject[0] or word not in _PRONOUN_OPENING:
        return None
    s = sp.subject[0]
    if not _PRONOUN_OPENING[word].match(sp.body, s, s + 70):
        return None
    if sp._lazy:
        sp._surnames()
    lo = max(sp.current_pos, s - 400)
    i = bisect.bisect_left(sp.mentions, lo, key=lambda t: t[0])
    j = bisect.bisect_left(sp.mentions, s, key=lambda t: t[0])
    for at, ent in reversed(sp.mentions[i:j]):
        said = _SAID_BEFORE.search(sp.body, max(lo, sp.body.rfind(". ", lo, at) + 1, at - 60), at)
        if ok(ent) and not _object(sp.body, at) and not said and _SENTENCE_GAP.search(sp.body, sp.current_pos, at):
            return ent  # not a name in what the speaker of the moment said: "X said Y was a liar"
    return None


_SENTENCE_GAP = re.compile(r"[.!?][\"”’']?\s")


def earlier_subject(sp: Speakers, ok) -> tuple[int, Entity] | None:
    """The subject of the last sentence, among the two before the previous one and after the speaker of
    the moment last spoke, that opens with a person who fits, when the previous sentence's opening names
    nobody who does: "Sanders won Vermont. His rival, Clinton, won Georgia. He told the crowd ..."."""
    for s, e in reversed(list(sp.sentences)[-4:-1]):
        if s <= sp.current_pos:
            break
        got = sp.opening(s, e)
        if got is not None and ok(got[1]):
            return got
    return None


def _in_fronted_phrase(body: str, s: int, at: int) -> bool:
    """Does the sentence starting at ``s`` open with a prepositional phrase that runs, with no comma, up to
    ``at``? A name there is no subject ("In an interview with Ann Lee, the senator said")."""
    first = _WORD.match(body, s)
    return bool(first) and first.group().lower() in _PREPOSITIONS and "," not in body[s:at]


def _fronted(body: str, at: int) -> bool:
    """Is ``at`` inside a prepositional phrase that opens its sentence (see ``_in_fronted_phrase``)?"""
    lo = max(0, at - 300)
    s = max(body.rfind(". ", lo, at) + 2, body.rfind("\n", lo, at) + 1, lo)
    return _in_fronted_phrase(body, s, at)


_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they|we|i)\b", re.IGNORECASE)


def _pronoun_first(sp: Speakers, s: int, pos: int) -> bool:
    """Does a pronoun outside quotations come before the name at ``pos`` in the sentence starting at ``s``?
    Then the pronoun is the subject: "He said Mateen had ...", "When he took the stage after Ward's speech"."""
    return any(not sp.inside(m.start()) for m in _SUBJECT_PRONOUN.finditer(sp.body, s, pos))


_NAMED = re.compile(r"\b(?:named|called)\s+$")
_SAID_BEFORE = re.compile(r"\b(?:said|says|say|told|tells|added|adds|according|wrote|writes)\b")


def named_in_sentence(sp: Speakers, pos: int, ok) -> bool:
    """Is someone who fits named in the sentence being read, before ``pos``?"""
    if not sp.sentence or sp.sentence[0] > pos:
        return False
    i = bisect.bisect_left(sp.mentions, sp.sentence[0], key=lambda t: t[0])
    j = bisect.bisect_left(sp.mentions, pos, key=lambda t: t[0])
    return any(ok(ent) for _, ent in sp.mentions[i:j])


def late_subject(sp: Speakers, ok) -> Entity | None:
    """A person who fits, brought in as a subject by the previous sentence when the speaker of the moment
    last spoke before it: "[Johri said ...] Outside the plant, a worker named Antonio Arroyo has only
    praise. 'It is calm,' he said" is Arroyo. The last such person, not an object ("met Harris")."""
    if not sp.subject or sp.current_pos >= sp.subject[0]:
        return None
    s, e = sp.subject
    i = bisect.bisect_left(sp.mentions, s, key=lambda t: t[0])
    j = bisect.bisect_left(sp.mentions, e, key=lambda t: t[0])
    for at, ent in reversed(sp.mentions[i:j]):
        if _SAID_BEFORE.search(sp.body, s, at):
            continue  # "He said Ortiz had done well": Ortiz is what was said
        if (
            ent is not sp.current
            and ok(ent)
            and (not _object(sp.body, at) or _NAMED.search(sp.body, max(0, at - 10), at))
        ):
            return ent
    return None


def titled_namesake(same: list[Entity], surname: str, role: str) -> Entity | None:
    """Which of the people ``same`` named with one surname a title and that surname alone name: "President
    Clinton" is the Clinton whose role is president ("former President Bill Clinton"), not Hillary;
    "President Bush", where the article's only Bush is "former Florida Gov. Jeb Bush", is another Bush (a
    new entity, not in ``same``). None when the title does not decide."""
    head = _spelled(role.lower()).split()[-1].strip(".")
    if not same or not head.isalpha():
        return None
    fits = [e for e in same if e.role and role_head(_spelled(e.role.lower()), head)]
    if len(fits) == 1:
        return fits[0]
    if head == "president" and not fits and all(e.role and len(e.name.split()) > 1 for e in same):
        return Entity(surname, role)  # no one of that surname has been president
    return None


class Speakers:
    """The people and organisations one article names, and who "he" or "the minister" is.

    Built from every capitalised run in the body (``Russian Foreign Minister
    Sergey Lavrov``), so a reference anywhere resolves to the fullest name the
    article gives. Names inside quotations count for the canonical form but are
    never candidates for "he" or "the minister".
    """

    def __init__(self, body: str, inside) -> None:
        self.body = body
        self.inside = inside
        self.people: dict[str, list[Entity]] = {}  # surname key -> entities
        self.orgs: list[Entity] = []
        self.orgs_by_head: dict[str, list[Entity]] = {}  # last word's key -> organisations
        self.groups: list[Entity] = []
        self.mentions: list[tuple[int, Entity]] = []  # outside quotations, in order
        self.current: Entity | None = None  # the speaker of the last attribution
        self.current_pos = -1  # where that attribution was
        self.subject: tuple[int, int] | None = None  # the previous sentence, whose opening names its subject
        self.sentence: tuple[int, int] | None = None  # the sentence being read
        self.sentences: collections.deque[tuple[int, int]] = collections.deque(maxlen=4)  # read, the last is subject
        for m in _CAP_RUN.finditer(body):
            self._run(body, m.start(), m.end(), m.group().split(" "), inside)
        _honorific_people(self, body, inside)
        self._lazy = (body, inside) if self.people else None

    def _surnames(self) -> None:
        """Mentions by surname alone ("Mr. Trump said", "Clinton"), of the people named in full;
        found the first time a pronoun needs them."""
        body, inside = self._lazy
        self._lazy = None
        last: dict[str, list[Entity]] = {}
        for ents in self.people.values():
            for ent in ents:
                last.setdefault(_surname(ent.name.split()), []).append(ent)
        found = []
        for m in _CAP_WORD.finditer(body):
            ents = last.get(_strip_s(m.group()))
            if ents is None or inside(m.start()):
                continue
            female = _honorific(body[max(0, m.start() - 6) : m.start()].split()[-1:])
            ent = ents[0]  # "Trump" is the Trump named first, unless "Ms. Trump" says otherwise
            if female is not None:
                fits = [e for e in ents if e.female is female] or [e for e in ents if e.female is None]
                ent = fits[0] if fits else ent
                if ent.female is None and len(ents) == 1:
                    ent.female = female  # "Ms. Macer": she
            found.append((m.start(), ent))
        if found:
            merged = sorted(self.mentions + found, key=lambda t: t[0])
            self.mentions = [
                t for i, t in enumerate(merged) if not i or merged[i - 1][1] is not t[1] or t[0] - merged[i - 1][0] > 40
            ]

    def _run(self, body: str, start: int, end: int, run: list[str], inside) -> None:
        title, name = split_name(run)
        if len(name) >= 2:
            lead: list[str] = []
            p = start
            while len(lead) < 6:  # "EU diplomacy chief", "Russia's Ambassador to" before the run
                w = _LEFT_WORD.search(body, max(0, p - 40), p) or _LEFT_ABBREVIATION.search(body, max(0, p - 12), p)
                if not w:
                    break
                low = _low(w.group(1)).rstrip(".")
                if not (low in TITLE_WORDS or low in _CONNECTORS or low in NATIONALITIES or low in PLACES):
                    break
                lead.insert(0, w.group(1))
                p = w.start()
            role = role_of(lead + title)
            if role is None:
                m = _APPOSITION.match(body, end)
                if (
                    m
                    and m.group(1).split()[0].lower() not in {"who", "which", "that", "and", "but"}
                    and not _fronted(body, start)
                ):
                    role = role_of(m.group(1).split())
            ent = self._add_person([_strip_s(w) for w in name], role)
            pos = end - len(" ".join(name))
            if not inside(pos):
                self.mentions.append((pos, ent))
        elif len(name) == 1 and title and _low(title[-1]).strip(".") in _PERSON_TITLES and len(name[0]) > 1:
            ent = self._add_person([_strip_s(name[0])], role_of(title))  # "President Obama", "Senator Ridley"
            if not inside(start):
                self.mentions.append((end - len(name[0]), ent))
        elif not name and _low(run[-1]) in ORG_HEADS and len(run) >= 2:
            while run and _low(run[0]) in STOP_CAPS:
                run = run[1:]
            if len(run) >= 2:
                ent = self.org(" ".join(_strip_s(w) for w in run))
                pos = end - len(" ".join(run))
                if not inside(pos):
                    self.mentions.append((pos, ent))

    def _add_person(self, name: list[str], role: str | None) -> Entity:
        name = [w.replace("’", "'") for w in name]  # one spelling of "O'Neill", whichever the text uses
        key = name_key(_surname(name))
        if len(name) == 1 and role and (pick := titled_namesake(self.people.get(key, []), name[0], role)):
            if pick not in self.people[key]:
                self.people[key].append(pick)
            return pick
        for ent in self.people.get(key, []):
            first = ent.name.split()[0]
            if len(name) == 1 or len(ent.name.split()) == 1 or name_key(first) == name_key(name[0]):
                if len(name) > len(ent.name.split()):
                    ent.name = " ".join(name)
                    ent.female = guess_female(ent.name, ent.role or role)
                ent.role = ent.role or role
                return ent
        ent = Entity(" ".join(name), role)
        self.people.setdefault(key, []).append(ent)
        return ent

    def person(self, name: list[str], title: str) -> Entity:
        key = name_key(_surname(name))
        if key not in self.people and len(key) >= 6 and len(self.people) <= 200:
            near = [k for k in self.people if len(k) >= 6 and _edit1(k, key)]
            if len(near) == 1:  # a misspelt surname: "Koronolli" for "Koronelli"
                return self.people[near[0]][0]
        if key not in self.people and len(name) == 1 and len(self.people) <= 200:  # "Wang" for "Wang Yi"
            firsts = [e for es in self.people.values() for e in es if name_key(e.name.split()[0]) == key]
            if len(firsts) == 1 and len(firsts[0].name.split()) == 2:
                return firsts[0]
        same = self.people.get(key, [])
        female = _honorific(title.split())
        if len(name) == 1 and len(same) > 1 and female is not None:  # "Mrs. Clinton" is Hillary, not Bill
            fits = [e for e in same if e.female is female]
            if fits:
                return fits[0]
        ent = self._add_person(name, role_of(title.split()))
        if ent.female is None and female is not None:
            ent.female = female
        return ent

    def org(self, name: str) -> Entity:
        """The organisation named ``name``, or the one whose fuller name ends with it."""
        name = name.replace("’", "'")
        key = name_key(name)
        same_head = self.orgs_by_head.setdefault(key.rsplit(" ", 1)[-1], [])
        for ent in same_head:
            other = name_key(ent.name)
            if other == key or other.endswith(" " + key):
                return ent
        for ent in same_head:
            if key.endswith(" " + name_key(ent.name)):
                ent.name = name
                return ent
        ent = Entity(name, None, org=True)
        self.orgs.append(ent)
        same_head.append(ent)
        return ent

    # -- references ----------------------------------------------------------------

    def resolve(self, ref: Ref, pos: int) -> Entity | None:
        lone = ref.kind == "name" and " " not in ref.name and name_key(ref.name) not in self.people
        if (lone or ref.kind == "role") and (named := appositive_of(self, pos, lone)) is not None:
            return named  # "Scott Pruitt, the attorney general of Oklahoma, said": Pruitt spoke
        if ref.kind == "name":
            return self.person(ref.name.split(), ref.title)
        if ref.kind == "org":
            return self.org(ref.name)
        if ref.kind == "role":
            return self._role(ref.words, pos)
        if ref.kind == "group":
            if (
                ref.name.islower() and " " not in ref.name
            ):  # "the treasurer said", after "Nora Quist, the city treasurer"
                fits = lambda e: e is not None and not e.org and not e.group and role_head(e.role, ref.name)  # noqa: E731
                found = self.current if fits(self.current) else self._before(pos, fits)
                if found is not None:
                    return found
            return self.group(ref.name)
        if ref.kind == "orgref" or ref.words[0] == "it":
            return self._orgref(ref.words, pos)
        if ref.words[0] == "they":
            cur = self.current
            if (body := they_subject(self)) is not None:
                return body
            return cur if cur is not None and (cur.org or cur.group) else they_antecedent(self, pos)
        return self._pronoun(ref.words[0], pos)

    def group(self, name: str) -> Entity:
        first, _, rest = name.partition(" ")
        if (
            first[:1].isupper()
            and first[1:].islower()
            and (first.lower() in GROUP_NOUNS or first.lower() in ROLE_HEADS or first.lower() in _LOWER_FIRST)
        ):
            name = (first.lower() + " " + rest).strip()  # "Diplomats said", "People close to him said"
        key = name_key(name)
        for ent in self.groups:
            if name_key(ent.name) == key:
                return ent
        ent = Entity(name, None, group=True)
        self.groups.append(ent)
        return ent

    def _before(self, pos: int, ok, subject: bool = False):
        """The last mention before ``pos`` that satisfies ``ok`` (looking back 64 mentions at most);
        with ``subject``, only mentions that are not the object of a verb or a preposition ("sued
        Trump", "with Trump")."""
        if self._lazy:
            self._surnames()
        i = bisect.bisect_left(self.mentions, pos, key=lambda t: t[0])
        for at, ent in reversed(self.mentions[max(0, i - 64) : i]):
            if ok(ent) and not (subject and _object(self.body, at)):
                return ent
        return None

    def opening(self, s: int, e: int) -> tuple[int, Entity] | None:
        """The person named first in the opening words of the sentence [s, e), with where."""
        if self._lazy:
            self._surnames()
        i = bisect.bisect_left(self.mentions, s, key=lambda t: t[0])
        if i < len(self.mentions) and self.mentions[i][0] < min(e, s + 50):
            pos, ent = self.mentions[i]
            if _object(self.body, pos) or _pronoun_first(self, s, pos):
                return None
            pos, ent = _past_modifier(self.body, self.mentions, i)
            return None if ent.org or ent.group else (pos, ent)
        return None

    def _first(self, ok):
        if self._lazy:
            self._surnames()
        return next((e for _, e in self.mentions[:64] if ok(e)), None)

    def _role(self, words, pos) -> Entity | None:
        return role_referent(self, words, pos)

    def _orgref(self, words, pos) -> Entity | None:
        need = _ORG_NEED.get(words[-1], ())
        nat = _nat(words)

        def ok(ent: Entity | None) -> bool:
            if ent is None or not ent.org:
                return False
            low = ent.name.lower().split()
            if nat and _nat(low) and not nat & _nat(low):
                return False
            return not need or any(n in low for n in need)

        if ok(self.current):
            return self.current
        found = self._before(pos, ok) or self._first(ok)
        if found:
            return found
        if words[-1] in ("statement", "document", "communique") and self.current:
            return self.current
        if words[-1] in GROUP_NOUNS:  # "the diplomats said", with no embassy or ministry to stand for
            return self.group(words[-1])
        return None

    def _pronoun(self, word: str, pos: int) -> Entity | None:
        def ok(ent: Entity | None) -> bool:
            if ent is None or ent.org or (ent.group and _low(ent.name.split()[-1]) not in ROLE_HEADS):
                return False  # a group is "they"; "a senior employee ... he added" is fine
            return ent.female is not (word == "he")

        own = self.opening(self.sentence[0], pos) if self.sentence and self.sentence[0] < pos else None
        if own is not None and ok(own[1]):  # "Roffman, who sued, called it 'horrendous,' he said"
            return _gendered(own[1], word)
        subj = self.opening(*self.subject) if self.subject else None
        if subj is not None and ok(subj[1]) and (not ok(self.current) or subj[0] > self.current_pos):
            # "Cruz attacked him on Monday. He said ...": the subject came after the speaker
            return _gendered(subj[1], word)
        if subj is None or not ok(subj[1]):
            if not ok(self.current) and not named_in_sentence(self, pos, ok) and (late := late_subject(self, ok)):
                return _gendered(late, word)  # "... the reason President Obama seeks it. It helps, he says"
            earlier = earlier_subject(self, ok)
            if earlier is not None and (not ok(self.current) or earlier[0] > self.current_pos):
                return _gendered(earlier[1], word)
        if ok(self.current):
            found = late_subject(self, ok) or (pronoun_subject(self, word, ok) if subj is None else None)
            return _gendered(found or self.current, word)
        cur = self.current
        found = (
            self._before(pos, ok, subject=True)
            or self._before(pos, ok)
            or (cur if cur and not cur.org and not cur.group else None)
        )
        return _gendered(found, word)


def _wanted_role(words) -> str:
    """The role a role noun asks for: a two-word role ("prime minister") unless a role noun follows it
    ("the prime minister's spokesman"), else its last role noun, else "official"."""
    joined = f" {' '.join(words)} "
    for p in _PHRASE_ROLES:
        at = joined.find(f" {p} ")
        if at >= 0 and not any(w in ROLE_HEADS for w in joined[at + len(p) + 2 :].split()):
            return p
    return next((w for w in reversed(words) if w in ROLE_HEADS), "official")


def role_referent(sp: Speakers, words, pos: int) -> Entity | None:
    """Who a role noun ("the senator", "the former president", "the official") stands for, or None to
    keep the article's phrase."""
    want = _wanted_role(words)
    if want in _ANONYMOUS and words[-1] == want and (unnamed := _unnamed_before(sp, want, pos)) is not None:
        return unnamed
    score = _RoleScore(words, want)
    if (state := _state_of(words)) is not None:
        score = _StateScore(sp, state, score)
    subj = sp.opening(*sp.subject) if sp.subject else None
    if subj is not None and score(subj[1]) == 2 and subj[0] > sp.current_pos:
        return subj[1]  # "Rubio toured the office. The senator said ...": not the senator quoted before
    if score(sp.current) == 2:
        return sp.current
    found = sp._before(pos, lambda e: score(e) == 2)
    if found:
        return found
    if score(sp.current) == 1 and want not in _SUBORDINATE and want not in _RUNNING and "president" not in want:
        # "the spokesman" is not the candidate; "the nominee" and "the president" need one
        return _fresh_subject(sp, subj, score) or sp.current
    if want == "official":
        return None  # "official says" in a headline: the first person with any role is no evidence
    return _named_before(sp, pos, lambda e: score(e) == 2)


def _named_before(sp: Speakers, pos: int, ok) -> Entity | None:
    """The first person named before ``pos`` who holds the role, however far back: "Judge Ann Reyes"
    opening a long article is "the judge" at its end. Not one named only after it: "the candidate said"
    before "Republican candidate Bo Lind" is kept as written."""
    found = sp._first(ok)
    if found is None:
        return None
    return found if any(e is found and at < pos for at, e in sp.mentions) else None


def _fresh_subject(sp: Speakers, subj: tuple[int, Entity] | None, score) -> Entity | None:
    """The person who opens the previous sentence, when neither they nor the speaker of the moment has a
    role that says so and they came after that speaker last spoke: "Lee blasted Ruiz in an interview.
    'It is a disgrace,' the minority leader said" is Lee, not the Ruiz quoted before. Not when a quotation
    opens that sentence ("'Is it you?' Lee asked."): Lee asked, the speaker of the moment answers."""
    if subj is None or subj[0] <= sp.current_pos or score(subj[1]) != 1 or sp.subject is None:
        return None
    lead = sp.body[sp.subject[0] : subj[0]]
    return None if any(q in lead for q in ('"', "“", "”", "''", "``")) else subj[1]


# Roles an article gives to people it does not name: "the official" is the unnamed official quoted
# before ("A senior administration official said ... The official added"), not a named person.
_ANONYMOUS = wordset(
    "official officer aide adviser advisor source executive employee staffer strategist operative insider"
)


def _unnamed_before(sp: Speakers, want: str, pos: int) -> Entity | None:
    """The unnamed speaker a role noun takes up: the speaker of the moment if it is an unnamed one of
    that role ("a senior administration official"), else the last "a/another ... <role>" outside
    quotations in the 600 characters before if no person of that role is named after it, else a group of
    that role speaking now ("Mexican officials")."""
    cur = sp.current
    if cur is not None and cur.group and want in [_low(w) for w in cur.name.split()]:
        return cur
    last = None
    for m in re.finditer(
        rf"\b(?:an?|another|one)\s+((?:[\w.'’-]+\s+){{0,4}}?{want})\b", sp.body[max(0, pos - 600) : pos], re.I
    ):
        last = m if not sp.inside(max(0, pos - 600) + m.start()) else last
    if last is None:
        plural = cur is not None and cur.group and _low(cur.name.split()[-1]) == want + "s"
        return cur if plural else None
    i = bisect.bisect_left(sp.mentions, max(0, pos - 600) + last.start(), key=lambda t: t[0])
    j = bisect.bisect_left(sp.mentions, pos, key=lambda t: t[0])
    if any(not e.group and want in (e.role or "").lower() for _, e in sp.mentions[i:j]):
        return None  # "a source told us ... Lee, a campaign source, said ... the source added": Lee
    return sp.group(last.group(1))


# US states and the abbreviations that follow a politician's name: "the Florida senator" is the one
# written "Sen. Marco Rubio (R-Fla.)", "Rubio of Florida" or "Florida Sen. Marco Rubio".
_STATES = {
    "alabama": "ala", "alaska": "alaska", "arizona": "ariz", "arkansas": "ark", "california": "calif",
    "colorado": "colo", "connecticut": "conn", "delaware": "del", "florida": "fla", "georgia": "ga",
    "hawaii": "hawaii", "idaho": "idaho", "illinois": "ill", "indiana": "ind", "iowa": "iowa", "kansas": "kan",
    "kentucky": "ky", "louisiana": "la", "maine": "maine", "maryland": "md", "massachusetts": "mass",
    "michigan": "mich", "minnesota": "minn", "mississippi": "miss", "missouri": "mo", "montana": "mont",
    "nebraska": "neb", "nevada": "nev", "new hampshire": "n.h", "new jersey": "n.j", "new mexico": "n.m",
    "new york": "n.y", "north carolina": "n.c", "north dakota": "n.d", "ohio": "ohio", "oklahoma": "okla",
    "oregon": "ore", "pennsylvania": "pa", "rhode island": "r.i", "south carolina": "s.c",
    "south dakota": "s.d", "tennessee": "tenn", "texas": "texas", "utah": "utah", "vermont": "vt",
    "virginia": "va", "washington": "wash", "west virginia": "w.va", "wisconsin": "wis", "wyoming": "wyo",
}  # fmt: skip
_STATE_ROLES = wordset("senator governor congressman congresswoman representative lawmaker")


def _state_of(words) -> str | None:
    """The US state a role noun names ("the Florida senator"), if its role is a state's office."""
    if not words or words[-1] not in _STATE_ROLES:
        return None
    joined = " ".join(words)
    return next((st for st in _STATES if f"{st} " in f"{joined} " and f" {st} " in f" {joined} "), None)


_STATE_NAMES = "|".join(sorted(_STATES, key=len, reverse=True))
_BY_ABBREVIATION = {ab: st for st, ab in _STATES.items()}
_STATE_LEFT = re.compile(
    rf"\b({_STATE_NAMES})(?:'s)? (?:\w+ )?(?:sen|senator|gov|governor|rep|representative|congressman|congresswoman)\.? $"
)
_STATE_RIGHT = re.compile(
    rf"(?:'s)?,? \(?(?:[rdi]-({'|'.join(re.escape(ab) for ab in _BY_ABBREVIATION)})\b"
    rf"|(?:a )?(?:republican|democrat|independent) (?:from|of) ({_STATE_NAMES})\b|of ({_STATE_NAMES})\b)"
)


def _states_near(sp: Speakers, ent: Entity) -> set[str]:
    """The states written with the mentions of ``ent``: "Rubio (R-Fla.)", "Sen. Joni Ernst, R-Iowa",
    "Texas Sen. Ted Cruz", "Lee Zeldin, Republican of New York"."""
    near = set()
    for at, e in sp.mentions:
        if e is not ent:
            continue
        if m := _STATE_LEFT.search(sp.body[max(0, at - 40) : at].lower()):
            near.add(m.group(1))
        end = at + len(ent.name)
        if m := _STATE_RIGHT.match(sp.body[end : end + 40].lower()):
            near.add(_BY_ABBREVIATION.get(m.group(1)) or m.group(2) or m.group(3))
    return near


class _StateScore:
    """A role score that also asks for the state: "the Texas senator" is not a senator from Ohio."""

    def __init__(self, sp: Speakers, state: str, score: _RoleScore) -> None:
        self.sp, self.state, self.score = sp, state, score
        self.seen: dict[int, set[str]] = {}

    def __call__(self, ent: Entity | None) -> int:
        got = self.score(ent)
        if got <= 0 or ent is None:
            return got
        if id(ent) not in self.seen:
            self.seen[id(ent)] = _states_near(self.sp, ent)
        near = self.seen[id(ent)]
        return 0 if near and self.state not in near else got


def appositive_of(sp: Speakers, pos: int, of: bool) -> Entity | None:
    """The person named just before a phrase that starts at ``pos`` and stands in apposition to the
    name: "Scott Pruitt, [the Republican attorney general]", "Johnnie Wilson, of [Springfield]" (``of``:
    only after "of", for a lone capitalised word)."""
    if sp._lazy:
        sp._surnames()
    i = bisect.bisect_left(sp.mentions, pos, key=lambda t: t[0])
    if not i:
        return None
    start, ent = sp.mentions[i - 1]
    if ent.org or ent.group or pos - start > 80 or not _APPOSED.fullmatch(sp.body, start, pos):
        return None
    if of and not sp.body[start:pos].endswith(", of "):
        return None
    if sp.sentence and sp.sentence[0] <= start and _in_fronted_phrase(sp.body, sp.sentence[0], start):
        return None  # "In an interview with hosts Joe Ray and Ann Lee, the candidate said": not Ann Lee
    return ent
