"""Charts: an Answer's series as a PNG, readable at Slack's preview size.

Four pictures: a ward hotspot bar chart (wards with a figure, largest first; wards named without one
in a footnote), a trend (the area's line, with the county beside it where the data has a county figure), an
XmR control chart (values, centre line, natural process limits, signals marked; moving ranges below),
and county ranks (last year's rank to this year's, per category). Titles say what and when, axes carry
units, the caption carries the source; colours are Okabe-Ito (safe for colour-blind readers), with
shapes and words doing the same work as colour.

matplotlib is imported inside ``draw`` only: a text answer never pays for it.
"""
from __future__ import annotations

import io
import textwrap
import threading

from .answer import Answer
from .periods import MONTH_NAMES

BLUE, ORANGE, VERMILLION, GREY, BLACK = "#0072B2", "#E69F00", "#D55E00", "#8C8C8C", "#222222"
WIDTH, DPI = 8.0, 125  # 1,000 px wide: Slack previews scale it down to about 360-500 px
_PYPLOT = threading.Lock()  # pyplot keeps global state: Slack answers draw from several threads


class NoChart(ValueError):
    """The answer has nothing to draw."""


def has_chart(answer: Answer) -> bool:
    return bool(answer.series) and not answer.error


def file_name(answer: Answer) -> str:
    """'trend shoplifting' -> 'crimebot-trend-shoplifting.png'"""
    words = "".join(c if c.isalnum() else "-" for c in answer.query.lower()).strip("-")
    return f"crimebot-{'-'.join(w for w in words.split('-') if w)[:60] or 'chart'}.png"


def draw(answer: Answer, image: str = "png") -> bytes:
    """The answer's chart as PNG bytes (or ``image="svg"``: SVG with its words as text, which can be read back);
    NoChart when the answer has no series."""
    if not has_chart(answer):
        raise NoChart("This answer has no chart: charts come with trend, spc, rank changes and figure answers.")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    series = answer.series
    with _PYPLOT, plt.rc_context({"font.size": 11, "axes.titlesize": 13, "axes.titleweight": "bold", "axes.spines.top": False,
                         "axes.spines.right": False, "axes.grid": True, "grid.color": "#e5e5e5", "axes.axisbelow": True,
                         "font.family": "DejaVu Sans", "svg.fonttype": "none"}):
        figure = {"trend": _trend, "spc": _spc, "ranks": _ranks, "wards": _wards}[series["kind"]](plt, series)
        source = answer.sources[0] if answer.sources else ""
        caption = "\n".join(textwrap.wrap(source if source.startswith("Source") else f"Source: {source}", 130)) \
            if source else ""
        footnotes = series.get("footnotes") or []
        if footnotes:  # a plotted figure that was corrected, or what the bars leave out: said on the chart
            caption = "\n".join(textwrap.wrap(" ".join(footnotes), 130)) + "\n" + caption
        figure.text(0.01, 0.01, caption, fontsize=8, color="#555555", ha="left", va="bottom")
        buffer = io.BytesIO()
        figure.savefig(buffer, format=image, dpi=DPI)
        plt.close(figure)
    return buffer.getvalue()


def _title(ax, series: dict, extra: str = "", pad: float = 6.0) -> None:
    title = "\n".join(textwrap.wrap(f"{series['title']}, {series['when']}", 75))
    ax.figure.suptitle(title, x=0.01, ha="left", fontsize=13, fontweight="bold")
    if extra:
        ax.set_title("\n".join(textwrap.wrap(extra, 100)), loc="left", fontsize=10, fontweight="normal", color="#333333",
                     pad=pad)


def _thousands(ax, percent: bool = False) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter((lambda v, _: f"{v:g}%") if percent else (lambda v, _: f"{v:,.0f}")))


def _room_for_caption(figure, height: float) -> None:
    figure.get_layout_engine().set(rect=(0, 0.42 / height, 1, 1 - 0.42 / height))


