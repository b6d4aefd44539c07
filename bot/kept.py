"""Results kept between processes in the bot's private state directory, so that `crimebot ask` does not
rebuild at every start what only changes with the data or the code."""
from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path
from typing import Callable, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


def kept(folder: Path | None, kind: str, digest: str, build: Callable[[], T], what: str) -> T:
    """``build()``'s result, kept in ``folder`` as ``<kind>-<digest>.pickle``.

    The digest must name everything the result depends on: a file found under that name is used as it is.
    A damaged or foreign file is built again; files of the same kind under other digests are removed once
    the new one is written (one os.replace: a reader sees the whole file or none). Without a folder, or
    when it cannot be written, the result is built each time and the answer is the same.
    """
    if folder is None:
        return build()
    path = Path(folder) / f"{kind}-{digest[:16]}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        pass
    except Exception:  # a damaged or foreign file: built again below
        log.warning("the kept %s %s could not be read; building it again", what, path.name)
    result = build()
    try:
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in Path(folder).glob(f"{kind}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:  # a read-only state directory: answered all the same, built each time
        log.warning("could not keep the %s in %s: %s", what, folder, exc.strerror)
    return result
