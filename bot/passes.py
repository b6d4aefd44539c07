"""Passes that read a long message again without the words that do not ask anything.

``parse()`` in bot/parse.py reads a question whole first. When words are left not understood (or a negation,
a choice or a second place), it tries each pass of ``PASSES`` in turn. A pass takes out words that only say
who is asking or why (``_without_context``), what the question sets against what it asks ("not broken into",
``_contrasted``), a correction ("sorry, i meant 2012/13", ``_self_corrected``), sentences around the question
that are asides (``_without_asides``) or examples of the subject ("wheelie bins, skips", ``_without_examples``),
and keeps the new reading only when it reads whole. A pass reads what is left with ``parse()`` again, so passes
combine, up to two deep. Nothing is dropped silently: each part set aside is kept on the command
(``context``, ``set_aside``, ``instead``, ``examples``) and shown with the answer.

The module is imported by ``parse()`` when it first needs a pass; it reads with bot/parse.py, not the other way.
"""
from __future__ import annotations

import re

from .parse import Command, extract_period, parse, read_alone
from .periods import month_label
from .vocabulary import Vocabulary
from .words import ASKER_WORDS, CRIME_FORMS, FILLER, FUNCTION_WORDS, LINKING, ROLE, TOTALS, normalise, ordinary_word


# the asker's own group: 'new to the road safety subgroup', 'i sit on the asb sub-group', 'joined the dv forum'
MY_GROUP = re.compile(r"\b(?:new to|joined|joining|on|member of|sit on|chair|chairing|started on|started with|with) the "
                      r"(?:[\w&'-]+ ){1,5}(?:sub ?-?groups?|groups?|grp|forum|board|team|panel|partnership)\b")


# a clause of a message: between dashes, commas, brackets and sentence ends
CLAUSE = re.compile(r"\s+[-\u2013\u2014]+\s+|\s*[\u2013\u2014]\s*|,(?!\d{3}\b)|[;:!?()\[\]]|\.(?=\s|$)")
# words that show a clause is about the asker, what they need the figures for, or who said what
CONTEXT = re.compile(
    r"\b(?:i|im|i'm|ive|i've|id|i'd|my|our|we|we're|me|here|someone|somebody|colleague|colleagues|team|office|"
    r"officer|mgr|manager|chair|board|paper|meetings?|patrols?|planning|thinking|wondering|curious|tbh|sure|"
    r"placement|student|charity|mentioned|told|licensing|press|journalist|reporter|newbie|new|pcso|councillor|cllr|"
    r"volunteer|worker|analyst|inspector|sergeant|sgt|commander|consultant|matter|relevant|seeing|hearing|briefing|"
    r"forum|report|committee|cttee|surgery|tonight|tomorrow|members|residents|quick one|housing|probation|council|"
    r"kfrs|nhs|chief|it's for|its for|it s for|public health|custody|feels|feel|side|project|association|stn|cdr|"
    r"csu|smp|csp|agenda|trying to|sorry|still learning|keep hearing|can't remember|cant remember|parish|doing a return|"
    r"putting together|elected)\b")


# words that narrow what is asked (who, when, where, which part): a clause with one is never left aside
NARROW = re.compile(
    r"\b(?:only|just(?! (?:started|joined|moved|arrived|begun|taken over|been|elected))|solely|exclusively|purely|mainly|mostly|specifically|except|excluding|apart|other than|but not|"
    r"nights?|night time|weekends?|weekdays?|days?|daytime|evenings?|mornings?|afternoons?|summer|winter|spring|autumn|"
    r"christmas|quarter|quarters|months?|years?|under|over|aged|age|juveniles?|youths?|young|adults?|children|"
    r"kids|teenagers?|teens|women|men|female|male|victims?|offenders?|vans?|cars?|bikes?|commercial|business(?:es)?|"
    r"premises|shops?|homes?|houses?|rural|urban|villages?|town|patch|beat|ward|wards|area|areas|"
    r"district(?!\s+(?:cdr|commander|manager|mgr|officer|council|councillor|cllr)\b)|by|per|"
    r"breakdown|split|too|also|plus|both|as well|fatal|fatally|serious|seriously|killed|minor|slight)\b|\d")


# a clause that says what the figures are for: 'planning extra nte patrols', 'thinking about a bid'
PURPOSE = re.compile(r"(?:we ?a?re |i ?a?m |i'm |it |this |that )?(?:planning|thinking about|thinking of|(?:prepping|preparing|"
                     r"writing|drafting) (?:the|a|my|our)|need (?:it|them|this|"
                     r"these|those) for|needed for|it s for|its for|it's for|(?:might|may|could) (?:matter|be relevant)|"
                     r"(?:keep|kept) (?:seeing|hearing))\b")


# who or what the figures are for, at the end of a clause: 'for the commander', 'for the probation meeting'
FOR_TAIL = re.compile(r"\bfor (?:the|my|our|a|an|tomorrow s|next week s|this week s|their)\s+(?:(?!for\b)[\w&']+\s*){1,6}$")


# the asker's own place: 'my ward', 'our patch'
MY_PLACE = re.compile(r"\b(?:my|our) (?:ward|patch|area|beat|neighbourhood|neighborhood|bit of town)\b|\bthere\s*\??\s*$")


# who is asking, said first: 'golding homes here', 'voluntary sector rep here', 'yot colleague asking', 'public
# health q': the words of an organisation the data does not know are allowed, but nothing the data names
INTRO = re.compile(r"^(?:(?:hi|hello|hey|morning|afternoon)\s+)?(?:[\w&']+\s+){1,5}(?:here|speaking|asking|q|query|"
                   r"question|wants to know|want to know)$")


def _introduces_only(clause: str, vocab: Vocabulary, alone: Command | None = None) -> bool:
    """A self-introduction names no place, period, subject, priority or statement when read alone."""
    alone = alone or read_alone(clause, vocab)
    return not (_where_or_when(alone) or alone.priority or alone.statement or alone.indicators or alone.choices or alone.within
                or alone.listed or alone.negated)


# how a clause about the asker begins, after the question: 'not sure what goes in that one', 'still getting my head
# round ...', 'want to know where to focus outreach', 'i know it's only an estimate'
LOOSE_OPENER = re.compile(r"^(?:(?:and|but|so|also|just|tbh|honestly|sorry)\s+)*(?:(?:i m |im |i am )?not (?:sure|certain|clear)|"
                          r"(?:i |we )?(?:want|wanted|need|needed|trying|hoping|hope) to (?:know|see|understand|work out|find "
                          r"out|get|plan|focus|check|target|pick|decide|figure out)|still (?:getting|learning|finding|working)|"
                          r"(?:i )?know (?:it s|its|that s|thats)|(?:i m |im |i am )?(?:new|still new)\b)")
# words that say what is meant, which narrow what is asked: 'i mean the big stores'
MEANING = re.compile(r"\b(?:i mean|i meant|by that i mean|as in|meaning|i e|ie|that is|specifically|especially|"
                     r"(?:know|asking|ask|hear|info|information|details?) (?:about|on))\b")


def _aside_clause(part: str, vocab: Vocabulary) -> set[str] | None:
    """The subjects a clause about the asker names (none: {''}), when it is one that may be left aside: it begins
    as one (LOOSE_OPENER), says nothing narrower and names no place or period; else None."""
    said = normalise(part).replace("'", " ")
    if not LOOSE_OPENER.match(said):
        return None
    said, askers = _without_askers(said, vocab)  # 'im new on the retail crime team': who asks
    if ASKS_FOR.search(said) or LOOKING.search(said) or MEANING.search(said) or NARROW.search(said):
        return None
    alone = read_alone(said if askers else part, vocab)
    if _where_or_when(alone) or alone.places or alone.priority or alone.statement or alone.within or alone.listed \
            or alone.choices or alone.kind not in ("figure", "statement"):
        return None
    return set(alone.indicators) or {""}


# a clause that is only the asker's new role: 'new idva', 'new alcohol liaison nurse', 'new town centre manager'
ROLE_CLAUSE = re.compile(
    r"^(?:i m |im |i am |i'm |i've just started as |ive just started as )?(?:a |an |the )?(?:new|newly appointed|recently "
    r"appointed|trainee)\s+(?:[\w'&-]+\s+){0,4}?(?:officer|worker|nurse|manager|warden|volunteer|coordinator|co-ordinator|"
    r"idva|isva|pcso|councillor|cllr|student|analyst|rep|member|liaison|lead|adviser|advisor|practitioner|caseworker|"
    r"constable|sergeant|inspector|chair|here)(?:\s+in training)?\s*$")


def _where_or_when(alone: Command) -> bool:
    """Whether a reading names a place (one the data has or not) or a period."""
    return bool(alone.areas or alone.places or alone.period or alone.since or alone.relative is not None or alone.ytd)


def _names_where_or_when(clause: str, vocab: Vocabulary) -> bool:
    """Whether a clause names a place or a period."""
    return _where_or_when(read_alone(clause, vocab))


def _introduces_subject(clause: str, vocab: Vocabulary) -> bool:
    """An introduction naming the subject of the asker's work, and no statement or priority ('just started at a dv
    charity'; not 'who chairs the smp meetings')."""
    alone = read_alone(clause, vocab)
    return bool(alone.indicators) and not (alone.statement or alone.priority or alone.choices or alone.kind != "figure")


def _without_context(text: str, vocab: Vocabulary, command: Command, depth: int = 0) -> Command | None:
    """The question read again without the clauses that only say who is asking or why ('- station mgr', 'new
    council officer here', 'thinking about extra patrols', 'not sure what those are tbh'): a clause is left aside
    only when it has a word about the asker and, read alone, names no subject, place or period; and the rest is
    taken only when it reads with fewer words not understood. The clauses left aside are kept on the command
    (shown with the answer)."""
    said = (text or "").lower().replace("\u2019", "'")
    # 'i'm a newly elected councillor and would like to see total crime': who asks, then what they ask
    said = re.sub(r"^((?:(?:hi|hello|hey|morning)[ ,]+)?(?:i'm|im|i am|i've just (?:started|joined) as) (?:[\w&'-]+ ){1,6}?)and "
                  r"(?=(?:i ?)?(?:would like|'d like|d like|want|need|am looking|'m looking|was wondering|wondered|have a question)\b)",
                  lambda m: m.group(1) + ", " if ROLE_NOUN.search(m.group(1)) else m.group(0), said)
    parts = [p.strip() for p in CLAUSE.split(said) if p and p.strip()]
    if parts:  # 'violent crime priority summary for the commander': a last 'for ...' read as a clause of its own
        tail = FOR_TAIL.search(parts[-1])
        if tail and tail.start() > 0:
            parts[-1:] = [parts[-1][:tail.start()].strip(), tail.group(0).strip()]
    if len(parts) < 2:
        return None
    kept, dropped, subjects, loose = [], [], set(), set()
    said = [set(normalise(p).split()) for p in parts]
    for i, part in enumerate(parts):
        elsewhere = frozenset().union(*(w for j, w in enumerate(said) if j != i))  # 'not sure what spc is'
        if CONTEXT.search(part.replace("\u2019", "'")) and _names_nothing(part, vocab, elsewhere=elsewhere):
            dropped.append(part)
            continue
        if ROLE_CLAUSE.match(part.replace("\u2019", "'")) and not _names_where_or_when(part, vocab):
            dropped.append(part)  # 'new idva', 'new alcohol liaison nurse', 'new age uk volunteer': who asks
            continue
        typed = re.sub(r"[^\w\s]", " ", part.lower().replace("\u2019", "'").replace("'", ""))  # 'i think', as typed
        if i > 0 and re.match(r"(?:(?:and|but|so|though|although)\s+)?(?:i|we|someone|somebody|my \w+|our \w+|people|"
                              r"everyone)\b", typed) and HEARSAY.search(typed) and not (
                ASKS_FOR.search(typed) or LOOKING.search(typed) or QUESTION_WORDS.match(typed)):
            dropped.append(part)  # 'month by month recorded crime ..., i think it peaked in september': a guess
            continue
        if i > 0 and (named := _aside_clause(part, vocab)) is not None:
            # 'not sure what goes in that one', 'still getting my head round what an outcome is', 'want to know
            # where to focus outreach': about the asker, naming no place or period and nothing narrower
            dropped.append(part)
            loose |= named
            continue
        if i > 0 and re.match(r"(?:(?:we|i) ?(?:re|are|m|am) )?(?:planning|preparing|getting ready) for ", part) and not re.search(
                r"\b(?:cases|ones|incidents|offences|crimes|victims|types|kinds)\b", part) \
                and _introduces_only(part, vocab, alone := read_alone(part, vocab)) and not alone.hits:
            dropped.append(part)  # 'licensing team, planning for busy pub nights': what the asker is getting ready for
            continue
        if i == 0 and INTRO.match(part) and _introduces_only(part, vocab):
            dropped.append(part)  # 'golding homes here', 'yot colleague asking', 'voluntary sector rep here'
            continue
        if i == 0 and CONTEXT.search(part.replace("\u2019", "'")) and len(parts) > 1:
            # 'new pcso covering park wood - what does the assessment say about my ward': the asker's own place,
            # named in their introduction, is the place 'my ward' asks about
            alone = read_alone(part, vocab)
            mine = [j for j in range(1, len(parts)) if MY_PLACE.search(parts[j])]
            if len(alone.areas) == 1 and mine and not (alone.indicators or alone.period or alone.places):
                name = vocab.names[("area", alone.areas[0])].lower()
                for j in mine:
                    parts[j] = MY_PLACE.sub(f" {name} ", parts[j])
                    said[j] |= set(normalise(name).split())
                dropped.append(part)
                continue
        if PURPOSE.match(part) or FOR_TAIL.match(part) or (i == 0 and CONTEXT.search(part.replace("\u2019", "'"))
                                                            and _introduces_subject(part, vocab)):
            # 'planning extra nte patrols', 'keep seeing it in the road safety stuff': what the figures are for,
            # naming a subject and otherwise only words about the asker ('for domestic cases', 'on fatal crashes'
            # narrow it): left aside only beside a statement or the same subject (below)
            alone = read_alone(part, vocab)
            if _names_nothing(part, vocab, True, alone=alone) and all(
                    w in ASKER_WORDS for u in alone.unknown for w in u.split()):
                dropped.append(part)
                if not alone.priority:  # 'for the vc & da subgroup paper': a group's paper, not a subject
                    subjects |= set(alone.indicators)
                continue
        kept.append(part)
    if not dropped or not kept:
        return None
    again = parse(", ".join(kept), vocab, _depth=depth + 1)
    if subjects and not again.statement and not subjects <= {again.indicator}:
        return None  # 'violent crime - planning extra patrols for domestic cases': a second subject, not context
    count = lambda c: sum(len(u.split()) for u in c.unknown)  # noqa: E731 (words, not runs of them)
    fewer = count(again) < count(command) or (command.negated and not again.negated and count(again) <= count(command))
    if not fewer or not asks_something(again):
        return None
    related = {r for i in again.indicators for r in (*vocab.ratio_parts.get(i, ()), *vocab.parts.get(i, ()))}
    if loose and (again.unknown or not loose <= {"", *again.indicators, *again.family, *related}):
        return None  # a clause left aside naming a subject names the one asked, and the rest reads whole
    again.text, again.context = text, dropped + again.context
    return again


