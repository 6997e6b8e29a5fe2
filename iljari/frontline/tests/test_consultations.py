"""Consultations: recorded by the service point's own staff, private notes seen by that point only, outcomes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from iljari.core import services as core_services
from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.frontline import selectors, services
from iljari.frontline.models import Consultation, WorkplaceVisit
from iljari.org.models import OrgUnit

TODAY = timezone.localdate


@pytest.fixture
def labour_staff(frontline):
    return core_services.user_create(
        actor=None,
        username="t_labour",
        password="Test!persona2018",
        role=Role.DIVISION_STAFF,
        display_name="노동정책 주무관",
        org_unit=OrgUnit.objects.get(code="LABOUR-POLICY"),
    )


def _record(actor, point, topic, **extra):
    values = {"held_on": TODAY(), "channel": "visit", "client_label": "익명-1", "notes": "구직 희망 직무: 사무"}
    values.update(extra)
    return services.consultation_record(actor=actor, service_point=point, topic=topic, **values)


def test_the_centres_staff_record_an_anonymous_counselling_session(frontline, personas):
    staff = personas[Role.DIVISION_STAFF]
    consultation = _record(staff, frontline["centre"], frontline["topic"])
    assert consultation.advisor == staff
    assert consultation.client_name == "익명-1"


def test_staff_of_another_division_cannot_record_at_the_centre(frontline, labour_staff):
    with pytest.raises(NotAllowed) as error:
        _record(labour_staff, frontline["centre"], frontline["topic"])
    assert "청년일자리센터의 업무를 기록할 권한이 없습니다" in error.value.message
    assert Consultation.objects.count() == 0


def test_the_partner_agency_records_at_the_point_its_partner_runs(frontline, personas):
    partner = personas[Role.PARTNER_AGENCY]
    _record(partner, frontline["cafe"], frontline["topic"])
    with pytest.raises(NotAllowed):
        _record(partner, frontline["centre"], frontline["topic"])


def test_a_consultation_without_a_client_or_in_the_future_is_refused(frontline, personas):
    staff = personas[Role.DIVISION_STAFF]
    with pytest.raises(ValidationFailed) as error:
        _record(staff, frontline["centre"], frontline["topic"], client_label=" ", held_on=TODAY() + timedelta(days=1))
    assert error.value.field_errors["client_label"][0].startswith("등록된 상담자를 고르거나")
    assert error.value.field_errors["held_on"] == ["상담일은 오늘 이후일 수 없습니다."]
    assert Consultation.objects.count() == 0


def test_employed_needs_the_employer_and_the_date(frontline, personas):
    staff = personas[Role.DIVISION_STAFF]
    with pytest.raises(ValidationFailed) as error:
        _record(staff, frontline["centre"], frontline["topic"], outcome="employed")
    assert error.value.field_errors["employer"] == ["취업한 경우 취업처를 입력하십시오."]
    assert error.value.field_errors["employed_on"] == ["취업한 경우 취업일을 입력하십시오."]
    consultation = _record(staff, frontline["centre"], frontline["topic"])
    services.consultation_outcome_set(
        actor=staff, consultation=consultation, outcome="employed", employer="(주)서울", employed_on=TODAY()
    )
    consultation.refresh_from_db()
    assert (consultation.outcome, consultation.employer) == ("employed", "(주)서울")


def test_notes_are_seen_only_by_the_service_point_that_wrote_them(frontline, personas, labour_staff):
    at_ombudsman = _record(
        labour_staff, frontline["ombudsman"], frontline["wage"], notes="체불액 300만원, 사업주 연락 두절"
    )
    services.follow_up_add(actor=labour_staff, consultation=at_ombudsman, due_on=TODAY(), note="노동청 진정 안내")
    own = selectors.consultation_get(user=labour_staff, pk=at_ombudsman.pk)
    assert own.notes_visible and own.notes == "체불액 300만원, 사업주 연락 두절"
    for role in (Role.DIVISION_STAFF, Role.OFFICE_MANAGER, Role.AUDITOR):
        other = selectors.consultation_get(user=personas[role], pk=at_ombudsman.pk)
        assert other.notes_visible is False
        assert other.notes == ""
        assert [f.note for f in other.follow_ups.all()] == [""]


def test_another_points_consultation_takes_no_follow_up_and_writes_nothing(frontline, personas, labour_staff):
    at_ombudsman = _record(labour_staff, frontline["ombudsman"], frontline["wage"])
    with pytest.raises(NotAllowed):
        services.follow_up_add(actor=personas[Role.DIVISION_STAFF], consultation=at_ombudsman, due_on=TODAY())
    assert at_ombudsman.follow_ups.count() == 0


def test_a_case_opened_from_a_consultation_marks_its_outcome(frontline, labour_staff):
    consultation = _record(labour_staff, frontline["ombudsman"], frontline["wage"])
    case = services.case_open(
        actor=labour_staff,
        service_point=frontline["ombudsman"],
        consultation=consultation,
        claimant="익명-1",
        respondent="(주)체불",
        claim="임금 3,000,000원",
        claim_amount=3_000_000,
        opened_on=TODAY(),
        legal_aid_granted=True,
    )
    services.case_step_add(
        actor=labour_staff, case=case, title="진정 접수", on=TODAY(), deadline=TODAY() + timedelta(30)
    )
    services.case_close(actor=labour_staff, case=case, result="settled", closed_on=TODAY(), amount_recovered=2_500_000)
    consultation.refresh_from_db()
    case.refresh_from_db()
    assert consultation.outcome == "case_opened"
    assert (case.result, case.amount_recovered, case.steps.count()) == ("settled", 2_500_000, 1)


def test_a_done_visit_cannot_be_dated_in_the_future(frontline, labour_staff):
    with pytest.raises(ValidationFailed) as error:
        services.visit_record(
            actor=labour_staff,
            service_point=frontline["ombudsman"],
            workplace="(주)서울상사",
            visited_on=TODAY() + timedelta(days=3),
        )
    assert error.value.field_errors["visited_on"] == ["방문일은 오늘 이후일 수 없습니다. 다녀온 방문만 기록합니다."]
    assert WorkplaceVisit.objects.count() == 0


def test_a_follow_up_visit_checks_the_first_visits_findings(frontline, labour_staff):
    first = services.visit_record(
        actor=labour_staff,
        service_point=frontline["ombudsman"],
        workplace="(주)서울상사",
        employees=7,
        visited_on=TODAY() - timedelta(days=60),
        findings="근로계약서 미교부",
    )
    with pytest.raises(ValidationFailed) as error:
        services.visit_record(
            actor=labour_staff,
            service_point=frontline["ombudsman"],
            workplace="",
            visited_on=first.visited_on,
            checks=first,
        )
    assert error.value.field_errors["visited_on"] == ["점검 방문은 처음 방문한 날 이후여야 합니다."]
    second = services.visit_record(
        actor=labour_staff,
        service_point=frontline["ombudsman"],
        workplace="",
        visited_on=TODAY(),
        checks=first,
        findings_resolved=True,
    )
    assert (second.workplace, second.checks, second.findings_resolved) == ("(주)서울상사", first, True)


def test_an_ombudsmans_consultation_moves_the_offices_indicator_without_copying(
    frontline,
    labour_staff,
    personas,
    django_capture_on_commit_callbacks,
    dataset_2018,  # the office's indicators, IND-06 시민명예노동옴부즈만 상담건수 among them
):
    from iljari.performance.models import IndicatorValue

    def actual():
        value = (
            IndicatorValue.objects.filter(indicator__code="IND-06", year=TODAY().year, kind="actual")
            .order_by("-as_of", "-pk")
            .first()
        )
        return None if value is None else int(value.value)

    assert actual() is None  # nothing counted this year yet
    with django_capture_on_commit_callbacks(execute=True):
        _record(labour_staff, frontline["ombudsman"], frontline["wage"])
        _record(labour_staff, frontline["ombudsman"], frontline["wage"], client_label="익명-2")
    assert actual() == 2
    with django_capture_on_commit_callbacks(execute=True):
        _record(personas[Role.DIVISION_STAFF], frontline["centre"], frontline["topic"])
    assert actual() == 2  # a youth centre's counselling is not an ombudsman's consultation
