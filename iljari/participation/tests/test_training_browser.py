"""A training institute's month in a real browser: the partner agency that runs 동부기술교육원 opens its institute
and a course, records the month's attendance in the course's one form, and completes a trainee, whose deposit is
then shown as refunded (환급)."""

from datetime import date

from iljari.participation import training_services as services
from iljari.participation.models import AttendanceMonth, Enrolment
from iljari.participation.tests.factories import make_trainee, make_training
from iljari.testing import BROWSER_MARKS, browser_log_in

pytestmark = BROWSER_MARKS


def test_the_partner_records_a_month_and_completes_a_trainee_whose_deposit_is_refunded(
    transactional_db, personas, page, dataset_2018
):
    made = make_training()
    trainee = make_trainee(made["short"])  # 제과제빵 단기과정 '18.5.2.~7.31., deposit 200,000원
    services.deposit_pay(actor=None, enrolment=trainee, paid_on=date(2018, 5, 2))
    for month, days in ((date(2018, 5, 1), 19), (date(2018, 6, 1), 20)):
        services.attendance_set(actor=None, enrolment=trainee, month=month, attended_days=days)
    name = trainee.person.name

    browser_log_in(page, "t_partner")
    page.wait_for_url("**/")
    page.get_by_role("link", name="기술교육원", exact=True).click()
    assert "중부기술교육원" not in page.content()  # another trustee's institute
    page.get_by_role("link", name="동부기술교육원").click()
    page.get_by_role("link", name="제과제빵 단기과정").click()
    page.locator("#month").fill("2018-07")  # <input type="month">
    page.get_by_role("button", name="보기").click()
    page.get_by_label(f"{name} 출석일수").fill("21")
    page.get_by_role("button", name="7월 출석 저장").click()
    assert "2018년 7월 출석 1명을 저장했습니다" in page.content()
    assert AttendanceMonth.objects.get(enrolment=trainee, month=date(2018, 7, 1)).attended_days == 21

    page.locator("#attendance-table").get_by_role("link", name=name).click()
    assert "예치" in page.locator("#deposit-status").inner_text()
    page.get_by_role("button", name="수료 처리").click()
    assert "수료를 기록했습니다" in page.content()
    assert "수료" in page.locator("#enrolment-status").inner_text()
    assert "환급" in page.locator("#deposit-status").inner_text()
    assert Enrolment.objects.get(pk=trainee.pk).status == "completed"