def _ticks(ax, labels: list[str]) -> None:
    short = [_short(label) for label in labels]
    step = max(1, len(labels) // 12)
    ax.set_xticks(range(0, len(labels), step))
    ax.set_xticklabels(short[::step], rotation=45 if len(labels) > 6 else 0, ha="right" if len(labels) > 6 else "center")


def _short(label: str) -> str:
    """'September 2013' -> 'Sep 2013': month names shortened so twelve fit under a chart."""
    first, _, rest = label.partition(" ")
    return f"{first[:3]} {rest}" if first in MONTH_NAMES and rest.isdigit() else label


def _unit_label(series: dict) -> str:
    if series.get("measure") == "percent" or series.get("percent"):
        return "%"
    return series["unit"][0].upper() + series["unit"][1:]


def _trend(plt, series: dict):
    points = [p for p in series["points"] if p[1] is not None]
    labels = [p[0] for p in points]
    figure, ax = plt.subplots(figsize=(WIDTH, 4.6), layout="constrained")
    _room_for_caption(figure, 4.6)
    ax.plot(range(len(points)), [p[1] for p in points], color=BLUE, marker="o", linewidth=2.2,
            label=series["area"])
    kent = [(i, p[2]) for i, p in enumerate(points) if p[2] is not None]
    if kent:  # one series per area, on one axis: a second axis would draw a change that is not there
        ax.plot([i for i, _ in kent], [v for _, v in kent], color=ORANGE, marker="s", linestyle="--", linewidth=2,
                label=series.get("county", ""))
        ax.legend(frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, fontsize=9, borderaxespad=0.2)
    if len(points) <= 12:
        for i, p in enumerate(points):
            ax.annotate(f"{p[1]:,.1f}" if series.get("measure") == "percent" else f"{p[1]:,.0f}", (i, p[1]),
                        textcoords="offset points", xytext=(0, 7), ha="center", fontsize=9, color=BLUE)
        if kent:
            for i, v in kent:
                ax.annotate(f"{v:,.1f}" if series.get("measure") in ("percent", "rate_per_1000") else f"{v:,.0f}",
                            (i, v), textcoords="offset points", xytext=(0, -15), ha="center", fontsize=9,
                            color="#9a6a00")
    _ticks(ax, labels)
    ax.set_ylabel(_unit_label(series))
    _thousands(ax, series.get("measure") == "percent")
    ax.set_xlabel("Period")
    low = min(p[1] for p in points)
    high = max([p[1] for p in points] + [v for _, v in kent])
    ax.set_ylim(bottom=0 if low >= 0 else None, top=high * 1.15 or 1)
    _title(ax, series, pad=22 if kent else 6.0)
    return figure


def _spc(plt, series: dict):
    labels, values = series["labels"], series["values"]
    flagged = {i for _, points in series["signals"] for i in points}
    figure, (ax, mr) = plt.subplots(2, 1, figsize=(WIDTH, 6.2), layout="constrained", sharex=True,
                                    gridspec_kw={"height_ratios": [3, 1.2]})
    _room_for_caption(figure, 6.2)
    x = range(len(values))
    ax.plot(x, values, color=BLUE, marker="o", linewidth=1.8, label="Monthly value")
    if flagged:
        ax.scatter(sorted(flagged), [values[i] for i in sorted(flagged)], s=110, facecolors="none",
                   edgecolors=VERMILLION, linewidths=2.2, zorder=5, label="Signal")
    ax.axhline(series["centre"], color=BLACK, linewidth=1.4)
    for limit in (series["upper"], series["lower"]):
        ax.axhline(limit, color=GREY, linestyle="--", linewidth=1.4)
    fmt = (lambda v: f"{v:.1f}%") if series.get("percent") else (lambda v: f"{v:,.0f}")  # noqa: E731
    phase = series.get("baseline")
    label = series.get("baseline_label", "")
    ticks = [(series["upper"], f"upper limit {fmt(series['upper'])}"),
             (series["centre"], f"{label + ' ' if phase else ''}mean {fmt(series['centre'])}"),
             (series["lower"], f"lower limit {fmt(series['lower'])}")]
    if phase:  # the baseline months shaded and named: the limits come from them alone
        ax.axvspan(phase[0] - 0.4, phase[1] + 0.4, color="#f0f0f0", zorder=0, label=f"Baseline {label} (limits from these months)")
        for axis in (ax, mr):
            axis.axvline(phase[1] + 0.5, color=GREY, linewidth=1, linestyle=":")
    stated = series.get("stated_baseline")
    if stated is not None and abs(stated - series["centre"]) < 0.05:  # the stated baseline is the mean, as printed
        ticks[1] = (series["centre"], f"{label} mean {fmt(series['centre'])}\n= the stated baseline")
    elif stated is not None:  # a stated baseline apart from the mean: its own line
        ax.axhline(stated, color=ORANGE, linewidth=1.6, linestyle="-.", label=f"Stated baseline {fmt(stated)}")
        ticks.append((stated, f"stated baseline {fmt(stated)}"))
    lines = ax.secondary_yaxis("right")  # the lines named on the right, where the eye ends
    lines.set_yticks([t for t, _ in ticks], [t for _, t in ticks], fontsize=9)
    lines.spines["right"].set_visible(False)
    lines.tick_params(length=0)
    ax.set_ylabel(_unit_label(series))
    _thousands(ax, series.get("percent", False))
    # the legend above the plot, off the data and off the limit lines
    ax.legend(frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=3, fontsize=9, borderaxespad=0.2)
    _title(ax, series, series["reading"], pad=24)  # room for the legend between the reading and the plot
    ranges = series["moving_ranges"]
    mr.plot([i for i, r in enumerate(ranges) if r is not None], [r for r in ranges if r is not None], color=BLUE,
            marker=".", linewidth=1.2)
    mr.axhline(series["average_moving_range"], color=BLACK, linewidth=1.2)
    mr.axhline(series["upper_range"], color=GREY, linestyle="--", linewidth=1.2)
    mr.set_ylabel("Moving range" + (" (pts)" if series.get("percent") else ""))
    mr.set_ylim(bottom=0)
    _ticks(mr, labels)
    mr.set_xlabel("Month")
    return figure


def _ranks(plt, series: dict):
    ranks = sorted(series["ranks"], key=lambda r: (-r[3], r[0]))  # improved first, at the top
    height = max(4.0, 0.32 * len(ranks) + 1.8)
    figure, ax = plt.subplots(figsize=(WIDTH, height), layout="constrained")
    _room_for_caption(figure, height)
    style = {1: (BLUE, "improved", "<"), -1: (VERMILLION, "declined", ">"), 0: (GREY, "unchanged", "o")}
    seen = set()
    for y, (category, before, now, direction) in enumerate(ranks):
        colour, word, _ = style[direction]
        if before is not None and now is not None and before != now:
            ax.annotate("", xy=(now, y), xytext=(before, y),
                        arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 2, "mutation_scale": 14})
            ax.plot([before], [y], marker="o", markersize=6, markerfacecolor="white", markeredgecolor=colour)
        if now is not None:
            ax.plot([now], [y], marker="o", markersize=8, color=colour,
                    label=f"Rank {word}" if word not in seen else None, linestyle="none")
            seen.add(word)
    ax.set_yticks(range(len(ranks)))
    ax.set_yticklabels([r[0] for r in ranks], fontsize=9)
    peers = series["peers"]
    ax.set_xlim(0.5, peers + 0.5)
    ax.set_xticks(range(1, peers + 1))
    ax.set_xlabel(f"County rank of {peers} {series['peer_group']} (1 = lowest rate)\n"
                  f"hollow: {series['before_label']}, filled: {series['now_label']}", fontsize=9)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=3, frameon=False, fontsize=9)
    _title(ax, series)
    return figure


