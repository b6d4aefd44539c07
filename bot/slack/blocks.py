"""Block Kit: an Answer as a Slack message, and a check of Slack's limits (the App Home is in home.py).

A message is a header, the headline, the first table as a ``table`` block (Slack shows one per
message, at most 100 rows and 20 columns), any other table as monospace text, a context line with
notes and sources, and buttons. Everything is cut to Block Kit's limits here, so Slack never answers
``invalid_blocks``; ``limit_problems`` says what a message breaks, and the tests run it on every message
the bot can build.
"""
from __future__ import annotations

import re

from ..answer import Answer, Table
from ..render import looks_numeric, note_lines, numeric_columns, table_text, understood_line

MAX_BLOCKS = 50
MAX_HOME_BLOCKS = 100
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_CONTEXT_TEXT = 2000
MAX_TABLE_ROWS = 100
MAX_TABLE_COLUMNS = 20
MAX_ACTIONS = 25
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_MESSAGE_TEXT = 40000
MAX_TABLE_TEXT = 10000  # characters in all of a table block's cells
MAX_ACCESSIBILITY_LABEL = 75
MAX_BLOCK_ID = 255
MAX_INPUT_LABEL = 2000
MAX_OPTIONS = 100  # in a select, or in one of its option groups; and option groups in a select
MAX_OPTION_TEXT = 75
MAX_OPTION_VALUE = 150
MAX_PARTS = 4  # messages one answer may take (a response_url takes five; one is left for a notice)

ASK_ACTION = "crimebot_ask"  # a button whose value is a question: Trend, Wards
POST_ACTION = "crimebot_post"  # "Post to channel": the question is asked again, in the channel
EXCEL_ACTION = "crimebot_excel"  # "Excel": the question is asked again and its workbook sent privately


