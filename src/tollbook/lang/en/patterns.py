"""English grammar patterns: number words, months, clause and sentence breaks, labels.

The language-neutral stages (tollbook.extract, tollbook.read.sections, tollbook.check.pairing)
import these rather than spelling English inside their code; the phrasings each must read
are in corpus/*.json beside this file. A new language gives the same names in its own
lang/<code>/patterns.py.
"""

from __future__ import annotations

import calendar
import re
from fractions import Fraction

# --- numbers (tollbook.extract.numbers, tollbook.extract.scan) ---------------------------

NUMBER_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
NUMBER_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
                 "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "mln": 1_000_000}
_F = Fraction
FRACTIONS = {
    "half": _F(1, 2), "a half": _F(1, 2), "one half": _F(1, 2), "a third": _F(1, 3), "one third": _F(1, 3),
    "one-third": _F(1, 3), "two thirds": _F(2, 3), "two-thirds": _F(2, 3), "a quarter": _F(1, 4),
    "one quarter": _F(1, 4), "one-quarter": _F(1, 4), "three quarters": _F(3, 4), "three-quarters": _F(3, 4),
    "a fifth": _F(1, 5), "one fifth": _F(1, 5), "one-fifth": _F(1, 5), "two fifths": _F(2, 5),
    "two-fifths": _F(2, 5), "a tenth": _F(1, 10), "one tenth": _F(1, 10), "one-tenth": _F(1, 10),
    "a sixth": _F(1, 6), "one sixth": _F(1, 6), "an eighth": _F(1, 8), "a majority": _F(1, 2),
}
_WORD = "|".join(sorted(list(NUMBER_UNITS) + list(NUMBER_TENS), key=len, reverse=True))
# A number written in words: "two hundred and forty-five thousand", "a dozen", "seventy-one".
WORD_NUMBER = (
    rf"(?:(?:a|one)\s+(?:hundred|thousand|million|dozen)|(?:{_WORD})(?:-(?:{'|'.join(NUMBER_UNITS)}))?)"
    rf"(?:(?:\s+and\s+|\s+|-)(?:(?:{_WORD})(?:-(?:{'|'.join(NUMBER_UNITS)}))?|hundred|thousand|million|billion|dozen))*"
)
SCALE_AFTER_DIGITS = r"(?:\s*(?:hundred|thousand|million|billion|mln|mn|bn)\b|(?:k|m)\b)"
HALF_A_MILLION = r"half\s+a\s+million"
_FRACTION_WORDS = "|".join(sorted((re.escape(f) for f in FRACTIONS), key=len, reverse=True))
_ORDINAL_DENOM = r"(?:five|four|three|ten|six|seven|eight|nine|two|\d+)"
FRACTION = rf"(?:{_FRACTION_WORDS}|\d+(?:\.\d+)?\s*(?:%|per\s*cent\b|percent\b)|(?:one|1)\s+in\s+{_ORDINAL_DENOM}\b)"
# Words without which a sentence holds no fraction or vague count: the patterns run only past these gates.
# One person named by a singular noun with a verb of death or injury ("a woman was killed", "Serviceman
# killed, ...", "Rebel sniper wounded"): a count of one. The noun opens its clause, with an indefinite
# article or none (a headline's); "the teenager" refers to someone counted already and is left alone.
ONE_VICTIM_VERB = re.compile(r"\b(?:killed|wounded|injured|died|dies|shot dead)\b", re.IGNORECASE)
ONE_VICTIM = re.compile(r"(?:(?P<art>\b(?i:a|an|one)\s+)|^\W{0,3}|(?<=[,;:]\s))"
                        r"(?P<phrase>(?:(?!(?i:the|every|each|no|this|that|his|her|their|its|another|any)\b)[\w'\u2019.-]+\s+){0,2}?"
                        r"(?P<noun>(?i:man|woman|boy|girl|child|baby|teenager|soldier|civilian|serviceman|servicewoman|"
                        r"militiaman|fighter|policeman|police officer|journalist|medic|paramedic|pensioner|resident|"
                        r"driver|volunteer|rescuer|firefighter|farmer|worker)))"
                        r"\s+(?:(?:was|has been|had been|is)\s+)?(?=(?i:killed|wounded|injured|died|dies|shot dead)\b)")
FRACTION_GATE = re.compile(r"half|third|quarter|fifth|tenth|sixth|eighth|%|cent|majority| in ")
VAGUE_GATE = re.compile(r"dozen|score|hundreds|thousands|millions|several|few|handful|tens of|multiple|couple|many")
# Words a candidate scan stops at: any of them may start a figure.
SCAN_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands "
    "million millions dozen dozens scores half third thirds quarter quarters fifth fifths tenth several handful"
).split()
# Words right before a figure that make it a label, not a count ("Brigade 47", "page 12").
LABEL_WORDS = frozenset(
    "aged age no. nos. number page pages resolution article chapter section route highway flight version "
    "brigade battalion regiment division corps unit squadron fleet army platoon company motorway road room "
    "building grade level category phase stage day year week covid code model class type series block precinct "
    "district zone sector channel episode season item paragraph vol. p. pp. © (c)".split())

# Before "day", "week", "month" or "year", these make it a period, not a label: "last year 41 soldiers".
PERIOD_DETERMINERS = frozenset("last this past next previous every each per that a one same".split())

