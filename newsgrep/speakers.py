"""Speaker names: matching keys, and reading the noun phrase that names a speaker.

``name_key`` is the key every speaker comparison goes through. It casefolds,
folds accents (NFKD), drops apostrophes, turns other punctuation into spaces,
and folds the common variants of Russian names in Latin script, word by word:

* ``x`` -> ``ks`` and ``ksander`` -> ``ksandr``  (Alexander, Aleksander, Aleksandr)
* ``kh`` -> ``h``                           (Mikhail/Mihail, Zakharova/Zaharova)
* initial ``i``/``j`` before a vowel -> ``y``    (Iurii/Yuri, Julia/Yulia); initial ``ye`` -> ``e``
* ``yo`` after a consonant -> ``e``            (Fyodor/Fedor, Pyotr/Petr)
* ``ya`` after a consonant -> ``ia``, and final ``iya``/``iia`` -> ``ia``  (Natalya, Mariya/Mariia)
* a final ``y``, ``j``, ``iy``, ``ii``, ``ij``, ``yi``, ``yy`` -> ``i``  (Sergey/Sergej/Sergei, Dmitriy, Yury)

The rules are applied to both sides of every comparison, so a rule that
mangles a non-Russian name (``Kennedy`` -> ``kennedi``) does no harm.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_TRANSLIT = [
    (re.compile(r"x"), "ks"),
    (re.compile(r"ksander$"), "ksandr"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"^[ij](?=[aeou])"), "y"),
    (re.compile(r"^ye"), "e"),
    (re.compile(r"(?<=[b-df-hj-np-tv-z])yo"), "e"),
    (re.compile(r"(?:iy|ii|ij)a$"), "ia"),
    (re.compile(r"(?<=[b-df-hj-np-tv-z])ya"), "ia"),
    (re.compile(r"(?:iy|ij|ii|yi|yj|yy|y|j)$"), "i"),
]
_APOSTROPHES = re.compile(r"['’`´]")
_NON_WORD = re.compile(r"[\W_]+")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return _NON_WORD.sub(" ", _APOSTROPHES.sub("", text)).strip()


def _fold_word(word: str) -> str:
    for pattern, repl in _TRANSLIT:
        word = pattern.sub(repl, word)
    return word


def name_key(name: str) -> str:
    """The matching key of a name: ``name_key("Sergei Lavrov") == name_key("SERGEY LAVROV")``."""
    return " ".join(_fold_word(w) for w in _fold(name).split())


def speaker_keys(name: str) -> list[str]:
    """Keys under which a canonical speaker is indexed.

    A person is found by the full name, the surname, and first name + surname
    (which skips a middle name); a hyphenated surname counts as one word. An
    organisation is found by its full name and by each shorter tail of two or
    more words ("Russian Foreign Ministry" -> also "foreign ministry"), never by
    a single generic word ("ministry").
    """
    words = name.split()
    keys = [name_key(name)]
    if is_org(name):
        keys += [name_key(" ".join(words[i:])) for i in range(1, len(words) - 1)]
    elif len(words) >= 2:
        keys.append(name_key(words[-1]))
        if len(words) >= 3:
            keys.append(name_key(f"{words[0]} {words[-1]}"))
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]


def query_key(name: str) -> str:
    """The key to look up for a user's ``--speaker`` value."""
    name = re.sub(r"^\s*the\s+", "", name, flags=re.IGNORECASE)
    name = re.sub(r"['’]s\s*$", "", name)
    return name_key(name)


