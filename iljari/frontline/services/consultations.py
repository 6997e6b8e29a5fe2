"""The consultations and cases desk's writes: consultations with their outcomes and follow-ups (and the office indicator
they feed), the advocates' cases and their steps, workplace visits, and the list of consultation topics."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from iljari.core.access import access_frontline_manage, require
from iljari.core.errors import ValidationFailed, field_error
from iljari.core.formats import screen_date
from iljari.core.korean import with_object, with_topic
from iljari.frontline.models import (
    CaseStep,
    Consultation,
    ConsultationTopic,
    FollowUp,
    LabourCase,
    ServicePoint,
    WorkplaceVisit,
)
from iljari.frontline.selectors.figures import indicator_actuals
from iljari.frontline.services.common import not_future, require_work, service_errors, today
from iljari.performance.services import indicator_actual_derive

# --- consultations ------------------------------------------------------------------------------------------


def _outcome_errors(outcome: str, employer: str, employed_on, referred_to: str, held_on) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if outcome not in Consultation.Outcome.values:
        errors["outcome"] = ["상담 결과를 목록에서 고르십시오."]
    if outcome == Consultation.Outcome.EMPLOYED:
        if not employer.strip():
            errors["employer"] = ["취업한 경우 취업처를 입력하십시오."]
        if employed_on is None:
            errors["employed_on"] = ["취업한 경우 취업일을 입력하십시오."]
        elif employed_on > today():
            errors["employed_on"] = ["취업일은 오늘 이후일 수 없습니다."]
        elif held_on is not None and employed_on < held_on.replace(year=held_on.year - 1):
            errors["employed_on"] = ["취업일이 상담일보다 1년 넘게 앞섭니다. 날짜를 확인하십시오."]
    if outcome == Consultation.Outcome.REFERRED and not referred_to.strip():
        errors["referred_to"] = ["연계한 기관을 입력하십시오."]
    return errors


def consultation_record(
    *,
    actor,
    service_point: ServicePoint,
    held_on: date,
    channel: str,
    topic,
    person=None,
    client_label: str = "",
    client_birth_year: int | None = None,
    notes: str = "",
    outcome: str = "",
    employer: str = "",
    employed_on: date | None = None,
    referred_to: str = "",
    service: str = Consultation.Service.CONSULTATION,
) -> Consultation:
    require_work(actor, service_point)
    errors: dict[str, list[str]] = {}
    if channel not in Consultation.Channel.values:
        errors["channel"] = ["상담 방법(방문·전화·온라인·맞춤)을 고르십시오."]
    errors.update(service_errors(service_point, service))
    if held_on is None:
        errors["held_on"] = ["상담일을 입력하십시오."]
    elif held_on > today():
        errors["held_on"] = ["상담일은 오늘 이후일 수 없습니다."]
    elif not service_point.opened_by(held_on):
        errors["held_on"] = [
            f"{with_topic(service_point.name)} {screen_date(service_point.opened_on)}에 문을 열었습니다. "
            "그 전의 상담은 기록할 수 없습니다."
        ]
    if topic is None or not topic.is_active:
        errors["topic"] = ["상담 주제를 목록에서 고르십시오."]
    if person is None and not client_label.strip():
        errors["client_label"] = ["등록된 상담자를 고르거나, 익명 상담자의 호칭(예: 익명-1)을 입력하십시오."]
    if client_birth_year is not None and not 1900 <= client_birth_year <= today().year:
        errors["client_birth_year"] = ["출생연도를 확인하십시오."]
    errors.update(_outcome_errors(outcome, employer, employed_on, referred_to, held_on))
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        consultation = Consultation.objects.create(
            service_point=service_point,
            held_on=held_on,
            channel=channel,
            service=service,
            topic=topic,
            person=person,
            client_label="" if person is not None else client_label.strip(),
            client_birth_year=None if person is not None else client_birth_year,
            advisor=actor,
            notes=notes.strip(),
            outcome=outcome,
            employer=employer.strip() if outcome == Consultation.Outcome.EMPLOYED else "",
            employed_on=employed_on if outcome == Consultation.Outcome.EMPLOYED else None,
            referred_to=referred_to.strip() if outcome == Consultation.Outcome.REFERRED else "",
        )
        transaction.on_commit(lambda: indicators_sync(year=held_on.year))
    return consultation


def indicators_sync(*, year: int, as_of: date | None = None) -> dict[str, int]:
    """The office indicators these records feed (시민명예노동옴부즈만 상담건수, IND-06), recorded through performance's
    service as of `as_of` (default: today, or the year's last day for a past year). Runs after every consultation
    is recorded, so the indicator follows the consultations without anyone copying a number."""
    as_of = as_of or min(today(), date(year, 12, 31))
    actuals = indicator_actuals(year=year, as_of=as_of)
    for code, value in actuals.items():
        indicator_actual_derive(code=code, year=year, value=value, as_of=as_of)
    return actuals


def consultation_outcome_set(
    *, actor, consultation: Consultation, outcome: str, employer: str = "", employed_on=None, referred_to: str = ""
) -> Consultation:
    require_work(actor, consultation.service_point)
    errors = _outcome_errors(outcome, employer, employed_on, referred_to, consultation.held_on)
    if errors:
        raise ValidationFailed(field_errors=errors)
    employed = outcome == Consultation.Outcome.EMPLOYED
    with transaction.atomic():
        consultation.outcome = outcome
        consultation.employer = employer.strip() if employed else ""
        consultation.employed_on = employed_on if employed else None
        consultation.referred_to = referred_to.strip() if outcome == Consultation.Outcome.REFERRED else ""
        consultation.save(update_fields=["outcome", "employer", "employed_on", "referred_to", "updated_at"])
    return consultation


def follow_up_add(*, actor, consultation: Consultation, due_on: date, note: str = "") -> FollowUp:
    require_work(actor, consultation.service_point)
    if due_on is None:
        raise field_error("due_on", "사후 관리 예정일을 입력하십시오.")
    if due_on < consultation.held_on:
        raise field_error("due_on", "사후 관리 예정일은 상담일 이후여야 합니다.")
    with transaction.atomic():
        return FollowUp.objects.create(consultation=consultation, due_on=due_on, note=note.strip())


def follow_up_done(*, actor, follow_up: FollowUp, done_on: date) -> FollowUp:
    require_work(actor, follow_up.consultation.service_point)
    not_future(done_on, "done_on", "사후 관리한 날")
    with transaction.atomic():
        follow_up.done_on = done_on
        follow_up.save(update_fields=["done_on", "updated_at"])
    return follow_up


# --- cases ----------------------------------------------------------------------------------------------------


def case_open(
    *,
    actor,
    service_point: ServicePoint,
    claimant: str,
    respondent: str,
    claim: str,
    opened_on: date,
    claim_amount: int = 0,
    legal_aid_granted: bool = False,
    consultation: Consultation | None = None,
) -> LabourCase:
    require_work(actor, service_point)
    errors: dict[str, list[str]] = {}
    for field, value, label in (
        ("claimant", claimant, "신청인"),
        ("respondent", respondent, "상대방"),
        ("claim", claim, "청구 내용"),
    ):
        if not (value or "").strip():
            errors[field] = [f"{with_object(label)} 입력하십시오."]
    if claim_amount is None or claim_amount < 0:
        errors["claim_amount"] = ["청구 금액은 0원 이상이어야 합니다."]
    if opened_on is None or opened_on > today():
        errors["opened_on"] = ["수임일을 오늘 이전의 날짜로 입력하십시오."]
    if consultation is not None and consultation.service_point_id != service_point.pk:
        errors["consultation"] = ["다른 창구의 상담으로 사건을 열 수 없습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        case = LabourCase.objects.create(
            service_point=service_point,
            consultation=consultation,
            advocate=actor,
            claimant=claimant.strip(),
            respondent=respondent.strip(),
            claim=claim.strip(),
            claim_amount=claim_amount,
            opened_on=opened_on,
            legal_aid_granted=legal_aid_granted,
        )
        if consultation is not None and consultation.outcome != Consultation.Outcome.CASE_OPENED:
            consultation.outcome = Consultation.Outcome.CASE_OPENED
            consultation.save(update_fields=["outcome", "updated_at"])
    return case


def case_step_add(*, actor, case: LabourCase, title: str, on: date | None = None, deadline: date | None = None):
    require_work(actor, case.service_point)
    if not (title or "").strip():
        raise field_error("title", "단계 이름을 입력하십시오.")
    not_future(on, "on", "단계를 진행한 날")
    if deadline is not None and deadline < case.opened_on:
        raise field_error("deadline", "기한은 수임일 이후여야 합니다.")
    with transaction.atomic():
        return CaseStep.objects.create(case=case, title=title.strip(), on=on, deadline=deadline)


def case_close(*, actor, case: LabourCase, result: str, closed_on: date, amount_recovered: int = 0) -> LabourCase:
    require_work(actor, case.service_point)
    if result not in {LabourCase.Result.WON, LabourCase.Result.SETTLED, LabourCase.Result.LOST}:
        raise field_error("result", "결과(승소·합의·패소)를 고르십시오.")
    if closed_on is None or closed_on < case.opened_on:
        raise field_error("closed_on", "종결일은 수임일 이후여야 합니다.")
    not_future(closed_on, "closed_on", "종결일")
    if amount_recovered is None or amount_recovered < 0:
        raise field_error("amount_recovered", "회수 금액은 0원 이상이어야 합니다.")
    with transaction.atomic():
        case.result = result
        case.closed_on = closed_on
        case.amount_recovered = amount_recovered
        case.save(update_fields=["result", "closed_on", "amount_recovered", "updated_at"])
    return case


# --- workplace visits ----------------------------------------------------------------------------------------


def visit_record(
    *,
    actor,
    service_point: ServicePoint,
    workplace: str,
    visited_on: date,
    employees: int = 0,
    findings: str = "",
    checks: WorkplaceVisit | None = None,
    findings_resolved: bool | None = None,
) -> WorkplaceVisit:
    require_work(actor, service_point)
    errors: dict[str, list[str]] = {}
    if checks is None and not (workplace or "").strip():
        errors["workplace"] = ["사업장 이름을 입력하십시오."]
    if visited_on is None:
        errors["visited_on"] = ["방문일을 입력하십시오."]
    elif visited_on > today():
        errors["visited_on"] = ["방문일은 오늘 이후일 수 없습니다. 다녀온 방문만 기록합니다."]
    if employees is None or employees < 0:
        errors["employees"] = ["상시 근로자 수는 0명 이상이어야 합니다."]
    if service_point.kind == ServicePoint.Kind.VILLAGE_LABOUR_ATTORNEY and (employees or 0) > 9:
        errors["employees"] = ["마을노무사는 상시 근로자 9인 이하 사업장만 컨설팅합니다."]
    if checks is not None:
        if checks.service_point_id != service_point.pk:
            errors["checks"] = ["다른 창구의 방문은 점검할 수 없습니다."]
        elif visited_on is not None and visited_on <= checks.visited_on:
            errors["visited_on"] = ["점검 방문은 처음 방문한 날 이후여야 합니다."]
        if findings_resolved is None:
            errors["findings_resolved"] = ["지적사항이 개선되었는지 표시하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        return WorkplaceVisit.objects.create(
            service_point=service_point,
            workplace=(checks.workplace if checks is not None else workplace).strip(),
            employees=employees or 0,
            visited_on=visited_on,
            consultant=actor,
            findings=findings.strip(),
            checks=checks,
            findings_resolved=findings_resolved if checks is not None else None,
        )


# --- set-up: the consultation topics --------------------------------------------------------------------------


def topic_set(*, actor, code: str, name: str, sort_order: int = 0) -> ConsultationTopic:
    if actor is not None:
        require(access_frontline_manage(actor, "/"), "상담 주제 목록을 바꿀 권한이 없습니다.")
    with transaction.atomic():
        topic, _ = ConsultationTopic.objects.update_or_create(
            code=code, defaults={"name": name, "sort_order": sort_order}
        )
    return topic
