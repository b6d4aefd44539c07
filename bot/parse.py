"""From the words partners type to a command: what kind of answer, about what, where, and when.

Every word is accounted for. A word is either part of a name the data knows (an indicator, a place, a
priority, a synonym from ``data/synonyms.csv``), a cue for the kind of question ("rank", "highest",
"going down", "wards"), a period, or an ordinary word that carries no meaning of its own ("what", "the",
"how many"). Anything else is *not understood*, and the command says so: the answerer refuses rather than
answer a broader question while ignoring the word.

Words are compared by their form, not their spelling: lower case, US spellings and partners' words
rewritten by the word synonyms (offenses -> offences, cars -> vehicle), then stemmed (Snowball), so
plurals and verb forms meet their names (thefts, vehicles, burglaries). A misspelling is corrected only
when the word is not an ordinary English word ('over' is never Dover, 'highest' never High Street) and one
name is clearly the closest.

The word lists (cue phrases, ordinary words, rewrites, ``normalise``) are in bot/words.py; the names the data
knows, by the forms of their words, in bot/vocabulary.py; this module reads a question with them. The passes that
read a long message again without its asides, examples, contrasts and corrections are in bot/passes.py.

>>> vocab = Vocabulary.from_rows([("indicator", "shoplifting", "Shoplifting", "shop theft", None),
...                               ("area", "maidstone", "Maidstone", "", "district")])
>>> c = parse("shoplifitng maidstone 2012-13", vocab)
>>> (c.kind, c.indicator, c.area, c.period, c.corrections)
('figure', 'shoplifting', 'maidstone', '2012/13', [('shoplifitng', 'Shoplifting')])
>>> parse("gun crime 2012/13", vocab).unknown
['gun crime']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .vocabulary import Vocabulary
from .words import (
    ASKER,
    CRIME_FORMS,
    CUES,
    FILLER,
    FUNCTION_WORDS,
    GENERIC_NAMES,
    LINKING,
    MONTH_WORD,
    MONTHS,
    NUMBER_WORDS,
    QUALIFIERS,
    RELATIVE,
    SPLIT,
    SPLIT_MARKERS,
    STOP_INSIDE,
    TOTALS,
    WEAK_FILLER,
    WEAK_FORMS,
    normalise,
    ordinary_word,
    round_in_words,
)

__all__ = ["CUES", "Command", "Vocabulary", "extract_period", "normalise", "ordinary_word", "parse"]


@dataclass
class Command:
    text: str
    kind: str = "figure"
    indicator: str | None = None
    area: str | None = None
    period: str | None = None
    relative: int | None = None  # 0 = latest, -1 = the year before the latest
    against: str | None = None   # a second period asked beside the first ("2011/12 vs 2012/13")
    listed: list[str] = field(default_factory=list)  # three or more periods named ("2004, 2007 and 2010"), in order
    ytd: bool = False            # "year to date": from April to the latest month
    generic_only: bool = False   # the subject came only from a generic word ("crime")
    negated: bool = False        # "not", "except": a question about what is left out
    changes: str | None = None   # "rises" | "falls": a superlative over changes ("the smallest fall")
    why: bool = False            # "why", "what causes": a question about causes, not figures
    opinion: bool = False        # "what do you think", "should we": a question of opinion, not figures
    future: bool = False         # "next year": a question about the future
    latest: str | None = None    # "month" | "quarter": "this month", "last quarter"
    related_tried: bool = False  # an answer already stood in a related figure for the one asked
    within: list[tuple[str, str]] = field(default_factory=list)  # (narrower word, the indicator it is within)
    crime_word: bool = False     # "crime", "offences": the question asks about crimes
    rate_base: str | None = None  # "per 1,000 households": the denominator asked for
    per_thousand: bool = False    # "per 1,000" written out
    priority: str | None = None
    group: str | None = None  # a priority's group said only as who asks ('asb group again. ...'), named in the answer
    corrections: list[tuple[str, str]] = field(default_factory=list)
    context: list[str] = field(default_factory=list)  # clauses about the asker, left aside ("- station mgr")
    # questions after the one read that the same answer must show ("is that good or bad among the districts?"):
    # (as typed, what the answer must show: 'rank', 'change', 'count', 'limits', 'period:<id>', 'area:<id>')
    follow_ups: list[tuple[str, list[str]]] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    error: str | None = None
    # what else the words said
    measure: str | None = None          # "rate" | "percent": the measure asked for
    extreme: str | None = None          # "high" | "low": a superlative over areas or wards
    scope: str | None = None            # "wards" | "districts": where a superlative looks
    several: int | None = None          # "the top 3 wards": how many of the highest were asked for
    direction: bool = False             # "is it going up or down"
    since: str | None = None            # "since 2008": a trend from this period
    baseline: bool = False              # "the baseline"
    table: str | None = None            # "table 3.1": a source table by its section, whole; "*": "all categories"
    section: str | None = None          # "section 5.6 pedestrian ksi": where the figure is, checked against its source
    places: list[tuple[str, str | None]] = field(default_factory=list)  # places named that the data lacks
    choices: list[tuple[str, str]] = field(default_factory=list)        # (label, question): did you mean
    cues: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)                      # every area named
    indicators: list[str] = field(default_factory=list)                 # every indicator named
    generic: list[str] = field(default_factory=list)  # indicators named only by a generic word ("crime")
    hits: list[tuple[list[str], set[str], bool]] = field(default_factory=list)  # (indicators, words, generic)
    extra_words: list[str] = field(default_factory=list)  # forms of place words and '%' that may name a variant
    place_words: set[str] = field(default_factory=set)  # of those, the place words: a variant's name holds them
    area_is_ward: bool = False
    family: list[str] = field(default_factory=list)  # indicators of one family answered together
    spelt: list[tuple[str, str]] = field(default_factory=list)  # (typed, the name's words): fuzzy corrections
    read_as: list[tuple[str, str]] = field(default_factory=list)  # (typed, area): a place named by another name
    both: bool = False  # two subjects joined by 'and' ("accidental fires and deliberate fires"): answer each
    statement: str | None = None  # a fact the text states in words ("who chairs the smp")
    splits: list[str] = field(default_factory=list)  # "by age group", "by gender": a breakdown asked for
    claims: list = field(default_factory=list)  # Claims: figures quoted to be checked ("is it right it fell 20%")
    excluded: list[str] = field(default_factory=list)  # "other than shoplifting": categories left out of a list
    excluded_areas: list[str] = field(default_factory=list)  # "high street aside": places left out of a list
    excluded_said: str | None = None  # the words that named what is left out, as typed
    set_aside: list[tuple[str, list[str]]] = field(default_factory=list)  # ("not broken into", the figures it names)
    instead: list[str] = field(default_factory=list)  # "not the vap bit, the overall figure": what was not wanted
    examples: list[str] = field(default_factory=list)  # "rowdy groups, that type of thing": examples of the subject




# "is that right", "can you confirm": the figures quoted with it are to be checked, not words to match
APPROXIMATE = r"(?:about|around|roughly|approximately|approx|nearly|almost|circa|some|something like)"
CHALLENGE = re.compile(r"\b(?:is|was|are) (?:that|it|this|these|those) (?:right|correct|true|accurate)\b|"
                       # a place in the table asked about: "are we still 10th in the county for drugs"
                       r"\b(?:are|were) we (?:still |really |actually |now )?(?=\d{1,2}(?:st|nd|rd|th)\b)|"
                       # a rank guessed: "was it 11th?", "when we were 6th in the county"
                       r"\b(?:was it|is it|when we were|we were)(?= (?:about |around )?\d{1,2}(?:st|nd|rd|th)\b)|"
                       r"\b(?:can|could|would) you (?:please )?(?:confirm|check)(?: that)?\b|\b(?:is it true|i heard|someone said|i was told|"
                       r"apparently)(?: that)?\b|\b(?:right|correct|true)\s*$|"
                       # a guess at the figure, to be checked: "is it about 4,000", "something like 3,000",
                       # "i think it was a bit under ten percent" (said "is it under 10 percent" by normalise)
                       rf"\b(?:is|was) it (?=(?:a bit |just |slightly )?(?:{APPROXIMATE} |over |under |more than |less than |"
                       r"something like )?[-+]?\d)|\b(?=something like\s+[-+]?\d)|"
                       # a figure the document prints, questioned: "table 3.1 prints 1.277, whats the actual count"
                       r"\b(?:prints?|printed|says?|said|gives?|shows?|states?|has|reads?)\b(?=(?:\s+[a-z&]+){0,4}?\s+"
                       r"(?:as\s+|of\s+|down to\s+|up to\s+)?[-+]?\d)|\b(?:correct|actual|real|right) (?:figure|count|"
                       r"number|total|value|rate)\b|\bcan ?t be right\b|\b(?:looks?|seems?) wrong\b|\btypo\b|\bmisprint")
# words that only frame a figure quoted ("the table has -225% which cant be right"), dropped with the challenge
CLAIM_WORDS = frozenset("""prints print printed says say said gives give given shows show states stated has have had
reads read table doc document report paper key facts total row correct actual real figure count number cant can t
right wrong looks look seems seem like typo misprint but which be as that this it says pls please whats what is the
then so thing""".split())
# a number quoted (not a name's: 'ksi 65+', '17-24', 'aged 65 and over', 'under 16s'; not a length of time)
CLAIMED = re.compile(r"(?<![\w/.])(?<!\d-)(?<!aged )(?<!aged under )(?<!\d to )(?<!aged over )([-+]?\d+(?:p\d+)?)"
                     r"(k\b|m\b|mn\b|bn\b|\s*million\b|\s*billion\b)?"
                     r"(?:\s*(%|per ?cent|percent)|(st|nd|rd|th))?"
                     r"(?![\w/+])(?!-\d)(?! to \d)(?! and (?:over|under))(?!\s+(?:months?|years?|weeks?|days?|year olds?)\b)")
BOUNDS = {"over": ">", "more than": ">", "above": ">", "at least": ">=", "under": "<", "less than": "<",
          "below": "<", "fewer than": "<", "at most": "<="}


@dataclass
class Claim:
    """A figure quoted to be checked: '-20%', '911', '4th'; how it was qualified ('~' about, '>' over, '<' under,
    '' exactly); and the words before it (since the figure before), which may name its place ('high street 342')."""
    figure: str
    qualifier: str = ""
    before: str = ""


def _claims(command: Command, rest: str, vocab: Vocabulary | None = None) -> str:
    """Figures quoted to be checked ("asb wards 911 342 333 is that right", "is it right it fell 20%"): kept in
    ``claims`` (the answer says whether its figures agree) and taken out of the words to match. Only with a
    challenge; a number on its own is not understood."""
    challenge = CHALLENGE.search(rest)
    if not challenge:
        return rest
    rest = (rest[:challenge.start()] + " " + rest[challenge.end():]).strip()
    again = CHALLENGE.search(rest)  # said twice: 'i was told asb went down by about 1,000, is that right?'
    if again and not re.search(r"\b(?:prints?|printed|says?|said|gives?|shows?|states?|has|reads?)\b", again.group(0)):
        rest = (rest[:again.start()] + " " + rest[again.end():]).strip()
    printed = re.search(r"\b(?:prints?|printed|says?|gives?|shows?|states?|has|reads?|correct|actual|typo|misprint|"
                        r"wrong|can ?t be right)\b", f"{rest} {challenge.group(0)}")
    last, spans = 0, []
    for match in CLAIMED.finditer(rest):
        number, before = match.group(1), rest[last:match.start()]
        named = re.search(r"\b(under|over|aged)\s+$", before)
        if named and vocab is not None and any(f"{named.group(1)} {number}" in p for p in vocab.phrases):
            continue  # 'ksi under 16': part of a name, not a figure quoted
        said = re.search(r"\b(fell|fallen|fall|falls|down|dropped|drop|decreased?|reduced|reduction|rose|risen|rise|"
                         rf"rises|up|increased?|grew)\s+(?:by\s+)?(?:{APPROXIMATE} |over |under |more than |less than )?$",
                         before)
        if said and number[0] not in "+-":  # "it fell 20%": a change of -20%
            number = ("+" if said.group(1) in ("rose", "risen", "rise", "rises", "up", "increase", "increased", "grew")
                      else "-") + number
        bound = re.search(r"(?<!and )\b(" + "|".join(BOUNDS) + r")\s+$", before)  # not '65 and over'
        approximate = re.search(rf"\b{APPROXIMATE}\s+$", before)
        qualifier = BOUNDS[bound.group(1)] if bound else "~" if approximate else ""
        said_with = bound or approximate  # the qualifier goes with the figure, out of the words to match
        number = number.replace("p", ".")
        if match.group(2):  # "4.3k": thousands; "£75m", "75 million": millions
            scale = {"k": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6}.get(match.group(2).strip(), 1e9)
            number = f"{float(number) * scale:.0f}"
        command.claims.append(Claim(number + ("%" if match.group(3) else match.group(4) or ""), qualifier, before))
        spans.append((last + said_with.start() if said_with else match.start(), match.end()))
        last = match.end()
    for start, end in reversed(spans):
        rest = rest[:start] + " " + rest[end:]
    if printed:  # what the document prints, questioned: the words that say so frame the figure, they are not asked
        rest = re.sub(r"\b\d+\s+(?:months?|weeks?|days?)\b", " ", rest)  # "looks like 13 months"
        rest = " ".join(w for w in rest.split() if w not in CLAIM_WORDS or w in ("is", "the", "what"))
    return re.sub(r"\s+", " ", rest).strip()


EXCEPT = re.compile(r"\b(?:other than|except(?: for)?|apart from|excluding|but not|leaving out|not counting|setting aside|"
                    r"putting aside|discounting)\s+(?:the\s+)?([a-z][a-z &-]*?)"
                    r"(?=\s+(?:what|which|whats|how|where|is|are|did|has|have|in|for|rank|ranks|ranking|rankings|moves|went|rose|"
                    r"fell|gets?|got|had|has)\b|\s*$)")
# 'high street aside, which ward has the most asb', 'burglary aside - our rank for robbery': X left out
SET_ASIDE = re.compile(r"(?:^|(?<=\s))((?:[a-z&-]+\s+){0,2}[a-z&-]+)\s+aside\b")


def _excluded(command: Command, rest: str, vocab: Vocabulary) -> str:
    """"other than shoplifting, what went up", "everything except asb - rank moves", "high street aside, which
    ward has the most asb": a crime category left out of a list of categories (``excluded``), or a place left out
    of a list of places (``excluded_areas``), when the words are one's name; refused for any other kind of
    answer, unless what is left out is no part of what is asked ('burglary aside - our rank for robbery')."""
    for pattern in (EXCEPT, SET_ASIDE):
        match = pattern.search(rest)
        if not match:
            continue
        words = match.group(1).split()
        for n in range(len(words), 0, -1):  # the longest name said last: 'the high street', 'burglaries'
            phrase = " ".join(words[-n:]) if pattern is SET_ASIDE else " ".join(words[:n])
            entries = vocab.forms.get(vocab.form(phrase)) or vocab.phrases.get(phrase) or []
            indicators = [ident for kind, ident in entries if kind == "indicator"]
            areas = [ident for kind, ident in entries if kind == "area"]
            if len(indicators) + len(areas) != 1:
                continue
            command.excluded, command.excluded_areas, command.excluded_said = indicators, areas, phrase
            if pattern is SET_ASIDE:
                start, end = match.start(1) + len(" ".join(words[:-n])), match.end()
                if set(words[:-n]) <= {"leaving", "putting", "setting", "leave", "put", "set", "with"}:
                    start = match.start(1)  # 'leaving sevenoaks aside': the words that say so go too
            else:
                start, end = match.start(), match.start(1) + len(" ".join(words[:n]))
            rest = rest[:start] + " " + rest[end:]
            return re.sub(r"\b(?:everything|every category|all categories)\b", " ", rest)
    return rest


def _joined(clean: str, vocab: Vocabulary) -> str:
    """Words dictation splits ("maid stone", "shop lifting") or spells out ("s m p") joined when together they are
    a word of the vocabulary's names and apart they are not one of its phrases."""
    words = clean.split()
    known = vocab.joinable
    out: list[str] = []
    i = 0
    while i < len(words):
        letters = i
        while letters < len(words) and len(words[letters]) == 1 and words[letters].isalpha():
            letters += 1
        if letters - i >= 2 and "".join(words[i:letters]) in known:  # 's m p'
            out.append("".join(words[i:letters]))
            i = letters
            continue
        if i + 1 < len(words) and words[i].isalpha() and words[i + 1].isalpha() and \
                words[i] + words[i + 1] in known and f"{words[i]} {words[i + 1]}" not in vocab.phrases \
                and words[i] not in known and words[i] not in FILLER and len(words[i]) > 1:
            out.append(words[i] + words[i + 1])
            i += 2
            continue
        out.append(words[i])
        i += 1
    return " ".join(out)