# --- vocabulary ---------------------------------------------------------------

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns that make a phrase a person's role ("the minister", "Kremlin Aide").
ROLE_HEADS = _words(
    "minister ministers president premier pm diplomat ambassador envoy spokeswoman spokesman spokesperson "
    "secretary leader head chief official aide adviser advisor assistant lawmaker senator deputy speaker "
    "chairman chairwoman chair director governor mayor chancellor king queen prince emir sultan sheikh "
    "general commander representative prosecutor ombudsman commissioner coordinator negotiator delegate "
    "consul counterpart politician expert analyst economist professor mp ceo patriarch pope monarch "
    "administrator"
)
# Words that may modify a role or sit in a title before a name.
TITLE_WORDS = ROLE_HEADS | _words(
    "foreign defense defence interior finance economy economic emergencies energy trade justice health "
    "culture education agriculture transport industry development digital natural resources affairs "
    "security state duma federation federal council kremlin presidential first vice prime permanent "
    "special press high acting former ex top senior deputy supreme national international central "
    "executive officer crown joint staff chiefs lieutenant colonel major admiral marshal mr mrs ms dr "
    "sir lord madam diplomacy vice-president president-elect secretary-general commander-in-chief "
    "presidential-elect incumbent outgoing newly elected designate bank party "
)
# Head nouns of organisations (and of things that speak for them).
ORG_HEADS = _words(
    "ministry department office agency committee commission council service embassy consulate government "
    "cabinet parliament duma assembly senate congress kremlin administration presidency secretariat mission "
    "bank company corporation union alliance organization organisation federation court command army "
    "forces police party house pentagon headquarters authorities authority statement document communique "
    "report newspaper daily weekly magazine outlet channel broadcaster bureau nato un eu osce iaea opec "
    "asean brics sco csto cis eaeu who tass interfax ria reuters xinhua commonwealth"
)
# Generic organisation references that must be resolved to a named organisation.
ORG_REFS = _words("ministry department agency office embassy statement document communique diplomats it they")
MEDIA_WORDS = _words("newspaper daily weekly magazine outlet channel broadcaster portal tabloid")
NATIONALITIES = {
    w: w[:4]
    for w in _words(
        "russian japanese chinese american us british uk french german italian spanish ukrainian belarusian "
        "vietnamese cuban syrian israeli iranian turkish indian korean european polish finnish estonian "
        "latvian lithuanian kazakh armenian azerbaijani georgian serbian hungarian slovak czech austrian "
        "swiss greek egyptian saudi qatari iraqi jordanian lebanese libyan afghan pakistani brazilian "
        "venezuelan mexican canadian norwegian swedish danish dutch belgian indonesian malaysian thai "
        "mongolian uzbek kyrgyz tajik turkmen moldovan palestinian yemeni african arab emirati soviet "
        "western eastern nato eu un"
    )
}
NATIONALITIES.update({"us": "amer", "american": "amer", "uk": "brit", "british": "brit", "russia": "russ",
                      "japan": "japa", "china": "chin", "belarus": "bela", "vietnam": "viet"})
