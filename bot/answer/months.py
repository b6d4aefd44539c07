"""Figures added up from a monthly series: a quarter, a span of months or a year, when the data states
only the months ("q4 2012/13 outcome rate", "recorded crime apr-dec 2013"), and the counts behind a
month's rate ("outcome rate september 2013": 277 outcomes of 874 crimes).

A rate over several months is the sum of its numerator over the sum of its denominator, never an average
of the monthly rates. A period is added up only when every one of its months is in the data.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..parse import Command
from ..periods import a_year_earlier, month_end, month_label, months_between
from .base import Answer, NoAnswer, Table, area_name, fmt_change, fmt_number

if TYPE_CHECKING:
    from .answerer import Answerer

SPAN = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")


def counts_of(a: Answerer, numerator: str, denominator: str, n, d) -> str:
    """The counts behind a rate: '277 outcomes of 874 crimes'."""
    return f"{fmt_number(n)} {a.indicators[numerator].unit} of {fmt_number(d)} {a.indicators[denominator].unit}"


def period_dates(a: Answerer, period: str) -> tuple[str, str, str] | None:
    """(start, end, label) of a period id, including spans of months the data has no row for."""
    if period in a.periods:
        p = a.periods[period]
        return str(p.start)[:10], str(p.end)[:10], p.label
    if re.match(r"^\d{4}-\d{2}$", period):
        return f"{period}-01", month_end(period), month_label(period)
    match = SPAN.match(period)
    if match:
        first, last = f"{match[1]}-{match[2]}", f"{match[3]}-{match[4]}"
        if first <= last:
            return f"{first}-01", month_end(last), f"{month_label(first)} to {month_label(last)}"
    return None


def parts_of(a: Answerer, indicator: str) -> tuple[str, str | None, str | None]:
    """(the monthly series, numerator, denominator): a ratio is added up from its two parts."""
    ind = a.indicators[indicator]
    ratio = ind.ratio_of if isinstance(ind.ratio_of, str) and ind.ratio_of else None
    if ratio:
        numerator, denominator = ratio.split("/")
        return indicator, numerator, denominator
    monthly = ind.monthly_indicator if isinstance(ind.monthly_indicator, str) and ind.monthly_indicator else None
    return monthly or indicator, None, None


def series(a: Answerer, indicator: str, area: str) -> dict[str, float]:
    frame = a.lookup("monthly_values", indicator=indicator, area=area)
    return {r.month: float(r.value) for r in frame.itertuples()}


def sums(a: Answerer, indicator: str, area: str, months: list[str]):
    """(value, numerator total, denominator total) over the months, or None if a month is missing."""
    monthly, numerator, denominator = parts_of(a, indicator)
    if numerator:
        top, bottom = series(a, numerator, area), series(a, denominator, area)
        if not all(m in top and m in bottom for m in months):
            return None
        n, d = sum(top[m] for m in months), sum(bottom[m] for m in months)
        return (n / d * 100 if d else None), n, d
    values = series(a, monthly, area)
    if not all(m in values for m in months):
        return None
    return sum(values[m] for m in months), None, None


def added_up(a: Answerer, c: Command, indicator: str, area: str) -> Answer | None:
    """The answer for a period of several months added up from the months; None if the data cannot."""
    dates = period_dates(a, c.period)
    if not dates:
        return None
    start, end, label = dates
    months = months_between(start, end)
    if len(months) < 2:
        return None
    now = sums(a, indicator, area, months)
    part_year = False
    if now is None and c.period in a.periods and a.periods[c.period].kind == "financial_year":
        # "all crime 2013/14" while the year is running: April to the latest month the series has, so far
        monthly, numerator, _ = parts_of(a, indicator)
        have = set(series(a, numerator or monthly, area))
        so_far = [m for m in months[:next((i for i, m in enumerate(months) if m not in have), len(months))]]
        if len(so_far) < 2 or any(m in have for m in months[len(so_far):]):
            return None
        months, part_year = so_far, True
        start, end = f"{months[0]}-01", month_end(months[-1])
        label = f"{c.period} so far ({month_label(months[0]).split()[0]} to {month_label(months[-1])})"
        now = sums(a, indicator, area, months)
    if now is None:
        return None
    monthly, numerator, denominator = parts_of(a, indicator)
    shown = numerator or monthly
    ind = a.indicators[indicator]
    name = a.indicators[shown].name if not numerator else ind.name
    place = area_name(a, area)
    value, n, d = now
    before_start, before_end = a_year_earlier(start, end)
    before = sums(a, indicator, area, months_between(before_start, before_end))
    period_text = c.period if c.period in a.periods and a.periods[c.period].kind == "financial_year" else label
    if part_year or (c.period in a.periods and a.periods[c.period].kind == "quarter"):
        period_text = label
    if numerator:
        headline = (f"{ind.name} in {place}, {period_text}: {fmt_number(value, 1, '%')} — "
                    f"{counts_of(a, numerator, denominator, n, d)}")
        if before:
            headline += f"; {fmt_change(value - before[0], 1)} points on the same months a year before ({fmt_number(before[0], 1, '%')})"
    else:
        headline = (f"{name} in {place}, {period_text}: {fmt_number(value)} {a.indicators[shown].unit}"
                    + rate_beside(a, shown, area, months))
        if before:
            change = value - before[0]
            headline += (f", {fmt_change(change)} ({fmt_change(change / before[0] * 100, 1, '%')}) on the same months "
                         f"a year before ({fmt_number(before[0])})")
    rows = []
    digits, unit = (1, "%") if numerator else (0, "")

    def year_before(month_ids):  # the same months a year before, where the series has them all
        earlier = sums(a, indicator, area, [f"{int(m[:4]) - 1}{m[4:]}" for m in month_ids])
        return fmt_number(earlier[0], digits, unit) if earlier else ""

    for m in months:
        one = sums(a, indicator, area, [m])
        if numerator:
            rows.append([month_label(m), fmt_number(one[2]), fmt_number(one[1]), fmt_number(one[0], 1, "%"),
                         year_before([m])])
        else:
            rows.append([month_label(m), fmt_number(one[0]), year_before([m])])
    if numerator:
        rows.append(["Total", fmt_number(d), fmt_number(n), fmt_number(value, 1, "%"),
                     fmt_number(before[0], 1, "%") if before else ""])
        columns = ["Month", a.indicators[denominator].name, a.indicators[numerator].name, ind.name]
    else:
        rows.append(["Total", fmt_number(value), fmt_number(before[0]) if before else ""])
        columns = ["Month", name]
    columns.append("Same month a year before")
    if not any(r[-1] for r in rows):
        rows, columns = [r[:-1] for r in rows], columns[:-1]
    if part_year:
        c.period = f"{months[0]}/{months[-1]}"  # understood: the months answered
    answer = Answer(c.text, {}, headline=headline + " (added up from the monthly figures).",
                    tables=[Table(f"{ind.name}, {place}, {label}, month by month", columns, rows)])
    if shown != indicator and not numerator:
        answer.notes.append(f"{ind.name} by month is the monthly series '{name}'.")
        c.indicator = shown
    if not before:
        answer.notes.append("The data does not have every month of the same period a year before, so no change "
                            "is given.")
    tables = set(a.lookup("monthly_values", indicator=numerator or monthly, area=area).table_id)
    a.annotate(answer, numerator or monthly, area, months, tables)
    return answer


def rate_beside(a: Answerer, indicator: str, area: str, months: list[str]) -> str:
    """For a count that is the top of a rate (resolution outcomes of the outcome rate), the bottom and the
    rate over the same months: ' of 6,937 crimes (Resolution outcome rate 32.4%)'; '' when there is none."""
    for rate, ind in a.indicators.items():
        _, numerator, denominator = parts_of(a, rate) if isinstance(ind.ratio_of, str) else (None, None, None)
        if numerator == indicator and denominator:
            found = sums(a, rate, area, months)
            if found and found[0] is not None:
                return (f" of {fmt_number(found[2])} {a.indicators[denominator].unit} "
                        f"({ind.name} {fmt_number(found[0], 1, '%')})")
    return ""


def month_context(a: Answerer, indicator: str, area: str, month: str) -> str:
    """For a month's rate, the counts behind it; for any monthly series, the financial year to date."""
    monthly, numerator, denominator = parts_of(a, indicator)
    text = ""
    if numerator:
        one = sums(a, indicator, area, [month])
        if one:
            text = f" ({counts_of(a, numerator, denominator, one[1], one[2])})"
    else:
        text = rate_beside(a, indicator, area, [month])
    year_start = f"{int(month[:4]) - (1 if int(month[5:7]) < 4 else 0)}-04-01"
    months = months_between(year_start, f"{month}-01")
    if len(months) > 1:
        ytd = sums(a, indicator, area, months)
        if ytd:
            unit = "%" if numerator else ""
            digits = 1 if numerator else 0
            text += (f"; year to date (April to {month_label(month).split()[0]}): "
                     f"{fmt_number(ytd[0], digits, unit)}")
            before = sums(a, indicator, area, [f"{int(m[:4]) - 1}{m[4:]}" for m in months])
            if before:
                text += f", against {fmt_number(before[0], digits, unit)} a year before"
    return text


