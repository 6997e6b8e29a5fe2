"""Reading the year and the as-of date a figures page shows from its query string (never an error page)."""

from __future__ import annotations

from datetime import date

from iljari.reports.selectors import default_period


def figure_period(request) -> tuple[int, date, list[str]]:
    """(year, as_of, warnings). A malformed or out-of-range value falls back to the default with a warning."""
    warnings: list[str] = []
    year = None
    raw_year = request.GET.get("year", "")
    if raw_year:
        if raw_year.isdigit() and 2000 <= int(raw_year) <= 2100:
            year = int(raw_year)
        else:
            warnings.append(f"연도 '{raw_year}'을(를) 읽을 수 없어 기본 연도를 보여 줍니다.")
    asked = None
    raw_as_of = request.GET.get("as_of", "")
    if raw_as_of:
        try:
            asked = date.fromisoformat(raw_as_of)
        except ValueError:
            warnings.append(f"기준일 '{raw_as_of}'을(를) 읽을 수 없어 최근 기준일을 보여 줍니다.")
    if year is not None and asked is not None and asked.year == year:
        return year, asked, warnings  # both asked for: the defaults (three queries) are not needed
    year, as_of = default_period(year=year)
    if asked is not None:
        if asked.year == year:
            as_of = asked
        else:
            warnings.append(f"기준일은 {year}년 안의 날짜여야 합니다. 최근 기준일을 보여 줍니다.")
    return year, as_of, warnings
