"""grants district services — the writes of the 시-구 협력 district projects and the ecosystem funding.

Contract:
- district_project_register(*, actor, code, year, district, programme, title, operator="", is_new=False,
      starts_on, ends_on, budget_total, city_share, district_share, city_ratio=50, ratio_reason="", jobs)
      -> DistrictProject
      jobs: {target_group: planned}. The shares add up to the total and the city's share is `city_ratio`% of it
      (to the 원); a ratio other than 50:50 needs its reason (사업성격에 따른 매칭비율 조정).
- district_monitoring_record(*, actor, project, month, sales, users, satisfaction, jobs, note="")
      -> DistrictMonitoring
      a month's figures (a month entered again is replaced); jobs: {target_group: filled so far}. The district
      officer of the project's own district or the programme's division. Feeds the programme's job achievements
      (district_achievements_sync) as of the month's last day.
- district_review_record(*, actor, project, reviewed_on, score, findings, reviewer="") -> DistrictReview
- district_decision_record(*, actor, project, decided_on, decision, note="") -> DistrictDecision
      the evaluation committee's decision; the project's status follows it. The committee (사업 총괄 평가위원회,
      grants/committee_subjects.py) decides at its meeting of `decided_on` (found or opened): an agenda item and a
      committees decision linked to the record ("grants.district_decision": 계속 → 원안 가결, 조정 → 수정 가결,
      중단 → 부결).
- district_achievements_sync(*, programme, year, as_of) -> dict[target_group, int]
      the jobs filled of the programme's projects of the year (each project's latest month up to `as_of`) as the
      programme's job achievements, through performance.services.job_achievement_derive.
- ecosystem_support_register(*, actor, code, district, programme, title, kind="special_zone") -> EcosystemSupport
- ecosystem_tranche_fund(*, actor, support, stage, amount, starts_on, ends_on) -> EcosystemTranche
      stage 1 once, at most 6 months and STAGE1_CAP; stage 2 only after stage 1 passed, at most 3 years, each
      year within the previous year's amount × its grade's factor, and STAGE2_CAP over the 3 years.
- ecosystem_tranche_evaluate(*, actor, tranche, evaluated_on, score) -> EcosystemTranche
      score 0–100 → grade (GRADE_FLOORS); a failed stage 1 or a D year ends the support.

`actor=None` is the system (demo loader, tests' set-up). Mistakes raise ValidationFailed with Korean messages and
write nothing.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from iljari.committees.services import decision_link, meeting_for_day
from iljari.core.access import (
    access_district_monitoring_enter,
    access_district_projects_manage,
    require,
)
from iljari.core.errors import ValidationFailed, field_error
from iljari.core.formats import format_won, screen_date, screen_month
from iljari.core.korean import with_topic
from iljari.grants.committee_subjects import DISTRICT_DECISION, evaluation_committee
from iljari.grants.models import (
    DistrictDecision,
    DistrictMonitoring,
    DistrictMonitoringJobs,
    DistrictProject,
    DistrictProjectJobs,
    DistrictReview,
    EcosystemSupport,
    EcosystemTranche,
)
from iljari.performance.models import TargetGroup
from iljari.performance.services import job_achievement_derive

STANDARD_CITY_RATIO = 50  # 시·구비 50:50 매칭을 원칙으로
STAGE1_CAP = 50_000_000  # 사업 준비(6개월, 50백만원 내)
STAGE1_MONTHS = 6
STAGE2_CAP = 500_000_000  # 본사업(3년, 500백만원)
STAGE2_YEARS = 3
GRADE_FLOORS = ((Decimal(90), "A"), (Decimal(80), "B"), (Decimal(70), "C"))  # below 70: D
NEXT_YEAR_FACTOR = {"A": Decimal("1.0"), "B": Decimal("0.8"), "C": Decimal("0.5"), "D": Decimal(0)}

MANAGE_MESSAGE = "이 사업을 관리할 권한이 없습니다."


def _require_manage(actor, programme) -> None:
    if actor is not None:
        require(access_district_projects_manage(actor, programme.division.path), MANAGE_MESSAGE)


MAX_WON = 10**15  # 천조 원: far above any budget, below what the database column holds
MAX_COUNT = 1_000_000_000


def _int(value, field_name: str, label: str, errors: dict, *, minimum: int = 0, maximum: int = MAX_WON) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        errors[field_name] = [f"{with_topic(label)} 정수로 적으십시오."]
        return None
    if value < minimum:
        errors[field_name] = [f"{with_topic(label)} {minimum:,} 이상이어야 합니다."]
        return None
    if value > maximum:
        errors[field_name] = [f"{with_topic(label)} {maximum:,} 이하여야 합니다."]
        return None
    return value


def _score(value, field_name: str, label: str, errors: dict, *, required: bool = True) -> Decimal | None:
    if value is None or value == "":
        if required:
            errors[field_name] = [f"{label}를 적으십시오."]
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        errors[field_name] = [f"{label}는 숫자로 적으십시오."]
        return None
    if not number.is_finite() or number < 0 or number > 100:
        errors[field_name] = [f"{label}는 0점 이상 100점 이하여야 합니다."]
        return None
    if number != number.quantize(Decimal("0.1")):
        errors[field_name] = [f"{label}는 소수점 첫째 자리까지 적습니다."]
        return None
    return number


def _jobs(jobs: dict, field_prefix: str, label: str, errors: dict) -> dict[str, int]:
    clean = {}
    for group, count in (jobs or {}).items():
        if group not in TargetGroup.values:
            errors[f"{field_prefix}{group}"] = ["알 수 없는 사업대상입니다."]
            continue
        number = _int(count, f"{field_prefix}{group}", f"{TargetGroup(group).label} {label}", errors, maximum=MAX_COUNT)
        if number:
            clean[group] = number
    return clean


# --- district projects ------------------------------------------------------------------------------------


def district_project_register(
    *,
    actor,
    code: str,
    year: int,
    district,
    programme,
    title: str,
    starts_on: date,
    ends_on: date,
    budget_total: int,
    city_share: int,
    district_share: int,
    jobs: dict[str, int],
    operator: str = "",
    is_new: bool = False,
    city_ratio: int = STANDARD_CITY_RATIO,
    ratio_reason: str = "",
) -> DistrictProject:
    _require_manage(actor, programme)
    errors: dict[str, list[str]] = {}
    code = (code or "").strip()
    title = (title or "").strip()
    ratio_reason = (ratio_reason or "").strip()
    if not code:
        errors["code"] = ["사업코드를 적으십시오."]
    elif DistrictProject.objects.filter(code=code).exists():
        errors["code"] = [f"사업코드 {code}는 이미 있습니다."]
    if not title:
        errors["title"] = ["사업명을 적으십시오."]
    if ends_on < starts_on:
        errors["ends_on"] = ["사업 종료일이 시작일보다 앞설 수 없습니다."]
    elif starts_on.year != year:
        errors["starts_on"] = [f"사업 시작일이 {year}년이 아닙니다."]
    total = _int(budget_total, "budget_total", "총사업비", errors, minimum=1)
    city = _int(city_share, "city_share", "시비", errors)
    local = _int(district_share, "district_share", "구비", errors)
    ratio = _int(city_ratio, "city_ratio", "시비 비율", errors)
    if ratio is not None and ratio > 100:
        errors["city_ratio"] = ["시비 비율은 0% 이상 100% 이하여야 합니다."]
        ratio = None
    if ratio is not None and ratio != STANDARD_CITY_RATIO and not ratio_reason:
        errors["ratio_reason"] = [
            f"시·구비 매칭은 50:50이 원칙입니다. {ratio}:{100 - ratio}로 하려면 조정 사유를 적으십시오."
        ]
    if None not in (total, city, local):
        if city + local != total:
            errors["district_share"] = [
                f"시비 {format_won(city)}와 구비 {format_won(local)}의 합({format_won(city + local)})이 "
                f"총사업비 {format_won(total)}와 다릅니다."
            ]
        elif ratio is not None and abs(city * 100 - total * ratio) >= 100:
            expected = total * ratio // 100
            errors["city_share"] = [
                f"매칭비율 {ratio}:{100 - ratio}에 맞지 않습니다: 총사업비 {format_won(total)}의 시비는 "
                f"{format_won(expected)}, 구비는 {format_won(total - expected)}이어야 합니다."
            ]
    planned = _jobs(jobs, "jobs_", "계획 일자리", errors)
    if not errors and not planned:
        errors["jobs"] = ["사업대상별 계획 일자리를 하나 이상 적으십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        project = DistrictProject.objects.create(
            code=code,
            year=year,
            district=district,
            programme=programme,
            title=title,
            operator=(operator or "").strip(),
            is_new=is_new,
            starts_on=starts_on,
            ends_on=ends_on,
            budget_total=total,
            city_share=city,
            district_share=local,
            city_ratio=ratio,
            ratio_reason=ratio_reason,
        )
        for group, count in planned.items():  # one by one (a handful): each row in the change history
            DistrictProjectJobs.objects.create(project=project, target_group=group, planned=count)
    return project


def _month_end(month: date) -> date:
    return date(month.year, month.month, monthrange(month.year, month.month)[1])


def district_monitoring_record(
    *,
    actor,
    project: DistrictProject,
    month: date,
    sales: int,
    users: int,
    satisfaction,
    jobs: dict[str, int],
    note: str = "",
) -> DistrictMonitoring:
    if actor is not None:
        require(access_district_monitoring_enter(actor, project), "이 사업의 모니터링을 입력할 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    month = date(month.year, month.month, 1)
    if month < date(project.starts_on.year, project.starts_on.month, 1) or month > project.ends_on:
        errors["month"] = [
            f"{screen_month(month)}은 사업기간"
            f"({screen_date(project.starts_on)}~{screen_date(project.ends_on)}) 밖입니다."
        ]
    sales = _int(sales, "sales", "매출", errors)
    users = _int(users, "users", "이용자 수", errors, maximum=MAX_COUNT)
    satisfaction = _score(satisfaction, "satisfaction", "수혜자 만족도", errors, required=False)
    filled = _jobs(jobs, "jobs_", "채용 일자리", errors)
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        record, _ = DistrictMonitoring.objects.update_or_create(
            project=project,
            month=month,
            defaults={
                "sales": sales,
                "users": users,
                "satisfaction": satisfaction,
                "note": (note or "").strip(),
                "entered_by": actor,
            },
        )
        record.jobs.all().delete()
        for group, count in filled.items():  # one by one (a handful): each row in the change history
            DistrictMonitoringJobs.objects.create(monitoring=record, target_group=group, filled=count)
        district_achievements_sync(programme=project.programme, year=project.year, as_of=_month_end(month))
    return record


def district_achievements_sync(*, programme, year: int, as_of: date) -> dict[str, int]:
    """The jobs filled of the programme's district projects of `year` as of a day: for each project its latest
    month up to the day, summed by target group (one query), written through performance's service."""
    rows = (
        DistrictMonitoringJobs.objects.filter(
            monitoring__project__programme=programme,
            monitoring__project__year=year,
            monitoring__month__lte=as_of,
        )
        .values_list("monitoring__project_id", "monitoring__month", "target_group", "filled")
        .order_by("monitoring__project_id", "monitoring__month")
    )
    latest: dict[int, tuple[date, dict[str, int]]] = {}
    for project_id, month, group, filled in rows:
        seen = latest.get(project_id)
        if seen is None or seen[0] < month:
            seen = latest[project_id] = (month, {})
        seen[1][group] = filled
    totals: dict[str, int] = {}
    for _, groups in latest.values():
        for group, filled in groups.items():
            totals[group] = totals.get(group, 0) + filled
    planned_groups = set(
        DistrictProjectJobs.objects.filter(project__programme=programme, project__year=year)
        .values_list("target_group", flat=True)
        .distinct()
    )
    with transaction.atomic():
        for group in sorted(planned_groups | set(totals)):
            job_achievement_derive(
                programme=programme, year=year, target_group=group, achieved=totals.get(group, 0), as_of=as_of
            )
    return totals


