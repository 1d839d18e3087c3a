"""Which speaker names are one person or body, within an article and across the archive.

Attribution names a speaker as the article does: "Ronald Reagan" in one
article, "Reagan" or "President Reagan" in the next, "Tehran Radio" here and
"Tehran radio" there. Two rules, used by the index (``article_keys``,
``article_groups``), by ``--speaker`` (``wanted_keys``) and by ``speakers``
(``merge_bare``):

* ``person_key``: the ``name_key`` (case, accents, Russian transliteration)
  without the titles in front ("President Reagan" is "reagan").
* A surname alone ("Reagan") is the one full name that ends with it. Within
  an article: if the article names a full name with that surname, the bare
  surname is that person (or, with two such full names, one of them), so a
  full name with another first name is contradicted; if it names none, the
  article does not say which Reagan it is, and any full name with that
  surname matches (the ``~reagan`` key). Across the archive (``speakers``):
  a surname-only group joins the one full name that ends with it, and stays
  on its own when there are several.
"""

from __future__ import annotations

from collections.abc import Iterable

from .names import name_key, query_key

# Marks the key of a bare surname that its article does not tie to any full
# name. name_key and query_key never keep a "~", so no typed name reaches it.
BARE = "~"


def _keys(words: str) -> frozenset[str]:
    return frozenset(name_key(w) for w in words.split())  # as name_key spells them: "secretari"


# Words before a name that say what the person is, not who: "Foreign Minister
# Shevardnadze" is "shevardnadze". Only a leading run of these that holds a
# title proper is dropped ("Finance Ministry" and "General Motors" stay), and
# never the whole name.
TITLES = _keys(
    "mr mrs ms miss dr sir president premier minister chancellor senator sen rep governor gov "
    "secretary king queen prince sheikh ayatollah pope"
)
_MODIFIERS = _keys(
    "vice prime deputy acting foreign defence defense finance trade interior economy economics "
    "of agriculture energy oil state treasury commerce labor labour us u s soviet british french"
)


def _untitled(key: str) -> str:
    words = key.split()
    i = 0
    while i < len(words) - 1 and (words[i] in TITLES or words[i] in _MODIFIERS):
        i += 1
    if not any(w in TITLES for w in words[:i]) or words[i] in TITLES or words[i] in _MODIFIERS:
        return key  # no title, or nothing but titles ("Prime Minister", "Minister of Finance")
    return " ".join(words[i:])


def person_key(name: str) -> str:
    """``name_key`` without leading titles: "President Reagan" and "REAGAN" are both "reagan"."""
    return _untitled(name_key(name))


def _is_org(name: str) -> bool:
    from .speakers import is_org  # the vocabulary: only the index and `quotes --speaker` pay for it

    return is_org(name)


def bare_keys(names: Iterable[str]) -> list[str]:
    """The ``~surname`` keys of an article that quotes ``names``: its bare surnames tied to no full name.

    ``["Reagan", "Nancy Reagan"]`` has none (its Reagan is Nancy); ``["Reagan"]`` has ``~reagan``.
    """
    names = list(names)
    keys = {person_key(n) for n in names}
    surnames = {k.rsplit(" ", 1)[1] for k in keys if " " in k}
    bare = {
        k
        for n in names
        if " " not in (k := person_key(n)) and k and k not in surnames and n[:1].isupper() and not _is_org(n)
    }  # not "official" or "critic", which name nobody
    return sorted(BARE + k for k in bare)


def wanted_keys(value: str) -> list[str]:
    """The ``speaker_key`` terms that a ``--speaker`` value matches.

    Its key; and for a full name, its surname when an article quotes that
    surname alone and no other full name with it: ``--speaker "Ronald
    Reagan"`` finds "Reagan said" unless the article's Reagan is Nancy.
    """
    key = query_key(value)
    untitled = _untitled(key)
    keys = [key] if untitled == key else [key, untitled]
    if " " in untitled:
        keys.append(BARE + untitled.rsplit(" ", 1)[1])
    return keys


def quote_keys(speaker: str, bare: set[str]) -> set[str]:
    """The keys one quotation's ``speaker`` answers to, in an article whose ``bare_keys`` are ``bare``."""
    from .speakers import speaker_keys

    keys = set(speaker_keys(speaker))
    key = person_key(speaker)
    if " " not in key and BARE + key in bare:
        keys.add(BARE + key)
    return keys


def article_groups(speakers: Iterable[str]) -> dict[str, str]:
    """For each speaker form of one article, the form that heads its group (same person within the article).

    Forms with one ``person_key`` are one group; a bare surname joins the one
    full name of the article that ends with it. The head is the fullest form.
    """
    forms = list(dict.fromkeys(speakers))
    by_key: dict[str, list[str]] = {}
    for form in forms:
        by_key.setdefault(person_key(form), []).append(form)
    by_last: dict[str, list[str]] = {}
    for key in by_key:
        if " " in key:
            by_last.setdefault(key.rsplit(" ", 1)[1], []).append(key)
    target = {key: key for key in by_key}
    for key in by_key:
        owners = by_last.get(key, []) if " " not in key else []
        if len(owners) == 1:
            target[key] = owners[0]
    members: dict[str, list[str]] = {}
    for key, forms_of in by_key.items():
        members.setdefault(target[key], []).extend(forms_of)
    head = {}
    for group in members.values():
        best = max(group, key=lambda f: (len(f.split()), f))
        for form in group:
            head[form] = best
    return head
