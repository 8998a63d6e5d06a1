"""Keep tokens and secrets out of every log line.

python-telegram-bot puts the bot token in every Bot API URL, and httpx logs each request URL at
INFO: with ``factbot -v telegram`` the token would be on every line. Rather than chase each
library's loggers, every log record is rendered and redacted when it is created.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

_secrets: set[str] = set()
_lock = threading.Lock()
_installed = False
_hide_updates = False
MASK = "[redacted]"
# python-telegram-bot's own loggers, whose error lines put whole updates (people's words and
# names) or raw getUpdates data in the message.


def redact(text: str) -> str:
    for secret in sorted(_secrets, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def _only_ids(value: Any) -> Any:
    """An update (or raw update data) as its id alone; anything else as it is."""
    from telegram import Update

    if isinstance(value, Update):
        return f"<update {value.update_id}>"
    if isinstance(value, dict) and "update_id" in value:
        return f"<update {value.get('update_id')}>"
    if isinstance(value, list | tuple) and any(isinstance(v, dict | Update) for v in value):
        return [_only_ids(v) for v in value]
    if isinstance(value, dict | list | tuple | str | bytes) and len(value) > 200:
        return f"<{type(value).__name__} of length {len(value)}>"
    return value


def hide_update_content_in_logs() -> None:
    """From now on, python-telegram-bot's warnings and errors name updates by their id: they
    never carry what people wrote, or their names, into the log."""
    global _hide_updates
    _hide_updates = True
    redact_secrets_in_logs()


def _scrub(record: logging.LogRecord) -> None:
    if record.levelno < logging.WARNING or record.name.split(".")[0] != "telegram":
        return
    if isinstance(record.args, tuple):
        record.args = tuple(_only_ids(a) for a in record.args)
    elif isinstance(record.args, dict):
        record.args = {k: _only_ids(v) for k, v in record.args.items()}


def redact_secrets_in_logs(*secrets: str | None) -> None:
    """From now on, these strings never appear in a log record's message or arguments."""
    global _installed
    with _lock:
        _secrets.update(s for s in secrets if s and len(s) >= 8)
        if _installed:
            return
        _installed = True
        make_record = logging.getLogRecordFactory()

        def redacting_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = make_record(*args, **kwargs)
            if _hide_updates:
                _scrub(record)
            if _secrets:
                try:
                    message = record.getMessage()
                except Exception:  # a malformed format string: leave it to the handler
                    return record
                record.msg, record.args = redact(message), None
            return record

        logging.setLogRecordFactory(redacting_record)
