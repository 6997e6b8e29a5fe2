"""The change history of participation's bulk writes: a month sheet uploaded again and a month's pay computed again
are each one bulk change (core.ChangeBatch) whose entries hold only the rows that changed, with before and after."""

import io
from datetime import date
from decimal import Decimal

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from iljari.core.models import ChangeBatch
from iljari.core.roles import Role
from iljari.participation import services
from iljari.participation.models import Payment, WorkRecord
from iljari.participation.selectors import WORK_RECORD_COLUMNS
from iljari.people.tests.factories import make_person

MAY = date(2018, 5, 1)


def _place(site, worksite="gangdong"):
    return services.placement_create(
        actor=None, person=make_person(), worksite=site[worksite], start_date=date(2018, 3, 2),
        end_date=date(2018, 12, 31),
    )  # fmt: skip


def _sheet(rows) -> bytes:
    """A month sheet as the office fills it: (placement id, days, hours, full weeks) per row."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["근무상황"])
    sheet.append([""])
    sheet.append([column.header for column in WORK_RECORD_COLUMNS])
    for pk, days, hours, weeks in rows:
        sheet.append([pk, "", "", days, hours, 0, weeks])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _upload(client, data: bytes):
    upload = io.BytesIO(data)
    upload.name = "work.xlsx"
    return client.post("/participation/worksites/ND-GD/records/upload/?month=2018-05", {"file": upload})


def _entries(batch, model=WorkRecord):
    return LogEntry.objects.filter(cid=batch.cid, content_type=ContentType.objects.get_for_model(model))


def test_uploading_a_sheet_again_with_one_row_changed_records_exactly_that_change(site, client_as, personas):
    first, second = _place(site), _place(site)
    client = client_as(Role.DISTRICT_OFFICER)
    assert _upload(client, _sheet([(first.pk, 21, 168, 4), (second.pk, 21, 168, 4)])).status_code == 302
    created = ChangeBatch.objects.get()
    assert (created.created, created.changed, created.deleted, created.unchanged) == (2, 0, 0, 0)
    assert created.kind == "participation.work_records" and created.actor == personas[Role.DISTRICT_OFFICER]
    assert created.subject == "2018년 5월 강동구 골목상권 활성화 근무상황"
    kept = WorkRecord.objects.get(placement=first)

    assert _upload(client, _sheet([(first.pk, 21, 168, 4), (second.pk, 20, 160, 4)])).status_code == 302
    batch = ChangeBatch.objects.exclude(pk=created.pk).get()
    assert (batch.created, batch.changed, batch.deleted, batch.unchanged) == (0, 1, 0, 1)
    [entry] = _entries(batch)
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.object_pk == str(WorkRecord.objects.get(placement=second).pk)
    assert set(entry.changes_dict) == {"days_worked", "hours_worked"}
    before, after = entry.changes_dict["hours_worked"]
    assert (Decimal(before), Decimal(after)) == (168, 160)
    assert entry.changes_dict["days_worked"] == [21, 20]
    assert entry.actor == personas[Role.DISTRICT_OFFICER]
    # the unchanged row is left as it was: same row, not touched
    again = WorkRecord.objects.get(placement=first)
    assert (again.pk, again.updated_at) == (kept.pk, kept.updated_at)
    assert WorkRecord.objects.get(placement=second).hours_worked == 160


def test_the_batch_pages_show_the_change_with_before_and_after_to_the_auditor(site, client_as):
    first = _place(site)
    client = client_as(Role.DISTRICT_OFFICER)
    _upload(client, _sheet([(first.pk, 21, 168, 4)]))
    _upload(client, _sheet([(first.pk, 20, 160, 4)]))
    batch = ChangeBatch.objects.order_by("-pk").first()
    auditor = client_as(Role.AUDITOR)
    listing = auditor.get("/history/batches/?kind=participation.work_records").content.decode()
    assert "근무상황 일괄 등록" in listing and "2018년 5월 강동구 골목상권 활성화 근무상황" in listing
    page = auditor.get(f"/history/batches/{batch.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "근무시간" in text and ">168<" in text and ">160<" in text
    assert "수정 1건" in text and "변경 없음 0건" in text
    for role in (Role.CITIZEN, Role.DISTRICT_OFFICER, Role.OFFICE_MANAGER):
        assert client_as(role).get(f"/history/batches/{batch.pk}/").status_code == 403
        assert client_as(role).get(f"/api/history/batches/{batch.pk}/entries").status_code == 403
    api = auditor.get(f"/api/history/batches/{batch.pk}/entries").json()
    [row] = api["items"]
    assert row["action"] == "update" or row["action"] == "수정"
    assert {c["label"]: (c["before"], c["after"]) for c in row["changes"]}["근무시간"] == ("168", "160")


def test_computing_pay_again_records_the_amounts_before_and_after(site, personas):
    placement = _place(site)
    services.work_record_set(actor=None, placement=placement, month=MAY, days_worked=21, hours_worked=168, full_weeks=4)
    manager = personas[Role.OFFICE_MANAGER]
    services.pay_compute(actor=manager, month=MAY)
    first = ChangeBatch.objects.get(kind="participation.pay")
    assert (first.created, first.changed, first.unchanged) == (1, 0, 0)
    old_total = Payment.objects.get(placement=placement).total
    services.work_record_set(actor=None, placement=placement, month=MAY, days_worked=20, hours_worked=160, full_weeks=3)
    services.pay_compute(actor=manager, month=MAY)
    batch = ChangeBatch.objects.filter(kind="participation.pay").exclude(pk=first.pk).get()
    assert (batch.created, batch.changed, batch.deleted, batch.unchanged) == (0, 1, 0, 0)
    assert batch.actor == manager and batch.subject == "2018년 5월 전체 급여"
    [entry] = _entries(batch, Payment)
    new_total = Payment.objects.get(placement=placement).total
    assert entry.changes_dict["total"] == [old_total, new_total] and old_total != new_total
    assert entry.changes_dict["work_pay"] == [168 * 9_220, 160 * 9_220]
    assert "holiday_pay" not in entry.changes_dict  # the same two holidays both times
    # the same month computed a third time, nothing changed: no entry, one unchanged row
    services.pay_compute(actor=manager, month=MAY)
    third = ChangeBatch.objects.filter(kind="participation.pay").order_by("-pk").first()
    assert (third.created, third.changed, third.deleted, third.unchanged) == (0, 0, 0, 1)
    assert not LogEntry.objects.filter(cid=third.cid).exists()


def test_the_pay_change_shows_money_with_thousands_separators(site, personas, client_as):
    placement = _place(site)
    services.work_record_set(actor=None, placement=placement, month=MAY, days_worked=21, hours_worked=168, full_weeks=4)
    services.pay_compute(actor=None, month=MAY)
    services.work_record_set(actor=None, placement=placement, month=MAY, days_worked=20, hours_worked=160, full_weeks=3)
    services.pay_compute(actor=None, month=MAY)
    batch = ChangeBatch.objects.filter(kind="participation.pay").order_by("-pk").first()
    text = client_as(Role.SYSTEM_ADMIN).get(f"/history/batches/{batch.pk}/").content.decode()
    assert "1,548,960원" in text and "1,475,200원" in text  # 기본급 168 h and 160 h at 9,220원


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    old=st.dictionaries(st.integers(0, 4), st.integers(0, 21), max_size=5),
    new=st.dictionaries(st.integers(0, 4), st.integers(0, 21), min_size=1, max_size=5),
)
def test_an_upload_changes_and_records_exactly_the_rows_that_differ(site, old, new):
    """Any month already held (placement → days) uploaded again as any other sheet: the rows of the sheet end as the
    sheet says, the rows not in it stay, and the batch counts and entries match the difference row by row."""
    if "placements" not in site:  # made once: the examples share the test's database
        site["placements"] = [_place(site) for _ in range(5)]
    placements = site["placements"]
    with transaction.atomic():
        for index, days in old.items():
            services.work_record_set(actor=None, placement=placements[index], month=MAY, days_worked=days,
                                     hours_worked=days * 8, full_weeks=4)  # fmt: skip
        services.work_record_import(
            actor=None, worksite=site["gangdong"], month=MAY,
            data=_sheet([(placements[i].pk, days, days * 8, 4) for i, days in new.items()]),
        )  # fmt: skip
        batch = ChangeBatch.objects.order_by("-pk").first()
        changed = {i for i in new if i in old and old[i] != new[i]}
        assert (batch.created, batch.changed, batch.deleted) == (len(set(new) - set(old)), len(changed), 0)
        assert batch.unchanged == len([i for i in new if i in old and old[i] == new[i]])
        entries = _entries(batch)
        updated = {int(e.object_pk) for e in entries if e.action == LogEntry.Action.UPDATE}
        assert updated == {WorkRecord.objects.get(placement=placements[i], month=MAY).pk for i in changed}
        held = dict(WorkRecord.objects.filter(month=MAY).values_list("placement_id", "days_worked"))
        assert held == {placements[i].pk: days for i, days in {**old, **new}.items()}
        transaction.set_rollback(True)


def test_a_replace_of_the_whole_scope_deletes_and_records_the_rows_not_given(site):
    from iljari.core.history import history_batch, history_bulk_replace

    kept, dropped = _place(site), _place(site)
    for placement in (kept, dropped):
        services.work_record_set(
            actor=None, placement=placement, month=MAY, days_worked=21, hours_worked=168, full_weeks=4
        )
    gone = WorkRecord.objects.get(placement=dropped)
    with history_batch(kind="test.replace", label="시험", subject="5월 전체") as batch:
        change = history_bulk_replace(
            WorkRecord,
            existing=WorkRecord.objects.filter(month=MAY),
            rows=[WorkRecord(placement=kept, month=MAY, days_worked=21, hours_worked=168, full_weeks=4)],
            key=("placement_id", "month"),
            fields=("days_worked", "hours_worked", "paid_leave_hours", "full_weeks"),
            describe=lambda r: f"참여 #{r.placement_id}",
        )
    batch.refresh_from_db()
    assert (change.created, change.changed, change.deleted, change.unchanged) == (0, 0, 1, 1)
    assert (batch.deleted, batch.unchanged) == (1, 1)
    assert list(WorkRecord.objects.values_list("placement_id", flat=True)) == [kept.pk]
    [entry] = _entries(batch)
    assert entry.action == LogEntry.Action.DELETE and entry.object_pk == str(gone.pk)
    assert entry.changes_dict["days_worked"] == [21, None]
