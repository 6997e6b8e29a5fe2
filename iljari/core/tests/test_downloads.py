"""Every download is named in Korean (RFC 6266 `filename*` in UTF-8) with an ASCII name for old clients; a name
never breaks the header, whatever a code or an uploaded file's name holds."""

from urllib.parse import unquote

from hypothesis import given
from hypothesis import strategies as st

from iljari.core.downloads import content_disposition, file_name_safe
from iljari.core.roles import Role


def _names(header: str) -> tuple[str, str]:
    """(filename, filename*) as a browser reads them."""
    parts = dict(part.strip().split("=", 1) for part in header.split(";")[1:])
    plain = parts["filename"].strip('"')
    encoded = parts.get("filename*", "")
    return plain, unquote(encoded.removeprefix("UTF-8''")) if encoded else plain


def test_the_business_report_keeps_its_korean_name_and_its_old_ascii_name():
    header = content_disposition(
        "2018 주요업무보고(2018.6.30. 기준).pdf", fallback="business-report-2018-2018-06-30.pdf"
    )
    assert header.startswith("attachment;")
    assert _names(header) == ("business-report-2018-2018-06-30.pdf", "2018 주요업무보고(2018.6.30. 기준).pdf")


def test_without_a_fallback_the_ascii_name_keeps_what_is_ascii_and_the_extension():
    plain, korean = _names(content_disposition("급여대장 GN-01(2018년 6월).xlsx"))
    assert korean == "급여대장 GN-01(2018년 6월).xlsx"
    assert plain.isascii() and plain.endswith(".xlsx") and "GN-01" in plain


def test_an_ascii_name_is_sent_as_it_is():
    assert content_disposition("result.csv", inline=True) == 'inline; filename="result.csv"'


@given(st.text(min_size=0, max_size=80), st.sampled_from(["", ".pdf", ".xlsx", ".hwpx"]))
def test_any_name_gives_a_header_that_a_server_can_send_and_a_browser_reads_back(text, extension):
    header = content_disposition(text + extension)
    header.encode("latin-1")  # an HTTP header carries no other characters
    assert "\n" not in header and "\r" not in header
    plain, korean = _names(header)
    assert korean == file_name_safe(text + extension)
    assert plain.isascii() and '"' not in plain and "/" not in korean and "\\" not in korean


def test_the_budget_sheet_downloads_with_its_korean_name(client_as, dataset_2018):
    response = client_as(Role.OFFICE_MANAGER).get("/finance/budget/export.xlsx?year=2018&as_of=2018-06-30")
    assert response.status_code == 200
    plain, korean = _names(response["Content-Disposition"])
    assert korean == "2018 예산 집행 현황(2018.6.30. 기준).xlsx"
    assert plain == "budget-2018-2018-06-30.xlsx"


def test_the_business_report_downloads_with_the_name_the_office_gives_it(client_as, dataset_2018):
    response = client_as(Role.OFFICE_MANAGER).get("/office/business/?year=2018&as_of=2018-06-30&format=md")
    assert response.status_code == 200
    assert _names(response["Content-Disposition"])[1] == "2018 주요업무보고(2018.6.30. 기준).md"
