"""The Ask form: a modal opened by the ``ask_crimebot`` global shortcut or the App Home's *Ask a question*.

A crime type (an external select: type-ahead over the indicators and partners' words for them), an area
(the home district, its wards, the other districts of its county, the wider areas), a period (the periods the chosen crime type has:
the form is updated when a crime type or area is picked), or a question typed instead. Submitting sends
the answer to the person as a DM from the bot, with the same buttons as a ``/crime`` answer. The choices
become a question in words (``bot.choices.question``) answered by ``Service.ask``, as the CLI does.
"""
from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk.errors import SlackApiError

from .. import choices
from .blocks import MAX_OPTION_TEXT, MAX_OPTIONS, cut
from .direct import DirectChannels, answer_privately
from .handlers import Door, slack_trouble, user_of
from .home import OPEN_ASK_ACTION

log = logging.getLogger(__name__)

SHORTCUT = "ask_crimebot"  # manifest.yml: features.shortcuts[].callback_id
FORM = "ask_crimebot_form"  # the modal's callback_id
INDICATOR, AREA, PERIOD, TEXT = "ask_indicator", "ask_area", "ask_period", "ask_text"
LATEST = "latest"


def _option(value: str, text: str) -> dict:
    return {"text": {"type": "plain_text", "text": cut(text, MAX_OPTION_TEXT)}, "value": value[:150]}


def ask_modal(area_groups: list[tuple[str, list[choices.Choice]]], home: str, *,
              indicator: choices.Choice | None = None, periods: list[choices.Choice] | None = None) -> dict:
    """The form. ``indicator`` and ``periods`` once a crime type is chosen (the period select then lists its
    periods; its block id carries the crime type, so a period chosen for another one is not kept)."""
    crime = {"type": "external_select", "action_id": INDICATOR, "min_query_length": 0,
             "placeholder": {"type": "plain_text", "text": "Start typing: shoplifting, asb, burglary..."}}
    if indicator is not None:
        crime["initial_option"] = _option(indicator.value, indicator.label)
    groups = [{"label": {"type": "plain_text", "text": cut(label, MAX_OPTION_TEXT)},
               "options": [_option(c.value, c.label) for c in group[:MAX_OPTIONS]]}
              for label, group in area_groups[:MAX_OPTIONS]]
    home_option = next(o for g in groups for o in g["options"] if o["value"] == home)
    period_options = [_option(LATEST, "The latest the data has")] + \
        [_option(p.value, p.label) for p in (periods or [])[:MAX_OPTIONS - 1]]
    blocks = [
        {"type": "input", "block_id": "indicator", "optional": True, "dispatch_action": True,
         "label": {"type": "plain_text", "text": "Crime type or measure"}, "element": crime},
        {"type": "input", "block_id": "area", "optional": True, "dispatch_action": True,
         "label": {"type": "plain_text", "text": "Area"},
         "element": {"type": "static_select", "action_id": AREA, "option_groups": groups, "initial_option": home_option}},
        {"type": "input", "block_id": f"period_{indicator.value if indicator else ''}"[:255], "optional": True,
         "label": {"type": "plain_text", "text": "Period"},
         "hint": {"type": "plain_text", "text": "The periods the chosen crime type has, newest first." if indicator
                  else "Pick a crime type to see the periods it has."},
         "element": {"type": "static_select", "action_id": PERIOD, "options": period_options,
                     "initial_option": period_options[0]}},
        {"type": "input", "block_id": "question", "optional": True,
         "label": {"type": "plain_text", "text": "Or type your question"},
         "hint": {"type": "plain_text", "text": "As you would write it after /crime; used instead of the choices above."},
         "element": {"type": "plain_text_input", "action_id": TEXT, "max_length": 500,
                     "placeholder": {"type": "plain_text", "text": "e.g. which ward has the most asb"}}},
    ]
    return {"type": "modal", "callback_id": FORM, "title": {"type": "plain_text", "text": "Ask crimebot"},
            "submit": {"type": "plain_text", "text": "Ask"}, "close": {"type": "plain_text", "text": "Cancel"},
            "blocks": blocks}


def chosen(view: dict) -> dict:
    """What the form holds: {"indicator", "area", "period", "text"} (None where nothing is chosen)."""
    values = (view.get("state") or {}).get("values") or {}
    picked = {}
    for block in values.values():
        for action_id, element in block.items():
            option = element.get("selected_option") or {}
            picked[action_id] = option.get("value") if element.get("type") != "plain_text_input" else element.get("value")
    period = picked.get(PERIOD)
    return {"indicator": picked.get(INDICATOR), "area": picked.get(AREA),
            "period": None if period in (None, LATEST) else period, "text": (picked.get(TEXT) or "").strip() or None}


def register(app: App, door: Door, directs: DirectChannels) -> None:
    """The shortcut, the Home tab's button, the type-ahead, the period update and the submission."""

    def home() -> str:
        return door.service.answerer.home

    def form(indicator: str | None = None, area: str | None = None) -> dict:
        answerer = door.service.answerer
        picked = periods = None
        if indicator and indicator in answerer.indicators:
            picked = choices.Choice(indicator, answerer.vocab.names[("indicator", indicator)])
            periods = choices.periods_of(answerer, indicator, area)
        return ask_modal(choices.area_groups(answerer, home()), home(), indicator=picked, periods=periods)

    def open_form(body, client):
        try:
            client.views_open(trigger_id=body.get("trigger_id"), view=form())
        except SlackApiError as exc:  # an expired trigger (over 3 s): the person can press again
            slack_trouble(exc, f"the Ask form for {user_of(body)}")

    app.shortcut(SHORTCUT)(ack=door.acknowledge, lazy=[door.lazy(open_form)])
    app.action(OPEN_ASK_ACTION)(ack=door.acknowledge, lazy=[door.lazy(open_form)])

    def suggest(ack, body):
        # answered in the ack: Slack shows what comes back as the person types
        found = choices.indicators_matching(door.service.answerer, body.get("value") or "", MAX_OPTIONS)
        ack(options=[_option(c.value, c.label) for c in found])

    app.options(INDICATOR)(suggest)

    def update_periods(body, client):
        view = body.get("view") or {}
        picked = chosen(view)
        try:
            client.views_update(view_id=view.get("id"), hash=view.get("hash"),
                                view=form(picked["indicator"], picked["area"]))
        except SlackApiError as exc:  # hash_conflict: the person changed the form again meanwhile
            slack_trouble(exc, f"the Ask form of {user_of(body)}")

    app.action(INDICATOR)(ack=door.acknowledge, lazy=[door.lazy(update_periods)])
    app.action(AREA)(ack=door.acknowledge, lazy=[door.lazy(update_periods)])

    def check(ack, body):
        picked = chosen(body.get("view") or {})
        if not picked["text"] and not picked["indicator"]:
            ack(response_action="errors",
                errors={"indicator": "Pick a crime type or measure, or type a question below."})
            return
        ack()  # the form closes; the answer follows by DM

    def submit(body):
        picked = chosen(body.get("view") or {})
        answerer = door.service.answerer
        question = picked["text"] if picked["text"] else \
            choices.question(answerer, picked["indicator"], picked["area"], picked["period"])
        log.info("Ask form from %s: %r", user_of(body), question)
        delivered = answer_privately(door, directs, user_of(body), door.service.ask(question))
        if not delivered.ok:
            log.warning("the Ask form's answer for %s was not delivered (%s)", user_of(body), delivered.reason)

    app.view(FORM)(ack=check, lazy=[door.lazy(submit)])
