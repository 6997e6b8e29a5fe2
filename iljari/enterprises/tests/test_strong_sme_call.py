"""The strong-SME selection through intake's one call mechanism: enterprises apply to a call for organisations,
three reviewers score the published criteria (a conflict declared keeps a reviewer out), outliers are trimmed as
the call says, the document review cuts the field, the interview and the selection follow, and the confirmation
puts the selected enterprises on the public platform."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from iljari.approvals.tests.factories import approve_through, make_official, open_request
from iljari.core import services as core_services
from iljari.core.errors import ValidationFailed
from iljari.core.roles import Position, Role
from iljari.enterprises import services as enterprise_services
from iljari.enterprises.models import Certification
from iljari.enterprises.tests.factories import CRITERIA, make_organisation
from iljari.intake import services
from iljari.intake.models import Application, ReviewScore
from iljari.intake.tests.factories import close_call
from iljari.org.models import OrgUnit
from iljari.plan.models import Programme
from iljari.testing import PASSWORD


@pytest.fixture
def office(personas, dataset_2018):
    return personas


def make_sme_call(code="SME-T", *, places=2, aggregation="trimmed_mean", opens=None):
    opens = opens or timezone.now() - timedelta(days=1)
    return services.call_set(
        actor=None,
        code=code,
        programme=Programme.objects.get(code="P1-01"),  # 일생활균형 서울형 강소기업 지원 (JOBS-POLICY)
        title="서울형 강소기업 공모(시험)",
        opens_at=opens,
        closes_at=opens + timedelta(days=20),
        announce_on=(opens + timedelta(days=30)).date(),
        quotas=[("SME", "서울형 강소기업", places)],
        eligibility=[],
        has_document_review=True,
        has_interview=True,
        audience="organisations",
        score_aggregation=aggregation,
        certifies="strong_sme",
        criteria=CRITERIA,
    )


def reviewers(personas):
    unit = OrgUnit.objects.get(code="JOBS-POLICY")
    extra = [
        core_services.user_create(
            actor=None, username=f"t_reviewer{n}", password=PASSWORD, role=Role.DIVISION_STAFF, org_unit=unit
        )
        for n in (2, 3)
    ]
    clients = []
    for user in [personas[Role.DIVISION_STAFF], *extra]:
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def criteria_post(stage: str, total: int) -> dict:
    """A reviewer's sheet adding up to `total`: 40%, 30% and 30% of it on the three criteria."""
    t = Decimal(total)
    return {
        "stage": stage,
        "criterion_stability": str(t * Decimal("0.4")),
        "criterion_balance": str(t * Decimal("0.3")),
        "criterion_wage": str(t * Decimal("0.3")),
    }


def test_an_organisation_applies_once_through_the_portal(office, client_as, personas):
    call = make_sme_call()
    company = make_organisation("(주)신청기업")
    enterprise_services.organisation_contact_add(
        actor=None, organisation=company, username=personas[Role.ORGANISATION].username
    )
    client = client_as(Role.ORGANISATION)
    assert "서울형 강소기업 공모(시험)" in client.get("/portal/org/calls/").content.decode()
    assert client.post(f"/portal/org/calls/{call.code}/", {"pledge": "on"}).status_code == 302
    assert client.post(f"/portal/org/calls/{call.code}/", {"pledge": "on"}).status_code == 302  # a double click
    application = Application.objects.get(call=call)
    assert (application.organisation_id, application.person_id, application.status) == (company.pk, None, "submitted")
    assert "서울형 강소기업 공모(시험)" in client.get("/portal/org/applications/").content.decode()
    # a citizen cannot apply to a call for organisations, nor an organisation to a call for people
    assert client_as(Role.CITIZEN).get(f"/portal/org/calls/{call.code}/").status_code == 403
    with pytest.raises(ValidationFailed, match="기업·단체 공모"):
        services.application_submit(actor=None, call=call, person=None, quota=call.quotas.get())