def _shared_last_word(clean: str, vocab: Vocabulary) -> str:
    """Two or more names sharing their last word, said once: "accidental and deliberate fires", "car or bike theft",
    "shoplifting or car or bike theft" (each word before the shared one that makes a name with it)."""
    words = clean.split()
    joins = {"and", "or", "v", "vs", "versus", "&"}
    for i in range(len(words) - 2, 0, -1):
        if words[i] not in joins:
            continue
        last = words[i + 2] if i + 2 < len(words) else None
        first, second = words[i - 1], words[i + 1]
        if last and f"{first} {last}" in vocab.phrases and f"{second} {last}" in vocab.phrases \
                and f"{first} {second} {last}" not in vocab.phrases:
            words[i - 1] = f"{first} {last}"
            # the same word shared further back: "a or b or c theft"
            j = i - 2
            while j > 0 and words[j] in joins and f"{words[j - 1]} {last}" in vocab.phrases:
                words[j - 1] = f"{words[j - 1]} {last}"
                j -= 2
    return " ".join(words)


def _period_order(period: str) -> str:
    """Sort key: a period's first year and month, from its id ('2012/13 Q2' -> '2012-07')."""
    quarter = re.match(r"^(\d{4})/\d{2} Q([1-4])$", period)
    if quarter:
        month = (int(quarter[2]) - 1) * 3 + 4
        return f"{int(quarter[1]) + (month > 12)}-{(month - 1) % 12 + 1:02d}"
    if re.match(r"^\d{4}/\d{2}$", period):
        return f"{period[:4]}-04"
    return period[:7]


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _fy(start: int) -> str:
    return f"{start}/{str(start + 1)[2:]}"


def extract_period(text: str, period_ids: set[str]) -> tuple[str | None, int | None, str]:
    """Find a period in the text; return (period id, relative offset, the text without it).

    >>> extract_period("asb fy2011/2012", set())[0], extract_period("outcome rate sep 2013", set())[0]
    ('2011/12', '2013-09')
    >>> extract_period("ksi 1994-98", {"1994-1998"})[0], extract_period("crime q4 12/13", set())[0]
    ('1994-1998', '2012/13 Q4')
    """
    patterns = [
        # a span as the bot writes it in its own suggestions: 2013-04/2013-09
        (r"\b(20\d\d)-(0[1-9]|1[0-2])\s*/\s*(20\d\d)-(0[1-9]|1[0-2])\b", "span_id"),
        # spans: apr-dec 2013, april to september 2013, apr 2013 - sep 2013, jan 2013 to mar 2013
        (rf"\b{MONTH_WORD}\s*(20\d\d|\d\d)?\s*(?:-|to|until|till|through|thru)?\s*{MONTH_WORD}\s*(20\d\d|\d\d)\b", "span"),
        # the twelve months to a month: the year to march 2013, 12 months ending june 2013
        (rf"\b(?:the )?(?:financial )?(?:year|12 months|twelve months) (?:to|ending|ended|up to)\s+{MONTH_WORD}\s*(20\d\d|\d\d)\b",
         "year_to"),
        # a day of a month: sept 30 2013, 30 sept 2013 -> the month
        (rf"\b{MONTH_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(20\d\d)\b", "day_month"),
        (rf"(?<![-\d])\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH_WORD}\s+(20\d\d)\b", "day_month_after"),
        # quarters: q2 2013/14, 2013/14 q2, q2 fy13/14; q4 2013 is a calendar quarter (October to December)
        (r"\bq([1-4])\s*(?:of\s*)?(?:fy\s*)?(20\d\d|\d\d)\s*[/-]\s*(20\d\d|\d\d)\b", "quarter"),
        (r"\bq([1-4])\s*(?:of\s*)?(20\d\d)\b", "calendar_quarter"),
        (r"\b(?:fy\s*)?(20\d\d|\d\d)\s*[/-]\s*(20\d\d|\d\d)\s*q([1-4])\b", "quarter_after"),
        (r"\b(first|second|third|fourth|1st|2nd|3rd|4th|last) quarter (?:of )?(?:fy\s*)?(20\d\d|\d\d)\s*[/-]\s*(20\d\d|\d\d)\b",
         "quarter_words"),
        (r"\b(first|second|1st|2nd|h1|h2) half (?:of )?(?:fy\s*)?(20\d\d|\d\d)\s*[/-]\s*(20\d\d|\d\d)\b", "half"),
        (r"\b(h1|h2) (?:of )?(?:fy\s*)?(20\d\d|\d\d)\s*[/-]\s*(20\d\d|\d\d)\b", "half"),
        # "first 2 quarters of 13/14", "q1 and q2 2013/14", "q1-q2 2013/14": the first half (last two: the second)
        (r"\b(first|last) (?:2|two) quarters (?:of )?(?:fy\s*)?(20\d\d|\d\d)\s*[/-]\s*(20\d\d|\d\d)\b", "half"),
        (r"\b(q1)\s*(?:and|&|-|to)\s*q2 (?:of )?(?:fy\s*)?(20\d\d|\d\d)\s*[/-]\s*(20\d\d|\d\d)\b", "half"),
        (r"\b(q3)\s*(?:and|&|-|to)\s*q4 (?:of )?(?:fy\s*)?(20\d\d|\d\d)\s*[/-]\s*(20\d\d|\d\d)\b", "half"),
        # several years: 1994-98, 1994-1998, 2011-2013
        (r"\b((?:19|20)\d\d)\s*(?:-|to)\s*((?:19|20)?\d\d)\b", "years"),
        # financial years: 2012/13, 2012-13, 2012/2013, 12/13, fy2012/13, fy 12-13; 1999/2000
        (r"\b(?:fy\s*)?(19\d\d)\s*/\s*((?:19|20)\d\d|\d\d)\b", "fy"),
        (r"\b(?:fy\s*)?(20\d\d|\d\d)\s*[/-]\s*(20\d\d|\d\d)\b", "fy"),
        # months: 2013-09, sep 2013, september 2013, sep-13
        (r"\b(20\d\d)-(0[1-9]|1[0-2])\b", "iso_month"),
        (rf"\b{MONTH_WORD}\s*[-' ]?\s*(20\d\d|\d\d)\b", "month"),
        (r"\bfy\s*(20\d\d)\b", "fy_single"),
        (r"\b((?:19|20)\d\d)\b", "year"),
    ]
    for pattern, kind in patterns:
        for match in re.finditer(pattern, text):
            g = match.groups()
            period = None
            if kind == "span_id":
                period = f"{g[0]}-{g[1]}/{g[2]}-{g[3]}"
            elif kind == "span":
                year = _year(g[3])
                first = _year(g[1]) if g[1] else year
                a, b = MONTHS[g[0][:3]], MONTHS[g[2][:3]]
                if not g[1] and a > b:
                    first = year - 1  # nov-feb 2013: November 2012 to February 2013
                period = f"{first}-{a:02d}/{year}-{b:02d}"
                if a == 4 and b == 3 and year == first + 1:
                    period = _fy(first)  # apr 12 - mar 13: the financial year 2012/13
                if a in (1, 4, 7, 10) and (b - a) % 12 == 2 and (year == first or a > b):
                    start = first if a >= 4 else first - 1
                    period = f"{_fy(start)} Q{(a - 4) % 12 // 3 + 1}"  # jul-sep 2013 is Q2 2013/14
            elif kind == "year_to":
                year, month = _year(g[1]), MONTHS[g[0][:3]]
                period = (_fy(year - 1) if month == 3 else
                          f"{year - 1}-{month % 12 + 1:02d}/{year}-{month:02d}" if month < 12 else str(year))
            elif kind in ("quarter", "quarter_after"):
                q, first, second = (g[0], g[1], g[2]) if kind == "quarter" else (g[2], g[0], g[1])
                start = _year(first)
                if second and _year(second) != start + 1:
                    continue
                period = f"{_fy(start)} Q{q}"
            elif kind == "quarter_words":
                q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                     "last": 4}[g[0]]
                start = _year(g[1])
                if _year(g[2]) != start + 1:
                    continue
                period = f"{_fy(start)} Q{q}"
            elif kind in ("day_month", "day_month_after"):
                name, year = (g[0], g[2]) if kind == "day_month" else (g[1], g[2])
                period = f"{year}-{MONTHS[name[:3]]:02d}"
            elif kind == "calendar_quarter":
                q, year = int(g[0]), int(g[1])
                period = f"{year}-{3 * q - 2:02d}/{year}-{3 * q:02d}"
                first = year if q > 1 else year - 1  # the same months as a financial quarter, when they are one
                period = f"{_fy(first)} Q{(q + 2) % 4 + 1}"
            elif kind == "half":
                start = _year(g[1])
                if _year(g[2]) != start + 1:
                    continue
                period = (f"{start}-04/{start}-09" if g[0] in ("first", "1st", "h1", "q1")
                          else f"{start}-10/{start + 1}-03")  # April to September; October to March
            elif kind == "years":
                first, last = int(g[0]), int(g[1]) if len(g[1]) == 4 else int(g[0][:2] + g[1])
                if last - first < 2 or last - first > 30:
                    continue  # 2012-13 is a financial year
                candidates = [f"{first}-{last}", f"{first}-01/{last}-12"]
                period = next((p for p in candidates if p in period_ids), None)
                if period is None and str(last) in period_ids and str(first) in period_ids:
                    # "2007 to 2010": two years the data has, not a span it has: the later, against the earlier
                    rest = (text[:match.start()] + f" {first} " + text[match.end():]).strip()
                    return str(last), None, re.sub(r"\s+", " ", rest)
                period = period or candidates[0]
            elif kind == "fy":
                first, second = _year(g[0]), _year(g[1])
                if first >= 1900 and second < 100:  # 1999/00
                    second += first // 100 * 100 + (100 if second < first % 100 else 0)
                if second != first + 1:
                    continue  # 2013-09 is a month, not a year
                period = _fy(first)
            elif kind == "iso_month":
                period = f"{g[0]}-{g[1]}"
            elif kind == "month":
                period = f"{_year(g[1])}-{MONTHS[g[0][:3]]:02d}"
            elif kind == "fy_single":
                period = _fy(int(g[0]))
            elif kind == "year":
                # a bare year: a calendar year if the data has it, else the financial year it starts
                period = g[0] if g[0] in period_ids else _fy(int(g[0]))
            rest = (text[:match.start()] + " " + text[match.end():]).strip()
            # '2011/12 - the year before last': the period named, said again the other way, once
            rest = re.sub(r"\b(?:the )?(?:year before last|the year before last|previous financial year|previous year)\b",
                          " ", rest) if kind in ("fy", "fy_single", "fy_long", "fy_short") else rest
            return period, None, re.sub(r"\s+", " ", rest)
    for phrase, offset in sorted(RELATIVE.items(), key=lambda kv: -len(kv[0])):
        match = re.search(rf"\b{phrase}\b", text)
        if match:
            return None, offset, re.sub(r"\s+", " ", (text[:match.start()] + " " + text[match.end():]).strip())
    return None, None, text