def refuse_unless_months(a: Answerer, c: Command, indicator: str, area: str) -> None:
    """A period of months the monthly series does not fully cover: say which months it has."""
    monthly, numerator, _ = parts_of(a, indicator)
    have = sorted(series(a, numerator or monthly, area))
    if have:
        dates = period_dates(a, c.period)
        label = dates[2] if dates else c.period
        name = a.indicators[indicator].name
        what = f"a {name} figure for {label}" if re.match(r"^\d{4}-\d{2}$", c.period) else f"every month of {label} for {name}"
        raise NoAnswer(f"The data does not have {what} in {area_name(a, area)}; "
                       f"its monthly figures run from {month_label(have[0])} to {month_label(have[-1])}.",
                       [f"{name.lower()} {have[-1]}", f"trend {name.lower()}"])


def with_year_before(a: Answerer, indicator: str, area: str, period: str):
    """(the period's months, its sums, the same months a year before's sums or None), added up from the
    monthly figures; None when the period is not whole months or the data lacks one of them."""
    dates = period_dates(a, period)
    if not dates:
        return None
    span = months_between(dates[0], dates[1])
    now = sums(a, indicator, area, span)
    if now is None:
        return None
    return span, now, sums(a, indicator, area, months_between(*a_year_earlier(dates[0], dates[1])))


