"""From the words partners type to a command: what kind of answer, about what, where, and when.

Words may come in any order; periods in every usual spelling; a misspelt subject is corrected when
the match is clear and offered as "did you mean" when it is not.

>>> vocab = Vocabulary.from_rows([("indicator", "shoplifting", "Shoplifting", "shop theft", None),
...                               ("area", "maidstone", "Maidstone", "", "district")])
>>> c = parse("shoplifitng maidstone 2012-13", vocab)
>>> (c.kind, c.indicator, c.area, c.period, c.corrections)
('figure', 'shoplifting', 'maidstone', '2012/13', [('shoplifitng', 'Shoplifting')])
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
MONTH_WORD = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"

KIND_WORDS = [  # phrase, kind: longest phrases are tried first
    ("rank changes", "rank_changes"), ("rank change", "rank_changes"), ("ranking changes", "rank_changes"),
    ("rankings", "rank_changes"), ("ranks", "rank_changes"), ("ranking", "rank_changes"), ("rank", "rank_changes"),
    ("priorities", "priority"), ("priority", "priority"), ("sub group", "priority"), ("subgroup", "priority"),
    ("hotspots", "wards"), ("hotspot", "wards"), ("hot spots", "wards"), ("wards", "wards"), ("ward", "wards"),
    ("compare", "compare"), ("comparison", "compare"), ("districts", "compare"), ("district", "compare"),
    ("across kent", "compare"), ("vs", "compare"), ("versus", "compare"),
    ("trend", "trend"), ("trends", "trend"), ("over time", "trend"), ("history", "trend"),
    ("spc", "spc"), ("control chart", "spc"), ("control limits", "spc"), ("xmr", "spc"), ("spc chart", "spc"),
    ("help", "help"), ("examples", "help"), ("what can i ask", "help"),
]
STOPWORDS = frozenset("""a an the in of for on at to by and or is was were are what whats what's how many much show
me please give tell about with figure figures number numbers rate data stats statistics crimes crime's level levels
s did do does per i we our borough's borough""".split())
RELATIVE = {"latest": 0, "current": 0, "this year": 0, "last year": 0, "most recent": 0, "previous year": -1,
            "year before": -1}


@dataclass
class Vocabulary:
    """Every name the parser recognises, from the database: (kind, id) for each lower-case phrase."""

    phrases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    names: dict[tuple[str, str], str] = field(default_factory=dict)
    area_types: dict[str, str] = field(default_factory=dict)
    period_ids: set[str] = field(default_factory=set)

    @classmethod
    def from_rows(cls, rows) -> "Vocabulary":
        vocab = cls()
        for kind, ident, name, aliases, extra in rows:
            vocab.names[(kind, ident)] = name
            if kind == "period":
                vocab.period_ids.add(ident)
                continue
            if kind == "area":
                vocab.area_types[ident] = extra
            for phrase in [name, ident.replace("_", " "), *(aliases or "").split(";")]:
                phrase = normalise(phrase)
                if phrase and (kind, ident) not in vocab.phrases.setdefault(phrase, []):
                    vocab.phrases[phrase].append((kind, ident))
        return vocab


@dataclass
class Command:
    text: str
    kind: str = "figure"
    indicator: str | None = None
    area: str | None = None
    period: str | None = None
    relative: int | None = None  # 0 = latest, -1 = the year before the latest
    priority: str | None = None
    corrections: list[tuple[str, str]] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    error: str | None = None


def normalise(text: str) -> str:
    text = text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    text = re.sub(r"[^\w/&+%<'\- ]", " ", text)
    text = text.replace("&", " and ").replace("'s ", " ")
    return re.sub(r"\s+", " ", text).strip()


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _fy(start: int) -> str:
    return f"{start}/{str(start + 1)[2:]}"