# words that may follow a narrower word and still say it is a crime's: 'business burglaries', 'a shed broken into'
CRIME_SAID = frozenset("reported recorded burglary burglaries burgled break breaks ins broken crime crimes offence offences "
                       "incident incidents theft thefts".split())


def _take(tables: list[tuple[dict, list[tuple]]], max_len: int = 6, yielding: frozenset[int] = frozenset()):
    """Greedy longest-first matching over several tables, each with its own keys for the words (word forms
    for names, the words as typed for cues); yields (table index, key, value, start, end).

    At each position the longest phrase in any table wins; on equal length the earlier table wins. A phrase of a
    ``yielding`` table gives way to a longer one that starts inside it and reaches further ('across kent and
    medway': the place 'kent and medway', not the cue 'across kent'); the words before it are matched on their own.
    Names do not yield: 'seriously injured on roads' is the seriously injured, not 'injured on roads'.
    """
    forms = tables[0][1]

    def longest(i: int, limit: int):
        for n in range(min(limit, len(forms) - i), 0, -1):
            if not forms[i] or not forms[i + n - 1]:
                continue  # a name neither starts nor ends with an article
            for t, (table, keys) in enumerate(tables):
                key = tuple(w for f in keys[i:i + n] for w in f)
                if key and key in table:
                    return t, key, table[key], n
        return None

    i = 0
    while i < len(forms):
        hit, limit = longest(i, max_len), max_len
        while hit is not None and hit[0] in yielding:
            n = hit[3]
            inside = next((j for j in range(i + 1, i + n) if (later := longest(j, max_len)) is not None
                           and later[3] > n and j + later[3] > i + n), None)
            if inside is None:
                break
            limit = inside - i
            hit = longest(i, limit)
        if hit:
            yield hit[0], hit[1], hit[2], i, i + hit[3]
            i += hit[3]
        else:
            i += 1



def parse(text: str, vocab: Vocabulary, _respelt: bool = False, _depth: int = 0) -> Command:
    """Read a question; never raises. Words not understood and misspellings are reported on the command.

    A message that does not read whole at first is read again by each of the passes below, in order, each taking
    out words that do not ask anything (who is asking, what is set against what is asked, a corrected period or
    place, asides after the question, examples of the subject) and keeping the new reading only when it reads
    whole. A pass reads the rest with the passes again (up to two deep: 'cllr here, newly elected - accidental
    fires, the chip pan kind of thing, not the deliberate ones, 2012/13')."""
    signed = None
    if not _respelt and _depth == 0:  # '... thanks, gary', '... kind regards, helen (placement student)': who signs
        text, signed = _without_sign_off(GREETING.sub("", text or "", count=1), vocab)
        # 'sept 2013 crime was 874, looked really high to me. outside the control limits?': the figure checked too
        text = STATED_FIRST.sub(lambda m: f"{m['head']}{m['when'] or ''} {m['figure']} is that right? "
                                + (f"{m['tail'].strip(' ,')}. " if m["tail"].strip(" ,") else ""), text, count=1)
    command = _read(text, vocab, _respelt)
    lower = (text or "").lower().replace("\u2019", "'")
    if not _respelt and _depth < 3 and (command.unknown or command.negated or command.choices or command.against
                                        or len(command.areas) > 1 or command.kind == "priority" or MAY_NEED_PASS.search(lower)):
        from .passes import PASSES  # the passes read with parse(): imported when a question may need one
        for wanted, reread in PASSES:
            if wanted(command, lower):
                command = reread(text, vocab, command, _depth) or command
    command.corrections = [(a, b) for a, b in command.corrections if a.lower() != b.lower()]  # not 'idva' as 'idva'
    if signed:
        command.context.append(signed)
    return command


# words without which no pass of bot/passes.py applies to a question that reads whole (a contrast, an example, the
# asker's group): a question with none of them, every word understood, needs no pass, and the module is not loaded
MAY_NEED_PASS = re.compile(r"\b(?:not|no|never|rather|opposed|instead|aren|weren|isn|wasn|didn|don|doesn|group|groups|grp|forum|"
                           r"sub|subgroup|subgroups|finish|priority|etc|like|such|eg|e\.g)|n't|[(&]")


def _without_sign_off(text: str, vocab: Vocabulary) -> tuple[str, str | None]:
    """A message without the sign-off at its end, and the sign-off ('thanks, gary'), when the name and role signed
    name no place, period or subject (never 'thanks, hastings')."""
    lower = text.lower().replace("\u2019", "'")
    signed = SIGN_OFF.search(lower) if len(lower) == len(text) else None
    if signed is None or not re.search(r"[a-z]", lower[:signed.start()]):
        return text, None
    # the name signed is a person's ('paul whitfield' names no place), unless it is wholly a place or a subject
    # ('thanks, hastings'); a role may name a subject or an organisation's place: 'dan (retail chaplaincy)', 'fiona
    # (alcohol liaison nurse, maidstone and tunbridge wells nhs trust)'; neither may name a period
    name, role = signed.group("name"), signed.group("role")
    if name and (set(name.split()) & (FUNCTION_WORDS | FILLER) or (not re.match(
            r"\s*(?:many thanks|thanks|thank you|cheers|ta|thx)\b", lower[signed.start():].lstrip(".!?,;: \n-"))
            and not re.search(r"[,.!\n-]\s*" + re.escape(name) + r"\b", lower[signed.start():]))):
        return text, None  # 'which ward is the best to live in', '1st being best i assume': no one signs
    if name:
        said = re.sub(r"^(?:cllr|councillor|dr|pc|sgt|insp|prof|mr|mrs|ms|miss|rev|revd|fr)\.? ", "", name)
        alone = read_alone(said, vocab)
        whole = {vocab.names.get(("area", a), "").lower() for a in alone.areas} | {p[0].lower() for p in alone.places}
        if alone.period or alone.since or (len(said.split()) == 1 and (alone.areas or alone.places)) or said in whole \
                or (alone.indicators and not alone.unknown) or alone.priority or alone.statement or alone.choices:
            return text, None
    for said in (role, signed.group("lines")):
        if said and (alone := read_alone(said, vocab)) and (alone.period or alone.since):
            return text, None
    return text[:signed.start()].rstrip(), text[signed.start():].strip(" ,.!-\n")


def _ward_share(command: Command, clean: str, vocab: Vocabulary) -> None:
    """'what share of all maidstone's drug offences happen in high street ward': the ward's figure and its share
    of the home district's, not the two set side by side."""
    if len(command.areas) != 2 or command.kind not in ("compare", "figure") or not re.search(
            r"\b(?:share|proportion|percentage|per ?cent|percent|part|fraction|how much) of (?:all )?(?:of )?(?:the )?"
            r"[a-z]+(?: s|'s)?\b", clean):
        return
    wards = [a for a in command.areas if vocab.area_types.get(a) == "ward"]
    home = [a for a in command.areas if vocab.names[("area", a)] == vocab.partnership_words.get("home")]
    if len(wards) == 1 and len(home) == 1:
        command.areas, command.area, command.area_is_ward, command.kind = wards, wards[0], True, "figure"


def read_alone(text: str, vocab: Vocabulary) -> Command:
    """A clause read on its own: what it names, with no passes and no asker left aside."""
    return _read(text, vocab, True, _alone=True)