# 'cars stolen (not broken into)', 'fires that were accidents rather than started deliberately', 'thefts that
# aren't shoplifting': the words after it name what the question sets against what it asks
CONTRAST = re.compile(r"(?:\b(?:not(?: just| only| simply)?|rather than|as opposed to|instead of|and not|but not|"
                      r"(?:that|which|who|but) (?:are not|aren'?t|were not|weren'?t|is not|isn'?t|was not|wasn'?t|"
                      r"did not|didn'?t|do not|don'?t|does not|doesn'?t|never))\b|\b(?:aren|weren|isn|wasn|didn|don|"
                      r"doesn)'?t\b)\s+(?!sure\b|certain\b|clear\b)")
CONTRAST_END = re.compile(r"\s+[-\u2013\u2014]+\s+|,(?!\d{3}\b)|[;:!?()\[\]]|\.(?=\s|$)")


def _contrasted(text: str, vocab: Vocabulary, command: Command | None = None, depth: int = 0) -> Command | None:
    """The question read without what it sets against what it asks, and said so ('number of cars actually stolen
    (not broken into)', 'break-ins, not at houses', 'deliberate fires rather than accidental ones', 'the number of
    repeat victims, not the percentage', 'asb in fant - sorry, not fant, i meant park wood', 'april 2012 to march
    2013 (not the calendar year)'). Taken only when the rest asks for one figure with every word understood, and
    the words set aside name another figure of the same kind that the one asked does not hold, another measure,
    a place the one asked does not hold, or the kind of period: 'crime not including shoplifting', 'violent crime
    not domestic', 'asb not in high street' and 'asb in maidstone not high street' stay refused. 'not just X'
    keeps the broader figure ('all crime, not just violence'). A whole whose words set aside one of its two parts
    answers the other part ('break-ins, not at houses': Burglary - other)."""
    raw = (text or "").lower().replace("\u2019", "'")
    marks = list(CONTRAST.finditer(raw))
    if len(marks) != 1:
        return None
    mark = marks[0]
    end = CONTRAST_END.search(raw, mark.end())
    words = raw[mark.end():end.start() if end else len(raw)].split()
    if not words:
        return None
    start = mark.end() + raw[mark.end():].index(words[0])
    inclusive = bool(re.search(r"\bnot (?:just|only|simply)$", mark.group(0).strip()))
    places = read_alone(" ".join(words), vocab)
    if places.areas and not (places.unknown or places.indicators or places.period):  # 'not fant, i meant park wood'
        aside = " ".join(words)
        # 'asb in fant - sorry, not fant, i meant park wood': the place set aside, wherever it was said
        again = _contrast_rest(raw, mark, start, aside, vocab, depth, again=re.escape(aside))
        size = lambda areas, default: [_AREA_SIZE.get(vocab.area_types.get(x), default) for x in areas]  # noqa: E731
        if again is None or not again.areas or set(places.areas) & set(again.areas):
            return None
        if inclusive:  # 'kent and medway - the whole force area, not just maidstone': the place asked holds it
            if min(size(again.areas, 0)) <= max(size(places.areas, 9)):
                return None
            return _instead(again, text, raw[mark.start():start + len(aside)])
        if min(size(places.areas, 9)) < max(size(again.areas, 0)):
            return None  # 'asb in maidstone, not high street': the place asked holds the one set aside
        return _set_aside(again, text, raw[mark.start():start + len(aside)], [])
    if (places.period or places.relative is not None) and not (places.unknown or places.indicators or places.areas) \
            and not inclusive:  # 'domestic abuse incidents in 2011/12 - the year before last, not the latest one'
        aside = " ".join(words)
        again = _contrast_rest(raw, mark, start, aside, vocab, depth)
        if again is None or not again.period or again.period == places.period:
            return None
        return _set_aside(again, text, raw[mark.start():start + len(aside)], [])
    # the longest run of words after the mark that names no place or period ('at houses', not 'at houses 2012/13')
    aside = None
    for k in range(len(words), 0, -1):
        if not _names_where_or_when(" ".join(words[:k]), vocab):
            aside = " ".join(words[:k])
            break
    if not aside:
        return None
    while aside == " ".join(words) and end and raw[end.start():end.end()].strip() == ",":
        # 'thefts that arent from shops, cars or bikes, the other theft number': a list goes on past a comma
        after = CONTRAST_END.search(raw, end.end())
        more = raw[end.end():after.start() if after else len(raw)].split()
        said = read_alone(" ".join(more), vocab)
        if not after or not 0 < len(more) <= 3 or said.areas or said.places or said.period or re.match(
                r"(?:just|only|but|rather|instead|specifically|mainly|i|we|it|that|this)\b", more[0]) or not re.match(
                r"(?:or|and|nor)\b", more[0]) and len(more) > 2 and "or" not in more:
            break
        aside, words, end = raw[start:after.start()].strip(), words + [","] + more, after
    if not inclusive and re.match(r"(?:all|every|the whole|everyone|everybody|the total)\b", aside) and not (
            set(normalise(aside).split()) & _PERIOD_KINDS):
        return None  # 'not all residents': what is asked is narrower than a whole the data gives
    again = _contrast_rest(raw, mark, start, aside, vocab, depth)
    if again is None:
        return None
    typed = raw[mark.start():start + len(aside)]
    wholes = [i for _, i in again.choices if i in TOTALS]
    if inclusive and again.choices and len(wholes) == 1:  # 'all injuries, not just ksi': of two, the whole
        again.indicator, again.indicators, again.choices = wholes[0], [wholes[0]], []
    if inclusive and again.indicator and not again.choices:  # 'all injuries, not just ksi': the whole, as asked
        return _instead(again, text, typed)
    said = set(normalise(aside).split()) - {"the", "a", "an", "one", "ones", "its", "it", "just", "actual", "raw"}
    if said and said <= _PERIOD_KINDS and again.period and not inclusive:  # '(not the calendar year)'
        return _set_aside(again, text, typed, [])
    measure = _measure_of(said)
    if measure and (again.indicator or again.kind == "rank_changes") and not inclusive:
        # 'the number of repeat victims, not the percentage', 'league positions, not crime counts'
        asked = "rank" if again.kind in ("rank", "rank_changes") else "percent" if str(vocab.units.get(
            again.indicator)).startswith("%") or again.measure == "percent" else \
            again.measure if again.measure == "rate" else "count"
        return _set_aside(again, text, typed, []) if asked != measure else None
    if POLICE_SOURCE.match(aside) and again.indicator and not inclusive and not again.choices and not str(
            vocab.units.get(again.indicator)).startswith(("crime", "incident", "offence", "outcome")):
        # 'the hospital admissions, not the police crime figures', 'the hidden number, not the incidents reported
        # to police': a figure from another source, set against what the police record
        return _set_aside(again, text, typed, [])
    alone = read_alone(aside, vocab)  # 'shoplifting or car or bike theft': each name its words say
    named = _names_of(alone)
    if alone.within:  # 'homes i mean, not sheds or garages': what Burglary - other counts, set against dwellings;
        # 'burglary, we don't count garages' asks for all burglary less a part the data does not separate
        if _part_read_generically(again, vocab):
            return None
        named |= {broader for _, broader in alone.within}
    if not (again.indicator or again.choices):
        return None  # 'rank changes, not shoplifting': only a measure is set against a list of categories
    unit = lambda ident: vocab.units.get(ident)  # noqa: E731
    asked_unit = unit(again.indicator or again.choices[0][1])
    if alone.unknown:  # 'shoplifting or cars or bikes': the names among words not understood, of the same kind
        named = {i for i in named if unit(i) == asked_unit}
    if not named:  # 'broken into' said of the cars the question is about: read with each word of the rest
        rest = normalise(raw[:mark.start()] + " " + raw[start + len(aside):]).split()
        core = re.sub(r"^(?:(?:at|of|in|on|from|to|for|the|a|an|their|people s|peoples)\s+)+", "", aside)
        for words_before in {*rest, *(" ".join(pair) for pair in zip(rest, rest[1:]))}:
            if set(words_before.split()) - FUNCTION_WORDS - FILLER:
                named |= _named_more(words_before, core, vocab)
                named |= _named_more(words_before, aside, vocab)  # 'thefts' + 'from shops, cars or bikes'
        named = {i for i in named if unit(i) == asked_unit}
    if not named and not alone.unknown and (alone.generic or alone.crime_word) and str(asked_unit).startswith("%"):
        # 'the survey %, not actual offences': a share of residents set against the crimes recorded
        named = set(alone.generic) or {"all_crime"}
    if not named:
        return None
    if again.choices:  # 'fires that weren't deliberate': of the two names asked back, the one not set aside
        offered = [i for _, i in again.choices]
        left = [i for i in offered if i not in named]
        if inclusive or len(left) != 1 or len(left) == len(offered):
            return None
        again.indicator, again.indicators, again.choices = left[0], [left[0]], []
    if again.indicator in named and not inclusive:
        whole = next((w for w, parts in vocab.parts.items() if again.indicator in parts), None)
        others = [p for p in vocab.parts.get(whole, []) if p not in named]
        if len(others) != 1 or len(vocab.parts[whole]) != 2:
            return None
        again.indicator, again.indicators = others[0], [others[0]]  # 'burglaries, not of houses': the other part
    elif again.indicator in named:
        return None
    elif not inclusive and again.indicator in TOTALS | set(vocab.parts):
        # the figure asked holds what is set aside: 'violent crime not domestic' asks for something the data lacks;
        # 'not the vap bit, the overall violent crime figure' says which of the two figures is wanted
        # (or, said before it, 'the overall violent crime figure, not violence against the person')
        after = raw[start + len(aside):].lstrip(" ,;:-")
        said_next = read_alone(after[:m.start()] if (m := CONTRAST_END.search(after)) else after, vocab)
        before = re.split(r"\s+[-\u2013\u2014]+\s+|[,;:!?()]", raw[:mark.start()].rstrip(" ,;:-"))[-1]
        own = set(vocab.form(normalise(vocab.names[("indicator", again.indicator)])))
        whole_before = again.indicator in read_alone(before, vocab).indicators and any(
            w not in own for w in set(vocab.form(" ".join(WHOLE.findall(before)))))
        if re.match(r"\s*(?:including|counting|incl|inc|in)\b", raw[mark.end():]) \
                or not (again.indicator in said_next.indicators or whole_before):
            return None
        return _instead(again, text, typed)
    return _set_aside(again, text, typed, sorted(named - {again.indicator}))


# what the police record, said as a source: 'the police crime figures', 'the incidents reported to police'
POLICE_SOURCE = re.compile(r"^(?:the |any )?(?=.*\b(?:police|recorded|reported)\b)(?:police |police recorded |recorded |"
                           r"reported |officially recorded )?(?:crime |crimes |violence |violent crime |incidents? |offences? |"
                           r"assaults? )?(?:figures?|numbers?|data|stats|statistics|counts?|ones|totals?|crimes?|incidents?|"
                           r"offences?)?(?: (?:reported|recorded) (?:to|by) (?:the )?police)?\s*$")


# words that ask for the whole of a figure ('the overall violent crime figure')
WHOLE = re.compile(r"\b(?:overall|total|whole|entire|combined|headline|full|wider|all)\b")
# the sizes of places, smallest first: a place set aside must not lie within the place asked
_AREA_SIZE = {"ward": 0, "district": 1, "unitary": 1, "county": 2, "force": 3, "nation": 4}
# words that name only the kind of period: 'not the calendar year', 'not the financial year'
_PERIOD_KINDS = frozenset("calendar financial fiscal year years yr yrs month months monthly quarter quarters annual "
                          "rolling whole full latest recent current newest most previous earlier older new".split())
_MEASURES = {"percent": {"%", "percent", "percentage", "percentages", "proportion", "share", "pc"},
             "rate": {"rate", "rates", "per1000", "per head", "per capita"},
             "count": {"count", "counts", "number", "numbers", "total", "totals", "how many", "figure", "volume", "volumes",
                       "headcount"},
             "rank": {"rank", "ranks", "ranking", "rankings", "position", "positions", "league", "place", "table"}}


def _measure_of(said: set[str]) -> str | None:
    """'the percentage', 'a count', 'how many there were': words that name only a measure, and which."""
    for measure, forms in _MEASURES.items():
        words = set(" ".join(sorted(said)).split())
        if said and all(w in forms or w in {"how", "many", "there", "were", "was", "of", "them", "people", "crimes", "crime",
                                            "incidents", "actual", "raw"}
                        for w in words) and words & set(" ".join(forms).split()):
            return measure
    return None


def _contrast_rest(raw: str, mark, start: int, aside: str, vocab: Vocabulary, depth: int,
                   again: str = "") -> Command | None:
    """The question without the mark and the words it sets aside (and the words ``again`` wherever they are), when
    it asks for one figure (or two names to choose between) with every word understood."""
    rest = (raw[:mark.start()] + " " + raw[start + len(aside):]).strip()
    if again:
        rest = re.sub(rf"\b{again}\b", " ", rest)
    # 'how many cars were stolen in 12/13 - taken, not broken into': what happened, said again before the mark
    rest = re.sub(r"\s[-\u2013\u2014]+\s+(?:taken|stolen|nicked|pinched)[\s,?.!]*$", " ", rest)
    again = parse(rest, vocab, _depth=depth + 1)
    if again.unknown or again.negated or again.statement or not (again.indicator or again.choices
                                                                   or again.kind == "rank_changes"):
        return None
    return again


def _set_aside(again: Command, text: str, typed: str, named: list[str]) -> Command:
    """The reading of the rest, for the whole message, with the words set aside and the figures they name."""
    again.text = text
    again.set_aside.append((typed.strip(), named))
    return again


def _instead(again: Command, text: str, typed: str) -> Command:
    """The reading of the rest, for the whole message, answered for the whole as asked ('not just ksi')."""
    again.text = text
    again.instead.append(typed.strip())
    return again


def _part_read_generically(c: Command, vocab: Vocabulary) -> bool:
    """Whether the subject is one part of a whole named only by words the other part's name also holds
    ('burglary': Burglary - dwelling, read so for want of a part named)."""
    said = set().union(*(w for ids, w, _ in c.hits if c.indicator in ids))
    whole = next((w for w, parts in vocab.parts.items() if c.indicator in parts), None)
    forms = lambda ident: set(vocab.form(normalise(vocab.names[("indicator", ident)])))  # noqa: E731
    return bool(whole and said) and any(said <= forms(p) for p in vocab.parts[whole] if p != c.indicator)


def _named_more(before: str, words: str, vocab: Vocabulary) -> set[str]:
    """The indicators that words name when said after others ('cars' + 'broken into': Theft from a motor
    vehicle), or name more closely than those words alone ('burglary' + 'houses': Burglary - dwelling by its own
    word, not only as the part 'burglary' is read as)."""
    alone, both = read_alone(before, vocab), read_alone(f"{before} {words}", vocab)
    by = lambda c, i: set().union(*(w for ids, w, _ in c.hits if i in ids))  # noqa: E731
    return {i for i in _names_of(both) if i not in alone.indicators or by(both, i) > by(alone, i)}


def _names_of(c: Command) -> set[str]:
    """The indicators a reading names, and those each of its words names when two or more are asked back
    ('shoplifting or car or bike theft': each name its words say, not a general word another holds: 'theft')."""
    return set(c.indicators) | {i for ids, w, generic in c.hits if not generic
                                and not any(w < other for _, other, _ in c.hits) for i in ids}


# 'shoplifting for 2011/12 - no wait, sorry, 2012/13', 'asb in fant, i meant park wood': the asker corrects a
# period or place they said
CORRECTION = re.compile(r"\b(?:no wait|wait no|no sorry|sorry|oops|i meant|i mean|i meant to say|or rather|rather|"
                        r"scratch that|make that|correction|actually)\b")


