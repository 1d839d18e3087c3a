"""Word lists and sentence templates for the synthetic benchmark corpus.

Every list is ordered from most to least frequent: ``corpus.py`` draws from it
with Zipf weights (rank r gets weight 1/r), so the first entries are common
terms and the last ones are rare. Templates use ``{slot}`` placeholders:

  S  speaker with role ("Russian Foreign Minister Sergey Lavrov")
  N  speaker's surname            P  he/she            R  "the minister"
  S2/N2  a second official        C/C2  countries      A/A2  their adjectives
  K  a capital                    T/T2  topic phrases  O  an organisation
  V  a reporting verb             D  a weekday         M  a month
  X  a noun  J  an adjective  Y  a verb phrase  Q  a figure  W  a city
  L  a reported clause (from CLAUSES)  H  a headline topic  K2/C3  more places
  YR a year before 2015      I  a small number
  PN a made-up person ("Olga Drasenko")  PL a made-up place ("Kraivovo")
"""

from __future__ import annotations

# name, adjective, capital
COUNTRIES: list[tuple[str, str, str]] = [
    ("Russia", "Russian", "Moscow"),
    ("the United States", "US", "Washington"),
    ("China", "Chinese", "Beijing"),
    ("Turkey", "Turkish", "Ankara"),
    ("Ukraine", "Ukrainian", "Kiev"),
    ("Japan", "Japanese", "Tokyo"),
    ("Germany", "German", "Berlin"),
    ("France", "French", "Paris"),
    ("Iran", "Iranian", "Tehran"),
    ("India", "Indian", "New Delhi"),
    ("the United Kingdom", "British", "London"),
    ("Syria", "Syrian", "Damascus"),
    ("Israel", "Israeli", "Jerusalem"),
    ("Azerbaijan", "Azerbaijani", "Baku"),
    ("Armenia", "Armenian", "Yerevan"),
    ("Kazakhstan", "Kazakh", "Astana"),
    ("Belarus", "Belarusian", "Minsk"),
    ("Poland", "Polish", "Warsaw"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Saudi Arabia", "Saudi", "Riyadh"),
    ("Qatar", "Qatari", "Doha"),
    ("Italy", "Italian", "Rome"),
    ("South Korea", "South Korean", "Seoul"),
    ("North Korea", "North Korean", "Pyongyang"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Greece", "Greek", "Athens"),
    ("Hungary", "Hungarian", "Budapest"),
    ("Serbia", "Serbian", "Belgrade"),
    ("Georgia", "Georgian", "Tbilisi"),
    ("Iraq", "Iraqi", "Baghdad"),
    ("Libya", "Libyan", "Tripoli"),
    ("Afghanistan", "Afghan", "Kabul"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("South Africa", "South African", "Pretoria"),
    ("Finland", "Finnish", "Helsinki"),
    ("Sweden", "Swedish", "Stockholm"),
    ("Norway", "Norwegian", "Oslo"),
    ("Spain", "Spanish", "Madrid"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Venezuela", "Venezuelan", "Caracas"),
    ("Cuba", "Cuban", "Havana"),
    ("Uzbekistan", "Uzbek", "Tashkent"),
    ("Mongolia", "Mongolian", "Ulaanbaatar"),
    ("Lebanon", "Lebanese", "Beirut"),
    ("Jordan", "Jordanian", "Amman"),
    ("Algeria", "Algerian", "Algiers"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Moldova", "Moldovan", "Chisinau"),
    ("Kyrgyzstan", "Kyrgyz", "Bishkek"),
    ("Tajikistan", "Tajik", "Dushanbe"),
    ("Turkmenistan", "Turkmen", "Ashgabat"),
    ("Malaysia", "Malaysian", "Kuala Lumpur"),
    ("Argentina", "Argentine", "Buenos Aires"),
    ("Cyprus", "Cypriot", "Nicosia"),
    ("Bulgaria", "Bulgarian", "Sofia"),
    ("Austria", "Austrian", "Vienna"),
    ("Switzerland", "Swiss", "Bern"),
]

# full name, surname, role, pronoun, role noun for "the minister added"
OFFICIALS: list[tuple[str, str, str, str, str]] = [
    ("Sergey Lavrov", "Lavrov", "Russian Foreign Minister", "he", "the minister"),
    ("Vladimir Putin", "Putin", "Russian President", "he", "the president"),
    ("Maria Zakharova", "Zakharova", "Russian Foreign Ministry spokeswoman", "she", "the diplomat"),
    ("Dmitry Peskov", "Peskov", "Kremlin spokesman", "he", "the spokesman"),
    ("Recep Tayyip Erdoğan", "Erdoğan", "Turkish President", "he", "the president"),
    ("Mevlüt Çavuşoğlu", "Çavuşoğlu", "Turkish Foreign Minister", "he", "the minister"),
    ("Mao Ning", "Mao", "Chinese Foreign Ministry spokeswoman", "she", "the spokeswoman"),
    ("Wang Yi", "Wang", "Chinese Foreign Minister", "he", "the minister"),
    ("Antony Blinken", "Blinken", "US Secretary of State", "he", "the secretary"),
    ("Jens Stoltenberg", "Stoltenberg", "NATO Secretary General", "he", "the secretary general"),
    ("Josep Borrell", "Borrell", "EU foreign policy chief", "he", "the diplomat"),
    ("Antonio Guterres", "Guterres", "UN Secretary-General", "he", "the secretary-general"),
    ("Hakan Fidan", "Fidan", "Turkish Foreign Minister", "he", "the minister"),
    ("Dmytro Kuleba", "Kuleba", "Ukrainian Foreign Minister", "he", "the minister"),
    ("Zhao Lijian", "Zhao", "Chinese Foreign Ministry spokesman", "he", "the spokesman"),
    ("Sergei Ryabkov", "Ryabkov", "Russian Deputy Foreign Minister", "he", "the diplomat"),
    ("Wang Wenbin", "Wang", "Chinese Foreign Ministry spokesman", "he", "the spokesman"),
    ("Annalena Baerbock", "Baerbock", "German Foreign Minister", "she", "the minister"),
    ("Hossein Amir-Abdollahian", "Amir-Abdollahian", "Iranian Foreign Minister", "he",
     "the minister"),
    ("Subrahmanyam Jaishankar", "Jaishankar", "Indian External Affairs Minister", "he",
     "the minister"),
    ("Taro Kono", "Kono", "Japanese Foreign Minister", "he", "the minister"),
    ("Catherine Colonna", "Colonna", "French Foreign Minister", "she", "the minister"),
    ("Ibrahim Kalın", "Kalın", "Turkish Presidential Spokesman", "he", "the spokesman"),
    ("Vassily Nebenzia", "Nebenzia", "Russian Permanent Representative to the UN", "he",
     "the envoy"),
    ("Ned Price", "Price", "State Department spokesman", "he", "the spokesman"),
    ("Mike Pompeo", "Pompeo", "US Secretary of State", "he", "the secretary"),
    ("Jeyhun Bayramov", "Bayramov", "Azerbaijani Foreign Minister", "he", "the minister"),
    ("Ararat Mirzoyan", "Mirzoyan", "Armenian Foreign Minister", "he", "the minister"),
    ("Mohammad Javad Zarif", "Zarif", "Iranian Foreign Minister", "he", "the minister"),
    ("Yoshimasa Hayashi", "Hayashi", "Japanese Foreign Minister", "he", "the minister"),
    ("Alexander Grushko", "Grushko", "Russian Deputy Foreign Minister", "he", "the diplomat"),
    ("Hua Chunying", "Hua", "Chinese Foreign Ministry spokeswoman", "she", "the spokeswoman"),
    ("Ursula von der Leyen", "von der Leyen", "European Commission President", "she",
     "the commission chief"),
    ("Heiko Maas", "Maas", "German Foreign Minister", "he", "the minister"),
    ("Péter Szijjártó", "Szijjártó", "Hungarian Foreign Minister", "he", "the minister"),
    ("Sameh Shoukry", "Shoukry", "Egyptian Foreign Minister", "he", "the minister"),
    ("Faisal bin Farhan", "bin Farhan", "Saudi Foreign Minister", "he", "the minister"),
    ("Mikhail Galuzin", "Galuzin", "Russian Ambassador to Japan", "he", "the ambassador"),
    ("Ömer Çelik", "Çelik", "AK Party spokesman", "he", "the spokesman"),
    ("Dmitry Medvedev", "Medvedev", "Russian Security Council Deputy Chairman", "he",
     "the politician"),
]

# agency, weight, adjective of its home country (officials from there are quoted more)
AGENCIES: list[tuple[str, float, str]] = [
    ("Russian News Agency", 0.34, "Russian"),
    ("Daily Sabah", 0.20, "Turkish"),
    ("Reuters", 0.20, "US"),
    ("Xinhua", 0.14, "Chinese"),
    ("Anadolu Agency", 0.12, "Turkish"),
]

# topic key, phrases used in the text, words used in headlines
TOPICS: list[tuple[str, list[str], list[str]]] = [
    ("sanctions", ["sanctions", "anti-Russian sanctions", "the sanctions regime",
                   "new sanctions", "unilateral sanctions", "restrictive measures"],
     ["SANCTIONS", "NEW SANCTIONS"]),
    ("summit", ["the summit", "the upcoming summit", "a summit meeting",
                "the summit in Geneva", "a bilateral summit"], ["SUMMIT", "SUMMIT PREPARATIONS"]),
    ("energy", ["energy cooperation", "energy security", "gas supplies",
                "the gas pipeline project", "energy prices", "oil exports"],
     ["ENERGY", "GAS SUPPLIES", "ENERGY COOPERATION"]),
    ("nato", ["NATO expansion", "NATO's eastward expansion", "the NATO alliance",
              "NATO military activity", "NATO enlargement"], ["NATO", "NATO EXPANSION"]),
    ("security", ["regional security", "security guarantees", "European security",
                  "strategic stability"], ["SECURITY", "SECURITY GUARANTEES"]),
    ("trade", ["bilateral trade", "trade turnover", "a free trade agreement",
               "trade in national currencies"], ["TRADE", "TRADE TIES"]),
    ("peace treaty", ["a peace treaty", "the peace treaty", "the peace treaty issue",
                      "talks on a peace treaty"], ["PEACE TREATY"]),
    ("grain deal", ["the grain deal", "the Black Sea grain deal", "grain exports",
                    "the grain corridor"], ["GRAIN DEAL", "GRAIN EXPORTS"]),
    ("ceasefire", ["the ceasefire", "a ceasefire agreement", "humanitarian corridors",
                   "the ceasefire regime"], ["CEASEFIRE", "TRUCE"]),
    ("nuclear", ["the nuclear deal", "nuclear arms control", "the New START treaty",
                 "the nuclear program"], ["NUCLEAR DEAL", "ARMS CONTROL"]),
    ("terrorism", ["the fight against terrorism", "counter-terrorism cooperation",
                   "terrorist threats"], ["TERRORISM", "COUNTER-TERRORISM"]),
    ("migration", ["the migration crisis", "refugee flows", "the return of refugees"],
     ["REFUGEES", "MIGRATION"]),
    ("visa", ["visa-free travel", "visa liberalization", "the visa regime"], ["VISA-FREE TRAVEL"]),
    ("un reform", ["UN Security Council reform", "the reform of the UN Security Council"],
     ["UN REFORM"]),
    ("climate", ["climate change", "the climate agenda", "the energy transition"],
     ["CLIMATE"]),
]

ORGANISATIONS = [
    "the UN", "the EU", "NATO", "the OSCE", "BRICS", "the G20", "the Shanghai Cooperation "
    "Organization", "the G7", "the UN Security Council", "the Collective Security Treaty "
    "Organization", "ASEAN", "the African Union", "the Arab League", "the IAEA",
    "the Organization of Turkic States", "the Eurasian Economic Union", "the Council of Europe",
]

VERBS = ["said", "stressed", "noted", "added", "stated", "pointed out", "emphasized",
         "underlined", "told reporters", "recalled", "warned", "explained", "insisted",
         "remarked", "argued", "acknowledged"]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

CITIES = [
    "Geneva", "Istanbul", "Vienna", "Sochi", "New York", "Brussels", "St. Petersburg",
    "Antalya", "Vladivostok", "Shanghai", "Kazan", "Munich", "Helsinki", "Davos", "Bali",
    "Samarkand", "Johannesburg", "Astana", "Madrid", "Vilnius", "Hiroshima", "Bucharest",
    "Osaka", "Ashgabat", "Sharm el-Sheikh", "Dubai", "Izmir", "Lausanne", "Bratislava",
    "Nur-Sultan", "Tianjin", "Xiamen", "Goa", "Bishkek", "Trabzon", "Murmansk",
]

NOUNS = [
    "cooperation", "relations", "talks", "situation", "dialogue", "partnership", "issue",
    "region", "settlement", "agreement", "interests", "position", "negotiations", "steps",
    "proposals", "security", "development", "consultations", "contacts", "efforts",
    "initiative", "conflict", "crisis", "approach", "agenda", "stability", "sovereignty",
    "obligations", "commitments", "framework", "mechanism", "architecture", "declaration",
    "statement", "decision", "resolution", "investment", "infrastructure", "projects",
    "economy", "sphere", "delegation", "visit", "meeting", "consensus", "provocations",
    "escalation", "tensions", "rhetoric", "threats", "challenges", "opportunities",
    "integration", "logistics", "transit", "corridors", "supplies", "exports", "imports",
    "tariffs", "currencies", "payments", "banks", "assets", "reserves", "budget",
    "inflation", "prices", "markets", "shipments", "tankers", "ports", "railways",
    "border", "territory", "islands", "waters", "airspace", "exercises", "drills",
    "deployment", "troops", "contingent", "weapons", "missiles", "warheads",
    "inspections", "verification", "monitoring", "observers", "mediation", "guarantees",
    "humanitarian aid", "reconstruction", "refugees", "civilians", "casualties",
    "hostilities", "shelling", "drones", "cyberattacks", "disinformation", "propaganda",
    "journalists", "media", "diaspora", "compatriots", "minorities", "rights",
    "elections", "referendum", "constitution", "parliament", "coalition", "opposition",
    "memorandum", "roadmap", "protocol", "communique", "annex", "clause", "ratification",
    "moratorium", "embargo", "quota", "license", "subsidies", "tourism", "flights",
    "visas", "students", "scholarships", "pilgrims", "heritage", "vaccines", "pandemic",
    "fertilizers", "wheat", "ammonia", "uranium", "hydrogen", "semiconductors",
    "satellites", "icebreakers", "fisheries", "glaciers", "wildfires", "earthquake",
    "desalination", "archipelago", "enclave", "exclave", "demarcation", "delimitation",
    "extradition", "consulate", "chargé d'affaires", "persona non grata", "démarche",
]

ADJECTIVES = [
    "bilateral", "international", "regional", "constructive", "important", "strategic",
    "mutual", "economic", "political", "difficult", "practical", "joint", "key",
    "comprehensive", "multilateral", "unacceptable", "reliable", "serious", "global",
    "long-term", "humanitarian", "military", "legitimate", "open", "frank", "pragmatic",
    "unprecedented", "provocative", "balanced", "sustainable", "concrete", "fundamental",
    "destructive", "reciprocal", "trilateral", "confidential", "unilateral", "illegitimate",
    "substantive", "transparent", "irreversible", "inclusive", "fruitful", "tense",
    "hypothetical", "preliminary", "asymmetric", "extraterritorial", "indivisible",
    "unconditional", "sectoral", "countervailing", "quadrilateral", "consular",
]

# verb phrases taking an object: "{C} is ready to {Y} {T}"
VERB_PHRASES = [
    "discuss", "continue working on", "develop", "strengthen", "resolve the issue of",
    "step up dialogue on", "reach an understanding on", "coordinate positions on",
    "hold consultations on", "seek a compromise on", "revise its approach to",
    "promote", "facilitate", "expand cooperation on", "address", "review",
    "implement agreements on", "return to talks on", "abandon attempts to politicize",
]

HEADINGS = [
    "On {T}", "{C} ties", "Situation in {C}", "On relations with {C}", "{O} agenda",
    "Economic cooperation", "On the visit to {K}", "Security issues", "Next steps",
]

TITLES = [
    "{N} SAYS {C} READY TO DISCUSS {H}",
    "{C} AND {C2} AGREE TO STEP UP DIALOGUE ON {H}",
    "{N}: {H} REMAINS TOP PRIORITY FOR {C}",
    "{A} TOP DIPLOMAT WARNS OVER {H}",
    "{N} COMMENTS ON {A}-{A2} RELATIONS",
    "{C} URGES {C2} TO RECONSIDER STANCE ON {H}",
    "{H}: {N} HOLDS TALKS WITH {A2} COUNTERPART",
    "{A} STANCE ON {H} STANDS IN THE WAY OF TIES WITH {C2}, SAYS {N}",
    "{C} WELCOMES PROGRESS ON {H}",
    "{N} CALLS FOR NEW APPROACH TO {H}",
    "{O} MEETING TO FOCUS ON {H}",
    "{C} REJECTS {A2} CLAIMS OVER {H}",
    "{N} TO VISIT {K2} FOR TALKS ON {H}",
    "{A}-{A2} TALKS ON {H} END WITHOUT BREAKTHROUGH",
]

# openings: introduce the speaker in full
LEADS = [
    "{S} said on {D} that {L}.",
    "{S} stated on {D} during a meeting with the {A2} foreign minister in {K} that {L}.",
    "Speaking at a news conference in {K} on {D}, {S} said that {L}.",
    "{S} told reporters on {D} that {L}.",
    "{C} and {C2} are ready to {Y} {T}, {S} said on {D}.",
    "{S} told a regular press briefing on {D} that {L}.",
    "{S} has said {L}, in remarks published on {D}.",
    "{S} stressed on {D} that {L}, adding that {L}.",
]

# clauses in reported speech, lower case, no final stop
CLAUSES = [
    "{C} is ready to {Y} {T}",
    "{C} does not intend to {Y} {T} under pressure",
    "the {J} {X} between {C} and {C2} had reached a new level",
    "{T} would be high on the agenda of the next round of talks",
    "the position of {C2} on {T} was {J}",
    "{C} would respond to any {J} steps by {C2}",
    "there was no alternative to {J} dialogue on {T}",
    "the {A} side had proposed to {Y} {T2}",
    "{T} could not be separated from the broader issue of {T2}",
    "{C2} had so far failed to honor its {X}",
    "the two countries had agreed to {Y} {T} at the level of deputy ministers",
    "Western countries were trying to use {T} as an instrument of pressure",
    "{O} should play a greater role in {T}",
    "trade between {C} and {C2} rose by {Q} percent last year",
    "the next meeting on {T} would be held in {W} in {M}",
    "{C} counted on the {J} approach of its {A2} partners",
    "the {X} was discussed in detail with the {A2} delegation",
]

# direct quotations, first person, with closing punctuation removed ("We ..." -> '"We ...,"')
QUOTES = [
    "We are ready to {Y} {T} with our {A2} partners",
    "This is the number one priority for our {X} and for {T}",
    "We have repeatedly said that {T} cannot be resolved without {C}",
    "Our {A2} colleagues know our position very well",
    "We would wish for more when it comes to {T}",
    "Such {J} steps only lead to further escalation",
    "We do not accept the language of ultimatums",
    "The difficulties we have mentioned present a significant obstacle, but we are committed "
    "to {T}",
    "It is hardly in line with the idea of bringing relations to a new level",
    "We expect our partners to take {J} steps",
    "There is no military solution to this {X}",
    "We call on all parties to exercise restraint",
    "Nobody should have any illusions about {T}",
    "We have questions in this regard, because {L}",
    "I hope that common sense will prevail",
    "Our aim is to take the relations to the level of true partnership",
    "The {J} {X} is in the interests of both our peoples",
    "We will never agree to {T} on such terms",
    "This definitely creates difficulties in {T}",
    "We see no grounds for optimism as far as {T} is concerned",
    "We are open to dialogue, but only on an equal footing",
    "The ball is now in the court of {C2}",
    "All of this is being done to undermine {T}",
    "Those who think otherwise are deeply mistaken",
]

# narrative sentences without a speaker
NARRATIVE = [
    "{C} and {C2} have been holding consultations on {T} since {YR}.",
    "The {J} {X} remains the main sticking point in relations between {K} and {K2}.",
    "The {O} has repeatedly called for {J} {X} on {T}.",
    "Bilateral trade between {C} and {C2} amounted to ${Q} billion in {M}.",
    "The talks were held behind closed doors and lasted about {I} hours.",
    "Earlier, {C2} said it would {Y} {T} only after consultations with its allies.",
    "Experts say {T} will depend largely on the {J} {X} in the region.",
    "The two ministers also discussed {T2} and the situation in {C3}.",
    "In {M}, the sides signed a memorandum on {J} {X} and {T}.",
    "The {A} delegation arrived in {W} on {D} for {I} days of talks.",
    "{O} members are expected to return to {T} at their next meeting in {W}.",
    "Analysts note that the {J} {X} has complicated {T} for months.",
    "The {A2} foreign ministry summoned the {A} ambassador over the {J} {X}.",
    "According to official data, {T2} grew by {Q} percent in {M}.",
    "The {A} foreign ministry said in a statement that {L}.",
    "{C} has repeatedly accused {C2} of {J} {X}.",
    "The {X} in {W} was attended by representatives of {Q} countries.",
    "On {D}, the {O} held an emergency session on {T}.",
    "{C2} has not yet officially commented on the {J} {X}.",
    "The visit comes amid {J} {X} over {T}.",
    "It was the first visit by the {A} foreign minister to {K2} since {YR}.",
    "Observers in {K} described the {X} as {J}.",
    "The previous round of consultations took place in {W} in {M}.",
    "In a joint statement, the sides pledged to {Y} {T} and {T2}.",
    "Since {YR}, {C} and {C2} have signed more than {Q} agreements on {X}.",
    "The {J} {X} has been a source of friction between {K} and {K2} for years.",
    "Ministers from {C}, {C2} and {C3} are due to meet in {W} in {M}.",
    "Diplomatic sources in {K2} said the {X} was {J} but {J}.",
    "{PN}, a senior researcher at the {PL} Institute of International Studies, said that {L}.",
    "Local authorities in the {PL} region reported {Q} {X} over the weekend.",
    "Deputy Foreign Minister {PN} is expected to lead the {A} delegation to {PL}.",
    "The {X} near {PL} was discussed at a meeting chaired by {PN}.",
    "{PN}, who heads the {A} parliament's foreign affairs committee, said that {L}.",
    "Residents of {PL} and {PL} have been waiting for {T} since {YR}.",
    "\"We are watching the situation in {PL} very closely,\" {PN} said.",
]

# --- the long tail: made-up proper names ------------------------------------------
# Real news owes most of its vocabulary to rare names. These are invented (so no
# real person or place is misquoted) and drawn with Zipf weights, so the number of
# distinct terms keeps growing with the corpus, as it does in real text.

FIRST_NAMES = [
    "Ivan", "Olga", "Ahmet", "Ayşe", "Li", "Mehmet", "Anna", "Sergei", "Elena", "Zhang",
    "Fatma", "Dmitry", "Yusuf", "Irina", "Chen", "Ali", "Natalia", "Hasan", "Marina", "Liu",
    "Andrei", "Zeynep", "Pavel", "Emine", "Huang", "Oleg", "Murat", "Svetlana", "Yang", "Can",
    "John", "Maria", "Ahmed", "Sarah", "Hiroshi", "Yuki", "Pierre", "Claire", "Klaus", "Petra",
]
_ONSETS = ["b", "br", "ch", "d", "dr", "g", "gr", "k", "kh", "kr", "l", "m", "n", "p", "r",
           "s", "sh", "st", "t", "tr", "v", "z", "zh", "y", "f", "h"]
_VOWELS = ["a", "e", "i", "o", "u", "a", "o", "ai", "ia", "ou", "e"]
_CODAS = ["", "", "n", "r", "l", "s", "k", "v", "m", "t", "sk"]
PLACE_ENDINGS = ["ovo", "sk", "grad", "abad", "stan", "pur", "ia", "ovka", "kent", "dorf",
                 "li", "ino", "evo", "yurt", "shan", "ville"]
SURNAME_ENDINGS = ["ov", "enko", "escu", "ian", "oğlu", "ski", "ez", "son", "ić", "ova",
                   "idis", "ani", "yev", "chuk", "er", "zadeh"]


def made_up_names(count: int, endings: list[str], seed: int, avoid: set[str]) -> list[str]:
    """``count`` distinct capitalised names like "Drakovo" or "Mirasenko"."""
    from random import Random

    rnd, names, seen = Random(seed), [], set(avoid)
    while len(names) < count:
        stem = "".join(rnd.choice(_ONSETS) + rnd.choice(_VOWELS) + rnd.choice(_CODAS)
                       for _ in range(rnd.choice((1, 2, 2, 3))))
        name = (stem + rnd.choice(endings)).capitalize()
        if name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names
