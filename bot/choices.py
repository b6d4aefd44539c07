"""What a form offers, without Slack: crime types matching what a partner types (their names and partners'
words for them), the areas, the periods a crime type has, and the question a set of choices makes.

A form's choices become a question in words and are answered by ``Answerer.ask``, exactly as ``crimebot
ask`` and ``/crime`` answer it; ``question`` is built with ``Answerer.question_for`` so it reads back as chosen.
"""
from __future__ import annotations

from dataclasses import dataclass

from .answer import Answerer, area_name
from .answer.base import KIND_ORDER
from .parse import Command, parse
from .periods import month_label
from .words import normalise


@dataclass(frozen=True)
class Choice:
    value: str  # an id: indicators.id, areas.id or periods.id
    label: str


def indicators_matching(answerer: Answerer, typed: str, limit: int = 100) -> list[Choice]:
    """Crime types and measures whose name, or a partner's word for them, contains every word typed; names that
    start with the words first. A match through a partner's word says which word (``shop theft → Shoplifting``).

    >>> from bot.settings import Settings
    >>> [c.label for c in indicators_matching(Answerer.open(Settings.from_env()), "shopl")]   # doctest: +SKIP
    ['Shoplifting']
    """
    words = normalise(typed).split()
    found: dict[str, tuple[tuple, str]] = {}
    for phrase, entries in answerer.vocab.phrases.items():
        text = normalise(phrase)
        if not all(w in text for w in words):
            continue
        for kind, ident in entries:
            if kind != "indicator" or ident not in answerer.indicators:
                continue
            name = answerer.vocab.names[("indicator", ident)]
            by_name = normalise(name) == text
            label = name if by_name or not words else f"{phrase} → {name}"
            rank = (not text.startswith(" ".join(words)), not by_name, len(name), name)
            if ident not in found or rank < found[ident][0]:
                found[ident] = (rank, name if not words else label)
    ordered = sorted(found.items(), key=lambda item: item[1][0])
    return [Choice(ident, label) for ident, (_, label) in ordered[:limit]]


def area_groups(answerer: Answerer, home: str) -> list[tuple[str, list[Choice]]]:
    """The places a form offers, grouped: the home district, its wards, the other districts, the county and the
    rest the data covers (in Maidstone's pack: the Kent districts, then Medway and Kent)."""
    areas = answerer.areas.values()
    wards = sorted((a for a in areas if a.type == "ward" and a.parent == home), key=lambda a: a.name)
    peers = set(answerer.partnership.peers)
    districts = sorted((a for a in areas if a.type == "district" and a.id != home and a.id in peers), key=lambda a: a.name)
    elsewhere = sorted((a for a in areas if a.type == "district" and a.id not in peers), key=lambda a: a.name)
    wider = sorted((a for a in areas if a.type in ("unitary", "county")), key=lambda a: (a.type, a.name))
    county = answerer.areas.get(answerer.partnership.county)
    around = getattr(county, "parent", None)  # the area holding the county and its neighbours: 'Kent & Medway'
    wider_name = area_name(answerer, around) if isinstance(around, str) and around else "Wider areas"
    groups = [(area_name(answerer, home), [Choice(home, area_name(answerer, home))]),
              (f"{area_name(answerer, home)}'s wards", [Choice(a.id, a.name) for a in wards]),
              (answerer.partnership.peer_group, [Choice(a.id, a.name) for a in districts]),
              ("Other districts", [Choice(a.id, a.name) for a in elsewhere]),
              (wider_name, [Choice(a.id, a.name) for a in wider])]
    return [(label, choices) for label, choices in groups if choices]


def periods_of(answerer: Answerer, indicator: str, area: str | None = None, limit: int = 99) -> list[Choice]:
    """The periods the data has for an indicator (in ``area`` when it has any there), newest first."""
    coverage = answerer.lookup("coverage", indicator=indicator)
    if area and (coverage.area == area).any():
        coverage = coverage[coverage.area == area]
    kinds = coverage.drop_duplicates("period").assign(order=coverage.period_kind.map(KIND_ORDER))
    kinds = kinds.assign(end=kinds.period.map(lambda p: answerer.periods[p].end))
    kinds = kinds.sort_values(["end", "order"], ascending=[False, True])
    out = []
    for period in kinds.period[:limit]:
        label = answerer.periods[period].label
        label = month_label(label) if len(label) == 7 and label[4] == "-" else label
        out.append(Choice(period, label if label.startswith(period) or period in label else f"{period} ({label})"))
    return out


def question(answerer: Answerer, indicator: str, area: str | None = None, period: str | None = None) -> str:
    """The question a form's choices make, in words that ``ask`` reads back as chosen: the indicator's
    shortest name or partner's word that parses back to it with the area and period, else its full name.

    >>> from bot.settings import Settings
    >>> question(Answerer.open(Settings.from_env()), "shoplifting", "maidstone", "2012/13")  # doctest: +SKIP
    'shoplifting 2012/13'
    """
    home = answerer.home
    place = [area_name(answerer, area).lower()] if area and area != home else []
    names = sorted({p for p, entries in answerer.vocab.phrases.items() if ("indicator", indicator) in entries},
                   key=lambda p: (len(p), p))
    for name in names:
        text = " ".join([name, *place, *([period] if period else [])])
        read = parse(text, answerer.vocab)
        if (read.indicator, read.area or home, read.period) == (indicator, area or home, period) and not read.unknown:
            return text
    return answerer.question_for(Command("", "figure", indicator=indicator, area=area, period=period))
