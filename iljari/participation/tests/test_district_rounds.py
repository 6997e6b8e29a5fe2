"""District-run rounds (공공근로): a district officer places its own quota's selected people at its own worksites,
and the pay of a district worksite is split between the city and the district by the programme's share (7:3)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.intake import services as intake
from iljari.intake.tests.factories import close_call
from iljari.org.models import District
from iljari.participation import selectors, services
from iljari.participation.models import Placement
from iljari.people.tests.factories import make_person
from iljari.plan.models import Programme


def _round(site):
    """A public-works call with the city's quota and 강동구's and 종로구's, two selected in each."""
    opens = timezone.now() - timedelta(days=1)
    call = intake.call_set(
        actor=None,
        code="PW-TEST",
        programme=Programme.objects.get(code="P1-06"),
        title="공공근로 시험 모집",
        opens_at=opens,
        closes_at=opens + timedelta(days=10),
        announce_on=date(2030, 1, 1),
        quotas=[
            ("CITY", "서울시 사업", 2),
            ("D-11740", "강동구 사업", 2, District.objects.get(code="11740")),
            ("D-11110", "종로구 사업", 2, District.objects.get(code="11110")),
        ],
        eligibility=[],
    )
    for quota in call.quotas.all():
        for _ in range(2):
            intake.application_submit(actor=None, call=call, person=make_person(), quota=quota)
    close_call(call)
    intake.selection_run(actor=None, call=call, seed=1)
    intake.selection_confirm(actor=None, call=call)  # 선발 확정 before placing
    return call


def _jongno_works():
    return services.worksite_set(
        actor=None,
        code="PW-JN",
        programme=Programme.objects.get(code="P1-06"),
        name="종로구 불법광고물 정비",
        operator="district",
        district=District.objects.get(code="11110"),
        places=10,
    )


PERIOD = {"start_date": date(2018, 7, 1), "end_date": date(2018, 12, 20)}


def test_a_district_officer_places_its_quota_at_its_own_worksites(site, personas):
    call = _round(site)
    officer = personas[Role.DISTRICT_OFFICER]  # 강동구
    gangdong = call.quotas.get(code="D-11740")
    placed = services.placements_from_selection(
        actor=officer, call=call, worksites=[site["works"]], quota=gangdong, **PERIOD
    )
    assert placed == 2
    assert set(Placement.objects.filter(application__quota=gangdong).values_list("worksite__code", flat=True)) == {
        "PW-GD"
    }
    assert not Placement.objects.filter(application__quota__code__in=["CITY", "D-11110"]).exists()


def test_a_district_officer_cannot_place_another_quota_or_at_another_districts_worksite(site, personas):
    call = _round(site)
    officer = personas[Role.DISTRICT_OFFICER]
    with pytest.raises(NotAllowed):
        services.placements_from_selection(
            actor=officer, call=call, worksites=[site["works"]], quota=call.quotas.get(code="D-11110"), **PERIOD
        )
    with pytest.raises(NotAllowed):  # no quota: the whole call is the division's to place
        services.placements_from_selection(actor=officer, call=call, worksites=[site["works"]], **PERIOD)
    with pytest.raises(NotAllowed):
        services.placements_from_selection(
            actor=officer, call=call, worksites=[_jongno_works()], quota=call.quotas.get(code="D-11740"), **PERIOD
        )
    assert not Placement.objects.exists()


def test_a_quota_of_another_call_is_refused(site, personas):
    call = _round(site)
    other = intake.call_set(
        actor=None,
        code="PW-OTHER",
        programme=call.programme,
        title="다른 모집",
        opens_at=call.opens_at,
        closes_at=call.closes_at,
        announce_on=call.announce_on,
        quotas=[("CITY", "서울시 사업", 1)],
        eligibility=[],
    )
    with pytest.raises(ValidationFailed) as caught:
        services.placements_from_selection(
            actor=None, call=call, worksites=[site["works"]], quota=other.quotas.get(), **PERIOD
        )
    assert caught.value.field_errors == {"quota": ["이 공고의 선발 구분이 아닙니다."]}


