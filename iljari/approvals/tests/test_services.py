"""결재 services: the line's order, recall before the next step, rejection with a reason, 전결 rules by amount, the
act's failure undoing the whole approval, nothing taking effect before the final approval, and the scope."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from auditlog.models import LogEntry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iljari.approvals import acts, services
from iljari.approvals.models import ApprovalRequest, ApprovalStep
from iljari.approvals.tests.factories import approve_through, make_official
from iljari.core.access import access_figures_enter
from iljari.core.errors import NotAllowed, NotFound, ValidationFailed
from iljari.core.roles import Position, Role
from iljari.intake import services as intake
from iljari.intake.models import Call
from iljari.intake.selectors import open_call_list
from iljari.intake.tests.factories import make_call

DIVISION = "/SEOUL/JOBS/JOBS-POLICY/"


@dataclass
class Spending:
    """A made-up act's record: an amount to spend in a division, spent once approved."""

    key: str
    amount: int
    division: str = DIVISION
    spent_by: list = field(default_factory=list)
    fail: bool = False


SPENDINGS: dict[str, Spending] = {}


def _get(key):
    if key not in SPENDINGS:
        raise NotFound("없는 지출입니다.")
    return SPENDINGS[key]


def _run(target, *, approved_by, request):
    if target.fail:
        raise ValidationFailed("지출 계좌가 막혀 있습니다.")
    target.spent_by.append(approved_by.username)


SPEND = acts.Act(
    code="test.spend",
    label="시험 지출",
    get=_get,
    key=lambda t: t.key,
    describe=lambda t: f"시험 지출 {t.key}",
    url=lambda t: "/",
    gate=lambda user, t: access_figures_enter(user, t.division),
    run=_run,
    effect="지출됩니다",
    done="지출했습니다",
    amount=lambda t: t.amount,
    scope=lambda t: (t.division, None),
    default_position=Position.HEAD,
)


@pytest.fixture
def office(personas, dataset_2018):
    acts.register(SPEND)
    SPENDINGS.clear()
    people = dict(personas)
    people["lead"] = make_official("t_lead", position=Position.TEAM_LEAD)
    people["chief"] = make_official("t_chief", position=Position.DIRECTOR)
    return people


def spending(key="S1", amount=1_000_000, **kwargs) -> Spending:
    SPENDINGS[key] = Spending(key, amount, **kwargs)
    return SPENDINGS[key]


def _unpublished_call(staff):
    call = make_call(documents="")
    Call.objects.filter(pk=call.pk).update(published_at=None)
    call.refresh_from_db()
    return call


def test_the_line_runs_in_order_and_the_call_is_published_only_at_the_end(office):
    staff, lead, chief = office[Role.DIVISION_STAFF], office["lead"], office["chief"]
    call = _unpublished_call(staff)
    request = services.approval_draft(
        actor=staff, act=intake.CALL_PUBLISH, target=call, reviewers=[lead], approver=chief, note="3차 모집"
    )
    assert request.state == ApprovalRequest.State.DRAFTED and request.current_approver == lead
    assert [(s.kind, s.approver) for s in request.steps.order_by("order")] == [("review", lead), ("approve", chief)]
    with pytest.raises(NotAllowed):  # the approver waits for the reviewer
        services.approval_approve(actor=chief, request=request)
    request = services.approval_approve(actor=lead, request=request, comment="이상 없음")
    assert request.state == ApprovalRequest.State.IN_PROGRESS and request.current_approver == chief
    call.refresh_from_db()
    assert not call.is_published and call not in open_call_list()  # nothing before the final approval
    request = services.approval_approve(actor=chief, request=request)
    call.refresh_from_db()
    assert request.state == ApprovalRequest.State.APPROVED and request.decided_at is not None
    assert call.is_published and call.published_by == chief and call in open_call_list()
    final = request.steps.get(kind="approve")
    assert final.delegated  # 담당관 gave the final approval below the 정책관: 전결
    with pytest.raises(ValidationFailed, match="이미 끝난 결재"):
        services.approval_approve(actor=chief, request=request)


