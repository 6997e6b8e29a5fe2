"""Retention of the front line's personal records (frontline/retention.py): on the demo's 2018 records, a
destruction run years later removes the consultations' notes and clients, the bookers and purposes, and the
registrants (replaced by pseudonyms), lists each kind in the destruction register, and leaves every figure the
front line reports (frontline_figures) exactly as it was."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from iljari.core.models import AccessLogEntry, DestructionRecord
from iljari.core.retention import retention_run
from iljari.core.roles import Role
from iljari.demo import frontline_loader
from iljari.frontline import selectors
from iljari.frontline.models import Booking, Consultation, FollowUp, Registration
from iljari.people.models import Person

AS_OF = date(2018, 6, 30)


@pytest.fixture
def demo_frontline(personas, dataset_2018):
    frontline_loader.load_frontline()
    return personas


def test_a_destruction_run_removes_the_front_lines_personal_fields_and_keeps_its_figures(demo_frontline):
    manager = demo_frontline[Role.OFFICE_MANAGER]
    before = selectors.frontline_figures(user=manager, year=2018, as_of=AS_OF)
    consultation = Consultation.objects.filter(person__isnull=False).order_by("pk").first()
    if consultation is not None:
        Consultation.objects.filter(pk=consultation.pk).update(notes="상담 내용: 체불 임금 300만원")
        FollowUp.objects.create(consultation=consultation, due_on=date(2018, 7, 1), note="다시 전화")
    counts = (Consultation.objects.count(), Booking.objects.count(), Registration.objects.count())
    assert all(counts)
    assert Booking.objects.filter(booked_by__isnull=False).exists() or Booking.objects.exclude(purpose="").exists()

    now = timezone.make_aware(datetime(2022, 3, 1, 3, 15))  # 3+ years after every 2018 record
    records = {r.rule_code: r for r in retention_run(now=now)}

    assert {"frontline.consultation", "frontline.booking", "frontline.registration"} <= set(records)
    assert records["frontline.consultation"].records == counts[0]
    assert records["frontline.booking"].records == counts[1]
    assert records["frontline.registration"].records == counts[2]
    assert not Consultation.objects.exclude(notes="").exists()
    assert not FollowUp.objects.exclude(note="").exists()
    assert not Consultation.objects.filter(personal_data_destroyed_at__isnull=True).exists()
    assert set(Consultation.objects.exclude(client_label="").values_list("client_label", flat=True)) <= {"(파기)"}
    assert not Booking.objects.filter(booked_by__isnull=False).exists()
    assert not Booking.objects.exclude(purpose="").exists()
    assert not Registration.objects.filter(user__isnull=False).exists()
    assert all(name.startswith("가명-") for name in Registration.objects.values_list("participant", flat=True))
    if consultation is not None:  # the consulted person is anonymised once nothing else holds them
        person = Person.objects.get(pk=consultation.person_id)
        assert person.destroyed_at is not None or person.user_id is not None or person.applications.exists()

    after = selectors.frontline_figures(user=manager, year=2018, as_of=AS_OF)
    assert after == before  # every count the 2018 report prints, unchanged
    assert (after.counselled, after.room_users, after.academy_completed) == (13_869, 22_253, 84)
    assert DestructionRecord.objects.filter(rule_code__startswith="frontline.").count() == 3
    assert AccessLogEntry.objects.filter(action="destroy", subject_type="frontline.booking").count() == 1
    assert retention_run(now=now) == []  # a second run destroys nothing more
    assert selectors.frontline_figures(user=manager, year=2018, as_of=AS_OF) == before


def test_recent_front_line_records_are_kept(demo_frontline):
    now = timezone.make_aware(datetime(2019, 3, 1))  # bookings of 2018 are under a year old in part
    retention_run(now=now)
    assert not Consultation.objects.filter(personal_data_destroyed_at__isnull=False).exists()  # 3 years
    assert not Registration.objects.filter(personal_data_destroyed_at__isnull=False).exists()  # 2018 + 1 year
    kept = Booking.objects.filter(day__gte=date(2018, 3, 1))
    assert kept.exists() and not kept.filter(personal_data_destroyed_at__isnull=False).exists()


def test_a_closed_labour_case_loses_its_claimant_five_years_on_and_an_open_one_is_kept(demo_frontline):
    from iljari.frontline.models import LabourCase, ServicePoint

    point = ServicePoint.objects.order_by("pk").first()
    closed = LabourCase.objects.create(
        service_point=point, claimant="홍길동", respondent="(주)체불", claim="임금 300만원 체불",
        claim_amount=3_000_000, opened_on=date(2018, 3, 2), result="won", closed_on=date(2018, 9, 28),
        amount_recovered=2_500_000,
    )  # fmt: skip
    still_open = LabourCase.objects.create(
        service_point=point, claimant="김철수", respondent="(주)해고", claim="부당해고 구제", opened_on=date(2018, 5, 2)
    )
    manager = demo_frontline[Role.OFFICE_MANAGER]
    before = selectors.frontline_figures(user=manager, year=2018, as_of=date(2018, 12, 31))

    retention_run(now=timezone.make_aware(datetime(2023, 9, 1)))  # under 5 years since the closing
    assert LabourCase.objects.get(pk=closed.pk).claimant == "홍길동"

    records = {r.rule_code: r for r in retention_run(now=timezone.make_aware(datetime(2023, 10, 1)))}
    assert records["frontline.labour_case"].records == 1
    closed.refresh_from_db()
    assert (closed.claimant, closed.claim) == ("(파기)", "")
    assert (closed.result, closed.claim_amount, closed.amount_recovered) == ("won", 3_000_000, 2_500_000)
    assert LabourCase.objects.get(pk=still_open.pk).claimant == "김철수"
    assert selectors.frontline_figures(user=manager, year=2018, as_of=date(2018, 12, 31)) == before
