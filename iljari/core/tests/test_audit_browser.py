"""In a real browser: the auditor reads whose data a district officer searched (masked names, "외 N명", the role in
Korean), opens one of those people from the access log, and reads a change in the history in Korean."""

from datetime import date

from iljari.core.accesslog import access_log_record
from iljari.core.roles import Role
from iljari.people.tests.factories import make_person
from iljari.testing import BROWSER_MARKS, browser_log_in

pytestmark = BROWSER_MARKS


def test_the_auditor_reads_the_access_log_and_the_history_in_plain_korean(transactional_db, personas, page):
    people = [
        make_person(date(1990 + i, 1, 1), "11740", name=name) for i, name in enumerate(("홍길동", "김철수", "박영희"))
    ]
    access_log_record(
        user=personas[Role.DISTRICT_OFFICER], remote_addr="10.0.0.9", action="search", subject_type="people.person",
        subject_ids=[p.pk for p in people], detail="신청자 검색",
    )  # fmt: skip
    browser_log_in(page, "t_auditor")
    page.wait_for_url("**/")
    page.goto("/history/access/")
    row = page.get_by_role("row").filter(has_text="신청자 검색")
    cells = row.get_by_role("cell").all_inner_texts()
    assert cells[2] == "자치구" and cells[5] == "홍*동, 김*수 외 1명"
    assert "people.person" not in page.locator("main").inner_text()
    row.get_by_role("link", name="홍*동").click()
    page.wait_for_url(f"**/people/{people[0].pk}/")

    page.goto("/history/?model=people.person")
    page.get_by_role("row").filter(has_text="김*수").get_by_role("link").first.click()
    page.wait_for_url("**/history/*/")
    changes = page.get_by_role("table", name="바뀐 항목과 바뀌기 전후 값").inner_text()
    assert "거주 자치구" in changes and "강동구" in changes  # the field's Korean name, the district by its name
    assert "district" not in changes and "김철수" not in changes