# a figure put to be checked after the question, following a dash or comma: 'shoplifting county rank - 10th?',
# 'drugs rank 12/13, still 10th?', 'da incidents per week - is it still about 34?', 'high st drug offences - 49% of the
# borough total?', 'kent & medway crime 12/13 - the force fell by about 3%?', 'sex offences 2012-13, i had 112 down from 129'
QUOTED_LAST = re.compile(
    r"(?:\s+[-\u2013\u2014]+\s+|\s*[\u2013\u2014]\s*|,(?!\d)\s*|\?+\s+)(?:(?:is|was) it |(?:we|it) (?:are|were|was|is) |we re |"
    r"(?:was|were|is) (?=(?:about |around |roughly )?\d))?"
    r"(?P<said>(?:(?:the (?:force|borough|district|county)|it|crime|we) (?:fell|rose|dropped|went (?:up|down)|(?:is|was) "
    r"(?:up|down))|(?:(?:is|was) it (?:really |still |actually )?(?:up|down))|up|down) (?:by )?)?"
    # 'did our rank slip to 9th?', 'did we drop to 10th?': the rank quoted
    r"(?:did (?:our|the|maidstone s|maidstone's) (?:county )?(?:rank|ranking|position) |did we )?(?:(?:slip|fall|drop|rise|"
    r"climb|improve|go up|go down|move|get) to )?(?:(?:really|still|only|just)\s+)*(?P<figure>(?:(?:about|around|roughly|approx|approximately|"
    r"nearly|almost|over|under|c)\s+)?\u00a3?[-+]?\d[\d,.]*(?:%|st|nd|rd|th|k|m|mn|bn| million| billion)?"
    r"(?:(?:\s*,\s*|\s+and\s+|\s*/\s*)\u00a3?[-+]?\d[\d,.]*(?:%|st|nd|rd|th|k|m|mn|bn| million| billion)?){0,4})(?:\s+(?:of (?:the )?(?:borough|district|county|"
    r"kent|maidstone) (?:total|figure)|of (?:the )?(?:total|all of them|them all)|in (?:the county|kent)|overall|"
    r"out of \d+))?(?: (?:a|per|each|in the|all|for the) (?:year|yr)| in (?:total|all))?(?P<last> last (?:year|yr))?"
    r"(?P<think>,?\s+(?:i think|i reckon|i believe|i guess|surely))?"
    r"(?:,?\s+(?:right|yeah|no|(?:wasn ?'?t|isn ?'?t|didn ?'?t|weren ?'?t|aren ?'?t) (?:it|we|they)|innit))?"
    # at the end, or before a second question: 'da incidents 12/13 - 1,788? and the rate per 1000?'
    r"(?:\s*\?+\s*$|\s*\?+\s+(?P<next>(?:and|also|plus|what|whats|how|did|does|do|was|were|is|are|where|which|has|have)\b.*)$|"
    r"(?(think)\s*[.!]*\s*$|(?!x)x)|"
    # 'assault admissions 2012/13? 59 sounds low to me': the figure doubted
    r"\s+(?:sounds?|seems?|looks?|feels?) (?:very |really |quite |a bit |too |rather |awfully )?(?:low|high|wrong|odd|off|"
    r"small|big|a lot|few|many|suspicious)(?: to me| for us| for maidstone)?\s*[.!?]*\s*$)|(?:,|\s[-\u2013\u2014]+)(?!\d)\s*(?P<had>(?:i had|i ve got|i've got|ive got|i have|i make it|my figure is|my notes? say|my notes? says) )"
    r"(?P<own>[-+]?\d[\d,.]*%?(?:,? (?:down|up) from [-+]?\d[\d,.]*%?)?)(?: (?:in|on|from) (?:my|our) (?:notes|sheet|"
    r"spreadsheet|figures|records|papers|briefing))?(?:[,.]?\s*(?:is (?:that|it) right|can (?:u|you) confirm(?: (?:that|it|"
    r"please|pls))?|(?:is that )?correct|right))?\s*\??\s*$")


# a greeting that opens a message: 'Dear crimebot,', 'Hi all -', 'Good morning!', 'Hello there'
GREETING = re.compile(r"^\s*(?:(?:good )?(?:morning|afternoon|evening)|hi|hiya|hello|hey|dear|greetings)(?:\s+(?:all|everyone|team|"
                      r"folks|colleagues|there|both|crimebot|@crimebot|bot|crime bot|sir or madam|sir/madam|sirs))?(?:\s*[,!.:\n]+|\s+[-\u2013\u2014]+)\s*",
                      re.IGNORECASE)
# a sign-off at the end of a message, with the name and role of who signs: 'thanks, gary', 'cheers jim', 'kind regards,
# helen', 'thanks, jess (placement student)'
_SIGN_WORDS = (r"(?:many thanks(?: again)?|thanks (?:so much|very much|a lot|in advance|again)|thank you(?: (?:so much|very much|"
               r"in advance|again))?|thanks|with thanks|cheers|ta|thx|kind regards|best regards|warm regards|regards|best "
               r"wishes|warm wishes|all the best|best|speak soon|much appreciated|yours sincerely|yours faithfully|yours|god bless|blessings|many blessings|"
               r"every blessing|peace)")
SIGN_OFF = re.compile(
    rf"(?:(?:^|[.!?,;:\n]\s*|\s[-\u2013\u2014]\s*|\s(?={_SIGN_WORDS}\b)){_SIGN_WORDS}"
    r"|(?:[.!?\n]\s*)(?=(?:cllr|councillor|dr|pc|sgt|insp|prof|rev|revd|fr)\.? [a-z]))"
    r"(?:\s*[,.!\n-]*\s*(?P<name>(?:(?:cllr|councillor|dr|pc|sgt|insp|prof|mr|mrs|ms|miss|rev|revd|fr)\.? )?[a-z][a-z'-]*"
    r"(?: [a-z][a-z'-]*){0,2}))?\s*(?:\((?P<role>[^()]*)\))?"
    # a role and an organisation on lines of their own: 'oliver quinn\nresearch officer\nmaidstone borough council'
    r"(?P<lines>(?:[ \t]*\n[ \t]*[a-z][^\n.?!()]{0,60}){0,2})\s*[.!]*\s*$")


# a figure stated in a first sentence, then a question about it: 'recorded crime hit 874 in september 2013. is that
# outside the normal range?', 'sept 2013 crime was 874, looked really high to me. outside the control limits?': the
# figure is checked as well as the question answered
STATED_FIRST = re.compile(
    r"^(?P<head>[^.?!\n]*?[a-z][^.?!\n]*?)\b(?:was|were|hit|reached|came to|stood at|totalled|totaled|had|saw) (?P<figure>(?:about |"
    r"around |roughly |nearly |almost |over |under |just over |just under )?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?)"
    r"(?! ?(?:/|-|to)\s*\d)(?!\.?\d)"
    r"(?![\d,.]*\s*(?:months?|years?|weeks?|days?|year olds?|per)\b)(?P<when> in (?:[a-z]+ )?(?:19|20)\d\d(?:/\d\d)?)?"
    r"(?P<tail>[^.?!\d\n-]*)(?:[.,!]\s+|\s+[-\u2013\u2014]+\s+)(?=[^?]*\?)", re.IGNORECASE)


def _quoted_last(raw: str) -> str:
    """A figure said after the question to be checked, put as a question the claim check reads ('is that right')."""
    raw = round_in_words(raw)  # 'was it really over a thousand?'
    raw = re.sub(r"(?<![\w.,])(\d[\d,.]*\d|\d)\s*-?ish\b", r"about \1", raw)  # '4,300ish'
    # 'my notes say 112, down from 129. can u confirm': the figures to check
    raw = re.sub(r"(?<=\d)[.,]?\s*\bcan (?:u|you) (?:confirm|check)(?: (?:that|it|this|please|pls))?\s*\??\s*$", " is that right?", raw)
    if CHALLENGE.search(re.sub(r"[^\w ]", " ", raw)):  # 'i've got 994 in my notes, is that right?': whose figure
        raw = re.sub(r"\b(?:i've got|i ve got|ive got|i have|i had|i make it|my notes say|my notes have)\s+(?=[-+]?\d)", " ", raw)
        raw = re.sub(r"(?<=\d)(%?)\s+(?:in|on|from) (?:my|our) (?:notes|sheet|spreadsheet|records|papers|briefing)\b",
                     r"\1", raw)
    raw = re.sub(r"\b(up|down|rose|fell|risen|fallen|increased|decreased|dropped) (?:by )?(?:about |around |nearly |almost )?"
                 r"(?:a )?half\b", r"\1 by about 50%", raw)  # 'is it really up by half?'
    m = QUOTED_LAST.search(raw)
    if m is None or not re.search(r"[a-z]", raw[:m.start()]) or CHALLENGE.search(re.sub(r"[^\w ]", " ", raw)):
        return raw
    if m.group("had"):
        return f"{raw[:m.start()]} {m.group('own')} is that right"
    after = f"? {m.group('next')}" if m.group("next") else ""  # the question after the figure, asked as well
    # ('was 5th last yr i think': the verdict says whose figure 5th is)
    return f"{raw[:m.start()]} {m.group('said') or ''}{m.group('figure')} is that right{after}"