def district_review_record(
    *, actor, project: DistrictProject, reviewed_on: date, score, findings: str, reviewer: str = ""
) -> DistrictReview:
    _require_manage(actor, project.programme)
    errors: dict[str, list[str]] = {}
    score = _score(score, "score", "점수", errors)
    findings = (findings or "").strip()
    if not findings:
        errors["findings"] = ["평가 의견을 적으십시오."]
    if reviewed_on < project.starts_on:
        errors["reviewed_on"] = ["중간평가일이 사업 시작일보다 앞설 수 없습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        return DistrictReview.objects.create(
            project=project, reviewed_on=reviewed_on, score=score, findings=findings, reviewer=(reviewer or "").strip()
        )


DECISION_STATUS = {
    DistrictDecision.Decision.CONTINUE: DistrictProject.Status.CONTINUED,
    DistrictDecision.Decision.ADJUST: DistrictProject.Status.ADJUSTED,
    DistrictDecision.Decision.STOP: DistrictProject.Status.STOPPED,
}


COMMITTEE_RESULTS = {"continue": "approved", "adjust": "amended", "stop": "rejected"}  # 계속·조정·중단


def district_decision_record(
    *, actor, project: DistrictProject, decided_on: date, decision: str, note: str = ""
) -> DistrictDecision:
    _require_manage(actor, project.programme)
    if decision not in DistrictDecision.Decision.values:
        raise field_error("decision", "결정은 계속, 조정, 중단 중 하나입니다.")
    if decided_on < project.starts_on:
        raise field_error("decided_on", "평가위원회 결정일이 사업 시작일보다 앞설 수 없습니다.")
    if decision == DistrictDecision.Decision.ADJUST and not (note or "").strip():
        raise field_error("note", "조정 결정에는 무엇을 조정하는지 결정 내용을 적으십시오.")
    with transaction.atomic():
        record = DistrictDecision.objects.create(
            project=project, decided_on=decided_on, decision=decision, note=(note or "").strip()
        )
        project.status = DECISION_STATUS[decision]
        project.save(update_fields=["status", "updated_at"])
        # the decision is the 사업 총괄 평가위원회's: an agenda item of its meeting that day, linked to the record
        committee = evaluation_committee(project.programme)
        meeting = meeting_for_day(
            actor=actor,
            committee=committee,
            held_on=decided_on,
            title=f"{decided_on.year}년 {decided_on.month}월 사업 총괄 평가위원회",
        )
        decision_link(
            actor=actor,
            meeting=meeting,
            title=f"{project} 사업 평가",
            result=COMMITTEE_RESULTS[decision],
            text=record.note,
            subject_type=DISTRICT_DECISION,
            subject_id=record.pk,
            decided_on=decided_on,
        )
    return record


