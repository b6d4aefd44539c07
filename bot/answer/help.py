"""Help: what can be asked, with an example of each kind."""
from __future__ import annotations

from ..parse import Command
from .base import Answer, Table

EXAMPLES = [
    ("shoplifting maidstone 2012/13", "a figure with the years before it, change, rate, county rank and source"),
    ("asb 2011-12", "any year spelling: 2011/12, 2011-12, 2011/2012, 11/12, FY2011/12"),
    ("DA repeat victims", "the assessment's abbreviations: ASB, DA, DV, VAP, KSI, RTC, NTE, PPO"),
    ("outcome rate september 2013", "months (sep 2013, 2013-09): a rate with its counts and the year to date"),
    ("q4 2012/13 outcome rate", "quarters, spans (apr-dec 2013) and year to date (ytd): added up from the months"),
    ("where do we rank for robbery", "one category's county rank, the year before and its arrow"),
    ("which ward has the most asb", "superlatives: which district, ward, month or crime type is highest or lowest"),
    ("is criminal damage going down", "direction: the latest change, in-year where the data has it"),
    ("burglary dwelling last year", "no year, latest or last year: the latest the data has"),
    ("rank changes", "which categories rose and fell in the county ranking, improved first"),
    ("priority road safety", "a sub-group's pack: violent crime, asb, substance misuse, re-offending, road safety, shoplifting"),
    ("asb wards", "ward hotspots (or just: wards)"),
    ("drug offences high street", "a ward or another district: thanet all crime"),
    ("compare asb", "Maidstone beside Kent and the other districts (or: unemployment maidstone kent gb)"),
    ("trend recorded crime", "every period the data has"),
    ("spc outcome rate", "a control chart of a monthly series: centre line, limits, signals"),
    ("accidental fires and deliberate fires", "two subjects at once; a family together (assault admissions male v female)"),
    ("who chairs the smp", "what the text says in words: the SMP's chair and members, the PCC, the ASB Bill, World Cup dates"),
]



def help(a, c: Command) -> Answer:
    rows = [[f"/crime {q}", what] for q, what in EXAMPLES]
    return Answer(c.text, {}, headline="Ask crimebot for the Strategic Assessment's figures in plain words.",
                  tables=[Table("What you can ask", ["Ask", "You get"], rows)],
                  notes=["Words can come in any order; Maidstone and the latest year are the defaults.",
                         "A word crimebot does not know is never skipped: it says so and suggests what it can answer."],
                  sources=["Safer Maidstone Partnership Strategic Assessment 2014/15 (data to December 2013)"])