def _read(text: str, vocab: Vocabulary, _respelt: bool = False, _alone: bool = False) -> Command:
    command = Command(text=text)
    raw = (text or "").lower()
    asker = None if _alone else ASKER.search(raw)
    if asker:  # "- housing team asking", "probation need it for the board": who asks, left aside and said so;
        # "asb, need it for hastings", "burglary - housing team asking about sheds": part of the question
        tail = asker.group(0)
        before = _read(raw[:asker.start()], vocab, True, _alone=True)  # the question must be in what is left
        from .passes import asker_only, asks_something
        if asks_something(before) and asker_only(tail, vocab, bool(before.statement)):
            raw = raw[:asker.start()] + " "
            command.context.append(tail.strip(" -\u2013\u2014,?;:!()").strip())
    raw = re.sub(r"^\s*(\d\.\d{1,2}(?:\.\d{1,2})?)\s+(?=[a-z])", r"section \1 ", raw)  # "3.1 rank movers": a section
    raw = _quoted_last(raw)  # 'shoplifting county rank - 10th?', 'sex offences 2012-13, i had 112 down from 129'
    if CHALLENGE.search(re.sub(r"[^\w ]", " ", raw)):  # a figure quoted to be checked keeps its decimals: 27.7, 6.5%
        raw = re.sub(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,3})\s+(?=gives|says|prints|shows|has|states)", r"section \1 ", raw)
        raw = re.sub(r"(?<!table )(?<!section )(?<!sect )(?<!sec )(?<!appendix )\b(\d+)\.(?=\d)", r"\1p", raw)
    clean = normalise(raw)[:500]
    clean = vocab.rewrite(clean)  # "killed or seriously injured" -> "ksi"
    clean = _joined(clean, vocab)  # "maid stone", "shop lifting", "s m p": one word the data knows, said apart
    # "accidental and deliberate fires": two names sharing their last word, said once
    clean = _shared_last_word(clean, vocab)
    heard = clean  # the whole question in words, before its period and other parts are taken out of ``clean``
    if re.search(r"\bwards?\b", clean):  # "which wards account for over half of asb": the hotspots and their share
        clean = re.sub(r"\b(?:accounts? for|make up|makes up|(?:over|more than) half(?: of)?|half of|(?:the )?majority of)\b",
                       " ", clean)
    several = re.search(r"\b(?:top|worst|highest) (\d+|two|three|four|five)\b|"
                        r"\b(?:which|what|the) (\d+|two|three|four|five) (?:[a-z]+ ){0,3}wards\b", clean)
    if several:
        number = several.group(1) or several.group(2)
        command.several = NUMBER_WORDS.get(number) or int(number)
    clean = re.sub(r"\b(top|bottom|worst|best|highest|lowest) (\d+|three|five|ten)\b", r"\1", clean)
    # "the 5 wards", "the 5 asb wards": how many, said (the subject between stays)
    clean = re.sub(r"\b(which|what|the) (?:\d+|two|three|four|five) ((?:[a-z]+ ){0,3}wards)\b", r"\1 \2", clean)
    if not clean and (text or "").strip():  # only a greeting or the bot's name ('hi', 'good morning crimebot'):
        clean = re.sub(r"[^\w ]", " ", text.lower()).strip()  # not a request for help; refused by its words
    if not clean or clean in ("help", "?", "examples"):
        command.kind = "help"
        return command
    table = re.search(r"\b(?:(?:the )?(?:whole |full )?table\s+(\d{1,2}(?:\s\d{1,2}){0,3})(?!\d|/)|all (?:the )?categories)\b",
                      clean)
    if table:  # "table 3.1 2012/13", "all categories 2012/13": the whole source table
        command.table = ".".join(table.group(1).split()) if table.group(1) else "*"
        clean = (clean[:table.start()] + " " + clean[table.end():]).strip()
    section = re.search(r"\b(?:section|sect|sec)\s*(\d{1,2}(?:\s\d{1,2}){0,3})\b(?!\s*/)", clean)
    if section:
        command.section = ".".join(section.group(1).split())
        clean = (clean[:section.start()] + " " + clean[section.end():]).strip()
    for split in SPLIT.finditer(clean):  # "shoplifting by age group": a breakdown, checked against the figure below
        command.splits.append(split.group(0))
    clean = SPLIT.sub(" ", clean)
    # "2013/14 so far", "fy to sept 2013": the year to date
    clean = re.sub(r"\b(20\d\d\s*/\s*\d\d) so far\b", r"\1 ytd", clean)
    clean = re.sub(r"\b(?:fy|financial year) (?:to|up to|until)\b(?= [a-z]+ (?:20)?\d\d\b)", "ytd", clean)
    ytd = re.search(r"\b(?:f?ytd|(?:financial )?year to date|so far this (?:financial )?year|this (?:financial )?year so far|"
                    r"(?:this )?(?:fy|financial year) so far)\b", clean)
    if ytd:
        command.ytd = True
        clean = (clean[:ytd.start()] + " " + clean[ytd.end():]).strip()
    since = re.search(rf"\bsince\s+((?:{MONTH_WORD}\s*)?(?:19|20)\d\d(?:\s*[/-]\s*\d\d)?)\b", clean)
    if since:
        found, _, _ = extract_period(since.group(1), vocab.period_ids)
        command.since = found
        clean = (clean[:since.start()] + " " + clean[since.end():]).strip()
    command.period, command.relative, rest = extract_period(clean, vocab.period_ids)
    if command.ytd and command.period and re.match(r"^\d{4}$", command.period):
        command.period = f"{command.period}/{str(int(command.period) + 1)[2:]}"  # "ytd 2013": the year from April 2013
    if command.ytd and command.period and re.match(r"^\d{4}-\d{2}$", command.period):
        year, month = int(command.period[:4]), int(command.period[5:7])
        start = year if month >= 4 else year - 1
        command.period = f"{start}-04/{command.period}" if command.period != f"{start}-04" else command.period
    same_last_year = re.search(r"\b(?:the )?(?:same (?:quarter|period)|q([1-4]))\s+(?:of |in )?(?:last year|a year (?:before|"
                               r"earlier|ago)|the year before|the previous year)\b", rest)
    if command.period and same_last_year and re.fullmatch(r"\d{4}/\d\d Q[1-4]", command.period):
        # "q3 2013/14 vs q3 last year": the same quarter of the financial year before
        year, quarter = int(command.period[:4]) - 1, same_last_year.group(1) or command.period[-1]
        earlier = f"{year}/{str(year + 1)[2:]} Q{quarter}"
        if earlier in vocab.period_ids or not vocab.period_ids:
            command.against, command.relative = earlier, None
            rest = (rest[:same_last_year.start()] + " " + rest[same_last_year.end():]).strip()
    if command.period and not command.against:
        second, _, rest2 = extract_period(rest, vocab.period_ids)
        if second and second != command.period:
            command.period, command.against = sorted([command.period, second], key=_period_order)[::-1]
            rest = rest2
            listed = [command.against, command.period]
            while True:  # "2004, 2007 and 2010": every period named, answered as the run of them
                more, _, rest3 = extract_period(rest, vocab.period_ids)
                if not more or more in listed:
                    break
                listed.append(more)
                rest = rest3
            if len(listed) > 2:
                command.listed = sorted(listed, key=_period_order)
                command.since, command.period, command.against = command.listed[0], None, None
        elif second == command.period:
            rest = rest2  # the same period said twice: 'first half of 2013/14 (apr-sep 2013)'

    if command.period or command.since or command.listed:  # 'cautions apr-dec 2013 - how many in that time?',
        # 'asb from 2010/11 onwards - has it been falling the whole time?': the period the question names
        rest = re.sub(r"\b(?:(?:in|over|during|across|throughout) )?(?:that|this|the whole|the same|the entire) (?:time|"
                      r"period|stretch|span|spell)\b|\b(?:all|the whole) (?:the )?time\b", " ", rest)
    rest = _claims(command, rest, vocab)
    rest = _excluded(command, rest, vocab)
    words = rest.split()
    # a bare word's form is the synonym-rewritten stem; keep the typed word for messages
    forms = [() if w in STOP_INSIDE else (vocab.form(w) or (w,)) for w in words]
    for i, w in enumerate(words):  # a plural or possessive abbreviation: 'ksis', 'pnds', 'ftes', 'smps'
        if len(w) <= 6 and w.endswith("s") and forms[i] not in vocab.forms:
            if (w[:-1],) in vocab.forms:
                forms[i] = (w[:-1],)
            elif w[:-1] in vocab.words and vocab.form(w[:-1]):
                forms[i] = vocab.form(w[:-1])
    used = [False] * len(words)
    kinds: list[str] = []
    entity_hits: list[tuple[list, int, int]] = []
    placed: set[int] = set()  # the words of places the data does not cover
    # cues match as typed (after the word synonyms): 'drop me' is not 'dropped', 'v' is 'vs'
    typed = [() if w in STOP_INSIDE else tuple(vocab.words.get(w, w).split()) for w in words]
    for table, key, value, start, end in _take([(vocab.within, forms), (vocab.forms, forms), (vocab.cues, typed),
                                                (vocab.places, forms)], yielding=frozenset({2})):  # cues yield
        table -= 1
        if table < 0:  # 'rape', 'lead theft': counted within a broader figure, never answered as it
            said = " ".join(words[start:end])
            if value[0] != said and value[0].startswith(said) and end < len(words) \
                    and words[end] not in FUNCTION_WORDS | LINKING | CRIME_SAID:
                continue  # 'a business case', 'our business watch': the singular naming another thing ('businesses')
            used[start:end] = [True] * (end - start)
            command.within.append(value)
            continue
        used[start:end] = [True] * (end - start)
        if table == 0:
            exact = vocab.phrases.get(" ".join(w for w in words[start:end] if w not in STOP_INSIDE)) or \
                vocab.phrases.get(" ".join(words[start:end]))
            if exact and sum(k == "indicator" for k, _ in value) > 1:
                value = exact  # word forms join two names; the words as typed name one of them
            elif not exact and sum(k == "indicator" for k, _ in value) > 1:
                value = _closest_spelling(" ".join(words[start:end]), value, vocab)
            if not exact or not any(e[0] == "area" for e in exact):
                value = [e for e in value if e[0] != "area"]  # places match as typed: 'forced' is not 'force'
            if not value:
                used[start:end] = [False] * (end - start)
                continue
            entity_hits.append((value, start, end))
        elif table == 1:
            kinds.append(value)
        else:
            typed = " ".join(w for w in words[start:end] if w not in STOP_INSIDE)
            before = words[start - 1] if start else ""
            kind = vocab.place_types.get(typed)
            ordinary = (end - start == 1 and (kind == "ordinary" or (kind in ("town", "village") and ordinary_word(typed, 4.0)))
                        and before not in ("in", "at", "near", "around"))
            if typed != " ".join(w for w in normalise(value[0]).split() if w not in STOP_INSIDE) or ordinary:
                used[start:end] = [False] * (end - start)  # 'worth' is not Worthing; 'the deal with' is not Deal
                continue
            command.places.append(value)
            placed.update(range(start, end))
    if any(c.figure[-2:] in ("st", "nd", "rd", "th") for c in command.claims) and not {"rank", "priority"} & set(kinds) \
            and len([v for v, _, _ in entity_hits if any(k in ("indicator", "priority") for k, _ in v)]) <= 1:
        kinds.append("rank")  # 'is it right we're 10th in kent for shoplifting': a place in the county's table
    command.cues = kinds
    if "percent" in kinds:
        command.extra_words.append("%")
    if "county" in kinds and not set(kinds) & {"high", "low", "worst", "best"}:  # "rank in kent": a variant
        command.extra_words.extend(f for a, t in vocab.area_types.items() if t == "county" for f in vocab.form(a))
        command.place_words.update(command.extra_words)
    if {"number", "numbers", "many", "count"} & set(words) and not set(words) & {
            "say", "says", "said", "saying", "think", "thinks", "thought", "feel", "feels", "felt", "believe", "believed",
            "reckon", "reckoned", "worried", "bothered", "agree", "agreed", "answered", "told", "rated", "see", "sees",
            "seeing", "saw", "consider", "considers", "considered", "regard", "regards", "view", "views", "find"}:
        # "how many", "number of": a count, not a rate ("how many residents say": the survey's share)
        command.extra_words.append("number")
    for i, word in enumerate(words):
        if used[i]:
            continue
        if forms[i] and all(f in vocab.filler for f in forms[i]) or word in FILLER:
            used[i] = True
    # entities, with ordinary-word wards needing the word "ward" beside them ("east ward", not "the east")
    superlative = bool(set(kinds) & {"high", "low", "worst", "best"})
    command.crime_word = bool(set(words) & {"crime", "crimes", "offence", "offences", "offenders", "offending",
                                            "arrests", "charged", "incidents", "incident", "reports"})
    command.per_thousand = any(w.startswith("per1000") for w in words)
    for entries, start, end in entity_hits:
        areas = [e for e in entries if e[0] == "area"]
        county = all(vocab.area_types.get(i) == "county" for _, i in areas)
        if areas and (not superlative or county):  # "deprivation rank in kent": the place may name a variant
            command.extra_words.extend(f for form in forms[start:end] for f in form)
            command.place_words.update(f for form in forms[start:end] for f in form)
        if areas and len(entries) == len(areas) and end - start == 1 and vocab.area_types.get(areas[0][1]) == "ward":
            beside = {words[j] for j in (start - 1, end) if 0 <= j < len(words)}
            if not beside & {"ward", "wards"} and ordinary_word(words[start]):
                command.unknown.append(words[start])
                command.choices.append((vocab.names[areas[0]] + " ward", None))
                continue
        generic = all(w in FILLER or w in GENERIC_NAMES for w in words[start:end])
        joined = {words[j] for j in (start - 1, end) if 0 <= j < len(words)} & {"and", "or", "vs", "v", "versus", "plus"}
        if generic and joined and len(command.hits) + len(entity_hits) > 1:
            generic = False  # "asb and crime": two subjects, asked back
        _assign(command, entries, generic, {f for form in forms[start:end] for f in form})
        if entries and all(k == "priority" for k, _ in entries) and re.search(r"\bpriorit", " ".join(words[start:end])) \
                and "priority" not in kinds:
            kinds.append("priority")  # 'priority 1 violent crime': the priority asked for by its number
        for _, ident in areas:  # 'town centre' is High Street ward: said with the answer
            name = set(normalise(vocab.names.get(("area", ident), "")).split())
            if len(areas) == 1 and not name & set(words[start:end]):
                command.read_as.append((" ".join(words[start:end]), ident))
    spans = sorted((start, end) for entries, start, end in entity_hits if any(k == "indicator" for k, _ in entries))
    named_count = {j for start, end in spans for j in range(start, end)}
    if "number" in command.extra_words and {"rate", "%", "percent", "percentage"} & set(words) and all(
            j in named_count for j, w in enumerate(words) if w in ("number", "numbers", "many", "count")):
        command.extra_words.remove("number")  # 'claimant count rate': the rate asked; 'count' is in its name
    for (_, end), (start, _) in zip(spans, spans[1:]):  # "accidental fires and deliberate fires": both asked
        between = set(words[end:start])
        if between & {"and", "plus", "v", "vs", "versus"} and all(w in FILLER or w in ("also", "well", "then", "v", "vs", "versus")
                                                              for w in between):
            command.both = True
    # a word that restates the subject ("vandalism perception", "survey", "actual vs predicted") agrees with it
    candidates = {i for idents, _, _ in command.hits for i in idents}
    described = set().union(*(vocab.described.get(i, set()) for i in candidates))
    restating = set()
    for i, word in enumerate(words):
        if not used[i] and forms[i] and all(f in described for f in forms[i]):
            used[i] = True
            restating.update(forms[i])
    # words left over may name a more particular indicator ("% repeat", "what % of da is repeat"); words
    # that restate one of the names found tell two of them apart ("admitted to hospital after an assault")
    pool = {f for i, word in enumerate(words) if not used[i] for f in forms[i]} | restating
    pool |= {f for w, form in zip(words, forms) if w in WEAK_FILLER for f in form}  # 'is reported': a name's word
    named = _resolve_indicators(command, vocab, pool)
    for i, word in enumerate(words):
        if not used[i] and forms[i] and all(f in named for f in forms[i]):
            used[i] = True
    # what is left: a misspelling of a name (tried over a run of words first), or not understood
    i = 0
    while i < len(words):
        if used[i]:
            i += 1
            continue
        j = i
        while j < len(words) and not used[j] and j - i < 3:
            j += 1
        if j - i > 1 and _fuzzy_run(command, words[i:j], vocab):
            i = j
            continue
        _fuzzy(command, words[i], vocab)
        i += 1
    _resolve_indicators(command, vocab)
    if len(command.indicators) == 1:  # 'shops in the town centre': a place's words that are the figure's own name
        own = vocab.named.get(command.indicators[0], set())
        for entries, start, end in entity_hits:
            place = {f for form in forms[start:end] for f in form}
            if entries and all(k == "area" for k, _ in entries) and place <= own:
                command.areas = [a for a in command.areas if a not in {i for _, i in entries}]
    if command.unknown and len(command.indicators) == 1:  # 'upper and lower limits', 'male v female': a sibling
        siblings = _siblings(command.indicators[0], vocab)
        for word in list(command.unknown):
            named = [s for s in siblings if all(f in vocab.named.get(s, set()) for f in vocab.form(word) or (word,))
                     and not all(f in vocab.named.get(command.indicators[0], set()) for f in vocab.form(word) or (word,))]
            if len(named) == 1:
                command.unknown.remove(word)
                command.choices.extend([(None, command.indicators[0])] * (not command.choices) + [(None, named[0])])
    if command.unknown and command.statement and not command.indicators:  # words of the statement itself
        own = vocab.stated.get(command.statement, set())
        command.unknown = [w for w in command.unknown if not all(f in own for f in vocab.form(w) or (w,))]
    if command.unknown and command.indicators:  # a corrected name's own words ('reoffendin rate vs predicted')
        own = vocab.described.get(command.indicators[0], set())
        command.unknown = [w for w in command.unknown if not all(f in own for f in vocab.form(w))]
    for split in command.splits:  # a breakdown: the figure that is one part, the parts to choose from, or not understood
        _split(command, split, vocab)
    if command.unknown and not command.indicators and not command.statement and not command.areas:
        _statement_by_words(command, words, forms, kinds, vocab)
    _settle_kind(command, kinds, vocab.area_types, vocab.partnership_words.get("county", "county"))
    _ward_share(command, clean, vocab)
    _county_as_field(command, vocab)
    if command.table and not command.indicators and not command.choices:
        command.kind = "table"
    if command.kind not in ("priority", "help") and command.indicator:
        # the words of the figure answered, or of a figure named on the way to it ('young people ... first time,
        # and how many reoffended': the first-time entrants' words, answered by their re-offending share)
        own = set().union(vocab.described.get(command.indicator, set()),
                          *(vocab.described.get(i, set()) for idents, _, _ in command.hits for i in idents))
        for entries, start, end in entity_hits:  # 'unemployment in young people': a priority's words, not a figure's
            if entries and all(k == "priority" for k, _ in entries) and not all(
                    f in own for form in forms[start:end] for f in form):
                command.unknown.append(" ".join(words[start:end]))
    # words not understood, or a misspelt word read alone that leaves a choice ('assualts resulting in hospital
    # admission'): read again with the misspellings corrected, so that the words around them join the name
    if (command.unknown or (command.spelt and command.choices)) and not _respelt:
        respelt = _respell(heard, command.unknown, vocab, command.spelt)  # 'da incidnets 2010/11 onwards'
        if respelt:
            fixed, pairs = respelt
            again = parse(fixed, vocab, _respelt=True)
            if len(again.unknown) < len(command.unknown) or (
                    not command.unknown and not again.unknown and not again.choices):
                again.text = text
                again.corrections = pairs + again.corrections
                again.context = command.context + again.context
                return again
    if len(command.unknown) == 1 and not _alone and not kinds and "number" not in command.extra_words and not (
            command.indicators or command.areas or command.period or command.statement or command.places
            or command.choices):
        term = f"glossary_{command.unknown[0].replace(' ', '_')}"  # "whats an idva", "idva = ?": the term alone
        if term in vocab.stated:
            command.statement, command.unknown, command.kind = term, [], "statement"
    soft = {i for i, w in enumerate(words) if i not in placed and w not in FUNCTION_WORDS and (
        w in QUALIFIERS or (forms[i] and all(f in vocab.filler for f in forms[i])) or w in FILLER)}
    command.unknown = _runs(words, command.unknown, soft)
    return command


