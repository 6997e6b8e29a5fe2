"""Bulk changes (core.ChangeBatch): the batch pages and API for the auditor and the system administrator, filtered
and paged, counts with thousands separators, a person's values masked; the batch is the correlation id of its
entries, which no request header can set."""

from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from iljari.core.history import history_batch
from iljari.core.models import ChangeBatch
from iljari.core.roles import Role
from iljari.org.models import Partner
from iljari.people.tests.factories import make_person


def test_a_person_registered_inside_a_batch_is_shown_masked(client_as, personas):
    with history_batch(kind="people.register", label="인원 일괄 등록", subject="시험 등록") as batch:
        make_person(name="홍길동", birth=date(1990, 5, 5))
    batch.refresh_from_db()
    assert batch.created >= 1
    page = client_as(Role.AUDITOR).get(f"/history/batches/{batch.pk}/").content.decode()
    assert "홍*동" in page and "홍길동" not in page
    assert "1990-05-05" not in page and "●●●" in page
    api = client_as(Role.AUDITOR).get(f"/api/history/batches/{batch.pk}/entries").json()
    text = str(api)
    assert "홍길동" not in text and "1990-05-05" not in text and "홍*동" in text


def test_the_batch_list_filters_by_kind_user_and_date_and_pages(client_as, personas):
    auditor = client_as(Role.AUDITOR)
    manager = personas[Role.OFFICE_MANAGER]
    old = timezone.now() - timedelta(days=40)
    ChangeBatch.objects.create(kind="fund.notices", kind_label="고지 일괄 기록", subject="오래된 고지", at=old)
    ChangeBatch.objects.bulk_create(
        ChangeBatch(kind="participation.pay", kind_label="급여 계산", subject=f"급여 {i}", actor=manager,
                    created=12_345)
        for i in range(55)
    )  # fmt: skip
    page = auditor.get("/history/batches/?kind=participation.pay").content.decode()
    assert "오래된 고지" not in page and "12,345" in page and "전체 55건" in page and "1/3쪽" in page
    assert "<td>급여 54</td>" in page and "<td>급여 0</td>" not in page  # newest first, 20 a page
    last = auditor.get("/history/batches/?kind=participation.pay&page=3").content.decode()
    assert "<td>급여 0</td>" in last and "3/3쪽" in last
    by_user = auditor.get(f"/history/batches/?actor={manager.pk}").content.decode()
    assert "오래된 고지" not in by_user and "전체 55건" in by_user
    day = timezone.localdate(old).isoformat()  # the office's day, as the filter reads it
    by_date = auditor.get(f"/history/batches/?date_from={day}&date_to={day}").content.decode()
    assert "오래된 고지" in by_date and "전체 1건" in by_date
    api = auditor.get("/api/history/batches?kind=fund.notices").json()
    assert api["count"] == 1 and api["items"][0]["subject"] == "오래된 고지"


@pytest.mark.parametrize("role", [Role.CITIZEN, Role.DISTRICT_OFFICER, Role.DIVISION_STAFF, Role.ORGANISATION])
def test_only_the_auditor_and_the_system_administrator_read_the_batches(client_as, role):
    batch = ChangeBatch.objects.create(kind="fund.notices", kind_label="고지 일괄 기록", subject="고지")
    for allowed in (Role.AUDITOR, Role.SYSTEM_ADMIN):
        assert client_as(allowed).get(f"/history/batches/{batch.pk}/").status_code == 200
        assert client_as(allowed).get(f"/api/history/batches/{batch.pk}").status_code == 200
    client = client_as(role)
    for url in ("/history/batches/", f"/history/batches/{batch.pk}/"):
        assert client.get(url).status_code == 403
    for url in ("/api/history/batches", f"/api/history/batches/{batch.pk}", f"/api/history/batches/{batch.pk}/entries"):
        assert client.get(url).status_code == 403


def test_an_unknown_batch_answers_404(client_as):
    assert client_as(Role.AUDITOR).get("/history/batches/999999/").status_code == 404
    assert client_as(Role.AUDITOR).get("/api/history/batches/999999").status_code == 404


def test_a_request_header_cannot_put_a_change_into_a_batch(client_as):
    batch = ChangeBatch.objects.create(kind="fund.notices", kind_label="고지 일괄 기록", subject="고지")
    client_as(Role.DIVISION_STAFF).post("/org/partners/TTI-EAST/edit/", {"name": "x"}, HTTP_X_CORRELATION_ID=batch.cid)
    partner = Partner.objects.get(code="TTI-EAST")
    partner.note = "메모"
    partner.save()
    assert not LogEntry.objects.filter(cid=batch.cid).exists()
    assert LogEntry.objects.get_for_object(partner).latest("pk").cid is None


def test_a_batch_whose_writes_fail_leaves_nothing(personas):
    with pytest.raises(RuntimeError), history_batch(kind="people.register", label="인원 일괄 등록", subject="실패"):
        make_person(name="김실패")
        raise RuntimeError("stop")
    assert not ChangeBatch.objects.filter(subject="실패").exists()
    assert not LogEntry.objects.filter(object_repr__startswith="김실패").exists()


def test_a_batch_run_for_a_person_names_them_on_its_entries_and_not_on_later_changes(personas):
    manager = personas[Role.OFFICE_MANAGER]
    with history_batch(kind="people.register", label="인원 일괄 등록", subject="작업", actor=manager) as batch:
        inside = make_person(name="가나다")
    outside = make_person(name="라마바")
    assert LogEntry.objects.get_for_object(inside).latest("pk").actor == manager
    assert LogEntry.objects.get_for_object(inside).latest("pk").cid == batch.cid
    after = LogEntry.objects.get_for_object(outside).latest("pk")
    assert after.actor is None and after.cid is None