def test_each_step_is_in_the_change_history(office):
    staff, chief = office[Role.DIVISION_STAFF], office["chief"]
    call = _unpublished_call(staff)
    request = services.approval_draft(actor=staff, act=intake.CALL_PUBLISH, target=call, approver=chief)
    services.approval_approve(actor=chief, request=request)
    entries = LogEntry.objects.get_for_object(ApprovalRequest.objects.get(pk=request.pk))
    states = [entry.changes_dict.get("state") for entry in entries.order_by("timestamp", "pk")]
    assert states[0] == [None, "drafted"] and ["drafted", "approved"] in states
    step = request.steps.get()
    assert LogEntry.objects.get_for_object(step).count() == 2  # created, approved


def test_recall_only_before_the_next_person_acted(office):
    staff, lead, chief = office[Role.DIVISION_STAFF], office["lead"], office["chief"]
    first = services.approval_draft(
        actor=staff, act=SPEND, target=spending("A"), reviewers=[lead], approver=office[Role.OFFICE_MANAGER]
    )
    with pytest.raises(NotAllowed):
        services.approval_recall(actor=lead, request=first)  # only the drafter
    recalled = services.approval_recall(actor=staff, request=first, reason="금액 정정")
    assert recalled.state == ApprovalRequest.State.RECALLED and recalled.recall_reason == "금액 정정"
    assert SPENDINGS["A"].spent_by == []
    second = services.approval_draft(
        actor=staff, act=SPEND, target=spending("A"), reviewers=[lead, chief], approver=office[Role.OFFICE_MANAGER]
    )
    services.approval_approve(actor=lead, request=second)
    with pytest.raises(ValidationFailed, match="이미 처리해 회수할 수 없습니다"):
        services.approval_recall(actor=staff, request=second)
    assert ApprovalRequest.objects.get(pk=second.pk).state == ApprovalRequest.State.IN_PROGRESS


def test_a_rejection_needs_a_reason_and_ends_the_request(office):
    staff, chief = office[Role.DIVISION_STAFF], office["chief"]
    call = _unpublished_call(staff)
    request = services.approval_draft(actor=staff, act=intake.CALL_PUBLISH, target=call, approver=chief)
    for blank in ("", "   "):
        with pytest.raises(ValidationFailed) as refused:
            services.approval_reject(actor=chief, request=request, reason=blank)
        assert refused.value.field_errors == {"reason": ["반려 사유를 쓰십시오."]}
    assert ApprovalRequest.objects.get(pk=request.pk).state == ApprovalRequest.State.DRAFTED
    rejected = services.approval_reject(actor=chief, request=request, reason="접수 기간이 짧습니다")
    assert rejected.state == ApprovalRequest.State.REJECTED
    assert rejected.steps.get().comment == "접수 기간이 짧습니다"
    call.refresh_from_db()
    assert not call.is_published
    again = services.approval_draft(actor=staff, act=intake.CALL_PUBLISH, target=call, approver=chief)
    assert again.pk != request.pk and again.state == ApprovalRequest.State.DRAFTED


def test_one_open_request_per_record(office):
    staff, chief = office[Role.DIVISION_STAFF], office["chief"]
    call = _unpublished_call(staff)
    services.approval_draft(actor=staff, act=intake.CALL_PUBLISH, target=call, approver=chief)
    with pytest.raises(ValidationFailed, match="이미 결재 중입니다"):
        services.approval_draft(actor=staff, act=intake.CALL_PUBLISH, target=call, approver=office[Role.OFFICE_MANAGER])
    with pytest.raises(ValidationFailed, match="게시 결재 중인 공고는 고칠 수 없습니다"):
        make_call(documents="")  # call_set on the same code while its publishing is being approved


def test_the_office_manager_alone_approves_at_once_as_delegated(office):
    manager = office[Role.OFFICE_MANAGER]
    call = _unpublished_call(manager)
    published = intake.call_publish(actor=manager, call=call)
    assert published.is_published and published.published_by == manager
    request = ApprovalRequest.objects.get(act=intake.CALL_PUBLISH, target_key=call.code)
    assert request.state == ApprovalRequest.State.APPROVED and request.drafter == manager
    step = request.steps.get()
    assert step.approver == manager and step.delegated and step.state == ApprovalStep.State.APPROVED


def test_a_clerk_alone_cannot_publish(office):
    staff = office[Role.DIVISION_STAFF]
    call = _unpublished_call(staff)
    with pytest.raises(ValidationFailed) as refused:
        intake.call_publish(actor=staff, call=call)
    assert "담당관 이상이 결재합니다" in refused.value.field_errors["approver"][0]
    call.refresh_from_db()
    assert not call.is_published and not ApprovalRequest.objects.exists()