def _self_corrected(text: str, vocab: Vocabulary, command: Command, depth: int = 0) -> Command | None:
    """The question read with a period or place the asker corrected ('the shoplifting number for 2011/12 - no
    wait, sorry, 2012/13', 'asb in fant - sorry, not fant, i meant park wood') taking the place of the one said
    before it, when the words right after the correction name the new one and the reading then understands
    every word."""
    raw = (text or "").lower().replace("\u2019", "'")
    for mark in reversed(list(CORRECTION.finditer(raw))):
        before, after = raw[:mark.start()], raw[mark.end():]
        clause = CONTRAST_END.search(after.lstrip(" ,.-:"))
        head = " ".join(after.lstrip(" ,.-:")[:clause.start() if clause else None].split()[:8])
        said = read_alone(head, vocab)
        if said.indicators and not (said.unknown or said.period or said.areas):
            # 'burglary 2011/12 - sorry, i meant robbery': the subject corrected, with the period and place said
            earlier = read_alone(before, vocab)
            if not earlier.indicators or set(earlier.indicators) & set(said.indicators) or earlier.unknown:
                continue
            kept = [earlier.period or "", *(vocab.names[("area", x)].lower() for x in earlier.areas)]
            again = parse(f"{after} {' '.join(kept)}", vocab, _depth=depth + 1)
            if again.unknown or again.negated or not asks_something(again):
                continue
            again.text = text
            again.context.append(before.strip(" ,.-:") + " " + mark.group(0))
            return again
        if said.indicators or said.unknown and not (said.period or said.areas):
            continue
        if said.period:
            old, _, without = extract_period(before, vocab.period_ids)
            if not old or old == said.period:
                continue
            before = without
        elif said.areas:
            earlier = read_alone(before, vocab)
            gone = [a for a in earlier.areas if a not in said.areas]
            if not gone:
                continue
            for area in gone:  # by its name as the question said it, or by any of its names the vocabulary holds
                forms = [normalise(vocab.names[("area", area)])] + [p for p, entries in vocab.phrases.items()
                                                                    if ("area", area) in (entries or [])]
                for form in sorted(forms, key=len, reverse=True):
                    before = re.sub(rf"(?:\bnot\s+)?\b{re.escape(form)}\b(?: ward)?", " ", before)
        else:
            continue
        again = parse(f"{before} {after}", vocab, _depth=depth + 1)
        if again.unknown or again.negated or not asks_something(again):
            continue
        again.text = text
        again.context.append(mark.group(0))  # said as left aside: the correction's own words
        return again
    return None


# where one sentence of a message ends and another begins
SENTENCE_END = re.compile(r"(?<=[?!])\s+|(?<=[a-z0-9)])\.\s+(?=[a-z0-9])|\s*(?<!\w)\.\.\.\s*")
# and, read a second way, the parts between dashes ('ive heard about people stripping lead off church roofs - how
# many metal thefts were there')
DASHED = re.compile(SENTENCE_END.pattern + r"|\s+[-\u2013\u2014]+\s+")
# a second question joined on by 'and' or a comma: 'what was the rate then, and how many crimes was it out of?'
JOINED = re.compile(DASHED.pattern + r"|,?\s+(?:and|or)\s+(?=(?:how|what|was|is|did|has|have|where|which|are|were|does|do)"
                    r"\b)|,\s+(?=(?:is|was|has|did|does) (?:it|that|this)\b)")
# how a sentence about the asker, or about what someone said, begins: 'i'm new so who knows', 'my manager
# reckons it's rising', 'someone told me it's one of ours', 'just wondering how much to trust them'
ASIDE_OPENER = re.compile(
    r"^(?:(?:and|but|so|also|oh|ok|okay|btw|fyi|tbh|honestly|well|anyway|ps)\s+)*(?:i|i m|im|i am|i ve|ive|i d|id|i ll|"
    r"i was|my|we|we re|we ve|our|someone|somebody|everyone|everybody|a friend|a colleague|a resident|residents|"
    r"they|it s for|its for|just|thinking|wondering|worried|hoping|trying|sorry|thanks|thank you|cheers|ta|"
    r"no rush|bear with me|apologies|not sure|no idea|any help|happy to|it (?:keeps|comes|came|crops))\b")
# words that say a sentence reports what someone said, heard or guesses: what it names is a claim, not an ask
HEARSAY = re.compile(r"\b(?:asked me|(?<!you )(?<!can )(?<!could )asks? (?:me|us)|keeps? ringing|keeps? phoning|keeps? calling|keep hearing|kept hearing|keeps? moaning|keep going on|keeps going on|telling me|told me|felt like|"
                     r"keeps? coming up|comes? up|came up|crops up|keeps? cropping up|keeps? (?:telling|complaining|"
                     r"emailing|ringing|calling|asking|saying)|feels like|feel like|seems|seemed|looks like|"
                     r"heard|hear|said|says|say|saying|told|tells|reckons?|thinks?|thought|guess|guessing|assume|"
                     r"assuming|believe|suspect|gather|apparently|rumour|mentioned|claims?|claimed|reckoned|insists?|insisted|swears?|"
                     r"swore|complains?|complained|complaining|(?:moan|moans|moaned|moaning|talk|talks|talked|talking|go on|goes on|going on|"
                     r"went on|banging on|chatting|chat|chats) about)\b")


# what the asker is doing or wants to do: 'i'm setting up outreach sessions', 'i want to show the council',
# 'i'd like to introduce myself', 'i just nod along' (not 'i want the ones in schools', which asks for something)
DOING = re.compile(r"^(?:(?:and|but|so|also|oh|ok|okay|well)\s+)*(?:(?:i m|im|i am|we re|we are|i ve been|we ve been|"
                   r"i was|i ll be|i will be) (?:just |currently |now |still )?(?!looking|interested|focus|asking|after|"
                   r"wanting|needing|checking|researching|working|concerned|worried|thinking)\w+ing\b|(?:i|we) (?:just |really |only )?"
                   r"(?:want|need|would like|d like|hope|plan|am going|m going|have|ve got|got|am trying|m trying) to "
                   r"(?!know\b|see\b|get\b|have\b|find\b)\w+|(?:i|we) (?:just )?(?:nod|keep|work|started|joined|run|manage|"
                   r"chair|lead|cover|look after|deal with)\b)")


# words that show a sentence still asks for something ('i think i need the weekend ones')
ASKING = re.compile(r"\b(?:need|needs|want|wants|only|ones|looking for|looking at|looking into|interested in|focus|focusing|"
                    r"concerned with|working on|(?:i m|im|i am|we re|we are) after|can you|could you|please|pls)\b")


def _without_asides(text: str, vocab: Vocabulary, command: Command | None = None, depth: int = 0) -> Command | None:
    """The question read without the sentences around it that are about the asker, report what someone said, or
    tell what happened ('new pcso here, my beat is mostly family housing. how many break-ins at people's homes in
    12/13? my sergeant reckoned roughly 400.'; 'which ward has the most asb? i'm guessing the town centre but i'm
    new so who knows'). The sentences that ask must read whole with every word understood; each other sentence
    must be one of those asides (``_aside``). The sentences left aside are shown with the answer."""
    for splitter in (SENTENCE_END, DASHED, JOINED):
        sentences = [x.strip() for x in splitter.split((text or "").lower()) if x and x.strip()]
        again = _asides_around(text, sentences, vocab, depth, splitter is not SENTENCE_END) if len(sentences) > 1 else None
        if again is not None:
            return again
    return None


def _asides_around(text: str, sentences: list[str], vocab: Vocabulary, depth: int, dashed: bool) -> Command | None:
    """The reading of the sentences that ask, when every other sentence is an aside to it."""
    n = len(sentences)
    # the sentences that ask: one, then two or more side by side, those with a question mark first
    blocks = sorted(((i, j) for i in range(n) for j in range(i + 1, n + 1) if j - i < n),
                    key=lambda b: (b[1] - b[0], "?" not in " ".join(sentences[b[0]:b[1]]), b[0]))
    for i, j in blocks:
        # (each sentence kept one: 'outreach worker with a homeless charity. rough sleeping - how many ...?')
        block = " ".join(x if re.search(r"[.?!]$", x) or k == j - 1 else f"{x}." for k, x in enumerate(sentences[i:j], i))
        others = sentences[:i] + sentences[j:]
        again, follow_ups = None, []
        where_back = THERE.search(normalise(block)) or ALONG_IT.search(normalise(block))  # (not 'who leads on it')
        for k, other in enumerate(others):  # (others[i:] come after the block)
            if again is None:
                again = parse(block, vocab, _depth=depth + 1)
                if not (again.negated or (again.indicators and not (again.generic_only and set(again.indicators) <= {
                        "population"})) or again.statement or again.priority) and _happened(again.unknown):
                    # 'how many got nicked in 2012/13?', 'what % of residents said it was a big problem?'
                    # 'farmers were moaning about metal theft. is it actually on the rise?': named before, asked after
                    again = _referred_back(block, others, vocab, depth) or again
                if not again.indicators and PLACE_BACK.search(_typed(block)):
                    # 'i've just been given fant as my patch. what does the assessment say about it?'
                    again = _place_back(block, others, vocab, depth) or again
                pointed = THEN.search(normalise(block))
                if (again.indicators or again.kind in ACROSS or again.kind == "rank_changes") and (not again.unknown or pointed and {w for u in again.unknown for w in u.split()}
                                         <= set(pointed.group(0).split())):
                    # 'april 2012 looks low. what was the rate then?', '... run april to december. the rate over that stretch?'
                    again = _when_or_where_back(block, again, others, vocab, depth) or again
                if again.unknown or again.negated or not asks_something(again) or (
                        again.kind == "figure" and not (again.indicators or again.statement or again.table or again.priority
                                                        or again.choices)
                        and re.search(r"\bhow (?:many|much)\b|\bnumber\b", block)):
                    break  # 'how many were there in maidstone in 2012/13' asks for no figure of its own
            if where_back and not again.areas and again.kind not in ACROSS and _read_told(other, vocab)[1].unknown:
                break  # 'bike theft from railway stations is what commuters complain about. how many were stolen
                # there?', 'the m20 runs past our station. how many were hurt on it?': a place the data lacks
            told_first = k < i and not (REFERS.search(normalise(block)) or where_back or THEN.search(normalise(block)))
            if _aside(other, again, vocab, dashed, told_first) or _tells_only(other, again, vocab):
                continue
            needs = _follow_up(other, again, vocab) if k >= i else None
            if needs and any(n.startswith("period:") for n in needs) and not (again.period or again.since):
                needs = None  # 'fires started on purpose - how many were there in 2011/12?': the period asked
            if needs and any(n.startswith("area:") for n in needs) and not _names_a_place(block, vocab):
                needs = None  # 'asb 2012/13 - how many in kent?': the place asked
            if needs is None:
                break
            follow_ups.append((other.rstrip("?.! "), needs))
        else:
            if again is None:
                continue
            asked_after = {typed for typed, _ in follow_ups}
            again.follow_ups = list(again.follow_ups) + follow_ups  # (and those read inside the block)
            again.text = text
            again.context = again.context + [x.rstrip("?.! ") for x in others if x.rstrip("?.! ") not in asked_after]
            return again
    return None


def _read_told(sentence: str, vocab: Vocabulary) -> tuple[str, Command]:
    """A sentence's normalised words without the roles and organisations that say who asks, and their reading."""
    plain = _without_askers(normalise(sentence).replace("'", " "), vocab)[0]
    return plain, read_alone(plain, vocab)


def _tells_only(sentence: str, asked: Command, vocab: Vocabulary) -> bool:
    """Whether a sentence only tells what the question then asks about, pointing back at it: who asks, and the
    subject, period and place read ('i'm a new probation officer and i'm looking at charges in november 2013. how
    many were there?'), every word understood and none narrowing it."""
    if not asked.corrections or asked.unknown:
        return False  # (only a question that was read back from another sentence)
    plain, alone = _read_told(sentence, vocab)
    return bool(alone.indicators) and set(alone.indicators) <= {asked.indicator} and not (
        alone.unknown or alone.places or alone.negated or alone.within or alone.choices or alone.since) \
        and alone.period in (None, asked.period) and set(alone.areas) <= set(asked.areas) | {asked.area} \
        and not NARROW.search(re.sub(r"\b(?:in|for|during) (?:[a-z]+ )?(?:19|20)\d\d\b", " ", plain))


# what a question after the one answered asks about the same figure, and what the answer must show for it:
# 'is that good or bad among the districts?' (the rank), 'and how many crimes was it out of?' (the counts)
FOLLOW_UP_CUES = [
    ("month_before", re.compile(r"\b(?:(?:in |for )?the (?:month) (?:before|prior)(?: that| it| then)?|(?:in |for )?the previous "
                                r"month|a month (?:earlier|before)(?: that)?)\b")),
    ("year_before", re.compile(r"\b(?:(?:than |on |vs |against |to )?(?:the )?same (?:month|months|period|time|quarter) (?:a year "
                               r"(?:before|earlier|ago)|the year before|last year|yoy)|(?:in |for )?the (?:year|one) (?:before|prior)"
                               r"(?: that| it| then)?|(?:in |for )?the previous (?:year|one)|a year (?:earlier|before)(?: that)?|yoy|"
                               r"before (?:that|then|it)|before(?=\s*$)|previously|the time before)\b")),
    ("rank", re.compile(r"\b(?:good or bad|bad or good|near the (?:top|bottom|middle)|(?:at|in) the (?:top|bottom|middle)|"
                        r"one of the (?:best|worst|highest|lowest|better|worse|better ones|worse ones|good ones|bad ones)|"
                        r"(?:mid|middle)(?! year| month| one| period| bit| quarter)(?: of the)?(?: table| pack)?|top half|bottom half|(?:a |the )?good (?:or|one|rank|"
                        r"position)|where (?:does|do|did) (?:that|it|this) (?:put|leave) (?:us|maidstone|the borough)(?: in "
                        r"(?:kent|the county))?|where (?:does|do|did) (?:it|that|we|maidstone) (?:rank|sit|come)|"
                        r"among the (?:kent )?districts)\b")),
    ("count", re.compile(r"\b(?:(?:and )?out of how many(?: crimes| offences)?|how many (?:crimes|offences|outcomes|cases) "
                         r"(?:is|was) (?:that|it)(?: out of)?|how many (?:crimes|offences) (?:was|is) (?:it|that) out of|"
                         r"what (?:was|is) (?:it|that) out of|how many (?:is|was) that)\b")),
    ("limits", re.compile(r"\b(?:(?:outside|beyond|above|below|within) (?:the )?(?:control |spc |red )?(?:limits?|lines)|"
                          r"unusual(?:ly (?:high|low))?|normal variation|(?:a )?(?:spike|blip)|significant)\b")),
    ("change", re.compile(r"\b(?:(?:going|gone|go|went|goes|gets?|got|getting|creeping|creep|coming|come|came|edging|"
                          r"moved?|moving|shot|trending) (?:up|down)|up|down|ris(?:e|es|ing|en)|rose|fall(?:s|ing|en)?|"
                          r"fell|drop(?:s|ped|ping)?|slip(?:s|ped|ping)?|increas\w*|decreas\w*|more|less|fewer|higher|lower|worse|better|"
                          r"improv\w*|picked up|halved?|halving|doubled?|doubling|chang(?:e|ed|es|ing)|bigger|smaller|(?:much )?the same|"
                          r"on the (?:year|one) before|than (?:the year )?before|since (?:then|that)|(?:the )?peak|peaked|"
                          r"the (?:high|low) point)\b")),
]
def _follow_up(sentence: str, asked: Command, vocab: Vocabulary) -> list[str] | None:
    """What a question after the one answered asks about the same figure ('and was it worse back in july 2012?',
    'is that good or bad among the districts?', 'how many crimes was it out of?'), as what the answer must show:
    'change', 'rank', 'count', 'limits', 'period:<id>', 'area:<id>'. None when it asks anything else: another
    subject, a word not understood, or nothing at all. The answerer checks the answer shows each, or refuses."""
    if not (asked.indicator and not asked.unknown):
        return None
    typed = re.sub(r"\s+", " ", re.sub(r"[^\w\s/%-]", " ", sentence.lower().replace("'", ""))).strip()
    wonder = re.match(r"(?:and |so )?(?:i |we )?(?:(?:just )?(?:want|wanted|need|d like|would like|trying|hoping) to (?:see|know|"
                      r"check|find out)|(?:i m |im )?wondering|i wonder) (?:if|whether) ", typed)
    if wonder:  # 'want to see if it's been slipping': asked as a question
        typed = typed[wonder.end():]
    if not (wonder or QUESTION_WORDS.match(typed) or "?" in sentence or typed.startswith(("and ", "or "))):
        return None  # a follow-up asks: 'was it worse in july 2012?', not 'it was worse in july 2012'
    needs, rest = [], typed
    for need, cue in FOLLOW_UP_CUES:
        if cue.search(rest):
            needs.append(need)
            rest = cue.sub(" ", rest)
    # 'was the middle year the peak?': one of the periods the answer shows
    rest = re.sub(r"\bthe (?:first|middle|last|second|third|final|latest|earliest) (?:year|month|one|period)\b", " ", rest)
    alone = read_alone(rest, vocab)
    parts = set(vocab.ratio_parts.get(asked.indicator, ()))  # 'how many crimes and outcomes was that?' of a rate
    if parts & TOTALS:
        parts |= {"all_crime"}  # ('crimes': the crimes the rate is out of)
    named = {i for ids, _, _ in alone.hits for i in ids}
    counts = bool(parts) and named and named <= parts | {asked.indicator} and named & parts
    if alone.unknown or alone.negated or alone.statement or alone.priority or alone.places or (
            alone.choices and not counts) or not set(alone.indicators) <= {asked.indicator} | parts:
        return None
    if counts:
        needs.append("count")
    if "year_before" in needs and "change" in needs:  # 'did it get worse than the year before?': the change, which
        needs.remove("year_before")                    # answers give against the year before
    period = alone.period or alone.since
    if period and period != asked.period:  # ('was it worse in july 2012': both months shown, the change is seen)
        needs = [n for n in needs if n != "change"] + [f"period:{period}"]
    needs += [f"area:{a}" for a in alone.areas if a != asked.area]
    needs += [need for kind, need in (("rank", "rank"), ("spc", "limits"), ("direction", "change"))
              if alone.kind == kind and need not in needs]
    return list(dict.fromkeys(needs)) or None