# --- months and days (tollbook.extract.numbers, tollbook.extract.times) ------------------

MONTHS_PATTERN = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
                  r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
MONTH_NAMES = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september "
    "oct october nov november dec december".split())
MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name} | {
    name: i for i, name in enumerate(calendar.month_abbr) if name} | {"Sept": 9}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
# Small counts in time phrases ("two weeks ago", "a month").
TIME_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1}

# --- sentences and clauses (tollbook.extract.sentences, .proximity, .confidence) ---------

ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "nos", "vs", "etc",
                 "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
                 "u.n", "e.g", "i.e", "approx", "est", "gov", "rep", "sen", "prof", "inc", "ltd", "co", "corp"}
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9—–-])")
# Where a cue stops reaching a figure: the nearest-cue search does not cross these.
CLAUSE_BREAK = re.compile(r"\band\b|;|\bwhile\b|\bbut\b")
# An opening clause of concession ("While the toll is still disputed, thousands of families rebuild"):
# its words of loss describe it, not the figures of the main clause after its comma.
CONCESSIVE_OPENING = re.compile(r"\s*(?:While|Although|Though|Whereas|Even as|Even though)\b[^,;]*,")
# A verb of reaching right before a figure: its subject ("the death toll", "casualties among
# the troops") names the measure, however far back in the clause.
REACHES_BEFORE = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:now\s+)?)?(?:rose|rises|risen|rising|climbed|climbs|jumped|jumps|soared|soars|surged|surges|"
    r"increased|increases|grew|grows|mounted|mounts|went up|gone up)\s+(?:again\s+)?(?:to|above|past|beyond|over)\s*$|"
    r"\b(?:reached|reaches|hit|hits|topped|tops|passed|passes|exceeded|exceeds|surpassed|surpasses|neared|nears|"
    r"stands at|stood at|is now at|was|is|now stands at|amounted to|amounts to|totals|totalled|totaled|stood)\s+(?:\w+\s+){0,2}$|"
    # a revision: "has been raised to 2,975", "was revised down to around 1,200", "now put at 5,300"
    r"\b(?:raised|revised|updated|lowered|increased|reduced|adjusted|corrected|put|set|placed|brought|pushed|upped|cut)"
    r"(?:\s+(?:up|down|upward|upwards|downward|downwards))?\s+(?:to|at)\s+(?:\w+\s+)?$",
    re.IGNORECASE)
# The noun a verb of reaching has as its subject however far back and across "Turkey and Syria" or a
# date: "the death toll from the earthquakes in Turkey and Syria that struck on Feb. 6 surpassed 50,000".
TOLL_SUBJECT = re.compile(r"\b(?:death\s+)?tolls?\b|\bnumber of (?:the\s+)?(?:dead|deaths|victims|fatalities)\b", re.IGNORECASE)
# A verb of reaching that looks ahead ("could reach 20,000", "may top 50,000", "is expected to hit").
REACHES_AHEAD = re.compile(r"\b(?:reach|top|exceed|surpass|pass|hit|rise to|climb to|climb above|rise above|near)\s+(?:\w+\s+)?$",
                           re.IGNORECASE)
# A date that names an event, not the day a figure stands at: "the February 6 tremor", "the
# October 7 Hamas attack", "the earthquakes that struck on Feb. 6", "the attack on October 7".
_EVENT_NOUN = (r"(?:attacks?|assault|tremors?|earthquakes?|quakes?|storms?|hurricanes?|floods?|flooding|blasts?|"
               r"explosions?|strikes?|air\s*strikes?|bombings?|invasion|offensive|massacre|war|disaster|landfall|"
               r"collapse|raids?|incursion|shooting|eruption|tsunami|cyclone|typhoon|battle|onslaught|rampage|crash|fire)")
# (also a time's possessive: "last month's Hamas attacks", "Monday's earthquake")
EVENT_AFTER_DATE = re.compile(rf"(?:['\u2019]s)?\s*,?\s*(?:[A-Z][\w'\u2019-]*\s+){{0,3}}(?:[\w-]+\s+)?{_EVENT_NOUN}\b")
# Right after a body's name, what makes it a modifier: an event it carried out ("the Hamas attack", "a
# Russian-led offensive") or a body it runs ("the Hamas-run health ministry"): it describes, it does not speak.
EVENT_AFTER_NAME = re.compile(rf"(?:-led|-run|-backed)?\s+(?:[a-z][\w-]*\s+)?{_EVENT_NOUN}\b|"
                              r"[-\u2010](?:run|ruled|controlled|led|backed|affiliated|aligned|held|appointed|administered|"
                              r"governed|linked|allied|supported)\b", re.IGNORECASE)
EVENT_BEFORE_DATE = re.compile(
    rf"\b(?:{_EVENT_NOUN}|struck|hit|began|started|launched|erupted|broke out|made landfall|devastated|rocked|"
    r"(?:roared|swept|tore|ripped|barrelled|barreled|plowed|ploughed) through|slammed into)\b"
    r"[^,.;\d]{0,60}?(?:\b(?:on|of|since)\s+(?:the\s+)?)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$", re.IGNORECASE)
