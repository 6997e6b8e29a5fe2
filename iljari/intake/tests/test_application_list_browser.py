"""In a real browser: a division official finds an applicant of a call by name, sorts the list by 이름 with the
header (the keyboard reaches the table at a phone's width), and the page passes axe at 390 px."""

from datetime import date, timedelta
from pathlib import Path

from django.utils import timezone

from iljari.intake import services
from iljari.people.tests.factories import make_person
from iljari.plan.models import Programme
from iljari.testing import BROWSER_MARKS
from iljari.testing import browser_log_in as _log_in

pytestmark = BROWSER_MARKS

AXE = Path(__file__).parents[2] / "web" / "tests" / "vendor" / "axe" / "axe.min.js"


def _call():
    opens = timezone.now() - timedelta(days=1)
    call = services.call_set(
        actor=None,
        code="BROWSE",
        programme=Programme.objects.get(code="P1-06"),
        title="공공근로 참여자 모집",
        opens_at=opens,
        closes_at=opens + timedelta(days=14),
        announce_on=date(2030, 1, 1),
        quotas=[("CITY", "서울시 사업", 3)],
        eligibility=[{"kind": "age_between", "min_value": 18, "on_date": date(2019, 1, 1)}],
    )
    quota = call.quotas.get()
    for hour, name in enumerate(["이나래", "김다솜", "김가람"], start=1):
        services.application_submit(actor=None, call=call, person=make_person(name=name), quota=quota,
                                    now=opens + timedelta(hours=hour))  # fmt: skip
    return call


def test_an_official_searches_and_sorts_a_calls_applicants(transactional_db, personas, dataset_2018, page):
    call = _call()
    _log_in(page, "t_staff")
    page.wait_for_url("**/")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(call.get_absolute_url())
    page.get_by_label("이름 또는 접수번호").fill("김")
    page.get_by_role("search", name="신청자 목록 찾기").get_by_role("button", name="찾기").click()
    page.wait_for_url("**q=%EA%B9%80**")
    table = page.get_by_role("table", name="신청 목록", exact=False)
    rows = table.locator("tbody th[scope=row]")
    assert rows.all_inner_texts() == ["김다솜", "김가람"]  # by 접수 일시
    table.get_by_role("link", name="이름", exact=False).click()
    page.wait_for_url("**sort=name**")
    assert rows.all_inner_texts() == ["김가람", "김다솜"]
    assert table.locator("th[aria-sort=ascending]").inner_text().startswith("이름")
    assert page.get_by_label("이름 또는 접수번호").input_value() == "김"  # the search kept
    wrapper = page.get_by_role("region", name="신청 목록 표")
    wrapper.focus()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"
    page.add_init_script(path=str(AXE))
    page.reload()
    violations = page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)")
    assert violations == []