# words that point back at a subject named in another sentence: 'is it going up', 'the figure for that'
REFERS = re.compile(r"\b(?:it|its|that|those|these|them|they|this)\b")


# verbs of what happened to the subject named before: 'how many got nicked', 'how many went missing that way'
HAPPENED = frozenset("stolen taken nicked pinched missing went happened happen happens occurred broken into".split())
# what the survey asked of the subject named before: 'what % said it was a big problem'
PROBLEM_SAID = frozenset({"big problem", "a big problem", "big problems", "very big problem", "fairly big problem"})


def _happened(unknown: list[str]) -> bool:
    """Whether the words not understood only say what happened to the subject named before ('got nicked'), or
    that people called it a big problem."""
    return all(u in PROBLEM_SAID or all(w in HAPPENED for w in u.split()) for u in unknown)


def _referred_back(block: str, others: list[str], vocab: Vocabulary, depth: int) -> Command | None:
    """A question that names no subject but points back at one ('is it actually on the rise in maidstone?', 'what
    was the figure for that in 2012/13?'), read with the one subject the sentences around it name, and said so."""
    said = normalise(block).replace("'", " ")
    # ('how many incidents were logged': the incidents of the subject just named)
    pointer = REFERS.search(said) or re.search(r"\b(?:stolen|taken|nicked|pinched|missing|happened|incidents|cases|reports|"
                                               r"(?<=how (?:many|much) )(?:were|was) there)\b", said) or THEN.search(said) \
        or re.search(r"\bwhere (?:do|did|does) (?:we|maidstone|the borough) (?:actually |really |now )?(?:rank|sit|come|stand)\b|"
                     r"\b(?:our|the) (?:actual |real )?(?:rank|ranking|position|place)\b", said)  # 'where do we actually rank?'
    if pointer is None:  # 'what % said it was a big problem' (normalise takes 'said it was' as words of saying)
        as_typed = _typed(block)
        said_of = re.search(r"\b(?:said|says|think|thinks|thought|felt|feels|found|finds|rated|rates|called|calls|"
                            r"consider|considered|see|saw) (?P<it>it|that|they|them)\b", as_typed)
        pointer = REFERS.search(as_typed, said_of.start("it")) if said_of else None
    if pointer is None:
        return None
    # named by its own words, not a general one ('loose dogs chasing people in the parks' names no subject)
    # ('crime is rising again' names all crime: a total by a crime word)
    told, asked = set(), set()  # what sentences that tell name, and what sentences that ask or guess name
    when = {}  # the period each subject told of was told with: 'i'm looking at charges in november 2013
    typed: dict[str, list[str]] = {}  # the words that named each subject told of: 'bike'
    where: dict[str, set] = {}  # the place each subject told of was told with: 'boxley keeps coming up for road casualties'
    priorities = set()  # the subjects told of as a priority: 'was told to link up with whoever owns the asb priority'
    for other in others:  # the subject each reads as, named by words of its own, without who asks
        if not (STATES.search(re.sub(r"[^\w\s]", " ", other.lower().replace("'", " "))) or FELT.search(other.lower())):
            continue  # a sentence that tells something ('farmers were moaning about metal theft', 'the outcome rate
            # chart dips right down in april 2012'), not a name alone
        plain, alone = _read_told(other, vocab)
        if not alone.indicators and re.search(r"\b(?:that|this|the|our|my) (?:priority|group|sub ?group)\b", said):
            whole = normalise(other).replace("'", " ")  # 'i've joined the violent crime priority group. the headline
            if read_alone(whole, vocab).priority:  # figures for that priority?': the group is the subject's
                plain, alone = whole, read_alone(whole, vocab)
        own = {i for ids, words, generic in alone.hits
               if not generic or (set(ids) <= TOTALS and {w[:6] for w in words} & CRIME_FORMS) for i in ids}
        qualifier = _qualifier(plain, alone, own, vocab)
        said_of = SAID_OF.match(plain)
        if not qualifier and said_of and read_alone(said_of["subject"], vocab).unknown:
            qualifier = said_of["subject"]  # 'dog fouling is what every resident complains about. how bad is it?'
        if qualifier:  # 'cyber crime is what parents ask about. is it going up?': a subject the data lacks
            again = parse(block, vocab, _depth=depth + 1)
            again.unknown = [qualifier]
            return again
        (asked if "?" in other else told).update(set(alone.indicators) & own)
        for ident in set(alone.indicators) & own:
            when.setdefault(ident, set()).add(alone.period)
            where.setdefault(ident, set()).update(alone.areas or [None])
            if alone.priority or "priority" in alone.cues:
                priorities.add(ident)
            stems = {w for ids, words, _ in alone.hits if ident in ids for w in words}
            typed.setdefault(ident, []).extend(w for w in plain.split() if set(vocab.form(w)) & stems)
    named = told if len(told) == 1 else told | asked  # 'the table has a line called other theft offences - i guess ...?'
    stolen_word = re.fullmatch(r"stolen|taken|nicked|pinched", pointer.group(0))
    if stolen_word and len(named) > 1 and len({i for i in named if vocab.units.get(i) == "crimes"}) == 1:
        named = {i for i in named if vocab.units.get(i) == "crimes"}  # ('a bike repair project ... bikes pinched')
    if len(named) != 1:
        return None
    (ident,) = named
    if stolen_word and vocab.units.get(ident) != "crimes":
        # 'i run a bike repair project. how many were stolen?': no casualty is stolen; the word read with the theft
        stolen = parse(f"{block} {' '.join(dict.fromkeys(typed.get(ident, [])))}", vocab, _depth=depth + 1)
        if stolen.indicator is None or vocab.units.get(stolen.indicator) != "crimes":
            return None
        ident = stolen.indicator
    name = vocab.names[("indicator", ident)]
    period = next(iter(when.get(ident, set())), None) if len(when.get(ident, set())) == 1 else None
    alone = read_alone(block, vocab)
    told_when = period if period and not (alone.period or alone.since or alone.relative is not None) else None
    places = where.get(ident, set())
    told_where = vocab.names[("area", next(iter(places)))] if len(places) == 1 and None not in places \
        and vocab.area_types.get(next(iter(places))) in ("ward", "district") and not _names_a_place(block, vocab) else None
    owner = " priority" if ident in priorities and re.match(r"(?:and |so )?(?:who|which (?:group|sub ?group|team))\b", said) else ""
    again = parse(f"{block} {name}{owner}" + (f" {told_when}" if told_when else "") + (f" in {told_where}" if told_where else ""),
                  vocab, _depth=depth + 1)
    if again.indicator != ident or again.negated or not _happened(again.unknown):
        return None
    again.unknown = []  # 'got nicked': what happened to it, said of the subject named before
    if not THEN.fullmatch(pointer.group(0)):  # ('what was the rate then': 'then' is read as the period, said so)
        again.corrections.append((pointer.group(0), name))
    return again


# words of saying before a subject, not narrowing it: 'i keep hearing crime is rising'
SAYING = frozenset("say says said hear heard mention mentions talk talks about re like told tell".split())


def _qualifier(plain: str, alone: Command, own: set[str], vocab: Vocabulary, crime_words: bool = False) -> str | None:
    """The words the sentence did not understand that qualify the subject it names, so that it names a subject
    the data does not have ('cyber crime', 'knife crime', 'theft of mobile phones'; not 'farmers were moaning
    about metal theft', where the words not understood tell who said it). With ``crime_words``, a word before
    the subject qualifies only a crime word ('knife crime', not 'trying to understand road safety')."""
    # only a subject named by a general word ('crime', 'theft') may be narrowed so: 'a bin fire someone had started
    # on purpose' is a deliberate fire; 'knife crime' is no crime total
    general = {w for ids, words, generic in alone.hits if set(ids) & own and (generic or set(ids) <= TOTALS) for w in words}
    stems = {w for ids, words, _ in alone.hits if set(ids) & own for w in words}
    unknown = {w for phrase in alone.unknown for w in phrase.split()
               if not re.search(r"(?:ing|ed)$", w) and w not in SAYING} - FUNCTION_WORDS - FILLER
    words = vocab.rewrite(plain).split()
    at = [k for k, w in enumerate(words) if any(w.startswith(s) for s in stems)]
    if not at or not unknown:
        return None
    first, last = at[0], at[-1]
    if first > 0 and words[first - 1] in unknown - stems and any(words[first].startswith(s) for s in general) and (
            not crime_words or words[first][:6] in CRIME_FORMS | {"theft", "crime", "assaul", "robber", "burgla"}):
        return f"{words[first - 1]} {words[first]}"  # 'cyber crime', 'knife crime'
    # after any subject: 'theft of mobile phones', 'assaults involving knives', 'asb on buses', 'fires at schools'
    # ('robbery in the street' describes a robbery: where, only as places of a kind, plural)
    after = words[last + 1:last + 4]
    general_subject = any(words[last].startswith(s) for s in general)
    if after and (after[0] in ("of", "from", "involving", "against", "by", "with", "using") and general_subject
                  or after[0] in ("on", "at", "in")):
        named = next((w for w in after[1:] if w not in FUNCTION_WORDS), None)
        if named in unknown - stems and (after[0] not in ("on", "at", "in") or named.endswith("s")):
            return " ".join(words[last:words.index(named, last) + 1])
    return None


# words that point back at a period or a place named in another sentence
THEN = re.compile(r"\b(?:then|that (?:month|year|quarter|time|period)|at the time|back then|since then|(?:over|in|for|during|"
                  r"across) (?:that|this|the same) (?:stretch|period|span|time|quarter|month|year|spell|window)|"
                  r"(?:over |during |for )?(?:the whole|the entire|all that|all the) time)\b")
