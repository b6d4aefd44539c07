"""A family of figures answered together: indicators whose names share the part before the colon
("Recorded crime in Kent & Medway, rolling year: upper control limit / lower control limit / width";
"Assault hospital admissions: male / female"). Asked for by the family's name, or for two of its members
("upper and lower limits", "male v female"), they are one answer, not a question asked back."""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from ..parse import Command
from .base import Answer, NoAnswer, Table, _drop_empty, area_name
from .figure import figure

if TYPE_CHECKING:
    from .answerer import Answerer


def family_name(name: str) -> str | None:
    """The part of an indicator's name before ': ', when it has one ('Assault hospital admissions')."""
    head, sep, _ = str(name).partition(": ")
    return head if sep and head else None


def members(a: Answerer, options: list[str]) -> list[str] | None:
    """The whole family, in the data's order, when every option is a member of one family; else None."""
    heads = {family_name(a.indicators[i].name) for i in options if i in a.indicators}
    if len(options) < 2 or len(heads) != 1 or None in heads:
        return None
    head = heads.pop()
    return [i for i, ind in a.indicators.items() if family_name(ind.name) == head]


def family(a: Answerer, c: Command) -> Answer:
    """Each member answered as a figure alone, then put side by side: one headline naming
    every member's figure, one table, the notes and sources of all of them once each."""
    head = family_name(a.indicators[c.family[0]].name)
    if len({family_name(a.indicators[i].name) for i in c.family}) > 1:
        head = None  # "accidental fires and deliberate fires": two subjects, each answered in full
    answers, missing = [], []
    for indicator in c.family:
        one = _alone(c, indicator)
        if c.both and answers and not c.period and answers[0][2]:
            one.period = answers[0][2]  # "unemployed": the rate for the count's period, where it has one
        try:
            try:
                answers.append((indicator, _kind(c)(a, one), one.period))
            except NoAnswer:
                if one.period == c.period:
                    raise
                one = _alone(c, indicator)  # that period it lacks: its own latest
                answers.append((indicator, _kind(c)(a, one), one.period))
            c.area = one.area  # the place answered ('kent': Kent & Medway, the force area)
        except NoAnswer as exc:
            missing.append((indicator, str(exc)))
    if not answers:  # none has a figure: each one's reason, never only the first's
        raise NoAnswer(" ".join(dict.fromkeys(message for _, message in missing)))
    if head is None:
        return _several(a, c, answers, missing)
    first = answers[0][1]
    parts, rows = [], []
    for indicator, answer, _ in answers:
        member = a.indicators[indicator].name.partition(": ")[2]
        value = _figure_of(answer)
        parts.append(f"{member} {value}")
        unit = str(a.indicators[indicator].unit)
        rows.append([member, value, "" if value.endswith(unit) else unit])
    where = area_name(a, c.area) if c.area else ""
    when = _period_of(first)
    headline = f"{head}" + (f" in {where}" if where else "") + (f", {when}" if when else "") + ": " + "; ".join(parts) + "."
    notes = list(dict.fromkeys(n for _, answer, _ in answers for n in answer.notes))
    notes += [f"No {a.indicators[i].name.partition(': ')[2]} figure: {message}" for i, message in missing]
    sources = list(dict.fromkeys(s for _, answer, _ in answers for s in answer.sources))
    return Answer(c.text, {}, headline=headline,
                  tables=[Table(f"{head}" + (f", {where}" if where else "") + (f", {when}" if when else ""),
                                *_drop_empty(rows, ["Measure", "Figure", "Unit"])[::-1])],
                  notes=notes, sources=sources)


def _alone(c: Command, indicator: str) -> Command:
    """The question as if it had named only this member."""
    one = copy.copy(c)
    one.indicator, one.indicators, one.family, one.choices = indicator, [indicator], [], []
    return one


def _kind(c: Command):
    """How each member is answered: side by side or by direction when two subjects were asked so."""
    from .compare import compare
    from .direction import direction

    return {"compare": compare, "direction": direction}.get(c.kind, figure) if c.both else figure


def _several(a: Answerer, c: Command, answers: list, missing: list) -> Answer:
    """Two or more subjects asked together: each one's answer in full, one after the other."""
    notes = list(dict.fromkeys(n for _, answer, _ in answers for n in answer.notes))
    # a subject asked that has no figure is said in the headline, beside the ones answered, never left out
    lacking = [f"No {a.indicators[i].name} figure: {message}" for i, message in missing]
    return Answer(c.text, {}, headline=" ".join([answer.headline for _, answer, _ in answers] + lacking),
                  tables=[t for _, answer, _ in answers for t in answer.tables], notes=notes,
                  sources=list(dict.fromkeys(s for _, answer, _ in answers for s in answer.sources)))


def _figure_of(answer: Answer) -> str:
    """The figure a one-indicator answer leads with: the text after the headline's colon, up to the first
    ';' (its changes stay in the member's own answer)."""
    text = answer.headline.rsplit(": ", 1)[-1]
    return text.split(";")[0].rstrip(". ")


def _period_of(answer: Answer) -> str:
    """The period a one-indicator answer names in its headline ('October 2011', '2012/13')."""
    before = answer.headline.rsplit(": ", 1)[0]
    return before.rsplit(", ", 1)[-1] if ", " in before else ""


def limit_indicators(a: Answerer) -> list[str]:
    """The indicators that are control limits the assessment read off a chart ('... upper control limit')."""
    return [i for i, ind in a.indicators.items() if "control limit" in str(ind.name).lower()]


def published_limits(a: Answerer, c: Command, area: str) -> Answer | None:
    """When no monthly series can be charted, the control limits the assessment gives as figures: the
    indicator asked if it is one of them ('spc upper limit kent crime mar 2013'), else every indicator named
    as a control limit that the place (or the force area holding it) has ('kent crime control limits')."""
    def covers(indicator):
        places = set(a._coverage(indicator).area)
        return area in places or getattr(a.areas.get(area), "parent", None) in places
    if c.indicator and "control limit" in str(a.indicators[c.indicator].name).lower():
        limits = [c.indicator]
    else:
        limits = [i for i in limit_indicators(a) if covers(i)]
        if not limits or (c.indicator and not c.generic_only):
            return None
    c.family = limits
    c.indicator, c.indicators = limits[0], limits[:1]
    return family(a, c) if len(limits) > 1 else figure(a, c)
