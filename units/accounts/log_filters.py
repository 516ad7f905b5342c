"""Logging filters of the request log."""

import logging


class RefusalsWithoutTraceback(logging.Filter):
    """A refused request (403 and other 4xx) is logged as one line: the refusal is the app working, not a fault, and
    a traceback per probe would bury the real errors. Server errors keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        if 400 <= getattr(record, "status_code", 500) < 500:
            record.exc_info, record.exc_text = None, None
        return True
