# ruff: noqa: F811  (the fixtures imported from district_fixtures are redefined as test arguments)
"""District-project and ecosystem services: the matching ratio, monitoring (and the job achievements it feeds), the
mid-term review, the committee's decision, and the staged funding's caps — bad input refused in Korean, nothing
written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.grants import district_services as services
from iljari.grants.models import (
    DistrictDecision,
    DistrictMonitoring,
    DistrictProject,
    DistrictReview,
    EcosystemTranche,
)
from iljari.grants.tests.district_fixtures import (  # noqa: F401  (fixtures)
    grants_office,
    make_project,
    other_project,
    project,
    social_economy_staff,
    support,
)
from iljari.performance.models import JobAchievement


def _errors(excinfo) -> dict:
    return excinfo.value.field_errors


def test_a_project_with_shares_off_the_50_50_ratio_is_refused_and_nothing_written(grants_office):
    with pytest.raises(ValidationFailed) as excinfo:
        make_project(city_share=60_000_000, district_share=40_000_000)
    assert "매칭비율 50:50에 맞지 않습니다" in _errors(excinfo)["city_share"][0]
    assert "시비는 50,000,000원" in _errors(excinfo)["city_share"][0]
    assert not DistrictProject.objects.exists()


def test_shares_that_do_not_add_up_to_the_total_are_refused(grants_office):
    with pytest.raises(ValidationFailed) as excinfo:
        make_project(city_share=50_000_000, district_share=40_000_000)
    assert "총사업비 100,000,000원와 다릅니다" in _errors(excinfo)["district_share"][0]


def test_an_adjusted_ratio_needs_its_reason(grants_office):
    with pytest.raises(ValidationFailed) as excinfo:
        make_project(city_share=70_000_000, district_share=30_000_000, city_ratio=70)
    assert "조정 사유" in _errors(excinfo)["ratio_reason"][0]
    adjusted = make_project(city_share=70_000_000, district_share=30_000_000, city_ratio=70, ratio_reason="공모사업")
    assert adjusted.ratio_text == "70:30"


def test_a_project_needs_planned_jobs_of_known_groups(grants_office):
    with pytest.raises(ValidationFailed) as excinfo:
        make_project(jobs={})
    assert "jobs" in _errors(excinfo)
    with pytest.raises(ValidationFailed) as excinfo:
        make_project(jobs={"aliens": 3})
    assert "jobs_aliens" in _errors(excinfo)


def test_district_officer_cannot_register_a_project(grants_office):
    with pytest.raises(NotAllowed):
        make_project(actor=grants_office[Role.DISTRICT_OFFICER])


def test_monitoring_feeds_the_programmes_job_achievements(project, grants_office):
    officer = grants_office[Role.DISTRICT_OFFICER]
    services.district_monitoring_record(
        actor=officer, project=project, month=date(2018, 5, 1), sales=3_000_000, users=120,
        satisfaction=Decimal("87.5"), jobs={"youth": 4, "women": 2},
    )  # fmt: skip
    services.district_monitoring_record(
        actor=officer, project=project, month=date(2018, 6, 1), sales=4_000_000, users=150,
        satisfaction=Decimal("90"), jobs={"youth": 7, "women": 3},
    )  # fmt: skip
    achieved = dict(
        JobAchievement.objects.filter(job_target__programme__code="P1-05", as_of=date(2018, 6, 30)).values_list(
            "job_target__target_group", "achieved"
        )
    )
    assert achieved == {"youth": 7, "women": 3}
    may = dict(
        JobAchievement.objects.filter(job_target__programme__code="P1-05", as_of=date(2018, 5, 31)).values_list(
            "job_target__target_group", "achieved"
        )
    )
    assert may == {"youth": 4, "women": 2}
    # the same month again replaces it
    services.district_monitoring_record(
        actor=officer, project=project, month=date(2018, 6, 1), sales=5_000_000, users=150, satisfaction=None,
        jobs={"youth": 8},
    )  # fmt: skip
    assert DistrictMonitoring.objects.filter(project=project).count() == 2
    june = JobAchievement.objects.get(job_target__target_group="youth", job_target__programme__code="P1-05",
                                      as_of=date(2018, 6, 30))  # fmt: skip
    assert june.achieved == 8


@pytest.mark.parametrize("satisfaction", [Decimal("100.5"), Decimal("-1"), "많음"])
def test_satisfaction_outside_0_to_100_is_refused(project, satisfaction):
    with pytest.raises(ValidationFailed) as excinfo:
        services.district_monitoring_record(
            actor=None, project=project, month=date(2018, 5, 1), sales=0, users=0, satisfaction=satisfaction,
            jobs={"youth": 1},
        )  # fmt: skip
    assert "satisfaction" in _errors(excinfo)
    assert not DistrictMonitoring.objects.exists()
    assert not JobAchievement.objects.filter(job_target__programme__code="P1-05").exists()


def test_monitoring_outside_the_project_period_or_negative_is_refused(project):
    with pytest.raises(ValidationFailed) as excinfo:
        services.district_monitoring_record(
            actor=None, project=project, month=date(2019, 1, 1), sales=-5, users=0, satisfaction=None, jobs={}
        )
    assert set(_errors(excinfo)) == {"month", "sales"}
    assert "사업기간" in _errors(excinfo)["month"][0]


def test_district_officer_cannot_enter_another_districts_monitoring(other_project, grants_office):
    with pytest.raises(NotAllowed):
        services.district_monitoring_record(
            actor=grants_office[Role.DISTRICT_OFFICER], project=other_project, month=date(2018, 5, 1), sales=0,
            users=0, satisfaction=None, jobs={},
        )  # fmt: skip


def test_mid_term_review_and_decisions(project, grants_office):
    staff = grants_office[Role.DIVISION_STAFF]  # 일자리정책담당관: the programme's division
    review = services.district_review_record(
        actor=staff, project=project, reviewed_on=date(2018, 6, 20), score=Decimal("82.5"), findings="판로 확대 필요"
    )
    assert review.score == Decimal("82.5")
    with pytest.raises(ValidationFailed) as excinfo:
        services.district_review_record(actor=staff, project=project, reviewed_on=date(2018, 6, 20), score=101,
                                        findings="")  # fmt: skip
    assert set(_errors(excinfo)) == {"score", "findings"}
    with pytest.raises(NotAllowed):
        services.district_review_record(
            actor=grants_office[Role.DISTRICT_OFFICER], project=project, reviewed_on=date(2018, 6, 20), score=80,
            findings="자체평가",
        )  # fmt: skip
    assert DistrictReview.objects.count() == 1
    with pytest.raises(ValidationFailed):
        services.district_decision_record(
            actor=staff, project=project, decided_on=date(2018, 12, 20), decision="adjust"
        )
    services.district_decision_record(actor=staff, project=project, decided_on=date(2018, 12, 20), decision="stop",
                                      note="성과 부진")  # fmt: skip
    project.refresh_from_db()
    assert project.status == DistrictProject.Status.STOPPED
    assert DistrictDecision.objects.count() == 1
    # the decision is the 사업 총괄 평가위원회's (committees): its meeting that day, 부결, linked to the record
    from iljari.committees.models import Decision

    decision = Decision.objects.select_related("item__meeting__committee").get()
    assert (decision.subject_type, decision.subject_id) == (
        "grants.district_decision",
        DistrictDecision.objects.get().pk,
    )
    assert (decision.result, decision.text, decision.decided_on) == ("rejected", "성과 부진", date(2018, 12, 20))
    meeting = decision.item.meeting
    assert (meeting.committee.code, meeting.number, meeting.title) == (
        "DISTRICT-EVALUATION",
        1,
        "2018년 12월 사업 총괄 평가위원회",
    )
    assert meeting.committee.supervising_division == project.programme.division


# --- the staged ecosystem funding -------------------------------------------------------------------------


def _fund(support, stage, amount, start, end, actor=None):
    return services.ecosystem_tranche_fund(actor=actor, support=support, stage=stage, amount=amount,
                                           starts_on=start, ends_on=end)  # fmt: skip


def test_stage_1_is_at_most_50m_and_6_months(support):
    with pytest.raises(ValidationFailed) as excinfo:
        _fund(support, 1, 50_000_001, date(2018, 1, 1), date(2018, 6, 30))
    assert "50,000,000원 이내" in _errors(excinfo)["amount"][0]
    with pytest.raises(ValidationFailed) as excinfo:
        _fund(support, 1, 50_000_000, date(2018, 1, 1), date(2018, 7, 1))
    assert "6개월 이내" in _errors(excinfo)["ends_on"][0]
    assert not EcosystemTranche.objects.exists()
    _fund(support, 1, 50_000_000, date(2018, 1, 1), date(2018, 6, 30))


def test_stage_2_needs_a_passed_stage_1(support):
    with pytest.raises(ValidationFailed) as excinfo:
        _fund(support, 2, 100_000_000, date(2018, 7, 1), date(2019, 6, 30))
    assert "1단계(사업 준비) 평가를 통과한 뒤" in _errors(excinfo)["stage"][0]
    first = _fund(support, 1, 40_000_000, date(2018, 1, 1), date(2018, 6, 30))
    with pytest.raises(ValidationFailed):
        _fund(support, 2, 100_000_000, date(2018, 7, 1), date(2019, 6, 30))  # not evaluated yet
    services.ecosystem_tranche_evaluate(actor=None, tranche=first, evaluated_on=date(2018, 6, 25), score=65)
    with pytest.raises(ValidationFailed) as excinfo:
        _fund(support, 2, 100_000_000, date(2018, 7, 1), date(2019, 6, 30))
    assert "통과하지 못해(등급 D)" in _errors(excinfo)["stage"][0]
    assert EcosystemTranche.objects.filter(stage=2).count() == 0


def test_stage_2_is_performance_based_and_capped_at_500m(support):
    first = _fund(support, 1, 50_000_000, date(2015, 7, 1), date(2015, 12, 31))
    services.ecosystem_tranche_evaluate(actor=None, tranche=first, evaluated_on=date(2015, 12, 20), score=75)
    year1 = _fund(support, 2, 200_000_000, date(2016, 1, 1), date(2016, 12, 31))
    support.refresh_from_db()
    assert support.status == "main"
    with pytest.raises(ValidationFailed) as excinfo:
        _fund(support, 2, 150_000_000, date(2017, 1, 1), date(2017, 12, 31))
    assert "평가가 없어" in _errors(excinfo)["stage"][0]
    services.ecosystem_tranche_evaluate(actor=None, tranche=year1, evaluated_on=date(2016, 12, 15), score=Decimal("85"))
    with pytest.raises(ValidationFailed) as excinfo:
        _fund(support, 2, 160_000_001, date(2017, 1, 1), date(2017, 12, 31))
    assert "B등급" in _errors(excinfo)["amount"][0] and "160,000,000원 이내" in _errors(excinfo)["amount"][0]
    year2 = _fund(support, 2, 160_000_000, date(2017, 1, 1), date(2017, 12, 31))
    services.ecosystem_tranche_evaluate(actor=None, tranche=year2, evaluated_on=date(2017, 12, 15), score=95)
    with pytest.raises(ValidationFailed) as excinfo:
        _fund(support, 2, 160_000_000, date(2018, 1, 1), date(2018, 12, 31))
    assert "합계 500,000,000원 이내" in _errors(excinfo)["amount"][0]
    assert "140,000,000원까지" in _errors(excinfo)["amount"][0]
    year3 = _fund(support, 2, 140_000_000, date(2018, 1, 1), date(2018, 12, 31))
    services.ecosystem_tranche_evaluate(actor=None, tranche=year3, evaluated_on=date(2018, 12, 15), score=90)
    support.refresh_from_db()
    assert support.status == "ended"
    with pytest.raises(ValidationFailed):
        _fund(support, 2, 1_000_000, date(2019, 1, 1), date(2019, 12, 31))


def test_only_the_ecosystem_programmes_division_funds_it(support, grants_office, social_economy_staff):
    with pytest.raises(NotAllowed):
        _fund(support, 1, 10_000_000, date(2018, 1, 1), date(2018, 3, 31), actor=grants_office[Role.DIVISION_STAFF])
    _fund(support, 1, 10_000_000, date(2018, 1, 1), date(2018, 3, 31), actor=social_economy_staff)


def test_amounts_beyond_the_columns_are_refused_in_korean(project):
    with pytest.raises(ValidationFailed) as excinfo:
        services.district_monitoring_record(
            actor=None, project=project, month=date(2018, 5, 1), sales=10**19, users=10**10, satisfaction=None,
            jobs={"youth": 10**10},
        )  # fmt: skip
    assert set(_errors(excinfo)) == {"sales", "users", "jobs_youth"}
