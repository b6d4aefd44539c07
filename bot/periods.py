"""Periods by their dates: the one rule for "the same period a year before", used by the data check,
the answers and the police.uk year figures."""
from __future__ import annotations

import calendar
from datetime import date

MONTH_NAMES = "January February March April May June July August September October November December".split()


def month_id(year: int, month: int) -> str:
    """'YYYY-MM', with months past 12 running into the next year: month_id(2013, 13) == '2014-01'."""
    return f"{year + (month - 1) // 12}-{(month - 1) % 12 + 1:02d}"


def month_label(month: str) -> str:
    """The month as partners write it.

    >>> month_label("2013-09")
    'September 2013'
    """
    return f"{MONTH_NAMES[int(month[5:7]) - 1]} {month[:4]}"


def month_end(month: str) -> str:
    """The last day of a month id, as ISO text: month_end("2012-02") == '2012-02-29'."""
    year, mon = int(month[:4]), int(month[5:7])
    return date(year, mon, calendar.monthrange(year, mon)[1]).isoformat()


def months_between(start: str, end: str) -> list[str]:
    """Month ids from the month of ``start`` to the month of ``end`` (ISO dates), both included.

    >>> months_between("2012-11-01", "2013-02-28")
    ['2012-11', '2012-12', '2013-01', '2013-02']
    """
    s, e = date.fromisoformat(start), date.fromisoformat(end)
    return [month_id(s.year, s.month + i) for i in range((e.year - s.year) * 12 + e.month - s.month + 1)]


def a_year_earlier(start: str, end: str) -> tuple[str, str]:
    """The dates of the same period one year earlier; a period ending on a month's last day keeps doing so.

    >>> a_year_earlier("2012-04-01", "2013-03-31"), a_year_earlier("2012-03-01", "2012-02-29")
    (('2011-04-01', '2012-03-31'), ('2011-03-01', '2011-02-28'))
    """
    s, e = date.fromisoformat(start), date.fromisoformat(end)
    month_end = e.day == calendar.monthrange(e.year, e.month)[1]
    last = calendar.monthrange(e.year - 1, e.month)[1]
    earlier_end = date(e.year - 1, e.month, last if month_end else min(e.day, last))
    earlier_start = date(s.year - 1, s.month, min(s.day, calendar.monthrange(s.year - 1, s.month)[1]))
    return earlier_start.isoformat(), earlier_end.isoformat()


class PeriodIndex:
    """Period ids by (start, end) dates: ``year_before`` finds the same period one year earlier, if defined."""

    def __init__(self, periods):
        """``periods``: (id, start, end) triples, dates as ISO text."""
        periods = list(periods)
        self.by_dates = {(start, end): ident for ident, start, end in periods}
        self.dates = {ident: (start, end) for ident, start, end in periods}

    def year_before(self, period: str) -> str | None:
        """The id of the same period one year earlier, or None.

        >>> index = PeriodIndex([("2012/13", "2012-04-01", "2013-03-31"), ("2011/12", "2011-04-01", "2012-03-31")])
        >>> index.year_before("2012/13"), index.year_before("2011/12")
        ('2011/12', None)
        """
        if period not in self.dates:
            return None
        return self.by_dates.get(a_year_earlier(*self.dates[period]))
