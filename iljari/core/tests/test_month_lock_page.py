"""The 월 마감 page: the office manager locks and unlocks a month; bad input comes back as a message."""

import pytest
from django.contrib.messages import get_messages

from iljari.core.models import MonthLock
from iljari.core.roles import Role


def _messages(response) -> list[tuple[str, str]]:
    return [(message.level_tag, message.message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize(("action", "locked", "said"), [("lock", True, "마감"), ("unlock", False, "마감 해제")])
def test_the_office_manager_locks_and_unlocks_a_month(client_as, action, locked, said):
    response = client_as(Role.OFFICE_MANAGER).post("/months/", {"year": "2018", "month": "6", "action": action})

    assert response.status_code == 302 and response["Location"] == "/months/"
    assert _messages(response) == [("success", f"2018년 6월을 {said}했습니다.")]
    assert MonthLock.objects.get(year=2018, month=6).is_locked is locked


def test_a_month_that_is_not_a_number_is_refused_with_a_message(client_as):
    response = client_as(Role.OFFICE_MANAGER).post("/months/", {"year": "2018", "month": "june", "action": "lock"})

    assert response.status_code == 302 and response["Location"] == "/months/"
    assert _messages(response) == [("error", "연도와 월을 숫자로 입력하십시오.")]
    assert not MonthLock.objects.exists()


def test_a_month_out_of_range_is_refused_with_the_services_message(client_as):
    response = client_as(Role.OFFICE_MANAGER).post("/months/", {"year": "2018", "month": "13", "action": "lock"})

    assert response.status_code == 302
    [(level, text)] = _messages(response)
    assert level == "error" and "연도와 월을 확인하십시오." in text
    assert not MonthLock.objects.exists()


def test_division_staff_may_not_lock_a_month(client_as):
    response = client_as(Role.DIVISION_STAFF).post("/months/", {"year": "2018", "month": "6", "action": "lock"})

    assert response.status_code == 403
    assert not MonthLock.objects.exists()
