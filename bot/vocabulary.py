"""Every name the parser recognises (indicators, places, priorities, periods, statements, synonyms from
``data/``), by the forms of their words, and the cue phrases with the partnership's places filled in."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from dataclasses import dataclass, field

from .kept import kept
from .words import BUILTIN_WORDS, CUES, FILLER, LINKING, MEASURE_WORDS, STOP_INSIDE, normalise, stem

def _fill(phrase: str, words: dict[str, str]) -> str | None:
    """A cue phrase with the partnership's words in it ('where does {home} sit' -> 'where does thanet sit'); None
    when it names a place the partnership has not given.

    >>> _fill("of {peers} districts", {"peers": "4"}), _fill("come in {county}", {})
    ('of 4 districts', None)
    """
    for key, value in words.items():
        phrase = phrase.replace("{" + key + "}", value.lower())
    return None if "{" in phrase else phrase


@dataclass
class Vocabulary:
    """Every name the parser recognises, from the database: (kind, id) for each phrase, by word forms."""

    phrases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # display phrase -> entries
    forms: dict[tuple, list[tuple[str, str]]] = field(default_factory=dict)   # canonical form -> entries
    names: dict[tuple[str, str], str] = field(default_factory=dict)
    area_types: dict[str, str] = field(default_factory=dict)
    period_ids: set[str] = field(default_factory=set)
    words: dict[str, str] = field(default_factory=dict)       # word synonyms: offenses -> offences
    places: dict[tuple, tuple[str, str | None]] = field(default_factory=dict)  # form -> (name, within)
    cues: dict[tuple, str] = field(default_factory=dict)
    filler: set[str] = field(default_factory=set)
    described: dict[str, set[str]] = field(default_factory=dict)  # indicator -> word forms of its description
    named: dict[str, set[str]] = field(default_factory=dict)  # indicator -> word forms of its name and synonyms
    units: dict[str, str] = field(default_factory=dict)  # indicator -> its unit
    phrase_words: list[tuple[str, str]] = field(default_factory=list)  # several words that mean one: -> "ksi"
    stated: dict[str, set[str]] = field(default_factory=dict)  # a statement's own words (its aliases and text)
    lexicon: list[str] = field(default_factory=list)  # every word of every name and cue, for respelling
    joinable: frozenset = frozenset()  # one-word names, their words and the rewritten words: 'maid stone' joins
    place_types: dict[str, str] = field(default_factory=dict)  # place name -> town, city, county, ...
    _rewriter: re.Pattern | None = None
    _askers: tuple[re.Pattern, re.Pattern] | None = None
    ratio_parts: dict[str, set[str]] = field(default_factory=dict)  # a ratio indicator -> its two parts
    within: dict[tuple, tuple[str, str]] = field(default_factory=dict)  # narrower word -> (word, indicator)
    parts: dict[str, list[str]] = field(default_factory=dict)  # an indicator -> the indicators that are parts of it
    cue_phrases: dict[str, list[str]] = field(default_factory=dict)  # CUES with the partnership's places filled in
    partnership_words: dict[str, str] = field(default_factory=dict)  # home, county, peers: as from_rows was given
    askers: dict[str, str] = field(default_factory=dict)  # who asks: 'pcso' -> role, 'age uk' -> organisation

    @classmethod
    def from_rows(cls, rows, partnership: dict[str, str] | None = None) -> "Vocabulary":
        """Rows of (kind, id, name, aliases, extra): indicators, areas, priorities, periods, synonyms, places.

        A row with kind 'word' rewrites a word (id = the word it means); 'place' names a place the data
        does not cover (extra = the covered area it lies within, if any); a row with no name adds phrases
        to a name given elsewhere (a synonym). ``partnership`` gives the words that fill the cue phrases
        written with a place in them ("where does {home} sit"): home, county and peers (their number);
        without it those phrases are left out.
        """
        vocab = cls()
        vocab.partnership_words = dict(partnership or {})
        vocab.cue_phrases = {cue: [p for p in (_fill(phrase, partnership or {}) for phrase in phrases) if p]
                             for cue, phrases in CUES.items()}
        vocab.words = dict(BUILTIN_WORDS)
        later = []
        for kind, ident, name, aliases, extra in rows:
            if kind == "asker":  # a role or organisation said beside a question: who asks, never what is asked
                for phrase in (aliases or "").split(";"):
                    if normalise(phrase):
                        vocab.askers[normalise(phrase)] = ident
                continue
            if kind == "word":
                for phrase in (aliases or "").split(";"):
                    phrase = normalise(phrase)
                    if " " in phrase:
                        vocab.phrase_words.append((phrase, normalise(ident)))
                    elif phrase:
                        vocab.words[phrase] = normalise(ident)
                continue
            later.append((kind, ident, name, aliases, extra))
        vocab.phrase_words.sort(key=lambda pw: -len(pw[0]))
        for kind, ident, name, aliases, extra in later:
            if kind == "within":  # a narrower word the data counts within a name: 'rape' in sexual offences
                for phrase in (aliases or "").split(";"):
                    if phrase.strip():
                        vocab.within[vocab.form(normalise(phrase))] = (normalise(phrase), ident)
                continue
            if kind == "ratio":
                vocab.ratio_parts[ident] = set((aliases or "").split("/"))
                continue
            if kind == "part":  # 'Assault hospital admissions: male' is a part of assault admissions
                vocab.parts.setdefault(aliases, []).append(ident)
                continue
            if kind == "place":
                vocab.places.setdefault(vocab.form(normalise(name)), (name, extra))
                vocab.place_types[normalise(name)] = aliases or ""
                continue
            if name is not None:
                vocab.names[(kind, ident)] = name
            if kind == "period":
                vocab.period_ids.add(ident)
                continue
            if kind == "area" and extra is not None:
                vocab.area_types[ident] = extra
            phrases = [name, ident.replace("_", " ")] if name is not None else []
            for phrase in phrases + (aliases or "").split(";"):
                vocab.add(kind, ident, phrase)
            if kind == "statement":  # its words restate it: 'how many powers does the asb bill replace'
                vocab.stated[ident] = {
                    f for w in normalise(f"{aliases or ''} {extra or ''}").split() if w not in FILLER for f in vocab.form(w)}
            if kind == "indicator":
                if name is not None:  # a synonym row adds words, not a unit
                    vocab.units[ident] = (extra or "").split(" ")[0] if extra else ""
                names = " ".join(p for p in phrases + (aliases or "").split(";") if p)
                vocab.named.setdefault(ident, set()).update(f for w in normalise(names).split() for f in vocab.form(w))
                words = " ".join(p for p in phrases + (aliases or "").split(";") + [extra or ""] if p)
                vocab.described.setdefault(ident, set()).update(
                    f for w in normalise(words).split()
                    if (w not in FILLER or w in MEASURE_WORDS) and w not in LINKING for f in vocab.form(w))
        vocab.filler = {vocab.canon(w) for w in FILLER} | {  # "maidstone's", "kent's"
            vocab.canon(name.lower().split()[-1] + "'s") for key, name in (partnership or {}).items()
            if key in ("home", "county") and name}
        # an acronym of a name's head restates every figure described by the head's words: 'kcvs speeding'
        # (Kent Crime and Victimisation Survey: the perceptions' source)
        for (kind, ident), name in list(vocab.names.items()):
            if kind != "indicator":
                continue
            head = normalise(name.partition(": ")[0]).split()
            letters = "".join(w[0] for w in head if w not in LINKING)
            if len(letters) >= 3 and (letters,) in vocab.forms:
                words = {f for w in head if w not in LINKING and w not in FILLER for f in vocab.form(w)}
                for other, described in vocab.described.items():
                    if words <= described:
                        described.add(letters)
        # an abbreviation's words describe what it names ('ksi on the roads', 'pedestrians injured': what KSI says),
        # from the synonyms that spell it out ("killed or seriously injured road casualties" -> ksi)
        spelt_out: dict[str, set[str]] = {}
        for phrase, short in vocab.phrase_words:
            spelt_out.setdefault(vocab.canon(short), set()).update(
                f for w in phrase.split() if w not in LINKING and w not in FILLER for f in vocab.form(w))
        for words in vocab.described.values():
            for short in spelt_out.keys() & words:
                words |= spelt_out[short]
        vocab.phrase_words.sort(key=lambda pw: -len(pw[0]))
        words = {w for phrase in vocab.phrases for w in phrase.split()}
        words |= {w for phrases in vocab.cue_phrases.values() for phrase in phrases for w in normalise(phrase).split()}
        vocab.lexicon = sorted(w for w in words if len(w) >= 4 and w.isalpha())
        vocab.joinable = frozenset(vocab.lexicon) | {w for w in vocab.phrases if " " not in w} | set(vocab.words)
        for cue, phrases in vocab.cue_phrases.items():
            for phrase in phrases:  # as typed words are read: 'nationally' is 'national'
                words = tuple(x for w in normalise(phrase).split() if w not in STOP_INSIDE
                              for x in vocab.words.get(w, w).split())
                vocab.cues.setdefault(words, cue)
                if len(words) == 1 and cue in ("rank", "wards", "trend", "priority", "help", "spc") \
                        and words[0].isalpha() and not words[0].endswith("s"):
                    vocab.cues.setdefault((words[0] + "s",), cue)  # rank -> ranks, hotspot -> hotspots
        return vocab

    def add(self, kind: str, ident: str, phrase: str) -> None:
        phrase = self.rewrite(normalise(phrase or ""))  # the same rewriting as questions get
        if not phrase:
            return
        entry = (kind, ident)
        if entry not in self.phrases.setdefault(phrase, []):
            self.phrases[phrase].append(entry)
        form = self.form(phrase)
        if form and entry not in self.forms.setdefault(form, []):
            self.forms[form].append(entry)

    def rewrite(self, text: str) -> str:
        """Several words that mean one, rewritten: "killed or seriously injured" -> "ksi"."""
        if not self.phrase_words:
            return text
        if self._rewriter is None:
            self._rewriter = re.compile(r"\b(" + "|".join(re.escape(p) for p, _ in self.phrase_words) + r")\b")
        meanings = dict(self.phrase_words)
        return self._rewriter.sub(lambda m: meanings[m.group(1)], text)

    def asker_phrases(self) -> tuple[re.Pattern, re.Pattern]:
        """Who asks, as said beside a question (normalised words): an organisation with what leads to it ('at a
        small business support charity', 'with age uk'), and a role with up to three words before it and what
        follows it ('new rural pcso', 'youth offending placement student', 'new idva in training', "i've just
        started as a support worker"). Group ``mods`` holds the words before a role, which may name a place."""
        if self._askers is None:
            def names(kind: str) -> str:
                return "|".join(re.escape(p) for p in sorted((p for p, k in self.askers.items() if k == kind),
                                                             key=len, reverse=True)) or "(?!x)x"
            opener = (r"(?:(?:i m|im|i am|i ve just started as|ive just started as|just started as|started as|"
                      r"working as|first week as|first day as|as)\s+)?(?:(?:a|an|the|one of the)\s+)?"
                      r"(?:(?:new|newly elected|newly appointed|recently appointed|newish|trainee)\s+(?:a |an )?)?")
            mods = (r"(?P<mods>(?:(?!(?:and|or|but|how|what|which|where|when|who|why|is|are|was|were|for|in|on|at|of|"
                    r"with|to|from|the|a|an|my|our|about|so|if)\b)[a-z0-9&]+\s+){0,3}?)")
            role = rf"(?:{names('role')})s?(?:\s+(?:here|in training|again|too|in post))?"
            org = (r"(?:(?:at|with|for|from|on|in|to|of)\s+(?:(?:a|an|the|our|my)\s+)?(?:(?:small|local|national|"
                   rf"big|large)\s+)?)?(?:{names('organisation')})")
            # a team or unit the asker works in, whatever its name: 'on the retail crime team', 'in our asb unit'
            unit = (r"(?P<unit>(?:(?:at|with|on|in|for|from|of|to|joined|joining)\s+|^)(?:the|our|my|a|their)\s+(?:[a-z&]+\s+){0,3}?"
                    r"(?:team|unit|squad|desk|hub|dept|department|directorate|section|project|service|scheme|"
                    r"programme|charity|trust|partnership|network|group|club|society|association|newsletter|magazine|"
                    r"bulletin|blog|website))")
            self._askers = (re.compile(rf"\b(?:{org}|{unit})\b"), re.compile(rf"\b{opener}{mods}{role}\b"))
        return self._askers

    def canon(self, word: str) -> str:
        """One word's form: rewritten by the word synonyms, then stemmed."""
        word = self.words.get(word, word)
        return " ".join(stem(w) for w in word.split())

    def form(self, phrase: str) -> tuple:
        """A phrase's form: its words' forms, without articles ('theft from a car' = 'theft from vehicle')."""
        return tuple(self.canon(w) for w in phrase.split() if w not in STOP_INSIDE)


def vocabulary(rows, partnership: dict[str, str], folder: Path | None = None) -> Vocabulary:
    """``Vocabulary.from_rows``, kept in ``folder`` (the bot's private state directory) between processes: building it
    normalises some 3,000 phrases (about 0.2 s of every `crimebot ask`). The file is named by the rows, the
    partnership's words and this code (bot/words.py, bot/vocabulary.py): any change builds a new one."""
    rows = list(rows)
    here = Path(__file__).parent
    digest = hashlib.sha256(repr((rows, sorted(partnership.items()))).encode())
    for name in ("words.py", "vocabulary.py"):
        digest.update((here / name).read_bytes())
    return kept(folder, "vocabulary", digest.hexdigest(), lambda: Vocabulary.from_rows(rows, partnership),
                "vocabulary")