def extract_period(text: str, period_ids: set[str]) -> tuple[str | None, int | None, str]:
    """Find a period in the text; return (period id, relative offset, the text without it).

    >>> extract_period("asb fy2011/2012", set())[0], extract_period("outcome rate sep 2013", set())[0]
    ('2011/12', '2013-09')
    """
    patterns = [
        # spans: apr-dec 2013, april to september 2013, apr 2013 - sep 2013
        (rf"\b{MONTH_WORD}\s*(?:20\d\d\s*)?(?:-|to|until)\s*{MONTH_WORD}\s*(20\d\d|\d\d)\b", "span"),
        # quarters: q2 2013/14, 2013/14 q2, q2 fy13/14, q2 2013
        (r"\bq([1-4])\s*(?:of\s*)?(?:fy\s*)?(20\d\d|\d\d)(?:\s*[/-]\s*(20\d\d|\d\d))?\b", "quarter"),
        (r"\b(?:fy\s*)?(20\d\d|\d\d)\s*[/-]\s*(20\d\d|\d\d)\s*q([1-4])\b", "quarter_after"),
        # financial years: 2012/13, 2012-13, 2012/2013, 12/13, fy2012/13, fy 12-13
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
            if kind == "span":
                year = _year(g[2])
                period = f"{year}-{MONTHS[g[0][:3] if g[0][:4] != 'sept' else 'sep']:02d}/{year}-{MONTHS[g[1][:3]]:02d}"
            elif kind in ("quarter", "quarter_after"):
                q, first, second = (g[0], g[1], g[2]) if kind == "quarter" else (g[2], g[0], g[1])
                start = _year(first)
                if second and _year(second) != start + 1:
                    continue
                period = f"{_fy(start)} Q{q}"
            elif kind == "fy":
                first, second = _year(g[0]), _year(g[1])
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
            return period, None, re.sub(r"\s+", " ", rest)
    for phrase, offset in sorted(RELATIVE.items(), key=lambda kv: -len(kv[0])):
        match = re.search(rf"\b{phrase}\b", text)
        if match:
            return None, offset, re.sub(r"\s+", " ", (text[:match.start()] + " " + text[match.end():]).strip())
    return None, None, text


def _take_phrases(tokens: list[str], table: dict[str, list], max_len: int = 5):
    """Greedy longest-first matching of phrases in the token list; yields (phrase, entries, start, end)."""
    i = 0
    while i < len(tokens):
        for n in range(min(max_len, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i:i + n])
            if phrase in table:
                yield phrase, table[phrase], i, i + n
                i += n
                break
        else:
            i += 1


def parse(text: str, vocab: Vocabulary) -> Command:
    """Read a question; never raises. Unknown words and misspellings are reported on the command."""
    command = Command(text=text)
    clean = normalise(text)[:500]
    if not clean or clean in ("help", "?", "examples"):
        command.kind = "help"
        return command
    command.period, command.relative, rest = extract_period(clean, vocab.period_ids)
    kinds = dict(KIND_WORDS)
    tokens = rest.split()
    used = [False] * len(tokens)
    for phrase, kind, start, end in _take_phrases(tokens, {p: k for p, k in kinds.items()}):
        if command.kind == "figure" or kind == "priority":
            command.kind = kind
        used[start:end] = [True] * (end - start)
    remaining = [t for t, u in zip(tokens, used) if not u]
    # names: areas, priorities and indicators; longest phrase first
    subjects = []
    taken = [False] * len(remaining)
    for phrase, entries, start, end in _take_phrases(remaining, vocab.phrases):
        taken[start:end] = [True] * (end - start)
        subjects.append(entries)
    for entries in subjects:
        _assign(command, entries)
    leftovers = [t for t, u in zip(remaining, taken) if not u and t not in STOPWORDS and not t.isdigit()]
    for word in leftovers:
        _fuzzy(command, word, vocab)
    if command.kind == "priority" and not command.priority and command.indicator:
        # "priority road safety": the subject named a priority's indicator, not the priority
        command.priority = _priority_for(command, vocab)
    return command


def _assign(command: Command, entries: list[tuple[str, str]]) -> None:
    by_kind = dict(entries)
    if command.kind == "priority" and "priority" in by_kind and not command.priority:
        command.priority = by_kind["priority"]
        return
    if "area" in by_kind and not command.area:
        command.area = by_kind["area"]
    elif "indicator" in by_kind and not command.indicator:
        command.indicator = by_kind["indicator"]
    elif "priority" in by_kind and not command.priority:
        command.priority = by_kind["priority"]


def _priority_for(command: Command, vocab: Vocabulary) -> str | None:
    name = vocab.names.get(("indicator", command.indicator), "")
    for phrase, entries in vocab.phrases.items():
        for kind, ident in entries:
            if kind == "priority" and normalise(name).startswith(phrase):
                return ident
    return None


def _fuzzy(command: Command, word: str, vocab: Vocabulary) -> None:
    if len(word) < 3:
        command.unknown.append(word)
        return
    choices = [p for p in vocab.phrases if len(p) >= 3]
    matches = process.extract(word, choices, scorer=fuzz.ratio, limit=3)
    if not matches or matches[0][1] < 60:
        command.unknown.append(word)
        return
    best, score, _ = matches[0]
    entities = set(vocab.phrases[best])
    runner_up = next((m for m in matches[1:] if not entities & set(vocab.phrases[m[0]])), None)
    clear = score >= 80 and (runner_up is None or runner_up[1] < score - 5)
    slot_free = any((k == "indicator" and not command.indicator) or (k == "area" and not command.area)
                    or (k == "priority" and not command.priority) for k, _ in vocab.phrases[best])
    if clear and slot_free:
        _assign(command, vocab.phrases[best])
        kind, ident = vocab.phrases[best][0]
        command.corrections.append((word, vocab.names[(kind, ident)]))
    else:
        command.unknown.append(word)
        for phrase, s, _ in matches:
            kind, ident = vocab.phrases[phrase][0]
            name = vocab.names[(kind, ident)]
            if s >= 70 and name not in command.suggestions:
                command.suggestions.append(name)