def _wards(plt, series: dict):
    bars = series["bars"]
    height = max(3.6, 0.55 * len(bars) + 2.2)
    figure, ax = plt.subplots(figsize=(WIDTH, height), layout="constrained")
    _room_for_caption(figure, height)
    names = [b[0] for b in bars]
    values = [b[1] for b in bars]
    y = range(len(bars))
    ax.barh(y, values, color=BLUE, height=0.6)
    ax.set_yticks(list(y), names)
    ax.invert_yaxis()  # the largest at the top
    total = series.get("borough_total")
    percent = series.get("percent")
    for i, v in enumerate(values):
        label = f"{v:.1f}%" if percent else f"{v:,.0f}"
        if total and not percent:
            label += f"  ({v / total * 100:.0f}% of the borough's)"
        ax.annotate(label, (v, i), textcoords="offset points", xytext=(5, 0), va="center", fontsize=10, color=BLACK)
    ax.set_xlim(0, max(values) * 1.45 or 1)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(_unit_label(series))
    from matplotlib.ticker import FuncFormatter

    ax.xaxis.set_major_formatter(FuncFormatter((lambda v, _: f"{v:g}%") if percent else (lambda v, _: f"{v:,.0f}")))
    figure.get_layout_engine().set(rect=(0, 0.7 / height, 1, 1 - 0.7 / height))  # room for the footnote too
    named = series.get("named_without_figure") or []
    series.setdefault("footnotes", [])
    if named and not any(n.startswith("Also named") for n in series["footnotes"]):
        series["footnotes"].insert(0, f"Also named as hotspots, with no figure given: {', '.join(named)}.")
    _title(ax, series, "Wards with the highest volumes, largest first")
    return figure