def test_the_approver_must_hold_the_rules_position(office):
    staff, lead = office[Role.DIVISION_STAFF], office["lead"]
    call = _unpublished_call(staff)
    with pytest.raises(ValidationFailed) as refused:
        services.approval_draft(actor=staff, act=intake.CALL_PUBLISH, target=call, approver=lead)
    assert refused.value.field_errors["approver"] == [
        "이 결재는 담당관 이상이 결재합니다(모집공고 게시: 전결 규정이 없어 기본 결재권자(담당관))."
    ]
    services.delegation_rule_set(actor=office[Role.OFFICE_MANAGER], act=intake.CALL_PUBLISH, amount_from=None,
                                 amount_below=None, position=Position.TEAM_LEAD, note="위임전결규칙")  # fmt: skip
    request = services.approval_draft(actor=staff, act=intake.CALL_PUBLISH, target=call, approver=lead)
    assert request.required_position == Position.TEAM_LEAD


def test_the_acts_failure_leaves_nothing_of_the_approval(office):
    staff, manager = office[Role.DIVISION_STAFF], office[Role.OFFICE_MANAGER]
    target = spending("F", fail=True)
    request = services.approval_draft(actor=staff, act=SPEND, target=target, approver=manager)
    entries = LogEntry.objects.count()
    with pytest.raises(ValidationFailed, match="지출 계좌가 막혀 있습니다"):
        services.approval_approve(actor=manager, request=request, comment="승인")
    request.refresh_from_db()
    step = request.steps.get()
    assert request.state == ApprovalRequest.State.DRAFTED and request.current_approver == manager
    assert step.state == ApprovalStep.State.WAITING and step.acted_at is None and step.comment == ""
    assert LogEntry.objects.count() == entries


def test_a_changed_amount_is_not_approved(office):
    staff, manager = office[Role.DIVISION_STAFF], office[Role.OFFICE_MANAGER]
    target = spending("C", amount=5_000_000)
    request = services.approval_draft(actor=staff, act=SPEND, target=target, approver=manager)
    target.amount = 6_000_000
    with pytest.raises(ValidationFailed, match="기안한 뒤 금액이 바뀌었습니다"):
        services.approval_approve(actor=manager, request=request)
    assert target.spent_by == []


def test_a_district_officer_cannot_stand_on_a_divisions_line(office):
    staff, district = office[Role.DIVISION_STAFF], office[Role.DISTRICT_OFFICER]
    district.position = Position.HEAD  # even with the highest position
    district.save()
    call = _unpublished_call(staff)
    with pytest.raises(ValidationFailed) as refused:
        services.approval_draft(actor=staff, act=intake.CALL_PUBLISH, target=call, reviewers=[district],
                                approver=district)  # fmt: skip
    assert refused.value.field_errors["reviewers"][0].endswith("이 일을 검토할 수 없습니다.")
    request = services.approval_draft(actor=staff, act=intake.CALL_PUBLISH, target=call, approver=office["chief"])
    ApprovalRequest.objects.filter(pk=request.pk).update(current_approver=district)  # as if the line named them
    ApprovalStep.objects.filter(request=request).update(approver=district)
    with pytest.raises(NotAllowed):
        services.approval_approve(actor=district, request=request)
    with pytest.raises(NotAllowed):
        services.approval_draft(actor=district, act=intake.CALL_PUBLISH, target=call)
    assert not Call.objects.get(pk=call.pk).is_published


def test_the_line_refuses_the_drafter_and_doubles(office):
    staff, lead = office[Role.DIVISION_STAFF], office["lead"]
    target = spending("L")
    with pytest.raises(ValidationFailed) as refused:
        services.approval_draft(actor=staff, act=SPEND, target=target, reviewers=[staff, lead, lead], approver=lead)
    errors = refused.value.field_errors
    assert errors["reviewers"] == [
        "기안자는 자신의 기안을 검토할 수 없습니다.",
        f"{lead.name}가 결재선에 두 번 있습니다.",
    ]
    assert errors["approver"] == ["검토자를 결재권자로 또 둘 수 없습니다."]
    assert not ApprovalRequest.objects.exists()


RULES = [(None, 100_000_000, Position.TEAM_LEAD), (100_000_000, 1_000_000_000, Position.DIRECTOR)]


