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
MASK = "[redacted]"


def redact(text: str) -> str:
    for secret in sorted(_secrets, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


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
            if _secrets:
                try:
                    message = record.getMessage()
                except Exception:  # a malformed format string: leave it to the handler
                    return record
                record.msg, record.args = redact(message), None
            return record

        logging.setLogRecordFactory(redacting_record)