# Before a verb, an event as its subject: "the earthquakes that hit", "floods which struck" (the verb is the event's, no loss).
EVENT_RELATIVE = re.compile(rf"\b{_EVENT_NOUN}\b[^,.;\d]{{0,40}}?\s(?:that|which)\s+(?:\w+\s+)?$", re.IGNORECASE)
# An event as the subject of "hit" or "struck": "Hurricane Ida had hit the coast", "the quake struck" (the
# storm's verb, not a loss of people).
EVENT_SUBJECT = re.compile(rf"\b{_EVENT_NOUN}\b(?:\s+(?-i:[A-Z])[\w'\u2019-]*){{0,2}}\s+(?:(?:had|has|have|already|first)\s+){{0,2}}$",
                           re.IGNORECASE)
# A verb of taking before a count of people and their role after them: "took 251 people, including
# soldiers, hostage" (captured; the role may follow a parenthesis between commas, not a new clause).
TAKE_BEFORE = re.compile(r"\b(?:took|take|takes|taking|taken|seized)\s+(?:(?:at least|about|around|some|more than|over|nearly|roughly)\s+)?$",
                         re.IGNORECASE)
TAKEN_AS_AFTER = re.compile(r"(?:,[^.;:]*?,)?\s+(?:[\w-]+\s+){0,2}?(?P<role>hostages?|prisoners?|captives?|captive)\b", re.IGNORECASE)
# Presence as deployment: "12,000 North Korean soldiers are in Kursk" (after the people noun).
PRESENCE_AFTER = re.compile(r"\s+(?:are|were|remain|remained|have been|had been|is|was)\s+(?:now\s+|still\s+|currently\s+|already\s+)?"
                            r"(?:in|inside|on the ground in|fighting in|based in|present in)\s+(?:the\s+)?[A-Z]")
# A possessive before a count of people: its strength ("its 4,500 men", "Wagner's 50,000 fighters").
OWNED_BEFORE = re.compile(r"(?:\b(?:its|their|his|her|our)|['\u2019]s)\s+(?:(?:own|some|about|nearly|roughly|around)\s+)?$", re.IGNORECASE)
# Nouns of fighting people: a possessive count of these is a strength.
FIGHTERS = re.compile(r"(?:soldiers|troops|forces|men|fighters|servicemen|personnel|mercenaries|marines|paratroopers|reservists|"
                      r"conscripts|recruits|volunteers|militiamen|guerrillas|combatants|convicts|prisoners)", re.IGNORECASE)
# A finite verb right before a measure word: "... were killed", "have been wounded".
FINITE_BEFORE = re.compile(r"\b(?:were|was|are|is|have been|has been|had been|had|have|has)\s+(?:\w+ly\s+)?$|"
                           r"^(?:were|was|have been|has been|had been)\s", re.IGNORECASE)
# Where a clause that may name its own speaker starts: "X say 35,418 died, while 5,800 died in Syria, according to Y".
SPEAKER_CLAUSE_BREAK = re.compile(r",\s*(?:while|whereas|but|and)\s|;\s|"
                                  # "(revising an earlier report that gave 9,000": an aside's own report
                                  r"\s\((?=\w+ing\b|according\b|from\b|citing\b)|"
                                  # "... said 30 died and a ministry official gave 50", "... and according
                                  # to US intelligence ...": a second speaker
                                  r"\sand\s(?=according\s+to\b|(?:an?\s|the\s)?[\w'’ -]{2,40}?\s(?:said|says|told|reported|estimated)\b)|"
                                  # "... passed 3,000 after the state said 2,260 had died": a speaker in a clause that
                                  # hangs on the figure's
                                  r"\s(?=(?:after|as|when|since|before)\s[\w'’ -]{2,40}?\s(?:said|says|declared|declares|reported|announced|confirmed)\b)|"
                                  # "... seen by a news agency -- well under the 480 deaths which health authorities had described": a dash
                                  # opens a clause that names its own speaker
                                  r"\s(?:--|\u2014|\u2013)\s(?=[^.;]{0,120}?\b(?:that|which)\s+(?:the\s+)?[\w'’ -]{2,60}?\s"
                                  r"(?:\w+ly\s+)?(?:said|says|reported|described|gave|cited|put)\b)",
                                  re.IGNORECASE)
# A clause that opens with these hangs on the one before it: its speaker vouches for its own figures only.
SPEAKER_SUBORDINATE = re.compile(r"\s(?:after|as|when|since|before)\s", re.IGNORECASE)
# Where the subject's clause starts, looking back from the figure.
# "and" before "the" and a capitalised name joins two names ("with the Russian Federation and the DPR"),
# not two clauses; before a modal or auxiliary it joins two verbs of one subject ("the toll tops 30,000
# and could hit 50,000").
SUBJECT_CLAUSE_BREAK = re.compile(r";|:|\s[-\u2013\u2014]\s|\b(?:but|while)\s|"
                                  r"\b(?:said|says|announced|announces|reported|reports|stated|confirmed|added)\b(?:\s+[\w.]+){0,3}?\s+that\s|"
                                  r"\band\s(?!the\s+(?-i:[A-Z])|(?:could|may|might|will|would|is|was|has|had|then|later|now)\b)", re.IGNORECASE)
