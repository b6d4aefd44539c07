"""The answerer: holds the read-only connection, the gated queries and the vocabulary, reads a question and
hands the command to the module for its kind of answer (figure, ranks, wards, ...).

The context every kind shares lives here: coverage, the period to answer, related indicators, notes and
sources. A kind of answer is a function in its own module: `figure.figure(answerer, command)`.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
import threading
from pathlib import Path

import pandas as pd

from ..database import connect_readonly, ensure_database
from ..kept import kept
from ..parse import Command, parse
from ..partnership import Partnership
from ..periods import PeriodIndex, month_id, month_label
from ..settings import Settings
from ..vocabulary import vocabulary
from ..words import ASKER_WORDS, CUES, FILLER, FUNCTION_WORDS, TOTALS, normalise
from . import (
    claims,
    compare,
    control,
    direction,
    family,
    figure,
    months,
    place,
    priority,
    ranks,
    statement,
    table,
    top,
    trend,
    wards,
)
from .base import KIND_ORDER, Answer, NoAnswer, Table, area_name, fmt_number, rows_of  # noqa: F401
from .help import help

log = logging.getLogger(__name__)

KINDS = {"help": help, "figure": figure.figure, "rank_changes": ranks.rank_changes, "priority": priority.priority,
         "wards": wards.wards, "compare": compare.compare, "trend": trend.trend, "spc": control.spc,
         "rank": ranks.rank, "top": top.top, "direction": direction.direction, "table": table.table,
         "statement": statement.statement, "place": place.place}

# a term asked about, then its figure: 'what does ksi stand for? and how many were there in maidstone in 2012-13'
DEFINED_THEN = re.compile(r"^(?:sorry,? |quick one,? |basic (?:one|question),? )?(?:what|whats|what's) (?:does|do|is|s) "
                          r"(?:the )?(?:term |phrase |word )?(.+?) (?:actually |exactly )?(?:mean|stand for|cover|include|"
                          r"count|refer to)(?: in [a-z0-9 .]+?)?\s*[?,.;-]+\s*(?:and|also|plus|then)\s+(?:so )?"
                          r"((?:how many|what (?:was|is|were)|whats|what's).+)$")


class Answerer:
    """Holds the read-only connection, the gated queries and the vocabulary: build once, ask many times.

    Safe to share between threads (Slack answers arrive on several): each thread queries through its
    own cursor, since one DuckDB connection must not run two statements at once.
    """

    def __init__(self, settings: Settings, con, queries, database: Path | None = None):
        self.settings, self.con, self.queries = settings, con, queries
        self._local = threading.local()
        self.database = database  # the file it answers from, when opened by open()
        self._headlines: list[dict] | None = None
        self._lookups: dict[tuple, pd.DataFrame | dict] = {}
        folder = settings.state_dir if Path(settings.state_dir).is_dir() else None
        start = startup_frames(con, queries, database, folder)
        self.partnership = Partnership.from_tables({name: start[name].to_dict("records")
                                                    for name in ("partnership", "areas", "denominators", "examples")})
        p = self.partnership
        self.vocab = vocabulary(start["vocabulary"],
                                {"home": p.home_name, "county": p.county_short_name, "peers": str(len(p.peers))},
                                folder)
        self.catalog = start["catalog"].set_index("table_id")
        # each source table's entry by its id, for the sources line of every answer (a dict: no pandas per look-up)
        self.sources = {r.Index: r for r in self.catalog.itertuples()}
        self.priorities = start["priorities"]
        self.indicators = {row.id: row for row in start["indicators"].itertuples()}
        self.areas = {row.id: row for row in start["areas"].itertuples()}
        self.periods = {row.id: row for row in start["periods"].itertuples()}
        self.period_index = PeriodIndex((p.id, p.start, p.end) for p in self.periods.values())
        self.ward_indicators = set(start["ward_indicators"].indicator)
        self.home = self.partnership.home  # the place answered when none is named
        self.examples = list(self.partnership.examples)
        self._figures_to: str | None = None

    @classmethod
    def open(cls, settings: Settings) -> "Answerer":
        database = ensure_database(settings.data_dir, settings.state_dir)
        con = connect_readonly(database)
        return cls(settings, con, load_gated_queries(settings, con), database)

    def cursor(self):
        """This thread's cursor on the shared read-only connection."""
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._local.cursor = self.con.cursor()
        return cursor

    def run(self, name: str, **params) -> pd.DataFrame:
        query = self.queries[name]
        return self.cursor().execute(query.sql, {p: params.get(p) for p in query.params}).df()

    def lookup(self, name: str, **params) -> pd.DataFrame:
        """A query's result kept for the answerer's life (its data never changes; a reload makes a new
        answerer). For the per-indicator look-ups every answer repeats: coverage, comparisons, months.
        Callers must not change the frame in place."""
        key = (name, tuple(sorted(params.items())))
        frame = self._lookups.get(key)
        if frame is None:
            frame = self._lookups[key] = self.run(name, **params)
        return frame

    def by_period(self, name: str, **params) -> dict[str, list]:
        """A look-up's rows (named tuples) by their period, kept like ``lookup``: for the answers that take one
        period out of every period an indicator has (the areas beside a figure)."""
        key = ("by period", name, tuple(sorted(params.items())))
        grouped = self._lookups.get(key)
        if grouped is None:
            grouped = {}
            for r in rows_of(self.lookup(name, **params)):
                grouped.setdefault(r.period, []).append(r)
            self._lookups[key] = grouped
        return grouped

    def figures_to(self) -> str:
        """The month the document's own figures run to ('December 2013'); the imported ones' when it has none."""
        if self._figures_to is None:
            frame = self.run("data_currency")
            own = frame[~frame.imported.astype(bool)]
            ends = (own if len(own) else frame).figures_to
            self._figures_to = month_label(str(max(ends))[:7]) if len(ends) else ""
        return self._figures_to

    def example(self) -> str:
        """A question to suggest: the pack's first example (examples.csv), else `help`."""
        return self.examples[0][0] if self.examples else "help"

    def close(self) -> None:
        self.con.close()

    # -- the front door -------------------------------------------------------------------
    def ask(self, text: str) -> Answer:
        """Answer any text; never raises."""
        text = (text or "").strip()
        try:
            command = parse(text, self.vocab)
            defined_then = DEFINED_THEN.match(text.lower())
            if defined_then and (two := self._defined_then_counted(text, defined_then)) is not None:
                return two
            return self.answer(command)
        except NoAnswer as exc:
            return self._error(text, command, str(exc), exc.suggestions, exc.choices)
        except Exception:  # a bug must not reach the person asking as a traceback
            log.exception("could not answer %r", text)
            return Answer(text, {}, error={"message": "Sorry, something went wrong answering that. "
                                                      "Try `help` for questions that work.",
                                           "suggestions": [e for e, _ in self.examples[:3]]})

    def _defined_then_counted(self, text: str, match: re.Match) -> Answer | None:
        """'what does ksi stand for? and how many were there in 2012/13': what the term means, then its figure for
        the place and period asked, both answered (else None: the question is answered as read). The figure is
        asked with the term's own words, and must read whole."""
        term, rest = match.group(1).strip(" '\""), match.group(2)
        figure = parse(f"{term} {rest}", self.vocab)
        defined = parse(f"what does {term} mean", self.vocab)
        if figure.unknown or figure.negated or figure.choices or not figure.indicator or figure.statement \
                or not defined.statement or defined.unknown:
            return None
        try:
            first, second = self.answer(defined), self.answer(figure)
        except NoAnswer:
            return None  # answered as read, and refused by name
        if first.error or second.error:
            return None
        second.headline = f"{first.headline} {second.headline}"
        second.query, second.notes = text, first.notes + second.notes
        second.sources = list(dict.fromkeys(first.sources + second.sources))
        return second

    def understood(self, c: Command) -> dict:
        name = lambda kind, ident: self.vocab.names.get((kind, ident)) if ident else None  # noqa: E731
        return {"kind": c.kind, "subject": name("indicator", c.indicator) or name("priority", c.priority),
                "indicator": c.indicator, "priority": c.priority, "area": name("area", c.area),
                # ('asb 2010/11 onwards': the trend from the period named)
                "period": c.period or (c.since if c.kind == "trend" and c.since else None) or (
                    {0: "latest", -1: "year before latest"}.get(c.relative) if c.relative is not None else None),
                "corrections": [f"read '{a}' as '{b}'" for a, b in c.corrections], "not_understood": c.unknown,
                "context": c.context, "set_aside": [typed for typed, _ in c.set_aside],
                "measure": c.measure, "extreme": c.extreme, "scope": c.scope}

    def _error(self, text, command, message, suggestions, choices=None) -> Answer:
        error = {"message": message, "suggestions": suggestions}
        if choices:
            error["choices"] = [{"label": label, "question": question} for label, question in choices]
        return Answer(text, self.understood(command), error=error)

    # -- every word accounted for -----------------------------------------------------------
    def coverage_sentence(self) -> str:
        """What places the data covers, in words: "Maidstone, its 27 wards, the 12 Kent districts, ..."."""
        types = self.vocab.area_types
        wards = sum(1 for a in self.areas.values() if a.type == "ward" and a.parent == self.home)
        others = [self.vocab.names[("area", a)] for a, t in types.items() if t in ("unitary", "county")]
        nations = any(t == "nation" for t in types.values())
        return (f"{area_name(self, self.home)}, its {wards} wards, {self.partnership.peers_phrase}, "
                + ", ".join(others) + (" and some national figures" if nations else ""))

    def question_for(self, c: Command, indicator: str | None = None, area: str | None = None) -> str:
        """A question that parses back to what was understood, with another indicator or area."""
        indicator = indicator or c.indicator
        area = area or c.area
        parts = {"rank": ["rank"], "top": ["highest" if c.extreme != "low" else "lowest"],
                 "direction": ["is"], "trend": ["trend"], "compare": ["compare"], "spc": ["spc"]}.get(c.kind, [])
        if indicator:
            parts.append(self.vocab.names[("indicator", indicator)].lower())
        elif c.kind == "priority" and c.priority:
            parts = ["priority", self.vocab.names[("priority", c.priority)].lower()]
        if c.kind == "direction":
            parts.append("going down")
        if c.kind == "wards":
            parts.append("wards")
        if area and area != self.home:
            parts.append(area_name(self, area).lower())
        if c.period:
            parts.append(c.period)
        return " ".join(parts)

    def _subject_words(self, c: Command, options: list[str]) -> str:
        """The words of the question that named two or more subjects ('beaten up', 'fires'), as typed: those whose
        forms named them, or else the words that are no place, period or ordinary word."""
        named = set().union(*(w for ids, w, _ in c.hits if set(ids) & set(options)))
        typed = re.findall(r"[a-z][a-z'-]*", c.text.lower())
        found = [w for w in typed if set(self.vocab.form(normalise(w))) & named]
        if not found:
            places = set().union(*(set(normalise(self.vocab.names[("area", a)]).split()) for a in c.areas)) if c.areas else set()
            found = [w for w in typed if w not in FUNCTION_WORDS | FILLER | ASKER_WORDS and w not in places]
        return " ".join(dict.fromkeys(found))

    @staticmethod
    def _unknown_too(c: Command) -> str:
        """A refusal's second sentence for the words not understood beside what refused it, or nothing."""
        return f" I didn't understand {', '.join(repr(w) for w in c.unknown)} either." if c.unknown else ""

    def _typed(self, c: Command, cue: str) -> str:
        """The words of the question that made a cue, quoted: "'why'", "'forecast', 'next year'"."""
        text = f" {normalise(c.text)} "
        said = self.vocab.cue_phrases.get(cue, CUES.get(cue, [])) + {"future": ["forecast", "forecasts", "projection", "projections", "predicted"]}.get(cue, [])
        found = [p for p in sorted(said, key=len, reverse=True) if f" {normalise(p)} " in text]
        found = [p for p in found if not any(p != q and p in q for q in found)]
        return ", ".join(f"'{p}'" for p in found) or f"'{cue}'"

    def _refuse_unless_understood(self, c: Command) -> None:
        """Refuse, plainly and by name, a question with a place the data lacks, a word not understood or
        two readings; never answer a broader question while ignoring words."""
        if c.excluded and c.indicator and c.indicator not in TOTALS and c.kind not in ("rank_changes", "top") and not (
                {c.indicator} & set(self.vocab.parts.get(c.excluded[0], [])) or set(c.excluded) & set(
                    self.vocab.parts.get(c.indicator, [])) or c.indicator in c.excluded):
            # 'burglary aside - our rank for robbery': what is left out is no part of what is asked; said, not refused
            c.set_aside.append((c.excluded_said or self.vocab.names[("indicator", c.excluded[0])].lower(), []))
            c.excluded = []
        if c.excluded_areas and not (c.kind == "top" and c.scope in ("wards", "districts")):
            raise NoAnswer(f"crimebot leaves a place out only of a list of places ('apart from "
                           f"{self.vocab.names[('area', c.excluded_areas[0])]}'): ask which ward or district has the "
                           "highest figure, or for the place you want.", ["which ward has the most asb", "help"])
        if c.excluded and not (c.kind == "rank_changes" or (c.kind == "top" and c.scope == "categories")):
            raise NoAnswer(f"crimebot leaves a category out only of a list of categories ('other than "
                           f"{self.vocab.names[('indicator', c.excluded[0])].lower()}'): ask `which crimes went up`, "
                           "`rank changes`, or for the figure you want.", ["which crimes went up", "rank changes", "help"])
        if c.places:
            name, within = c.places[0]
            if len({n for n, _ in c.places}) > 1:
                name = ", ".join(dict.fromkeys(n for n, _ in c.places))
            if within:
                inside = area_name(self, within)
                raise NoAnswer(f"The data has no figures for {name} on its own; {name} lies in {inside}, "
                               f"which it covers.", [self.question_for(c, area=within)])
            also = self._unknown_too(c)
            raise NoAnswer(f"The data has no figures for {name}; it covers {self.coverage_sentence()}.{also}",
                           [self.question_for(c, area=self.home)] if c.indicator and not c.unknown
                           else [e for e, _ in self.examples[:2]])
        if c.negated and c.period and c.period not in self.periods:  # 'the 2019 index please, not the old one'
            raise NoAnswer(f"The data has no figures for {c.period}: the assessment's figures run to {self.figures_to()}."
                           f"{self._unknown_too(c)}", [self.question_for(c, area=c.area)] if c.indicator else ["help"])
        if c.negated:
            also = self._unknown_too(c)
            raise NoAnswer(f"crimebot answers for what a question names, not for what it leaves out "
                           f"({self._typed(c, 'negation')}).{also} Ask for the figure you want: a crime type, a place "
                           "and a period, e.g. `burglary other 2012/13`, `asb thanet`.",
                           ["burglary other", "rank changes", "help"])
        if c.opinion:
            raise NoAnswer(f"crimebot gives the assessment's figures, not opinions ('{c.text.strip().rstrip('?')}'). Ask for the "
                           f"figures, e.g. `{(self.question_for(c) if c.indicator else '') or self.example()}`.",
                           [self.question_for(c)] if c.indicator else ["help"])
        if c.why:
            raise NoAnswer(f"crimebot gives the assessment's figures, not the reasons behind them ({self._typed(c, 'why')}): the assessment's "
                           "own text discusses causes. Ask for the figures, e.g. "
                           f"`{self.question_for(c) or self.example()}`.",
                           [self.question_for(c)] if c.indicator else ["help"])
        if c.future:
            also = self._unknown_too(c)
            raise NoAnswer(f"The data has no figures for the future ({self._typed(c, 'future')}): the assessment's figures run to {self.figures_to()} "
                           f"(police.uk imports add later months).{also} Ask for the latest: "
                           f"`{self.question_for(c) or 'all crime'}`.", [self.question_for(c)] if c.indicator else [])
        listed = {broader for _, broader in c.within}
        if c.within and c.indicator and all(broader == c.indicator for _, broader in c.within):
            pass  # "metal theft, like lead off roofs and copper cable": examples of what the figure named counts
        elif c.within and len(listed) == 1 and self._within_named(c, next(iter(listed))):
            # "break ins at sheds, garages and business premises": what one figure counts, with its general word
            # ('break ins') or as a list of examples: that figure, with a note that it counts all of them
            c.indicator = listed.pop()
            c.indicators, c.choices = [c.indicator], []
        elif c.within:
            word, broader = c.within[0]
            typed = re.search(rf"\b{re.escape(word)}\w*", c.text.lower())
            word = typed.group(0) if typed else word  # as typed: 'murders', not the name's 'murder'
            name = self.vocab.names[("indicator", broader)]
            raise NoAnswer(f"The assessment gives no separate figure for '{word}': it is counted within {name}. "
                           f"Ask for that: `{name.lower()}`.", [self.question_for(c, indicator=broader)])
        if c.unknown:
            words = ", ".join(f"'{w}'" for w in c.unknown)
            wards = [label for label, question in c.choices if question is None and label]
            tries = []
            if wards:
                tries = [self.question_for(c) + " " + label.lower() for label in wards]
                raise NoAnswer(f"I didn't understand {words}. Did you mean the ward: {', '.join(wards)}?", tries)
            for name in c.suggestions:
                entry = next((k for k, v in self.vocab.names.items() if v == name and k[0] != "period"), None)
                if entry and entry[0] == "indicator":
                    tries.append(self.question_for(c, indicator=entry[1]))
                elif entry and entry[0] == "area":
                    tries.append(self.question_for(c, area=entry[1]))
                elif entry:
                    tries.append(f"priority {name.lower()}")
            understood = self._understood_words(c)
            if tries:
                raise NoAnswer(f"I didn't understand {words}{understood}. Did you mean: {', '.join(c.suggestions)}?",
                               tries + ["help"])
            raise NoAnswer(f"I didn't understand {words}{understood}. The data covers the "
                           f"{self.partnership.document_kind}'s figures for {self.coverage_sentence()}: try `help`.",
                           [e for e, _ in self.examples[:3]])
        indicators = [ident for label, ident in c.choices if label is None and ident]
        pack = c.kind == "priority" and c.priority and "priority" in c.cues
        if pack:
            own = set(str(self.priorities.set_index("id").loc[c.priority].indicators or "").split(",")) \
                if c.priority in set(self.priorities.id) else set()
            outside = [i for i in dict.fromkeys(indicators + c.indicators) if i not in own]
            text = c.text.lower()
            if len(outside) == 1 and re.search(r"\bpriorit", text) and not re.search(
                    r"\b(?:sub ?-?groups?|groups?|grp|forum|board|team|panel|meeting)\b", text):
                # "priority 1 shoplifting": a figure the priority named does not hold; not answered as if it did
                name = str(self.priorities.set_index("id").loc[c.priority]["name"])
                figure = self.indicators[outside[0]].name
                raise NoAnswer(f"{figure} is not among the figures of the priority named ({name}). Ask `priority "
                               f"{c.priority.replace('_', ' ')}` for its figures, or `{figure.lower()}` for {figure}.",
                               [f"priority {c.priority.replace('_', ' ')}", figure.lower()])
            if len(outside) == 1:  # "for the road safety subgroup, burglary figures": burglary, for that subgroup
                c.context.append(self.group_named(c.priority))
                c.kind, c.priority, c.indicator, c.indicators, c.choices = "figure", None, outside[0], outside, []
                indicators = []
                pack = False
            elif outside:
                pack = False  # two subjects beside the priority: asked back below
            else:
                indicators = []  # "the domestic abuse side of the violent crime priority": the priority's pack
                asked = self._asked_of_priority(c)
                if asked:  # "for the road safety group: our county rank for young drivers ksi": that rank
                    c.context.append(self.group_named(c.priority))
                    c.kind, c.priority, c.indicator, c.indicators, c.choices = asked[1], None, asked[0], [asked[0]], []
                    pack = False
        if indicators or (len(c.indicators) > 1 and not pack):
            options = list(dict.fromkeys(indicators + c.indicators))
            if c.both and c.kind == "priority" and len(options) <= 4:
                c.kind, c.priority = "figure", None  # "asb and criminal damage": two figures, not a priority pack
            if self._count_and_rate(options):  # "unemployed": the count and the rate of one subject, both
                c.both, options = True, sorted(options, key=lambda i: str(self.indicators[i].unit).startswith("%"))
            if (family.members(self, options) or (c.both and len(options) <= 4)) and not c.unknown and (
                    c.kind in ("figure", "spc") or (c.both and c.kind in ("compare", "direction"))
                    or (c.kind == "trend" and c.period and not c.since)):  # "the limits on the chart in march 2013"
                # "spc limits", "male v female": the family in its own order; two subjects in the order asked
                c.family = options if c.both else [i for i in self.indicators if i in options]
                c.indicator, c.indicators, c.choices = c.family[0], c.family[:1], []
                c.kind = "figure" if c.kind == "trend" else c.kind  # one period asked: its figures, not a run
                return
            if c.area and c.kind == "figure" and not c.both:  # 'barming ward unemployment %': the one held for the place
                held = [i for i in options if c.area in set(self._coverage(i).area)]
                if len(held) == 1:
                    c.indicator, c.indicators, c.choices = held[0], held, []
                    return
            names = [self.vocab.names[("indicator", i)] for i in options]
            # two indicators of one name (a count and its %): told apart by their units
            names = [f"{n} ({self.indicators[i].unit})" if names.count(n) > 1 else n for n, i in zip(names, options)]
            choices = [(n, self.question_for(c, indicator=i)) for n, i in zip(names, options)]
            said = self._subject_words(c, options)
            raise NoAnswer("Did you mean: " + " / ".join(names) + "?" + (f" ('{said}' could be any of them.)" if said and
                           len(options) > 2 else f" ('{said}' could be either.)" if said else "") + " Ask for one at a time.",
                           [q for _, q in choices], choices)
        self._twin_by_measure(c)
        self._refuse_what_the_figure_is_not(c)
        self._rank_field(c)
        places = [a for a in c.areas if a != c.area]
        if places and c.kind not in ("compare", "top"):
            options = [c.area] + places
            names = [area_name(self, a) for a in options]
            choices = [(n, self.question_for(c, area=a)) for n, a in zip(names, options)]
            raise NoAnswer("Which place: " + " / ".join(names) + "? Ask for one at a time, or `compare` them.",
                           [q for _, q in choices], choices)

    def _rank_field(self, c: Command) -> None:
        """A rank names its field: 'how deprived is maidstone compared to the rest of england - national rank', 'kent
        police national crime ranking' (the nation or county named is where the place is ranked, not a second
        place); and the ranks of several places asked together are set side by side ('imd national rank maidstone,
        swale and thanet')."""
        if not c.indicator:
            return
        ranked = str(self.indicators[c.indicator].unit) == "rank"
        if c.kind == "rank" or (ranked and c.kind in ("figure", "compare", "direction")):
            covered = set(self._coverage(c.indicator).area)
            field = [x for x in c.areas if self.vocab.area_types.get(x) in ("county", "nation") and x not in covered]
            if field and len(field) < len(c.areas):
                c.areas = [x for x in c.areas if x not in field]
                c.area = c.areas[0]
                if c.kind == "compare" and len(c.areas) == 1:
                    c.kind = "figure"
        if ranked and c.kind in ("rank", "figure") and len(c.areas) > 1:
            c.kind = "compare"

    def _asked_of_priority(self, c: Command) -> tuple[str, str] | None:
        """(indicator, kind) when a question beside a priority's group asks one kind of answer (a rank, a comparison, a
        trend, a direction) of one of its figures named in words of its own, not the priority's."""
        kinds = [("rank", "rank"), ("compare", "compare"), ("versus", "compare"), ("trend", "trend"),
                 ("direction", "direction"), ("up", "direction"), ("down", "direction")]
        kind = next((k for cue, k in kinds if cue in c.cues), None)
        if kind is None:
            return None
        named = self.named_beside_priority(c)
        return (named[0], kind) if len(named) == 1 else None

    @staticmethod
    def _said_of(c: Command, indicator: str) -> set[str]:
        """The word forms the question named an indicator by ('burglaries': {'burglari'})."""
        return set().union(*(words for idents, words, _ in c.hits if indicator in idents))

    def _name_forms(self, indicator: str) -> set[str]:
        """The word forms of an indicator's own name ('Burglary - other': {'burglari', 'other'})."""
        return set(self.vocab.form(normalise(self.indicators[indicator].name)))

    def _within_named(self, c: Command, broader: str) -> bool:
        """Whether the question names the figure the narrower words are counted within by listing what it counts
        ('sheds, garages and business premises', 'sheds, shops, offices etc'), with nothing else or only a general
        word its name holds ('break ins'); one or two of them ('burglary of sheds and garages') ask for a part the
        data does not separate."""
        if c.indicator and c.indicator != broader:
            said = self._said_of(c, c.indicator)
            if not said or not said <= self._name_forms(broader):
                return False
        return len(c.within) >= 3 or bool(re.search(r"\betc\b|\band so on\b", c.text.lower()))

    def _read_narrower(self, c: Command) -> str | None:
        """'how many burglaries': words that name one part of a whole as well as its other parts, answered as the
        part the data files them under (Burglary - dwelling) and said so, with the other parts offered by name."""
        if not c.indicator or c.family or c.kind not in ("figure", "direction", "rank", "trend", "compare", "spc"):
            return None
        ind = self.indicators[c.indicator]
        whole = ind.part_of if isinstance(ind.part_of, str) and ind.part_of else None
        said = self._said_of(c, c.indicator)
        own = self._name_forms(c.indicator)
        if not whole or not said or not said < own:
            return None
        others = [x.name for i, x in self.indicators.items() if i != c.indicator and x.part_of == whole
                  and said <= self._name_forms(i)]
        if not others:
            return None
        return (f"Read as {ind.name}: the words asked also name " + " and ".join(others) + ", not included here (ask `"
                + "`, `".join(o.lower() for o in others) + "`).")

    def group_named(self, priority: str) -> str:
        """The context note for a priority's group named only as who the figures are for: 'the ASB Sub-Group named'."""
        owner = str(self.priorities.set_index("id").loc[priority].owner)
        return f"the {owner.split(' (')[0].split(';')[0]} named"

    def named_beside_priority(self, c: Command) -> list[str]:
        """The figures a question names in words of their own, not only in the words that name its priority ('for
        the substance misuse group: drug offences in high street': drug offences)."""
        own = {f for phrase, entries in self.vocab.phrases.items() if ("priority", c.priority) in entries
               for w in phrase.split() for f in self.vocab.form(w)}
        asked = set(c.indicators) | {x for _, x in c.choices if x} | ({c.indicator} if c.indicator else set())
        named = list(dict.fromkeys(i for inds, words, _ in c.hits if not set(words) <= own for i in inds if i in asked))
        # all in the priority's own words ('for the nte group: violence in high street'): the last named, which
        # follows the group's name
        return named or [i for i in dict.fromkeys(i for inds, _, _ in reversed(c.hits) for i in inds) if i in asked]

    def _count_and_rate(self, options: list[str]) -> bool:
        """Two indicators of one subject, one a count and one a percentage ('Unemployed people' and
        'Unemployment rate'): their names start with the same word form."""
        if len(options) != 2:
            return False
        pct = [str(self.indicators[i].unit).startswith("%") for i in options]
        first = {self.vocab.form(normalise(self.indicators[i].name).split()[0]) for i in options}
        return sorted(pct) == [False, True] and len(first) == 1

    def _twin_by_measure(self, c: Command) -> None:
        """'%' asked of a count, or a number of a percentage, when the data has the same name in the other
        measure ('out of work benefits %': the claimants as a % of residents aged 16-64)."""
        if not c.indicator or c.kind in ("priority", "help", "rank_changes"):
            return
        ind = self.indicators[c.indicator]
        pct = str(ind.unit).startswith("%")
        no_rate = c.measure == "rate" and not (isinstance(ind.rate_base, str) and ind.rate_base)
        wants_pct = (c.measure == "percent" or no_rate) and not pct  # 'out of work benefits rate': the % of 16-64s
        wants_count = "number" in c.extra_words and pct and c.kind in ("figure", "direction")
        if wants_pct and "number" in c.extra_words and any(
                isinstance(other.ratio_of, str) and other.ratio_of.split("/")[0] == c.indicator
                for other in self.indicators.values()):
            wants_pct, c.measure = False, None  # 'how many crimes were resolved, and what % was that?': the count,
            # which its answer shows with its rate
        if wants_pct or wants_count:
            bare = lambda n: re.sub(r"\s+", " ", str(n).replace("%", "")).strip()  # noqa: E731 ('- % repeat victims')
            twin = next((i for i, other in self.indicators.items() if i != c.indicator and bare(other.name) == bare(ind.name)
                         and str(other.unit).startswith("%") == wants_pct), None)
            rates = [i for i, other in self.indicators.items() if isinstance(other.ratio_of, str)
                     and other.ratio_of.split("/")[0] == c.indicator]
            if not twin and wants_pct and len(rates) == 1:  # "% of crimes resolved": the rate the count is the top of
                twin = rates[0]
            whole = ind.part_of if isinstance(ind.part_of, str) and ind.part_of else None
            if not twin and wants_count and whole in {i for idents, _, _ in c.hits for i in idents}:
                twin = whole  # "how many first-time entrants, and how many reoffended": the count, its share beside it
            if twin:
                c.indicator, c.indicators = twin, [twin]
                if no_rate:
                    c.measure = "percent"  # the rate asked is this percentage

    def _refuse_what_the_figure_is_not(self, c: Command) -> None:
        """A figure of another kind than the one asked for is not an answer: offences asked, a survey
        percentage found ('speeding offences'); a count asked, only a percentage held; a rate per household
        asked, a rate per resident held."""
        if not c.indicator or c.kind in ("priority", "help", "rank_changes"):
            return
        ind = self.indicators[c.indicator]
        unit = str(ind.unit)
        name = ind.name
        not_crimes = unit.startswith(("% of residents", "% of working", "% of out of work", "% growth")) or unit in (
            "admissions", "people", "households", "hectares", "rank", "£ million", "jobs", "casualties")
        if c.crime_word and not_crimes and not c.generic_only:
            raise NoAnswer(f"The data has no count of crimes or offences for what was asked: it has {name} "
                           f"({unit}). Ask for that (`{name.lower()}`), or for a crime type, e.g. `criminal damage`.",
                           [self.question_for(c), "criminal damage", "help"])
        if "number" in c.extra_words and unit.startswith("%") and c.kind in ("figure", "direction"):
            raise NoAnswer(f"The data has no count for what was asked: {name} is a percentage ({unit}). "
                           f"Ask `{name.lower()}` for it.", [self.question_for(c)])
        if c.rate_base == "other":
            raise NoAnswer("The assessment gives rates per 1,000 residents, households or adults only. "
                           f"Ask `{name.lower()} rate` for the rate it gives.", [f"{name.lower()} rate"])
        if c.per_thousand and not (isinstance(ind.rate_base, str) and ind.rate_base):
            raise NoAnswer(f"The assessment gives no rate per 1,000 for {name} ({unit}). "
                           f"Ask `{name.lower()}` for it.", [self.question_for(c)])
        if c.measure == "rate" and unit.startswith("% of residents"):
            raise NoAnswer(f"{name} is a survey figure: the % of residents who say so, not a rate of incidents. "
                           f"Ask `{name.lower()}` for it.", [self.question_for(c)])
        if c.rate_base and isinstance(ind.rate_base, str) and ind.rate_base and c.rate_base != ind.rate_base:
            raise NoAnswer(f"The assessment gives {name} per 1,000 {ind.rate_base}, not per 1,000 {c.rate_base}. "
                           f"Ask `{name.lower()} rate` for it.", [f"{name.lower()} rate"])
        if c.measure == "rate" and not (isinstance(ind.rate_base, str) and ind.rate_base) and c.kind == "figure" \
                and not unit.startswith("%") and not re.search(r"\brate\b", name.lower()):
            raise NoAnswer(f"The assessment gives no rate per 1,000 for {name}; it gives the number ({unit}). "
                           f"Ask `{name.lower()}` for it.", [self.question_for(c)])
        if c.measure == "percent" and not unit.startswith("%") and c.kind == "figure" \
                and not re.search(r"\brate\b", name.lower()) \
                and not set(self.lookup("area_coverage", indicator=c.indicator).measure) & {"percent", "share_pct"}:
            raise NoAnswer(f"The assessment gives {name} as a number ({unit}), not as a percentage or share. "
                           f"Ask `{name.lower()}` for it.", [self.question_for(c)])

    def related_indicator(self, c: Command, indicator: str, covers) -> str | None:
        """The one other indicator whose own name shares a word that named the subject, and that ``covers``
        what was asked ('violence' for a ward: Violence against the person); None unless exactly one."""
        asked = set().union(*(words for _, words, generic in c.hits if not generic)) if c.hits else set()
        found = []
        for other, ind in self.indicators.items():
            if other == indicator:
                continue
            own = {f for w in str(ind.name).lower().replace("-", " ").split() for f in self.vocab.form(w)}
            # every word asked must name it ('violence': Violence against the person), not one of them: 'ksi
            # casualties' is not all road casualties
            named = self.vocab.named.get(other, set()) | own
            if asked & (own - {"crime", "of", "the", "and"}) and asked - self.vocab.filler <= named and covers(other):
                found.append(other)
        same = [o for o in found if self.indicators[o].name == self.indicators[indicator].name]
        found = same or found  # the same figure as another measure (Out of work benefit claimants, as a %) first
        return found[0] if len(found) == 1 else None

    def _understood_words(self, c: Command) -> str:
        parts = []
        if c.indicator and not c.generic_only:  # 'gun crime': 'crime' alone is not the subject understood
            parts.append(self.vocab.names[("indicator", c.indicator)])
        if c.area:
            parts.append(area_name(self, c.area))
        if c.period:
            parts.append(c.period)
        return f" (understood: {', '.join(parts)})" if parts else ""

    def _national_as_held(self, c: Command) -> str | None:
        """'national', 'nationally' read as England: when the figure is held for one other nation only (the
        unemployment rate for Great Britain), that nation, said so in a note."""
        nations = [x for x in c.areas if self.vocab.area_types.get(x) == "nation"]
        if not c.indicator or len(nations) != 1:
            return None
        covered = set(self._coverage(c.indicator).area)
        held = [x for x, t in self.vocab.area_types.items() if t == "nation" and x in covered]
        if nations[0] in covered or len(held) != 1:
            return None
        asked = nations[0]
        c.areas = [held[0] if x == asked else x for x in c.areas]
        c.area = held[0] if c.area == asked else c.area
        return (f"The data has no {self.indicators[c.indicator].name} figure for {area_name(self, asked)}; the national "
                f"figure it has is for {area_name(self, held[0])}.")

    def _held_from(self, indicator: str, area: str, month: str) -> bool:
        """Whether the data has a figure of the indicator for the area ending in or after the month (a change
        'since June 2012' counts: it is dated at its end)."""
        cov = self._coverage(indicator)
        cov = cov[cov.area == area]
        return any(str(self.periods[p].end)[:7] >= month for p in cov.period if p in self.periods)

    def _year_so_far(self, c: Command) -> str | None:
        """'violent crime 2013/14', 'has crime gone up since april 2013': a year the data has only part of, or a
        month the data's in-year figures start from, answered with those months (April to September 2013), said so
        in a note. Never a period that starts elsewhere: a part of the year from its own start only."""
        if not c.indicator or c.kind not in ("figure", "direction", "wards", "top", "compare", "rank") or c.family \
                or c.scope in ("months", "quarters"):
            return None
        asked = c.period or (c.since if c.since and re.match(r"^\d{4}-\d{2}$", c.since) else None)
        if not asked or asked not in self.periods or (asked == c.period and self.periods[asked].kind not in (
                "financial_year", "calendar_year")):
            return None  # a span or month asked is answered as asked (added up from a monthly series, or refused)
        cov = self._coverage(c.indicator)
        if c.kind in ("figure", "direction", "rank") and c.area:
            cov = cov[cov.area == c.area]
        have = set(cov.period)
        if asked in have and asked != c.since:  # (since a month the figure has: from it on, below)
            return None
        series, numerator, _ = months.parts_of(self, c.indicator)
        held_months = months.series(self, numerator or series, c.area or self.home)
        if asked == c.period and c.kind in ("figure", "direction") and held_months:
            return None  # 'all crime 2013/14': added up from the monthly series, to its latest month
        start, end = self.periods[asked].start, self.periods[asked].end
        if asked == c.since:  # "since april 2013": only a span from then to the latest the figure has ('since april
            # 2012': no)
            end = max((self.periods[p].end for p in have if p in self.periods), default=end)
            parts = [p for p in have if p in self.periods and self.periods[p].start == start
                     and self.periods[p].kind == "span" and self.periods[p].end == end]
        else:
            parts = [p for p in have if p in self.periods and self.periods[p].start == start
                     and self.periods[p].kind != "month" and self.periods[p].end < end]
        if not parts and asked == c.since and c.kind in ("figure", "direction"):
            # "has crime gone up since october 2013": the monthly series from then to its latest month, added up
            later = sorted(m for m in held_months if m >= asked)
            if later:
                c.since, c.period = None, f"{later[0]}/{later[-1]}" if len(later) > 1 else later[0]
                return (f"Since {self.periods[asked].label}: added up from the monthly figures, "
                        f"{month_label(later[0])} to {month_label(later[-1])}.")
        if not parts:
            return None
        part = max(parts, key=lambda p: self.periods[p].end)
        label = self.periods[part].label
        if asked == c.since:
            c.since, c.period = None, part
            return f"Since {self.periods[asked].label}: the data's in-year figures are for {label}."
        c.period = part
        return (f"The data has {asked} so far only: {label} (the year was not over when the assessment was written); "
                "these are the figures for those months.")

    def answer(self, c: Command) -> Answer:
        self._refuse_unless_understood(c)
        national = self._national_as_held(c)
        if c.kind == "rank" and c.area and self.vocab.area_types.get(c.area) == "county":
            c.area = None  # "shoplifting rank kent": the home district's rank in the county
        if c.kind == "figure" and c.area and self.vocab.area_types.get(c.area) == "county" and c.indicator \
                and str(self.indicators[c.indicator].unit) == "rank" and c.area not in set(self._coverage(c.indicator).area):
            c.areas = [x for x in c.areas if x != c.area]  # "deprivation rank among kent districts": ours among them
            c.area = None
        wider = [x for x in c.areas if self.vocab.area_types.get(x) in ("county", "nation")]
        if c.kind in ("compare", "figure") and wider and wider == c.areas and self.home not in c.areas \
                and (c.kind == "compare" or len(wider) > 1 or "county" in c.cues) \
                and re.search(r"\b(?:our|us|we|borough)\b", c.text.lower()):
            # "how does our jobless rate compare with kent and nationally", "jobless rate borough county and national"
            county = next((x for x, t in self.vocab.area_types.items() if t == "county"), None)
            extra = [county] if "county" in c.cues and county and county not in c.areas else []
            c.areas, c.kind = [self.home] + extra + c.areas, "compare"
            c.area = self.home
        if c.kind == "compare" and len(c.areas) == 1 and c.areas[0] != self.home \
                and self.vocab.area_types.get(c.areas[0]) != "ward":
            c.areas.insert(0, self.home)  # "flytipping perception vs kcc avg": ours beside the one named
            c.area = self.home
        only = self._only_area(c)
        if c.area is None and c.kind not in ("top", "help", "statement"):
            c.area = only or self.home  # understood: the place answered
        so_far = self._year_so_far(c)
        if c.since and re.match(r"^\d{4}-\d{2}$", c.since) and c.kind in ("figure", "direction", "compare") and c.indicator \
                and not self._held_from(c.indicator, c.area or self.home, c.since):
            # "has crime gone up in thanet since october 2013": nothing from then on for that place, said so
            label = self.periods[c.since].label if c.since in self.periods else month_label(c.since)
            where = area_name(self, c.area or self.home)
            raise NoAnswer(f"The data has no {self.indicators[c.indicator].name} figures for {where} from {label} on.",
                           [self.question_for(c)])
        if c.kind == "figure" and any(claim.figure[-2:] in ("st", "nd", "rd", "th") for claim in c.claims):
            c.kind = "rank"  # "we are 4th for asb, is that right": the rank, checked
        if c.kind in ("figure", "wards") and not (c.indicator or c.family or c.statement or c.priority or c.choices
                                                   or c.table) and c.areas == [c.area] and c.area != self.home:
            c.kind = "place"  # "fant ward", "anything flagged for park wood": everything the data holds for it
        answer = family.family(self, c) if c.family else KINDS[c.kind](self, c)
        if c.follow_ups and answer.error is None:
            answer = self._with_follow_ups(c, answer)
        if c.claims:
            self._check_claims(c, answer)
        self._named_source(c, answer)
        answer.understood = self.understood(c)
        if only and c.area == only:
            answer.notes.insert(0, f"No place was named, and the data has {self.vocab.names[('indicator', c.indicator)]} "
                                   f"for {area_name(self, only)} only.")
        if national:
            answer.notes.insert(0, national)
        if so_far and answer.error is None:
            answer.notes.insert(0, so_far)
        if c.within and answer.error is None:
            words = ", ".join(f"'{w}'" for w, _ in c.within)
            answer.notes.insert(0, f"{words} {'is' if len(c.within) == 1 else 'are'} counted within "
                                   f"{self.vocab.names[('indicator', c.indicator)]}, with no separate figure: the "
                                   "figure is for all of it.")
        if c.corrections:
            answer.notes.insert(0, "Read " + "; ".join(f"'{a}' as '{b}'" for a, b in c.corrections) + ".")
        if c.examples and answer.error is None:  # 'rowdy groups, that type of thing': examples, the figure for all of it
            answer.notes.insert(0, "Read " + "; ".join(f"'{x}'" for x in c.examples) + " as examples of " + (
                self.vocab.names[("indicator", c.indicator)] + ": the figure counts all of it, with no separate figure "
                "for them." if c.indicator else "what was asked."))
        if c.instead and answer.error is None:  # 'not the vap bit, the overall violent crime figure'
            answer.notes.insert(0, f"Answered for {self.vocab.names[('indicator', c.indicator)]}, as asked ("
                                + "; ".join(f"'{x}'" for x in c.instead) + ").")
        if c.set_aside and answer.error is None:  # 'cars stolen (not broken into)': what was set aside, said
            answer.notes.insert(0, "Not counted, as asked: " + "; ".join(
                f"'{typed}'" + (f" ({', '.join(self.vocab.names[('indicator', i)] for i in named)})" if named else "")
                for typed, named in c.set_aside) + ".")
        narrower = self._read_narrower(c) if answer.error is None and not c.set_aside else None
        if narrower:  # 'burglary': read as Burglary - dwelling, said, with the other part offered
            answer.notes.insert(0, narrower)
        shown = [(typed, x) for typed, x in c.read_as if x in c.areas and self.vocab.area_types.get(x) == "ward"]
        if shown and answer.error is None:  # "asb in the town centre": the ward the words name, said
            answer.notes.insert(0, "Read " + "; ".join(f"'{typed}' as {area_name(self, x)} ward" for typed, x in shown)
                                + ".")
        if c.group and c.group in set(self.priorities.id) and self.group_named(c.group) not in c.context:
            c.context.append(self.group_named(c.group))  # 'asb group again. % saying teenagers hang about ...'
        if c.context:  # "asb park wood 2012/13 - for our tenancy team": said so, not silently dropped
            answer.notes.insert(0, "Left aside as context, not part of the question: "
                                + "; ".join(f"'{x}'" for x in c.context) + ".")
        answer.follow_ups = self._follow_ups(c)
        if answer.series and c.indicator:
            answer.series.setdefault("footnotes", []).extend(self.chart_corrections(c.indicator, c.area, answer.series))
        return answer

    def _with_follow_ups(self, c: Command, answer: Answer) -> Answer:
        """The answer, checked to show what each question asked after the one answered asks about ('and was it
        worse back in july 2012?': July 2012's figure; 'is that good or bad among the districts?': the rank), and
        said to. One it does not show is answered by the kind of answer that shows it ('was it outside the control
        limits?': the control chart), or refused by name, with the questions to ask apart."""
        missing = self._not_shown(c, answer)
        needed = {m for ms in missing.values() for m, _ in ms}
        later = [n.partition(":")[2] for _, needs in c.follow_ups for n in needs if n.startswith("period:")] + [
            before for _, needs in c.follow_ups for n in needs
            if n in ("year_before", "month_before") and (before := self._before(c.period, n))]
        tries = [dataclasses.replace(c, kind=k) for need, k in (("limits", "spc"), ("change", "direction"),
                                                                 ("rank", "rank")) if need in needed and c.kind != k]
        if needed & {"period", "year_before", "month_before"} and len(later) == 1 and not c.against:  # 'was it lower by nov 2013?': set beside it
            tries[:0] = [dataclasses.replace(c, against=later[0]), dataclasses.replace(c, period=later[0], against=c.period)]
        for other in tries:
            try:
                tried = KINDS[other.kind](self, other)
            except NoAnswer:
                continue
            if tried.error is None and not self._not_shown(other, tried):
                c.kind, c.period, c.against, answer, missing = other.kind, other.period, other.against, tried, {}
                break
        if missing:
            typed, needs = next(iter(missing.items()))
            raise NoAnswer(f"I can answer `{self.question_for(c)}`, but that answer does not show "
                           f"{' or '.join(part for _, part in needs)}, which '{typed}' asks about. Ask it on its own.",
                           [self.question_for(c)])
        answer.notes.insert(0, "Also asked: " + "; ".join(f"'{typed}'" for typed, _ in c.follow_ups)
                            + ": shown above.")
        return answer

    def _before(self, period: str | None, step: str) -> str | None:
        """The period a year (or, for a month, a month) before the one answered, if the data defines it."""
        if not period:
            return None
        if step == "month_before":
            return month_id(int(period[:4]), int(period[5:]) - 1) if re.fullmatch(r"\d{4}-\d{2}", period) else None
        return self.period_index.year_before(period)

    def _not_shown(self, c: Command, answer: Answer) -> dict[str, list[tuple[str, str]]]:
        """For each follow-up question, what it asks about that the answer does not show: (need, in words)."""
        shown = "\n".join([answer.headline] + [" | ".join([t.title, *t.columns]) for t in answer.tables]
                          + [" | ".join(str(x) for x in row) for t in answer.tables for row in t.rows])
        what = {"rank": r"\b\d+ of \d+\b|\brank", "limits": r"\blimits?\b",
                "change": r"(?<![\w.])[+\u2212-]\d|\bunchanged\b|\bchange\b|\bwent (?:up|down)\b|\bno change\b",
                "count": r"\d[\d,]* [a-z]+(?: [a-z]+)? (?:of|out of) [\d,]+\b|\d[\d,]* of [\d,]+ [a-z]+"}
        words = {"rank": "the county rank", "limits": "the control limits", "change": "the change", "count": "the counts"}
        missing = {}
        for typed, needs in c.follow_ups:
            for need in needs:
                kind, _, ident = need.partition(":")
                if kind in ("year_before", "month_before"):  # 'and what was it the year before that?'
                    ident = self._before(c.period, kind)
                    if ident is None:
                        missing.setdefault(typed, []).append((kind, kind.replace("_", " ")))
                        continue
                    kind = "period"
                if kind == "period":
                    part = self.periods[ident].label if ident in self.periods else month_label(ident)
                    ok = part in shown or ident in shown
                elif kind == "area":
                    part = area_name(self, ident)
                    ok = part in shown
                else:
                    part, ok = words[kind], bool(re.search(what[kind], shown, re.IGNORECASE))
                    if kind == "rank" and c.kind in ("top", "wards", "compare"):  # 'and was maidstone near the top?'
                        part, ok = "the places in order", any(t.rows for t in answer.tables)
                if not ok:
                    missing.setdefault(typed, []).append((kind, part))
        return missing

    def _check_claims(self, c: Command, answer: Answer) -> None:
        """Figures quoted ("is that right") checked against the answer's figures for the period and place answered
        (any row of a list of places or wards), and against what the assessment printed for them."""
        listing = c.kind in ("wards", "compare", "top", "rank_changes", "table") or len(answer.tables) == 0 or \
            answer.tables[0].columns[:1] in (["Ward"], ["Area"], ["Category"])
        answered = None
        if not listing:
            answered = [x for x in (c.period, self.periods[c.period].label if c.period in self.periods else None,
                                    area_name(self, c.area) if c.area else None) if x]
        printed = None
        if c.indicator and c.period:
            printed = self.lookup("printed_figures", indicator=c.indicator, area=c.area or self.home)
            printed = printed[printed.period == c.period]
        unit = str(self.indicators[c.indicator].unit) if c.indicator in self.indicators else ""
        claims.check(answer, c.claims, answered, ranked=c.kind == "rank", printed=printed,
                     scale=1e6 if "million" in unit else 1)  # '£75m?' of a figure kept in millions

    def _named_source(self, c: Command, answer: Answer) -> None:
        """"section 5.6 pedestrian ksi", "table 3 unemployed": the answer is the subject's figure wherever it is; when
        its source is not the section or table named, a note says where it is from."""
        named = c.section or (c.table if c.kind != "table" and c.table != "*" else None)
        if not named or not answer.sources:
            return
        asked = tuple(int(x) for x in named.split("."))

        def holds(source: str) -> bool:
            for first, last in re.findall(r"(?:section|table) (\d+(?:\.\d+)*)(?:-(\d+(?:\.\d+)*))?", source.lower()):
                low = tuple(int(x) for x in first.split("."))
                high = tuple(int(x) for x in (last or first).split("."))
                if low[:len(asked)] <= asked <= high[:len(asked)] or asked[:len(low)] == low:
                    return True
            return False
        printed_in = [f"section {r.section}" for r in self.run(
            "fact_sections", indicator=c.indicator, area=c.area or self.home, period=c.period).itertuples()] \
            if c.indicator and c.period else []
        if not any(holds(s) for s in answer.sources + printed_in):
            word = "section" if c.section else "table"
            answer.notes.insert(0, f"You named {word} {named}; these figures are from {'; '.join(answer.sources)}.")

    def chart_corrections(self, indicator: str, area: str | None, series: dict) -> list[str]:
        """A footnote for each plotted figure whose stored value corrects the printed one: a chart pasted
        into a paper must not show a figure that differs from the document without saying so."""
        frame = self.lookup("corrected_figures", indicator=indicator, area=area or self.home)
        if frame.empty:
            return []
        shown = {str(p[0]) for p in series.get("points", [])} | set(series.get("labels", [])) | {
            series.get("baseline_label") or ""}
        measures = {series.get("measure") or ("percent" if series.get("percent") else "count")}
        notes = []
        for r in frame.itertuples():
            if (r.period in shown or r.period_label in shown) and r.measure in measures:
                unit = "%" if r.measure == "percent" else ""
                notes.append(f"{r.period}: printed {r.published}, shown {fmt_number(r.value, r.digits, unit)} "
                             "(corrected: two parts of the assessment agree; see the notes).")
        return notes

    def _only_area(self, c: Command) -> str | None:
        """The one area an indicator has, when no place was named and the home district is not it ('spc
        bandwidth': the assessment charts Kent & Medway's crime only)."""
        if c.area or not c.indicator or c.kind not in ("figure", "direction", "trend", "spc", "rank"):
            return None
        areas = set(self._coverage(c.indicator).area)
        return next(iter(areas)) if len(areas) == 1 and self.home not in areas else None

    def _follow_ups(self, c: Command) -> list[tuple[str, str]]:
        """The next questions worth one click: the indicator's trend, and its wards where the data has them."""
        if not c.indicator or c.kind not in ("figure", "compare", "trend", "wards", "spc"):
            return []
        name = self.vocab.names[("indicator", c.indicator)].lower()
        area = f" {area_name(self, c.area).lower()}" if c.area and c.area != self.home else ""
        ups = []
        if c.kind != "trend":
            ups.append(("Trend", f"trend {name}{area}"))
        if c.kind != "wards" and c.indicator in self.ward_indicators:
            ups.append(("Wards", f"{name} wards"))
        return ups

    def headlines(self) -> list[dict]:
        """Each priority's headline figure, for the App Home and the digest.

        Items: {"id", "name", "owner", "kind", "headline", "ask"}; the headline is the indicator the
        priority is measured by, with its latest figure, change and county rank direction. Worked out once
        per answerer (its data never changes; a reload makes a new answerer): every App Home opening uses it.
        """
        if self._headlines is not None:
            return self._headlines
        items = []
        for p in self.priorities.itertuples():
            if p.kind == "cross_cutting":
                continue
            ask = f"priority {p.id.replace('_', ' ')}"
            answer = priority.priority(self, Command(ask, "priority", priority=p.id))
            table = answer.tables[0] if answer.tables else None
            text = "No figures in the assessment."
            if table and table.rows:
                row = next((r for r in table.rows if r[0].endswith("(headline)")), table.rows[0])
                cells = dict(zip(table.columns, row))
                parts = [f"{cells['Indicator'].removesuffix(' (headline)')}, {cells['Period']}: {cells['Figure']}"]
                change = " ".join(x for x in (cells.get("Change", ""), f"({cells['% change']})" if cells.get("% change") else "") if x)
                if change:
                    parts.append(change)
                if cells.get("County rank"):
                    parts.append(f"county rank {cells['County rank']}" + (f" {cells['Direction']}" if cells.get("Direction") else ""))
                text = "; ".join(parts)
            items.append({"id": p.id, "name": p.name, "owner": p.owner, "kind": p.kind, "headline": text, "ask": ask})
        self._headlines = items
        return items

    # -- kinds of answer ---------------------------------------------------------------------
    def _coverage(self, indicator: str) -> pd.DataFrame:
        return self.lookup("coverage", indicator=indicator)

    def _covered_text(self, cov: pd.DataFrame) -> str:
        parts = []
        for area, group in cov.groupby("area_name", sort=False):
            periods = group.sort_values("period_start").period.tolist()
            parts.append(f"{area} ({periods[0]}" + (f" to {periods[-1]})" if len(periods) > 1 else ")"))
        return "; ".join(parts[:8]) + ("; ..." if len(parts) > 8 else "")

    def _need_indicator(self, c: Command, what: str) -> str:
        if c.indicator:
            return c.indicator
        asked = f" in '{c.text.strip()}'" if c.text.strip() else ""
        raise NoAnswer(f"I found no crime type or measure{asked}. Name one, e.g. `{self.example()}`, or ask `help`.",
                       [e for e, _ in self.examples[:2]] + ["help"])

    def _resolve_period(self, c: Command, cov: pd.DataFrame, area: str) -> tuple[str, list[str]]:
        """The period to answer, and any later periods that have only changes (offered in a note)."""
        here = cov[cov.area == area]
        name = self.vocab.names[("indicator", c.indicator)]
        if c.period:
            if c.period in set(here.period):
                return c.period, []
            label = self.periods[c.period].label if c.period in self.periods else c.period
            if re.match(r"^\d{4}-\d{2}$", label):
                label = month_label(label)
            label = label if label.startswith(c.period) or c.period in label else f"{c.period} ({label})"
            suggestions = [f"{name.lower()} {p}" for p in here.sort_values('period_start').period.unique()[-3:]]
            related = self._related(c.indicator, area, c.period)
            also = f" For {label} the data has: {', '.join(n for n, _ in related)}." if related else ""
            raise NoAnswer(f"The data has no {name} figure for {area_name(self, area)} in {label}. "
                           f"It covers: {self._covered_text(here)}.{also}",
                           [f"{ask} {c.period}" for _, ask in related[:2]] + suggestions)
        levels = {r[0] for r in self.cursor().execute(
            "SELECT DISTINCT period FROM figures WHERE indicator = ? AND area = ? "
            "AND measure IN ('count', 'percent', 'average_per_year', 'rank')", [c.indicator, area]).fetchall()}
        later: list[str] = []
        if levels:  # the latest figure with a level; a later change-only figure is offered in a note
            later = list(here[~here.period.isin(levels)].period.unique())
            here = here[here.period.isin(levels)]
        candidates = here.assign(order=here.period_kind.map(KIND_ORDER))
        ends = {p: self.periods[p].end for p in candidates.period}
        candidates = candidates.assign(end=candidates.period.map(ends)).sort_values(["end", "order"],
                                                                                    ascending=[False, True])
        fy = candidates[candidates.period_kind == "financial_year"].sort_values("end", ascending=False)
        if c.relative == -1 and len(fy) > 1:
            return fy.period.iloc[1], later
        if c.relative is not None and len(fy):
            return fy.period.iloc[0], later
        return candidates.period.iloc[0], later

    def _related(self, indicator: str, area: str, period: str) -> list[tuple[str, str]]:
        """Indicators with a figure for this area and period that share a word with the one asked for
        (the assessment's "Burglary - dwelling" and police.uk's "Burglary (dwelling and other)")."""
        if period not in self.periods:
            return []
        words = lambda name: set(re.findall(r"[a-z]{4,}", name.lower())) - {"with", "from", "other"}  # noqa: E731
        mine = words(self.vocab.names[("indicator", indicator)])
        there = self.run("indicators_in_period", area=area, period=period)
        related = []
        for r in there.itertuples():
            if r.indicator != indicator and words(r.name) & mine:
                aliases = self.indicators[r.indicator].aliases
                ask = aliases.split(";")[0] if isinstance(aliases, str) and aliases else r.name.lower()
                related.append((r.name, ask))  # a phrase that parses back to it, for the suggestion
        return related

    def annotate(self, answer: Answer, indicator, area, periods, tables) -> None:
        found = self.cursor().execute(self.queries["notes"].sql, {"indicator": indicator, "area": area,
                                                                   "periods": periods})
        at = [column[0] for column in found.description].index("note")
        for row in found.fetchall():  # rows, not a frame: every answer comes here
            text = f"Data note: {row[at]}"
            if text not in answer.notes:
                answer.notes.append(text)
        for table in sorted(t for t in tables if t):
            entry = self.sources.get(table)
            if entry is not None:
                source = (f"{entry.title} ({entry.source})" if entry.file.startswith("imports/") else
                          f"{self.partnership.document_kind} section {entry.section}: {entry.title} ({entry.source})")
                if source not in answer.sources:
                    answer.sources.append(source)



