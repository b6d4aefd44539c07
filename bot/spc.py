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

With a baseline phase, the limits come from the baseline's points only and the later points are judged
against them (the usual way to ask "has it changed since the baseline?"):

>>> phased = xmr(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"],
...              [10, 12, 11, 13, 8, 8, 8, 8, 8, 8, 8, 8], baseline=(0, 3), baseline_label="2012/13")
>>> round(phased.centre, 2), [s.rule for s in phased.signals]
(11.5, ['run below'])
>>> phased.reading
'8 months in a row below the 2012/13 centre line (11.5), e to l.'
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
    baseline: tuple[int, int] | None = None  # first and last index of the points the limits come from
    baseline_label: str = ""  # '2012/13'
    unit: str = ""  # '%' for a percentage: how the reading prints the centre line

    @property
    def judged(self) -> range:
        """The points judged against the limits: all of them, or those after the baseline."""
        return range(self.baseline[1] + 1 if self.baseline else 0, len(self.values))


def xmr(labels: list[str], values: list[float], floor: float | None = None, ceiling: float | None = None,
        baseline: tuple[int, int] | None = None, baseline_label: str = "", unit: str = "") -> XmR:
    """The XmR chart of ``values`` (at least 2). ``floor``/``ceiling`` clip the natural process limits
    to what the measure can take (0 for counts, 0 and 100 for percentages). ``baseline`` (first and last
    index) computes the centre line and limits from those points alone and judges the points after it."""
    if len(values) < 2 or len(labels) != len(values):
        raise ValueError("an XmR chart needs at least two labelled values")
    values = [float(v) for v in values]
    first, last = baseline if baseline else (0, len(values) - 1)
    if not 0 <= first < last < len(values):
        raise ValueError("a baseline needs at least two of the chart's points")
    phase = values[first:last + 1]
    centre = sum(phase) / len(phase)
    ranges = [abs(b - a) for a, b in zip(values, values[1:])]
    phase_ranges = [abs(b - a) for a, b in zip(phase, phase[1:])]
    mr_bar = sum(phase_ranges) / len(phase_ranges)
    upper, lower = centre + LIMIT_FACTOR * mr_bar, centre - LIMIT_FACTOR * mr_bar
    if floor is not None:
        lower = max(lower, floor)
    if ceiling is not None:
        upper = min(upper, ceiling)
    start = last + 1 if baseline else 0
    judged = values[start:]
    shift = lambda signals: [Signal(s.rule, s.first + start, s.last + start, [i + start for i in s.points])  # noqa: E731
                             for s in signals]
    signals = shift(_outside(judged, upper, lower) + _runs(judged, centre))
    chart = XmR(list(labels), values, [None, *ranges], centre, mr_bar, upper, lower, RANGE_FACTOR * mr_bar,
                signals, "", baseline, baseline_label, unit)
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
    """One line a partner can read: "no signal", or what the signals are and when; against a baseline,
    what changed after it ("9 months in a row below the 2012/13 centre line (37.6%), April to December 2013")."""
    against = f"the {chart.baseline_label} " if chart.baseline else "the "
    if not chart.signals:
        judged = chart.judged
        when = (f"every month after {chart.baseline_label} ({chart.labels[judged[0]]} to {chart.labels[judged[-1]]})"
                if chart.baseline and len(judged) else "every month")
        return (f"No signal: {when} within {against}natural process limits ({chart.lower:,.1f} to "
                f"{chart.upper:,.1f}) and no run of {RUN_LENGTH} on one side of the centre line.")
    parts = []
    for s in chart.signals:
        n = len(s.points)
        months = "month" if n == 1 else "months"
        if s.rule in ("above", "below"):
            limit = "upper" if s.rule == "above" else "lower"
            where = ", ".join(chart.labels[i] for i in s.points) if n <= 3 else f"the first {chart.labels[s.first]}"
            parts.append(f"{n} {months} {s.rule} {against}{limit} limit ({where})")
        elif chart.baseline:
            centre = f"{chart.centre:,.1f}{chart.unit}"
            parts.append(f"{n} months in a row {s.rule.split()[1]} {against}centre line ({centre}), "
                         f"{_span(chart.labels[s.first], chart.labels[s.last])}")
        else:
            parts.append(f"a run of {n} months {s.rule.split()[1]} the centre line, "
                         f"{chart.labels[s.first]} to {chart.labels[s.last]}")
    text = "; ".join(parts) + "."
    return text[0].upper() + text[1:]


def _span(first: str, last: str) -> str:
    """'April 2013', 'December 2013' -> 'April to December 2013': the year said once when it is the same."""
    a, _, year_a = first.rpartition(" ")
    b, _, year_b = last.rpartition(" ")
    if a and b and year_a == year_b and year_a.isdigit():
        return f"{a} to {b} {year_a}"
    return f"{first} to {last}"