# Between two figures, what makes the second a pair of the first (it counts the same thing):
# "from 1,400 to about 1,200", "to 34 from 16", "2,975, up from 64".
# "to around 1,200 from a previous government estimate of 1,400", "up from an initial toll of 64".
PAIRED_AFTER = re.compile(r"\s+(?:to|from)\s+|,?\s+(?:up|down)\s+from\s+|,?\s+(?:(?:up|down)\s+)?from\s+(?:(?:a|an|the|its|their)\s+)?"
                          r"(?:(?:previous|earlier|prior|initial|original|last|official|government|first)\s+){0,3}"
                          r"(?:estimate|figure|toll|count|tally|total|number)\s+of\s+", re.IGNORECASE)
# Between two figures, the joint of an ellipsis: the second shares the first's verb
# ("killed 1,400 in Israel, most of them civilians, and about 3,000 in Gaza").
OF_WHOLE = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+)?", re.IGNORECASE)  # "114 of 158 aerial targets": the part shares the noun
# A disaster named in the sentence: a people's dead in it are its civilians ("7,913 Russians died in fires").
DISASTER_CAUSE = re.compile(r"\b(?:fires?|wildfires?|floods?|flooding|earthquakes?|quakes?|storms?|hurricanes?|cyclones?|typhoons?|heatwaves?|avalanches?|landslides?|drowned|drownings?|road accidents?|traffic accidents?)\b", re.IGNORECASE)
COORDINATED = re.compile(r"\s*,?\s*(?:and|as well as)\s+", re.IGNORECASE)  # "four nurses and three drivers ... were killed"
# "there are five more", "12 others": a figure that adds to the count named before it in the sentence
# (closing its clause or before its verb: not "left millions more in need")
MORE_AFTER = re.compile(r"\s+(?:more|others)(?=\s*(?:[.,;:!?)]|$)|\s+(?:were|are|was|is|have|has|had|died|remain|remained)\b)",
                        re.IGNORECASE)
ELLIPSIS_BEFORE = re.compile(r"(?:,\s*(?:and|while|whereas|but)?|\s(?:and|while|whereas|plus))\s+(?:another\s+|a further\s+)?$",
                             re.IGNORECASE)
# After the second figure of an ellipsis, a verb of its own: then it does not share the first's
# ("30,000 were displaced, and nearly a million people were affected").
OWN_VERB_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:were|was|are|is|have|has|had|remain|remained|lack|lacked|live|lived)\b"
                            r"(?!\s+(?:been\s+)?(?:killed|wounded|injured|dead|missing|displaced|hurt)\b)", re.IGNORECASE)
# A governor's title before a name the lexicon does not know ("Gov. Ricardo Rossello"): the person speaks for the
# government of the place the document is about (Ukrainian and Russian governors are in the lexicon).
GOVERNOR_TITLE = re.compile(r"(?:Gov\.|Governor)\s+[A-Z]")
# After a figure, its loss negated: "3,000 people did not die", "were not killed" - a denial of the figure.
NEGATED_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:did\s+not|didn['\u2019]t|were\s+not|weren['\u2019]t|was\s+not|"
                           r"wasn['\u2019]t|have\s+not|haven['\u2019]t|had\s+not|never)\s+(?:been\s+)?"
                           r"(?:die|died|killed|perish|perished|wounded|injured)\b", re.IGNORECASE)
# Between a figure and the next, a total of what came before: "..., bringing the confirmed total to 41,732".
TOTAL_BEFORE = re.compile(r"\b(?:bringing|putting|taking|raising|pushing)\s+the\s+(?:[\w-]+\s+){0,2}"
                          r"(?:total|toll|tally|number|figure)\s+(?:to|at)\s+$", re.IGNORECASE)
# Between a part and its whole after it: "Two journalists were among the 15 killed" (the part takes the
# whole's verb across it).
AMONG_BEFORE_WHOLE = re.compile(r"\s+(?:[\w'\u2019-]+\s+){0,3}?(?:were|are|was|is)\s+(?:also\s+)?among\s+(?:the\s+)?",
                                re.IGNORECASE)
# After a figure, a part named in passing: "Eleven villagers, including four minors, were killed"; a
# headline drops the commas ("Seven miners including three rescuers die").
PART_AFTER = re.compile(r"[^,;.]{0,40}(?:,\s*(?:including|among them|among whom|of whom|of them)|\s+including)\s+",
                        re.IGNORECASE)
# The clause a hedge or modality cue governs ends at these; "and" with an auxiliary starts another predicate
# ("reached more than 5,100 and was expected to rise further": the rise is expected, the 5,100 is reported).
CUE_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|but|while|whereas)\b|\band that\b|\bbut\b|\bwhile\b|"
                              r"\band\s+(?:was|were|is|are|has|have|had)\b", re.IGNORECASE)

# --- document sections and headlines (tollbook.read.sections, tollbook.check.pairing) ----

SUMMARY_LABEL = re.compile(
    r"^\s*(points of attention|key points|key facts|summary|in brief|at a glance|highlights|what we know|the essentials)\s*:?\s*$",
    re.IGNORECASE,
)
SAYS = re.compile(r"\b(?:says?|said|claims?|claimed|reports?|reported|confirms?|confirmed|estimates?|counts?|puts?)\b", re.I)

# --- parts of a count (tollbook.extract.pipeline) -----------------------------------------

