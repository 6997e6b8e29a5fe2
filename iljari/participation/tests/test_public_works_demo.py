"""The demo's public works add up to the 2018 report: 10,109 people in two rounds, the city 990 (484 + 506) and the
districts 9,119 (4,467 + 4,652), at 142 / 148 city worksites and 1,714 / 1,465 district worksites; the first half
works from '18.1.10. to 6.30. and the second from 7.1. to 12.20., paid under the 7:3 city:district share. Only the
report's figures are written here; everything else is read from the data."""

import re
from datetime import date

import pytest
from django.db import connection
from django.db.models import Count, F

from iljari.core.roles import Role
from iljari.demo import public_works_loader
from iljari.demo.participation_loader import load_tables
from iljari.intake.models import Call
from iljari.participation import selectors
from iljari.participation.models import Payment, Placement, ProgrammeTerms, Worksite


@pytest.fixture
def demo_public_works(personas, dataset_2018):
    load_tables()
    public_works_loader.load_public_works()
    return personas


def _round(code):
    placements = Placement.objects.filter(application__call__code=code)
    by_operator = dict(placements.values_list("worksite__operator").annotate(n=Count("pk")).order_by())
    sites = dict(placements.values_list("worksite__operator").annotate(n=Count("worksite", distinct=True)).order_by())
    return placements, by_operator, sites


def test_the_demo_public_works_add_up_to_the_2018_report_and_load_once(demo_public_works):
    first, people, sites = _round("PW-2018-1")
    assert (first.count(), people, sites) == (4_951, {"city": 484, "district": 4_467}, {"city": 142, "district": 1_714})
    second, people, sites = _round("PW-2018-2")
    assert (second.count(), people, sites) == (
        5_158,
        {"city": 506, "district": 4_652},
        {"city": 148, "district": 1_465},
    )
    assert first.count() + second.count() == 10_109
    assert {(p.start_date, p.end_date) for p in first} == {(date(2018, 1, 10), date(2018, 6, 30))}
    assert {(p.start_date, p.end_date) for p in second} == {(date(2018, 7, 1), date(2018, 12, 20))}
    for code in ("PW-2018-1", "PW-2018-2"):
        call = Call.objects.get(code=code)
        assert call.quotas.filter(district__isnull=False).count() == 25  # one quota per district
        assert call.selection_confirmed  # placing confirmed it
        district_placements = Placement.objects.filter(application__call=call, worksite__operator="district")
        assert not district_placements.exclude(worksite__district=F("application__quota__district")).exists()
    rules = {r.kind for r in Call.objects.get(code="PW-2018-1").eligibility_rules.all()}
    assert rules == {"age_between", "resides_in_seoul", "no_regular_income", "job_seeker", "no_direct_job_overlap"}
    assert ProgrammeTerms.objects.get(programme__code="P1-06").city_share_percent == 70
    with connection.cursor() as cursor:  # the bulk-loaded residents' numbers are encrypted at rest like any other
        cursor.execute("SELECT rrn FROM people_person")
        stored = [row[0] for row in cursor.fetchall()]
    assert len(stored) > 8_000 and not any(re.fullmatch(r"\d{13}|\d{6}-\d{7}", value) for value in stored)
    person = Placement.objects.filter(application__call__code="PW-2018-1").first().person
    assert re.fullmatch(r"\d{13}", person.rrn)  # and read back through the field
    counts = (Worksite.objects.count(), Placement.objects.count(), Payment.objects.count())
    public_works_loader.load_public_works()  # a second run changes nothing
    assert (Worksite.objects.count(), Placement.objects.count(), Payment.objects.count()) == counts


def test_the_first_half_has_its_months_and_pay_and_the_districts_pay_their_three_tenths(demo_public_works):
    months = set(Payment.objects.filter(placement__application__call__code="PW-2018-1").values_list("month", flat=True))
    assert months == {date(2018, m, 1) for m in range(1, 7)}
    assert not Payment.objects.filter(placement__application__call__code="PW-2018-2").exists()  # after '18.6.30.
    worksite = Worksite.objects.filter(operator="district", placements__application__call__code="PW-2018-1").first()
    sheet = selectors.payroll(user=demo_public_works[Role.OFFICE_MANAGER], worksite=worksite, month=date(2018, 5, 1))
    assert sheet.city_share_percent == 70 and sheet.city_pay + sheet.district_pay == sheet.totals["total"] > 0