THERE = re.compile(r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bany )\b(?:there|that (?:ward|area|"
                   r"district|place))\b(?! (?:is|are|was|were|s|been|be|have|has)\b)"
                   r"|(?<=\bwhat was )the ward\b|(?<=\bwhat is )the ward\b|\b(?:in|for|of) the ward\b"
                   r"(?! (?:breakdown|figures|hotspots|level))"
                   r"|(?:(?<=\bdid )|(?<=\bdoes )|(?<=\bhas )|(?<=\bhad ))it(?= (?:have|had|get|got|see|record)\b)")
# (not 'how many were there'; 'how many asb incidents did it have': only a place has them)


# the kinds of answer over every place, which name the place 'there' points at ('which district ..., and what was it there?')
ACROSS = frozenset({"wards", "top", "compare", "rank", "rank_changes"})
# what the assessment holds for a place pointed back at: 'what does the assessment say about it?', 'anything flagged
# there?', 'what does the data hold for that ward?'
PLACE_BACK = re.compile(r"\b(?:what (?:does|do|did|has|have|is|s) (?:the )?(?:assessment|data|report|document|sa|it) (?:say|says|"
                        r"hold|holds|have|has|got|flag|flags|show|shows|said|mention|mentions|know)(?: up)?|anything (?:flagged|"
                        r"said|mentioned|at all)?|what is there) (?:about|for|on|in|of) (?:it|there|that ward|the ward|that area|"
                        r"that place|my patch|my ward)\b")


def _typed(text: str) -> str:
    """A sentence's words as typed, lower case, without punctuation ('what does the assessment say about it')."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s/]", " ", text.lower().replace("'", ""))).strip()


def _place_back(block: str, others: list[str], vocab: Vocabulary, depth: int) -> Command | None:
    """What the assessment holds for the one place the sentences around name, when the question points back at
    it ('i've just been given fant as my patch. what does the assessment say about it?'), said so."""
    places = {a for other in others for a in _read_told(other, vocab)[1].areas}
    if len(places) != 1:
        return None
    name = vocab.names[("area", next(iter(places)))]
    said = _typed(block)
    pointer = PLACE_BACK.search(said)
    again = parse(f"{said[:pointer.start()]} what does the assessment say about {name} {said[pointer.end():]}", vocab,
                  _depth=depth + 1)
    if again.unknown or again.negated or again.indicators or again.area is None:
        return None
    again.corrections.append((pointer.group(0).split()[-1], name))
    return again


# a road or stretch pointed back at: 'how many were hurt on it?', 'along that road'
ALONG_IT = re.compile(r"(?<!\blead )(?<!\bleads )(?<!\bleading )(?<!\bwork )(?<!\bworks )(?<!\bworking )(?<!\bfocus )"
                      r"(?<!\bsit )(?<!\bsits )\b(?:on|along|alongside|near) (?:it|that road|that stretch|that bit|this road|that junction)\b")


def _when_or_where_back(block: str, asked: Command, others: list[str], vocab: Vocabulary, depth: int) -> Command | None:
    """A question that names no period (or place) but points back at one ('april 2012 looks really low on the
    chart. what was the outcome rate then?', 'i work in park wood. what was the rate there?'), read with the one
    period or place the other sentences name, and said so."""
    said = normalise(asked.text or block).replace("'", " ")  # (with a subject read back already: 'what was the rate')
    when = THEN.search(said) if not (asked.period or asked.since or asked.listed) else None
    where = THERE.search(said) if asked.area is None or asked.area not in asked.areas else None
    if not (when or where):
        return None
    periods, places = set(), set()
    for other in others:
        _, alone = _read_told(other, vocab)
        if alone.period:
            periods.add(alone.period)
        elif alone.since:  # 'asb from 2010/11 onwards please - has it been falling the whole time?'
            periods.add(f"since {alone.since}")
        places.update(alone.areas)
    add = []
    if when and len(periods) == 1:
        (period,) = periods
        add.append(("since " if "since" in when.group(0) and not period.startswith("since") else "") + period)
    if where and len(places) == 1:
        add.append(vocab.names[("area", next(iter(places)))])
    if not add:
        return None
    if when and " " in when.group(0) and when.group(0) not in ("since then",):  # 'over that stretch': the words go
        said = said[:when.start()] + " " + said[when.end():]
    elif where and " ward" in where.group(0):  # 'what was the ward's rate': the place told goes in its stead
        said = said[:where.start()] + " " + said[where.end():]
    again = parse(f"{said} {' '.join(add)}", vocab, _depth=depth + 1)
    if again.unknown or again.negated or again.indicator != asked.indicator:
        return None
    again.corrections = asked.corrections + again.corrections  # ('it' read as the subject before)
    if when and len(periods) == 1:
        period = next(iter(periods))
        again.corrections.append((when.group(0), vocab.names.get(("period", period)) or (
            month_label(period) if re.fullmatch(r"\d{4}-\d{2}", period) else period)))
    if where and len(places) == 1:
        again.corrections.append((where.group(0), add[-1]))
    return again


# a sentence about the asker: who they are, where they work, what they are doing ('new pcso here', 'placement
# student, sorry if this is a daft one', 'i run a bike recycling scheme for teenagers', 'town centre manager's
# assistant, new in post')
ABOUT_ASKER = re.compile(
    r"^(?:(?:hi|hello|hey|morning|afternoon|evening|good morning|good afternoon|ok|okay|so|and|but|also)\s+)*(?:i|i m|im|i am|"
    r"i ve|ive|i d|id|i ll|i was|my|we|we re|we ve|our|new|newly|just|been|recently|first|student|placement|trainee|pcso|"
    r"cllr|councillor|keen|hoping|happy|glad|worried|concerned|sorry|apologies|quick one|quick q|this is|"
    r"(?:started|starting|joined|joining) (?:with|at|on)|joined|moved (?:over |across )?to)\b"
    r"|\bnew (?:in post|to|here|starter|at|in)\b|\b(?:(?<!round )(?<!around )(?<!near )(?<!over )(?<!in )(?<!out )here|"
    r"in post|new|just (?:started|joined|begun|arrived))\s*$"
    r"|^(?:a |an )?(?:new |newly )?(?:volunteer|project worker|youth worker|support worker|worker|student|trainee|analyst|"
    r"officer|councillor|cllr|pcso|manager|coordinator|co ordinator|rep|representative|member|nurse|sergeant|inspector)\b")


# the words of a sentence that only asks for the answer in full or thanks: 'a list would be great', 'the full
# picture please', 'can you list them all?', 'thanks in advance'
POLITE = frozenset("""a an the list table full whole picture please pls thanks thank you cheers ta in advance would be
great helpful good lovely ideal useful perfect brilliant appreciated much many all them of everything it can could you
give me show send just fine ok okay that s thats would d love i m im am really very so""".split())


# what the asker will do with the answer: 'that's where i'll start my visits', 'that's what i'll take to the board'
THEN_I = re.compile(r"^(?:so |and )?(?:that s|thats|that is|it s|its|this is|which is) (?:where|what|how|why|when|who) "
                    r"(?:i|we|they|the team|my team) (?:ll|will|can|d|would|want to|need to|plan to|hope to|intend to|"
                    r"m going to|are going to)\b")


# what the asker is arranging: 'we're planning extra weekend patrols', 'i'm organising a fun day'
PLANNING = re.compile(r"^(?:so |and )?(?:(?:we|i) (?:re|are|m|am|will be|ll be) )?(?:planning|organising|organizing|arranging|"
                      r"setting up|putting on|running|holding|starting|launching) (?:some |extra |more |a |an |our |the |"
                      r"new )*[a-z]")


# why the asker asks: to see how things are going ('i've just joined the iom unit and want to see how it's tracking')
HOW_IT_GOES = re.compile(r"\b(?:want|wanted|need|hoping|trying) to (?:see|know|understand|get a (?:feel|sense) for|keep an eye on) "
                         r"how (?:it s|its|it is|things are|they re|we re|we are|it has been|it s been) (?:going|tracking|doing|"
                         r"looking|trending|performing|moving)\s*$"
                         # 'want to be prepared for my first meeting', 'need to be up to speed before the board'
                         r"|\b(?:want|wanted|need|hoping|trying|like) to (?:be|feel|get) (?:properly |fully |well )?(?:prepared|"
                         r"ready|up to speed|clued up|briefed|on top of things|genned up)(?: (?:for|before) (?:my|our|the|"
                         r"tomorrow s|next week s) (?:first |next |big )?(?:meeting|board|session|visit|interview|shift|"
                         r"briefing|surgery|forum|week|day))?\s*$")


# when the asker started or how long they are in post, said about the asker: not a period asked about
ASKER_TIME = re.compile(r"\b(?:for|over|during|across) the (?:summer|term|year|week|month|next (?:month|week|fortnight|term)|coming (?:weeks|months)|next (?:few|couple of) (?:weeks|"
                        r"months))\b|\b(?:new |started |joined )?this (?:term|summer|semester|month|week)\b|\b(?:(?:only|just) )?(?:started|joined|"
                        r"arrived|began|moved here|took over)(?: here| in post)? (?:on |last |in |this |in the )?"
                        r"(?:monday|tuesday|wednesday|thursday|friday|week|month|january|february|march|april|may|june|july|"
                        r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|"
                        r"summer|autumn|winter|new year)\b|\bfor my (?:masters|degree|dissertation|course|phd|studies)\b"
                        # the asker's own meetings: 'preparing my first ward surgery'
                        r"|\b(?:my |our |the |a )?(?:first |next |monthly |weekly )?ward (?:surgery|surgeries|meeting|meetings|"
                        r"walkabout|walkabouts|panel|panels|newsletter)\b"
                        # 'before my first multi-agency meeting', 'only been in post a fortnight'
                        r"|\b(?:before|ahead of|for|at) (?:my|our) (?:first |next )?(?:[a-z]+ ){0,2}(?:meeting|surgery|"
                        r"briefing|panel|forum|shift|visit)\b|\b(?:(?:only|just) )?(?:been )?in (?:post|the job|the role) "
                        r"(?:for )?(?:a|one|two|three|four|a few|\d+) (?:fortnight|weeks?|months?|days?)\b"
                        # 'only elected a few weeks ago', 'only a fortnight in'
                        r"|\b(?:(?:only|just) )?(?:elected|appointed|started|joined|arrived|here|been here)? ?(?:a|one|two|three|"
                        r"four|a few|a couple of|\d+) (?:fortnight|weeks?|months?|days?) (?:ago|in)\b")


# what the asker is doing, said after the question: 'working with a youth project', 'saw it in a briefing note',
# 'trying to understand the outcomes table' (not 'looking at', 'checking' or 'researching', which ask)
DOING_VERB = re.compile(r"^(?:(?:and|but|so|also|just|currently|still|only)\s+)*(?:working|volunteering|doing|setting up|"
                        r"running|organising|organizing|planning|preparing|prepping|writing|drafting|reading|trying|"
                        r"putting together|putting (?:a|an|some|something|it|them) (?:piece|article|item|bit|note|post|"
                        r"paragraph|slide|line)|pulling together|helping|visiting|training|starting|thinking|wondering|hoping|"
                        r"learning|studying|saw|seen|came across|spotted|read|going|campaigning|fundraising|lobbying|bidding|applying)\b")
# words that ask for a narrower figure inside such a sentence: 'need the weekend ones', 'only the serious ones'
ASKS_FOR = re.compile(r"\b(?:need|needs|want|wants|looking for|after|interested in)\s+(?:the|just|only|figures?|"
                      r"numbers?|ones|it|them|those|these)\b|\b(?:only|ones|just the|specifically|excluding|except)\b")


# where the asker looks, which narrows what is asked: 'looking at schools', 'interested in the night time ones'
LOOKING = re.compile(r"\b(?:looking (?:at|into|for)(?! (?:where|how|what|which|whether|ways?|options) to\b)|interested in|"
                     r"focus\w* on|concerned with|after)\b")


def _without_askers(said: str, vocab: Vocabulary) -> tuple[str, list[str]]:
    """Normalised words without the roles and organisations that say who asks (``asker`` rows of
    data/synonyms.csv: 'new rural pcso', 'at a youth charity', 'new age uk volunteer'), and the phrases taken
    out. Words before a role that name a place or a period stay ('new pcso in park wood' keeps 'park wood')."""
    found: list[str] = []

    def out(m: re.Match) -> str:
        found.append(m.group(0))
        mods = m.group("mods") or ""
        return f" {mods} " if mods and _where_or_when(read_alone(mods, vocab)) else " "
    organisations, roles = vocab.asker_phrases()

    def org(m: re.Match) -> str:  # 'on the park wood team' names a place: it stays ('age uk' is a name)
        if m.group("unit") and _where_or_when(read_alone(m.group(0), vocab)):
            return m.group(0)
        found.append(m.group(0))
        return " "
    said = organisations.sub(org, said)
    return re.sub(r"\s+", " ", roles.sub(out, said)).strip(), found


def _aside(sentence: str, asked: Command, vocab: Vocabulary, dashed: bool = False, told_first: bool = False) -> bool:
    """Whether a sentence beside the question is an aside to it: it reports what someone said, heard or guesses
    (and asks nothing: 'my sergeant reckoned roughly 400', not 'i think i need the weekend ones'); it is about the
    asker (and does not ask for a narrower figure: 'i'm new and want the weekend ones' is no aside); or it tells what
    happened, naming nothing but what is asked ('a church near me had the lead stripped off its roof'). None may
    name a place the question does not name, or, unless it reports, a period; an aside naming a place answers for
    it only by 'my ward'."""
    told = _read_told(re.sub(r"\b\d{1,3}(?:,\d{3})+\b", " ", sentence), vocab)[1]  # ('i'd guess around 2,000': no year)
    home = vocab.partnership_words.get("home")
    told_places = [a for a in told.areas if a != asked.area and vocab.names.get(("area", a)) != home
                   and vocab.area_types.get(a) in ("ward", "district")]  # (not 'the worst in kent', said of the county)
    if told.places or (told.period and told.period not in vocab.period_ids):
        return False  # 'my sister works in hastings and asked me this', 'for 2020, i'd guess it went up': a place or
        # a period the data lacks is never left aside
    told_own = {i for ids, words, generic in told.hits for i in ids}
    if told_own and (asked.generic_only or asked.indicator in TOTALS) and _qualifier(_read_told(sentence, vocab)[0], told, told_own, vocab, crime_words=True):
        return False  # 'knife crime is what the parents keep asking me about': a crime the data does not have
    if asked.generic_only and told.unknown and not told.indicators and re.search(
                r"\b(?:we|i|they|our \w+|my \w+) (?:have |ve |has |had |d )?(?:had|got|suffered|seen|experienced|been hit by)\b"
                r"|\b(?:lots|loads|a lot|plenty|spate|run|number) of \w", sentence.lower().replace("'", " ")):
        return False  # 'we've had loads of fraud. how many crimes?': a question of all crime may mean what happened
    said = re.sub(r"\b(?:and )?(?:i |we )?(?:had|have|ve got|got) no idea\b|\bno idea\b", " ", normalise(sentence).replace("'", " "))
    # 'just want the basic picture', 'only need a rough idea': how much the asker wants, not a narrower figure
    said = GIST.sub(" ", said)
    # 'heard it's only about half': how small a guess is, not a narrower figure
    said = re.sub(r"\b(?:only|just) (?=(?:about|around|roughly|approximately|approx|half|a half|a third|a quarter|\d))", "",
                  said)
    # 'i've only got the list of numbers': what the asker has, not a narrower figure
    said = re.sub(r"\b(i ve|ive|i have|i|we ve|we have|we) only (got|have|had|seen|know|knew|read)\b", r"\1 \2", said)
    sentence = GIST.sub(" ", sentence.lower())
    guessed = re.sub(r"\bone of the (?:[a-z]+ ){0,2}ones\b", " ", said)  # 'i was told we're one of the better ones'
    typed = re.sub(r"[^\w\s]", " ", sentence.lower().replace("'", " "))  # as typed: 'i assume' is taken out of ``said``
    just = JUST_SOME.match(typed)
    if re.search(r"\b(?:just|only) (?:what|those|the ones)\b", typed) or (just and not _own_words(just["some"], asked, vocab)):
        return False  # 'but just what parents said', 'just graduates': who is asked, narrower than what the figure counts
    wanted = WANTED_CLEFT.match(said) or WANTED_CLEFT.match(re.sub(r"\s+", " ", re.sub(r"[^\w\s&]", " ", sentence.lower()
                                                                                    .replace("'", " "))).strip())
    if wanted and asked.indicator and _beyond(wanted["x"], asked, vocab):
        return False  # 'noise complaints are what i need', 'it's begging i'm trying to get a handle on': what is wanted,
        # not the subject asked
    if _cleft_told(sentence, asked, vocab):
        return True  # 'domestic abuse is what i deal with all day', '2012/13 is the year i'm reading up on'
    if _remit(said, asked, vocab):
        return True  # 'shoplifting is what the shops in town moan about', 'violence is my main worry'
    unquoted = re.sub(r"[^\w\s]", " ", sentence.lower().replace("'", ""))  # 'i'm' as 'im'
    if re.search(r"\b(?:i mean|i meant|what i mean is|what i m after is)\b", unquoted):
        return False  # 'i mean the big stores': what is meant (before hearsay: 'i mean knife crime really, parents
        # keep asking me about it')
    if (HEARSAY.search(said) or HEARSAY.search(typed)) and not (ASKS_FOR.search(guessed) or LOOKING.search(said)) \
            and not QUESTION_WORDS.match(said) and not QUESTION_WORDS.match(typed) \
            and not ("?" in sentence and re.search(r"\bhow (?:many|much)\b", said)) \
            and not re.search(r"[,;:]\s*(?:and |but |so )?(?:what (?:was|is|were|about)|whats|what's|how (?:many|much|did|"
                              r"does|has|is|was))\b", sentence) \
            and not (told_places and not _names_a_place(asked.text, vocab) and asked.kind not in ACROSS):
        return True  # not 'how many people think speeding is a problem?', nor '... seems a problem - how many were there?',
        # nor 'boxley keeps coming up for road casualties', a place the question does not name
    if THIRD_WANTS.match(said) and not NARROW.search(said[THIRD_WANTS.match(said).end():]) and _names_nothing(
            said[THIRD_WANTS.match(said).end():], vocab, True):
        return True  # 'my tutor wants it in an appendix': who wants the figures, and what for
    if set(said.split()) <= POLITE:
        return True  # 'a list would be great', 'the full picture please', 'can you list them all?'
    if (THEN_I.match(said) or HOW_IT_GOES.search(said)) and not NARROW.search(said) and _names_nothing(said, vocab, True):
        return True  # 'that's where i'll start my visits': what the asker will do with the answer
    if NARROWING_ASK.search(unquoted):
        return False  # 'just the thefts from railway lines, i'm the new rep': what is meant
    said, askers = _without_askers(said, vocab)  # 'new age uk volunteer', 'new town centre manager': who asks
    if askers or ABOUT_ASKER.search(said):  # 'on placement for the summer', 'started monday': the asker's time
        said = re.sub(r"\s+", " ", ASKER_TIME.sub(" ", said)).strip()
    askers = askers if not QUESTION_WORDS.match(said) else []  # 'which group looks after asb' asks
    if askers:
        sentence = said
    alone = read_alone(sentence, vocab)
    about_asker = bool(askers or ABOUT_ASKER.search(said)
                       or ABOUT_ASKER.search(re.sub(r"[^\w\s]", " ", sentence.lower()).strip()))
    if about_asker:  # 'i'm a bit loose on the jargon': an ordinary word, not the ward
        alone.areas = [a for a in alone.areas if not (len(normalise(vocab.names[("area", a)]).split()) == 1
                                                       and ordinary_word(normalise(vocab.names[("area", a)])))]
    home = vocab.partnership_words.get("home")  # 'new pcso on the maidstone team', asked of maidstone
    own_place = bool(set(alone.areas) & set(asked.areas)) or bool(  # 'i'm the new pcso covering fant', asked of fant
        alone.areas and asked.area is None and {vocab.names[("area", a)] for a in alone.areas} == {home})
    alone.areas = [a for a in alone.areas if a != asked.area and not (asked.area is None and vocab.names[("area", a)] == home)]
    if (alone.period and alone.period != asked.period) or alone.since or alone.ytd or alone.places or (
            alone.areas and not _names_a_place(asked.text, vocab) and asked.kind not in ACROSS and not asked.statement):
        return False  # (the period asked, named in the sentence it points back at, is the question's own; an answer
        # over every ward holds the asker's: 'which wards had the most violence? i'm the new town centre coordinator';
        # what the assessment states is said of no place: 'i manage a pub in the town centre. when are the matches?')
    subjects = set(alone.indicators) | {broader for _, broader in alone.within}
    if asked.indicator in alone.indicators and _qualifier(said, alone, {asked.indicator}, vocab, crime_words=True):
        return False  # 'asb on buses is my remit': a narrower subject than the one asked
    planning = PLANNING.match(said)
    if planning and not subjects and not QUESTION_WORDS.search(said) and (
            re.match(r"(?:so |and )?(?:we|i) ", said) or _names_nothing(ASKER_TIME.sub(" ", said[planning.end() - 1:]), vocab,
                                                                      elsewhere=_ASIDE_WORDS | PLAN_WORDS)):
        # ('planning staffing for the summer', not 'planning extra patrols for domestic cases')
        return True  # 'we're planning extra weekend patrols': what the asker is arranging, not what is asked
    if EXAMPLES.search(said) and not EXAMPLE_NARROW.search(said) and subjects <= {asked.indicator}:
        return True  # 'is it just noise and that sort of thing
    if DOING.match(re.sub(r"\bjust\b ", "", said)) and _names_nothing(said, vocab, True):
        return True  # 'i'm setting up outreach sessions and want to put them in the right places'
    if ASIDE_OPENER.match(said) and _names_nothing(re.sub(r"\bjust\b", " ", said), vocab, elsewhere=_ASIDE_WORDS):
        return True  # 'trying to get a feel for the numbers before i started'
    if re.match(r"\w+ing\b", said) and not NARROW.search(said) and all(
            w in ASKER_WORDS | _ASIDE_WORDS | FUNCTION_WORDS | FILLER for w in re.findall(r"[a-z']+", sentence.lower())):
        return True  # 'checking the league table for the smp paper'
    across = asked.kind in ("wards", "top", "compare", "rank", "rank_changes")  # an answer over every place
    # where a story happened, told of people there: 'people on my patch keep finding stuff taken out of their cars'
    setting = SETTING.sub(" ", said) if NARRATIVE.search(said) and TOLD_OF.search(SETTING.sub(" ", said)) or re.match(
        r"(?:people|residents|tenants|neighbours|families|folk|shops|businesses|parents|kids)\b", said) else said
    beat = re.sub(r"\b(?:on|walking|walk|back on) the beat(?: there| here)?\b", " ", said)  # a police officer's work
    if NARROW.search(beat) and not across and not FELT.search(said) and not own_place \
            and (dashed or not _names_a_place(asked.text, vocab)) \
            and re.search(
            r"\b(?:patch|beat|area|ward|neighbourhood|estate|villages?|rural|cases|ones|incidents|offences|crimes|deals? "
            r"with|dealing with|works? (?:on|with)|handles?|covers?|focus(?:es|ing)? on)\b", setting if beat == said else beat):
        return False  # 'my patch is rural villages', 'my team deals with serious cases': narrower than what is asked
    if re.search(r"\b(?:(?<!on )(?<!crossing )patrols?|patrolling|covering|covers|based (?:in|at|on)|lives? in|living in)\b", said) \
            and not own_place and not (alone.areas and _names_a_place(asked.text, vocab)) \
            and not (across and not alone.areas and not NARROW.search(re.sub(r"\b(?:districts|wards|areas)\b", " ", said))):
        return False  # 'our team patrols mote park': where the asker looks
    if DOING_VERB.match(said) and not ASKS_FOR.search(said) and (across or not NARROW.search(said)) and (
            alone.generic_only or subjects - TOTALS <= {asked.indicator}) and not (alone.statement or alone.choices):
        return True  # 'working on an employment project', 'setting up outreach sessions and want to pick the right areas'
    if _states_only(sentence, said, alone, asked, vocab):
        return True  # 'it feels low compared with where i worked before', 'my mentor said charges are the biggest'
    if about_asker and asked.statement and not (subjects or alone.statement or alone.priority or alone.places
                                                or alone.areas or alone.period or alone.within):
        return True  # 'i want to know which nights will be busy', of the world cup dates: a fact has no narrower part
    if about_asker:  # 'i'm looking at schools', 'i'm new and want the weekend ones' ask for something
        if ASKING.search(said) and not (ASKS_FOR.search(said) or LOOKING.search(said)) and (
                across or not NARROW.search(said)):
            return True  # 'golding homes want to target their tenancy work': what the asker wants to do
        # 'i'm new and want to get involved with the young drivers work': only the subject asked, named
        rest = _not_own(said, asked.indicator, vocab)
        return not ASKING.search(said) or _names_nothing(said, vocab, elsewhere=_ASIDE_WORDS) or bool(
            asked.indicator and subjects == {asked.indicator} and rest != said
            and _names_nothing(rest, vocab, elsewhere=_ASIDE_WORDS | INVOLVED)) or (
            told_first and _story_first(sentence, said, alone, subjects, asked))
    # what happened, naming what is asked and nothing else ('a church near me had the lead stripped off its roof')
    own = vocab.named.get(asked.indicator or "", set())  # 'bikes keep being pinched': the subject's own words
    other = _not_own(REMIT.sub(" ", said), asked.indicator, vocab)
    # ('bikes getting pinched is a constant complaint': a verb, not a question; 'i want to know how many' asks)
    asks = QUESTION_WORDS.match(said) or WH_WORD.search(said) or "?" in sentence
    if told_first and _story_first(sentence, said, alone, subjects, asked):
        return True  # 'i manage a charity shop ... the volunteers are rattled. is shoplifting going up?'
    copula = re.search(r"\b(?:is|are|was|were|has been|have been|s)\b", said)
    if copula and not NARRATIVE.search(said[:copula.start()]) and any(
            w not in FUNCTION_WORDS | FILLER | HAPPENED and not re.search(r"(?:ing|ed)$", w)
            and not set(vocab.form(w)) & own for w in said[:copula.start()].split()):
        return False  # 'modern slavery - nail bars, car washes - is a worry': what is said to be so is no subject asked
    return not asks and not NARROW.search(other) and bool(subjects) and subjects <= {asked.indicator}


# a sentence in the first person: 'i manage a charity shop and ...', 'we've had a run of stock walking out the door'
FIRST_PERSON = re.compile(r"^(?:(?:and|but|so|also|hi|hello|well|ok|okay)\s+)*(?:i|i m|im|i am|i ve|ive|i d|id|i was|i have|"
                          r"i had|we|we re|we ve|we have|we had|we were|my|our|as a|as an|the|a|an)\b")
# words that say what is wanted, or how narrowly: never in a story told before the question
WANTING = re.compile(r"\b(?:only|just the|specifically|particularly|especially|mainly|mostly|focus\w*|interested|"
                     r"concerned|need|needs|want|wants|wanted|after|looking|rather than|instead|not|excluding|except)\b")


def _story_first(sentence: str, said: str, alone: Command, subjects: set[str], asked: Command) -> bool:
    """A story or introduction told in the first person before a question that stands on its own (it points back at
    nothing): who asks and what has happened to them ('i manage a charity shop and we've had a run of stock walking
    out the door'), asking nothing, wanting nothing narrower, naming no other subject, place or period, and no word
    that narrows a figure. The question is answered as asked; the story is shown beside it."""
    plain = normalise(sentence).replace("'", " ")  # (``said`` is without who asks: 'the volunteers are rattled')
    return bool(asked.indicator and asked.indicator not in TOTALS and not asked.generic_only  # ('we've had loads of
                # fraud. how many crimes?': a question of all crime may mean the crime told of)
                and FIRST_PERSON.match(plain) and "?" not in sentence and not WANTING.search(plain)
                and not NARROW.search(plain) and not QUESTION_WORDS.match(plain) and not WH_WORD.search(plain)
                and not (alone.crime_word and alone.unknown)  # ('the cyber stuff is a worry': a crime of its own)
                and subjects - TOTALS <= {asked.indicator} and not (alone.within or alone.statement or alone.priority
                                                                   or alone.choices or alone.places or alone.period
                                                                   or alone.since or alone.negated))


# what the asker wants, said first: 'noise complaints are what i need', 'it's begging i'm trying to get a handle on',
# 'the weekend ones are what we're after'
_WANTS = (r"(?:need|needs|want|wants|after|looking (?:at|for|into)|interested in|trying to|focus(?:ing)? on|care about|"
          r"have to|must|most worried about|keen on)")
WANTED_CLEFT = re.compile(r"^(?:and |but |so |really |actually )*(?:it s |its |it is |it was )?(?P<x>(?:[a-z&]+ ){0,5}?[a-z&]+) "
                          r"(?:(?:is|are|s|re|was|were) (?:what|the (?:thing|bit|part|one|ones)) (?:that )?(?:i|we) (?:m |am |re |are )?"
                          rf"(?:really |mainly |mostly |actually )?{_WANTS}|(?:that )?(?:i|we) (?:m|am|re|are) (?:really |mainly "
                          rf"|mostly |actually )?{_WANTS})\b")


def _beyond(words: str, asked: Command, vocab: Vocabulary) -> bool:
    """Whether words said of what is wanted hold a word that is not the subject asked's own ('noise complaints' of
    anti-social behaviour; not 'asb' or 'the figures')."""
    return any(w not in FUNCTION_WORDS | FILLER | POLITE
               and w not in ("figures", "figure", "numbers", "number", "stats", "data", "total", "totals", "it", "this", "that")
               for w in _not_own(words, asked.indicator, vocab).split())


def _not_own(words: str, indicator: str | None, vocab: Vocabulary) -> str:
    """The words that are not the subject's own ('noise complaints' of anti-social behaviour; none of 'asb')."""
    own = vocab.named.get(indicator or "", set())
    return " ".join(w for w in words.split() if not set(vocab.form(w)) & own)


# what is asked, said first and said to be what the asker has, reads or deals with: 'domestic abuse is what i deal
# with all day', '2012/13 is the year i'm reading up on', 'november 2013 is the latest figure i've got', 'ward hotspots
# are what my manager wants for the tasking meeting', 'the road safety priority is mine now'
CLEFT_TOLD = re.compile(r"^(?:(?:and|but|so|well|ok|okay)\s+)*(?P<x>(?:[\w&/-]+ ){0,6}?[\w&/-]+) (?:is|are|was|s|re|has been|have "
                        r"been) (?:(?:exactly |basically |really |pretty much |always |very much )?(?:what|how|where|who|why)\b"
                        r"|(?:the|my|our|their) (?:(?:latest|first|main|only|two|three|big|biggest|key|real|current|whole) )?(?:year|"
                        r"years|period|month|months|quarter|figure|figures|number|numbers|table|chart|bit|one|ones|thing|"
                        r"things|patch|patches|area|areas|focus|question|topic|subject|issue|headline)\b|(?:mine|ours)\b)"
                        r"(?P<rest>.*)$")
# words that narrow or exclude, never in what is said of the thing asked
EXCLUDING = re.compile(r"\b(?:only|just|specifically|particularly|especially|excluding|except|not|rather than|instead|"
                       r"but not|apart from|other than)\b")


def _cleft_told(sentence: str, asked: Command, vocab: Vocabulary) -> bool:
    """Whether a sentence names only what the question asks (its subject, period, place or kind, every word
    understood) and says it is what the asker has, reads or deals with, in words that name nothing else and
    narrow nothing ('domestic abuse is what i deal with all day. how many incidents of it ...?')."""
    plain = re.sub(r"\s+", " ", re.sub(r"[^\w\s&/-]", " ", sentence.lower().replace("'", " "))).strip()
    cleft = CLEFT_TOLD.match(plain)
    if not cleft:
        return False
    x = read_alone(cleft["x"], vocab)
    named = bool(x.indicators or x.period or x.areas or x.priority or x.statement or x.kind not in ("figure", "statement"))
    if not named or x.unknown or x.within or x.places or x.negated or x.choices or x.since or x.listed:
        return False
    asked_indicators = set(asked.indicators) | {asked.indicator} | set(asked.family)
    if (x.indicators and not set(x.indicators) <= asked_indicators) or (x.period and x.period != asked.period) or (
            x.areas and not set(x.areas) <= set(asked.areas) | {asked.area}) or (x.priority and x.priority != asked.priority) \
            or (x.statement and x.statement != asked.statement) or (x.kind not in ("figure", "statement", asked.kind)):
        return False
    rest = _without_askers(normalise(cleft["rest"]).replace("'", " "), vocab)[0]
    rest = re.sub(r"\b(?:all day|every day|all the time|day to day|day in day out|all week|every week|now)\b", " ", rest)
    told = read_alone(rest, vocab)
    return not (told.indicators and not told.generic_only or told.areas or told.places or told.period or told.since
                or told.relative is not None or told.within or told.statement or told.priority or told.choices
                or NARROW.search(rest) or EXCLUDING.search(cleft["rest"]))


# the subject asked, said to be what someone works on or worries about: 'break-ins at people's homes are what the
# residents' panel keeps raising', 'domestic abuse is what our women's aid group works on', 'violence is my main worry'
SAID_OF = re.compile(r"^(?:(?:i m|im|i am|we re|we are)(?: and)? )?(?:and |but |so )?(?P<subject>(?:[a-z&]+ ){0,5}?[a-z&]+) "
                     r"(?:is|are|was|were|s|re|has always been|have always been|has been|have been) (?:(?:most|much|all|part|"
                     r"the bulk|a big part|a lot) of )?(?:(?:what|the thing|the issue|the problem|the crime|the one)(?: that)? "
                     r"(?P<who>.*)|(?:obviously |basically |really |always )?(?:our|my|their|the team s|the group s) (?:main |big |"
                     r"biggest |core |key |whole |entire |number one |top )?(?:area|remit|focus|patch|thing|concern|worry|"
                     r"priority|business|bread and butter|headache|caseload|work|job|beat|issue|problem)(?P<tail> .*)?"
                     # 'fly tipping is a nightmare for our parish', 'rubbish and litter is half my job'
                     r"|(?:a |an )?(?:real |big |huge |constant |massive |ongoing |growing |total )?(?:nightmare|headache|"
                     r"pain|menace|bugbear|scourge|nuisance|worry|concern)(?P<tail2> .*)?"
                     r"|(?:half|most|all|part|much|a lot|the bulk) (?:of )?(?:my|our) (?:job|work|caseload|time|remit)"
                     r"(?P<tail3> .*)?)\s*$")
# what is said of it that tells who says so: 'the shops in town moan about' (the shops are no subject asked)
SAYS_SO = re.compile(r"\b(?:moan|moans|complain|complains|raise|raises|raising|worry|worries|worried|ask|asks|asking|talk|"
                     r"talks|mention|mentions|report|reports|tell|tells|works? on|deals? with|focus(?:es)? on|care about|"
                     r"cares about|hear about|go on about|goes on about)\b")


def _remit(said: str, asked: Command, vocab: Vocabulary) -> bool:
    """Whether a sentence only says the subject asked is what someone works on, raises or worries about: its
    subject reads as the one asked (nothing narrower: 'asb on buses is my remit' is not), and what is said of it
    names no place, period or narrowing word, nor another subject unless it says who says so ('shoplifting is what
    the shops in town moan about most')."""
    match = SAID_OF.match(_without_askers(said, vocab)[0])
    if not match or not asked.indicator:
        return False
    subject = read_alone(match["subject"], vocab)
    related = {asked.indicator, *vocab.parts.get(asked.indicator, ()), *vocab.ratio_parts.get(asked.indicator, ())}
    beyond = _not_own(match["subject"], asked.indicator, vocab)
    if not subject.indicators or not set(subject.indicators) <= related or subject.unknown or subject.within \
            or subject.places or subject.areas or subject.period or subject.negated or NARROW.search(beyond):
        return False  # ('fly tipping at night is a nightmare': narrower than the subject asked)
    rest = _without_askers(match["who"] or match["tail"] or match["tail2"] or match["tail3"] or "", vocab)[0]
    if not rest.strip():
        return True
    told = read_alone(rest, vocab)
    return not (told.areas or told.places or told.period or told.since or (told.indicators and not SAYS_SO.search(rest))
                or told.within or NARROW.search(re.sub(r"\b(?:town|area|patch|shops?)\b", " ", rest)))


# the subject is the asker's remit: 'drug crime is obviously our area' (said of the subject asked, no narrower one)
REMIT = re.compile(r"\b(?:is|are|s|re) (?:obviously |basically |really |very much |kind of |sort of |always )?(?:our|my|the team s|"
                   r"their) (?:main |big |biggest |core |key )?(?:area|remit|focus|patch|thing|concern|worry|priority|"
                   r"business|bread and butter|headache)\b")


# where a story happened, on the asker's patch: 'people on my patch', 'round our way', 'in my area'
SETTING = re.compile(r"\b(?:on|in|across|around|round|from|at) (?:my|our) (?:patch|beat|area|ward|neighbourhood|estate|"
                     r"street|road|way|block|flats)\b")


# a sentence that opens by narrowing: 'just graduates', 'but just from supermarkets', 'only horse riders' (not 'just
# started', 'just curious', 'just a quick one', 'just want a feel for it')
JUST_SOME = re.compile(r"^\s*(?:(?:but|and|so|oh|ok|okay)\s+)*(?:just|only|specifically|mainly|mostly|purely|solely)\s+(?!(?:"
                       r"started|joined|moved|arrived|begun|began|wondering|checking|curious|asking|a quick|a thought|want|"
                       r"wanted|need|needed|trying|looking|so|to|in case|out of|thought|thinking|been|got|had|saying|one|"
                       r"quickly|interested|after|for (?:my|our|the|a) (?:own|info|information|reference|interest|context|"
                       r"background|records)|for interest|fyi|a rough|a ballpark|the headline|the one|the total|the overall|"
                       r"the number|the figure|the main|the latest|need|do|doing|know|knew|gathering|collecting|getting|"
                       r"trying|hoping|wondered|elected|appointed|taken|become|became|transferred|promoted|qualified|"
                       r"finished|completed|back|returned|come|came|took|take|taking|a|an|the|me|i|we|my|our|it|that|this)\b)(?P<some>[a-z].*)")


def _own_words(words: str, asked: Command, vocab: Vocabulary) -> bool:
    """Whether words restate what is asked, opening with its own words ('just houses and flats, not sheds or
    shops' of dwelling burglary; not 'just graduates', 'just from supermarkets')."""
    own = vocab.named.get(asked.indicator or "", set())
    said = [w for w in normalise(words.split(",")[0]).split() if w not in FUNCTION_WORDS | FILLER | LINKING]
    return bool(said) and bool(set(vocab.form(said[0])) & own)


GIST = re.compile(r"\b(?:(?:i |we )?(?:just|only|really) )?(?:want|wanted|need|needed|after|looking for|(?:would|d) like)(?: "
                  r"(?:the|a|an))? (?:basic|broad|general|rough|overall|big|headline|quick|ballpark|high level) (?:picture|"
                  r"idea|overview|sense|feel|figures?|numbers?|view|gist)\b")


# a sentence that states something of its own: it has a subject ('i', 'my supervisor', 'it', 'the managers ... talk')
STATES = re.compile(r"\b(?:i|i m|im|i am|i ve|ive|i d|id|i ll|we|we re|we ve|my|our|me|us|he|she|they|someone|somebody|"
                    r"people|everyone|it|it s|its|this|that s|thats|there s|is|are|was|were|has|have|had|said|says|told|"
                    r"keeps?|seems?|feels?|looks?|talks?|talked)\b")
# words that ask for something, which a sentence that only states has none of: 'i need a cost', 'a list please'
REQUEST = re.compile(r"\b(?:please|pls|can you|could you|would you|give|show|tell me|list|send|need|needs|needed|want|"
                     r"wants|wanted|would like|d like|looking (?:at|into|for)|interested|focus\w*|care about|cares about|"
                     r"matters?|(?:i m|im|i am|we re|we are|what i m|what we re) after|only|ones|specifically|mainly|mostly|particularly|especially|rather|instead|"
                     r"excluding|except|not|no|never|none|without)\b")


# words that ask for something narrower or other than the question, wherever they stand in a sentence: 'just the
# thefts from railway lines', 'kitchen fires specifically', 'well, the hate crime part of it', 'our main problem is
# actually dog fouling, do you have that instead', 'i'm really after cyber crime though', 'what i actually need is'
NARROWING_ASK = re.compile(
    r"\b(?:just the|only the|(?:just|only) (?:what|those)|(?:just|only) (?:need|want)(?! to (?:know|check|understand|see|get a (?:feel|sense)|make sure)\b)|"
    r"specifically|in particular|particularly|especially|"
    r"instead|rather(?! than (?:guess\w*|scar\w*|rely\w*|mak\w*|quot\w*|us\w*|go|going|giv\w*|leav\w*|just|worry\w*|"
    r"alarm\w*|panic\w*|speculat\w*|estimat\w*|invent\w*|mak\w*|spread\w*|pass\w* on|repeat\w*|get\w*|have|having))|"
    r"actually (?:need|want|after|mean|is|are)|really (?:need|want|after)|(?:i m|im|i am|we re|we are) "
    r"(?:really |actually |mainly |mostly )?after|what (?:i|we) (?:actually |really )?(?:need|want|mean) is|"
    r"(?:part|bit|side|element) of (?:it|them|that)|main (?:problem|issue|concern|worry|focus|interest) is|"
    r"do you have|have you got|(?:can|could) you do|is there (?:a|any) (?:figure|number|breakdown))\b")


# what happened, told of someone: a verb of what happened ('had', 'got', 'have been') and whose it was ('one of my
# tenants', 'two families on my patch', 'a lot of the women i see'): its words describe the event, not what is asked
NARRATIVE = re.compile(r"\b(?:had|got|was|were|came|went|passed|called|happened|took|stole|broke|have been|has been|ve been|"
                       r"s been|keep|keeps|kept|seem|seems|seemed|(?:have|has|had|ve) (?:\w+ed|rung|come|gone|seen|taken))\b")
TOLD_OF = re.compile(r"\b(?:my|our|his|her|their|one of|two of|three of|a few|some of|a lot of|lots of|several|both of|"
                     r"half|someone|somebody|many of|so many|most of|all of|(?:we|i) (?:had|ve had|have had|got|saw|see|get))\b")
# how something felt to the asker: 'saturday nights feel busier than ever', 'it felt like it jumped in late summer'
FELT = re.compile(r"\b(?:feel|feels|felt|seem|seems|seemed|look|looks|looked) (?:like |as if |as though )?(?:it s |its |it |"
                  r"they re |things are )?(?:\w+ )?(?:busier|quieter|worse|better|higher|lower|bigger|more|less|rising|falling|"
                  r"low|high|odd|strange|unusual|off|wrong|"
                  r"jumped|dropped|went up|went down|up|down|bad|good)\b"
                  # said of a figure on a chart: 'april 2012 was really low', 'the chart dips right down in april 2012'
                  r"|\b(?:was|is|were|are|looked|looks) (?:really |very |quite |pretty |so |a bit |unusually |particularly |"
                  r"extremely )?(?:low|high|bad|poor|odd|strange|unusual|busy|quiet)\b"
                  r"|\b(?:dips?|dipped|dipping|spikes?|spiked|spiking|peaks?|peaked|jumps?|jumped|stands?|stood|shoots?|shot)"
                  r"(?: right)? (?:down|up|out)\b|\b(?:a|the) (?:high|low) point\b|\b(?:had|saw) (?:loads|lots|a lot|a ton) of\b")
# someone else wants the figures, and what for: 'my tutor wants it in an appendix', 'my supervisor wants it for a
# briefing note'
THIRD_WANTS = re.compile(r"^(?:and |but |so )?(?:(?:my|our|the|their) [a-z]+(?: [a-z]+)?|i|we|they) (?:wants|needs|needed|wanted|"
                         r"want|need|(?:ll|will|would|d) (?:need|want|use)|asked for|has asked for|have asked for|is after|"
                         r"are after|asked me for) (?:it|them|this|these|those|(?:the )?(?:figures?|numbers?|list|data|rank|"
                         r"ranking|total|rate|stats))(?: (?:out )?of \d+)?(?= (?:for|in|on|at) (?:a|an|the|my|our|their|his|her) |\s*$)")


def _states_only(sentence: str, said: str, alone: Command, asked: Command, vocab: Vocabulary) -> bool:
    """Whether a sentence beside a question only states something, asking for nothing and narrowing nothing: it
    is no question, has a subject of its own, has no word that asks for or narrows a figure, and names no
    subject but the one asked ('it feels low compared with where i worked before', 'my mentor said charges are
    the biggest outcome'; not 'i need a cost', 'the ones at night', 'i mean the big stores'). The caller has
    checked it names no other place or period."""
    said = re.sub(r"\bonly (?=just|know|knew|been|started|joined|recently|moved|arrived|learning|seen|a handful|a few)\b", "",
                  said)
    # ('my nephew only just passed his test', 'i only know our local figures so far': when or what the asker knows)
    # 'one of my tenants had her car nicked off the drive', 'saturday nights feel busier than ever'
    told = (NARRATIVE.search(said) and TOLD_OF.search(said)) or FELT.search(said)
    typed = re.sub(r"[^\w\s]", " ", sentence.lower().replace("'", ""))  # as typed: 'the lads talk about dealing'
    exact = r"\b(?:need|want|would like) (?:the |an? )?(?:exact|precise|actual|right|proper|accurate|latest|full|official) " \
            r"(?:figure|number|count|total|one|data)s?\b"  # 'it's for a funding bid so i need the exact figure'
    said, typed = re.sub(exact, " ", said), re.sub(exact, " ", typed)
    if "?" in sentence or QUESTION_WORDS.match(said) or not (STATES.search(said) or STATES.search(typed) or told) \
            or REQUEST.search(said) or REQUEST.search(typed) \
            or MEANING.search(said) or (NARROW.search(_without_askers(said, vocab)[0]) and not told):
        return False
    if alone.statement or alone.priority or alone.within or alone.listed or alone.negated or (
            alone.choices and asked.indicator not in {i for _, i in alone.choices}):
        return False  # ('ended up in hospital' may be either admission figure, one of them asked)
    subjects = set(alone.indicators) - set(TOTALS if asked.indicator in TOTALS else ())
    related = {asked.indicator, *vocab.ratio_parts.get(asked.indicator or "", ()), *vocab.parts.get(asked.indicator or "", ())}
    return subjects <= related or alone.generic_only


def _names_a_place(text: str, vocab: Vocabulary) -> bool:
    """Whether a question names a place by any of its names ('the whole borough' names the home district)."""
    words = vocab.rewrite(normalise(text or "")).split()
    return any(kind == "area" for n in (1, 2, 3) for i in range(len(words) - n + 1)
               for kind, _ in (vocab.phrases.get(" ".join(words[i:i + n])) or []))


# words that ask: a sentence with one is no anecdote
# a word that asks wherever it stands ('i want to know how many'); 'is', 'was' inside a sentence may only state
WH_WORD = re.compile(r"\b(?:how|what|whats|which|where|when|who|why)\b")
QUESTION_WORDS = re.compile(r"\b(?:how|what|whats|which|where|when|who|why|is|are|was|were|did|does|do|has|have|can|could)"
                            r"\b")


# what an asker plans, said without who plans it: 'planning staffing for the summer'
PLAN_WORDS = frozenset("staffing staff rota rotas shifts shift cover walkabouts visits events sessions summer".split())
# the asker's part in the work on a subject: 'want to get involved with the young drivers work'
INVOLVED = frozenset("get getting involved involvement help helping with work working on side of things stuff".split())
# ordinary words of an aside about the asker beside the asker's own words ('i'm new so who knows')
_ASIDE_WORDS = ASKER_WORDS | frozenset("""from at with small local tiny big large national charity organisation assoc
org orgs organisations agency agencies service services dept department unit before feel sense grasp picture idea
league table tables pdf document doc sa assessment
so who knows know knew bear with me please pls thanks thank you cheers ta new just started
joined guessing guess hoping hope trying try want wanted need needed like would great good helpful useful lovely ideal
fine ok okay quick question questions daft silly stupid dumb sorry apologies if this is a one obvious help any appreciated
in advance setting up set put them right places place show tell write writing up notes induction introduce myself
properly nod along everyone keeps keep saying it meetings meeting the trust how much figures figure numbers
background context overview steer summary newsletter some bit of basic broad general rough
""".split())


# words that give examples of what is asked about: 'rowdy groups, people being abusive, that type of thing', 'i.e.
# people on foot hit by a vehicle', 'the chip pan and dodgy wiring kind of thing', 'like ...', 'such as ...'
EXAMPLES = re.compile(r"\b(?:that|this|those|these|the) (?:sort|kind|type)s? of (?:\w+)\b|\bkind of thing\b|"
                      r"\bsort of thing\b|\bi\.?e\.?(?=\s)|\be\.?g\.?(?=\s)|\bas in\b|\bsuch as\b|\bfor (?:example|instance)\b|"
                      r"\byou know(?: when)?\b|\betc\b|\band so on\b|\band the like\b|\bor whatever\b|\b(?:stuff|things|incidents|crimes|thefts|ones|fires)? ?like (?!to\b|that\b|this\b|it\b)|"
                      r"\.\.\.")
THAT_SORT_OF = re.compile(r"\b(?:that|this|those|these|the) (?:sort|kind|type)s? of (?!thing\b|things\b|stuff\b)(\w+)\b")
# examples that narrow who, when or how many, not what: 'like at weekends', 'such as by young people'
EXAMPLE_NARROW = re.compile(r"\b(?:only|just|mainly|mostly|nights?|weekends?|weekdays?|days?|daytime|evenings?|mornings?|"
                            r"summer|winter|christmas|months?|years?|quarters?|under|over|aged|age|juveniles?)\b|\d|"
                            r"\b(?:by|against|among|amongst|involving|of|for|on|to)\s+(?:the\s+)?(?:youths?|young|adults?|"
                            r"children|kids|teenagers?|teens|women|men|females?|males?|elderly|older)\b")


def _without_examples(text: str, vocab: Vocabulary, command: Command | None = None, depth: int = 0) -> Command | None:
    """The question read without the examples it gives of what it asks about, said so ('how many antisocial
    behaviour incidents in 2011/12? rowdy groups, people being abusive in the street, that type of thing',
    'accidental fires, the chip pan and dodgy wiring kind of thing', 'fires people started on purpose (wheelie
    bins, skips, burnt out cars)'). Taken only when the rest names one figure, not a total of others, with every
    word understood; the examples name no other figure of its kind and do not narrow who, when or how many
    ('asb, like at weekends' stays refused); 'that sort of theft' asks for what the examples name, so stays."""
    raw = (text or "").lower().replace("\u2019", "'")
    raw = re.sub(r"\b(i)\.?(e)\.?(?=\s)|\b(e)\.?(g)\.?(?=\s)", lambda m: "".join(x for x in m.groups() if x), raw)
    bracketed = [m.group(1).strip() for m in re.finditer(r"\(([^()]*)\)", raw) if m.group(1).strip()]
    parts = [p.strip() for p in CLAUSE.split(re.sub(r"\([^()]*\)", " , ", raw)) if p and p.strip()]
    # 'crimes that got a result like a charge or caution in sept 2013': examples inside a clause, up to its period
    parts = [x.strip() for p in parts for x in re.split(
        r"(?<!things)(?<!stuff)(?<!\bso)(?<!such)\s+(?=(?:(?:so |such )?(?:things |stuff )?like|such as|eg|ie|for example|"
        r"for instance)\s)", p)]
    parts = [x.strip() for p in parts for x in (
        re.split(r"\s+(?=(?:in|for|during|over|since|from|between)\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
                 r"dec|q[1-4]\b|the (?:last|past|latest)\b|last\b|this\b))", p) if re.match(
                     r"(?:(?:so |such )?(?:things |stuff )?like|such as|eg|ie|for example|for instance)\s", p) else [p])]
    # 'lead stripped off church roofs, copper cable taken... whats the figure for that kind of theft': the question
    # points back at the examples before it by their kind
    pointers = {i: p[:m.start()] + m.group(1) + p[m.end():] for i, p in enumerate(parts)
                for m in [THAT_SORT_OF.search(p)] if m and p.replace(m.group(0), "").strip()}
    marked = [i for i, p in enumerate(parts) if EXAMPLES.search(p) and i not in pointers]
    # the examples: what is in brackets, and the clauses a marker ends ('x, y, that sort of thing') or begins
    # ('i.e. people on foot hit by a vehicle', 'like x, y and z'), the fewest that leave a whole question
    spans = [()] if bracketed else []
    for m in pointers:
        spans += [tuple(range(start, m)) for start in range(m - 1, -1, -1)]
    for m in marked:
        spans += [tuple(range(start, m + 1)) for start in range(m, -1, -1)]
        spans += [tuple(range(m, end + 1)) for end in range(m + 1, len(parts))]
    listed = []  # 'charged, cautioned etc': the short clauses of a list before its marker, all of them first
    for m in marked:
        start = m
        while start > 0 and len(parts[start - 1].split()) <= 3:
            start -= 1
        if start < m:
            listed.append(tuple(range(start, m + 1)))
    for span in listed + sorted(set(spans), key=len):
        examples = bracketed + [parts[i] for i in span]
        if not examples or len(span) == len(parts) or any(EXAMPLE_NARROW.search(p) for p in examples):
            continue
        # 'windows smashed, cars keyed, that sort of damage': the examples' own word for what they are stays
        own = [m.group(1) for i in span for m in [THAT_SORT_OF.search(parts[i])] if m]
        if span and span[-1] + 1 in pointers:
            own.append(THAT_SORT_OF.search(parts[span[-1] + 1]).group(1))
        rest = ", ".join([pointers.get(i, p) for i, p in enumerate(parts) if i not in span]
                         + [x for i in span for m in [THAT_SORT_OF.search(parts[i])] if m for x in [m.group(1)]])
        again = parse(rest, vocab, _depth=depth + 1)
        if own and again.indicator in TOTALS and not again.unknown:
            # 'lead stripped off church roofs, copper cable taken... that kind of theft': the examples name it
            said = read_alone(", ".join(examples), vocab)
            kinds = {i for ids, w, generic in said.hits if not generic for i in ids} | set(said.indicators)
            kinds = [i for i in kinds if i not in TOTALS and set(vocab.form(own[0])) <= set(
                vocab.form(normalise(vocab.names[("indicator", i)])))]
            if len(kinds) == 1:
                again.indicator, again.indicators = kinds[0], [kinds[0]]
        if again.statement and not (again.unknown or again.negated or again.choices):
            again.text = text  # 'which organisations are part of the smp? e.g. is the prison involved'
            again.examples = [p.strip(" .") for p in examples]
            return again
        if again.unknown or again.negated or again.choices or not again.indicator or again.generic_only \
                or (again.indicator in TOTALS and not _parts_named(examples, again.indicator, vocab)
                    and not _named_in_full(again, vocab)) \
                or again.statement or again.kind not in (
                    "figure", "direction", "trend", "rank", "compare", "wards", "top"):
            continue
        if _examples_name_other(examples, again, vocab):
            return None
        again.text = text
        again.examples = [p.strip(" .") for p in examples]
        return again
    return None


def _named_in_full(c: Command, vocab: Vocabulary) -> bool:
    """Whether the question named its subject by every word of its name ('theft and handling stolen goods'), not by
    a general word ('theft')."""
    said = set().union(*(w for ids, w, _ in c.hits if c.indicator in ids))
    own = set(vocab.form(normalise(vocab.names[("indicator", c.indicator)]))) - set(vocab.form("and the of a"))
    return len(own) > 1 and own <= said


def _parts_named(examples: list[str], whole: str, vocab: Vocabulary) -> bool:
    """Whether each example names parts of a whole the data splits ('a charge or caution' of resolution outcomes)."""
    parts = set(vocab.parts.get(whole, []))
    named = [read_alone(x, vocab) for x in examples]
    return bool(parts) and all({*c.indicators, *(i for _, i in c.choices)} and {*c.indicators, *(i for _, i in c.choices)}
                               <= parts for c in named)


def _examples_name_other(examples: list[str], again: Command, vocab: Vocabulary) -> bool:
    """Whether examples name a place, a period or another figure of the kind asked."""
    unit = vocab.units.get(again.indicator)
    for part in examples:
        alone = read_alone(part, vocab)
        parts = vocab.parts.get(again.indicator, [])  # 'a result like a charge or caution': parts of what is asked
        if alone.areas or alone.places or alone.period or any(vocab.units.get(i) == unit and i != again.indicator
                                                              and i not in parts for i in alone.indicators) or any(
                broader != again.indicator for _, broader in alone.within):
            return True
    return False


def asks_something(c: Command) -> bool:
    """A reading that asks for something: a subject, a statement, a priority, a table, a kind of its own, or a
    place (everything held for it)."""
    return bool(c.indicators or c.statement or c.priority or c.table or c.kind != "figure" or c.areas)


def _names_nothing(clause: str, vocab: Vocabulary, subject_allowed: bool = False,
                   elsewhere: frozenset = frozenset(), alone: Command | None = None) -> bool:
    """Whether a clause, read alone, names no place, period or subject, and has no word that narrows what is
    asked ('only', 'juveniles', 'weekends', 'commercial premises', 'by ward'): only then may it be about the
    asker and left aside."""
    if not re.sub(r"[^\w%]", "", clause):
        return True
    clause = ROLE.sub(r"\1", clause)  # 'youth worker here': who asks
    if NARROW.search(clause):
        return False
    if not subject_allowed and any(w not in ASKER_WORDS and w not in elsewhere for w in normalise(clause).split()):
        return False  # a word not about the asker (nor said in the question itself) may narrow or change it
    alone = alone or read_alone(clause, vocab)
    # a place the question itself names again ('i'm a project worker in fant - asb in fant ward') is no other place
    areas = [a for a in alone.areas if not set(normalise(vocab.names.get(("area", a), a)).split()) <= elsewhere]
    return not (areas or alone.places or alone.period or alone.since or alone.relative is not None or alone.ytd
                or ((alone.priority or alone.statement or (alone.indicators and not alone.generic_only) or alone.choices)
                    and not subject_allowed)
                or alone.within or alone.listed)


def asker_only(tail: str, vocab: Vocabulary, statement: bool = False) -> bool:
    """A tail naming who asks and what for ('fire service asking', 'need them for the task & finish grp', 'need
    to plan for the NTE'), and nothing asked of the figures: what comes after 'asking', 'wants' or 'needs' (but
    before a 'for ...' of what it is for) names nothing ('asking about sheds', 'need it for hastings')."""
    verb = re.search(r"\b(?:asking|asked|wants?|needs?|needed)\b", tail)
    if verb is None:
        return _names_nothing(tail, vocab)
    who, rest = tail[:verb.start()], tail[verb.end():]
    purpose = re.search(r"\b(?:to plan for|to plan|for (?:the|a|our|my|their|his|her|tomorrow|next|this)\b)(?!.*\bfor\b).*$",
                        rest)
    asked = rest[:purpose.start()] if purpose else rest
    meeting = purpose is not None and re.search(r"\b(?:forum|meeting|group|grp|board|paper|report|briefing|committee|"
                                                r"cttee|task|sub|subgroup|panel|pack)\b", purpose.group(0))
    return _names_nothing(asked, vocab) and _names_nothing(who, vocab, subject_allowed=True) and (
        purpose is None or _names_nothing(purpose.group(0), vocab, subject_allowed=bool(meeting) or statement))




# a noun that names the asker's role, at the end of an introduction
ROLE_NOUN = re.compile(r"\b(?:officer|worker|councillor|cllr|volunteer|student|analyst|manager|nurse|coordinator|co-ordinator|"
                       r"adviser|advisor|inspector|sergeant|pcso|idva|isva|trustee|rep|representative|member|chair|lead|"
                       r"caseworker|warden|mentor|constable|consultant|practitioner|assistant|intern|apprentice|director)\s*$")


# the asker's group, said as a tag before or after the question: 'asb group again.', 'vc group.', '- road safety
# group', ', t&f group', 'dv forum chair, first month.', 'for the sub-group chairs pack'
_GROUP = (r"(?:(?:the|our|my)\s+)?(?:[a-z&/'-]+\s+){1,4}?(?:sub ?-?groups?|sgs?|groups?|grp|forum|t ?& ?f(?: group)?|task and finish"
          r"(?: group)?|priority (?=leads?|chairs?))(?:\s+(?:chairs?|leads?|members?|again|here|asking|reps?|meeting|mtg|pack|"
          r"paper|lead))*")
GROUP_TAG = re.compile(rf"^\s*(?P<first>{_GROUP})\s*(?:[.:;,!]|\s[-\u2013\u2014]+)\s+(?=\S)|(?:[.:;,?!]|\s[-\u2013\u2014]+|\s(?=for (?:the|our|my) ))\s*"
                       rf"(?P<last>(?:(?:for|from|on behalf of)\s+)?{_GROUP})\s*[.!]*\s*$"
                       # between two parts of the question: 'rtc casualties 12/13 - road safety sg. 666?'
                       rf"|\s(?:[-\u2013\u2014]+\s+|(?<=[.:;,?!])\s*|(?=for (?:the|our|my) ))(?P<mid>(?:(?:for|from|on behalf of)\s+)?{_GROUP})\s*"
                       r"(?:[.:;,!?]|\s[-\u2013\u2014]+)\s+(?=\S)")


def _without_group_tag(text: str, vocab: Vocabulary, command: Command, depth: int = 0) -> Command | None:
    """The question read without the asker's group said beside it ('asb group again. % of residents saying teenagers
    hanging about is a big problem', 'vap wards for the financial year to sept 2013 - vc group'): taken only when the
    rest asks for a subject of its own, with every word understood, and the tag names no place or period."""
    raw = (text or "").lower().replace("\u2019", "'")
    m = GROUP_TAG.search(raw)
    if m is None:
        return None
    tag = (m.group("first") or m.group("last") or m.group("mid")).strip()
    alone = read_alone(tag, vocab)
    if _where_or_when(alone) or alone.statement or NARROW.search(re.sub(r"\bt ?& ?f\b", " ", tag)):
        return None
    rest = raw[m.end():] if m.group("first") else f"{raw[:m.start()]} - {raw[m.end():]}" if m.group("mid") else \
        raw[:m.start()] + ("?" if m.group(0).lstrip().startswith("?") else "")
    again = parse(rest, vocab, _depth=depth + 1)
    ours = re.search(r"\b(?:our|my)\b", rest)
    if again.kind == "priority" and again.priority is None and alone.priority and ours and not again.unknown:
        # 'road safety sub group chair - can i get our priority pack for 12/13': the group's own priority
        name = vocab.names[("priority", alone.priority)]
        again = parse(f"{rest[:ours.start()]} {name} {rest[ours.end():]}", vocab, _depth=depth + 1)
        if again.priority != alone.priority or again.unknown or again.negated:
            return None
        again.text = text
        again.corrections.append((ours.group(0), name))
        return again
    if again.unknown or again.negated or again.choices or not asks_something(again) or (
            again.kind == "priority" and again.priority is None) \
            or (again.kind == "figure" and not (again.indicators or again.statement)):
        return None
    if re.match(r"\s*for\s", m.group(0)) and alone.indicators and not set(alone.indicators) & set(again.indicators):
        return None  # 'shoplifting for the domestic abuse forum': said with no stop, another subject may be meant
    again.text = text
    if alone.priority:  # the group named in the answer by its own name ('the ASB Sub-Group named')
        again.group = alone.priority
    else:
        again.context = [tag] + again.context
    return again


PASSES = [
    (lambda c, lower: GROUP_TAG.search(lower), _without_group_tag),
    (lambda c, lower: c.unknown or c.negated, _without_context),
    (lambda c, lower: CONTRAST.search(lower), _contrasted),
    (lambda c, lower: (c.unknown or c.negated or c.against or len(c.areas) > 1) and CORRECTION.search(lower),
     _self_corrected),
    (lambda c, lower: (c.unknown or c.negated) and DASHED.search(lower), _without_asides),
    # 'i'm new to the road safety subgroup. people killed or seriously injured over time?': the asker's group, said
    # in a sentence of its own, is who asks, not the priority's pack asked for
    (lambda c, lower: c.kind == "priority" and SENTENCE_END.search(lower) and MY_GROUP.search(lower), _without_asides),
    (lambda c, lower: (c.unknown or c.choices or c.negated or re.search(r" etc\b|\blike\b|\bsuch as\b|\be\.?g\b", lower))
     and (EXAMPLES.search(lower) or "(" in lower),
     _without_examples),
]
