"""The words crimebot reads questions with: cue phrases, ordinary words, word rewrites, and the text made
regular (``normalise``) before any name is matched. Lists a newcomer extends when partners ask in new words;
the parser that uses them is bot/parse.py, the names the data knows are bot/vocabulary.py."""
from __future__ import annotations

import calendar
import re
from functools import lru_cache

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
MONTH_WORD = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}

# Cues: phrases that say what kind of answer is wanted. Longest phrases are matched first; the forms of
# the words are compared, so "ranks", "ranking" and "ranked" are all "rank".
CUES = {
    "rank_changes": ["rank changes", "rank change", "ranking changes", "rank movements", "changes in rank",
                     "county rank changes", "county ranking changes", "ranking movements", "rank moves", "moves",
                     "rank fallers", "rank risers", "rank movers", "fallers", "risers", "movers",
                     "rank changes 2012/13", "which categories improved", "rank table", "arrows", "up arrows",
                     "down arrows", "up and down arrows", "up arrows and down arrows", "rank arrows",
                     "rank ups and downs", "ranking ups and downs", "ups and downs in rank", "up down arrows",
                     "ups and downs", "all the ups and downs", "held the same rank", "held the same county rank",
                     "improvements and declines", "rank improvements and declines", "risers and fallers",
                     "same county rank", "kept the same rank",
                     "league table changes", "league tables", "county table changes", "changes in the league table", "table changes",
                     "hold our position", "held our position", "kept our position", "stayed the same", "stay the same"],
    "rank": ["rank", "national ranking", "nationally ranked", "ranked nationally", "ranking nationally", "ranked where nationally",
             "where nationally", "where does that put us", "where does it put us", "where does this put us",
             "where does that put {home}", "where does that leave us", "sit", "where do we sit", "where does {home} sit", "move up", "moved up", "move down",
             "moved down", "go up the table", "climb", "climbed", "slip", "slipped", "league position", "national rank", "rank nationally", "ranking", "ranked", "position", "league table", "place in {county}", "county rank",
             "county position", "rank movement", "ranking movement", "movement", "where do we come", "where does {home} come", "come out", "where do we come out", "where does {home} come out",
             "come out of", "what place", "which place",
             "what place are we", "what place were we", "what place is {home}", "what place was {home}", "where do we stand", "come in {county}",
             "compared to other districts", "compared with other districts", "county table", "{county} table",
             "{county} league table", "county league table", "table position", "where are we in the table",
             "where are we in {county}", "where is {home} in {county}",
             "where do we sit in {county}", "where do we rank in {county}", "how do we rank in {county}"],
    "high": ["highest", "most", "busiest", "most common", "commonest", "biggest problem", "biggest", "largest", "greatest", "top", "highest number",
             "the most", "peak", "maximum", "max"],
    "low": ["lowest", "least", "fewest", "quietest", "smallest", "bottom", "minimum", "min"],
    "most_up": ["biggest rise", "largest rise", "biggest increase", "largest increase", "rose the most",
                "risen the most", "increased the most", "went up the most", "gone up the most", "most increase",
                "fastest rising", "rose most", "risen most", "increased most", "biggest percentage rise",
                "biggest % rise", "biggest jump"],
    "most_down": ["biggest fall", "largest fall", "biggest drop", "largest drop", "biggest decrease", "fell the most",
                  "fallen the most", "dropped the most", "decreased the most", "went down the most",
                  "gone down the most", "biggest reduction", "largest reduction", "fell most", "fallen most",
                  "dropped most", "biggest percentage fall", "biggest % fall", "most improved"],
    "least_up": ["smallest rise", "smallest increase", "rose the least", "increased the least", "went up the least",
                 "rose least"],
    "least_down": ["smallest fall", "smallest drop", "smallest decrease", "fell the least", "went down the least",
                   "fell least", "dropped the least"],
    "why": ["why", "how come", "what causes", "what caused", "reason", "reasons", "cause of", "causes of",
            "what is driving", "what's driving", "explain why", "explain the rise", "explain the fall",
            "explain the increase", "explain the decrease", "explain the drop", "explain the reduction",
            "explain the change", "explain the spike", "explain the jump", "explain it", "explain this", "explain that"],
    "opinion": ["what do you think", "do you think", "your opinion", "your view", "in your view", "best ward to live",
                "best place to live", "best area to live", "nicest ward", "nicest place to live", "safest place to live",
                "what do you reckon", "should we", "is it good", "is it fair", "best way", "best way to",
                "how best to", "what works", "what would work"],
    "future": ["next year", "next month", "next quarter", "next few years", "in future", "in the future",
               "will be", "predict", "prediction", "projected", "going to be", "what will", "how many will",
               "will there be", "will it"],
    "than": ["higher than", "lower than", "more than", "less than", "better than", "worse than", "up on", "down on"],
    "latest_month": ["this month", "last month", "latest month", "most recent month", "past month"],
    "latest_quarter": ["this quarter", "last quarter", "latest quarter", "most recent quarter", "past quarter"],
    "upto": ["up to", "up until", "up till", "up through", "end up", "ended up", "ends up", "wind up", "tell me more",
             "on the up", "round here", "around here", "in this area", "in our area"],
    "worst": ["worst", "poorest"],
    "best": ["best", "strongest"],
    "which": ["which", "where", "what area", "which area", "which areas", "what district", "whereabouts"],
    "down": ["down", "fewer", "fewer than", "going down", "gone down", "go down", "coming down", "come down", "falling", "fallen",
             "a fall", "fall in", "fell", "decreasing", "decreased", "decrease", "declining", "declined", "reducing",
             "reduced", "reduction", "dropping", "dropped", "a drop", "drop in", "improving", "improved", "improve",
             "better", "lower",
             "getting better", "got better", "got less", "getting less", "become less", "became less", "less of"],
    "up": ["notdown", "going up", "gone up", "go up", "rising", "risen", "a rise", "rise in", "increasing", "increased",
           "increase", "growing", "grown", "worsening", "getting worse", "got worse", "worse", "worsen", "higher",
           "more", "on the up", "going up",
           "deteriorate", "deteriorated", "up", "got more", "jump",
           "jumped", "rose", "getting more", "become more", "became more", "more of"],
    "year_before": ["last year", "previous year", "prev year", "the year before", "a year ago", "year ago",
                    "on last year", "on the previous year", "same period last year", "same quarter last year",
                    "same period the year before", "compared to last year", "compared with last year",
                    "vs last year", "on prev year", "vs prev year", "vs previous year", "year on year change"],
    "direction": ["yoy", "notchanged", "% change", "percent change", "percentage change", "up or down", "gone up or down", "going up or down", "go up or down", "up or down since",
                  "increased or decreased", "risen or fallen", "rising or falling", "better or worse", "direction", "direction of travel", "trending", "moving", "changing", "changed", "change",
                  "heading", "more of a problem", "less of a problem", "moved", "move", "moving",
                  "trending which way", "which way is it trending", "which way is it going", "going which way",
                  "which way", "growth", "grown", "slipping", "halved", "doubled", "more than halved", "more than doubled"],
    "wards": ["ward", "wards", "areas", "bit", "bits", "bit of town", "part of town", "parts of town", "area of town",
              "which area of town", "what area of town", "which part of town", "which parts of town", "areas of town",
              "concentrated", "where in {home}", "where in the borough", "part of {home}", "parts of {home}", "part of the borough",
              "parts of the borough", "hotspot", "hotspots", "hot spots", "hot spot", "by ward", "ward level",
              "ward breakdown", "which wards", "what wards", "neighbourhood", "neighbourhoods"],
    "versus": ["vs", "versus", "v", "next to", "alongside", "set against"],
    "compare": ["compare", "comparison", "compared", "compares", "comparing", "against the county", "other districts", "districts", "district", "by district", "each district",
                "all districts", "{county} districts", "side by side", "benchmark", "than average", "rest of {county}", "above or below", "against", "are we above or below", "are we above", "are we below", "are we above it",
                "are we below it", "are we higher", "are we lower", "higher or lower",
                "than {county}", "than the county",
                "rest of the county", "other areas", "elsewhere in {county}"],
    "trend": ["trend", "trends", "over time", "history", "historic", "time series", "over the years", "chart", "graph",
              "plot",
              "year on year", "series", "long term", "pattern", "patterns", "any pattern"],
    "spc": ["spc", "control chart", "control limits", "spc limits", "xmr", "out of control", "in control",
            "under control", "spc chart", "statistical process control", "statistical process control chart",
            "process control chart", "limits", "chart limits", "red lines", "outside the control limits",
            "outside control limits", "within the control limits", "within control limits",
            "process control", "control bands", "out of the ordinary", "within normal limits", "normal limits", "stable",
            "natural limits", "within limits", "outside the limits", "outside limits", "special cause", "special causes",
            "special cause variation", "common cause", "signal", "special cause signal", "signals", "any signals", "in statistical control",
            "unusually high", "unusually low", "unusual month", "unusual months", "outlier", "an outlier", "outliers",
            "anomaly", "normal range", "outside the normal range", "normal variation", "just normal variation",
            "unusual statistically", "statistically unusual", "outside the spc limits", "within the spc limits",
            "outside the spc control limits", "random noise", "or just noise", "or is it just noise"],
    "priority": ["who owns", "who leads", "who chairs", "who is responsible", "which group", "what group",
                 "which sub group", "who leads on", "which group leads", "lead on", "leads on", "owner of", "owns",
                 "owner", "owners", "tackling", "tackles", "in charge of", "who is tackling", "who deals with",
                 "who chairs", "chair of", "responsible for", "who runs", "runs", "covers", "who covers",
                 "looks after", "who looks after", "handles", "cover", "background", "leads it", "leads that",
                 "who picks up", "picks up", "which sub group leads", "who takes", "takes the lead on", "who handles", "deals with", "doing about",
                 "being done about", "done about", "what is being done", "whats being done",
                 "a priority", "still a priority", "cross cutting", "cross cutting themes", "themes", "theme", "workstream", "strand",
                 "priority", "priorities", "sub group", "subgroup", "sub-group", "task group", "group", "task and finish",
                 "task and finish group", "pack", "priority pack", "sub group pack", "which team", "what team",
                 "which team deals with", "what does the plan say", "partnership plan"],
    "help": ["help", "examples", "what can i ask", "what can you do", "how do i use", "commands", "usage"],
    "rate": ["rate", "rates", "per1000", "rate per1000"],
    "rate_households": ["per1000h", "rate per1000h"],
    "rate_adults": ["per1000a", "rate per1000a"],
    "rate_other": ["per1000x", "rate per1000x"],
    "percent": ["%", "percent", "percentage", "share", "proportion", "share of", "what share", "what proportion",
                "pc", "shares", "percentages", "proportions", "the shares of"],
    "county_area": ["county average", "{county} average", "county wide", "countywide", "across {county}",
                    "across the county", "{county} wide", "the county as a whole", "{county} as a whole", "county as a whole", "county figure", "county total"],
    "county": ["county", "among {county} districts", "out of {peers}", "of {peers}", "of the {peers} districts", "of {peers} districts",
               "among the {peers}"],
    "negation": ["not", "no", "except", "excluding", "exclude", "without", "apart from", "other than", "but not",
                 "never", "nothing but"],
    "or_not": ["or not", "or no", "whether or not", "if not"],
    "baseline": ["baseline", "base line", "target", "base year", "police and crime plan", "police and crime plan baseline",
                 "pcp baseline", "pcc baseline", "pcc target", "police and crime commissioner baseline"],
    "since": ["since"],
    "months": ["month", "months", "monthly", "which month", "what month", "by month", "each month",
               "per month", "a month", "month by month"],
    "years": ["when", "which year", "what year", "in which year", "year was", "which years"],
    "categories": ["crime type", "crime types", "category", "categories", "which crime", "what crime", "type of crime",
                   "types of crime", "offence type", "offence types", "which offence", "what offence",
                   "all crime types", "all the crime types", "all types of crime", "every crime type", "each crime type",
                   "all offence types", "all the categories", "all categories"],
    "quarters": ["quarter", "quarters", "which quarter", "quarterly", "by quarter", "each quarter"],
    "years_span": ["over the four years", "over four years", "four years", "4 years", "over the five years",
                   "five years", "5 years", "over three years", "over 3 years", "last three years", "last 3 years", "past three years",
                   "past 3 years", "three years", "3 years", "three year", "3 year", "over the last three years",
                   "over the last 3 years", "over the past three years", "over two years", "last two years"],
}
# "the biggest falls", "largest % rises", "biggest volume reductions": every size word with every change noun,
# singular or plural, measured in % or volume or not
for _cue, _sizes, _nouns in (("most_up", ("biggest", "largest", "greatest"), ("rise", "increase", "jump")),
                             ("most_down", ("biggest", "largest", "greatest"), ("fall", "drop", "decrease", "reduction")),
                             ("least_up", ("smallest", "lowest"), ("rise", "increase")),
                             ("least_down", ("smallest", "lowest"), ("fall", "drop", "decrease", "reduction"))):
    CUES[_cue] = CUES[_cue] + [f"{size} {measure}{noun}{plural}" for size in _sizes for measure in ("", "% ", "percentage ", "volume ", "numerical ")
                               for noun in _nouns for plural in ("", "s")]
