"""The public sector desk's writes: conversions to regular staff, fixed-term pre-screening requests and decisions,
annual working hours and labour checks (노동정책담당관 and the office manager).

A conversion may carry the day its parties agreed to it (`agreed_on`, 노사합의) before it is done: not a day still
to come, not after the day it was done."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from iljari.committees.models import Decision
from iljari.committees.services import decision_link, meeting_for_day
from iljari.core.access import access_public_sector_record, require
from iljari.core.errors import ValidationFailed, field_error
from iljari.frontline.committee import SUBJECT as SCREENING_SUBJECT
from iljari.frontline.committee import screening_committee
from iljari.frontline.models import Conversion, FixedTermScreening, LabourCheck, WorkingHours
from iljari.frontline.services.common import not_future, today


def _require_labour_policy(actor) -> None:
    if actor is not None:
        require(access_public_sector_record(actor), "공공부문 노동 자료를 기록할 권한이 없습니다.")


def conversion_record(
    *,
    actor,
    kind: str,
    group: str,
    planned: int,
    done: int = 0,
    done_on: date | None = None,
    institution=None,
    institution_label: str = "",
    agreed_on: date | None = None,
) -> Conversion:
    _require_labour_policy(actor)
    errors: dict[str, list[str]] = {}
    if kind not in Conversion.Kind.values:
        errors["kind"] = ["전환 구분을 고르십시오."]
    if not (group or "").strip():
        errors["group"] = ["전환 대상을 입력하십시오."]
    if institution is None and not institution_label.strip():
        errors["institution"] = ["기관을 고르거나 기관명을 입력하십시오."]
    if planned is None or planned < 1:
        errors["planned"] = ["전환 계획 인원은 1명 이상이어야 합니다."]
    elif done is None or done < 0 or done > planned:
        errors["done"] = ["전환 완료 인원은 0명 이상, 계획 인원 이하여야 합니다."]
    if done and done_on is None:
        errors["done_on"] = ["전환한 날을 입력하십시오."]
    elif done_on is not None and done_on > today():
        errors["done_on"] = ["전환일은 오늘 이후일 수 없습니다."]
    if agreed_on is not None:
        if actor is not None and agreed_on > today():
            errors["agreed_on"] = ["노사합의일은 오늘 이후일 수 없습니다."]
        elif done and done_on is not None and agreed_on > done_on:
            errors["agreed_on"] = ["노사합의일은 전환일보다 늦을 수 없습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        return Conversion.objects.create(
            kind=kind,
            institution=institution,
            institution_label=institution_label.strip(),
            group=group.strip(),
            planned=planned,
            done=done,
            done_on=done_on if done else None,
            agreed_on=agreed_on,
        )


def screening_request(
    *, actor, reason: str, headcount: int, months: int, budget: int, requested_on: date, institution=None, unit=None
) -> FixedTermScreening:
    _require_labour_policy(actor)
    errors: dict[str, list[str]] = {}
    if institution is None and unit is None:
        errors["institution"] = ["요청한 기관이나 부서를 고르십시오."]
    if not (reason or "").strip():
        errors["reason"] = ["채용 사유를 입력하십시오."]
    if headcount is None or headcount < 1:
        errors["headcount"] = ["인원은 1명 이상이어야 합니다."]
    if months is None or not 1 <= months <= 24:
        errors["months"] = ["기간제 근로 기간은 1~24개월입니다."]
    if budget is None or budget < 0:
        errors["budget"] = ["예산은 0원 이상이어야 합니다."]
    if requested_on is None:
        errors["requested_on"] = ["요청일을 입력하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        return FixedTermScreening.objects.create(
            institution=institution,
            unit=unit,
            reason=reason.strip(),
            headcount=headcount,
            months=months,
            budget=budget,
            requested_on=requested_on,
        )


SCREENING_RESULTS = {
    "approved": Decision.Result.APPROVED,  # 적정: 원안 가결
    "reduced": Decision.Result.AMENDED,  # 조정: 수정 가결
    "rejected": Decision.Result.REJECTED,  # 부적정: 부결
}


def screening_decide(
    *,
    actor,
    screening: FixedTermScreening,
    decision: str,
    decided_on: date,
    approved_headcount=None,
    committee_note: str = "",
) -> FixedTermScreening:
    _require_labour_policy(actor)
    if screening.decision != FixedTermScreening.Decision.PENDING:
        raise ValidationFailed("이미 심사한 요청입니다.")
    if decision not in {"approved", "reduced", "rejected"}:
        raise field_error("decision", "심사 결과(적정·조정·부적정)를 고르십시오.")
    if decided_on is None or decided_on < screening.requested_on:
        raise field_error("decided_on", "심사일은 요청일 이후여야 합니다.")
    not_future(decided_on, "decided_on", "심사일")
    if decision == "reduced" and (approved_headcount is None or not 0 < approved_headcount < screening.headcount):
        raise field_error("approved_headcount", "조정한 경우 인정 인원은 1명 이상, 요청 인원보다 적어야 합니다.")
    with transaction.atomic():
        screening.decision = decision
        screening.decided_on = decided_on
        screening.approved_headcount = {
            "approved": screening.headcount,
            "reduced": approved_headcount,
            "rejected": 0,
        }[decision]
        screening.save(update_fields=["decision", "decided_on", "approved_headcount", "updated_at"])
        # the decision is the 사전심사위원회's: an agenda item of its meeting that day, linked to the request
        committee = screening_committee()
        meeting = meeting_for_day(actor=actor, committee=committee, held_on=decided_on)
        decision_link(
            actor=actor,
            meeting=meeting,
            title=f"{screening} 채용 사전심사",
            result=SCREENING_RESULTS[decision],
            text=(committee_note or "").strip(),
            subject_type=SCREENING_SUBJECT,
            subject_id=screening.pk,
            decided_on=decided_on,
        )
    return screening


def working_hours_record(*, actor, institution, year: int, hours: int) -> WorkingHours:
    _require_labour_policy(actor)
    if year is None or not 2000 <= year <= today().year:
        raise field_error("year", "연도를 확인하십시오(올해까지).")
    if hours is None or not 1 <= hours <= 8784:
        raise field_error("hours", "연간 노동시간은 1~8,784시간입니다.")
    with transaction.atomic():
        record, _ = WorkingHours.objects.update_or_create(institution=institution, year=year, defaults={"hours": hours})
    return record


def labour_check_record(
    *, actor, institution, kind: str, checked_on: date, compliant: bool, max_weekly_hours=None, findings: str = ""
) -> LabourCheck:
    _require_labour_policy(actor)
    errors: dict[str, list[str]] = {}
    if kind not in LabourCheck.Kind.values:
        errors["kind"] = ["점검 구분을 고르십시오."]
    if checked_on is None:
        errors["checked_on"] = ["점검일을 입력하십시오."]
    elif checked_on > today():
        errors["checked_on"] = ["점검일은 오늘 이후일 수 없습니다. 마친 점검만 기록합니다."]
    if kind == LabourCheck.Kind.WEEK_52 and max_weekly_hours is not None and max_weekly_hours > 52 and compliant:
        errors["compliant"] = ["최장 주당 노동시간이 52시간을 넘으면 적합으로 기록할 수 없습니다."]
    if not compliant and not (findings or "").strip():
        errors["findings"] = ["부적합이면 지적사항을 입력하십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        return LabourCheck.objects.create(
            institution=institution,
            kind=kind,
            checked_on=checked_on,
            compliant=compliant,
            max_weekly_hours=max_weekly_hours,
            findings=(findings or "").strip(),
        )