# An auxiliary between figure and cue: "12 people were killed" reads the cue after the figure.
AUXILIARY = re.compile(r"\b(?:are|were|is|was|have|has|had|will|would|could|may|might)\b")
# "among them N", "including N": the figure is a part of the one before it.
# A sentence that opens as a part of what came before ("Зокрема, 9 дістали поранення у ..."): its figures are
# parts of the document's latest figure.
SUBSET_OPENS = re.compile(r"^\W*(?:(?:sadly|unfortunately|tragically)\s*,\s*)?(?:in particular|among them|of them|of those|of these)\s*[,:\u2014\u2013-]?\s", re.IGNORECASE)
SUBSET_BEFORE = re.compile(r"\b(?:among them|among whom|including|of whom|of them)\s+(?:at least\s+|about\s+|some\s+)?$", re.IGNORECASE)
OF_THEM_AFTER = re.compile(r"\s+of\s+(?:them|those|these)\b", re.IGNORECASE)
# "N of the injured", "Of the dead, N": the group noun names the measure of the whole.
GROUP_MEASURE = {"dead": "killed", "killed": "killed", "victims": "killed", "fatalities": "killed", "injured": "wounded",
                 "wounded": "wounded", "casualties": "casualties", "missing": "missing", "displaced": "displaced"}
_GROUP = r"(dead|killed|injured|wounded|victims|casualties|missing|displaced|fatalities)"
PARTITIVE_AFTER = re.compile(r"^\s+of\s+(?:the|those)\s+" + _GROUP + r"\b", re.IGNORECASE)
PARTITIVE_BEFORE = re.compile(r"\b(?:of|among)\s+(?:the|those)\s+" + _GROUP + r"\b(?:\s+[\w'-]+){0,3},?\s+(?:at least\s+|about\s+|some\s+)?$", re.IGNORECASE)

# A count of people with no word of loss, governed by a verb of return or release, in a document that
# speaks of captivity or an exchange: prisoners of war freed (tollbook.extract.pipeline).
RETURNED = re.compile(r"\b(?:swapped|exchanged|freed|brought home|came home|returned home|(?:returned|released) from captivity)\b", re.IGNORECASE)
CAPTIVITY = re.compile(r"\b(?:captivity|prisoners?|POWs?|prisoner swap|prisoner exchange|swap)\b", re.IGNORECASE)

# --- attribution cues (tollbook.extract.attribution) ---

# An abbreviation glossed inside a body's name, read across when the name is looked up: "the Ministry of Defence (MoD) of Russia"
NAME_GLOSS = re.compile(r"\s\([A-Z][A-Za-z]{1,5}\)(?=\s)")

# "Russia's latest update", "this was reported by", "as noted by", "the spokesman said": a claimant's frames.
POSSESSIVE_REPORT = re.compile(
    r"^(?:'s|’s|s'|’)\s+(?:(?:latest|most recent|new|daily|weekly|regular|own|official|updated|intelligence|"
    r"defence|defense|morning|evening)\s+){0,3}(?:update|report|assessment|statement|data|figures?|tally|count|"
    r"estimates?|briefing|bulletin|summary|toll|numbers?)\b",
    re.IGNORECASE,
)
# A claimant named after a figure in the same paragraph speaks for it only in a tally (measured on the
# real stories: in English copy a speaker named later in a paragraph is mostly another statement's).
SPEAKER_CLOSES_PARAGRAPH = False
# A speaker named in one paragraph does not speak for the next ones' figures in English copy (wire
# paragraphs name their own); 'This was reported by X' and a headline 'X: ...' are the exceptions.
SPEAKER_CARRIES_ON = False
# A paragraph that goes on with the count before it ("Another 110 were wounded ..."): its closing speaker
# speaks for the paragraph before too. Unused in English (SPEAKER_CLOSES_PARAGRAPH is off).
CONTINUES = re.compile(r"\s*(?:Another|A further|In addition|Also)\b")
# A paragraph that opens the article's own background: no speaker named before carries into it.
BACKGROUND = re.compile(r"\s*(?:Earlier|Previously|As reported|As previously reported|Last (?:week|month|year))\b")
# The words right before a figure that point at one already given ("of the 1,200 deaths"): a repeat, not
# a new count, whatever day the sentence is about.
DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
# A figure given as an earlier one: "up from 64", "from a previous estimate of 1,400", "Israel previously said
# ... 1,400": as of before the report, not as of its day (reconciliation then reads the order of a revision).
_month_day = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
              r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+\d{1,2}\b")