# Words that carry no meaning of their own here: questions, articles, pronouns, helpers, generic nouns.
FILLER = frozenset("""
a an the in of for on at to by and or is was were are be been being what whats what's how many much show me please
give tell about with figure figures number numbers data stats statistic statistics level levels s did do does
i we our us my you your it its this that these those there their them they has have had get got can could would
will should may might shall any some all each every just only also too very so then than as from into
is it's isnt isn't wasnt was't re ve d ll m t hey hi hello thanks thank cheers pls plz ok okay thx thnx thanx ty
again anywhere quotable quote held key list lists kfrs attend attended meeting meetings date dates
suffering experiencing
crime crimes offence offences offense offenses incident incidents case cases reported recorded record records
nos
count counts total totals amount volume overall happened happen occurring occur occurred
did does doing there's here latest current currently recent recently now today
year years annual annually yearly figures so far currently
borough borough's district's area's place local locally
look looking see know find tell like want need would
per cent live lives living terms across between police think thinks thought feel feels believe believes say
says roughly approximately approx around round here ended end ends due because concentrated happens happening
stuff things thing bad big one work who whose whom sort kind really very pretty quite got get gets getting didnt didn't doesnt don't dont isnt aren't arent seen say saying said people's
log logged we've weve
went go goes gone going why when actually really still not calendar currently comes come coming based use uses
used using anything something focusing focus focused wide partnership partnerships after during within group
groups over under aged headline average next coming saw see seen split already different
felt called single everyone everybody proposed proposing propose someone somebody whatever
among amongst types type kinds kind breakdown results result figures details detail info information
latest up-to-date quick summary overview new incl including inc side sides aspect given issued ask
pack packs digest rundown roundup round-up progress etc ie eg but badly enough anyone anybody came theyve theyre they've they're
obviously certainly genuinely honestly literally
""".split())
# A word rewritten before it is compared: US spellings and a few forms the stemmer does not join.
BUILTIN_WORDS = {"offense": "offence", "offenses": "offences", "behavior": "behaviour", "behaviors": "behaviours",
                 "neighbor": "neighbour", "neighborhood": "neighbourhood", "neighborhoods": "neighbourhoods",
                 "center": "centre", "defense": "defence", "program": "programme", "analyze": "analyse",
                 "labor": "labour", "favor": "favour", "jewelry": "jewellery", "traveling": "travelling",
                 "yrs": "years", "yr": "year", "worried": "problem", "concern": "problem", "concerned": "problem",
                 "concerns": "problem", "worry": "problem", "problems": "problem", "perceptions": "perception",
                 "pop": "population", "ppl": "people", "solved": "resolved", "nos": "numbers", "died": "killed",
                 "dead": "killed", "deaths": "killed", "surveyed": "survey", "claiming": "claimants", "65s": "65", "16s": "16", "18-24s": "18-24", "17-24s": "17-24", "prev": "previous", "avg": "average", "v": "vs", "r": "are",
                 "hosp": "hospital", "crim": "criminal", "burg": "burglary", "resi": "dwelling", "residential": "dwelling",
                 "u": "you", "cos": "because", "nite": "night", "wat": "what", "wht": "what", "whta": "what", "admitted": "admissions",
                 "admission": "admissions", "tho": "though", "figs": "figures", "fig": "figure", "nums": "numbers", "polices": "police", "diff": "difference", "burgled": "burglary", "thru": "through", "govt": "government", "folk": "people", "kids": "children", "nationally": "national", "mths": "months", "mth": "month", "num": "number",
                 "whos": "who", "ther": "there", "thier": "their", "blokes": "male", "organizations": "organisations",
                 "dwn": "down", "dwon": "down", "upp": "up", "chg": "change", "chng": "change",
                 "cats": "categories", "wheres": "where", "chairperson": "chair", "rnak": "rank", "chairman": "chair", "chairwoman": "chair", "percieved": "perception", "perceived": "perception", "rnk": "rank", "cdr": "commander", "stn": "station", "tops": "highest", "goin": "going", "gona": "going", "gonna": "going", "lately": "recently", "recommended": "the"}
RELATIVE = {"latest": 0, "current": 0, "this year": 0, "last year": 0, "most recent": 0, "previous year": -1,
            "last financial year": 0, "this financial year": 0, "latest financial year": 0,
            "previous financial year": -1, "the financial year before": -1,
            "year before": -1, "year before last": -1, "the year before": -1}
STOP_INSIDE = frozenset({"a", "an", "the"})
# figures that total others the data also holds: 'violent crime, not domestic' asks for a part the data lacks
TOTALS = frozenset({"all_crime", "recorded_crime", "theft_handling", "vehicle_crime", "burglary_all", "violent_crime",
                    "vap", "violence_sexual", "rtc_casualties", "ksi_all", "resolution_outcomes", "population",
                    "households", "out_of_work_benefits", "unemployed", "da_incidents"})
CRIME_FORMS = frozenset({"crime", "offenc", "offens"})  # the stems of crime words
WEAK_FORMS = frozenset({"report"})  # the stems of WEAK_FILLER
# words with no content at all (never quoted beside a word not understood), and words that qualify a place
# or subject and are quoted with the word after them when that one is not understood ('county lines')
FUNCTION_WORDS = frozenset("""
a an the in of for on at to by and or is was were are be been being what whats what's how many much me please
with s did do does i we our us my you your it its this that these those there their them they has have had
get got can could would will should may might shall any some all each every just only also too very so then
than as from into is it's isnt isn't re ve d ll m t hey hi hello thanks pls plz ok okay show give tell about
thx thnx thanx ty again
here there's now today why when who where which not no many much
""".split())
QUALIFIERS = frozenset({"county", "national", "nationally", "police", "rough", "local"})
MEASURE_WORDS = frozenset({"number", "count", "total", "reported"})
WEAK_FILLER = frozenset({"reported"})  # ordinary here, but may tell a name apart ("% of domestic abuse reported")
# words that join a name's parts and say nothing of their own ("over 65", "under 16", "theft from")
LINKING = frozenset("over under from and or to with by for aged of in on at a an the".split())
# names so general they name something only when nothing more particular is named ("people admitted ...")
GENERIC_NAMES = frozenset({"people", "peoples", "ppl", "residents", "persons", "person", "folk"})  # ordinary words that still tell two names apart  # dropped inside names on both sides: "theft from a car"


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


# words the stemmer would give another word's stem: 'busy' is not 'business'
STEM_EXCEPTIONS = {"busy": "busy", "busier": "busy", "busiest": "busy", "busily": "busy"}


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    if not word.isalpha() or len(word) <= 3:
        return word
    return STEM_EXCEPTIONS.get(word) or _stemmer().stemWord(word)


@lru_cache(maxsize=4096)
def ordinary_word(word: str, zipf: float = 3.5) -> bool:
    """An everyday English word (wordfreq's Zipf frequency of 3.5 or more: 'over', 'highest', 'least').

    Such a word is never corrected into a name: 'over' is not Dover. Loaded only when a word needs it.
    """
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= zipf



def _half_year(match: re.Match) -> str:
    """'first half of 2013/14' -> ' apr 2013 to sep 2013 '; 'second half of 13/14' -> ' oct 2013 to mar 2014 '."""
    start = int(match.group(2)) + (2000 if len(match.group(2)) == 2 else 0)
    return f" apr {start} to sep {start} " if match.group(1) == "first" else f" oct {start} to mar {start + 1} "


_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _fy_months(match: re.Match) -> str:
    """'2013/14 apr-sep' -> ' apr 2013 to sep 2013 ': months of a financial year named without their years."""
    start = int(match[1]) + (2000 if len(match[1]) == 2 else 0)
    if int(match[2]) % 100 != (start + 1) % 100:
        return match[0]
    first, last = MONTHS[match[3][:3]], MONTHS[match[4][:3]]
    year = lambda m: start if m >= 4 else start + 1  # noqa: E731
    if (first - 4) % 12 > (last - 4) % 12:
        return match[0]
    return f" {_MONTHS[first - 1]} {year(first)} to {_MONTHS[last - 1]} {year(last)} "


def _quarters(match: re.Match) -> str:
    """'q1-q2 2013/14' -> ' apr 2013 to sep 2013 ': quarters of a financial year as the span of their months."""
    first, last, year = int(match[1]), int(match[2]), int(match[3])
    if last < first:
        return match[0]
    start, end = 3 + 3 * (first - 1), 3 + 3 * last - 1  # months from January of the year the financial year starts
    return (f" {_MONTHS[start % 12]} {year + start // 12} to {_MONTHS[end % 12]} {year + end // 12} ")


_UNITS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def _two_digits(words: list[str], i: int) -> tuple[int, int] | None:
    """A number under 100 spoken from words[i]: (value, words used) - 'twenty four', 'twelve', 'oh six'."""
    word = words[i] if i < len(words) else ""
    if word == "oh" and i + 1 < len(words) and words[i + 1] in _UNITS and _UNITS[words[i + 1]] < 10:
        return _UNITS[words[i + 1]], 2
    if word in _TENS:
        if i + 1 < len(words) and words[i + 1] in _UNITS and 0 < _UNITS[words[i + 1]] < 10:
            return _TENS[word] + _UNITS[words[i + 1]], 2
        return _TENS[word], 1
    if word in _UNITS and word != "oh":
        return _UNITS[word], 1
    return None


def spoken_numbers(text: str) -> str:
    """Numbers and years as dictation writes them, in digits: 'twenty twelve thirteen' -> '2012/13', 'twelve
    thirteen' -> '12/13', 'two thousand and thirteen' -> '2013', 'nineteen ninety four to ninety eight' ->
    '1994 to 98', 'nine hundred and ninety four' -> '994', 'seventeen too twenty four' -> '17 to 24'. A single
    small number word ('one', 'five') is left as it is (it is often not a number: 'which one')."""
    words = text.split()
    if not any(w in _UNITS or w in _TENS or w in ("hundred", "thousand") for w in words):
        return text
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        year = None
        if word in ("twenty", "nineteen") and _two_digits(words, i + 1) and not (
                word == "twenty" and words[i + 1] in _UNITS and 0 < _UNITS[words[i + 1]] < 10):
            value, used = _two_digits(words, i + 1)  # 'twenty twelve', 'nineteen ninety four', 'twenty oh six'
            if value >= 10 or words[i + 1] == "oh":
                year, i = (2000 if word == "twenty" else 1900) + value, i + 1 + used
        elif word == "two" and i + 1 < len(words) and words[i + 1] == "thousand":
            j = i + 2 + (i + 2 < len(words) and words[i + 2] == "and")
            rest = _two_digits(words, j)
            year, i = (2000 + rest[0], j + rest[1]) if rest else (2000, j)
        if year is not None:
            after = _two_digits(words, i)
            if after and after[0] == year % 100 + 1:  # 'twenty oh six oh seven': 2006/07
                out.append(f"{year}/{after[0]:02d}")
                i += after[1]
            else:
                out.append(str(year))
            continue
        first = _two_digits(words, i)
        if first is None:
            out.append(word)
            i += 1
            continue
        value, used = first
        j = i + used
        if j < len(words) and words[j] == "hundred":  # 'nine hundred and ninety four'
            value *= 100
            j += 1 + (j + 1 < len(words) and words[j + 1] == "and")
            tail = _two_digits(words, j)
            if tail:
                value, j = value + tail[0], j + tail[1]
            out.append(str(value))
            i = j
            continue
        after = _two_digits(words, j)
        if 10 <= value <= 20 and after and after[0] == value + 1:  # 'twelve thirteen': a financial year
            out.append(f"{value}/{after[0]}")
            i = j + after[1]
            continue
        if used > 1 or value >= 10 or (out and re.fullmatch(r"\d+", out[-1])) or (
                out and out[-1] in ("to", "too", "and") and len(out) > 1 and re.fullmatch(r"\d+", out[-2])):
            out.append(str(value))  # 'twenty four', 'seventeen', '1994 to ninety eight'
        else:
            out.append(word)
        i = j
    text = " ".join(out)
    text = re.sub(r"\b(\d{1,2}) (?:too|to) (\d{1,2})\b", r"\1 to \2", text)  # 'seventeen too twenty four'
    # '2012 to 13', '2012 too 2013', '2012 13': a financial year when the second is the year after
    return re.sub(r"\b(20\d\d) (?:to |too |- )?(?:20)?(\d\d)\b",
                  lambda m: f"{m[1]}/{m[2]}" if int(m[2]) == int(m[1][2:]) + 1 else m[0], text)


# "youth worker", "a dv support worker", "women's refuge worker": who asks, not what is asked about
ROLE = re.compile(r"\b(?:youth|young people s|young peoples|young people's|women s|womens|women's|children s|childrens|"
                  r"children's|family|families|victims?|community|outreach|support|drugs?|alcohol|substance misuse|dv|"
                  r"domestic abuse|da|asb|road safety|reoffending|re offending|refuge) (?:support |refuge )?(worker|officer|"
                  r"caseworker|case worker|practitioner|advocate|coordinator|co ordinator|nurse|lead)\b")


def _metal_taken(m: re.Match) -> str:
    """'stealing lead and copper cable': metal theft, each metal said as its theft ('lead theft'), unless its own
    words go on ('copper cable', 'lead off roofs'), so that each is said as counted within metal theft."""
    items, tail = m[1], m.string[m.end():]

    def theft(x: re.Match) -> str:
        after = items[x.end():] or tail
        return x[1] if re.match(r"\s+(?:cable|cabling|wire|wiring|pipes?|piping|off|from)\b", after) else f"{x[1]} theft"
    return " metal theft " + re.sub(r"\b(lead|copper|cable|metal)\b", theft, items) + " "


# a round number said in words after a bound: 'over a thousand', 'just under a hundred' (read before the rules, and by
# the claim check on the text as typed)
ROUND_IN_WORDS = re.compile(r"\b(over|under|about|around|nearly|almost|more than|less than|roughly|just over|just under) "
                            r"a (hundred|thousand)\b")


def round_in_words(text: str) -> str:
    """'over a thousand' -> 'over 1000'."""
    return ROUND_IN_WORDS.sub(lambda m: f"{m[1]} {100 if m[2] == 'hundred' else 1000}", text)