PLACES = _words(
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
# Capitalised words that start sentences or clauses and are never part of a name.
STOP_CAPS = _words(
    "the a an this that these those then but and also however meanwhile later earlier in on at as so yet "
    "still now today yesterday here there it he she they we i you last next when while after before if "
    "although though since because thus hence moreover furthermore besides instead otherwise finally "
    "first second third lastly similarly likewise additionally specifically notably indeed separately "
    "overall previously recently commenting speaking asked according according responding answering "
    "during for with by from to of his her its their our my your mr mrs ms dr"
) - _words("mr mrs ms dr first")
# Capitalised common nouns that show a capitalised run is not a person's name.
NOT_NAME = ORG_HEADS | PLACES | _words(
    "charter treaty nations summit forum islands island sea strait region republic war day year agreement "
    "declaration constitution conference organization cross fleet airlines media news assembly road "
    "street square river ocean gulf bay peninsula coast city university institute center centre club "
    "group airport station plant program programme project initiative games olympics cup prize award "
    "church cathedral monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december ii iii iv global economic "
    "hurricane operation line zone pipeline stream corridor route"
)
PRONOUNS = {"he": "he", "she": "she", "it": "it", "they": "they", "him": "he", "her": "she", "them": "they"}
_FEMALE_ROLE = re.compile(r"woman|\bqueen\b|\bmadam\b", re.IGNORECASE)
_MALE_FIRST_A = _words("nikita ilya foma kuzma luka savva jonah joshua ezra mustafa musa yahya hamza")


def _low(word: str) -> str:
    return re.sub(r"['’]s$", "", word).lower()


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

    def __post_init__(self) -> None:
        if self.female is None and not self.org:
            self.female = guess_female(self.name, self.role)


def guess_female(name: str, role: str | None) -> bool | None:
    if role and _FEMALE_ROLE.search(role):
        return True
    words = name.split()
    last = words[-1].lower()
    if last.endswith(("ova", "eva", "ina", "skaya", "aya")) and len(words) <= 2:
        return True
    if len(words) >= 2:
        first = words[0].lower()
        return first.endswith("a") and first not in _MALE_FIRST_A
    return None


@dataclass
class Ref:
    """A speaker phrase as written, before resolution.

    kind: "name" (a person's name, maybe just the surname), "org" (a named
    organisation or place), "role" ("the Russian top diplomat"), "orgref"
    ("the ministry", "it") or "pronoun" ("he", "she").
    """

    kind: str
    name: str = ""
    title: str = ""
    words: tuple[str, ...] = ()


_DETERMINERS = _words("the a an its his her their our this that")


def split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name words): the name is the longest tail of capitalised non-title words."""
    i = len(words)
    while i > 0:
        w = words[i - 1]
        low = _low(w)
        if not w[:1].isupper() or low in TITLE_WORDS or low in NOT_NAME or low in NATIONALITIES:
            break
        if low in STOP_CAPS or low.split("-")[0] in TITLE_WORDS:
            break
        i -= 1
    return words[:i], words[i:]


def role_of(title_words: list[str]) -> str | None:
    """The role in a title ("Russian Foreign Minister"), or None if it names no role."""
    while title_words and title_words[0].lower() in _DETERMINERS | {"of", "to", "for", "and"}:
        title_words = title_words[1:]
    while title_words and title_words[-1].lower() in {"of", "to", "for", "and", "the"}:
        title_words = title_words[:-1]
    if any(_low(w).split("-")[0] in ROLE_HEADS for w in title_words):
        return " ".join(title_words)
    return None


def parse_phrase(words: list[str]) -> Ref | None:
    """Read a speaker phrase (the words before or after a cue verb)."""
    words = [w for w in words if w]
    if not words:
        return None
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return Ref("pronoun", words=(PRONOUNS[words[0].lower()],))
    low = [_low(w) for w in words]
    if "by" in low:  # "a joint statement by the European Commission and ..."
        k = low.index("by")
        if k and low[k - 1] in {"statement", "document", "communique", "report", "letter", "message"}:
            rest = words[k + 1 :]
            rest = rest[: [w.lower() for w in rest].index("and")] if "and" in [w.lower() for w in rest] else rest
            return parse_phrase(rest)
    while words and words[0].lower() in _DETERMINERS:
        words, low = words[1:], low[1:]
    if not words:
        return None
    media = [i for i, w in enumerate(low) if w in MEDIA_WORDS]
    if media and any(w[:1].isupper() for w in words):
        named = [w for i, w in enumerate(words) if i not in media and _low(w) not in NATIONALITIES]
        named = [w for w in named if w[:1].isupper()]
        return Ref("org", name=" ".join(named)) if named else None
    title, name = split_name(words)
    if name and not (len(name) == 1 and name[0].isupper() and len(name[0]) <= 5 and not title):
        return Ref("name", name=" ".join(re.sub(r"['’]s$", "", w) for w in name), title=" ".join(title))
    last = low[-1]
    caps = any(w[:1].isupper() for w in words)
    if last in ORG_HEADS or last in PLACES or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
        if caps and not (last in ORG_REFS and not words[-1][:1].isupper()):
            return Ref("org", name=" ".join(re.sub(r"['’]s$", "", w) for w in words))
        if last in ORG_REFS:
            return Ref("orgref", words=tuple(low))
    if last in ORG_REFS:
        return Ref("orgref", words=tuple(low))
    if any(w in ROLE_HEADS for w in low):
        return Ref("role", words=tuple(low))
    return None
