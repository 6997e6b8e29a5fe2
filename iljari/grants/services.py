"""grants services — grant programmes, agreements, tranches, spending reports, settlement, evaluation and the
per-employee-month subsidies.

Contract:
- grant_programme_set(*, actor, code, year, name, programme, budget_line, **rule) -> GrantProgramme
      creates or updates by code: the matching rule (source, ratio of the total, exact or at least), the range of
      one grant's city share, how its jobs count (target group, direct/indirect), the subsidy rule of an
      employment programme (wage share up to a monthly cap per person, employer insurance share).
- agreement_create(*, actor, programme, grantee, code, title, starts_on, ends_on, city_amount, matched_amount=0,
      application=None, district=None, partner=None, jobs_planned=0, previous=None) -> GrantAgreement (draft)
      the city share inside the programme's range, the matched share by the programme's ratio; from a selected
      application of a confirmed call for organisations (the grantee is its organisation), once per application.
- agreement_sign(*, actor, agreement, signed_on) -> GrantAgreement
      signing commits the city share: a finance movement of 원인행위액 (+city share) on the budget line.
- disbursement_record(*, actor, agreement, paid_on, amount, note="", payroll=None) -> Disbursement
      a tranche of a signed agreement, never beyond its city share (the Korean message names what is left);
      moves the line's 지출액 by exactly the amount (finance.services.budget_movement_post).
- spending_report_submit(*, actor, agreement, period_end, items, jobs_created=0, note="") -> SpendingReport
      the grantee's own account (or the programme's staff for a paper one); items {category: 원}, cumulative to
      period_end, never above the agreement's total; the grant-funded jobs then roll up (grant_jobs_sync).
- settlement_record(*, actor, agreement, settled_on, spent, returned, note="") -> Settlement
      disbursed = spent + returned, or a Korean error showing the gap. In the budget line's year the return
      lowers 지출액 (지출 반납: −returned) and the commitment not used is released (원인행위액 −(city share −
      net spent)); a settlement in a later year changes nothing on that line (the return is that year's revenue).
- evaluation_record(*, actor, agreement, evaluated_on, score_plan, score_jobs, score_finance, decision,
      next_amount=None, note="", next_programme=None) -> Evaluation
      scores 0–100 on a settled agreement; extend (same city share) or cut (a smaller one) creates next year's
      draft agreement on the next year's programme (found by the same 주요업무, kind and name); stop does not.
- payroll_submit(*, actor, agreement, title, rows) -> Payroll / payroll_import(*, actor, agreement, title, data)
      an employment-subsidy agreement's payroll (employees × months): every row checked (month in the
      agreement's period, no employee-month claimed twice), every error named by its row, nothing written unless
      all rows pass; the subsidy computed per line by the programme's rule (floored to the won).
- payroll_approve(*, actor, payroll, paid_on) -> Disbursement      its subsidy paid as a tranche
- grant_jobs_sync(*, programme, year, as_of) -> dict               the jobs of a 주요업무's grants, by its rule,
      into performance's job_achievement_derive (one row per target group and kind, summed over its grants).

`actor=None` is the system (demo loader, tests' set-up). Permissions: iljari.core.access (access_grants_manage for
the programme's division, access_grant_own for the grantee). Mistakes raise ValidationFailed in Korean and write
nothing.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Max, Sum

from iljari.core.access import access_grant_own, access_grants_manage, require
from iljari.core.errors import ValidationFailed
from iljari.finance.services import budget_movement_post
from iljari.grants.models import (
    Disbursement,
    Evaluation,
    GrantAgreement,
    GrantProgramme,
    Payroll,
    PayrollLine,
    Settlement,
    SpendingItem,
    SpendingReport,
)

MANAGE_MESSAGE = "이 보조금 사업을 관리할 권한이 없습니다."
HUNDRED = Decimal(100)


def _won(value: int) -> str:
    return f"{value:,}원"


def _fail(field: str, message: str):
    raise ValidationFailed(message, field_errors={field: [message]})


def _require_manage(actor, programme: GrantProgramme) -> None:
    if actor is not None:
        require(access_grants_manage(actor, programme.programme.division.path), MANAGE_MESSAGE)


def _require_grantee_or_manage(actor, agreement: GrantAgreement) -> None:
    if actor is None or access_grant_own(actor, agreement):
        return
    require(access_grants_manage(actor, agreement.programme.programme.division.path), MANAGE_MESSAGE)


def _amount(value, field: str, label: str, *, positive: bool = False) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        _fail(field, f"{label}은(는) 원 단위 정수로 적으십시오.")
    if value < 0 or (positive and value == 0):
        _fail(field, f"{label}은(는) {'1원' if positive else '0원'} 이상이어야 합니다.")
    return value


def _percent(value, field: str, label: str, *, below_hundred: bool = False) -> Decimal:
    try:
        rate = Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        _fail(field, f"{label}을(를) 숫자로 적으십시오.")
    if not rate.is_finite() or rate < 0 or rate > 100 or (below_hundred and rate == 100):
        _fail(field, f"{label}은(는) 0% 이상 {'100% 미만' if below_hundred else '100% 이하'}여야 합니다.")
    if rate != rate.quantize(Decimal("0.01")):
        _fail(field, f"{label}은(는) 소수점 둘째 자리까지 적습니다.")
    return rate


def _lock(agreement: GrantAgreement) -> GrantAgreement:
    return (
        GrantAgreement.objects.select_for_update()
        .select_related("programme", "programme__programme", "budget_line")
        .get(pk=agreement.pk)
    )


def _disbursed(agreement: GrantAgreement) -> int:
    return agreement.disbursements.aggregate(s=Sum("amount"))["s"] or 0


# --- programmes ---------------------------------------------------------------------------------------------

PROGRAMME_RULE_FIELDS = (
    "kind",
    "budget",
    "matched_source",
    "matched_ratio",
    "matched_exact",
    "min_amount",
    "max_amount",
    "job_count",
    "target_group",
    "job_kind",
    "call",
    "wage_share",
    "wage_cap",
    "insurance_share",
    "note",
)


def grant_programme_set(*, actor, code: str, year: int, name: str, programme, budget_line, **rule) -> GrantProgramme:
    if actor is not None:
        require(access_grants_manage(actor, programme.division.path), MANAGE_MESSAGE)
    unknown = set(rule) - set(PROGRAMME_RULE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    errors: dict[str, list[str]] = {}
    code = (code or "").strip()
    if not code:
        errors["code"] = ["코드를 입력하십시오."]
    if not (name or "").strip():
        errors["name"] = ["보조금 사업명을 입력하십시오."]
    if budget_line.year != year:
        errors["budget_line"] = [f"{year}년 예산 사업을 고르십시오({budget_line.year}년 예산입니다)."]
    kind = rule.get("kind", GrantProgramme.Kind.PROJECT)
    if kind not in GrantProgramme.Kind.values:
        errors["kind"] = ["구분을 고르십시오."]
    source = rule.get("matched_source", GrantProgramme.MatchedSource.NONE)
    if source not in GrantProgramme.MatchedSource.values:
        errors["matched_source"] = ["매칭 재원을 고르십시오."]
    try:
        ratio = _percent(rule.get("matched_ratio", 0), "matched_ratio", "매칭 비율", below_hundred=True)
        rule["matched_ratio"] = ratio
        for field, label in (("wage_share", "인건비 지원 비율"), ("insurance_share", "사회보험료 지원 비율")):
            rule[field] = _percent(rule.get(field, 0), field, label)
    except ValidationFailed as error:
        errors.update(error.field_errors)
        ratio = Decimal(0)
    if source == GrantProgramme.MatchedSource.NONE and ratio:
        errors["matched_ratio"] = ["매칭이 없으면 매칭 비율은 0입니다."]
    if source != GrantProgramme.MatchedSource.NONE and not ratio and "matched_ratio" not in errors:
        errors["matched_ratio"] = ["매칭 비율을 적으십시오."]
    low, high = rule.get("min_amount"), rule.get("max_amount")
    if low is not None and high is not None and low > high:
        errors["max_amount"] = ["최대 금액이 최소 금액보다 작습니다."]
    job_count = rule.get("job_count", GrantProgramme.JobCount.NONE)
    if job_count != GrantProgramme.JobCount.NONE and not rule.get("target_group"):
        errors["target_group"] = ["일자리로 세는 사업은 사업대상을 고르십시오."]
    if kind == GrantProgramme.Kind.EMPLOYMENT and not (rule.get("wage_share") or rule.get("insurance_share")):
        errors["wage_share"] = ["인건비·사회보험료 지원 사업은 지원 비율을 적으십시오."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        grant_programme, _ = GrantProgramme.objects.update_or_create(
            code=code,
            defaults={"year": year, "name": name.strip(), "programme": programme, "budget_line": budget_line, **rule},
        )
    return grant_programme


def matched_required(programme: GrantProgramme, city_amount: int) -> Decimal:
    """The matched share the ratio asks for a city share: city × r / (100 − r) (50:50 → the same amount)."""
    ratio = programme.matched_ratio
    return Decimal(city_amount) * ratio / (HUNDRED - ratio)


def _matching_errors(programme: GrantProgramme, city_amount: int, matched_amount: int) -> list[str]:
    if programme.matched_source == GrantProgramme.MatchedSource.NONE:
        return [] if matched_amount == 0 else ["이 사업은 매칭이 없습니다: 매칭 금액은 0원입니다."]
    required = matched_required(programme, city_amount)
    total = city_amount + matched_amount
    share = (Decimal(matched_amount) * HUNDRED / total).quantize(Decimal("0.01")) if total else Decimal(0)
    label = programme.get_matched_source_display()
    if programme.matched_exact and abs(Decimal(matched_amount) - required) >= 1:
        expected = int(required.to_integral_value())
        return [
            f"매칭 비율이 맞지 않습니다: {programme.matching_text}이면 시비 {_won(city_amount)}에 {label} "
            f"{_won(expected)}이어야 합니다(적은 금액 {_won(matched_amount)}, {share}%)."
        ]
    if not programme.matched_exact and Decimal(matched_amount) < required.to_integral_value(rounding=ROUND_CEILING):
        expected = int(required.to_integral_value(rounding=ROUND_CEILING))
        return [
            f"매칭이 모자랍니다: {programme.matching_text}(총사업비 기준), 시비 {_won(city_amount)}이면 "
            f"{_won(expected)} 이상이어야 합니다(적은 금액 {_won(matched_amount)}, {share}%)."
        ]
    return []


# --- agreements ---------------------------------------------------------------------------------------------


def _application_errors(programme: GrantProgramme, application, grantee) -> list[str]:
    from iljari.intake.models import Application, Call

    call = application.call
    if call.audience != Call.Audience.ORGANISATIONS:
        return ["기업·단체 공모의 신청만 협약할 수 있습니다."]
    if programme.call_id is not None and call.pk != programme.call_id:
        return [f"이 보조금 사업의 공모({programme.call.title})에 낸 신청이 아닙니다."]
    if programme.call_id is None and call.programme_id != programme.programme_id:
        return [f"이 보조금 사업의 주요업무({programme.programme.title}) 공모에 낸 신청이 아닙니다."]
    if not call.selection_confirmed:
        return ["공모의 선정 결과가 아직 확정되지 않았습니다."]
    if application.status != Application.Status.SELECTED:
        return [f"선정된 신청이 아닙니다(상태: {application.get_status_display()})."]
    if application.organisation_id != grantee.pk:
        return ["신청한 기업·단체와 협약 상대가 다릅니다."]
    return []


def agreement_create(
    *,
    actor,
    programme: GrantProgramme,
    grantee,
    code: str,
    title: str,
    starts_on: date,
    ends_on: date,
    city_amount: int,
    matched_amount: int = 0,
    application=None,
    district=None,
    partner=None,
    jobs_planned: int = 0,
    previous: GrantAgreement | None = None,
    year: int | None = None,
) -> GrantAgreement:
    _require_manage(actor, programme)
    errors: dict[str, list[str]] = {}
    code = (code or "").strip()
    if not code:
        errors["code"] = ["협약번호를 입력하십시오."]
    elif GrantAgreement.objects.filter(code=code).exists():
        errors["code"] = [f"이미 쓰는 협약번호입니다({code})."]
    if not (title or "").strip():
        errors["title"] = ["사업명을 입력하십시오."]
    if starts_on is None or ends_on is None:
        errors["ends_on"] = ["사업 기간을 입력하십시오."]
    elif ends_on < starts_on:
        errors["ends_on"] = ["사업 종료일이 시작일보다 앞설 수 없습니다."]
    for field, value, label in (("city_amount", city_amount, "시비"), ("matched_amount", matched_amount, "매칭")):
        try:
            _amount(value, field, label, positive=field == "city_amount")
        except ValidationFailed as error:
            errors.update(error.field_errors)
    if "city_amount" not in errors:
        if programme.min_amount is not None and city_amount < programme.min_amount:
            errors["city_amount"] = [f"이 사업의 한 건 지원은 {_won(programme.min_amount)} 이상입니다."]
        if programme.max_amount is not None and city_amount > programme.max_amount:
            errors["city_amount"] = [f"이 사업의 한 건 지원은 {_won(programme.max_amount)} 이하입니다."]
    if "city_amount" not in errors and "matched_amount" not in errors:
        matching = _matching_errors(programme, city_amount, matched_amount)
        if matching:
            errors["matched_amount"] = matching
    if application is not None:
        application_errors = _application_errors(programme, application, grantee)
        if application_errors:
            errors["application"] = application_errors
        elif GrantAgreement.objects.filter(application=application).exists():
            errors["application"] = ["이 신청은 이미 협약했습니다."]
    if not isinstance(jobs_planned, int) or jobs_planned < 0:
        errors["jobs_planned"] = ["계획 일자리는 0명 이상입니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        return GrantAgreement.objects.create(
            code=code,
            programme=programme,
            grantee=grantee,
            application=application,
            title=title.strip(),
            year=year or programme.year,
            starts_on=starts_on,
            ends_on=ends_on,
            city_amount=city_amount,
            matched_amount=matched_amount,
            budget_line=programme.budget_line,
            district=district,
            partner=partner,
            jobs_planned=jobs_planned,
            previous=previous,
        )


def agreement_sign(*, actor, agreement: GrantAgreement, signed_on: date) -> GrantAgreement:
    _require_manage(actor, agreement.programme)
    if signed_on is None:
        _fail("signed_on", "협약일을 입력하십시오.")
    with transaction.atomic():
        agreement = _lock(agreement)
        if agreement.status != GrantAgreement.Status.DRAFT:
            _fail("signed_on", f"이미 {agreement.get_status_display()} 상태인 협약입니다.")
        if signed_on.year != agreement.budget_line.year:
            _fail("signed_on", f"협약일은 예산 사업의 회계연도({agreement.budget_line.year}년) 안이어야 합니다.")
        if signed_on > agreement.ends_on:
            _fail("signed_on", "사업 종료일 뒤에는 협약할 수 없습니다.")
        agreement.status = GrantAgreement.Status.SIGNED
        agreement.signed_on = signed_on
        agreement.save(update_fields=["status", "signed_on", "updated_at"])
        budget_movement_post(
            actor=None,
            line=agreement.budget_line,
            on=signed_on,
            committed=agreement.city_amount,
            reference=f"grants:agreement:{agreement.pk}:sign",
            note=f"보조금 협약 {agreement.code} 체결(원인행위)",
        )
    return agreement


def disbursement_record(
    *, actor, agreement: GrantAgreement, paid_on: date, amount: int, note: str = "", payroll: Payroll | None = None
) -> Disbursement:
    _require_manage(actor, agreement.programme)
    _amount(amount, "amount", "교부액", positive=True)
    if paid_on is None:
        _fail("paid_on", "교부일을 입력하십시오.")
    with transaction.atomic():
        agreement = _lock(agreement)
        if agreement.status != GrantAgreement.Status.SIGNED:
            _fail("amount", f"협약이 체결된 사업에만 교부합니다(지금: {agreement.get_status_display()}).")
        if paid_on < agreement.signed_on:
            _fail("paid_on", f"교부일은 협약일({agreement.signed_on:%Y-%m-%d}) 이후여야 합니다.")
        if paid_on.year != agreement.budget_line.year:
            _fail("paid_on", f"교부일은 예산 사업의 회계연도({agreement.budget_line.year}년) 안이어야 합니다.")
        disbursed = _disbursed(agreement)
        left = agreement.city_amount - disbursed
        if amount > left:
            _fail(
                "amount",
                f"협약 시비 {_won(agreement.city_amount)} 중 {_won(disbursed)}을 이미 교부해 남은 금액은 "
                f"{_won(left)}입니다: {_won(amount)}은 교부할 수 없습니다.",
            )
        number = (agreement.disbursements.aggregate(n=Max("number"))["n"] or 0) + 1
        disbursement = Disbursement.objects.create(
            agreement=agreement, number=number, paid_on=paid_on, amount=amount, note=note[:200], payroll=payroll
        )
        budget_movement_post(
            actor=None,
            line=agreement.budget_line,
            on=paid_on,
            spent=amount,
            reference=f"grants:disbursement:{disbursement.pk}",
            note=f"보조금 {agreement.code} {number}차 교부",
        )
    return disbursement


# --- spending reports and settlement ------------------------------------------------------------------------


def spending_report_submit(
    *, actor, agreement: GrantAgreement, period_end: date, items: dict, jobs_created: int = 0, note: str = ""
) -> SpendingReport:
    _require_grantee_or_manage(actor, agreement)
    errors: dict[str, list[str]] = {}
    if period_end is None:
        errors["period_end"] = ["집행 기준일을 입력하십시오."]
    clean: dict[str, int] = {}
    for category, value in (items or {}).items():
        if category not in SpendingItem.Category.values:
            errors.setdefault("items", []).append(f"알 수 없는 비목입니다({category}).")
            continue
        label = SpendingItem.Category(category).label
        if value is None or value == 0:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            errors.setdefault(category, []).append(f"{label} 집행액은 0원 이상의 정수여야 합니다.")
            continue
        clean[category] = value
    if not isinstance(jobs_created, int) or jobs_created < 0:
        errors["jobs_created"] = ["채용 인원은 0명 이상입니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        agreement = _lock(agreement)
        if agreement.status != GrantAgreement.Status.SIGNED:
            _fail("period_end", f"협약 체결 중인 사업만 집행을 보고합니다(지금: {agreement.get_status_display()}).")
        if not agreement.signed_on <= period_end <= agreement.ends_on:
            _fail("period_end", "집행 기준일은 협약일부터 사업 종료일 사이여야 합니다.")
        if agreement.spending_reports.filter(period_end=period_end).exists():
            _fail("period_end", f"{period_end:%Y-%m-%d} 기준 보고가 이미 있습니다.")
        total = sum(clean.values())
        if total > agreement.total_amount:
            _fail(
                "items",
                f"집행액 합계 {_won(total)}이 총사업비 {_won(agreement.total_amount)}(시비+매칭)를 넘습니다.",
            )
        report = SpendingReport.objects.create(
            agreement=agreement,
            period_end=period_end,
            jobs_created=jobs_created,
            note=note,
            submitted_by=actor if actor is not None else None,
        )
        SpendingItem.objects.bulk_create(
            [SpendingItem(report=report, category=category, amount=amount) for category, amount in clean.items()]
        )
        if agreement.programme.job_count == GrantProgramme.JobCount.REPORTED:
            grant_jobs_sync(programme=agreement.programme.programme, year=agreement.year, as_of=period_end)
    return report


def settlement_record(
    *, actor, agreement: GrantAgreement, settled_on: date, spent: int, returned: int, note: str = ""
) -> Settlement:
    _require_manage(actor, agreement.programme)
    _amount(spent, "spent", "집행액")
    _amount(returned, "returned", "반납액")
    if settled_on is None:
        _fail("settled_on", "정산일을 입력하십시오.")
    with transaction.atomic():
        agreement = _lock(agreement)
        if agreement.status != GrantAgreement.Status.SIGNED:
            _fail("settled_on", f"협약 체결 중인 사업만 정산합니다(지금: {agreement.get_status_display()}).")
        if settled_on < agreement.signed_on:
            _fail("settled_on", "정산일은 협약일 이후여야 합니다.")
        disbursed = _disbursed(agreement)
        gap = disbursed - spent - returned
        if gap:
            message = (
                f"정산이 맞지 않습니다: 교부액 {_won(disbursed)} = 집행액 {_won(spent)} + 반납액 {_won(returned)}"
                f"이어야 하는데 {_won(abs(gap))}이 {'모자랍니다' if gap > 0 else '넘칩니다'}."
            )
            raise ValidationFailed(message, field_errors={"returned": [message]})
        settlement = Settlement.objects.create(
            agreement=agreement, settled_on=settled_on, disbursed=disbursed, spent=spent, returned=returned, note=note
        )
        agreement.status = GrantAgreement.Status.SETTLED
        agreement.save(update_fields=["status", "updated_at"])
        release = agreement.city_amount - spent  # the commitment not needed: never disbursed, or returned
        if settled_on.year == agreement.budget_line.year and (release or returned):
            budget_movement_post(
                actor=None,
                line=agreement.budget_line,
                on=settled_on,
                committed=-release,
                spent=-returned,
                reference=f"grants:settlement:{settlement.pk}",
                note=f"보조금 {agreement.code} 정산(반납 {_won(returned)})",
            )
    return settlement


# --- evaluation ---------------------------------------------------------------------------------------------


def _next_programme(programme: GrantProgramme) -> GrantProgramme | None:
    return (
        GrantProgramme.objects.filter(
            year=programme.year + 1, programme=programme.programme, kind=programme.kind, name=programme.name
        )
        .order_by("code")
        .first()
    )


def evaluation_record(
    *,
    actor,
    agreement: GrantAgreement,
    evaluated_on: date,
    score_plan: int,
    score_jobs: int,
    score_finance: int,
    decision: str,
    next_amount: int | None = None,
    note: str = "",
    next_programme: GrantProgramme | None = None,
) -> Evaluation:
    _require_manage(actor, agreement.programme)
    errors: dict[str, list[str]] = {}
    for field, value, label in (
        ("score_plan", score_plan, "사업계획 달성"),
        ("score_jobs", score_jobs, "일자리 성과"),
        ("score_finance", score_finance, "예산 집행 적정성"),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
            errors[field] = [f"{label} 점수는 0점부터 100점까지입니다."]
    if evaluated_on is None:
        errors["evaluated_on"] = ["평가일을 입력하십시오."]
    if decision not in Evaluation.Decision.values:
        errors["decision"] = ["결정을 고르십시오(연장, 감액 연장, 중단)."]
    elif decision == Evaluation.Decision.EXTEND:
        next_amount = agreement.city_amount if next_amount is None else next_amount
        if next_amount != agreement.city_amount:
            errors["next_amount"] = ["연장은 같은 시비입니다: 금액을 줄이려면 '감액 연장'을 고르십시오."]
    elif decision == Evaluation.Decision.CUT:
        if not isinstance(next_amount, int) or not 0 < next_amount < agreement.city_amount:
            errors["next_amount"] = [f"감액 연장은 다음 해 시비를 {_won(agreement.city_amount)}보다 적게 적습니다."]
    elif next_amount:
        errors["next_amount"] = ["중단하면 다음 해 시비가 없습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        agreement = _lock(agreement)
        if agreement.status != GrantAgreement.Status.SETTLED:
            _fail("decision", f"정산을 마친 협약만 평가합니다(지금: {agreement.get_status_display()}).")
        evaluation = Evaluation.objects.create(
            agreement=agreement,
            evaluated_on=evaluated_on,
            score_plan=score_plan,
            score_jobs=score_jobs,
            score_finance=score_finance,
            decision=decision,
            next_amount=None if decision == Evaluation.Decision.STOP else next_amount,
            note=note,
        )
        agreement.status = GrantAgreement.Status.CLOSED
        agreement.save(update_fields=["status", "updated_at"])
        if decision != Evaluation.Decision.STOP:
            target = next_programme or _next_programme(agreement.programme)
            if target is None:
                _fail(
                    "decision",
                    f"연장할 {agreement.programme.year + 1}년 '{agreement.programme.name}' "
                    "보조금 사업을 먼저 등록하십시오.",
                )
            matched = 0
            if target.matched_source != GrantProgramme.MatchedSource.NONE:
                required = matched_required(target, next_amount)
                rounding = ROUND_HALF_UP if target.matched_exact else ROUND_CEILING
                matched = int(required.to_integral_value(rounding=rounding))
            starts_on = agreement.ends_on + timedelta(days=1)
            agreement_create(
                actor=actor,
                programme=target,
                grantee=agreement.grantee,
                code=f"{agreement.code}-E",
                title=agreement.title,
                starts_on=starts_on,
                ends_on=starts_on + (agreement.ends_on - agreement.starts_on),
                city_amount=next_amount,
                matched_amount=matched,
                district=agreement.district,
                partner=agreement.partner,
                jobs_planned=agreement.jobs_planned,
                previous=agreement,
            )
    return evaluation


# --- per-employee-month subsidies ---------------------------------------------------------------------------


def subsidy_compute(programme: GrantProgramme, *, wage: int, insurance: int) -> tuple[int, int]:
    """One employee's month: the wage share up to the monthly cap (no cap when 0), and the employer's social
    insurance share; each floored to the won."""
    wage_part = int((Decimal(wage) * programme.wage_share / HUNDRED).to_integral_value(rounding=ROUND_FLOOR))
    if programme.wage_cap:
        wage_part = min(wage_part, programme.wage_cap)
    insurance_part = int(
        (Decimal(insurance) * programme.insurance_share / HUNDRED).to_integral_value(rounding=ROUND_FLOOR)
    )
    return wage_part, insurance_part


def _month(value) -> date | None:
    if isinstance(value, date):
        return value.replace(day=1)
    text = str(value or "").strip().replace(".", "-").replace("/", "-")
    parts = [p for p in text.split("-") if p]
    if len(parts) >= 2 and all(p.isdigit() for p in parts[:2]):
        try:
            return date(int(parts[0]), int(parts[1]), 1)
        except ValueError:
            return None
    return None


def payroll_submit(*, actor, agreement: GrantAgreement, title: str, rows: list[dict]) -> Payroll:
    """rows: {employee_number, employee_name, month (date or 'YYYY-MM'), wage, insurance[, _row]}."""
    _require_grantee_or_manage(actor, agreement)
    programme = agreement.programme
    if programme.kind != GrantProgramme.Kind.EMPLOYMENT:
        _fail("file", "인건비·사회보험료 지원 사업의 협약이 아닙니다.")
    if agreement.status != GrantAgreement.Status.SIGNED:
        _fail("file", f"협약 체결 중인 사업만 신청합니다(지금: {agreement.get_status_display()}).")
    if not rows:
        _fail("file", "근로자별 월 임금 내역이 한 행도 없습니다.")
    first, last = agreement.starts_on.replace(day=1), agreement.ends_on.replace(day=1)
    claimed = set(PayrollLine.objects.filter(payroll__agreement=agreement).values_list("employee_number", "month"))
    errors: list[str] = []
    lines: list[PayrollLine] = []
    seen: set[tuple[str, date]] = set()
    for index, row in enumerate(rows, start=1):
        where = f"{row.get('_row', index)}행"
        number = str(row.get("employee_number") or "").strip()
        name = str(row.get("employee_name") or "").strip()
        month = _month(row.get("month"))
        wage, insurance = row.get("wage"), row.get("insurance")
        row_errors = []
        if not number:
            row_errors.append(f"{where} '사번': 값이 비어 있습니다.")
        if not name:
            row_errors.append(f"{where} '성명': 값이 비어 있습니다.")
        if month is None:
            row_errors.append(f"{where} '지급월': 2018-07 처럼 적으십시오.")
        elif not first <= month <= last:
            row_errors.append(
                f"{where} '지급월': 협약 기간({agreement.starts_on:%Y-%m}~{agreement.ends_on:%Y-%m}) 밖입니다."
            )
        for label, value in (("지급 임금", wage), ("사업주 사회보험료", insurance)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                row_errors.append(f"{where} '{label}': 0원 이상의 정수여야 합니다.")
        if not row_errors:
            key = (number, month)
            if key in seen:
                row_errors.append(f"{where}: 같은 근로자({number})의 {month:%Y-%m} 임금이 파일에 두 번 있습니다.")
            elif key in claimed:
                row_errors.append(f"{where}: {number}의 {month:%Y-%m} 임금은 이미 신청했습니다.")
            seen.add(key)
        if row_errors:
            errors.extend(row_errors)
            continue
        wage_part, insurance_part = subsidy_compute(programme, wage=wage, insurance=insurance)
        lines.append(
            PayrollLine(
                employee_number=number,
                employee_name=name,
                month=month,
                wage=wage,
                insurance=insurance,
                wage_subsidy=wage_part,
                insurance_subsidy=insurance_part,
            )
        )
    if errors:
        raise ValidationFailed(
            "임금 내역에 잘못된 값이 있어 아무것도 저장하지 않았습니다.", field_errors={"file": errors}
        )
    with transaction.atomic():
        payroll = Payroll.objects.create(
            agreement=agreement,
            title=(title or "").strip()[:120] or "인건비 지원 신청",
            wage_subsidy=sum(line.wage_subsidy for line in lines),
            insurance_subsidy=sum(line.insurance_subsidy for line in lines),
            employees=len({line.employee_number for line in lines}),
            employee_months=len(lines),
            submitted_by=actor,
        )
        for line in lines:
            line.payroll = payroll
        PayrollLine.objects.bulk_create(lines, batch_size=1000)
    return payroll


PAYROLL_SHEET_TITLE = "인건비 지원 신청"


def payroll_import(*, actor, agreement: GrantAgreement, title: str, data: bytes) -> Payroll:
    from iljari.core.xlsx import xlsx_rows
    from iljari.grants.selectors import PAYROLL_COLUMNS

    _require_grantee_or_manage(actor, agreement)
    rows = xlsx_rows(data=data, columns=PAYROLL_COLUMNS, title=PAYROLL_SHEET_TITLE)
    return payroll_submit(actor=actor, agreement=agreement, title=title, rows=rows)


def payroll_approve(*, actor, payroll: Payroll, paid_on: date) -> Disbursement:
    agreement = payroll.agreement
    _require_manage(actor, agreement.programme)
    with transaction.atomic():
        payroll = Payroll.objects.select_for_update().get(pk=payroll.pk)
        if payroll.status != Payroll.Status.SUBMITTED:
            _fail("paid_on", "이미 승인한 신청입니다.")
        if payroll.subsidy <= 0:
            _fail("paid_on", "지원액이 0원인 신청은 교부할 것이 없습니다.")
        disbursement = disbursement_record(
            actor=actor,
            agreement=agreement,
            paid_on=paid_on,
            amount=payroll.subsidy,
            note=f"{payroll.title}({payroll.employees}명, {payroll.employee_months}인·월)",
            payroll=payroll,
        )
        payroll.status = Payroll.Status.APPROVED
        payroll.save(update_fields=["status", "updated_at"])
        if agreement.programme.job_count == GrantProgramme.JobCount.EMPLOYEES:
            grant_jobs_sync(programme=agreement.programme.programme, year=agreement.year, as_of=paid_on)
    return disbursement


# --- jobs into performance ----------------------------------------------------------------------------------


def grant_jobs_sync(*, programme, year: int, as_of: date) -> dict[tuple[str, str], int]:
    """The jobs the grants of a 주요업무 created in a year, as of a day, by each grant programme's rule: the latest
    reported hires of each agreement (REPORTED), or the distinct employees of its approved payrolls (EMPLOYEES).
    Summed per target group and kind over every grant programme of the 주요업무, then handed to performance's
    job_achievement_derive. A report dated before later ones changes those later figures too: every day from
    as_of on that has a report or a paid payroll is counted again. Returns the counts as of as_of."""
    from iljari.performance.services import job_achievement_derive

    groups = set(
        GrantProgramme.objects.filter(programme=programme, year=year)
        .exclude(job_count=GrantProgramme.JobCount.NONE)
        .values_list("target_group", "job_kind")
    )
    if not groups:
        return {}
    later = set(
        SpendingReport.objects.filter(
            agreement__programme__programme=programme, agreement__year=year, period_end__gt=as_of
        ).values_list("period_end", flat=True)
    ) | set(
        Disbursement.objects.filter(
            agreement__programme__programme=programme, agreement__year=year, payroll__isnull=False, paid_on__gt=as_of
        ).values_list("paid_on", flat=True)
    )
    result: dict[tuple[str, str], int] = {}
    for day in sorted({as_of} | later):
        counts = _jobs_counted(programme=programme, year=year, on=day)
        for group, kind in groups | set(counts):
            job_achievement_derive(
                programme=programme, year=year, target_group=group, achieved=counts.get((group, kind), 0), as_of=day,
                kind=kind,
            )  # fmt: skip
        if day == as_of:
            result = counts
    return result


def _jobs_counted(*, programme, year: int, on: date) -> dict[tuple[str, str], int]:
    """Three queries, whatever the number of agreements."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    latest = (
        SpendingReport.objects.filter(
            agreement__programme__programme=programme,
            agreement__programme__job_count=GrantProgramme.JobCount.REPORTED,
            agreement__year=year,
            period_end__lte=on,
        )
        .values("agreement_id")
        .annotate(last=Max("period_end"))
        .order_by("agreement_id")
    )
    last_day = {row["agreement_id"]: row["last"] for row in latest}
    reports = SpendingReport.objects.filter(agreement_id__in=list(last_day)).values_list(
        "agreement_id", "period_end", "jobs_created", "agreement__programme__target_group",
        "agreement__programme__job_kind",
    )  # fmt: skip
    for agreement_id, period_end, jobs, group, kind in reports:
        if last_day.get(agreement_id) == period_end:
            counts[(group, kind)] += jobs
    pairs = (
        PayrollLine.objects.filter(
            payroll__status=Payroll.Status.APPROVED,
            payroll__agreement__programme__programme=programme,
            payroll__agreement__programme__job_count=GrantProgramme.JobCount.EMPLOYEES,
            payroll__agreement__year=year,
            payroll__disbursement__paid_on__lte=on,
        )
        .values_list(
            "payroll__agreement_id",
            "employee_number",
            "payroll__agreement__programme__target_group",
            "payroll__agreement__programme__job_kind",
        )
        .distinct()
        .order_by()
    )
    for _agreement, _employee, group, kind in pairs:
        counts[(group, kind)] += 1
    return dict(counts)
