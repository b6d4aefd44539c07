"""The partnership a data pack belongs to, read from the pack: its name and document, the district it serves,
the county and the peer group its ranks are counted among, its rate denominators and its example questions.

Nothing about a place is written in the code: a second partnership is a second pack (partnership.csv,
areas.csv, denominators.csv, examples.csv), not a code change.

>>> p = Partnership.from_tables({
...     "partnership": [{"name": "Safer Thanet", "short_name": "", "home_area": "thanet", "county": "kent",
...                      "county_short_name": "Kent", "peer_group": "", "document": "Plan"}],
...     "areas": [{"id": "kent", "name": "Kent (KCC area)", "type": "county", "parent": None},
...               {"id": "thanet", "name": "Thanet", "type": "district", "parent": "kent"},
...               {"id": "dover", "name": "Dover", "type": "district", "parent": "kent"}],
...     "denominators": [], "examples": []})
>>> p.home_name, p.county_name, p.peers_phrase, p.of_peers
('Thanet', 'Kent (KCC area)', 'the 2 Kent districts', 'of 2')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# what each rate base of the model counts, in words (the bases are the model's, not a place's)
BASE_WORDS = {"residents": "residents", "households": "households", "adults": "residents aged 18+"}


@dataclass(frozen=True)
class Denominator:
    area: str
    base: str
    period: str
    value: float
    label: str  # "mid-2011 population": what the figure is, as the document calls it ("" when it says no more)
    source: str


@dataclass(frozen=True)
class Partnership:
    """Who the pack speaks for. Built once from the pack's tables (``from_tables``): by the import from the pack
    it validates, by the answerer from the database it serves."""

    name: str  # "Safer Maidstone Partnership"
    short_name: str
    document: str  # "Strategic Assessment 2014/15"
    home: str  # the home district's area id: the place answered when none is named
    home_name: str
    county: str  # the county area id whose districts make the peer group
    county_name: str  # as areas.csv names it: "Kent (KCC area)"
    county_short_name: str  # in running text and column headings: "Kent"
    peer_group: str  # the districts ranks are counted among, in words: "Kent districts"
    peers: tuple[str, ...]  # their area ids, the home district among them
    denominators: tuple[Denominator, ...] = ()
    examples: tuple[tuple[str, str], ...] = field(default=())  # (question, what it gives), for help

    @classmethod
    def from_tables(cls, tables: dict[str, list[dict]]) -> "Partnership":
        """From the pack's tables as ``load_pack`` gives them (or the same rows read back from the database)."""
        row = tables["partnership"][0]
        areas = {a["id"]: a for a in tables["areas"]}
        home = row["home_area"]
        county = _text(row.get("county")) or _text(areas[home].get("parent")) or home
        county_name = areas[county]["name"] if county in areas else county
        short = _text(row.get("county_short_name")) or county_name
        peers = tuple(a["id"] for a in tables["areas"] if a["type"] == "district" and a.get("parent") == county)
        denominators = tuple(Denominator(d["area"], d["base"], d["period"], float(d["value"]),
                                         _text(d.get("label")), d["source"]) for d in tables.get("denominators", []))
        examples = tuple((e["question"], e["answers"]) for e in tables.get("examples", []))
        return cls(name=row["name"], short_name=_text(row.get("short_name")), document=row["document"], home=home,
                   home_name=areas[home]["name"], county=county, county_name=county_name, county_short_name=short,
                   peer_group=_text(row.get("peer_group")) or f"{short} districts", peers=peers or (home,),
                   denominators=denominators, examples=examples)

    @property
    def document_kind(self) -> str:
        """The kind of document, without its year: 'Strategic Assessment 2014/15' -> 'Strategic Assessment'."""
        return re.sub(r"\s+(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?$", "", self.document).strip() or self.document

    @property
    def of_peers(self) -> str:
        """A rank's field, after the rank: 'of 12'."""
        return f"of {len(self.peers)}"

    @property
    def peers_phrase(self) -> str:
        """'the 12 Kent districts'"""
        return f"the {len(self.peers)} {self.peer_group}"

    def denominator(self, area: str, base: str, period: str | None = None) -> Denominator | None:
        """The pack's denominator for an area's rates on ``base``: the one for ``period`` if the pack gives it,
        else its latest; None when the pack gives none for the area."""
        mine = [d for d in self.denominators if d.area == area and d.base == base]
        exact = [d for d in mine if d.period == period]
        return (exact or sorted(mine, key=lambda d: d.period))[-1] if mine else None

    def rate_base_words(self, area: str, base: str, period: str | None = None) -> str:
        """The rate's base in words, with the pack's denominator where it gives one.

        'residents (mid-2011 population 155,800)', 'households (63,400)', 'residents aged 18+'
        """
        words = BASE_WORDS.get(base, base)
        d = self.denominator(area, base, period)
        if d is None:
            return words
        return f"{words} ({d.label + ' ' if d.label else ''}{d.value:,.0f})"


def _text(value) -> str:
    """A cell as text: '' for an empty one (None, or NaN read back from the database)."""
    return value if isinstance(value, str) else ""
