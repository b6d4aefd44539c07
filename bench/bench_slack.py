"""Benchmark the Slack front door: N concurrent signed slash commands into `crimebot serve --http` (its
own process, as deployed) on loopback, answers delivered to a local Slack stand-in in this process;
first with nobody else at the door, then with hostile clients holding it: connections that never finish
their headers (slowloris), unsigned bodies just under the 1 MB limit trickled a few bytes a second,
and clients sending 100 MB bodies as fast as they can. Each hostile client reconnects a second after
the server drops it. Prints ack latency p50/p99/max, how many answers arrived, /healthz
latency, the hostile connections held open, and the server's memory; asserts nothing.

    .venv/bin/python bench/bench_slack.py [--commands 50] [--rounds 3] [--hostile 1000]
"""
import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
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


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Hostiles:
    """Hostile clients on their own event loop: each reconnects as soon as the server drops it."""

    def __init__(self, port: int, slow: int, trickle: int, floods: int):
        self.port, self.plan = port, {"slowloris": slow, "slow body": trickle, "100 MB flood": floods}
        self.open = {kind: 0 for kind in self.plan}
        self.dropped = {kind: 0 for kind in self.plan}
        self.answers: dict[str, int] = {}
        self._stop = False
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop = True
        self._thread.join(timeout=30)

    async def _main(self):
        await asyncio.gather(*(self._client(kind) for kind, n in self.plan.items() for _ in range(n)))

    async def _client(self, kind: str):
        head = f"POST /slack/events HTTP/1.1\r\nHost: bench\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        while not self._stop:
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
            except OSError:
                await asyncio.sleep(1)
                continue
            self.open[kind] += 1
            try:
                if kind == "slowloris":  # a header line now and then, never the blank line that ends them
                    writer.write(head.encode())
                    while not self._stop and not reader.at_eof():
                        writer.write(b"X-Slow: 1\r\n")
                        await writer.drain()
                        await asyncio.sleep(2)
                        if reader.at_eof() or writer.is_closing():
                            break
                        try:
                            if await asyncio.wait_for(reader.read(1), 0.01) == b"":
                                break
                        except asyncio.TimeoutError:
                            pass
                else:
                    flood = kind == "100 MB flood"
                    writer.write((head + "X-Slack-Request-Timestamp: 1\r\nX-Slack-Signature: v0=0\r\n"
                                  f"Content-Length: {100_000_000 if flood else 999_000}\r\n\r\n").encode())
                    chunk = b"x" * (1_000_000 if flood else 10)
                    while not self._stop:
                        writer.write(chunk)
                        await writer.drain()
                        try:
                            answer = await asyncio.wait_for(reader.read(64), 0.01 if flood else 1)
                        except asyncio.TimeoutError:
                            continue
                        status = answer[9:12].decode(errors="replace") or "closed"
                        self.answers[status] = self.answers.get(status, 0) + 1
                        break
            except (OSError, ConnectionError):
                pass
            finally:
                self.open[kind] -= 1
                self.dropped[kind] += 1
                writer.close()
            await asyncio.sleep(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--commands", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--hostile", type=int, default=1000, help="slow and oversized clients at the door")
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

            def send(i, label):
                body = urlencode({"team_id": "T0BENCH", "channel_id": "C0", "user_id": f"U{i}", "command": "/crime",
                                  "text": QUESTIONS[i % len(QUESTIONS)],
                                  "response_url": slack.response_url(f"{label}-{i}")})
                request = urllib.request.Request(url + "/slack/events", data=body.encode(),
                                                 headers=signed_headers(SECRET, body), method="POST")
                start = time.perf_counter()
                try:
                    with urllib.request.urlopen(request, timeout=30) as response:
                        response.read()
                        return time.perf_counter() - start, response.status
                except OSError as exc:
                    return time.perf_counter() - start, getattr(exc, "code", exc.__class__.__name__)

            def healthz():
                start = time.perf_counter()
                urllib.request.urlopen(url + "/healthz", timeout=30).read()
                return (time.perf_counter() - start) * 1000

            send(0, "warm")  # first request: bolt's auth.test, thread pools
            slack.wait_for("warm-0")

            def rounds(title: str):
                print(title)
                for round_no in range(args.rounds):
                    label = f"{title.split()[0]}{round_no}"
                    start = time.perf_counter()
                    with ThreadPoolExecutor(max_workers=args.commands) as pool:
                        results = list(pool.map(lambda i: send(i, label), range(args.commands)))
                    acks = [t * 1000 for t, _ in results]
                    deadline = time.monotonic() + 60
                    delivered = 0
                    while time.monotonic() < deadline:
                        delivered = sum(1 for c in slack.calls if c.kind == "response_url"
                                        and c.name.startswith(f"{label}-"))
                        if delivered >= args.commands:
                            break
                        time.sleep(0.01)
                    all_answered = time.perf_counter() - start
                    print(f"  round {round_no + 1}: {args.commands} concurrent signed commands: ack p50 "
                          f"{statistics.median(acks):.0f} ms, p99 {percentile(acks, 99):.0f} ms, max {max(acks):.0f} ms "
                          f"(goal: every ack < 1,000 ms; {sum(a < 1000 for a in acks)}/{len(acks)} were); "
                          f"statuses {sorted({str(s) for _, s in results})}; answers delivered "
                          f"{delivered}/{args.commands} in {all_answered:.2f} s; /healthz {healthz():.0f} ms")

            print(f"server memory at rest: {rss_mb(server.pid):.0f} MB")
            rounds("quiet: no other clients")
            slow = args.hostile // 2
            with Hostiles(port, slow=slow, trickle=args.hostile - slow, floods=10) as hostile:
                time.sleep(5)  # let them crowd the door
                print(f"hostile clients at the door: {sum(hostile.open.values())} open "
                      f"({', '.join(f'{k} {v}' for k, v in hostile.open.items())}); server memory "
                      f"{rss_mb(server.pid):.0f} MB")
                rounds(f"hostile: {args.hostile} slow unsigned clients at the door and 10 sending 100 MB bodies")
                print(f"  the hostile clients, meanwhile: connections closed by the server {hostile.dropped}; "
                      f"answers they got {dict(sorted(hostile.answers.items()))}; server memory "
                      f"{rss_mb(server.pid):.0f} MB")
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