def _county_as_field(command: Command, vocab: Vocabulary) -> None:
    """'the least deprived kent district on the national imd': over the districts, the county's name says where
    they are; of two names asked back, one that holds the county's name ('deprivation kent') gives way to one
    the question names without it ('national imd')."""
    if command.kind != "top" or command.scope != "districts" or command.indicators:
        return
    asked = [i for label, i in command.choices if label is None and i]
    county = {f for a, t in vocab.area_types.items() if t == "county" for f in vocab.form(a)}
    by_county = {i for idents, words, _ in command.hits if words & county for i in idents}
    rest = [i for i in asked if i not in by_county]
    if len(asked) == len(command.choices) > 1 and len(rest) == 1:
        command.indicators, command.indicator, command.choices = rest, rest[0], []


def _split(command: Command, split: str, vocab: Vocabulary) -> None:
    """'by age group', 'by gender': kept when the figure found is itself one part ('KSI aged 65 and over by age');
    the one part there is ('assault admissions by gender': the male share), or the parts asked back ('ksi by age':
    under 16, 17-24, 65 and over), when the figure found is the whole; otherwise not understood, never dropped."""
    markers = {f for w in SPLIT_MARKERS[SPLIT.match(split).group(1).split()[0]] for f in vocab.form(w)}

    def part(indicator: str) -> bool:  # 'all ages' names the whole, not a part
        named = vocab.named.get(indicator, set())
        return bool(markers & named) and not ({"all"} & named)

    if any(part(i) for i in command.indicators):
        return
    parts = list(dict.fromkeys(s for i in command.indicators for s in _siblings(i, vocab) if part(s)))
    if len(parts) == 1:
        command.indicators = parts
    elif parts:  # the parts side by side (a family), or asked back
        command.indicators, command.choices = list(parts), [(None, p) for p in parts]
    else:
        command.unknown.append(split)


def _statement_by_words(command: Command, words: list[str], forms: list[tuple], kinds: list[str],
                        vocab: Vocabulary) -> None:
    """No name matched as a phrase, but every word is one statement's own ('which organisations sit on the safer
    maidstone partnership': the members): that statement, when exactly one holds them all and two or more of them
    say something."""
    content = {f for w, form in zip(words, forms) if w not in FUNCTION_WORDS for f in form} - vocab.filler
    if len(content) < 2:
        return
    holding = [s for s, own in vocab.stated.items() if content <= own]
    if len(holding) == 1:
        command.statement, command.unknown = holding[0], []
        kinds[:] = [k for k in kinds if k in ("which", "percent")]  # 'sit on' was the statement's, not a rank


def _siblings(indicator: str, vocab: Vocabulary) -> list[str]:
    """The other indicators whose names share this one's part before ': ' (its family), and its own parts
    ('Assault hospital admissions: male' and ': female' are parts of assault admissions)."""
    parts = list(vocab.parts.get(indicator, []))
    head, sep, _ = vocab.names.get(("indicator", indicator), "").partition(": ")
    if not sep:
        return parts
    return parts + [i for (kind, i), name in vocab.names.items()
                    if kind == "indicator" and i != indicator and name.startswith(head + ": ") and i not in parts]


def _closest_spelling(typed: str, entries: list, vocab: Vocabulary) -> list:
    """Of several names sharing a word form, the one spelt most like the words typed ('unemployement' is
    'unemployment', not 'unemployed'), when one is clearly closest; else all of them."""
    best: dict[tuple, float] = {}
    for phrase, found in vocab.phrases.items():
        for entry in found:
            if entry in entries:
                best[entry] = max(best.get(entry, 0), fuzz.ratio(typed, phrase))
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] >= ranked[1][1] + 3:
        return [ranked[0][0]] + [e for e in entries if e[0] != "indicator"]
    return entries


def _respell(clean: str, unknown: list[str], vocab: Vocabulary, spelt: list[tuple[str, str]] = ()):
    """Misspelt words inside names ('violant crime', 'drugs ofences', 'unemployement'): each word not
    understood that is not an ordinary English word, corrected to the one word of the vocabulary it is
    clearly closest to; and the words already read as a misspelt name, written as that name, so the words
    after it may join a longer one ('vilence against the person'). Returns (the corrected text,
    [(typed, corrected)]) or None."""
    pairs = [(typed, right) for typed, right in spelt if " " not in typed]
    for word in unknown:
        if " " in word or len(word) < 4 or not word.isalpha() or ordinary_word(word, 2.5):
            continue
        matches = process.extract(word, [w for w in vocab.lexicon if w[0] == word[0]], scorer=fuzz.ratio, limit=3)
        if matches and len(matches) > 1 and matches[1][1] > matches[0][1] - 5:
            # 'chnages': one letter pair swapped is closer than two letters changed ('changes', not 'charges')
            near = [m for m in matches if OSA.distance(word, m[0]) == 1]
            matches = near if len(near) == 1 and near[0][1] >= 80 else matches
        if not matches or matches[0][1] < 80 or (len(matches) > 1 and matches[1][1] > matches[0][1] - 5):
            continue
        pairs.append((word, matches[0][0]))
    if not pairs:
        return None
    for word, right in pairs:
        clean = re.sub(rf"\b{re.escape(word)}\b", right, clean)
    return clean, pairs


def _runs(words: list[str], unknown: list[str], soft: set[int] = frozenset()) -> list[str]:
    """Words not understood, joined where they stand together ('drink driving', 'stop and search'), with
    the generic noun after them ('hate crime') and the content word before them that means nothing on its
    own here ('county lines', 'rough sleeping', 'police officers': soft, the indices of such words)."""
    generic = {"crime", "crimes", "offences", "offence", "incidents", "figures"}
    if len(unknown) == 1:
        i = next((k for k, w in enumerate(words) if w == unknown[0]), None)
        if i is not None and i + 1 < len(words) and words[i + 1] in generic:
            return [_after_soft(words, f"{unknown[0]} {words[i + 1]}", soft)]
    if len(unknown) < 2:
        return _with_subject(words, [_after_soft(words, run, soft) for run in unknown])
    left, runs, current = list(unknown), [], []
    for word in words:
        if left and word == left[0]:
            current.append(left.pop(0))
        elif current and word in FILLER and left and word != left[0]:
            current.append(word)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    out = []
    for run in runs:
        while run and run[-1] in FILLER and run[-1] not in unknown:
            run.pop()
        out.append(_after_soft(words, " ".join(run), soft))
    return _with_subject(words, out + left)


def _after_soft(words: list[str], run: str, soft: set[int]) -> str:
    """A run with the soft word just before it, if there is one: 'lines' -> 'county lines'."""
    first = run.split()[0] if run else ""
    i = next((k for k, w in enumerate(words) if w == first), None)
    if i is not None and i - 1 in soft:
        return f"{words[i - 1]} {run}"
    return run


def _with_subject(words: list[str], runs: list[str]) -> list[str]:
    """A run joined to the word before it by 'with' or 'without' is named with it: 'violence with injury'."""
    out = []
    for run in runs:
        first = run.split()[0]
        i = next((k for k, w in enumerate(words) if w == first), None)
        if i is not None and i >= 2 and words[i - 1] in ("with", "without") and words[i - 2] not in FILLER:
            run = f"{words[i - 2]} {words[i - 1]} {run}"
        out.append(run)
    return out


def _assign(command: Command, entries: list[tuple[str, str]], generic: bool = False,
            words: set[str] | None = None) -> None:
    indicators = [ident for kind, ident in entries if kind == "indicator"]
    if indicators:
        command.hits.append((indicators, set(words or ()), generic))
    for kind, ident in entries:
        if kind == "area" and ident not in command.areas:
            command.areas.append(ident)
        if kind == "priority" and not command.priority:
            command.priority = ident
        if kind == "statement" and not command.statement:
            command.statement = ident


