"""Benchmark the paths for people who don't type commands, in process and over signed HTTP on loopback:
building the Home tab's dashboard (once per data load) and its view (each opening), the form's type-ahead
(Slack waits 3 s for options), and, end to end through uvicorn and bolt to the local Slack stand-in: an
App Home opening to its views.publish, the shortcut to views.open, a type-ahead round trip, a form
submission to its DM, and a DM question to its answer. Prints medians and p95s; asserts nothing.

    .venv/bin/python bench/bench_home.py [--repeat 30]
"""
import argparse
import dataclasses
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answer import Answerer  # noqa: E402
from bot.choices import indicators_matching, question  # noqa: E402
from bot.dashboard import dashboard  # noqa: E402
from bot.service import Service  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.slack.app import create_app  # noqa: E402
from bot.slack.home import home_view  # noqa: E402
from bot.slack.server import BackgroundServer, http_app  # noqa: E402
from bot.slack.standin import SlackStandIn, signed_headers  # noqa: E402
from tests.test_slack import post  # noqa: E402

SECRET, TEAM, USER = "bench-secret", "T0STANDIN", "U0BENCH"


def ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered) * 1000:7.1f} ms, p95 {p95 * 1000:7.1f} ms (n={len(ordered)})"


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    settings = Settings.from_env()
    answerer = Answerer.open(settings)
    print("in process")

    def fresh():
        answerer._headlines = None  # as a new answerer after a reload has them: not yet worked out
        dashboard(answerer, settings.state_dir)

    print(f"  dashboard, as after a reload:                {ms(timed(fresh, 5))}")
    board = dashboard(answerer, settings.state_dir)
    print(f"  dashboard, headlines cached:                 {ms(timed(lambda: dashboard(answerer, settings.state_dir), args.repeat))}")
    print(f"  home view from a dashboard:                  {ms(timed(lambda: home_view(board, answerer.examples), args.repeat))}")
    typed = ["", "s", "sho", "burg", "dv", "ksi young", "perception of drug"]
    print(f"  type-ahead ({len(typed)} prefixes each):          "
          f"{ms(timed(lambda: [indicators_matching(answerer, t) for t in typed], args.repeat))}")
    print(f"  the form's question for 20 crime types:      "
          f"{ms(timed(lambda: [question(answerer, i, 'ashford', None) for i in list(answerer.indicators)[:20]], 5))}")

    with SlackStandIn() as slack, tempfile.TemporaryDirectory() as state:
        for path in settings.state_dir.glob("crimebot-*.duckdb"):
            (Path(state) / path.name).hardlink_to(path)
        bot_settings = dataclasses.replace(settings, state_dir=Path(state), slack_bot_token="xoxb-bench",
                                           slack_signing_secret=SECRET, slack_api_url=slack.api_url,
                                           allowed_team_ids=frozenset({TEAM}))
        app = create_app(bot_settings, Service(bot_settings, answerer))
        with BackgroundServer(http_app(app, SECRET)) as url:
            counter = iter(range(10**6))

            def send(body: str, content_type: str) -> tuple[int, str, float]:
                return post(url + "/slack/events", body, signed_headers(SECRET, body, content_type=content_type))

            def event(payload: dict) -> float:
                body = json.dumps({"team_id": TEAM, "type": "event_callback", "event_id": f"Ev{next(counter)}",
                                   "event": payload})
                return send(body, "application/json")[2]

            def interactive(payload: dict) -> tuple[int, str, float]:
                body = urlencode({"payload": json.dumps({"team": {"id": TEAM}, "user": {"id": USER}, **payload,
                                                         "n": next(counter)})})
                return send(body, "application/x-www-form-urlencoded")

            def until(method: str, count: int, started: float) -> float:
                slack.wait_for(method, count, timeout=30)
                return time.perf_counter() - started

            print("over signed HTTP (uvicorn, bolt, the Slack stand-in on loopback); ack = the HTTP answer")
            for label, method, make in [
                ("App Home opened -> views.publish", "views.publish",
                 lambda: event({"type": "app_home_opened", "user": USER, "tab": "home"})),
                ("shortcut -> views.open", "views.open",
                 lambda: interactive({"type": "shortcut", "callback_id": "ask_crimebot", "trigger_id": "t"})[2]),
                ("form submitted -> answer in the DM", "chat.postMessage",
                 lambda: interactive({"type": "view_submission", "view": {"type": "modal", "callback_id": "ask_crimebot_form",
                                      "state": {"values": {"indicator": {"ask_indicator": {
                                          "type": "external_select", "selected_option": {"value": "shoplifting"}}}}}}})[2]),
                ("DM question -> answer in the DM", "chat.postMessage",
                 lambda: event({"type": "message", "channel_type": "im", "channel": "D0BENCH", "user": USER,
                                "text": "asb wards", "ts": f"1.{next(counter)}"})),
            ]:
                acks, done = [], []
                for _ in range(args.repeat):
                    count = len(slack.calls_to(method)) + 1
                    started = time.perf_counter()
                    acks.append(make())
                    done.append(until(method, count, started))
                print(f"  {label:<38} ack {ms(acks)}; delivered {ms(done)}")
            rounds = [interactive({"type": "block_suggestion", "action_id": "ask_indicator", "block_id": "indicator",
                                   "value": t, "view": {"type": "modal"}})[2] for t in typed * 5]
            print(f"  {'type-ahead options (in the ack)':<38} {ms(rounds)}")


if __name__ == "__main__":
    main()