# A day named with the verb that tells or publishes a figure ("published a review on June 3 estimating ..."):
# the day of the telling, not the figure's period when the sentence also gives that period as a span.
TOLD_ON = re.compile(r"\b(?:said|says|told|released|published|announced|reported|issued|posted|stated|unveiled)\b(?:\s+[\w\'’-]+){0,3}\s+(?:on\s+)?$", re.IGNORECASE)
PREVIOUS_FIGURE = re.compile(r"\bfrom\s+(?:an?\s+|the\s+)?(?:previous|earlier|initial|prior)\s+(?:report|estimate|count|tally|statement)\s+"
                             r"(?:that|which)\s+(?:said|put|gave|showed|estimated)\s+(?:the\s+toll\s+at\s+)?(?:about\s+|some\s+)?$|"
                             r"\b(?:(?:up|down)\s+from|from\s+(?:an?\s+|the\s+|its\s+)?(?:previous|earlier|initial|prior|original)(?:\s+[\w-]+){0,2}?\s+(?:estimate|figure|toll|count|tally)\s+of)\s+(?:about\s+|around\s+|some\s+|more\s+than\s+|over\s+)?$"
                             r"|\b(?:revis\w*|lower\w*|rais\w*|cut|increas\w*|reduc\w*|updat\w*|correct\w*)\b"
                             r"(?:[^.;\d]|" + _month_day + r"){0,80}?"  # "... the toll of the October 7 attack from 1,400"
                             r"\bfrom\s+(?:about\s+|around\s+|some\s+|roughly\s+)?$"  # "revised down the toll from 1,400 to 1,200"
                             r"|\b(?:initially|at first|originally)\b,?[^.;\d]{0,60}?\b(?:counted|reported|said|put|gave|estimated|announced|"
                             r"claimed)\b[^.;\d]{0,30}$"  # "At first, officials counted only 64"
                             r"|\b(?:previously|initially|earlier|had\s+first)\s+(?:said|reported|put|estimated|gave|announced|claimed)\b"
                             r"(?:(?!\b(?:now|currently|said|says|stood|stands)\b)[^.;]){0,100}$",
                             re.IGNORECASE)
# Sources after "according to" that name no one and no one named before either ("according to some Israeli
# estimates", "according to unofficial figures"): the claimant is anonymous. Plain "preliminary figures" are the
# speaker's own, and stay theirs.
UNNAMED_ACCORDING = re.compile(r"\baccording\s+to\s+((?:some|other|several|unofficial|independent|unconfirmed)\s+"
                               r"(?:[A-Z][\w'\u2019-]+\s+)?(?:estimates|reports|figures|counts|tallies|data)|"
                               r"(?:[A-Z][\w'\u2019-]+\s+)(?:estimates|reports|counts|tallies))\b")
# How far after a verb of saying its speaker may be named ("said the ministry"): English puts the speaker
# first, so a body far after the verb is mostly what was said.
SPEAKER_AFTER_VERB = 25
# A body named right before its people or losses is the party spoken of, not a speaker: "puts Wagner losses at".
PARTY_NOUN_AFTER = re.compile(r"(?:['\u2019]s?)?\s+(?:losses|casualties|dead|death toll|troops|forces|fighters|soldiers|"
                              r"servicemen|personnel|mercenaries|units|militants|prisoners)\b", re.IGNORECASE)
# A line that only names who gave the paragraph before it: in English copy a label, "Source: Ian Stubbs, UK
# military adviser to the OSCE" (the `label` group: the name after it is read as after "according to").
CLOSING_SPEAKER = re.compile(r"\s*(?P<label>Sources?)\s*:\s*(?=[A-Z\u2018\u201c\"'])")
POINTS_BACK_CORE = (
    r"(?:this|that|it|these|the (?:figure|figures|information|data|number|numbers|estimate|assessment|report))\s+"
    r"(?:was|were|is|are|has been|have been)\s+(?:first\s+)?(?:reported|stated|announced|confirmed|said|published|"
    r"posted|disclosed|revealed|claimed|estimated|assessed)\s+by\b"
)
# "according to official Turkish data", "citing Turkish official figures": that country's authorities speak;
# "according to official figures" with no country: officials unnamed, of the place the figure counts
OFFICIAL_FIGURES = re.compile(
    r"\b(?i:according to|citing|per)\s+(?i:the\s+)?(?i:(?:latest|new|final)\s+)?(?:official\s+(?P<who>[A-Z][\w-]+)\s+|"
    r"(?P<who2>[A-Z][\w-]+)\s+official\s+|(?i:official)\s+)(?:data|figures|statistics|counts?|tally|tolls?|estimates?)\b")
AS_NOTED = re.compile(r"\bas (?:noted|stated|mentioned|reported|said) (?:in|by|earlier)\b", re.IGNORECASE)
BACK_NOUN = (r"(?:he|she|they|it|its|the (?:[\w-]+\s+){0,2}?(?:official|officials|spokesman|spokeswoman|spokesperson|"
             r"mission|agency|ministry|monitors|update|report|statement|administration|governor|military|army|service|"
             r"office|department|command|staff|commander|minister|president|source|bulletin|briefing|assessment|tally|"
             r"diplomat|envoy|ambassador|adviser|advisor|mayor|general|researchers|study))")
NAME_DETERMINER = re.compile(r"^(?:(?:The|A|An|According to|In|On|At|This|That|Its|Their|But|And|However|Meanwhile|Yet|So)\s+)+")

# --- actors: victim or agent (tollbook.extract.actors) ---

# The words that make a named party the agent of a figure ("by Russian forces", "Israeli strikes"),
# its owner ("Russia's Kursk region") or a speaker, not the side that lost it.
AGENT_BEFORE = re.compile(r"\b(?:by|from|against|to|with|than|in|into|inside|near|across|at|for|alongside|behalf of|help|helping|support|supporting|aid|assist|assisting)\s+(?:the\s+)?"
                          r"(?:(?:southern|northern|eastern|western|central|south|north|east|west|occupied)\s+)?$", re.IGNORECASE)