_RULES = [
    (r"(\d),(\d{3})\b", r"\1\2"),                     # 1,000 -> 1000
    (r"\bno\.(?=\s|$|\?)", " number "),                  # "parkwood asb no.": the number
    (r"\b(what|where|how|who|when|which|there|that)['\u2019]s\b", r"\1 is"),  # "what's the crime rate"
    (r"[^\w/&+%<'\- ]", " "),
    (r".+", lambda m: spoken_numbers(m[0])),             # 'twenty twelve thirteen', 'nine hundred and ninety four'
    (ROUND_IN_WORDS.pattern, lambda m: round_in_words(m[0])),  # 'was it really over a thousand'
    (r"\bquarter (?:number )?([1-4])\b", r"q\1"), (r"\bquarter (one|two|three|four)\b",
                                                     lambda m: "q" + str(_UNITS[m[1]])), (r"\bfirst two quarters\b", "first half"),
    (r"\b(?:um+|uh+|erm*|er|hmm+)\b", " "), (r"\bso basically\b|\bbasically\b", " "),
    (r"\bwear (?=there\b)", "were "), (r"\bwear (?=(?:do|did|are|is|does|was|were|we|abouts|about)\b)", "where "),
    (r"\btoo\b", "to"),
    # the setting before a question: "im going into the board meeting and they will ask about", "right so ive got
    # councillors asking about", "im in with the chief exec in five minutes", "im walking over to the csu now can you"
    (r"^(?:(?:right|ok|okay|so) )*(?:i ?a?m|i m|ive got|i ve got|i have got|we ve got|the board|so the board)\b.*?"
     r"\b(?:(?:will|ll|might|may|are|is|keep) ask(?:ing)?(?: about| what)?|asking (?:about|me)|"
     r"can you (?:give|tell|send|get) me|in (?:\d+|a few|two|five|ten|few) minutes?|in (?:a|an) (?:minute|hour)|now)\b", " "),
    (r"'s\b", ""),
    # whose vehicle or bike it was: 'stuff taken out of their cars', 'theft from people's vans' (theft from vehicles)
    (r"\b(from|of|out of|into|off) (?:my|our|their|his|her|your|people|peoples|someone|somebody|residents|"
     r"customers|neighbours|visitors|staff) (?=(?:parked )?(?:cars?|vans?|vehicles?|motors?|bikes?|bicycles?)\b)", r"\1 "),
    (r"(?<![\w])'|'(?![\w])", " "),
    (r"(?<=[a-z])-(?=[a-z])", " "),                      # anti-social, re-offending: words, not ranges
    (r"\bm\s*/\s*v\b|\bmv\b", "motor vehicle"),                # 'theft of m/v'
    (r"(?<=[a-z])/(?=[a-z])", " "),                      # drunk/rowdy, vandalism/graffiti
    (r"\bre offend", "reoffend"),
    (r"\b(\d+)(yrs?|years?|months?|mths?)\b", r"\1 \2"),  # 3yr, 18yr
    (r"\byr\b", "year"), (r"\byrs\b", "years"),
    (r"\bno\.?\s*of\b", "number of"),                       # "no. of crimes"
    (r"\bno\.?\s*(\d)", r"number \1"),                      # "no.1 priority"
    (r"\bqtrs?\b", "quarter"),
    (r"\b((?:20)?\d\d\s*/\s*\d\d)\s*(?:-|to|through|thru|until|till)\s*((?:20)?\d\d\s*/\s*\d\d)\b", r"\1 to \2"),  # 10/11-12/13
    (r"\b(?:what(?:s| is)? )?the (?:deal|story|situation|score|picture|position) (?:with|on|for)\b", " "),  # 'whats the deal with'
    (r"\bhow (?:are|r) we doing (?:on|with|for)\b", " "),
    (r"\b(?:a|each|every|per) (week|day)\b", r"per \1"), (r"\bweekly\b", "per week"),  # 'a week', 'weekly'
    (r"\bdaily\b", "per day"),
    # '8th to 9th', 'up from 5th': a rank moving ('1st time entrants' is not a rank)
    (r"\b\d{1,2}(?:st|nd|rd|th) to \d{1,2}(?:st|nd|rd|th)\b|\b(?<=from )\d{1,2}(?:st|nd|rd|th)\b", "rank"),
    (r"(?<!\w)[-+/](?!\w)", " "),                      # a dash or plus on its own: punctuation
    # "per 1,000 residents", "per 1k pop": one measure word, whatever the denominator is called
    (r"\bper\s*(?:1000|1k|k|thousand|1 000)\s+(?:of\s+)?(?:the\s+)?(?:households|homes|houses)\b", " per1000h "),
    (r"\bper\s*(?:1000|1k|k|thousand|1 000)\s+(?:of\s+)?(?:the\s+)?(?:vehicles|cars|crimes|incidents|shops|"
     r"businesses|children|women|men|drivers|miles|km)\b", " per1000x "),
    (r"\bper\s*(?:1000|1k|k|thousand|1 000)\s+(?:of\s+)?(?:the\s+)?(?:adults|over 18s)\b", " per1000a "),
    (r"\bper\s*(?:1000|1k|k|thousand|1 000|head|capita)\b(?:\s+(?:of\s+)?(?:the\s+)?"
     r"(?:people|residents|population|pop|inhabitants|persons))?", " per1000 "),
    (r"\b(\d|two|three|four|five) (?:survey|financial|calendar|recorded) years\b", r"\1 years"),  # '3 survey yrs'
    # "last fy 2012/13": the year is named; 'last' says nothing more
    (r"\b(?:last|previous|this|the) (?:fy|financial year)\s+(?=(?:fy\s*)?(?:20)?\d\d\s*[/-]\s*\d\d\b)", "fy "),
    # "compared to the same time last year": the change on the year before
    (r"\b(?:compared (?:to|with)|vs|v|versus|against|on) (?:the )?same (?:time|months|point|period) "
     r"(?:last year|a year (?:before|earlier|ago)|the year before|the previous year)\b", " yoy "),
    (r"\b(?:compared (?:to|with)|vs|v|versus|against|on) (?:the )?same (?:quarter|qtr|month) "
     r"(?:a year (?:before|earlier|ago)|the year before|the previous year)\b", " yoy "),
    (r"\b(?:than|compared (?:to|with)) (?:before|last year|a year ago|the year before)\b", " yoy "),
    # "compared to the one before", "vs the previous one": the change on the year before
    (r"\b(?:than|compared (?:to|with)|vs|v|versus|against) (?:the )?(?:one|year) (?:before|prior)\b", " yoy "),
    (r"\b(?:than|compared (?:to|with)|vs|v|versus|against) (?:the )?previous (?:one|year)\b", " yoy "),
    (r"(?<=[a-z0-9]) n (?=[a-z])", " and "),  # 'theft n handling', '2012/13 n county rank'
    # the bot addressed by name, typed rather than mentioned: "@crimebot asb 2012/13", "hey bot ...", "... thx bot"
    (r"\bcrime ?bot\b|^(?:(?:hey|hi|hello|ok|oi|yo|dear)\s+)?bot\b|\b(?:thanks|thank you|thx|ta|cheers) bot\s*$", " "),
    (r"\b(i|we|you|they)(?:'| )?d (?=(?:like|love|prefer|want|be|have|guess|say|think|imagine|expect|need|rather|appreciate)\b)",
     r"\1 would "),  # "i'd like to see", "we'd love": as said in full
    (r"\bid (?=(?:like|love|prefer|be|have|guess|say|think|imagine|expect|rather|appreciate)\b)", "i would "),
    (r"\bhowmany\b", "how many"), (r"\bw/(?=\s)|\b(?<=compared )w\b", "with"),
    # "the 3.2 outcomes table", a section's number before its table: where the figure is, named
    (r"\b(?:the )?(\d{1,2}) (\d{1,2}) (?:[a-z]+ )?table\b", r" section \1 \2 "),
    # "kent districts (excl medway)": Kent, the county area of the 12 districts
    (r"\bkent districts?\s+(?:excl|excluding|exc|not including|without)\s+medway\b", " kent "),
    # "apr-sep 2013 v same 2 qtrs 2012": the same months a year before
    (r"\b(?:v|vs|versus|against|compared (?:to|with))\s+(?:the\s+)?same\s+(?:\d|two|three|four|six)\s+"
     r"(?:qtrs|quarters?|months)(?:\s+(?:of\s+|in\s+)?(?:last year|a year (?:before|earlier|ago)|(?:19|20)\d\d))?", " yoy "),
    (r"\b(?:percentage|%)\s+points?(?:\s+change)?\b|\bpp change\b", " change "),
    (r"\b(?:v|vs|versus|against|compared (?:to|with))\s+(?:the\s+)?same\s+(?:period|months|time)\s+(?:in\s+|of\s+)?"
     r"(?:19|20)?\d\d\b", " yoy "),  # "apr-sep 2013 vs same period 2012", "apr-dec 13 against the same months of 12"
    (r"\bhw (?=many|much|is|are|has|did|does)", "how "),
    (r"\bward ?wise\b|\bward by ward\b", " by ward "),
    (r"\bt ?(?:&|and) ?f\b", " task and finish "),
    (r"\bhow (?:fast|quickly)\b", " how much "),
    # 'what % of domestic abuse do they reckon gets reported': what is estimated
    (r"\b(?:do|did|does) (?:they|experts|the police|the assessment|it) (?:reckon|estimate|reckoned)\b", " estimated "),
    # 'the year i'm reading up on': reading, not a rise
    (r"\b(read|reading|brush|brushing|swot|swotting|catch|catching|gen|genning|mug|mugging) up (?:on|about)\b", r" \1 "),
    # 'how many crimes and outcomes was it out of?': the counts a rate is of, said last
    (r"\b(?:is|was|were|are) (?:that|it|this|they) out of\s*$", " "),
    (r"\bas well\b", " also "),
    (r"\bbucked the trend(?: and)?\b", " "),                          # "which districts bucked the trend and saw crime rise"
    (r"\b((?:20)?\d\d\s*/\s*\d\d)\s+june?\s*(?:-|to)?\s*may\b", r"\1"),  # "2012/13 (jun-may)": that year as the data gives it
    (r"\bsince (0\d|1[0-4])\b(?!\s*[/-])", r"since 20\1"),           # "change since 07"
    (r"\b(years|yrs) in the table\b", r"\1"),                        # "asb over the 3 yrs in the table"
    (r"\b(?:bigger|smaller|larger)(?: or (?:bigger|smaller|larger))? than\b", " compared with "),
    (r"\bin (?:this|the) (?:document|report|paper)\b", " "),
    (r"\bnicking\b", " stealing "),
    (r"\b(?:nick|pinch|swipe)\b(?= (?:stuff|things|items|goods|from|bikes?|cars?|vehicles?))", " steal "),  # slang
    (r"(\bhospital\b.*?)\b(?:after )?(?:being |getting |they were |were )?(?:attacked|assaulted|beaten up)\b", r"\1 assault "),
    (r"\b(?:deaths|killed|fatalities) (?:and|or|&) serious(?:ly)? injur\w*", " ksi "),
    (r"\b(?:band|gap|distance|range) between (?:the )?(?:two )?(?:red |spc |control )?(?:(?:upper|top) (?:and|&) (?:lower|bottom) )?"
     r"(?:control limits|lines|limits)\b",
     " width between the control limits "),
    # the chart's red lines are its control limits: 'top red line', 'the spc lines', 'red control lines'
    (r"\b(?:top|upper|higher) (?:red )?(?:control )?line\b", " upper control limit "),
    (r"\b(?:bottom|lower) (?:red )?(?:control )?line\b", " lower control limit "),
    (r"\b(?:(?:two|the) )?(?:red (?:control )?lines|spc lines|red control lines|control lines)\b", " control limits "),
    (r"\bour (smp|csp|partnership|community safety partnership)\b", r"the \1"),  # "who chairs our smp"                                        # "rate as well pls"
    (r"\b(?:can|could|would) (?:you|someone|anyone|somebody)(?: please| pls)? (?:list|remind me(?: of)?|show me|confirm)\b", " "),
    (r"^\s*(?:please |pls )?(?:name|list)\b", " "),                    # "name the five wards that account for ..."
    (r"\b(?:all )?(?:through|throughout) (?=(?:fy\s*)?(?:20)?\d\d\s*/\s*\d\d)", " in "),  # "month by month through 2012/13"
    (r"\bin the (?:sa|strategic assessment|assessment|document)\b", " "),
    # "what does the assessment give us (on)", "what does the sa say about": the figures it holds, asked
    (r"\bwhat (?:does|did|do) (?:the )?(?:sa|strategic assessment|assessment|document|doc|report) (?:say|give|have|show|tell)"
     r"(?: us| me)?(?: (?:about|on|for|re))?\b|\baccording to (?:the )?(?:sa|strategic assessment|assessment|document)\b",
     " "),
    (r"\b(compared (?:with|to)) (?:the )?rest of (england|the country|the uk|england and wales|great britain|gb)\b", r"\1 \2"),
    (r"\b(?:which |what )?(?:areas|parts|bits) of the borough\b", " which wards "),
    (r"\bsleeping rough\b", " rough sleeping "),
    # "how much of the apr-sep 2013 rise came in q2": the quarter of that financial year, the part asked about
    (r"\b(?:apr|april)\w*\s*(?:-|to)?\s*(?:sep|sept|september)\w*\s+(20\d\d)\b(.*?)\bq([1-4])\b(?!\s*(?:of\s+)?(?:fy\s*)?(?:20)?\d\d)",
     lambda m: f"{m[2]} q{m[3]} {m[1]}/{(int(m[1]) + 1) % 100:02d}"),
    (r"\b(?:across|out of) (?:all )?(?:the )?(?:12|twelve) (?:kent )?(?:districts|councils|boroughs)\b", " in kent "),
    (r"\b(?:and )?(?:someone|somebody|they|people|members|cllrs|councillors|the chair) (?:will|ll|might|may|is going to|"
     r"are going to|is bound to|are bound to) (?:ask|want to know)\b", " "),
    (r"\bpull (?:the |our |my )?(pack|figures|numbers|stats) together\b", r"\1"),
    (r"\bin the (?:partnership |smp |csp )?plan\b", " "),
    (r"\b(?:the )?whole (cars?|vehicles?|motors?)\b", r"\1"),           # "cars stolen (the whole car)"
    (r"\b(?:how far |how much )?above or below (?:the )?predicted\b", " vs predicted "),
    (r"\b(?:there s |there is )?(?:a |the )?(?:column|row|line) (?:called|named|labelled|headed)\b", " "),
    (r"\b(up|down) rather than (?:down|up)\b", r"\1"),
    (r"\b(position|rank|ranking|league|table)[ -]?wise\b", r"\1"),   # "how do we compare position wise"
    (r"\b(?:nicked|pinched|swiped|nabbed)\b(?! for\b)", " stolen "),      # "stuff nicked from cars" (not "nicked for drugs")
    (r"\b(\d\d-\d\d|\d\d) year olds?\b", r"aged \1"),                  # "18-24 year olds"
    (r"\bon the way (down|up)\b", r"going \1"),
    (r"\bmovers and shakers\b", " rank movers "),
    (r"\b(?:run|do|draw|plot|produce|make) (?:me )?(?:an? |the )?(spc|control chart)\b", r"\1"),
    (r"\b(?:the )?whole force(?: area| wide)?\b", " kent and medway "),
    (r"\b(?:from|in|on) (?:the )?(?:3|three)[ -]years? table\b", " "),
    (r"\b(?:in |from )?the exec(?:utive)? summary\b", " "),
    (r"\b(?:every |all (?:the )?)(?:years?|periods?|figures?) (?:you ve got|you've got|you have got|you have|youve got|"
     r"you ve|you've|available|there is|there are)\b", " trend "),
    # who passed the question on, first: "cllr asking about metal theft", "the chair wants to know"
    (r"^\s*(?:(?:a|the|our|my) )?(?:cllr|councillor|chair|commander|inspector|sergeant|sgt|manager|boss|colleague|"
     r"[a-z]+ colleague|journalist|reporter|member of the public|resident)\s+(?:is\s+)?(?:asking|asked|wants to know|"
     r"wanted to know|enquiring)(?:\s+(?:about|for|re|regarding|what|how))?\b", " "),
    (r"\bparked (cars?|vehicles?|vans?|motors?)\b", r"\1"),            # "breaking into parked cars": cars
    # "burglaries that arent houses", "rather than peoples homes": burglary of anything but a home
    (r"\b(?:that|which) (?:arent|aren t|are not|isnt|isn t|is not|werent|weren t) (?:people s |peoples )?"
     r"(?:homes?|houses?|dwellings?)\b|\b(?:rather than|not|other than) (?:people s |peoples |private )?(?:homes|houses|dwellings)\b",
     " non dwelling "),
    # "2012/13, the most recent year is the one i actually want": which one is wanted, said again
    (r"\b(?:the )?(?:most recent|latest|newest|last) (?:year|one|figure|period)s? (?:is|are) (?:the one|the ones|what) "
     r"(?:i|we)(?: m| am| re| are)? (?:actually |really |most )?(?:want|need|after|interested in)\b", " latest "),
    (r"\b(?:is|are) (?:the one|the ones|what) (?:i|we)(?: m| am| re| are)? (?:actually |really |most )?(?:want|need|"
     r"after|interested in)\b", " "),
    (ROLE.pattern, r"\1"),
    # the asker's guesses at a name, said beside it: "theft and handling i think it's called", "the 'outcome rate' i
    # think", "i assume that's", "i'm never sure which term we're meant to use"
    # a guess at the figure, to be checked (parse.CHALLENGE): "i think it was a bit under ten percent", "i reckon 400"
    (r"\b(?:i (?:think|believe|assume|guess|reckon|gather)|my guess is|i was under the impression)(?: that)?(?: (?:it s|"
     r"its|it's|it is|it was|it|we were|we re|we're))?(?: (?:a bit|just|slightly|a little))?(?= (?:about|around|roughly|"
     r"approximately|approx|nearly|almost|over|under|more than|less than|something like) [-+]?\d| [-+]?\d)", " is it "),
    (r"\bi (?:think|believe|assume|guess|reckon)(?: (?:it s|its|it's|that s|thats|that's|it is|they re|they're|it was))?"
     r"(?: (?:called|named|known as|what it s called|what its called))?(?= |$)", " "),
    (r"\b(?:i m|im|i'm|i am) (?:never|not (?:always|ever|really)) sure which (?:term|word|one|name)s?\b(?: (?:we re|we're|"
     r"were|i m|i'm|im|i am|you re|you're) (?:meant|supposed) to (?:use|say))?", " "),
    # a fraction guessed: 'about a quarter', 'reckon its about a third': its percentage, checked as a claim
    (r"\b(about|around|roughly|nearly|almost|over|under|more than|less than|just over|just under) (?:a|one) "
     r"(half|third|quarter|fifth|tenth)\b", lambda m: f"{m[1]} {dict(half=50, third=33, quarter=25, fifth=20, tenth=10)[m[2]]}%"),
    (r"(?<!you )\b(?:i )?reckon(?= (?:it s|its|it is|it was) )", " i think "),
    # 'my manager wants me up to speed': no speeding
    (r"\b(?:get|got|getting|bring|bringing|brought|be|am|is|are|keep|keeping|me|them|him|her|us|myself) up to speed\b",
     " "),
    # 'how much it grew since 2001': the change
    (r"\b(?:grew|grown)\b", " increase "),
    # 'was april 2012 below the lower limit', 'above the upper control limit': outside the limits
    (r"\b(?:below|under|beneath) the lower (?:control )?limit\b|\b(?:above|over) the upper (?:control )?limit\b",
     " outside the control limits "),
    # 'rtc casualties, all severities': every casualty
    (r"\ball (?:severities|severity levels|levels of severity|injury types|types of injury)\b", " all "),
    # 'just been asked to sit on it', 'i sit on the asb group': joining a group, not where a place sits in a table
    (r"\b(?:i|we|to|i m|im|i am|we re) (?:sit|sitting|sat) on (?:it|that|this|them|the (?:[a-z&]+ ){0,3}?(?:group|grp|board|"
     r"panel|forum|committee|sub ?group|partnership))\b", " join "),
    # 'which wards come up most for domestic abuse': which has the most, not a direction
    (r"\b(?:come|comes|came|coming|crop|crops|cropped|show|shows|showed) up (?:the )?most\b", " most "),
    # 'ive got 167', 'i've got drug offences at 422': the asker's own figure
    (r"\bive\b", "i have"),
    (r"\bwe(?:'| )?re (?=(?:still )?\d{1,2}(?:st|nd|rd|th)\b)", "are we "),  # 'is it right we're 10th in kent'
    # 'outcome rate nov 2013 vs nov last year': the same month a year before
    (r"\b(?:vs|v|versus|against|compared (?:to|with)|and) (?:the )?(?:same month |(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|"
     r"dec)[a-z]* )(?:last year|the year before|a year (?:earlier|before|ago)|the previous year)\b", " yoy "),
    # 'a student asked me and i had no idea': not a negation of anything asked
    (r"(?:\b(?:and )?(?:i )?(?:had|have|ve|ve got|got) no idea\b|\bno idea\b)(?! (?:what|how|why|who|where|when|if|whether)\b)",
     " "),
    # 'out of everything you've got', 'of all the data you have': the whole series
    (r"\b(?:out of |of )?(?:everything|all) (?:you ve got|you have|you ve|you hold|the data has|there is)\b", " "),
    # 'compare the two', 'compare both': set side by side
    (r"\b(compare|comparing) (?:the )?(?:two|both|them|these|those)(?: of them)?\b", r"\1"),
    # 'improved ones first': the order the rank changes already come in
    (r"\b(?:the )?improved (?:ones )?first\b", " "),
    # 'how many extra offences': the change
    (r"\bhow many (?:extra|more|additional) (offences|crimes|incidents)\b", r" by how much did \1 increase "),
    # 'kids hanging about causing trouble', 'youths hanging around': teenagers hanging around
    (r"\b(?:kids|youths|young people|youngsters|teens|lads) (?:hanging|hang) (?:about|around)(?: causing trouble)?\b",
     " teenagers hanging around "),
    # 'what % does the assessment reckon gets reported': the assessment's estimate
    (r"\b(?:does|do) the (?:assessment|document|report|sa) (?:reckon|think|estimate|say|suggest)\b", " estimated "),
    # 'how many people work in the night time economy': its jobs
    (r"\bhow many (?:people )?(?:work|are employed|are working|jobs are) in\b", " jobs in "),
    # 'pedestrians knocked down', 'people run over': hurt on the roads
    (r"\b(?:knocked (?:down|over)|run over|ran over|mown down|hit by (?:a |an )?(?:car|vehicle|van|lorry|bus)s?)\b", " hurt "),
    # a figure asked for only if the data has it: 'nov 2013 figures if there are some', 'if there is one'
    (r"\bif (?:there (?:are|is) (?:some|any|one)|there s (?:one|some|any)|you (?:have|ve got) (?:them|it|one|any|some)|"
     r"(?:it s |its |they re |theyre )?(?:available|possible)|(?:it|that) exists)\b", " "),
    # filler around what is asked: "what on earth is", "flip side", "and yes i know", "at once", "lumped together"
    (r"\bwhat on earth (is|are|does|do)\b", r"what \1"),
    # everyday verbs and phrases for what the data names: 'keep an eye on' (a priority's figures), 'give out'
    # (cautions given), 'fed up with' (a big problem), 'linked to drink and drugs', 'which councillor chairs'
    (r"\b(?:keeps? an eye on|keeps? tabs on|monitors?|tracks?|oversees?)(?=\s*\??\s*$)", " cover "),
    (r"\b(give|gave|given|giving) out\b", r"\1"),
    (r"\b(?:most |more |really |very )?fed up (?:with|about|of)\b", " most concerned about "),
    (r"\b(?:linked|connected|attributable|attributed) (?:to|with)\b", " related to "),
    (r"\bwhich (?:councillor|cllr|member|person|officer)\b", "who"),
    (r"\b(?:mostly|mainly|largely|predominantly) (?=come|comes|came|coming|from|happen|happens|happened|located|"
     r"concentrated|found|based)\b", " "),
    (r"\b(kent (?:and|&) medway|the force(?: area)?|the borough|the district|england(?: (?:and|&) wales)?|"
     r"great britain|the country|maidstone) as a whole\b", r"\1"),
    (r"\b(survey|perception|perceptions) (?:question|questions)\b", r"\1"),
    (r"\bcounty (?:tables?|league tables?|positions table)\b", " county ranks "),
    (r"\b(?:the )?(?:whole|full|entire|complete) (?:table|list) of (?=(?:the )?(?:county )?rank)", " "),
    (r"\bconflict resolutions?\b", "conflict"),
    (r"\b(exactly|precisely)(?=\s*[?,]|\s*$|\s+and\b)", " "),
    # the document, said as the one that gives the figure: "the assessment estimates how many", "the assesment has a
    # population growth forecast"; a table named by its subject: "from the outcomes table"
    (r"\b(?:the |this |our )?(?:strategic )?(?:assessment|assesment|assessement|report|document|doc|sa) (?:estimates?|"
     r"estimated)\b", " estimated "),
    (r"\b(?:the |this |our )?(?:strategic )?(?:assessment|assesment|assessement|report|document|doc|sa) (?:has|includes?|"
     r"mentions?|gives?|contains?) (?:a|an|the|some)\b", " "),
    (r"\b(?:from|in|on|of) the (outcomes?|monthly|crime|recorded crime|resolution|deprivation|unemployment|survey) "
     r"table\b(?! \d)", r" \1 "),
    (r"\b(?:the |for the |over the |covering the )?(?:time )?period (?:of |from |covering )?(?=(?:jan|feb|mar|apr|may|jun|"
     r"jul|aug|sep|oct|nov|dec)[a-z]* \d{4}\b|\d{4}\b)", " "),
    (r"\b(?:can you |could you )?(?:put|show|set|line up|lay out) (.{1,60}?) (?:next to each other|side by side|"
     r"alongside each other|against each other)\b", r" compare \1 "),
    (r"\bmain (?:shopping area|shopping centre|shopping street)s?\b", " town centre "),
    (r"\bmain (numbers|figures|stats|statistics)\b", " headline figures "),
    (r"\b(?:is|would be|will be) (?:fine|enough)\b", " "),
    (r"\b(?:a )?(?:real|serious|genuine) problem\b", " a big problem "),
    # who asked the asker, and their first week: 'my manager wants the total number of crimes'
    (r"\b(?:my|our|the) (?:manager|boss|line manager|director|chair|sergeant|sarge|inspector|commander|team leader|"
     r"head of service|cabinet member)(?: has| have)? (?:wants?|needs?|asked(?: me)?(?: for)?|has asked(?: me)?(?: for)?|is "
     r"asking(?: for)?|would like)(?: to know| me to find out| me to get)?\b", " "),
    (r"^(?:(?:hi|hello|morning|afternoon)\s+)?(?:it s |its )?(?:my )?(?:first|second) (?:week|day|month)(?: (?:at|in|with|on) "
     r"(?:the |my )?(?:council|job|police|team|partnership|smp|csp|work|office))?(?: and| so)?\b", " "),
    # everyday ways of saying what is asked
    (r"\bproblem (wards?|areas?)\b", r" hotspot \1 "),
    (r"\b(worst|best|better|worse) off\b", r"\1"),
    (r"\b(?:and )?did we buck the (?:county |kent |national )?trend\b", " "),
    (r"\b(?:steady|consistent|continuous|gradual|sharp|big) (fall|rise|decline|increase|drop|trend)\b", r"\1"),
    (r"\b(?:is (?:the|it|this) (?:rise|fall|increase|drop|change) )?(?:a )?real trend or (?:just )?(?:a )?(?:blip|one off|"
     r"fluke)\b", " trend "),
    (r"\bpart of (?:one of )?(?:the )?(priority|priorities)\b", r" \1 "),
    (r"\b(?:in )?any particular (ward|area|district)s?\b", r" \1s "),
    (r"\bor (?:is it )?(?:spread out|spread evenly|evenly spread|all over)\b", " "),
    (r"\b(?<!or )(?:faster|quicker|slower|more quickly|more slowly) (?!or )(in [a-z ]+? )?than(?: across| in)?\b",
     r" \1 compared with "),
    (r"\b(?:this|the current) (?:financial|fiscal) year(?= *(?:april|apr)\b)", " "),
    (r"\bcounty (?:position|rank|ranking|league) changes\b", " rank changes "),
    (r"\b(?:people )?(?:dumping|dump|dumped|tipping) (?:rubbish|waste|stuff|junk|litter)(?: illegally)?\b|\billegal "
     r"(?:dumping|tipping)\b", " fly tipping "),
    (r"\busing or selling\b|\bselling or using\b", " using or dealing "),
    (r"\b(drugs? (?:crimes?|offences?))\s+(?:possession|using|use) (?:or|and|and/or) (?:dealing|supply|supplying)\b", r"\1"),
    (r"\bround (?:their|our|my|the) way\b", " "),
    (r"\bthefts? plus handling\b", " theft and handling "),
    (r"\bsteal(?:ing)? (?:things |stuff |items |property |belongings )?(?:out of|from) (?:parked )?(cars?|vehicles?)\b",
     r" theft from \1 "),
    (r"\b(?:and )?(?:i )?(?:want|need|would like) (?:the|an?) (?:overall|big|whole|general|full|broad) (?:picture|view|"
     r"overview)\b", " "),
    # which way a rank runs, asked beside it: the answer says ('1st being best i assume', 'is 1st the best or worst')
    (r"\b(?:and )?(?:is )?(?:1st|first|number 1|no 1|1) (?:the )?(?:best|worst|highest|lowest)(?: or (?:the )?(?:best|worst|"
     r"highest|lowest))?\b|\b(?:1st|first|1) being (?:the )?(?:best|worst|highest|lowest)(?: i (?:assume|guess|think|presume))?\b"
     r"|\b(?:1|1st) (?:is|=) (?:the )?most deprived(?: i (?:think|assume|guess|presume))?(?= *$)", " "),
    # the car itself taken: 'the whole car driven off', 'whole vehicles taken', 'cars actually driven off / stolen'
    (r"\b(cars?|vehicles?|motors?) (?:that )?(?:were |was |being |getting )?(?:actually )?(?:taken|driven off|driven away)"
     r"(?: (?:or|/) stolen)?\b(?! (?:out|from))", r" \1 stolen "),
    (r"\b(?:the )?(cars?|vehicles?) themselves\b", r" \1 stolen "),
    (r"\bhow many (?:people|residents|locals)(?: round here| around here| locally| in the area| here)?(?= (?:reckoned|"
     r"reckon|thought|think|felt|feel|said|say|see|saw|consider|considered)\b)", " what % of residents "),
    (r"^\s*(?:on the )?flip side\b", " "),
    (r"\b(?:and )?yes i know\b", " "),
    (r"\b(?:all )?at once\b|\b(?:all )?lumped together\b|\beverything recorded\b", " "),
    (r"\bgoing by the (?:big |main |first |summary )?table\b|\bthe appendix one\b", " "),
    (r"\bthe doc(?:ument)? calls (?:them|it)\b", " "),
    (r"\b(?:with (?:the )?(?:numbers|figures) )?if (?:you|u) (?:have|ve got|have got|can get) (?:them|it|those)\b", " "),
    (r"\b(?:ward )?names are fine\b|\b(?:a list )?in order would be (?:great|good|helpful|ideal|lovely)\b", " "),
    (r"\b(?:a )?fairly or very big problem\b|\bvery or fairly big problem\b", " big problem "),
    # "what proportion of crimes got a result", "% of crimes solved": the resolution outcome rate
    (r"\b(?:proportion|percentage|%|share|rate|percent) of (?:(?:all|recorded) )?(?:crimes?|offences?) (?:that )?(?:got|get|getting|"
     r"gets|were given|ended with|ending in|ended in|led to|leading to|resulted in|with|that got) (?:a |an )?(?:result|outcome|"
     r"positive outcome|resolution|resolved outcome)s?\b|\b(?:proportion|percentage|%|share|rate|percent) of (?:(?:all|recorded) )?"
     r"(?:crimes?|offences?) (?:that (?:were|was) |being )?(?:solved|resolved|cleared up)\b", " outcome rate "),
    (r"\b(?:crimes?|offences?) (?:that )?(?:got|get|gets|were given|ended with|ended in|resulted in|led to|with) (?:a |an )?"
     r"(?:result|outcome|positive outcome|resolved outcome)s?\b", " resolution outcomes "),
    (r"\brelative to\b(?! the rest)", " compared with "),
    (r"\b(?:the )?whole (?:of the )?borough\b|\bborough ?wide\b|\bacross the (?:whole )?borough\b", " the borough "),
    # 'the whole of gb', 'how big is the whole sample': all of it, which is what a figure counts
    (r"\b(the|this|that) (?:whole|entire) (?:of )?(?!cars?\b|vehicles?\b|motors?\b|force\b|borough\b|table\b|list\b|time\b|period\b|year\b|stretch\b|kent\b|"
     r"medway\b|county\b|district\b|country\b|maidstone\b|town\b)", r"\1 "),
    (r"\b(?:the )?force (?:area|wide)\b", " kent and medway "),
    (r"\bthe survey (?:answer|one|figure|result|question|measure)s?\b", " survey "),
    (r"\b(?:going by|according to) the kent (?:crime (?:and victimisation )?)?survey\b", " "),
    (r"\b(offences|offence|theft|thefts|crime|crimes|rate|category|burglary|damage)'?\s+(?:line|row)\b", r"\1"),
    (r"\b(?:who (?:got|get|were|was|are|is) )?(?:hit|knocked down|knocked over|run over) by (?:a |an )?(?:car|vehicle|van|lorry|bus|"
     r"motorist|driver)s?\b", " injured "),
    (r"\b(?:get |got |are |were |being )?interviewed (?:for|in|by)(?= (?:the )?(?:kent crime and victimisation survey|kcvs|crime "
     r"survey|survey))", " sample size of "),
    (r"\b(?:the )?(?:official|legal|formal|government|proper|exact|actual) definition\b", " definition "),
    (r"\bwhat definition does the (?:assessment|report|document|sa|partnership) use(?: for)?\b", " definition of "),
    (r"\bdoes .{1,40}? count as (domestic abuse|domestic violence|anti ?social behaviour|antisocial behaviour|asb)\b",
     r" what counts as \1 "),
    (r"\b(?:including|counting|even|plus) (?:the ones|those|people|women|victims|them) (?:who|that) (?:never|don t|dont|do not|"
     r"didn t|didnt|did not) (?:report|come forward)(?: it| them)?\b|\breported or not\b", " "),
    (r"\b(?:has|have|had) (?:our |the |maidstone s )?(county )?(rank|ranking|rankings|position) shifted\b", r" \1\2 changes "),
    (r"\bshifted\b", " changed "),
    (r"\b(?:heading|going|moving) north or south\b|\bnorth or south\b", " up or down "),
    # "domestic abuse against men": who the victims are, not a comparison
    (r"\b(abuse|violence|crimes?|offences?|assaults?) against (men|women|males|females|children|older people|the elderly)\b",
     r"\1 \2"),
    (r"\b(?:the )?(?:latest|most recent|newest|last) (?:year|figure|one|period|data)s? (?:you ve|you have|you've|we ve|we have|"
     r"there is|there s|available)(?: got)?\b", " latest "),
    # "is our drug offence rate above the county average": a comparison with it
    (r"(?<!above or )(?<!below or )\b(?:above|below|over|under|higher than|lower than|worse than|better than)"
     r"(?! or (?:above|below))(?= (?:the )?(?:county|kent|national|"
     r"england(?: and wales)?|regional|south east)(?: (?:average|rate|figure|level|one)s?\b|(?! (?:rank|ranks|ranking|position|"
     r"league|table)\b)))", " compared with "),
    (r"\bhow far (?:was|is|were|are) (?:our |the |maidstone s |maidstone |maidstones )?(actual (?:re ?offending )?rate) "
     r"(?:above|below|over|under|off|from|away from) "
     r"(?:the )?predicted(?: one| rate)?\b", r" \1 vs predicted "),
    (r"\bnew in (?:post|the job|role|the role|my role)\b", " new "),
    (r"\b(?:talks?|talked|talking|keeps? talking|keeps? mentioning) about\b", " "),
    (r"\bwhat does the (?:assessment|report|sa|document|doc) (?:say|flag|highlight|note|show|tell us)s? (?:about|for|on)\b", " "),
    (r"\bwhat are the (?:main|key|big|biggest) (?:issues|problems|concerns)(?: (?:in|for|at))?\b", " "),
    (r"\bwomen(?: aged)? 16 ?-? ?59\b", " women "),
    (r"\b(?:who|that) (?:were|are|was|have been|had been) (victims? of)\b", r" \1 "),
    # "outcome rate sept 2013 and how many outcomes that was": the rate's answer gives its counts
    (r"\band how many (?:outcomes|crimes|offences|incidents|people)(?: (?:that|this|it) (?:was|is|were)| there were| were there)?"
     r"\b", " "),
    # "people pinching lead and copper cable": metal theft
    # (what was taken stays, to be said as counted within it)
    (r"\b(?:stealing|nicking|taking(?! the lead\b)|theft of|thefts of|stripping|pinching)\s+(?:the\s+)?((?:(?:lead|copper|cable|"
     r"cabling|metal)(?:\s+(?:cable|cabling|wire|wiring|pipes?|piping))?)(?:\s+(?:and|or|&)\s+(?:lead|"
     r"copper|cable|cabling|metal)(?:\s+(?:cable|cabling|wire|wiring|pipes?|piping))?)*)\b",
     _metal_taken),
    (r"\b(?:how many (?:people|residents) )?(?:took part in|take part in|taking part in|answered|responded to|filled (?:in|out)|"
     r"completed)(?= (?:the )?(?:kent crime and victimisation survey|kcvs|crime survey|survey))", " sample size of "),
    (r"\bwomen\b(?: in [a-z]+)?(?: (?:are|were))?(?: (?:thought|estimated|believed|likely))?(?: to)? (?:suffer|experience|be "
     r"victims of|be affected by|are victims of|affected by)(?= (?:domestic abuse|domestic violence|dv|da)\b)", " women victims of "),
    (r"\b(?:forecast|expected|projected|predicted|set|going) to grow\b", " population growth forecast "),
    (r"\b(?:the )?(?:\w+ )?(?:table|chart|report|doc|document|pdf|appendix) (?:says|said|shows|calls it|calls them|lists)\b"
     r"(?!\s*[-+]?\d)", " "),
    (r"\btaking or dealing\b|\bdealing or taking\b", " using or dealing "),
    (r"\b(?:the )?middle of (?:the )?town\b", " town centre "),
    # "how many people thought it was a problem": the survey gives the share of residents, not a count
    (r"\bhow many (?:people|residents|locals|of us|folk)(?= (?:reckoned|reckon|thought|think|felt|feel|said|say|see|saw|"
     r"consider|considered|rated|rate)\b)", " what % of residents "),
    (r"\b(?:the |in the )?(?:kent )?crime survey\b(?! sample)", " the survey "),  # a survey, not crimes counted
    # "what % of people reckoned it was a big problem": the survey's share
    (r"\b(people|residents) (?:reckoned|reckon|reckons|thought|think|felt|feel|feels|said|say)"
     r"(?: (?:it|that|this|they))?(?: (?:was|is|were|are|as))?(?= (?:a )?(?:very |fairly |big |major |real )*problem)", r"\1"),
    (r"\b(?:actually )?stolen outright\b|\bstolen (?:the )?whole car\b", " stolen "),
    (r"\babuse (?:at home|in the home|behind closed doors)\b", " domestic abuse "),
    # "new at kcc highways", "from mbc housing": where the asker works, not the place asked about
    (r"\b(?:at|from|with) (?:kcc|mbc|kent county council|maidstone borough council|kent police|kfrs|the council)"
     r"(?: (?:highways|housing|community safety|licensing|public health|youth service|social services|children s services|"
     r"environmental health|planning|enforcement|parking|comms|communications|policy))?(?= |$)", " at work "),
    (r"\bwho(?: d|'d| had) been (?:a )?victims? before\b|\bwho (?:had )?(?:already )?been (?:abused|victims?) before\b",
     " repeat victims "),
    (r"\b(?:and )?out of how many(?: crimes| offences)?\b", " "),  # 'and out of how many crimes': the rate's crimes
    (r"\b(?:the )?(?:whole|full|complete|entire) (?:list|lot|set)(?: of)?\b", " all "),
    (r"\b(?:go|gone|went|going|slipped|slip) backwards?\b", " declined "),
    # "can someone explain the resettlement pathways": what they are ('explain why', 'explain the rise' ask causes)
    (r"\b(?:(?:can|could) (?:someone|you|anyone|somebody|u) )?(?:please )?explain (?:to me )?(?!why\b|the (?:rise|fall|"
     r"increase|decrease|drop|spike|jump|change|reduction)\b|this\b|that\b|it\b)", " what is "),
    # "break-ins at people's actual homes", "burglaries of houses": the dwelling burglaries
    (r"\b(burglary|burglaries|break ins?|breakins)\s+(?:at|of|to|on|in|into)\s+(?:people s |peoples |people |private |"
     r"residential |actual |their |family )*(?:homes?|houses?|flats?|dwellings?)\b", " dwelling burglary "),
    (r"^\s*(\w+)\s+(?:what does|whats|what s) (?:that|it|this) (stand for|stands for|mean)\b", r" what does \1 \2 "),                       # "how fast is the population expected to grow"
    (r"\b(?:faster|slower|quicker)(?: or (?:faster|slower|quicker))? than\b", " compared with "),
    # the measure said twice: "number not %", "the rate not the count"
    (r"\b(number|numbers|count|total)\s*(?:,|-)?\s*not\s+(?:the\s+|a\s+|as a\s+)?(?:%|(?:percent(?:age)?|rate|share|proportion)\b)", r"\1"),
    (r"(%|\bpercent(?:age)?\b|\brate\b)\s*(?:,|-)?\s*not\s+(?:the\s+|a\s+)?(?:number|numbers|count|total)\b", r"\1"),
    (r"\bhow (?:that|this|it) compares? (?:with|to|against) (?:the )?(?:year before|previous year|last year|year earlier)\b",
     " yoy "),
    (r"\bin the (?:[a-z&]+ ){1,3}section\b", " "),                     # "what does ksi mean in the road safety section"
    (r"^\s*(?:please |pls )?(?:pull together|put together|dig out|send (?:me|us|over)|collate|gather)\b", " "),
    (r"\b(up|down) on (?:the )?(?:year before|previous year|year earlier|last year|prior year)\b", r"\1 yoy"),
    (r"\b(?:the )?(?:kent )?fire (?:and rescue )?service\b", " kfrs "),  # the organisation, not a count of fires                             # "shoplifting t&f group"
    (r"\b(\d\d)-(\d\d)s\b", r"\1-\2"),                                # "% of 16-64s"
    (r"\b(\d\d) ?plus\b", r"\1 and over"),                             # "older people 65 plus"
    (r"\b(?:the )?(?:other )?kent (?:district )?(?:councils|local authorities|authorities|boroughs)\b", " kent districts "),
    (r"(?<![\d] )\b(?:all )?(?:through|throughout) (?=(?:19|20)\d\d\b(?!\s*[/-]))", " in "),  # "through 2013"
    (r"\bmore than once\b", " repeat "),                              # "victims it happened to more than once"
    (r"\bi think (?:it s|its|it is|they re|thats|that s) called\b", " "),  # "(asb i think its called)"
    (r"\byoung (?:people|adults|uns|ones)? ?(?=aged \d)", " "),          # "young people aged 18-24": the ages say it
    (r"(\bpopulation\b.*?)\b(?:expected|projected|forecast|predicted|set|likely) to (?:grow|increase|rise)\b",
     r"\1 forecast growth"),                                          # the assessment's forecast, not ours
    (r"\b(?:the |your |this quarter s |last quarter s )?digest (?:says|said|mentions|mentioned|showed|shows|reported)\b", " "),
    (r"\b(injured|hurt|killed|ksi)\s+(?:when |after being )?(?:hit |struck |knocked down )?by (?:a )?(?:vehicles?|cars?|traffic)\b",
     r"\1"),                                                         # "people on foot killed ... by vehicles"
    (r"\b(?:is )?taking the lead on\b|\bleading on\b", " leads "),
    (r"\bdistrict (?:cdr|commander)\b", " commander "),
    (r"\bpriority (?:no|number|#) ?(\d)\b", r"priority \1"),
    # "which ward tops the drug offences table", "who is top of the asb list": the highest
    (r"\b(?:tops|top of|is top of|comes top of|at the top of) (?:the )?(?!rank)((?:[a-z&]+ ){0,4}?)(?:table|list|league|chart)\b",
     r" highest \1 "),
    # politeness and apologies before the question: "sorry if this is a silly question but", "sorry im new here,"
    (r"^(?:hi|hello|hey)?\s*(?:sorry|apologies)\b(?: if this is an? (?:silly|stupid|daft|basic) (?:question|q))?(?: but)?"
     r"(?:,? i ?a?m new(?: here| to this)?)?\s*,?\s*", " "),
    (r"^(?:could|can|would) you (?:please )?(?:tell me|let me know|give me)\b", " "),
    # a greeting and the setting before the question: "morning all - prepping for the csp board tomorrow, can someone
    # (or the bot!) tell me", "hi crimebot, mark here from golding homes - how many"
    (r"^(?:(?:good )?(?:morning|afternoon|evening)|hi|hiya|hello|hey|dear|greetings)(?: all| everyone| team| folks| colleagues|"
     r" there| both)?\b", " "),
    # what the figures are for, before the question: "for the community safety board paper i need"
    (r"^[\s,-]*for (?:the |our |my |a |an )?(?:(?:community|safety|partnership|smp|csp|cabinet|scrutiny|council|members|"
     r"board|committee|annual|quarterly|overview|chair s|chairs|press|pcc|home office|government|fire|authority|police) ){0,4}(?:paper|report|"
     r"briefing|meeting|pack|agenda|update|release|return|submission)\s+(?:i|we) (?:need|want|would like|d like)\b", " "),
    (r"\b(?:prepping|preparing|getting ready|prepping up) for (?:the |a |my |our |tomorrow s |next week s )?(?:[a-z]+ ){0,3}?"
     r"(?:board|meeting|briefing|paper|report|presentation|(?:scrutiny )?(?:committee|cttee)|scrutiny)(?: tomorrow| today| next week|"
     r" this week| on [a-z]+day)?\b", " "),
    (r"\b(?:can|could)\s+(?:someone|anyone|somebody)(?:\s+or\s+the\s+bot)?\s+(?:please\s+)?(?:tell|give|send|let)\s+me(?:\s+know)?\b", " "),
    (r"\b(?:can|could)\s+(?:someone|anyone|somebody)\s+(?:please\s+)?(?:confirm|check)\b(?!\s+(?:that|if|whether))", " "),
    # "for the cabinet report on thurs": what the figures are for, and when
    (r"\bfor (?:the |my |our |a )?(?:[a-z]+ ){0,2}?(?:report|paper|meeting|briefing|presentation) (?:on|for|this|next) "
     r"(?:mon|tues?|wed|wednes|thurs?|fri)(?:day)?\b", " "),
    (r"\b(?:ta|thx|thanks|cheers)\s*$", " "),
    # 'compare with kent and nationally', 'unemployment nationally': a place; 'ranked nationally', 'most deprived
    # nationally': a rank's field
    (r"(?:\b(\w+) )?nationally\b", lambda m: m[0] if m[1] in {"deprived", "ranked", "ranks", "rank", "ranking", "come",
                                                              "comes", "sit", "sits", "stand", "stands", "placed"}
     else f"{m[1] or ''} national"),
    (r"\b(?:did not|didn t|didnt) see (\w+(?: \w+)?) (?:go down|going down|fall|falling|drop|decrease)\b", r" \1 notdown "),
    (r"\b(?:saw|see|had|has) (\w+(?: \w+)?) not (?:go down|going down|fall|falling|drop|decrease)\b", r" \1 notdown "),
    # "where are we county wide": our place in the county, not the county's figure
    (r"\bwhere (?:are|do|did|were) we(?: come| rank| stand| sit)? (?:county ?wide|across the county|kent ?wide|"
     r"across kent)\b", " where are we in the county "),
    (r"\b((?:19|20)\d\d(?:\s*/\s*\d\d)?) (?:through to|through|thru|up to|until|till) ((?:19|20)\d\d)", r"\1 to \2"),
    # what the figures are for: "for thursday's community safety meeting", "for the asb sub group meeting"
    (r"\bfor (?:tomorrow s |next week s |this week s |today s |(?:mon|tues|wednes|thurs|fri)day(?: s)? )"
     r"(?:[a-z]+ ){0,3}?(?:meeting|briefing|presentation)\b", " "),
    (r"\bwhether\b", " "),
    (r"\b[a-z]+\s+here\s+from\s+(?:the\s+)?(?:[a-z]+\s+){1,4}?(?=(?:how|what|whats|which|where|can|could|is|are|do|did|"
     r"please|pls)\b)", " "),
    (r"\bfull list\b", " "),
    # "which crimes did not go down": rose or held level (said as one word, not a negation of what is asked)
    (r"\b(?:stay|stayed|stays|remain|remained|remains|held|hold|holds|kept|keep) (?:level|steady|flat|unchanged)\b",
     " notchanged "),
    (r"\b(did|has|have) ((?:crime|recorded crime|all crime|it|they) )not (?=go|gone|come|fall|fallen|drop)", r"\2\1 not "),
    (r"\b(?:did not|didn ?'?t|have not|haven ?'?t|has not|hasn ?'?t)\s+(?:go|gone|come|fall|fallen|drop|"
     r"dropped|decrease|decreased|reduce|reduced)(?:\s+down)?\b", " notdown "),
    (r"\b(q[1-4]\s+(?:of\s+)?(?:20)?\d\d\s*/\s*\d\d)\s+(?:jan|apr|jul|oct)[a-z]*\s+(?:to\s+)?(?:mar|jun|sep|dec)[a-z]*\b", r"\1"),
    # "the first half of 2013/14 (apr-sep)": the same months said twice, read once
    (rf"\b(?:the )?(?:first|1st|second|2nd) half (?:of )?(?:the )?(?:fy\s*|financial year )?((?:20)?\d\d\s*/\s*\d\d)\s+"
     rf"(?={MONTH_WORD}\s*(?:to|until|till|through|thru|and|-)?\s*{MONTH_WORD}\b(?!\s*(?:20)?\d\d))", r" \1 "),
    # "2013/14 (apr-sep)", "so far in 2013/14 apr to sep": the months of that financial year
    (rf"\b(?:fy\s*)?((?:20)?\d\d)\s*/\s*(\d\d)\s+(?:so far\s+|to date\s+)?{MONTH_WORD}\s*(?:to|until|till|through|thru|and)?\s*{MONTH_WORD}\b"
     r"(?!\s*(?:20)?\d\d)", _fy_months),
    # "between june 2012 and may 2013", "between april and september 2013": the span
    (rf"\bbetween\s+{MONTH_WORD}(\s*(?:20)?\d\d)?\s+and\s+{MONTH_WORD}\s*((?:20)?\d\d)\b", r" \1\2 to \3 \4 "),
    (r"\b(?:the\s+)?other\s+(?:11|eleven)\s+(?:kent\s+)?districts\b", " county "),  # 'against the other 11 districts'
    (r"\bfor\s+(?:probation|the police|police|the council|kfrs|housing|the nhs|public health|the board)\s*$", " "), (r"\bback in (?=(?:19|20)\d\d)", " in "),
    # "q1-q2 2013/14": the months of those quarters of the financial year
    (r"\bq([1-4])\s*(?:-|to|and)\s*q([1-4])\s+(?:of\s+)?(?:fy\s*)?(20\d\d)\s*/\s*(\d\d)\b", _quarters),
    # when the asker's meeting meets: "the subgroup meets thurs", "chairing the asb group on weds", "the da forum
    # next week" (never a period of the figures: 'asb next week' is still refused)
    (r"\b(meets?|meeting|forum|board|sub ?group|group|grp|panel|committee|cttee|briefing|(?:chairing|joining|leading) "
     r"(?:the |our |a )?(?:[a-z&]+ ){0,3}?(?:sub ?group|group|grp|forum|board|panel|meeting))(?: is| on| this| next)? "
     r"(?:next week|next wk|this week|this wk|tomorrow|today|tonight|(?:mon|tues?|wed(?:nes)?|weds|thu(?:rs?)?|thur|fri)(?:day)?)\b",
     r"\1"),
    # asking someone to fetch the figures: "can you pull together", "could you send me", "can someone dig out"
    (r"\b(?:can|could|would) (?:you|someone|anyone|somebody)(?: please| pls)? (?:pull together|put together|pull|dig out|"
     r"grab|send(?: over)?|share|get|give|find|provide|collate|gather)(?: me| us| over)?\b", " "),
    (r"\b(?:can|could|may) (?:i|we) (?:please |pls )?(?:see|have|get|grab)\b", " "),
    # who is asking, before the question: "im chairing the road safety sub group, what are my numbers"
    (r"^(?:i ?a?m|i m|i'm|i have just|i have|ive just|i ve just|i've just|i've|ive|i ve) (?:chairing|joining|joined|leading|"
     r"running|new to|part of|sitting on|on)\b", " "),
    (r"\b(next|this) weeks (?=meeting|forum|board|group|briefing|panel|committee)", r"\1 week s "),
    (r"^[\s-]*(?:(?:hi|hello|hey|morning|afternoon)[\s,-]+)?(?:chairing|joining|leading) (?=(?:the |our )?(?:[a-z&]+ ){1,3}?(?:sub ?group|group|grp|forum|board|panel))",
     " "),
    # who is asking, as a role: "student on placement with the reducing reoffending group", "volunteer at the ..."
    (r"^(?:i ?a?m |i m |i'm )?(?:a )?(?:new )?(?:student|volunteer|intern|trainee)(?: on placement)? (?:with|at|in|from|on)\b",
     " "),
    (r"\bwhat does (?:it|that|this|the group) (?:cover|do|look at|deal with)\b", " "),
    (r"\b(?:that are |which are |that is |which is )?(?:meant|supposed) to (?:run|go|cut) (?:through|across)\b", " "),
    (r"\ba rough (?:reading|idea|figure|number|steer) (?:on|of|for)\b", " "),
    (r"\b(?:can you |could you |pls |please )?remind me (?:of|about|what)\b", " "),
    (r"\bfor (?:the |my |a |our )?(?:ward |councillor s |cllr s |councillors |cllrs )?surgery\b", " "),
    (r"^(?:i m |im |i'm |i am )?(?:just )?(?:reading|looking at|going through) (?:the |through the )?"
     r"(?:sa|strategic assessment|assessment|document|report|doc)\b", " "),
    (r"\bi mean\b", " "), (r"\bhow often\b", " how many "),
    (r"\b(kent|maidstone)s\b", r"\1"),  # "kents police and crime commissioner": the possessive typed without '
    (r"\bkent (?=police and crime commissioner|pcc\b)", " "),  # Kent's PCC: the one the assessment means
    (r"\b(?:are |is |were )?(?:thought|believed|reckoned|likely) to (?:be|have been)\b", " estimated to be "),
    (r"\b(jobs?\b.*?)\b(?:support|supports|supported|sustain|sustains|provide|provides)\b", r"\1"),
    (r"\bhow far (?:above|below|off|from|over|under)\b", " how much "),
    (r"\b(?:staying|stay|stays|stayed|remain|remains|remaining|remained|kept|keeping) (?:within|inside|in) "
     r"(?:its |the )?(?:control )?limits\b", " spc "),
    (r"\bthan (?:the )?same (?:months|period|time) (?:the year before|a year before|last year|the previous year)\b", " yoy "),
    (r"\bback (?=in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|19\d\d|20\d\d))", " "),  # 'back in july 2012'
    (r"\bback (?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* (?:19|20)?\d\d)", " "),
    (r"\b(?:the )?(?:kent |county )?league(?: table)?\b", " county rank "),  # 'where are we in the kent league'
    (r"\bbroken down by\b|\bbreak down by\b|\bbroken down\b", " by "),
    (r"\b(?:than )?a year (?:earlier|before|ago)\b", " yoy "),
    (r"\bbecome (?=more|less|worse|better)", " "),
    (r"\bover (?:tiem|tme|timr|tim)\b", " over time "),
    # "sorry if this is a basic question but", "sorry probably a daft question but": asking, not asked
    (r"\b(?:sorry )?if this is (?:a |an )?(?:basic|silly|stupid|daft|obvious)(?: question)?(?: but)?\b|"
     r"\b(?:sorry,? )?(?:this is |this might be |it s |its |might be )?(?:probably |prob |maybe )?(?:a )?(?:daft|silly|stupid|"
     r"dumb|basic|naive) (?:question|q)(?:,? but)?\b", " "),
    # "how many old powers is the bill getting rid of": the powers it replaces
    (r"\b(?:getting rid of|get rid of|gets rid of|got rid of|scrap|scraps|scrapping|abolish|abolishes|abolishing|"
     r"do away with|does away with)\b", " replace "),
    (r"\b(?:outcomes?|results?) (?:achieved|secured|obtained)\b", " outcomes "),
    (r"\b(county )?(?:rank|ranking|rankings|league) table\b", r" \1rankings "),  # 'county rank table'
    # "whats a ppo?": what a short term stands for (the glossary), not its figure
    (r"\b(?:what s|whats|what is|^what) (?:a|an) ([a-z]{2,6})\s*$",
     lambda m: m[0] if ordinary_word(m[1]) else f" what does {m[1]} stand for "),
    (r"\bout of (\d{3})\b", r"of \1"),  # 'out of 326': the national rank's field
    (r"\bhow many times\b", " how many "),
    (r"\bcent(?:er|re)s?\b", "centre"),  # US spelling, before places are matched as typed: 'town center'
    (r"\b(?:the )?whole (?:of )?(?=(?:the )?(?:county|kent|borough|area|district))", " "),  # 'the whole county'
    # "kcvs - what does that stand for": the term asked about is the one before it
    (r"^(.+?)\s*[-,:]?\s*what does (?:that|it|this) (?:stand for|mean)\s*\??\s*$", r"what does \1 stand for"),
    (r"\b(?:given|handed|dished|issued) out\b", " "),
    (r"\baccording to(?: the)?\b", " "),
    (r"\bin (?:their|my|our|your|the local) (?:area|neighbourhood|neighborhood)\b", " "),
    # "first half of 2013": January to June of the calendar year; the second half, July to December
    (r"\b(first|second) half of (?:the )?(?:calendar year )?(20\d\d)\b(?!\s*[/-]\s*\d)",
     lambda m: f" jan {m.group(2)} to jun {m.group(2)} " if m.group(1) == "first" else f" jul {m.group(2)} to dec {m.group(2)} "),
    # "first half of 2013/14": April to September of the financial year; the second half, October to March
    (r"\b(first|second) half of (?:the )?(?:fy |financial year )?((?:20)?\d\d)\s*/\s*(\d\d)\b", _half_year),
    # what the figures are for, at the end: "for the board paper", "for thursday's meeting"
    (r"\bfor (?:the |my |our |a |tomorrow s |next week s |this week s )?(?:(?:mon|tues|wednes|thurs|fri)day s? )?"
     r"(?:board(?: paper| meeting)?|meeting|briefing|presentation|agenda|(?:mon|tues|wednes|thurs|fri)day)\s*$", " "),
    # "for the cabinet report", "for the press release", "for the chair's report", "for the licensing briefing", "cllr
    # wants them for scrutiny": who the figures are for, at the end (named kinds of paper only, never a place)
    (r"\b(?:(?:the )?(?:cllr|councillor|chair|board|kfrs|police|council|probation|housing) (?:wants?|needs?) (?:it|them|this|"
     r"these) )?for (?:the |my |our |a |an )?(?:(?:cabinet|press|chair|chairs|chair s|licensing|scrutiny|members|member s|"
     r"councillors|cllrs|board|committee|partnership|annual|quarterly|council|police|team|ward|funding|strategy) ){0,2}"
     r"(?:report|release|paper|briefing|scrutiny|meeting|committee|bid|return|update)(?:\s+(?:pls|please|thanks|thx|ta))?\s*$", " "),
    (r"\b(?:at|for) the (?:mo|moment)\b|\bright now\b", " now "),
    (r"\bthis year and last(?: year)?\b|\blast year and this(?: year)?\b", " over time "),
    (r"\b(?:over |in |for )?(?:the )?(?:last|past) (?:few|couple of|several|\d|two|three|four|five) "
     r"(?:years|surveys|editions|survey years)\b", " over time "),
    (r"\b(?:going|gone|went|come|coming|gotten|got) back (up|down)\b", r"going \1"),
    (r"\b(?:across |in |over )?(?:the )?kent (?:and medway )?police (?:force )?(?:area|force)\b", " kent and medway "),
    (r"\b(kent and medway)\s+(?:the\s+)?force\s+area\b", r"\1"),  # 'kent and medway (the force area)'
    (r"\bkent (?:police )?force\b", " kent and medway "),  # 'kent force spc': the Kent Police force area

    # "drunk people in town": the borough ('town centre' stays a place)
    (r"\b(?:in|around|round|across|about) (?:the )?town\b(?! centre)", " "),
    # "this year vs last", "this year compared with last year": the change on the year before
    (r"\bthis year\s+(?:vs|v|versus|compared (?:to|with)|against|on)\s+last(?: year)?\b", " yoy "),
    # words that only stress or soften ('who actually chairs', 'kent as a whole', 'crimes altogether')
    (r"\b(?:actually|specifically|altogether|honestly|literally)\b", " "),
    (r",? with (?:the )?(?:volumes|numbers|counts)\s*$", " "),  # 'the outcome rate, with the volumes': it has them
    (r"\b(?:relative|compared) to the rest of (?:england|the country)\b", " nationally "),
    (r"\b(?:these days|nowadays|at present|presently)\b", " now "),
    (r"\b(?:creeping|creep|crept|edging|edged|inching|ticking|ticked|shot|shooting|shooting) up\b", " going up "),
    (r"\b(?:dropped|dropping|drop|tailed|tailing|tail|fallen|falling|fall) off\b", " going down "),
    # "against the other kent districts": the districts ('other' alone would read as a name's: 'other burglary')
    (r"\b(?:the )?other (?=(?:(?:kent|county|\w+) )?(?:districts?|areas|places|wards)\b)",
     " "),
    (r"\bsince the (?:19)?90s\b", " since 1990 "),  # 'ksi trend since the 90s': from the first year held since
    # "who do i speak to about asb", "who is dealing with shoplifting": who owns it
    (r"\bwho (?:do|should|can|would) (?:i|we) (?:speak|talk|go|turn|get in touch|contact)(?: (?:to|with))?(?: about)?\b|"
     r"\bwho (?:is|s|are) (?:dealing|dealt) with\b|\bwho (?:is|s|are) (?:in charge of|responsible for|leading on|leading)\b",
     " who owns "),
    # "what figures should we be keeping an eye on": the figures, not advice
    (r"\bwhat (?:figures|numbers|stats|data|indicators) (?:should|do|would|could) (?:we|i|they) (?:be )?(?:keep(?:ing)? an eye "
     r"on|watch(?:ing)?|track(?:ing)?|monitor(?:ing)?|look(?:ing)? at)\b", " figures "),
    # "people put in hospital by assaults", "pedestrians getting hit": admitted, injured
    (r"\b(?:put|ended up|end up|landed|land) in(?:to)? hospital\b|\b(?:put|puts|putting|send|sent|sending|land|landed|landing) "
     r"(?:people|someone|somebody|them|victims|folk) in(?:to)? hospital\b", " admitted to hospital "),
    (r"\b(?:getting|got|get|gets|being|been) (?:hit|knocked down|knocked over|run over|mown down)\b", " injured "),
    (r"\bon the streets?\b", " "),  # 'dealing drugs on the street': the survey's drug dealing
    # "what number are we in the county": the rank
    (r"\bwhat (?:number|no|position|place) (?:are|were|is|was) (?:we|us|maidstone|the borough)\b", " rank "),
    (r"\bclear ?-? ?up rate\b|\bclearup rate\b", " detection rate "),
    # "the other councils", "other local authorities": the other districts
    (r"\b(?:the )?other (?:(?:kent|county) )?(?:councils|local authorities|authorities|boroughs|csps)\b", " districts "),
    # "anything flagged for fant ward?", "anything of note in park wood": what the data holds for the place
    (r"\b(?:is there |was there )?anything (?:flagged(?: up)?|notable|of note|interesting|worth knowing|to know|standing out|"
     r"stand out)(?: (?:for|about|in|on))?\b", " "),
    (r"\b(?:are |is |were |was |get |got )?flagged(?: up)?(?: (?:for|as|in|on))?\b", " hotspots "),  # 'wards flagged for asb'
    (r"\b(metal|lead|copper|cable)s? (?:being |getting |that was |was |were )?(?:stolen|nicked|taken)\b",
     " metal theft "),
    (r"\b(?:the )?whole (?:of the )?country\b|\bnationwide\b|\bthe country\b", " national "),
    # "not sure what that means", "no idea what that is tbh": the asker's doubt, not a negation of the question
    (r"\b(?:(?:i m |im |i am )?not (?:sure|certain)|no idea|(?:i )?(?:don t|dont|do not) know|dunno) (?:what|if) "
     r"(?:that|this|it|they|these|those) (?:means?|is|are|stands? for)\b(?: tbh| to be honest| exactly)?(?:,? but)?", " "),
    # "someone at the parish council says so", "heard it has": who said it, at the end, with no figure to check
    (r"\b(?:someone|somebody|people|a resident|residents|a councillor|cllr|they)\s+(?:at|from|on|in)\s+(?:the\s+|a\s+)?"
     r"(?:[a-z]+\s+){0,3}?(?:says?|said|reckons?|reckoned|thinks?|claims?|claimed)\s+(?:so|it (?:is|has|was|did|had))\s*$", " "),
    (r"\b(?:i |i ve |ive )?heard (?:it (?:has|is|was|did|had)|so)\s*$", " "),
    (r"\bhow (?:common|prevalent|widespread)\b", " rate "),  # 'how common is domestic abuse per head'
    (r"\b(?:odd|unusual|strange|weird|abnormal|out of the ordinary) months?\b", " signals "),
    (r"\bhousing (?=(?:team|officers?|colleagues?|association|provider|dept|department)\b)", " "),  # 'the housing team'
    (r"\bacross the board\b", " "),
    (r"\b(highest|largest|biggest|most|lowest|smallest) volumes?\b", r"\1"),  # 'where are the highest volumes'
    (r"\bgrp\b", " group "),
    (r"\b(?:were |was |got |get |being )?caught (?=(?:stealing|shoplifting|nicking|pinching|taking)\b)", " "),
    (r"\b(damag\w*(?: (?:to )?\w+)?) (?:on purpose|deliberately|intentionally)\b", r"\1"),  # 'damaging property on purpose'
    (r"\bpinch(?:ing|ed|es)?\b", " stealing "),
    (r"\b(?:keeps?|kept) (?:mentioning|talking about|bringing up|saying)\b|\beveryone mentions\b", " "),
    (r"\bstayed (?:at )?the same (?:county )?(?:position|rank|place)\b", " held the same rank "),
    (r"\b(?:complaining|complain|complaints?) about\b", " "),  # 'people complaining about speeding traffic': the survey
    (r"\bfirst (?:six|6) months of\b", " first half of "),
    (r"\binside (?:its |the )?control limits\b", " within the control limits "),
    (r"\b(?:\d|two|three|four|five) years? picture\b", " trend "),  # 'DA incidents - 3 year picture'
    (r"\bhow much (?:money )?(?:does|do|did) (.{3,40}?) (?:bring in|make|generate|earn)\b", r" \1 worth "),
    (r"\b(this year so far|so far this year) (?:compared (?:to|with)|vs|v|versus|against|on) last(?: year)?\b", r"\1"),
    (r"\b(?:which |what )?(?:organisations|organizations|orgs|agencies|bodies|partner agencies)\s+(?:are\s+)?(?:actually\s+)?"
     r"(?:part of|in|on|members of|sit on|make up)\b", " members of "),
    (r"\batm\b", " now "),
    (r"\beverything (?:you(?: ve| have| got)?|we(?: ve| have| got)?|the data has|held|on)(?: got)?\b", " "),
    (r"\bhow far back (?:does|do|did|can) (?:it|the data|they|the figures|this|that) go\b", " trend "),
    (r"\b(?:gender|sex|male female|male/female) (?:split|breakdown)(?: of| for)?\b", " by gender "),
    # "kent (not medway)", "kcc area ... (excl medway)": the KCC area is Kent without Medway already
    (r"\b((?:kent|kcc|county|districts?)\b[^()]{0,60}?)\s*\(?\b(?:not|excl|excluding|without|minus|but not)\s+medway\b\)?",
     r"\1 "),
    # "how many cars had stuff stolen out of them": the thefts from the cars
    (r"\b(cars?|vehicles?|vans?|motors?)\s+(?:that\s+)?(?:had|have|has|having|with|got)\s+(?:(?:stuff|things|items|"
     r"belongings|property|something|anything|valuables)\s+)?(?:stolen|nicked|taken|pinched)\s+(?:out of|from)\s+(?:them|it)\b",
     r" stuff stolen out of \1 "),
    # "fires that were accidents", "fires started by accident", "accidents like chip pan fires": accidental fires,
    # not road accidents
    (r"\bfires?\s+((?:in|during|for)\s+(?:\d{4}/\d\d|\d{4}|the\s+\w+\s+year)\s+)?(?:(?:that|which)\s+)?(?:were|was|are|is)\s+(?:(?:just|genuine|genuinely|real|true)\s+)?(?:an\s+)?accidents?\b|"
     r"\bfires?\s+(?:(?:that|which)\s+(?:were|was)\s+)?(?:started|caused|set)\s+(?:off\s+)?by\s+accident\b|"
     r"\bfires?\s+by\s+accident\b", r" accidental fires \1 "),
    (r"\baccidents?\s+(?:at home\s+)?(?:like|such as|e g|eg)\s+(?:\w+\s+){0,3}fires?\b", " accidental fires "),
    # "how many fires did the fire service deal with": who attended says nothing about which fires
    (r"\b(?:did|does|do|has|have|had)\s+(?:the\s+)?(?:fire service|fire brigade|kfrs|firefighters|fire and rescue(?: service)?|"
     r"police|council)\s+(?:deal with|dealt with|attend|attended|respond to|responded to|handle|handled|go (?:out )?to|tackle)\b",
     " "),
    # "mostly men or women", "split male female", "men and women split": the figure by gender
    (r"\b(?:(?:mostly|mainly|largely|more(?: often)?) )?(?:men|males?|boys) (?:or|and|v|vs|versus|/) (?:women|females?|girls)"
     r"(?: split)?\b|\bsplit (?:by )?(?:men|males?) (?:and |or |/ )?(?:women|females?)\b|\b(?:men|males?) (?:women|females?)"
     r"(?: split)?\b", " by gender "),
    # "priority five", "priority no. 2", "the third priority": a priority by its number
    (r"\bpriority\s+(?:no\.?\s*|number\s+|#\s*)?(one|two|three|four|five|six|[1-9])\b|\b(first|second|third|fourth|fifth|sixth|"
     r"1st|2nd|3rd|4th|5th|6th) priority\b",
     lambda m: " priority " + str(("one two three four five six".split() + "first second third fourth fifth sixth".split()
                                   + "1st 2nd 3rd 4th 5th 6th".split()).index(m[1] or m[2]) % 6 + 1
                                  if not (m[1] or "").isdigit() else m[1]) + " "),
    (r"\b(less|more) (?:often|frequently|frequent)\b", r"\1"),  # 'started on purpose less often than before'
    (r"\b(?:stands?|stood|standing|sticks?|stuck) out\b", " highest "),  # 'which wards stand out'
    # "the longer term picture", "the bigger picture over the years": the run of figures
    (r"\b(?:the )?(?:longer|long|bigger|big|wider) (?:term |run )?(?:picture|view|trend|run)\b|\bin the long run\b",
     " trend "),
    # "which categories did we drop places in", "where did we gain a place": moves in the county rank
    (r"\b(?:drop|dropped|dropping|lose|lost|losing|slip|slipped|slipping|fall|fell|fallen|go|went|gone|move|moved) "
     r"(?:down )?(?:a|one|two|three|\d+|any|some|several) places?\b|\b(?:drop|dropped|dropping|lose|lost|losing) places\b",
     " down in rank "),
    (r"\b(?:gain|gained|gaining|climb|climbed|climbing|rise|rose|risen|go|went|gone|move|moved) (?:up )?"
     r"(?:a|one|two|three|\d+|any|some|several) places?\b|\b(?:gain|gained|gaining|climb|climbed|climbing) places\b",
     " up in rank "),
    (rf"\b((?:{MONTH_WORD}\s+)?(?:(?:19|20)\d\d(?:\s*/\s*\d\d)?|[01]\d\s*/\s*[01]\d)|{MONTH_WORD}\s+[01]\d) "
     r"(?:onwards|onward|and after|and since)\b",
     lambda m: " since " + re.sub(r"(?<![\d/])([01]\d)(?=\s*/|\s*$)", r"20\1", m[1].replace(" /", "/").replace("/ ", "/"))
     + " "),  # '2010/11 onwards', 'june 2013 onwards'
    # who keeps asking what is asked: 'members keep asking how many thefts from cars there were'
    (r"\b(?:my |our |the )?(?:members|residents|people|tenants|parents|customers|staff|colleagues|councillors|clients|"
     r"volunteers|neighbours|traders|shopkeepers|families|pupils|students|users|victims) (?:keep|keeps|kept|are|have been|"
     r"were|always|often) (?:asking|wanting to know|ask)(?: me| us)?(?: about)? (?=how|what|which|whether|if|where|when)", " "),
    # 'people who claimed out of work benefits': those on them
    (r"\b(?:who )?(?:claimed|claiming|claim|claims|were claiming|are claiming|received|receiving) (?=out of work benefits?\b)",
     "on "),
    # 'leaving sevenoaks out of it': a place or subject set aside
    (r"\b(?:leaving|leave|keeping|keep) ((?:[a-z&-]+ ){0,2}?[a-z&-]+) out(?: of (?:it|this|that|the list|the running))?\b",
     r" \1 aside "),
    (r"\b(?:get|got|gets|getting|were|was|are|is) called (?:out )?to\b", " "),  # 'incidents the police got called to'
    # "name of the smp chair?", "smp chairman name": who it is
    (r"^(?:what s |whats |what is )?(?:the )?name of (?:the )?", " who is the "),
    (r"^(.+?)\s+name\s*$", r" who is \1 "),
    (r"\s+", " "),
]


