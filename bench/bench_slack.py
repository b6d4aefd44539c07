"""Benchmark the Slack front door: N concurrent signed slash commands into `crimebot serve --http` (its
own process, as deployed) on loopback, answers delivered to a local Slack stand-in in this process. Prints ack latency p50/p99/max and how many answers
arrived; asserts nothing.

    .venv/bin/python bench/bench_slack.py [--commands 50] [--rounds 3]
"""
import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ["shoplifting maidstone 2012/13", "rank changes", "priority road safety", "asb wards",
             "outcome rate september 2013", "thanet all crime", "shopliftng 2011-12", "compare asb",
             "trend recorded crime", "DA repeat victims"]
SECRET = "bench-signing-secret"


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--commands", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bot.slack.standin import SlackStandIn, signed_headers

    with SlackStandIn() as slack, tempfile.TemporaryDirectory() as state:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "CRIMEBOT_STATE_DIR": state, "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_APP_TOKEN": "",
               "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": slack.api_url, "CRIMEBOT_ALLOWED_TEAMS": "T0BENCH"}
        server = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--http", "--host", "127.0.0.1",
                                   "--port", str(port)], cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    urllib.request.urlopen(url + "/healthz", timeout=2).read()
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("crimebot serve did not start")
                    time.sleep(0.1)
            def send(i, round_no):
                body = urlencode({"team_id": "T0BENCH", "channel_id": "C0", "user_id": f"U{i}", "command": "/crime",
                                  "text": QUESTIONS[i % len(QUESTIONS)],
                                  "response_url": slack.response_url(f"r{round_no}-{i}")})
                request = urllib.request.Request(url + "/slack/events", data=body.encode(),
                                                 headers=signed_headers(SECRET, body), method="POST")
                start = time.perf_counter()
                with urllib.request.urlopen(request, timeout=30) as response:
                    response.read()
                    return time.perf_counter() - start, response.status

            send(0, "warm")  # first request: bolt's auth.test, thread pools
            slack.wait_for("warm-0")
            for round_no in range(args.rounds):
                start = time.perf_counter()
                with ThreadPoolExecutor(max_workers=args.commands) as pool:
                    results = list(pool.map(lambda i: send(i, round_no), range(args.commands)))
                acks = [t * 1000 for t, _ in results]
                deadline = time.monotonic() + 60
                delivered = 0
                while time.monotonic() < deadline:
                    delivered = sum(1 for c in slack.calls if c.kind == "response_url" and c.name.startswith(f"r{round_no}-"))
                    if delivered >= args.commands:
                        break
                    time.sleep(0.01)
                all_answered = time.perf_counter() - start
                print(f"round {round_no + 1}: {args.commands} concurrent commands: ack p50 "
                      f"{statistics.median(acks):.0f} ms, p99 {percentile(acks, 99):.0f} ms, max {max(acks):.0f} ms "
                      f"(goal: every ack < 1,000 ms; {sum(a < 1000 for a in acks)}/{len(acks)} were); "
                      f"statuses {sorted({s for _, s in results})}; answers delivered {delivered}/{args.commands} "
                      f"in {all_answered:.2f} s")
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
