"""Speaker names as matching keys: cheap to import, for every search that filters by speaker.

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

import functools
import re
import unicodedata

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
_LEADING_THE = re.compile(r"^\s*the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\s*$")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return _NON_WORD.sub(" ", _APOSTROPHES.sub("", text)).strip()


def _fold_word(word: str) -> str:
    for pattern, repl in _TRANSLIT:
        word = pattern.sub(repl, word)
    return word


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The matching key of a name: ``name_key("Sergei Lavrov") == name_key("SERGEY LAVROV")``."""
    return " ".join(_fold_word(w) for w in _fold(name).split())


def query_key(name: str) -> str:
    """The key to look up for a user's ``--speaker`` value."""
    name = _LEADING_THE.sub("", name)
    name = _POSSESSIVE.sub("", name)
    return name_key(name)
