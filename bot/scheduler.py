"""The digest schedule: APScheduler 3 cron in the partnership's time zone, inside ``crimebot serve``.

The schedule only says *when*; the ledger makes each digest go out once whatever fires it: the cron
job, the catch-up at start-up (the most recent run the bot missed while it was down, once, not once per
missed run), another process, or a person with ``crimebot digest --post``.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from .digest import FinancialQuarter
from .settings import Settings

log = logging.getLogger(__name__)


def digest_trigger(settings: Settings) -> CronTrigger:
    """The cron trigger from settings; ValueError says what is wrong with the crontab line or zone."""
    try:
        zone = ZoneInfo(settings.digest_timezone)
    except Exception as exc:
        raise ValueError(f"CRIMEBOT_DIGEST_TIMEZONE={settings.digest_timezone!r} is not a time zone "
                         "(e.g. Europe/London)") from exc
    try:
        return CronTrigger.from_crontab(settings.digest_cron, timezone=zone)
    except ValueError as exc:
        raise ValueError(f"CRIMEBOT_DIGEST_CRON={settings.digest_cron!r} is not a crontab line "
                         f"(minute hour day month weekday, e.g. '0 9 15 1,4,7,10 *'): {exc}") from exc


def next_run(trigger: CronTrigger, now: datetime) -> datetime | None:
    return trigger.get_next_fire_time(None, now)


def last_run(trigger: CronTrigger, now: datetime, horizon_days: int = 400) -> datetime | None:
    """The most recent scheduled time at or before ``now`` (within the horizon), or None.

    Looks back over a window that doubles until it holds a fire time, so a schedule firing every second
    costs as little to search as one firing every quarter.
    """
    window, horizon = timedelta(seconds=1), timedelta(days=horizon_days)
    while window <= 2 * horizon:
        fire = trigger.get_next_fire_time(None, now - window)
        if fire is not None and fire <= now:
            while True:
                later = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
                if later is None or later > now:
                    return fire
                fire = later
        window *= 2
    return None


class DigestScheduler:
    """Runs ``poster.post(quarter just ended)`` on the trigger; catches up once at start-up; and every
    ``recovery_seconds`` settles digest posts that another process (a replica killed mid-post) left cut off.

    Every replica runs the same schedule: the ledger's claims, not the scheduler, keep each digest to one
    post (APScheduler's job stores must never be shared between schedulers).
    """

    def __init__(self, poster, trigger: CronTrigger, clock=None, recovery_seconds: int | None = None):
        self.poster, self.trigger, self.recovery_seconds = poster, trigger, recovery_seconds
        self.clock = clock or (lambda: datetime.now(trigger.timezone))
        self.scheduler: BackgroundScheduler | None = None

    def run(self, now: datetime | None = None):
        """The scheduled job: the digest of the quarter that ended before ``now`` to every subscription."""
        now = now or self.clock()
        quarter = FinancialQuarter.just_ended(now.astimezone(self.trigger.timezone).date())
        outcomes = self.poster.post(quarter)
        log.info("digest run for %s: %s", quarter.label, ", ".join(f"{o.channel} {o.status}" for o in outcomes) or
                 "no subscribed channels")
        return outcomes

    def catch_up(self, now: datetime | None = None):
        """If a scheduled run passed while the bot was down, run it now (the ledger keeps it to once)."""
        now = now or self.clock()
        missed = last_run(self.trigger, now)
        if missed is None:
            return []
        log.info("catching up the digest run of %s", missed.isoformat())
        return self.run(missed)

    def recover(self):
        """Settle posts whose claimer is gone (on this host: its process ended; elsewhere: its lease ran out)."""
        try:
            return self.poster.recover("Posts another process left cut off")
        except Exception:  # the database or Slack is away for now: the next sweep tries again
            log.exception("settling interrupted digest posts failed")
            return []

    def start(self) -> None:
        self.catch_up()
        self.scheduler = BackgroundScheduler(timezone=self.trigger.timezone)
        self.scheduler.add_job(self.run, self.trigger, id="quarterly-digest", coalesce=True, max_instances=1,
                               misfire_grace_time=3600)
        if self.recovery_seconds:
            self.scheduler.add_job(self.recover, "interval", seconds=self.recovery_seconds, id="digest-recovery",
                                   coalesce=True, max_instances=1)
        self.scheduler.start()
        log.info("next digest run: %s", next_run(self.trigger, self.clock()))

    def shutdown(self) -> None:
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)


class FetchScheduler:
    """The monthly police.uk fetch inside ``crimebot serve``: download and import the newest archive (a month
    imported already is skipped), reload the served data, and tell the admins by direct message if it fails."""

    def __init__(self, settings: Settings, service, tell_admins, clock=None):
        self.settings, self.service, self.tell_admins = settings, service, tell_admins
        zone = ZoneInfo(settings.digest_timezone)
        try:
            self.trigger = CronTrigger.from_crontab(settings.police_uk_fetch_cron, timezone=zone)
        except ValueError as exc:
            raise ValueError(f"CRIMEBOT_POLICE_UK_FETCH_CRON={settings.police_uk_fetch_cron!r} is not a crontab line "
                             f"(minute hour day month weekday, e.g. '0 7 20 * *'): {exc}") from exc
        self.clock = clock or (lambda: datetime.now(zone))
        self.scheduler: BackgroundScheduler | None = None

    def run(self) -> str:
        """The scheduled job; returns what happened, in words (also logged), and never raises."""
        from .datapack import DataError
        from .fetch import FetchError, fetch_police_uk

        try:
            month, report = fetch_police_uk(self.settings, progress=False, today=self.clock().date())
        except (FetchError, DataError, OSError) as exc:
            text = f"The monthly police.uk fetch failed; still serving the data from before. {exc}"
            log.warning(text)
            self.tell_admins(text)
            return text
        except Exception:
            log.exception("police.uk fetch failed")
            text = "The monthly police.uk fetch failed (see the bot's log); still serving the data from before."
            self.tell_admins(text)
            return text
        if report is None:
            text = f"police.uk {month}: imported already; nothing to fetch."
        else:
            text = f"police.uk {month}: {report.summary().splitlines()[0]}. {self.service.reload()}"
        log.info(text)
        return text

    def start(self) -> None:
        self.scheduler = BackgroundScheduler(timezone=self.trigger.timezone)
        self.scheduler.add_job(self.run, self.trigger, id="police-uk-fetch", coalesce=True, max_instances=1,
                               misfire_grace_time=6 * 3600)
        self.scheduler.start()
        log.info("next police.uk fetch: %s", next_run(self.trigger, self.clock()))

    def shutdown(self) -> None:
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
