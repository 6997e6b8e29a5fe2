"""The retention page: the periods and the destruction register for the office and the auditor; only the office
manager (and the system administrator) changes a period, with a Korean message for a bad one."""

from iljari.core.models import RetentionRule
from iljari.core.roles import Role


def test_the_office_manager_sets_a_period_and_sees_the_register(client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    page = manager.get("/history/retention/").content.decode()
    assert "선발되지 않은 신청" in page and "참여자(사업장 배치)" in page and "파기한 기록이 없습니다." in page
    response = manager.post(
        "/history/retention/", {"code": "intake.application_not_selected", "years": "2"}, follow=True
    )
    assert "보유기간을 2년으로 정했습니다." in response.content.decode()
    assert RetentionRule.objects.get(code="intake.application_not_selected").years == 2


def test_a_bad_period_is_refused_in_korean_and_nothing_changes(client_as):
    manager = client_as(Role.OFFICE_MANAGER)
    manager.get("/history/retention/")
    response = manager.post(
        "/history/retention/", {"code": "intake.application_not_selected", "years": "0"}, follow=True
    )
    assert "보유기간은 1 이상 99 이하의 정수(년)로 적으십시오." in response.content.decode()
    response = manager.post("/history/retention/", {"code": "no.such", "years": "3"}, follow=True)
    assert "알 수 없는 보유기간 규칙입니다." in response.content.decode()
    assert RetentionRule.objects.get(code="intake.application_not_selected").years == 1


def test_the_auditor_reads_but_cannot_change_a_period(client_as):
    auditor = client_as(Role.AUDITOR)
    page = auditor.get("/history/retention/").content.decode()
    assert "1년" in page and 'name="years"' not in page
    assert (
        auditor.post("/history/retention/", {"code": "intake.application_not_selected", "years": "9"}).status_code
        == 403
    )