def span_context(a: Answerer, indicator: str, area: str, period: str, row) -> str:
    """For a stated figure over several months: the counts behind a rate, and, where the text gives no
    change, the same months a year before added up from the monthly figures."""
    found = with_year_before(a, indicator, area, period)
    if found is None:
        return ""
    span, now, before = found
    monthly, numerator, denominator = parts_of(a, indicator)
    text = ""
    if numerator:
        text = f" ({counts_of(a, numerator, denominator, now[1], now[2])})"
    elif row.get("value") != row.get("value"):  # the text gives only a change: the level from the months
        text = (f"; {fmt_number(now[0])} {a.indicators[monthly].unit} by the monthly series "
                f"'{a.indicators[monthly].name}'")
    else:
        text = rate_beside(a, monthly, area, span)
    stated = row.get("pp_change") if numerator else row.get("volume_change")
    if before and (stated is None or stated != stated):  # NaN: the text gives no change
        if numerator:
            text += (f"; {fmt_number(before[0], 1, '%')} in the same months a year before "
                     f"({fmt_change(now[0] - before[0], 1)} points, added up from the monthly figures)")
        else:
            change = now[0] - before[0]
            text += (f"; {fmt_number(before[0])} in the same months a year before, {fmt_change(change)} "
                     f"({fmt_change(change / before[0] * 100, 1, '%')}), added up from the monthly figures")
    return text