# --- ecosystem funding (자치구 사회적경제 생태계·특구) ------------------------------------------------------


def ecosystem_support_register(
    *, actor, code: str, district, programme, title: str, kind: str = EcosystemSupport.Kind.SPECIAL_ZONE
) -> EcosystemSupport:
    _require_manage(actor, programme)
    errors: dict[str, list[str]] = {}
    code, title = (code or "").strip(), (title or "").strip()
    if not code:
        errors["code"] = ["코드를 적으십시오."]
    elif EcosystemSupport.objects.filter(code=code).exists():
        errors["code"] = [f"코드 {code}는 이미 있습니다."]
    if not title:
        errors["title"] = ["사업명을 적으십시오."]
    if kind not in EcosystemSupport.Kind.values:
        errors["kind"] = ["구분을 목록에서 고르십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        return EcosystemSupport.objects.create(
            code=code, district=district, programme=programme, title=title, kind=kind
        )


def _months_later(day: date, months: int) -> date:
    """The same day `months` later (the month's last day where it has no such day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def ecosystem_tranche_fund(
    *, actor, support: EcosystemSupport, stage: int, amount: int, starts_on: date, ends_on: date
) -> EcosystemTranche:
    _require_manage(actor, support.programme)
    errors: dict[str, list[str]] = {}
    amount = _int(amount, "amount", "지원액", errors, minimum=1)
    if ends_on < starts_on:
        errors["ends_on"] = ["종료일이 시작일보다 앞설 수 없습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        EcosystemSupport.objects.select_for_update().filter(pk=support.pk).first()  # one funding at a time
        tranches = list(EcosystemTranche.objects.filter(support=support).order_by("stage", "year_number"))
        first = next((t for t in tranches if t.stage == EcosystemTranche.Stage.PREPARATION), None)
        years = [t for t in tranches if t.stage == EcosystemTranche.Stage.MAIN]
        if stage == EcosystemTranche.Stage.PREPARATION:
            if first is not None:
                raise field_error("stage", "1단계(사업 준비) 지원은 한 번만 합니다.")
            if amount > STAGE1_CAP:
                raise field_error(
                    "amount",
                    f"1단계(사업 준비) 지원액은 {format_won(STAGE1_CAP)} 이내입니다. {format_won(amount)}는 넘습니다.",
                )
            if ends_on >= _months_later(starts_on, STAGE1_MONTHS):
                raise field_error("ends_on", f"1단계(사업 준비)는 {STAGE1_MONTHS}개월 이내입니다.")
            year_number = 0
        elif stage == EcosystemTranche.Stage.MAIN:
            if first is None or first.grade == "":
                raise field_error(
                    "stage", "2단계(본사업)는 1단계(사업 준비) 평가를 통과한 뒤에 지원합니다. 1단계 평가가 없습니다."
                )
            if not first.passed:
                raise field_error(
                    "stage", f"1단계(사업 준비) 평가를 통과하지 못해(등급 {first.grade}) 2단계를 지원할 수 없습니다."
                )
            if len(years) >= STAGE2_YEARS:
                raise field_error("stage", f"2단계(본사업)는 {STAGE2_YEARS}년까지입니다.")
            previous = years[-1] if years else first
            if starts_on <= previous.ends_on:
                raise field_error(
                    "starts_on", f"시작일은 앞 기간의 종료일({screen_date(previous.ends_on)}) 다음이어야 합니다."
                )
            if ends_on >= _months_later(starts_on, 12):
                raise field_error("ends_on", "2단계(본사업)의 한 해 지원 기간은 1년 이내입니다.")
            if years:
                last = years[-1]
                if not last.grade:
                    raise field_error(
                        "stage", f"본사업 {last.year_number}년차 평가가 없어 다음 해 지원액을 정할 수 없습니다."
                    )
                factor = NEXT_YEAR_FACTOR[last.grade]
                limit = int(last.amount * factor)
                if limit == 0:
                    raise field_error(
                        "stage", f"본사업 {last.year_number}년차 평가가 D(부진)이어서 지원을 계속할 수 없습니다."
                    )
                if amount > limit:
                    raise field_error(
                        "amount",
                        f"본사업 {last.year_number}년차 평가 {last.grade}등급: 다음 해 지원액은 전년도 "
                        f"{format_won(last.amount)}의 {int(factor * 100)}%인 {format_won(limit)} 이내입니다.",
                    )
            used = sum(t.amount for t in years)
            if used + amount > STAGE2_CAP:
                raise field_error(
                    "amount",
                    f"2단계(본사업) 지원은 3년 합계 {format_won(STAGE2_CAP)} 이내입니다. "
                    f"이미 {format_won(used)}를 지원해 {format_won(STAGE2_CAP - used)}까지 남았습니다.",
                )
            year_number = len(years) + 1
        else:
            raise field_error("stage", "단계는 1(사업 준비) 또는 2(본사업)입니다.")
        tranche = EcosystemTranche.objects.create(
            support=support, stage=stage, year_number=year_number, amount=amount, starts_on=starts_on, ends_on=ends_on
        )
        status = EcosystemSupport.Status.MAIN if stage == EcosystemTranche.Stage.MAIN else support.status
        if status != support.status:
            support.status = status
            support.save(update_fields=["status", "updated_at"])
    return tranche


def grade_of(score: Decimal) -> str:
    return next((grade for floor, grade in GRADE_FLOORS if score >= floor), "D")


def ecosystem_tranche_evaluate(*, actor, tranche: EcosystemTranche, evaluated_on: date, score) -> EcosystemTranche:
    support = tranche.support
    _require_manage(actor, support.programme)
    errors: dict[str, list[str]] = {}
    score = _score(score, "score", "평가 점수", errors)
    if evaluated_on < tranche.starts_on:
        errors["evaluated_on"] = ["평가일이 지원 기간 시작일보다 앞설 수 없습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        tranche.evaluated_on, tranche.score, tranche.grade = evaluated_on, score, grade_of(score)
        tranche.save(update_fields=["evaluated_on", "score", "grade", "updated_at"])
        ended = tranche.grade == "D" or (
            tranche.stage == EcosystemTranche.Stage.MAIN and tranche.year_number >= STAGE2_YEARS
        )
        if ended and support.status != EcosystemSupport.Status.ENDED:
            support.status = EcosystemSupport.Status.ENDED
            support.save(update_fields=["status", "updated_at"])
    return tranche