def _parts_of(rate: str, vocab: Vocabulary) -> set[str]:
    """The counts a rate is of; 'crimes' said of a rate of crimes is all crime."""
    parts = set(vocab.ratio_parts.get(rate, ()))
    return parts | {"all_crime"} if parts & TOTALS else parts


def _resolve_indicators(command: Command, vocab: Vocabulary, pool: set[str] | None = None) -> set[str]:
    """The indicator the words name; returns the words of ``pool`` it used.

    Each name found supports its indicators with its words; a name's words that restate another
    indicator's own name support that one too ("pedestrians ksi": 'ksi' is in 'KSI pedestrians'). Words
    left over, and the words of a place or '%' asked (``pool`` and ``extra_words``), may point to a more
    particular indicator whose own name holds all of them ("% repeat", "deprivation rank in kent"). The
    indicator whose support holds every other's wins; two that neither holds are asked back. A generic word
    ("crime", "offences") names all crime only when nothing else is named."""
    named = [h for h in command.hits if not h[2]]  # hits by a real name, not a generic word ('crime', 'people')
    hits = named or command.hits
    command.generic_only = bool(hits) and all(h[2] for h in hits)
    support: dict[str, set[str]] = {}
    for idents, words, _ in hits:
        for ident in idents:
            support.setdefault(ident, set()).update(words)
    said = {ident: set(words) for ident, words in support.items()}  # each one's own words, as named
    for ident in support:
        described = vocab.described.get(ident, set())
        for idents, words, _ in hits:  # a name of several words restates another without its linking words ('hurt on
            rest = words - LINKING  # the roads' restates 'KSI': its 'on' says nothing)
            if command.both and ident not in idents and words & said[ident]:
                continue  # 'dwelling burglary and other burglary': two whole names sharing their noun, each asked
            if words and (words <= described or (len(rest) >= 2 and rest <= described)):
                support[ident] |= words
    best = _maximal(support)
    if len(best) > 1 and not command.both:  # two names that are parts of one longer name ('car drivers in crashes aged
        # 17-24'), not two names asked together ('domestic abuse incidents and repeat victims': both)
        whole = set().union(*(support[i] for i in best))
        cover = [i for i, d in vocab.described.items() if whole <= d]
        if len(cover) == 1:
            best = cover
            support[cover[0]] = whole
    # the words every candidate holds: 'unemployed' names two figures, and '18-24' beside it a third
    held = set.intersection(*(support[i] for i in best)) if best else set()
    pool = set(pool or ()) | set(command.extra_words)
    used: set[str] = set()
    if command.generic_only:
        held = set()  # 'people' or 'crime' alone is no subject to build on: 'older people' is not road users 65+
    if pool and (len(best) == 1 or not hits or held):
        wider = {}
        for ident, described in vocab.described.items():
            # a place's words name a variant only in its name ('deprivation rank in kent'), not in its notes
            more = (pool - command.place_words) & described | (pool & command.place_words & vocab.named[ident])
            # 'incidents' in a name found says nothing of its own ('% of dv incidents reported'), unless only a
            # weak word ('reported') points the other way; 'crime' and 'offences' do say something
            loose = (held - (vocab.filler - CRIME_FORMS) <= described) and bool(more - WEAK_FORMS)
            if more and (held <= described or loose) and ident not in best:
                wider[ident] = held | more
        if wider:
            top = _maximal(wider)
            if len(top) > 1:  # a count and a percentage tied: the words asked choose ('how many', '%')
                chosen = _by_measure_words(top, command, vocab)
                top = chosen if len(chosen) == 1 else top
            gained = set().union(*(wider[i] - held for i in top))
            if not named and len(wider[top[0]]) < 2:
                pass  # one ordinary word alone names nothing ('elderly', 'males', 'stealing')
            elif len(top) == 1 and (named or gained - set(command.extra_words)):
                best, used = top, wider[top[0]] - held  # the leftover words named it
            elif not hits and len(top) > 1 and len(top) <= 4 and pool - set(command.extra_words):
                # the words the question says of its subject outweigh 'how many' and the place asked: 'how many
                # cars were stolen in maidstone' is the stolen vehicles, not the number of shops in Maidstone
                said = {i: len(wider[i] - set(command.extra_words)) for i in top}
                top = [i for i in top if said[i] == max(said.values())]
                best, used = top, set().union(*(wider[i] - held for i in top))
    if len(best) == 2 and set(best) in vocab.ratio_parts.values() and not (
            command.both and re.search(r"\b(?:and|plus)\b|&", command.text.lower())):
        # "outcomes v crime": the rate of one to the other ('incidents and repeat victims': both asked)
        best = [next(i for i, parts in vocab.ratio_parts.items() if parts == set(best))]
    hit = {i for idents, _, _ in command.hits for i in idents}
    rates = [i for i in best if i in hit and vocab.ratio_parts.get(i) and set(best) - {i} <= _parts_of(i, vocab)
             and hit - {i} and hit - {i} <= _parts_of(i, vocab)]
    if len(rates) == 1:
        best = rates  # 'the outcome rate - how many crimes and outcomes is that based on?': the rate, shown with both
        command.extra_words = [w for w in command.extra_words if w not in ("number", "count")]  # (the counts asked)
    if len(best) > 1:  # a count and a percentage: the count unless '%' was asked, the percentage if it was
        one_name = len({vocab.names.get(("indicator", i)) for i in best}) == 1
        # a share named as such ('Pedestrians as a share of all KSI casualties') is not asked by 'pedestrians'
        share = all(re.search(r"\b(share|proportion|percentage)\b|%", vocab.names.get(("indicator", i), "").lower())
                    for i in best if vocab.units.get(i, "").startswith("%"))
        best = _by_measure_words(best, command, vocab, count_by_default=one_name or share)
    if len(best) > 1 and pool:  # two names tied: the words asked may hold with one ("unemployed number")
        # 'how many' tells apart only figures of different units ('shops' from 'jobs'), not 'claimants' of two kinds
        said = pool - {"number", "count"} if len({vocab.units.get(i) for i in best}) == 1 else pool
        fit = {i: len(said & vocab.described.get(i, set())) for i in best}
        most = max(fit.values())
        if most and list(fit.values()).count(most) == 1:
            best = [i for i in best if fit[i] == most]
            used = used | (pool & vocab.described.get(best[0], set()))
            held = support.get(best[0], set())
    left = pool - set(command.extra_words) - used
    if left and len(best) <= 1:
        # words still unexplained: an indicator whose own name holds all of them and more of the question's
        # words than the one found ("estimated hidden dv victims women 16-59")
        asked = left | held
        # it must share a word with the subject already found: 'areas' is not the borough's area in hectares
        cover = {i: asked & d for i, d in vocab.described.items() if left <= d and (held & d if held else len(left) > 1)}
        if cover:
            most = max(len(v) for v in cover.values())
            top = [i for i, v in cover.items() if len(v) == most]
            if len(top) == 1 and most > len(held & asked):
                best, used = top, used | left
                held = held & vocab.described.get(top[0], set())
    if not best:
        return used
    if len(best) == 1:
        command.indicators = best
        command.choices = [c for c in command.choices if c[0] is not None]  # an earlier tie is settled
        if used:
            command.hits.append((best, held | used, False))
            places = {a for a in command.areas if set(vocab.form(a.replace("_", " "))) <= used}
            command.areas = [a for a in command.areas if a not in places]
    else:
        command.indicators = []
        command.choices = [c for c in command.choices if c[0] is not None or c[1] not in best]
        command.choices.extend((None, ident) for ident in best)
    return used


def _by_measure_words(candidates: list[str], command: Command, vocab: Vocabulary,
                      count_by_default: bool = False) -> list[str]:
    """Of indicators tied between a count and a percentage, the ones the words asked for: the percentage if
    '%' was asked, the count if 'how many' (or by default, for two figures of one name); else all of them."""
    pct = [i for i in candidates if vocab.units.get(i, "").startswith("%")]
    plain = [i for i in candidates if i not in pct]
    if "%" in command.extra_words and pct:
        return pct
    if ("number" in command.extra_words or count_by_default) and plain:
        return plain
    return candidates


def _maximal(support: dict[str, set[str]]) -> list[str]:
    return [i for i in support if not any(support[i] < support[j] for j in support if j != i)]