# what decides a pattern's structure: escapes and classes are passed over whole, leaving parentheses and bars
_STRUCTURE = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]")


def _close(pattern: str, i: int) -> int:
    """The index of the ')' that closes the group opened at pattern[i]."""
    depth = 0
    for m in _STRUCTURE.finditer(pattern, i):
        depth += {"(": 1, ")": -1}.get(m.group(), 0)
        if depth == 0:
            return m.start()
    raise ValueError(f"unbalanced pattern: {pattern!r}")


def _branches(pattern: str) -> list[str]:
    """A pattern split at its top-level '|'."""
    out, depth, start = [], 0, 0
    for m in _STRUCTURE.finditer(pattern):
        c = m.group()
        if c == "|" and depth == 0:
            out.append(pattern[start:m.start()])
            start = m.end()
        else:
            depth += {"(": 1, ")": -1}.get(c, 0)
    return out + [pattern[start:]]


_ZERO_WIDTH = re.compile(r"\\b|\^|\\s\*|\(\?<?[=!](?:[^()\\]|\\.)*\)")


def _first_words(pattern: str) -> frozenset[str] | None:
    """The letters one of which every match of a pattern begins with ('\\b(?:grew|grown)\\b': grew, grown), or None
    when the pattern may begin some other way (a digit, a class, an optional part with nothing certain after it)."""
    words = set()
    for branch in _branches(pattern):
        i = 0
        while m := _ZERO_WIDTH.match(branch, i):  # word edges, anchors, look-arounds and optional space take no letters
            if m.end() == i:
                break
            i = m.end()
        m = re.match(r"[a-z']+", branch[i:])
        if m:
            letters = m.group()
            if branch[i + m.end():i + m.end() + 1] in ("?", "*", "{"):  # 'cars?': the last letter may be absent
                letters = letters[:-1]
            if not letters:
                return None
            words.add(letters)
        elif branch[i:i + 1] == "(" :
            end = _close(branch, i)
            inner = branch[i + 1:end]
            inner = re.sub(r"^\?(?::|P<\w+>)", "", inner)
            if inner.startswith("?"):  # a look-ahead or another special group
                return None
            first = _first_words(inner)
            if first is None:
                return None
            words |= first
            optional = re.match(r"(?:[?*]|\{0,?\d*\})[?+]?", branch[end + 1:])
            if optional:  # the group may be absent: the words after it may begin the match
                rest = _first_words(branch[end + 1 + optional.end():])
                if rest is None:
                    return None
                words |= rest
        else:
            return None
    return frozenset(words)