STARTUP_TABLES = ("partnership", "areas", "denominators", "examples", "indicators", "periods")
STARTUP_QUERIES = ("catalog", "priorities", "ward_indicators")


def startup_frames(con, queries, database: Path | None, folder: Path | None) -> dict:
    """What every answerer reads once at start: the pack's small tables and the start-up queries' results as
    frames, and the vocabulary's rows (tuples: a missing alias stays None).

    Kept in ``folder`` (the state directory) between processes, in one file named by the database file and
    the queries' text: a build of the data is a new database file whose name is its fingerprint, so a kept
    file can never hold another build's rows. Ten queries made into frames are a fifth of `crimebot ask`'s
    own time; the kept file is read in a few milliseconds. Without a database file (an answerer made on
    a connection) or a writable folder, the rows are read from the connection each time.
    """
    def read():
        frames = {name: con.execute(f'SELECT * FROM "{name}"').df() for name in STARTUP_TABLES}
        frames.update((name, con.execute(queries[name].sql).df()) for name in STARTUP_QUERIES)
        frames["vocabulary"] = con.execute(queries["vocabulary"].sql).fetchall()
        return frames

    if database is None:
        return read()
    digest = hashlib.sha256(Path(database).name.encode())
    for name in (*STARTUP_QUERIES, "vocabulary"):
        digest.update(queries[name].sql.encode())
    return kept(folder, "startup", digest.hexdigest(), read, "start-up rows")


def load_gated_queries(settings: Settings, con):
    """Gate every query file once per change of the files or the schema; remember the verdict in the state dir.

    The gate (sqlglot parse, qualify) is the slow part of start-up; a query text that passed against
    the same schema need not be parsed again by the next process.
    """
    from ..queries import NamedQuery, parse_header

    files = sorted(Path(settings.queries_dir).glob("*.sql"))
    schema_rows = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                              "WHERE table_schema = 'main' ORDER BY ALL").fetchall()
    digest = hashlib.sha256(repr(schema_rows).encode())
    texts = {}
    for path in files:
        texts[path.stem] = path.read_text(encoding="utf-8")
        digest.update(path.name.encode() + texts[path.stem].encode())
    stamp = settings.state_dir / "queries.gated"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        queries = {}
        for name, text in texts.items():
            title, answers, params = parse_header(text, name)
            queries[name] = NamedQuery(name, title, answers, params, text)
        return queries
    from ..queries import load_queries, schema_of

    queries = load_queries(settings.queries_dir, schema_of(con))
    stamp.write_text(digest.hexdigest())
    return queries