def test_the_pay_of_a_district_worksite_is_split_by_the_programmes_city_share(site, personas):
    programme = Programme.objects.get(code="P1-06")
    services.programme_terms_set(
        actor=None, programme=programme, target_group="low_income", max_months=6, weekly_hours=25, city_share_percent=70
    )
    placement = services.placement_create(
        actor=None,
        person=make_person(),
        worksite=site["works"],
        start_date=date(2018, 5, 1),
        end_date=date(2018, 6, 30),
    )
    # May 2018: 21 scheduled days (23 weekdays less 7 and 22 May; 5 May is a Saturday), 20 worked at 5 hours
    services.work_record_set(
        actor=None, placement=placement, month=date(2018, 5, 1), days_worked=20, hours_worked=100, full_weeks=4
    )
    services.pay_compute(actor=None, month=date(2018, 5, 1), worksite=site["works"])
    sheet = selectors.payroll(user=personas[Role.DIVISION_STAFF], worksite=site["works"], month=date(2018, 5, 1))
    # 100 h × 9,220 = 922,000; weekly rest 4 × 5 h × 9,220 = 184,400; two weekday holidays 2 × 5 h × 9,220 = 92,200
    assert sheet.totals["total"] == 1_198_600
    assert (sheet.city_pay, sheet.district_pay) == (839_020, 359_580)  # 70% rounded down to the 원, the rest
    city = selectors.payroll(user=personas[Role.DIVISION_STAFF], worksite=site["city"], month=date(2018, 5, 1))
    assert city.city_share_percent == 100  # a city worksite: the city pays it all


def test_the_worksite_page_shows_the_city_and_district_shares(site, client_as):
    programme = Programme.objects.get(code="P1-06")
    services.programme_terms_set(
        actor=None, programme=programme, target_group="low_income", max_months=6, weekly_hours=25, city_share_percent=70
    )
    placement = services.placement_create(
        actor=None,
        person=make_person(),
        worksite=site["works"],
        start_date=date(2018, 5, 1),
        end_date=date(2018, 6, 30),
    )
    services.work_record_set(
        actor=None, placement=placement, month=date(2018, 5, 1), days_worked=20, hours_worked=100, full_weeks=4
    )
    services.pay_compute(actor=None, month=date(2018, 5, 1), worksite=site["works"])
    page = client_as(Role.DISTRICT_OFFICER).get("/participation/worksites/PW-GD/?month=2018-05").content.decode()
    assert "시비 839,020원 · 구비 359,580원, 시·구 분담 70:30" in page


def test_the_city_share_must_be_a_percentage(site):
    with pytest.raises(ValidationFailed) as caught:
        services.programme_terms_set(
            actor=None, programme=Programme.objects.get(code="P1-06"), target_group="low_income", city_share_percent=130
        )
    assert caught.value.field_errors == {"city_share_percent": ["시비 부담 비율은 0~100(%)입니다."]}


def test_the_district_officer_places_its_quota_from_the_page(site, client_as):
    call = _round(site)
    officer = client_as(Role.DISTRICT_OFFICER)
    listing = officer.get("/participation/").content.decode()
    assert "공공근로 시험 모집 · 2명" in listing  # only 강동구's two are waiting for this officer
    page = officer.get(f"/participation/calls/{call.code}/place/").content.decode()
    assert "강동구 사업: 2명" in page and "종로구 사업" not in page and "모든 선발 구분" not in page
    gangdong = call.quotas.get(code="D-11740")
    response = officer.post(
        f"/participation/calls/{call.code}/place/",
        {"quota": gangdong.pk, "worksites": ["PW-GD"], "start_date": "2018-07-01", "end_date": "2018-12-20"},
    )
    assert response.status_code == 302
    assert Placement.objects.filter(application__quota=gangdong).count() == 2
    assert not Placement.objects.exclude(application__quota=gangdong).exists()
    staff_page = client_as(Role.DIVISION_STAFF).get(f"/participation/calls/{call.code}/place/").content.decode()
    assert "모든 선발 구분" in staff_page and "서울시 사업: 2명" in staff_page and "강동구 사업: 2명" not in staff_page