# each rule: its pattern, its replacement, the words one of which any match begins with (None: it may begin otherwise),
# and the pattern compiled when first needed (compiling all 400 costs a tenth of `crimebot ask`; a question meets few)
_SUBS = [[pattern, replacement, _first_words(pattern) if isinstance(pattern, str) else None, None]
         for pattern, replacement in _RULES]
_CHARS = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2019": "'", "\u2018": "'", "_": " ", "&": " and ", "%": " % "})


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Lower case, one kind of dash and quote, punctuation out, and the forms partners type made regular.

    >>> normalise("Anti-social behaviour per 1,000 residents, 2012/13")
    'anti social behaviour per1000 2012/13'
    """
    return _rewrite(text)


def _rewrite(text: str, every_rule: bool = False) -> str:
    """normalise's work: each rule in turn, passing over those whose first words are not in the text (the
    tests run every rule to show that passing over them changes nothing)."""
    text = text.lower()
    for i, rule in enumerate(_SUBS):
        pattern, replacement, words, compiled = rule
        if not every_rule and words is not None and not any(word in text for word in words):
            continue
        if compiled is None:
            compiled = rule[3] = re.compile(pattern)
        text = compiled.sub(replacement, text)
        if i == 0:  # the thousands comma first, then one kind of dash and quote
            text = text.translate(_CHARS)
    return text.strip()



# a breakdown partners ask for, and the words in an indicator's name that show the data gives it
SPLIT = re.compile(r"\b(?:by|per|split by|broken down by) (age(?: groups?| bands?)?|ages|gender|sex|ethnicity|ethnic group|"
                   r"race|time of day|day of (?:the )?week|hour|religion|disability)\b")
SPLIT_MARKERS = {"age": ("aged", "age", "ages", "under", "over", "16", "17-24", "18", "65"), "ages": ("aged", "age", "ages"),
                 "gender": ("male", "female", "men", "women"), "sex": ("male", "female", "men", "women"),
                 "ethnicity": ("ethnic", "white", "bme"), "ethnic": ("ethnic", "white", "bme"), "race": ("ethnic", "bme"),
                 "time": ("night", "day"), "day": ("weekend", "weekday"), "hour": ("hour",), "religion": ("religion",),
                 "disability": ("disability",)}


# The only words a clause left aside as being about the asker may hold (beside function words): who asks, for
# what meeting, when it meets. A clause with any other word ('domestic', 'serious', 'mote park', 'olympics',
# 'hotspots') may narrow or change the question, so it is never left aside.
ASKER_WORDS = frozenset("""
i im i'm ive i've id i'd my our we we're were us me mine here someone somebody anyone colleague colleagues team teams
office officer officers mgr manager managers chair chairs chairman chairwoman chairing board boards paper papers
meeting meetings meets meet patrol patrols extra planning plan plans thinking wondering curious tbh sure not no
placement student students charity mentioned told tell licensing press journalist journalists reporter newbie new
pcso pcsos councillor councillors cllr cllrs volunteer volunteers worker workers analyst analysts inspector sergeant
sgt commander commanders iom consultant matter matters relevant seeing hearing heard keep briefing briefings forum forums report
reports brief briefs agenda agendas csu smp csp stn cdr public health side summary summaries overview update updates
date dates project projects association started starting keeps coming up prepping preparing writing drafting custody suite feels feel like subgroup subgroups sub-group group groups grp checking committee cttee surgery tonight tomorrow today members member residents resident quick one housing
probation council kfrs nhs chief tenancy station fire service police asking asked ask wants want wanted needs need
needed campaign work works working job role from joined join joining just hi hello all thanks ta cheers please pls thx morning
afternoon evening everyone folks week next monday tuesday wednesday thursday friday mon tue tues wed thu thur thurs
fri s t it's its this that those these them they it what is are be been do does did will would should could can
may might the a an at on in of to and or with about for as by so then too also know query queries note notes
outreach target targeting elected newly volume change changes % figure figures number numbers rate total totals
stats data headline headlines trying learn learning understand understanding out who's whos who where put resources
head round lie land name names but can't cant cannot remember forgot forget recall parish said had sorry probably daft
silly question still means mean meant doing return returns putting together speak talk sa para paragraph
refuge get got it elected finding feet settling highways work pack packs bear apologies apologise apologize appreciated advance fresh induction
""".split())

# who is asking, at the end of a question: "- housing team asking", "kfrs wants the number", "probation need
# it for the board" (a tail after a dash or comma, or a partner's name, before asking/wants/needs)
ASKER = re.compile(
    r"(?:\s[-\u2013\u2014]\s|[,?;:!(])\s*(?:[a-z&]+\s+){0,3}(?:is\s+|are\s+)?(?:asking|asked|wants?|needs?|needed)\b[^-,?;:!]*$"
    r"|\b(?:kfrs|fire service|fire and rescue|housing(?: team)?|probation|council|councillor|cllr|nhs|public health|"
    r"the board|board|the chair|chair|my manager|manager|team)\s+(?:is\s+|are\s+)?(?:asking|wants?|needs?)\b.*$")

