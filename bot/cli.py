"""The ``crimebot`` command line: the same functions Slack calls, without Slack.

    crimebot ask "shoplifting maidstone 2012/13" [--format text|markdown|json|csv] [--chart FILE.png] [--xlsx FILE.xlsx]
    crimebot data check [--format json]
    crimebot home
    crimebot digest [--period "Q2 2013/14"] [--priority NAME] [--format text] [--post [--channel ID] [--force]]
    crimebot import police-uk PATH... [--wards LOOKUP.csv]
    crimebot import police-uk --fetch [--month YYYY-MM]
    crimebot import population FILE
    crimebot import pack FILE-or-DIR
    crimebot serve [--http --port 3000]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .settings import Settings


def _data_check(settings: Settings, fmt: str) -> int:
    from .database import connect_readonly, ensure_database
    from .datapack import DataError

    try:
        database = ensure_database(settings.data_dir, settings.state_dir)
    except DataError as exc:
        if fmt == "json":
            print(json.dumps({"error": {"message": str(exc), "file": exc.file, "row": exc.row,
                                        "column": exc.column}}, indent=2))
        else:
            print(f"crimebot: the data in {settings.data_dir} cannot be loaded.\n  {exc}", file=sys.stderr)
        return 2
    con = connect_readonly(database)
    try:
        tables = con.execute("""
            SELECT c.table_id AS "table", c.section, c.title, count(f.value) AS figures
            FROM catalog c LEFT JOIN facts f USING (table_id)
            GROUP BY c.table_id, c.section, c.title, c.precedence ORDER BY c.precedence, c.section, c.table_id
        """).df()
        issues = con.execute("""
            SELECT severity, rule, "table", section, indicator, area, period, measure, published, computed,
                   stored, note, also
            FROM data_issues ORDER BY issue_id
        """).df()
        figures = int(con.execute("SELECT count(*) FROM facts").fetchone()[0])
    finally:
        con.close()
    if fmt == "json":
        records = json.loads(issues.to_json(orient="records"))
        print(json.dumps({"tables": json.loads(tables.to_json(orient="records")), "figures": figures,
                          "issues": records}, indent=2, ensure_ascii=False))
        return 0
    print(f"Loaded {len(tables)} tables, {figures} figures from {settings.data_dir}\n")
    for row in tables.itertuples():
        print(f"  {row.section:<12} {row.table:<22} {row.figures:>4}  {row.title}")
    order = ["error", "correction", "rounding", "text", "excluded"]
    titles = {"error": "Disagreements (a figure that cannot follow from its parts)",
              "correction": "Corrections (the stored value differs from the printed one)",
              "rounding": "Rounding (within one unit of the last printed digit)",
              "text": "Text errata and contradictions", "excluded": "Rows left out"}
    print(f"\n{len(issues)} issues found in the published text:")
    for severity in order:
        group = issues[issues.severity == severity]
        if group.empty:
            continue
        print(f"\n{titles[severity]}: {len(group)}")
        for row in group.itertuples():
            where = " ".join(str(x) for x in (row.indicator, row.area, row.period, row.measure) if x)
            print(f"  [{row.section}] {where or row.published}")
            print(f"      {row.note}")
    return 0


def _open_service(settings: Settings, command: str):
    """The data, loaded and gated, or None after saying why not (file, row, column) on stderr."""
    from .datapack import DataError
    from .queries import QueryRejected
    from .service import Service

    try:
        return Service(settings)
    except (DataError, QueryRejected) as exc:
        print(f"crimebot {command}: cannot load the data: {exc}", file=sys.stderr)
        return None


def _write(path: str, data: bytes, what: str) -> bool:
    try:
        with open(path, "wb") as out:
            out.write(data)
    except OSError as exc:
        print(f"crimebot: cannot write the {what} to {path}: {exc.strerror}", file=sys.stderr)
        return False
    print(f"crimebot: {what} written to {path}", file=sys.stderr)
    return True


def _ask(settings: Settings, text: str, fmt: str, chart: str | None = None, xlsx: str | None = None,
         notes: str = "short") -> int:
    from .render import render

    service = _open_service(settings, "ask")
    if service is None:
        return 2
    result = service.ask(text)
    if fmt == "csv" and not sys.stdout.isatty():
        from .spreadsheet import BOM

        sys.stdout.write(BOM)  # into a file: Excel then reads it as UTF-8 (arrows, dashes)
    print(render(result, fmt, notes=notes))
    if result.error:
        return 1
    if xlsx:
        from .spreadsheet import workbook

        if not _write(xlsx, workbook(result), "workbook"):
            return 1
    if chart:
        from .charts import NoChart, draw

        try:
            png = draw(result)
        except NoChart as exc:
            print(f"crimebot: no chart written: {exc}", file=sys.stderr)
            return 1
        if not _write(chart, png, "chart"):
            return 1
    return 0


def _home(settings: Settings) -> int:
    """The App Home's dashboard in the terminal: the same content Slack's Home tab shows."""
    from .dashboard import dashboard

    service = _open_service(settings, "home")
    if service is None:
        return 2
    board = dashboard(service.answerer, settings.state_dir)
    print(f"{board.partnership}\n{board.currency}. From the {board.document}.\n")
    for p in board.priorities:
        direction = f"  {p.direction.arrow} {p.direction.words}" if p.direction else ""
        print(f"{p.name}\n  {p.headline}\n{direction + chr(10) if direction else ''}  ask: {p.ask}")
    print("\nMost asked: " + "; ".join(f"{label}: crimebot ask \"{q}\"" for label, q in board.questions))
    return 0


def _open_ledger(settings: Settings, command: str):
    """The digest ledger (SQLite in the state directory, or CRIMEBOT_DATABASE_URL's PostgreSQL), or None after
    saying plainly why it cannot be opened."""
    import sqlalchemy.exc

    from .ledger import Ledger
    from .logs import redact
    from .store import engine_for

    try:
        return Ledger(engine_for(settings))
    except ValueError as exc:
        print(f"crimebot {command}: {exc}", file=sys.stderr)
    except sqlalchemy.exc.SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        where = "CRIMEBOT_DATABASE_URL" if settings.database_url else f"the ledger {settings.ledger_path}"
        print(redact(f"crimebot {command}: cannot open {where}: {reason}", settings), file=sys.stderr)
    return None


def _digest(settings: Settings, args) -> int:
    """Preview a quarter's digest, or post it (exactly once per channel) to the subscribed channels."""
    from .answer import NoAnswer
    from .digest import Digester, FinancialQuarter
    from .render import render

    try:
        quarter = FinancialQuarter.parse(args.period) if args.period else None
    except ValueError as exc:
        print(f"crimebot digest: {exc}", file=sys.stderr)
        return 2
    service = _open_service(settings, "digest")
    if service is None:
        return 2
    digester = Digester(service.answerer)
    try:
        priority = digester.priority(args.priority)["id"] if args.priority else None
    except NoAnswer as exc:
        print(f"crimebot digest: {exc}", file=sys.stderr)
        return 2
    quarter = quarter or digester.latest_quarter()
    if not args.post:
        print(render(digester.digest(quarter, priority), args.format, notes=args.notes))
        return 0
    if not settings.slack_bot_token:
        print("crimebot digest --post: set SLACK_BOT_TOKEN (see .env.example).", file=sys.stderr)
        return 2
    from .slack.app import web_client
    from .slack.digests import DigestPoster

    ledger = _open_ledger(settings, "digest")
    if ledger is None:
        return 2
    poster = DigestPoster(settings, service, web_client(settings), ledger)
    targets = [(args.channel, priority)] if args.channel else \
        [(c, p) for c, p in poster.ledger.subscriptions() if priority is None or p == priority]
    if not targets:
        print("crimebot digest --post: no channel to post to: give --channel ID, set CRIMEBOT_DIGEST_CHANNELS, or "
              "/crime subscribe in a channel.", file=sys.stderr)
        return 2
    outcomes = poster.post(quarter, targets, force=args.force)
    for outcome in outcomes:
        print(outcome.describe(quarter).replace("<#", "").replace(">", ""))
    return 1 if any(o.status == "failed" for o in outcomes) else 0


def _import(settings: Settings, args) -> int:
    """Load new data; on any fault say which file, row and column, and change nothing."""
    from .datapack import DataError
    from .fetch import FetchError
    from .imports import import_pack, import_police_uk, import_population

    try:
        if args.import_command == "police-uk" and args.fetch:
            from .fetch import fetch_police_uk

            month, report = fetch_police_uk(settings, args.month)
            print(report.summary() if report else f"The police.uk archive for {month} was imported already; "
                  "nothing to do.")
        elif args.import_command == "police-uk":
            if not args.paths:
                print("crimebot import police-uk: give the files, folders or archives, or --fetch.", file=sys.stderr)
                return 2
            report = import_police_uk(settings, [Path(p) for p in args.paths],
                                      Path(args.wards) if args.wards else None)
            print(report.summary())
        elif args.import_command == "population":
            areas, years, _ = import_population(settings, Path(args.path))
            print(f"Imported mid-year population estimates for {areas} areas, {years[0]} to {years[-1]}: each "
                  "year's police.uk rates and county ranks now use that year's estimate (or the nearest earlier).")
        else:
            installed, figures = import_pack(settings, Path(args.path))
            print(f"Installed the data pack from {args.path} ({figures:,} figures) at {installed}; it is now served "
                  "(CRIMEBOT_DATA_DIR, when set, still wins). A running bot picks it up on /crime reload.")
    except DataError as exc:
        print(f"crimebot import: nothing was changed. {exc}", file=sys.stderr)
        return 2
    except FetchError as exc:
        print(f"crimebot import: nothing was changed; the download failed: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"crimebot import: nothing was changed. {exc.strerror}: {exc.filename}", file=sys.stderr)
        return 2
    except Exception:
        import logging

        logging.getLogger("crimebot.import").exception("import failed")
        print("crimebot import: nothing was changed; the import failed (the log in the state directory has the "
              "details).", file=sys.stderr)
        return 2
    print("Ask, e.g.: crimebot ask \"shoplifting\" (the home district, the latest year), or \"trend all crime\".")
    return 0


def _serve(settings: Settings, use_http: bool, host: str, port: int) -> int:
    """Run the Slack app until stopped; say plainly what is missing rather than fail with a trace."""
    import dataclasses
    import logging

    from slack_sdk.errors import SlackApiError

    from .slack.app import create_app, web_client

    log = logging.getLogger("crimebot.serve")
    installs = bool(settings.slack_client_id and settings.slack_client_secret)  # many workspaces, tokens stored
    if installs and not use_http:
        print("crimebot serve: installs into many workspaces (SLACK_CLIENT_ID) need --http: Slack redirects "
              "installs to /slack/oauth_redirect.", file=sys.stderr)
        return 2
    missing = [name for name, value in (("SLACK_BOT_TOKEN", settings.slack_bot_token or installs),
                                        ("SLACK_SIGNING_SECRET" if use_http else "SLACK_APP_TOKEN",
                                         settings.slack_signing_secret if use_http else settings.slack_app_token))
               if not value]
    if missing:
        how = "HTTP mode needs the app's signing secret" if use_http else \
            "Socket Mode needs an app-level token (or run with --http and a signing secret)"
        print(f"crimebot serve: set {' and '.join(missing)} ({how}); see README, 'Connect to Slack', "
              "and .env.example.", file=sys.stderr)
        return 2
    service = _open_service(settings, "serve")
    if service is not None:
        service.warm_up()
    if service is None:
        return 2
    from .logs import redact

    client = web_client(settings)  # one Web API client for the token check, the digests and the app
    try:
        identity = client.auth_test() if settings.slack_bot_token else {"team_id": None, "user": "crimebot"}
    except SlackApiError as exc:
        print(redact(f"crimebot serve: Slack refused SLACK_BOT_TOKEN ({exc.response.get('error')}).", settings),
              file=sys.stderr)
        return 2
    except OSError as exc:
        print(redact(f"crimebot serve: cannot reach Slack's Web API at {settings.slack_api_url} ({exc}).", settings),
              file=sys.stderr)
        return 2
    if not settings.allowed_team_ids and not installs:  # the bot's own workspace, unless told otherwise
        settings = dataclasses.replace(settings, allowed_team_ids=frozenset({identity["team_id"]}))
    from .scheduler import DigestScheduler, digest_trigger
    from .slack.digests import DigestPoster, admin_commands

    try:
        trigger = digest_trigger(settings)
    except ValueError as exc:
        print(f"crimebot serve: {exc}", file=sys.stderr)
        return 2
    ledger = _open_ledger(settings, "serve")
    if ledger is None:
        return 2
    from .datapack import DataError
    from .queries import QueryRejected
    from .service import Partnerships

    try:  # every partnership this deployment serves (CRIMEBOT_PARTNERSHIPS), each from its own pack
        partnerships = Partnerships.open(settings, service, ledger)
    except (DataError, QueryRejected, ValueError) as exc:
        print(f"crimebot serve: cannot load a partnership: {exc}", file=sys.stderr)
        return 2
    poster = DigestPoster(settings, partnerships, client, ledger)
    app = create_app(settings, partnerships, admin_commands(poster), client, token_team=identity["team_id"],
                     poster=poster)
    poster.recover()  # posts a crash or kill cut off last time: settled from the channels' history
    scheduler = DigestScheduler(poster, trigger, recovery_seconds=settings.recovery_seconds)
    scheduler.start()
    if settings.police_uk_fetch_cron:
        from .scheduler import FetchScheduler

        try:  # each partnership keeps its own police.uk months, placed in its own areas
            for each in partnerships.services.values():
                FetchScheduler(each.settings, each,
                               lambda text: poster.tell_admins(text, "crimebot police.uk fetch")).start()
        except ValueError as exc:
            print(f"crimebot serve: {exc}", file=sys.stderr)
            return 2
    log.info("serving workspace(s) %s as %s", ", ".join(sorted(settings.allowed_team_ids)) or
             "every installed workspace", identity.get("user"))
    if use_http:
        from .slack.server import http_app, serve_http

        serve_http(http_app(app, settings.slack_signing_secret, health=ledger.health), host, port)
        return 0
    from .slack.server import serve_socket_mode

    try:
        serve_socket_mode(app, settings.slack_app_token)
    except SlackApiError as exc:
        print(redact(f"crimebot serve: Slack refused SLACK_APP_TOKEN ({exc.response.get('error')}); it needs the "
                     "connections:write scope.", settings), file=sys.stderr)
        return 2
    return 0


def _month(text: str) -> str:
    import re

    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
        raise argparse.ArgumentTypeError(f"'{text}' is not a month as YYYY-MM")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crimebot", description="Crime and disorder figures, asked in plain words.")
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer a question, as /crime does in Slack")
    ask.add_argument("text", nargs="*", help='the question, e.g. "shoplifting maidstone 2012/13"')
    ask.add_argument("--format", choices=["text", "markdown", "json", "csv"], default="text")
    ask.add_argument("--chart", metavar="FILE.png", help="also draw the answer's chart (trend, spc, ranks, wards) as a PNG")
    ask.add_argument("--xlsx", metavar="FILE.xlsx", help="also write the answer as an Excel workbook (a sheet per table, "
                     "and the notes and sources)")
    ask.add_argument("--notes", choices=["short", "full"], default="short",
                     help="short: the two most important notes, the rest folded under 'More notes'; full: all in full")
    data = sub.add_parser("data", help="build and check the database built from data/")
    data_sub = data.add_subparsers(dest="data_command", required=True)
    check = data_sub.add_parser("check", help="load data/, recompute every derived figure, list disagreements")
    check.add_argument("--format", choices=["text", "json"], default="text")
    sub.add_parser("home", help="the Slack Home tab's dashboard: each priority's headline figure and direction")
    digest = sub.add_parser("digest", help="a quarter's digest: preview it, or --post it to the subscribed channels")
    digest.add_argument("--period", help='a financial quarter, e.g. "Q2 2013/14" (default: the latest in the data)')
    digest.add_argument("--priority", help="one priority's digest, e.g. 'road safety'")
    digest.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    digest.add_argument("--notes", choices=["short", "full"], default="short",
                        help="short: each note of the figures shown in one line; full: every note in full")
    digest.add_argument("--post", action="store_true", help="post it (once per channel: the ledger remembers)")
    digest.add_argument("--channel", help="post to this channel ID instead of the subscribed channels")
    digest.add_argument("--force", action="store_true", help="post even where the ledger says it was posted")
    imports = sub.add_parser("import", help="load new data: police.uk monthly files, or a whole data pack")
    import_sub = imports.add_subparsers(dest="import_command", required=True)
    police = import_sub.add_parser("police-uk", help="police.uk street-level CSVs: YYYY-MM folders, files or zips")
    police.add_argument("paths", nargs="*", metavar="PATH", help="files, YYYY-MM folders, or police.uk archive zips")
    police.add_argument("--fetch", action="store_true", help="download police.uk's newest archive (CRIMEBOT_POLICE_UK_URL)"
                        " and import it")
    police.add_argument("--month", metavar="YYYY-MM", type=_month, help="with --fetch: this month's archive")
    police.add_argument("--wards", metavar="LOOKUP.csv", help="LSOA-to-ward lookup (lsoa_code,ward) for ward figures")
    population = import_sub.add_parser("population", help="ONS mid-year population estimates for districts (CSV)")
    population.add_argument("path", metavar="FILE")
    pack = import_sub.add_parser("pack", help="a data pack in data/'s CSV schema (folder or zip)")
    pack.add_argument("path", metavar="FILE-or-DIR")
    serve = sub.add_parser("serve", help="run the Slack app: Socket Mode when SLACK_APP_TOKEN is set, or --http")
    serve.add_argument("--http", action="store_true", help="serve Slack's requests at /slack/events over HTTP")
    serve.add_argument("--port", type=int, default=3000)
    serve.add_argument("--host", default="0.0.0.0")
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
    except ValueError as exc:  # a setting that cannot be read: say which, never a traceback
        print(f"crimebot: a setting is not valid: {exc}. See .env.example.", file=sys.stderr)
        return 2
    from .logs import configure

    configure(settings, to_stderr=args.command == "serve")
    try:
        return _run(parser, args, settings)
    except BrokenPipeError:  # `crimebot ... | head`: the reader stopped reading; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(parser, args, settings: Settings) -> int:
    if args.command == "data":
        return _data_check(settings, args.format)
    if args.command == "ask":
        return _ask(settings, " ".join(args.text), args.format, args.chart, args.xlsx, args.notes)
    if args.command == "serve":
        return _serve(settings, args.http, args.host, args.port)
    if args.command == "import":
        return _import(settings, args)
    if args.command == "digest":
        return _digest(settings, args)
    if args.command == "home":
        return _home(settings)
    parser.error(f"unknown command {args.command}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