def test_three_reviewers_with_a_conflict_trimmed_outliers_cut_interview_select_and_publish(office, personas):
    call = make_sme_call()
    a, b, c, d = (make_organisation(name) for name in ("가기업", "나기업", "다기업", "라기업"))
    apps = {o.name: services.application_org_submit(actor=None, call=call, organisation=o) for o in (a, b, c, d)}
    r1, r2, r3 = reviewers(personas)
    review = {name: f"/intake/applications/{app.pk}/review/" for name, app in apps.items()}

    # r1 declares a conflict with 가기업 and can no longer score it
    assert r1.post(f"/intake/applications/{apps['가기업'].pk}/conflict/", {"reason": "대표가 친척"}).status_code == 302
    refused = r1.post(review["가기업"], criteria_post("document_review", 90))
    assert refused.status_code == 400
    assert "이해충돌을 신고한 신청은 심사할 수 없습니다." in refused.content.decode()
    # a score outside a criterion's scale is refused, naming the criterion, and nothing is written
    outside = r2.post(review["가기업"], {**criteria_post("document_review", 80), "criterion_stability": "45"})
    assert "고용안정성" in outside.content.decode() and "0점부터 40점까지" in outside.content.decode()
    assert not ReviewScore.objects.filter(application=apps["가기업"]).exists()

    document = {  # (r1, r2, r3); None where r1 declared the conflict
        "가기업": (None, 80, 70),  # two scores: the plain mean, 75
        "나기업": (60, 65, 95),  # trimmed: 65
        "다기업": (50, 55, 52),  # trimmed: 52
        "라기업": (30, 35, 100),  # trimmed: 35 (the plain mean, 55, would beat 다기업)
    }
    for name, scores in document.items():
        for client, score in zip((r1, r2, r3), scores, strict=True):
            if score is not None:
                assert client.post(review[name], criteria_post("document_review", score)).status_code == 302

    staff = r1
    assert staff.post(f"/intake/calls/{call.code}/screen/", {"passing": "3"}).status_code == 302
    statuses = dict(Application.objects.filter(call=call).values_list("organisation__name", "status"))
    assert statuses == {"가기업": "submitted", "나기업": "submitted", "다기업": "submitted", "라기업": "screened_out"}
    with pytest.raises(ValidationFailed, match="서면심사를 통과하지 못한"):
        services.review_score_record(
            actor=personas[Role.DIVISION_STAFF],
            application=apps["라기업"],
            stage="interview",
            criteria={"stability": 10, "balance": 10, "wage": 10},
        )

    interview = {"가기업": (None, 70, 72), "나기업": (90, 88, 20), "다기업": (60, 62, 61)}  # 71, 88, 61
    for name, scores in interview.items():
        for client, score in zip((r1, r2, r3), scores, strict=True):
            if score is not None:
                client.post(review[name], criteria_post("interview", score))
    # totals: 가 75 + 71 = 146, 나 65 + 88 = 153, 다 52 + 61 = 113; two places
    close_call(call)
    staff.post(f"/intake/calls/{call.code}/select/", {"seed": "7"})
    outcome = dict(Application.objects.filter(call=call).values_list("organisation__name", "status"))
    assert outcome == {"가기업": "selected", "나기업": "selected", "다기업": "waitlisted", "라기업": "screened_out"}
    page = staff.get(f"/intake/calls/{call.code}/").content.decode()
    assert "가기업" in page and "사업자등록번호" in page

    assert "가기업" not in Client().get("/platform/").content.decode()  # selected, not yet designated
    draft = staff.post(f"/intake/calls/{call.code}/confirm/")["Location"]  # 선발 확정 is an approval (결재)
    chief = make_official("t_chief", position=Position.DIRECTOR, org_unit=call.programme.division.code)
    staff.post(draft, {"approver": chief.pk})
    assert not Certification.objects.filter(kind="strong_sme").exists()  # nothing before the final approval
    approve_through(open_request(services.SELECTION_CONFIRM, call.code))
    designated = set(Certification.objects.filter(kind="strong_sme").values_list("organisation__name", flat=True))
    assert designated == {"가기업", "나기업"}
    public = Client().get("/platform/").content.decode()
    assert "가기업" in public and "나기업" in public and "다기업" not in public


def test_the_funnel_counts_applications_passes_and_selections(office, personas):
    call = make_sme_call(places=1, aggregation="mean")
    organisations = [make_organisation(f"기업{n}") for n in range(4)]
    apps = [services.application_org_submit(actor=None, call=call, organisation=o) for o in organisations]
    reviewer = personas[Role.DIVISION_STAFF]
    for n, app in enumerate(apps):
        services.review_score_record(
            actor=reviewer,
            application=app,
            stage="document_review",
            criteria={"stability": 10 + n, "balance": 5, "wage": 5},
        )
    with pytest.raises(ValidationFailed) as caught:
        services.document_review_close(actor=reviewer, call=call, passing=0)
    assert caught.value.field_errors == {"passing": ["통과 수는 1 이상의 정수입니다."]}
    assert services.document_review_close(actor=reviewer, call=call, passing=2) == (2, 2)
    close_call(call)
    services.selection_run(actor=reviewer, call=call, seed=1)
    client = Client()
    client.force_login(reviewer)
    page = client.get(f"/intake/calls/{call.code}/").content.decode()
    funnel = re.search(r'id="call-funnel".*?<tbody>(.*?)</tbody>', page, re.S).group(1)
    assert re.findall(r">(\d+)</td>", funnel) == ["4", "2", "1"]  # 접수 4 → 서면심사 통과 2 → 선정 1


def test_a_criteria_score_is_required_for_every_criterion(office, personas):
    call = make_sme_call()
    app = services.application_org_submit(actor=None, call=call, organisation=make_organisation())
    with pytest.raises(ValidationFailed) as caught:
        services.review_score_record(
            actor=personas[Role.DIVISION_STAFF], application=app, stage="document_review", criteria={"stability": 30}
        )
    assert caught.value.field_errors["criteria"] == [
        "'일생활 균형제도' 점수를 입력하십시오.",
        "'적정임금 수준' 점수를 입력하십시오.",
    ]
    assert not ReviewScore.objects.exists()


def test_a_declared_conflict_withdraws_the_reviewers_earlier_score(office, personas):
    call = make_sme_call()
    app = services.application_org_submit(actor=None, call=call, organisation=make_organisation())
    reviewer = personas[Role.DIVISION_STAFF]
    services.review_score_record(
        actor=reviewer, application=app, stage="document_review", criteria={"stability": 30, "balance": 20, "wage": 20}
    )
    assert ReviewScore.objects.get().score == 70
    services.conflict_declare(actor=reviewer, application=app, reason="자문 계약")
    assert not ReviewScore.objects.exists()


def test_trimmed_mean_drops_one_highest_and_one_lowest_from_three_or_more():
    from iljari.intake.services import trimmed_mean

    assert trimmed_mean([Decimal(90), Decimal(70), Decimal(20)]) == Decimal("70.00")
    assert trimmed_mean([Decimal(80), Decimal(70)]) == Decimal("75.00")
    assert trimmed_mean([Decimal(10), Decimal(50), Decimal(60), Decimal(100)]) == Decimal("55.00")
    assert date.today()