def cut(text: str, limit: int) -> str:
    """Shorten ``text`` to ``limit`` characters, marking the cut.

    >>> cut("Shoplifting in Maidstone", 12)
    'Shoplifting…'
    """
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def escape(text: str) -> str:
    """Escape ``&``, ``<`` and ``>`` as Slack's mrkdwn needs: data and a partner's words are shown as
    written, never read as a link, a mention or ``<!channel>``.

    >>> escape("Tonbridge & Malling <!channel>")
    'Tonbridge &amp; Malling &lt;!channel&gt;'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": cut(text, MAX_SECTION)}}


def _context(texts: list[str]) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": cut(t, MAX_CONTEXT_TEXT)} for t in texts]}


def table_block(table: Table) -> dict | None:
    """A ``table`` block, or None when the table is too big for one (the caller falls back to text)."""
    if len(table.rows) + 1 > MAX_TABLE_ROWS or len(table.columns) > MAX_TABLE_COLUMNS or not table.columns:
        return None
    if sum(len(str(c)) for row in [table.columns, *table.rows] for c in row) > MAX_TABLE_TEXT:
        return None
    numeric = [n and any(r[i] for r in table.rows) for i, n in enumerate(numeric_columns(table))]
    cell = lambda text: {"type": "raw_text", "text": str(text) if str(text) else "–"}  # noqa: E731 (no empty cells)
    return {"type": "table",
            "column_settings": [{"align": "right"} if n else {"is_wrapped": True} for n in numeric],
            "rows": [[cell(c) for c in table.columns]] + [[cell(c) for c in row] for row in table.rows]}


def monospace_sections(table: Table) -> list[dict]:
    """The table as fixed-width text, split into sections of at most 3,000 characters, on line ends."""
    lines = escape(table_text(table)).splitlines()
    title, body = lines[0], lines[1:]
    sections, chunk = [], []
    for line in body:
        line = cut(line, MAX_SECTION - 20)
        if sum(len(x) + 1 for x in chunk) + len(line) + 10 > MAX_SECTION:
            sections.append(chunk)
            chunk = [line]
        else:
            chunk.append(line)
    sections.append(chunk)
    blocks = [_section(f"*{title}*")]
    blocks += [_section("```" + "\n".join(chunk) + "```") for chunk in sections if chunk]
    return blocks


def answer_message(answer: Answer, *, shareable: bool = True, shared_by: str | None = None,
                   hint: str | None = None) -> dict:
    """An Answer as one ``{"text", "blocks"}`` for chat.postMessage or a response_url (a digest).

    ``shareable`` adds "Post to channel" (for an ephemeral answer); ``shared_by`` marks a shared one;
    ``hint`` is a line for the footer (such as where the chart is). An answer too big for one message
    says which of its tables were left out; ``answer_messages`` sends all of it in parts.
    """
    return answer_messages(answer, shareable=shareable, shared_by=shared_by, hint=hint, parts=1)[0]


def answer_messages(answer: Answer, *, shareable: bool = True, shared_by: str | None = None,
                    hint: str | None = None, parts: int = MAX_PARTS) -> list[dict]:
    """An Answer as one message or, when it is too big for one, up to ``parts`` messages in order.

    The first message has the title and the headline, the last the notes, sources and buttons; each
    has at most one table block. Past ``parts`` messages, the last says which tables were left out
    and how to ask for each on its own.
    """
    if answer.error:
        return [error_message(answer)]
    title = answer.tables[0].title if answer.tables else "crimebot"
    footer = _footer(answer, shared_by, hint)
    buttons = _buttons(answer, shareable)
    text = notification_text(answer)
    room = MAX_BLOCKS - len(footer) - len(buttons) - 2  # and a "Part n of m" line, or what was left out
    messages: list[list[dict]] = [[{"type": "header", "text": {"type": "plain_text", "text": cut(title, MAX_HEADER)}},
                                   _section(escape(answer.headline))]]
    left_out: list[str] = []

    def blocks_of(table: Table, first_in_message: bool, has_table: bool) -> list[dict]:
        block = None if has_table else table_block(table)
        if block is None:
            return monospace_sections(table)
        return ([] if first_in_message else [_section(f"*{escape(table.title)}*")]) + [block]

    for i, table in enumerate(answer.tables):
        current = messages[-1]
        has_table = any(b["type"] == "table" for b in current)
        group = blocks_of(table, i == 0, has_table)
        if len(current) + len(group) > room:
            if len(messages) == parts:
                left_out.extend(t.title for t in answer.tables[i:])
                break
            messages.append([])
            current = messages[-1]
            group = blocks_of(table, False, False)
        current.extend(group[: room - len(current)])
    if left_out:
        messages[-1].append(_section(escape(
            f"{len(left_out)} more table(s) of this answer do not fit in Slack: {'; '.join(left_out)[:2000]}. "
            "Ask a narrower question (one place, one period or one crime type) to see them.")))
    out = []
    for n, blocks in enumerate(messages, 1):
        last = n == len(messages)
        more = [_context([f"Part {n} of {len(messages)}"])] if len(messages) > 1 else []
        out.append({"text": cut(text if n == 1 else f"{text} (part {n} of {len(messages)})", MAX_MESSAGE_TEXT),
                    "blocks": blocks + more + (footer + buttons if last else [])})
    return out


def notification_text(answer: Answer) -> str:
    """The top-level ``text`` (what notifications and screen readers read): the headline, and a figure
    from the first table when the headline has none.

    >>> notification_text(Answer("q", {}, headline="Road Safety: owned by its sub-group.",
    ...                          tables=[Table("t", ["Indicator", "Period", "Figure"], [["KSI", "2012/13", "5"]])]))
    'Road Safety: owned by its sub-group. KSI: Period 2012/13, Figure 5.'
    """
    text = escape(answer.headline)
    table = answer.tables[0] if answer.tables else None
    if table is None or not table.rows:
        return text
    figures = {str(c) for row in table.rows for c in row[1:] if str(c) and looks_numeric(c)}
    if any(re.search(rf"(?<![\w.,]){re.escape(f)}(?![\w.,%])", answer.headline) for f in figures):
        return text
    row = table.rows[-1] if table.columns[0] == "Period" else table.rows[0]
    pairs = [f"{column} {cell}" for column, cell in zip(table.columns[1:], row[1:]) if str(cell)][:4]
    return escape(f"{answer.headline} {row[0]}: {', '.join(pairs)}.".strip())


def _footer(answer: Answer, shared_by: str | None, hint: str | None = None) -> list[dict]:
    texts = [f"Shared by <@{shared_by}>"] if shared_by else []
    texts += [escape(understood_line(answer))] if understood_line(answer) else []
    texts += [hint] if hint else []
    lead, more = note_lines(answer)
    texts += [escape(n) for n in lead]
    texts += [escape(f"Source: {s}") for s in answer.sources]
    if not texts:
        return []
    if len(texts) > MAX_CONTEXT_ELEMENTS:  # the last element carries the rest, joined
        texts = texts[: MAX_CONTEXT_ELEMENTS - 1] + ["\n".join(texts[MAX_CONTEXT_ELEMENTS - 1:])]
    blocks = [{"type": "divider"}, _context(texts)]
    if more:  # folded: one line each, in a context block of their own under the figures' own notes
        lines = [f"*More notes ({len(more)})*"] + [escape(n) for n in more]
        blocks.append(_context(lines[: MAX_CONTEXT_ELEMENTS - 1] + (
            ["\n".join(lines[MAX_CONTEXT_ELEMENTS - 1:])] if len(lines) >= MAX_CONTEXT_ELEMENTS else [])))
    return blocks


def _buttons(answer: Answer, shareable: bool) -> list[dict]:
    elements = []
    if shareable:
        elements.append(_button("Post to channel", POST_ACTION, answer.query, primary=True,
                                label="Post this answer to the channel, for everyone in it to see"))
    for i, (label, question) in enumerate(answer.follow_ups):
        elements.append(_button(label, f"{ASK_ACTION}_{i}", question))
    if answer.tables and (answer.understood or {}).get("kind") != "digest":
        elements.append(_button("Excel", EXCEL_ACTION, answer.query,
                                label="The tables as an Excel workbook, sent to you privately"))
    return [{"type": "actions", "block_id": "crimebot_actions", "elements": elements[:MAX_ACTIONS]}] if elements else []


def _button(text: str, action_id: str, value: str, primary: bool = False, label: str | None = None) -> dict:
    """A button; its accessibility label (what a screen reader says) is ``label``, or the question it asks."""
    button = {"type": "button", "action_id": action_id, "text": {"type": "plain_text", "text": cut(text, MAX_BUTTON_TEXT)},
              "value": cut(value, MAX_BUTTON_VALUE),
              "accessibility_label": cut(label or f"{text}: ask \"{value}\"", MAX_ACCESSIBILITY_LABEL)}
    if primary:
        button["style"] = "primary"
    return button


def error_message(answer: Answer) -> dict:
    """What was not understood, the did-you-mean, and questions that work, as ephemeral-ready blocks."""
    error = answer.error or {"message": "Sorry, I could not answer that.", "suggestions": []}
    blocks = [_section(f":grey_question: {escape(error['message'])}")]
    choices = error.get("choices") or []
    if choices:  # two readings: each a button that asks the question it stands for
        blocks.append({"type": "actions", "block_id": "crimebot_choices",
                       "elements": [_button(c["label"], f"{ASK_ACTION}_{i}", c["question"])
                                    for i, c in enumerate(choices[:MAX_ACTIONS])]})
    tries = [f"`/crime {escape(s)}`" for s in error.get("suggestions", []) if not choices][:MAX_CONTEXT_ELEMENTS - 1]
    if tries:
        blocks.append(_context(["Try: " + " · ".join(tries)]))
    blocks.append(_context(["`/crime help` lists what you can ask."]))
    return {"text": cut(escape(error["message"]), MAX_MESSAGE_TEXT), "blocks": blocks}


def notice(text: str) -> dict:
    """A plain message (refusals, admin replies, Slack trouble) with its blocks: ``text`` is the bot's own
    mrkdwn (channel links, code); escape() any part of it that comes from data or a person."""
    return {"text": cut(text, MAX_MESSAGE_TEXT), "blocks": [_section(text)]}


def limit_problems(message: dict, *, home: bool = False) -> list[str]:
    """Every Block Kit limit this message or view breaks (empty when Slack will take it).

    >>> limit_problems({"text": "x", "blocks": [{"type": "header", "text": {"type": "plain_text", "text": "x" * 151}}]})
    ['block 0: header text 151 > 150']
    """
    problems = []
    blocks = message.get("blocks", [])
    if len(blocks) > (MAX_HOME_BLOCKS if home else MAX_BLOCKS):
        problems.append(f"{len(blocks)} blocks")
    if not home and not message.get("text"):
        problems.append("no fallback text")
    if len(message.get("text", "")) > MAX_MESSAGE_TEXT:
        problems.append("message text over 40,000")
    if sum(b.get("type") == "table" for b in blocks) > 1:
        problems.append("more than one table block")
    for i, b in enumerate(blocks):
        kind = b.get("type")
        if kind == "header" and len(b["text"]["text"]) > MAX_HEADER:
            problems.append(f"block {i}: header text {len(b['text']['text'])} > {MAX_HEADER}")
        elif kind == "section":
            if not b["text"]["text"].strip():
                problems.append(f"block {i}: empty section")
            if len(b["text"]["text"]) > MAX_SECTION:
                problems.append(f"block {i}: section text {len(b['text']['text'])} > {MAX_SECTION}")
            if (b.get("accessory") or {}).get("type") == "button":
                problems += [f"block {i}: accessory {p}" for p in _button_problems(b["accessory"])]
        elif kind == "input":  # a modal's (the Ask form): labels, and a select's options
            element = b["element"]
            groups = element.get("option_groups") or [{"options": element.get("options") or []}]
            if len(b["label"]["text"]) > MAX_INPUT_LABEL or len(groups) > MAX_OPTIONS or \
                    any(len(g["options"]) > MAX_OPTIONS for g in groups):
                problems.append(f"block {i}: input label or options over Slack's limits")
            if any(len(o["text"]["text"]) > MAX_OPTION_TEXT or len(o["value"]) > MAX_OPTION_VALUE
                   for g in groups for o in g["options"]):
                problems.append(f"block {i}: an option over {MAX_OPTION_TEXT} characters")
        elif kind == "context":
            if len(b["elements"]) > MAX_CONTEXT_ELEMENTS:
                problems.append(f"block {i}: {len(b['elements'])} context elements")
            problems += [f"block {i}: context text over {MAX_CONTEXT_TEXT}" for e in b["elements"]
                         if len(e["text"]) > MAX_CONTEXT_TEXT]
        elif kind == "table":
            rows = b["rows"]
            if len(rows) > MAX_TABLE_ROWS or any(len(r) > MAX_TABLE_COLUMNS for r in rows):
                problems.append(f"block {i}: table {len(rows)} rows / {max(map(len, rows))} columns")
            if len({len(r) for r in rows}) > 1:
                problems.append(f"block {i}: table rows of different lengths")
            if any(not c["text"] for r in rows for c in r):
                problems.append(f"block {i}: empty table cell")
            if sum(len(c["text"]) for r in rows for c in r) > MAX_TABLE_TEXT:
                problems.append(f"block {i}: table text over {MAX_TABLE_TEXT:,} characters")
        elif kind == "actions":
            if len(b["elements"]) > MAX_ACTIONS:
                problems.append(f"block {i}: {len(b['elements'])} actions")
            for e in b["elements"]:
                problems += [f"block {i}: {p}" for p in _button_problems(e)]
        if len(b.get("block_id", "")) > MAX_BLOCK_ID:
            problems.append(f"block {i}: block_id over {MAX_BLOCK_ID} characters")
    return problems


def _button_problems(button: dict) -> list[str]:
    problems = []
    if len(button["text"]["text"]) > MAX_BUTTON_TEXT or len(button.get("value", "")) > MAX_BUTTON_VALUE:
        problems.append("button too long")
    if not 0 < len(button.get("accessibility_label", "")) <= MAX_ACCESSIBILITY_LABEL:
        problems.append("button without an accessibility label of 1 to 75 characters")
    return problems
