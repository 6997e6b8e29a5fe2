"""The one CSV writer of every CSV export: UTF-8 with a BOM (so that Excel reads the Korean), and no field that a
spreadsheet would run. A text beginning with "=", "+", "-", "@", a tab or a carriage return is read by Excel and
LibreOffice as a formula (CSV injection: `=HYPERLINK(...)`, `@SUM(...)`, `-2+3`); such a text gets a leading
apostrophe, which the spreadsheet shows as text. Numbers, dates and other values that are not text go as they are
(a negative amount stays a number).

Contract:
- csv_safe(value) -> value   the field as it may go into a CSV file
- csv_response(*, filename, header, rows, fallback="") -> HttpResponse   an attachment (its name in Korean through
      core.downloads, `fallback` the ASCII name); every field through csv_safe
"""

from __future__ import annotations

import csv
from collections.abc import Iterable

from django.http import HttpResponse

from iljari.core.downloads import download_named

ACTIVE_FIRST = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    if isinstance(value, str) and value.startswith(ACTIVE_FIRST):
        return "'" + value
    return value


def csv_response(*, filename: str, header: list[str], rows: Iterable[Iterable], fallback: str = "") -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    download_named(response, filename, fallback=fallback)
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([csv_safe(field) for field in header])
    for row in rows:
        writer.writerow([csv_safe(field) for field in row])
    return response
