"""Publication dates from metadata, as ISO 8601 to the precision given.

Only metadata is read here (a header line, a feed's date, a page's meta tag);
dates in the running text are the time stage's work.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

__all__ = ["iso_date"]

_ISO_DATE = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ]\S.*)?")
_WEEKDAY = re.compile(r"^[A-Za-z]+day,?\s+", re.IGNORECASE)
# The spelled-out forms news sites put in bylines, with how many ISO parts each gives.
_DATE_FORMATS = (
    ("%d %B %Y", 3),
    ("%d %b %Y", 3),
    ("%B %d, %Y", 3),
    ("%b %d, %Y", 3),
    ("%B %d %Y", 3),
    ("%b %d %Y", 3),
    ("%B %Y", 2),
    ("%b %Y", 2),
)


def iso_date(value: str | None) -> str | None:
    """An ISO date from metadata ("2026-01-28", "2026-01", "2026"), or None.

    Accepts ISO dates and timestamps (the date part is kept, in the stamp's
    own zone), RFC 2822 as feeds write it, and "28 January 2026"-style dates.
    Day-month order is never guessed: "01/02/2026" gives None.
    """
    value = (value or "").strip()
    if not value:
        return None
    if m := _ISO_DATE.fullmatch(value):
        parts = [int(p) for p in m.groups() if p]
        try:
            date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
        except ValueError:
            return None
        return "-".join([f"{parts[0]:04d}"] + [f"{p:02d}" for p in parts[1:]])
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    bare = _WEEKDAY.sub("", value)
    for fmt, precision in _DATE_FORMATS:
        try:
            return datetime.strptime(bare, fmt).date().isoformat()[: 3 * precision + 1]
        except ValueError:
            continue
    return None
