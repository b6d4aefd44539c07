"""Statistical process control: the XmR (individuals and moving range) chart of a monthly series.

The centre line is the mean of the values; the natural process limits are the mean plus and minus
2.66 times the average moving range (3 sigma, with sigma estimated as mR-bar / 1.128); the moving
range chart's upper limit is 3.268 times mR-bar. Signals: a point outside the limits, and a run of 8
or more points in a row on one side of the centre line (a point on the line breaks a run).

>>> chart = xmr(["Jan", "Feb", "Mar", "Apr", "May"], [10, 12, 11, 13, 30])
>>> round(chart.centre, 2), round(chart.average_moving_range, 2), round(chart.upper, 2), round(chart.lower, 2)
(15.2, 5.5, 29.83, 0.57)
>>> chart.reading
'1 month above the upper limit (May).'
"""
from __future__ import annotations

from dataclasses import dataclass, field

LIMIT_FACTOR = 2.66  # 3 / d2, d2 = 1.128 for moving ranges of two points
RANGE_FACTOR = 3.268  # D4 for moving ranges of two points
RUN_LENGTH = 8


@dataclass
class Signal:
    rule: str  # "above", "below", "run above", "run below"
    first: int  # index of the first point
    last: int  # index of the last point
    points: list[int] = field(default_factory=list)


@dataclass
class XmR:
    labels: list[str]
    values: list[float]
    moving_ranges: list[float | None]
    centre: float
    average_moving_range: float
    upper: float
    lower: float
    upper_range: float
    signals: list[Signal]
    reading: str


def xmr(labels: list[str], values: list[float], floor: float | None = None, ceiling: float | None = None) -> XmR:
    """The XmR chart of ``values`` (at least 2). ``floor``/``ceiling`` clip the natural process limits
    to what the measure can take (0 for counts, 0 and 100 for percentages)."""
    if len(values) < 2 or len(labels) != len(values):
        raise ValueError("an XmR chart needs at least two labelled values")
    values = [float(v) for v in values]
    centre = sum(values) / len(values)
    ranges = [abs(b - a) for a, b in zip(values, values[1:])]
    mr_bar = sum(ranges) / len(ranges)
    upper, lower = centre + LIMIT_FACTOR * mr_bar, centre - LIMIT_FACTOR * mr_bar
    if floor is not None:
        lower = max(lower, floor)
    if ceiling is not None:
        upper = min(upper, ceiling)
    signals = _outside(values, upper, lower) + _runs(values, centre)
    chart = XmR(list(labels), values, [None, *ranges], centre, mr_bar, upper, lower, RANGE_FACTOR * mr_bar,
                signals, "")
    chart.reading = reading(chart)
    return chart


def _outside(values, upper, lower) -> list[Signal]:
    signals = []
    for rule, test in (("above", lambda v: v > upper), ("below", lambda v: v < lower)):
        points = [i for i, v in enumerate(values) if test(v)]
        if points:
            signals.append(Signal(rule, points[0], points[-1], points))
    return signals


def _runs(values, centre) -> list[Signal]:
    signals, start = [], 0
    side = lambda v: (v > centre) - (v < centre)  # noqa: E731
    for i in range(1, len(values) + 1):
        if i == len(values) or side(values[i]) != side(values[start]) or side(values[i]) == 0:
            if side(values[start]) != 0 and i - start >= RUN_LENGTH:
                rule = "run above" if side(values[start]) > 0 else "run below"
                signals.append(Signal(rule, start, i - 1, list(range(start, i))))
            start = i
    return signals


def reading(chart: XmR) -> str:
    """One line a partner can read: "no signal", or what the signals are and when."""
    if not chart.signals:
        return (f"No signal: every month within the natural process limits ({chart.lower:,.1f} to "
                f"{chart.upper:,.1f}) and no run of {RUN_LENGTH} on one side of the centre line.")
    parts = []
    for s in chart.signals:
        n = len(s.points)
        months = "month" if n == 1 else "months"
        if s.rule in ("above", "below"):
            limit = "upper" if s.rule == "above" else "lower"
            where = ", ".join(chart.labels[i] for i in s.points) if n <= 3 else f"the first {chart.labels[s.first]}"
            parts.append(f"{n} {months} {s.rule} the {limit} limit ({where})")
        else:
            parts.append(f"a run of {n} months {s.rule.split()[1]} the centre line, "
                         f"{chart.labels[s.first]} to {chart.labels[s.last]}")
    text = "; ".join(parts) + "."
    return text[0].upper() + text[1:]