def _settle_kind(c: Command, cues: list[str], area_types: dict[str, str], county_word: str = "county") -> None:
    """Decide the kind of answer from the cues and the names found."""
    cue = set(cues)
    if "rate_other" in cue:
        c.rate_base = "other"
        cue = cue | {"rate"}
    if cue & {"rate_households", "rate_adults"}:
        c.rate_base = "households" if "rate_households" in cue else "adults"
        cue = cue | {"rate"}
    elif "rate" in cue and re.search(r"\b(?:residents?|people(?!'?s\b)|population|pop|per head)\b",
                                     c.text.lower().replace("\u2019", "'")):  # not "people's homes"
        c.rate_base = "residents"
    c.measure = "rate" if "rate" in cue else "percent" if "percent" in cue else None
    c.negated = "negation" in cue
    c.baseline = "baseline" in cue
    if cue & {"high", "low", "worst", "best"}:
        c.extreme = next(e for e in ("high", "low", "worst", "best") if e in cue)
    if c.extreme == "high" and "down" in cue:
        c.extreme = "low"  # "the most ... fell": the lowest change
    for name, extreme, changes in (("most_up", "high", "rises"), ("most_down", "low", "falls"),
                                   ("least_up", "low", "rises"), ("least_down", "high", "falls")):
        if name in cue:  # "the biggest rise", "the smallest fall": over the changes, among rises or falls
            c.extreme, c.changes = extreme, changes
            cue = cue | {"up" if changes == "rises" else "down"}
    if c.changes and not c.measure and re.search(r"%|\bper ?cent", c.text.lower()):
        c.measure = "percent"  # "the largest % falls": over the % changes
    c.why = "why" in cue
    # "should the smp drop road safety as a priority": a question of what to do, not of the figures
    c.opinion = "opinion" in cue or bool(re.match(r"\W*should\b", c.text.lower())) or bool(re.search(
        r"\bwhat (?:should|ought)\b(?! i know)|\bshould (?:we|the partnership|the smp|the csp|they|the council|the police|"
        r"partners)\b(?! (?:know|be aware|look at|see)\b)",
        c.text.lower()))
    c.future = "future" in cue
    c.latest = "month" if "latest_month" in cue else "quarter" if "latest_quarter" in cue else None
    if c.extreme and (c.generic_only or (c.changes and not c.indicators)) \
            and not (cue & {"wards", "months", "quarters", "years", "compare", "county"}) and not c.areas:
        cue = cue | {"categories"}  # "the biggest crime", "which crime rose most": over the crime types
    said = f" {normalise(c.text)} "
    notdown = " notdown " in said
    if notdown:
        cue = cue | {"up"}  # "did not go down": rose or held level
    level = " notchanged " in said  # "held steady", "stayed level"
    if level:
        cue = cue | {"direction"}
    way = "not_falls" if notdown else "rises" if "up" in cue and "down" not in cue else \
        "falls" if "down" in cue and "up" not in cue else None  # the way the changes asked for moved
    if not c.extreme and (c.generic_only or not c.indicators) and cue & {"up", "down"} \
            and not (cue & {"rank", "rank_changes"}) \
            and not c.areas and (c.excluded or re.search(r"\b(?:which|what) (?:crimes|crime types|types of crime|"
                                                         r"categories|offences|crime categories|kinds of crime)\b",
                                                         c.text.lower())):
        cue = cue | {"categories"}  # "which crimes went up in 2012/13": every category that rose
        c.changes = way
    # "which kent districts saw crime rise", "in which districts did crime not go down": the districts that moved
    # that way, listed
    # ("which wards saw asb fall": the wards, said so when the data has no ward's change)
    over_districts = bool(not c.extreme and (cue & {"up", "down"} or level) and c.indicators
                          and ("which" in cue or re.search(r"\b(?:which|what)\b", c.text.lower()))
                          and not (cue & {"rank", "rank_changes", "categories"})
                          and all(area_types.get(x) == "county" for x in c.areas)
                          and ("wards" in cue or re.search(r"\b(?:districts|boroughs|councils|where)\b|\b(?:which|what|"
                                                          r"each|every|any) (?:kent )?(?:district|borough|council)\b",
                                                          c.text.lower())))  # ('the borough' is the home district)
    if over_districts:
        c.changes = "level" if level else way
        over_districts = "wards" if "wards" in cue and c.changes else "districts" if c.changes else None
    county = [a for a, t in area_types.items() if t == "county"][:1]
    if "county_area" in cue and "compare" in cue and re.search(r"(?<!with )(?<!to )(?<!than )\bacross\b|wide\b",
                                                                c.text.lower()):
        cue = cue - {"county_area"}  # "compare deprivation across kent": across the districts ("compared to the kcc
        # average": beside it)
    beside = "county" in cue and re.search(rf"(?:\b(?:and|&|with|plus|next to|alongside|beside)|,) (?:the )?(?:county|{re.escape(county_word.lower())})\b",
                                           c.text.lower())
    if ("county_area" in cue or cue >= {"county", "versus"} or cue >= {"county", "compare"} or beside) and c.areas \
            and county and county[0] not in c.areas:
        c.areas.extend(county)  # "maidstone asb v kcc average": both sides
    if "versus" in cue and (len(c.areas) > 1 or c.against or (not c.relative and (
            len(c.areas) == 1 or "county_area" in cue))):
        cue = cue | {"compare"}  # "x vs y": a comparison when there are two sides; 'actual vs predicted' is a name
    if "wards" in cue and c.extreme in ("high", "worst") and (
            (c.several and c.several > 1) or not re.search(r"\bward\b|\bwhich one\b|\bhotspot\b|\b(?:bit|part|area|place) of\b",
                                                           said)):
        c.extreme = None  # "the top 3 wards", "which wards have the most": the hotspots, highest first, not the one
    if "years" in cue and c.extreme:
        c.scope = "years"
    elif "months" in cue or "quarters" in cue:
        c.scope = "months" if "months" in cue else "quarters"
    elif "categories" in cue:
        c.scope = "categories"
    elif "wards" in cue:
        c.scope = "wards"
    elif "compare" in cue or "county" in cue:
        c.scope = "districts"
    if not c.scope and c.period and "/" in c.period and re.search(r"\b(?:monthly|by month|month by month|each month)\b",
                                                                c.text.lower()):
        c.scope = "months"  # "monthly recorded crime apr-dec 2013": 'monthly' may be read inside the name
    # the county named beside another area in a rank or comparison question is the field, not the place
    if len(c.areas) > 1 and county and county[0] in c.areas and (cue & {"rank", "rank_changes", "county", "high", "low",
                                                                        "which"}) \
            and not ((cue & {"versus", "compare"} or beside) and not cue & {"rank", "high", "low", "which"}):
        c.areas.remove(county[0])
    if not c.areas and ("county_area" in cue or ("county" in cue and not cue & {
            "rank", "rank_changes", "high", "low", "worst", "best", "which", "compare", "categories"})):
        c.areas = [a for a, t in area_types.items() if t == "county"][:1]  # "county average", "county-wide"
    c.area = c.areas[0] if c.areas else None
    c.indicator = c.indicators[0] if c.indicators else None
    c.area_is_ward = bool(c.area) and area_types.get(c.area) == "ward"
    if "help" in cue and not c.indicator:
        c.kind = "help"
    elif c.statement and not c.indicator and not (cue & {"rank", "rank_changes", "wards", "trend", "compare"}):
        c.kind = "statement"  # "who chairs the smp", "when were the pcc elections"
    elif c.statement and c.priority and not (cue - {"priority"}) and re.search(
            r"\b(?:sub ?-?groups?|groups?|grp|team|forum)\b", c.text.lower()):
        c.kind = "statement"  # "the resettlement pathways the reoffending group works on": what the text says of it
    elif "spc" in cue:
        c.kind = "spc"
    elif ("priority" in cue and not ("wards" in cue and c.indicator and not re.search(
            r"\bpriorit(?:y|ies)\b.*\bwards\b", c.text.lower())) and not (  # 'asb priority figures with the hotspot wards'
            # 'progress on the dv priority 2012/13 - how many incidents': a figure of the priority's subject
            c.indicator and c.period and re.search(r"\bhow (?:many|much)\b|\bnumber of\b", c.text.lower())) and not (
            # 'for the road safety group: our county rank for young drivers ksi': the rank asked, not the pack
            c.indicator and not c.both and cue & {"rank", "compare", "versus", "trend", "direction", "up", "down"})) or (
            c.priority and not c.indicator and not c.both and not (cue - {"priority"})):
        c.kind = "priority"
    elif "categories" in cue and (c.extreme or c.changes):
        c.kind = "top"
        c.direction = bool(cue & {"up", "down", "direction"})
    elif ("rank_changes" in cue or "rank" in cue) and not c.extreme and (not c.indicator or (
            c.generic_only and re.search(r"\b(?:which|what) (?:crimes|crime types|types of crime|categories|offences)\b",
                                         c.text.lower()))):
        c.kind = "rank_changes"  # "which crimes did we go up or down the county table in": every category's rank
    elif c.extreme and (c.scope or "which" in cue or not c.area or "rank" in cue or area_types.get(c.area) == "county"):
        if not c.scope and area_types.get(c.area) == "county":
            c.scope = "districts"  # "highest crime rate in kent": over its districts
        c.kind = "top"
        c.direction = bool(cue & {"up", "down", "direction"})  # "biggest rise": over the changes
    elif "compare" in cue and len(c.areas) > 1 and not c.against:
        c.kind = "compare"  # "compare imd rank maidstone thanet": the places side by side
    elif "compare" in cue and not c.areas and cue & {"up", "down", "direction"} and "which" not in cue \
            and re.search(r"\bdistricts\b", c.text.lower()):
        c.kind = "compare"  # "kent districts crime increase apr-sep 2013": the change in each, Kent beside them
        c.area = next((a for a, t in area_types.items() if t == "county"), None)
    elif "rank" in cue or "rank_changes" in cue:
        c.kind = "rank"  # "dwelling burglary rank change": one category's ranks
    elif len(c.areas) > 1 and not c.against:
        c.kind = "compare"  # "unemployment rate nov 2013 maidstone kent gb", "da change maidstone v kent"
    elif cue & {"up", "down", "direction"} and cue & {"versus", "compare"} and not c.against and "which" not in cue \
            and ((c.areas and (len(c.areas) > 1 or area_types.get(c.areas[0]) == "county")) or (
                len(c.areas) <= 1 and re.search(r"\b(?:rest of|than|against|with|to|v|vs|versus) (?:the )?(?:county|kent|(?:kent |other |county )?districts)\b",
                                                normalise(c.text)))):
        c.kind = "compare"  # "vap increase us vs the county", "has asb grown compared with the rest of kent"
        c.direction = True
        county = [a for a, t in area_types.items() if t == "county"][:1]
        if len(c.areas) <= 1 and county and county[0] not in c.areas:
            c.areas = c.areas + county
            c.area = c.areas[0]
    elif "than" in cue and c.period and not c.against and len(c.areas) <= 1 and "year_before" not in cue:
        c.since, c.period = c.period, None  # "higher than in 2010/11": the latest against that year
        c.kind = "direction"
        c.direction = True
    elif c.since and not c.period and not cue & {"up", "down"} and "direction" in cue and re.search(
            r"\bhow (?:has|have|did|does|do)\b", c.text.lower()):
        c.kind = "trend"  # "how has the unemployment rate moved since 2010": the run of figures from then
    elif cue & {"up", "down", "direction"} and "which" not in cue and not (
            ("trend" in cue or "years_span" in cue or c.scope in ("months", "quarters") or re.search(r"\bmonthly\b", c.text.lower()))
            and not c.period and not cue & {"up", "down"}):
        # ("how has the unemployment rate changed over time", "how has the outcome rate moved month to month": the
        # run of figures, not one change)
        c.kind = "direction"
        c.direction = True
    elif "trend" in cue or "years_span" in cue or (c.since and not c.period and "wards" not in cue) or (
            c.scope in ("months", "quarters") and not c.period):
        c.kind = "trend"
    elif "wards" in cue and not (c.area and c.area_is_ward):
        c.kind = "wards"
    elif "compare" in cue and not (c.against and len(c.areas) <= 1):
        c.kind = "compare"
    else:
        c.kind = "figure"  # "crime apr-sep 2013 vs apr-sep 2012": one place, two periods
    if c.baseline and c.kind == "compare":
        c.kind = "figure"  # "above or below the baseline": the baseline beside the period asked
    if over_districts:
        c.kind, c.scope, c.direction, c.areas, c.area = "top", over_districts, True, [], None
    if c.kind != "priority":
        c.priority = None


def _fuzzy_run(command: Command, run: list[str], vocab: Vocabulary) -> bool:
    """Several words not understood that together are clearly one misspelt name ("burglery dwelling")."""
    text = " ".join(run)
    if all(ordinary_word(w, 2.5) for w in run):
        return False
    matches = process.extract(text, [p for p in vocab.phrases if " " in p], scorer=fuzz.ratio, limit=3)
    if not matches or matches[0][1] < 85:
        return False
    best, score, _ = matches[0]
    runner_up = next((m for m in matches[1:] if not set(vocab.phrases[best]) & set(vocab.phrases[m[0]])), None)
    if runner_up is not None and runner_up[1] >= score - 5:
        return False
    entries = vocab.phrases[best]
    _assign(command, entries, words=set(vocab.form(best)))
    command.corrections.append((text, vocab.names[entries[0]]))
    return True


def _fuzzy(command: Command, word: str, vocab: Vocabulary) -> None:
    """A word no name, cue or ordinary word accounts for: a clear misspelling of a name, or not understood.

    A real English word is never corrected ('burglars' is not burglary, 'over' is not Dover): only a word
    English barely knows (wordfreq's Zipf frequency under 2.5) is taken for a misspelling."""
    if len(word) < 4 or not word.isalpha() or ordinary_word(word, 2.5):
        command.unknown.append(word)
        return
    choices = [p for p in vocab.phrases if len(p) >= 4]
    matches = process.extract(word, choices, scorer=fuzz.ratio, limit=4)
    if not matches or matches[0][1] < 80:
        command.unknown.append(word)
        _suggest(command, word, vocab, matches)
        return
    best, score, _ = matches[0]
    if OSA.distance(word, best) > 1 and any(OSA.distance(word, w) == 1 for w in vocab.lexicon if w[0] == word[0]
                                            and w not in best.split()):
        command.unknown.append(word)  # 'chnages' is 'changes' (a cue, respelt later), not the name 'charges'
        return
    entities = set(vocab.phrases[best])
    runner_up = next((m for m in matches[1:] if not entities & set(vocab.phrases[m[0]])), None)
    place = all(k == "area" for k, _ in entities)
    if place and best[0] != word[0]:
        runner_up = matches[0]  # a typo keeps a place's first letter: 'oakwood' is not Park Wood
    if runner_up is None or runner_up[1] < score - 5:
        entries = vocab.phrases[best]
        _assign(command, entries, words=set(vocab.form(best)))
        command.corrections.append((word, vocab.names[entries[0]]))
        command.spelt.append((word, best))
    else:
        command.unknown.append(word)
        _suggest(command, word, vocab, matches)


def _suggest(command: Command, word: str, vocab: Vocabulary, matches=None) -> None:
    if matches is None:
        if len(word) < 4:
            return
        matches = process.extract(word, [p for p in vocab.phrases if len(p) >= 4], scorer=fuzz.ratio, limit=3)
    for phrase, s, _ in matches:
        kind, ident = vocab.phrases[phrase][0]
        name = vocab.names.get((kind, ident))
        if name and s >= 75 and name not in command.suggestions:
            command.suggestions.append(name)


# the passes that read a message again without words that do not ask anything, in order, each with when it runs