# The target of an attack named by its country: its people died, not its forces ("300 killed in the attack on Israel").
TARGET_BEFORE = re.compile(r"\b(?:attacks?|assaults?|raids?|strikes?|offensive|incursion|invasion|bombardment|shelling|"
                           r"onslaught)\s+(?:on|against|of)\s+(?:the\s+)?(?:(?:southern|northern|eastern|western)\s+)?$",
                           re.IGNORECASE)
# English has no possessive preposition before a party (Ukrainian "у росіян", Russian "у россиян").
POSSESSOR_BEFORE = re.compile(r"(?!)")
# "by" and a few words of description before a party: "an attack by the militant group Hamas".
# Or the other side's forces of a party, and a party joined to them: "in battles with the forces of the Russian
# Federation and the DPR", "with Russian units and the Wagner Group".
AGENT_BY = re.compile(r"\bby\s+(?:the\s+|an?\s+)?(?:[\w'\u2019-]+\s+){1,3}$|"
                      r"\b(?:against|with|by)\s+(?:the\s+)?(?:armed\s+)?(?:forces|troops|army|units|soldiers|fighters|militias?)\s+"
                      r"of\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,4}?(?:(?:and|or)\s+(?:the\s+)?)?$|"
                      r"\b(?:against|with)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){1,4}?(?:and|or)\s+(?:the\s+)?$|"
                      # the sides of a war named as the war: "the war between Israel and Hamas"
                      r"\b(?:war|conflict|fighting|clashes|battles?)\s+between\s+(?:the\s+)?(?:[\w'\u2019-]+\s+(?:and\s+(?:the\s+)?)?){0,3}$",
                      re.IGNORECASE)
# A country's name after "the forces of" names a party, not where the figure happened.
PARTY_OF = re.compile(r"\b(?:forces|troops|army|units|soldiers|fighters|militias?)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
OWNER_OF = re.compile(
    r"^(?:(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:region|oblast|province|border|city|territory|capital|commander|commander-in-chief|"
    r"president|military(?=\s+(?:said|says|say|told|tells|claimed|claims|reported|reports|announced|stated|estimated|estimates|spokes\w+|officials?|sources?))|general staff|defen[cs]e|ministry|army chief|intelligence|spokes\w+|officials?|government|"
    r"authorities|leader|governor|mayor|prime minister|foreign|health)|"
    r"\s+(?:regional\s+)?(?:governor|officials?|authorities|president|prime minister|spokes\w+|state media|media|"
    r"ministry|defen[cs]e ministry|health ministry|emergency service|air force|navy|general staff|commander|commanders|"
    r"prosecutors?|police|mayor|leader|leadership|government|intelligence|embassy|foreign ministry))\b",
    re.IGNORECASE,
)
POSSESSIVE_PRONOUN = re.compile(r"\b(?:its|their|our|his|her)\s+(?:own\s+)?$", re.IGNORECASE)
# The speaker's own forces as the subject of a verb of loss: "his force lost more than 20,000 fighters".
OWN_FORCES_SUBJECT = re.compile(r"\b(?:its|their|our|his|her)\s+(?:own\s+)?(?:forces?|troops|army|men|fighters|units?|soldiers|"
                                r"military|mercenaries)\s+(?:(?:has|have|had)\s+)?(?:lost|suffered|sustained)\s+"
                                r"(?:(?:more|less|fewer|over|under|about|around|nearly|almost|some|up|than|to)\s+){0,2}$",
                                re.IGNORECASE)
AGENT_AFTER = re.compile(
    # a side in the name of a war is no victim: "the Israel-Hamas war"
    r"^(?:[-\u2013][\w'\u2019]+)?\s+(?:war|conflict)\b|"
    r"^(?:'s)?\s+(?:forces\s+|troops\s+|army\s+|military\s+)?(?:air\s*strikes?|strikes?|attacks?|shelling|missiles?|drones?|"
    r"bombardment|bombing|raids?|fire|offensive|assault|artillery|barrage|airstrike|air raids?|invasion|"
    r"full-scale invasion|aggression|occupation|incursion|blockade|siege)\b|"
    # the party that reports or revises the count: "Israel revises down the toll", "Ukraine said on Monday"
    r"^\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?(?:said|says|say|revised|revises|revise|reported|reports|announced|announces|"
    r"estimated|estimates|claimed|claims|confirmed|confirms|updated|updates|lowered|lowers|raised|raises|puts|put|"
    r"acknowledged|acknowledges|declared|declares|stated|states)\b(?!\s+(?:that\s+)?(?:it|they|its|their)\b)",  # not "said it lost"
    re.IGNORECASE,
)
ACTIVE_VERB = re.compile(
    r"\b(?:killed|kill|kills|destroyed|destroys|shot down|downed|captured|captures|eliminated|eliminates|"
    r"liquidated|neutrali[sz]ed|wounded|injured|struck|hit|took out|wiped out)\b",
    re.IGNORECASE,
)
PASSIVE = re.compile(r"\b(?:were|was|been|being|are|is|got)\s+(?:\w+\s+)?$", re.IGNORECASE)

# --- places (tollbook.extract.places) ---

# A small town is a figure's place only after a locative; a country that speaks ("Britain says") is not a place.
# A people's side as a place: "on the Syrian side of the frontier" (the demonym's country).
SIDE_AFTER = re.compile(r"\s+side\b", re.IGNORECASE)
LOCATIVE = re.compile(
    r"\b(?:in|near|across|around|at|inside|outside|throughout|into|over|from|on|of|to|toward|towards|within|along|"
    r"for|the)\s+(?:the\s+)?(?:(?:southern|northern|eastern|western|central|occupied|border|frontline|front-line|"
    r"south|north|east|west)\s+)?$",
    re.IGNORECASE,
)
SPEAKS_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:\w+\s+)?(?:says|said|estimates|estimated|claims|claimed|believes|reports|reported|announced|"
    r"spy agency|intelligence|officials?|government|ministry|military|defence|defense|embassy)\b", re.IGNORECASE)