def _expected(amount: int) -> str:
    # 1억원 미만 팀장, 1억원 이상 10억원 미만 담당관, 10억원 이상은 규정이 없어 기본(정책관)
    if amount < 100_000_000:
        return Position.TEAM_LEAD
    if amount < 1_000_000_000:
        return Position.DIRECTOR
    return Position.HEAD


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    amount=st.one_of(
        st.integers(0, 2_000_000_000), st.sampled_from([0, 99_999_999, 100_000_000, 999_999_999, 1_000_000_000])
    )
)
def test_the_rule_for_an_amount(office, amount):
    manager = office[Role.OFFICE_MANAGER]
    if not services.DelegationRule.objects.filter(act=SPEND.code).exists():
        for low, high, position in RULES:
            services.delegation_rule_set(actor=manager, act=SPEND.code, amount_from=low, amount_below=high,
                                         position=position)  # fmt: skip
    assert services.approval_rule(act=SPEND, amount=amount).position == _expected(amount)
    lead = office["lead"]
    key = f"H{amount}"
    target = spending(key, amount=amount)
    if _expected(amount) == Position.TEAM_LEAD:
        request = services.approval_draft(actor=office[Role.DIVISION_STAFF], act=SPEND, target=target, approver=lead)
        approve_through(request)
        assert target.spent_by == ["t_lead"]
    else:
        with pytest.raises(ValidationFailed):
            services.approval_draft(actor=office[Role.DIVISION_STAFF], act=SPEND, target=target, approver=lead)
        assert target.spent_by == []


def test_overlapping_rules_take_the_highest_position(office):
    manager = office[Role.OFFICE_MANAGER]
    services.delegation_rule_set(
        actor=manager, act=SPEND.code, amount_from=None, amount_below=None, position="team_lead"
    )
    services.delegation_rule_set(actor=manager, act=SPEND.code, amount_from=50, amount_below=None, position="director")
    assert services.approval_rule(act=SPEND, amount=49).position == "team_lead"
    assert services.approval_rule(act=SPEND, amount=50).position == "director"


def test_only_the_office_manager_sets_rules_and_bad_ranges_are_refused(office):
    with pytest.raises(NotAllowed):
        services.delegation_rule_set(actor=office[Role.DIVISION_STAFF], act=SPEND.code, amount_from=None,
                                     amount_below=None, position="team_lead")  # fmt: skip
    with pytest.raises(ValidationFailed) as refused:
        services.delegation_rule_set(actor=office[Role.OFFICE_MANAGER], act=SPEND.code, amount_from=100,
                                     amount_below=100, position="team_lead")  # fmt: skip
    assert refused.value.field_errors == {"amount_below": ["'미만' 금액은 '이상' 금액보다 커야 합니다."]}


def test_the_demo_rules_load_once_and_decide_by_amount(office):
    from iljari.demo.loader import load_delegation_rules

    load_delegation_rules()
    load_delegation_rules()  # a second run changes nothing
    assert services.DelegationRule.objects.count() == 6
    # 급여 확정: 팀장 by default, 담당관 from 1억원; 융자 실행: 담당관 below 1억원, 정책관 (its default) from it
    assert services.approval_rule(act="participation.pay_confirm", amount=99_999_999).position == Position.TEAM_LEAD
    assert services.approval_rule(act="participation.pay_confirm", amount=100_000_000).position == Position.DIRECTOR
    assert services.approval_rule(act="fund.loan_disburse", amount=99_999_999).position == Position.DIRECTOR
    assert services.approval_rule(act="fund.loan_disburse", amount=100_000_000).position == Position.HEAD
    # 보조금 교부: 팀장 below 1억원, else 담당관; 인건비 지원 교부: 팀장 below 5천만원; 고지 발송: 담당관 from 10억원
    assert services.approval_rule(act="grants.disburse", amount=99_999_999).position == Position.TEAM_LEAD
    assert services.approval_rule(act="grants.disburse", amount=100_000_000).position == Position.DIRECTOR
    assert services.approval_rule(act="grants.payroll_pay", amount=49_999_999).position == Position.TEAM_LEAD
    assert services.approval_rule(act="grants.payroll_pay", amount=50_000_000).position == Position.DIRECTOR
    assert services.approval_rule(act="fund.notices_issue", amount=999_999_999).position == Position.TEAM_LEAD
    assert services.approval_rule(act="fund.notices_issue", amount=1_000_000_000).position == Position.DIRECTOR
