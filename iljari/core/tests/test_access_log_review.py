"""The auditor's monthly review of the access log: volumes per account, days with unusual volumes, off-hours
access and bulk downloads, and a sign-off once per month that anchors the chain."""

from datetime import datetime
from unittest import mock

import pytest
from django.utils import timezone

from iljari.core.accesslog import access_log_month_review, access_log_record, access_log_review_sign
from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.models import AccessLogReview
from iljari.core.roles import Role


def _at(*args):
    return timezone.make_aware(datetime(*args))


def _record(user, when, *, action="view", ids=(1,), reason=""):
    with mock.patch("django.utils.timezone.now", return_value=when):
        return access_log_record(
            user=user,
            remote_addr="10.0.0.5",
            action=action,
            subject_type="people.person",
            subject_ids=ids,
            reason=reason,
        )


@pytest.fixture
def november(personas, settings):
    """November 2026 as the log holds it: staff on a Tuesday at 10:00 and at 22:30, a Saturday visit, 600 people
    viewed on the 10th (over a limit of 500), and a download of 150 people (over a bulk limit of 100)."""
    settings.ILJARI_ACCESS_LOG_DAILY_SUBJECTS = 500
    settings.ILJARI_ACCESS_LOG_BULK_SUBJECTS = 100
    staff, manager = personas[Role.DIVISION_STAFF], personas[Role.OFFICE_MANAGER]
    _record(staff, _at(2026, 11, 3, 10, 0))  # Tuesday, office hours
    _record(staff, _at(2026, 11, 3, 22, 30))  # Tuesday night
    _record(manager, _at(2026, 11, 7, 11, 0))  # Saturday
    _record(staff, _at(2026, 11, 10, 9, 0), ids=range(1, 301))
    _record(staff, _at(2026, 11, 10, 15, 0), ids=range(301, 601))
    _record(staff, _at(2026, 11, 12, 14, 0), action="download", ids=range(1, 151), reason="11월 급여 지급 결재")
    _record(staff, _at(2026, 12, 1, 10, 0))  # December: not in the review
    return staff, manager


def test_the_review_counts_accounts_unusual_days_off_hours_and_bulk_downloads(november, personas):
    report = access_log_month_review(user=personas[Role.AUDITOR], year=2026, month=11)
    assert report.entries == 6
    volumes = {a.username: (a.entries, a.subjects, a.downloads) for a in report.accounts}
    assert volumes == {"t_staff": (5, 1 + 1 + 300 + 300 + 150, 1), "t_manager": (1, 1, 0)}
    assert [(d["username"], d["day"].day, d["total"]) for d in report.heavy_days] == [("t_staff", 10, 600)]
    assert [timezone.localtime(e.at).strftime("%d %H:%M") for e in report.off_hours] == ["03 22:30", "07 11:00"]
    assert [(e.subjects, e.reason) for e in report.bulk_downloads] == [(150, "11월 급여 지급 결재")]
    assert report.findings == 1 + 2 + 1


def test_the_auditor_signs_a_month_off_once(november, personas):
    auditor = personas[Role.AUDITOR]
    review = access_log_review_sign(user=auditor, year=2026, month=11, note="야간 접속 1건 소명 받음")
    assert (review.entries, review.findings, review.signed_by) == (6, 4, auditor)
    assert review.last_entry_id is not None and len(review.last_hash) == 64
    with pytest.raises(ValidationFailed) as again:
        access_log_review_sign(user=auditor, year=2026, month=11)
    assert again.value.message == "2026년 11월은 이미 점검 확인을 했습니다."
    assert AccessLogReview.objects.count() == 1


def test_a_month_not_over_cannot_be_signed_and_only_the_auditor_signs(november, personas):
    with pytest.raises(ValidationFailed) as early:
        access_log_review_sign(user=personas[Role.AUDITOR], year=2026, month=11, now=_at(2026, 11, 20, 9, 0))
    assert early.value.message == "끝나지 않은 달은 점검 확인을 할 수 없습니다."
    with pytest.raises(NotAllowed):
        access_log_review_sign(user=personas[Role.SYSTEM_ADMIN], year=2026, month=11)


def test_the_review_page_shows_the_findings_and_signs_off_through_http(november, client_as):
    auditor = client_as(Role.AUDITOR)
    page = auditor.get("/history/access/review/?month=2026-11").content.decode()
    assert "2026년 11월" in page and "확인할 사항 4건" in page and "11월 급여 지급 결재" in page
    response = auditor.post("/history/access/review/", {"month": "2026-11", "note": "이상 없음"}, follow=True)
    assert "2026년 11월 접속기록 점검을 확인했습니다." in response.content.decode()
    assert "이상 없음" in response.content.decode()
    assert client_as(Role.SYSTEM_ADMIN).post("/history/access/review/", {"month": "2026-10"}).status_code == 403
    for role in (Role.OFFICE_MANAGER, Role.DIVISION_STAFF):
        assert client_as(role).get("/history/access/review/").status_code == 403


def test_a_bad_month_in_the_address_shows_last_month_instead_of_an_error(personas, client_as):
    response = client_as(Role.AUDITOR).get("/history/access/review/?month=<script>")
    assert response.status_code == 200 and "<script>" not in response.content.decode()