# --- shares of an earlier figure (tollbook.extract.derive) ---

DEPLOYED_NP = re.compile(r"\b(?:sent|deployed|dispatched|stationed|committed|contingent|force|deployment|arrived)\b", re.IGNORECASE)
DEMONSTRATIVE = {"these", "them", "those", "this number", "this figure", "that number", "that figure", "the total"}

# --- measures (tollbook.extract.measures) ---

# Verbs of weapons used, not weapons lost: "two missiles struck the centre".
ATTACK_VERBS = {"struck", "hit", "hits", "strike", "launched", "fired", "attacked", "targeted", "slammed", "shelled",
                "bombed", "bombarded"}

# --- around a figure (tollbook.extract.numbers) ---

# What a figure must not be next to (ages, distances, money, times), the words of ranges and changes,
# and the anaphors and partitives that tie a share to its base ("a third of them", "of the 11,000 sent").
# A list of ages sharing one word of years after its last item ("children aged 2, 17 and 14 years"): no item
# is a count.
AGE_LIST_AFTER = re.compile(r"(?:\s*,\s*\d{1,3})*\s*(?:,|and|&)\s*\d{1,3}\s*(?:years?\b|-years?\b|yrs\b)", re.IGNORECASE)
AFTER_NOT_A_COUNT = re.compile(
    r"^(?:-?\s*(?:year|yr|month|week|day|hour|minute|second|min|sec)s?(?:-old|\s+old)?\b|(?:st|nd|rd|th)\b|"
    r"\s*(?:%|per\s*cent|percent)|\s*(?:km|kilomet(?:re|er)s?|miles?|metres?|meters?|mi|ft|feet|sq|square|hectares?|acres?|kg|kilograms?|tonnes?|tons?|mm|cm|degrees?|°|km/h|mph)\b|"
    r"\s*(?:dollars?|euros?|pounds? sterling|rubles?|roubles?|hryvnias?|hryvnia|shekels?|yuan|won|usd|eur|gbp|uah|rub)\b|"
    r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt|utc|:\d))",
    re.IGNORECASE,
)
COUNT_NOUN_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}(?:soldiers|troops|people|civilians|personnel|fighters|tanks|drones)\b")
OF_DETERMINER_AFTER = re.compile(r"\s*of\s+(?:the|these|those|them|its|their)\b")
AND_OR = re.compile(r"\s(?:and|or)\s")
BETWEEN_SPLIT = re.compile(r"(.+?)\s+and\s+(.+)")
CHANGE_VERB = re.compile(
    r"\b(?:rose|risen|rising|increased|climbed|jumped|grew|fell|dropped|declined|went up|revised|raised|lowered|"
    r"updated|corrected|cut)\s+$", re.IGNORECASE)
SCALE_END = re.compile(r"\s*(thousand|million|billion)$", re.IGNORECASE)
SCALE_WORD = re.compile(r"(thousand|million|billion)", re.IGNORECASE)
OR_MORE_AFTER = re.compile(r"\s*(?:or more|plus)\b", re.IGNORECASE)
STRONG_AFTER = re.compile(r"[-\u2010]strong", re.IGNORECASE)
ANAPHOR_WORDS = r"(these|them|those|this number|this figure|the total|that number|that figure)"
LEAD_OF = re.compile(rf"\b(?:of|among)\s+{ANAPHOR_WORDS}\s*,?\s*(?:[a-z]+\s+){{0,2}}$", re.IGNORECASE)
ANAPHOR_NP = re.compile(
    r"\s+of\s+(those\s+(?:sent|deployed|dispatched|stationed|mobilised|mobilized|committed|killed|wounded|injured|"
    r"missing|captured)\b|"
    r"(?:them|these|those|whom)\b(?!\s+(?:soldiers|troops|men|people|casualties|losses)\b)|(?:the|these|those|its|their|all|his|her)\b"
    r"(?:\s+(?!(?:since|in|on|at|by|from|with|to|who|that|which|were|was|are|is|have|has|had|and|or|but)\b)[\w'-]+){0,5})",
    re.IGNORECASE,
)
# A share's own count of its base in brackets: "half of the missing crew (6 out of 12)" is half of 12.
PAREN_SHARE = re.compile(r"\s*\(\s*[\d][\d,.\s]*\s+(?:out\s+)?of\s+(?=\d)", re.IGNORECASE)
BASE_GAP = re.compile(r"\s+of\s+(?:the\s+|an?\s+|some\s+|these\s+|those\s+|its\s+|their\s+)?(?:[\w'-]+\s+){0,3}?", re.IGNORECASE)
