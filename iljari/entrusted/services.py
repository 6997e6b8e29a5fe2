"""entrusted services — the writes of the entrusted facilities (민간위탁), each in one transaction with its change
history (every model is tracked by core.history).

Contract:
- facility_create(*, actor, code, name, kind, division, address="", entrusted_task="", note="") -> Facility
- facility_update(*, actor, facility, name, kind, division, address="", entrusted_task="", note="") -> Facility
- contract_create(*, actor, facility, trustee, term_start=None, term_end=None, signed_on=None, state="planned",
      amount_per_year=None, note="") -> Contract
      a trustee's contract: the term both ends or neither (a source that names the trustee but no term), the end
      after the start, no overlap with another contract of the facility (checked with the facility's row locked);
      a trustee is an org.Partner of kind 위탁기관.
- contract_update(*, actor, contract, trustee, term_start, term_end, signed_on, state, amount_per_year, note)
- budget_set(*, actor, contract, year, budget) -> YearBudget          one budget per contract and year (creates
      or changes it; a confirmed settlement's budget is not changed)
- settlement_record(*, actor, budget, settled_amount, settled_on, settlement) -> YearBudget
      정산: the amount settled (not above the budget), the day, the state (제출 or 완료)
- evaluation_record(*, actor, contract, year, score, grade="", evaluated_on, note="") -> Evaluation
      one per contract and year (creates or changes it); score 0–100
- renewal_step_set(*, actor, facility, kind, due_on, round=1, ending_contract=None, contract=None, result="",
      step=None) -> RenewalStep
      a step of the renewal path (new, or `step` changed): each kind once per round, due dates in the report's
      order (시의회 동의안 → 수탁기관 공모·선정 → 적격자심의위원회 → 협약 → 운영: a later step not due before an
      earlier one); the contracts named belong to the facility
- renewal_step_done(*, actor, step, done_on, result="", contract=None) -> RenewalStep
      the step done on a day: every earlier step of its round done first, not on a day before theirs

The gate: `actor=None` is the system (the demo loader); everyone else must pass
core.access.access_entrusted_manage for the facility's supervising division (the office manager every facility,
division staff their own division's). A refusal is a core.errors.ValidationFailed with Korean field messages and
nothing is written; a refused actor gets NotAllowed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from iljari.core.access import access_entrusted_manage, access_entrusted_manage_any, require
from iljari.core.errors import ValidationFailed
from iljari.core.figures import MONEY, OFFICE_DATE, SCORE, YEAR
from iljari.core.formats import screen_date
from iljari.core.korean import with_object, with_topic
from iljari.core.locks import row_lock, unique_or
from iljari.entrusted.models import Contract, Evaluation, Facility, RenewalStep, YearBudget
from iljari.org.models import OrgUnit, Partner

NOT_ALLOWED = "이 위탁 시설은 총괄이나 담당 부서 직원이 관리합니다."


def _check(actor, division: OrgUnit) -> None:
    if actor is not None:
        require(access_entrusted_manage(actor, division.path), NOT_ALLOWED)


def _text(errors: dict, field: str, value, label: str, limit: int, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        errors[field] = [f"{with_object(label)} 적으십시오."]
    elif len(value) > limit:
        errors[field] = [f"{with_topic(label)} {limit:,}자까지 적습니다."]
    return value


def _date(errors: dict, field: str, value, label: str, *, required: bool = False) -> date | None:
    if value is None:
        if required:
            errors[field] = [f"{with_object(label)} 적으십시오."]
        return None
    message = OFFICE_DATE.problem(value)
    if message:
        errors[field] = [message.replace(OFFICE_DATE.label, label, 1)]
        return None
    return value


def _money(errors: dict, field: str, value, label: str, *, required: bool = True) -> int | None:
    if value is None or value == "":
        if required:
            errors[field] = [f"{with_object(label)} 적으십시오."]
        return None
    message = MONEY.problem(value)
    if message:
        errors[field] = [message.replace(MONEY.label, label, 1)]
        return None
    return int(value)


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationFailed(field_errors=errors)


# --- facilities ---------------------------------------------------------------------------------------------------


def _facility_values(*, name, kind, division, address, entrusted_task, note) -> dict:
    errors: dict[str, list[str]] = {}
    values = {
        "name": _text(errors, "name", name, "시설명", 120),
        "address": _text(errors, "address", address, "소재지", 200, required=False),
        "entrusted_task": _text(errors, "entrusted_task", entrusted_task, "위탁사무", 300, required=False),
        "note": _text(errors, "note", note, "비고", 2000, required=False),
    }
    if kind not in Facility.Kind.values:
        errors["kind"] = ["시설 구분을 고르십시오."]
    if not isinstance(division, OrgUnit) or division.kind != OrgUnit.Kind.DIVISION:
        errors["division"] = ["담당 부서는 담당관(과)이어야 합니다."]
    _raise(errors)
    return {**values, "kind": kind, "division": division}


def facility_create(
    *, actor, code: str, name: str, kind: str, division: OrgUnit, address: str = "", entrusted_task: str = "",
    note: str = "",
) -> Facility:  # fmt: skip
    if actor is not None:
        require(access_entrusted_manage_any(actor), NOT_ALLOWED)
    if isinstance(division, OrgUnit):
        _check(actor, division)
    code = (code or "").strip().upper()
    errors: dict[str, list[str]] = {}
    if not code or len(code) > 40 or not all(c.isalnum() or c in "-_" for c in code):
        errors["code"] = ["시설 코드는 영문 대문자, 숫자, -, _로 40자까지 적습니다."]
    _raise(errors)
    values = _facility_values(
        name=name, kind=kind, division=division, address=address, entrusted_task=entrusted_task, note=note
    )
    with transaction.atomic(), unique_or(ValidationFailed(field_errors={"code": ["이미 쓰이는 시설 코드입니다."]})):
        return Facility.objects.create(code=code, **values)


def facility_update(
    *, actor, facility: Facility, name: str, kind: str, division: OrgUnit, address: str = "",
    entrusted_task: str = "", note: str = "",
) -> Facility:  # fmt: skip
    _check(actor, facility.division)
    if isinstance(division, OrgUnit) and division.pk != facility.division_id:
        _check(actor, division)
    values = _facility_values(
        name=name, kind=kind, division=division, address=address, entrusted_task=entrusted_task, note=note
    )
    with transaction.atomic():
        facility = row_lock(facility)
        for field, value in values.items():
            setattr(facility, field, value)
        facility.save()
    return facility


# --- contracts ----------------------------------------------------------------------------------------------------


def _contract_values(errors: dict, *, trustee, term_start, term_end, signed_on, state, amount_per_year, note) -> dict:
    if not isinstance(trustee, Partner) or trustee.kind != Partner.Kind.TRUSTEE:
        errors["trustee"] = ["수탁기관은 위탁기관으로 등록된 협력기관이어야 합니다."]
    term_start = _date(errors, "term_start", term_start, "위탁 시작일")
    term_end = _date(errors, "term_end", term_end, "위탁 종료일")
    if (term_start is None) != (term_end is None) and not {"term_start", "term_end"} & set(errors):
        field = "term_end" if term_end is None else "term_start"
        errors[field] = ["위탁기간은 시작일과 종료일을 함께 적거나 둘 다 비웁니다."]
    if term_start and term_end and term_end <= term_start:
        errors["term_end"] = ["위탁 종료일은 시작일보다 뒤여야 합니다."]
    signed_on = _date(errors, "signed_on", signed_on, "협약일")
    if state not in Contract.State.values:
        errors["state"] = ["상태를 고르십시오."]
    amount = _money(errors, "amount_per_year", amount_per_year, "연간 위탁금", required=False)
    note = _text(errors, "note", note, "비고", 2000, required=False)
    return {
        "trustee": trustee,
        "term_start": term_start,
        "term_end": term_end,
        "signed_on": signed_on,
        "state": state,
        "amount_per_year": amount,
        "note": note,
    }


def _overlap(facility: Facility, values: dict, *, exclude: int | None = None) -> Contract | None:
    """Another contract of the facility whose term shares a day with this one (terms left empty overlap none)."""
    if values["term_start"] is None:
        return None
    others = Contract.objects.filter(facility=facility, term_start__isnull=False).exclude(pk=exclude)
    return (
        others.filter(term_start__lte=values["term_end"], term_end__gte=values["term_start"])
        .select_related("trustee")
        .first()
    )


def _overlap_error(other: Contract) -> ValidationFailed:
    return ValidationFailed(
        field_errors={
            "term_start": [
                f"이 시설의 다른 계약({other.trustee.name}, {screen_date(other.term_start)}~"
                f"{screen_date(other.term_end)})과 위탁기간이 겹칩니다."
            ]
        }
    )


def contract_create(
    *, actor, facility: Facility, trustee: Partner, term_start: date | None = None, term_end: date | None = None,
    signed_on: date | None = None, state: str = Contract.State.PLANNED, amount_per_year: int | None = None,
    note: str = "",
) -> Contract:  # fmt: skip
    _check(actor, facility.division)
    errors: dict[str, list[str]] = {}
    values = _contract_values(
        errors, trustee=trustee, term_start=term_start, term_end=term_end, signed_on=signed_on, state=state,
        amount_per_year=amount_per_year, note=note,
    )  # fmt: skip
    _raise(errors)
    with transaction.atomic():
        facility = row_lock(facility)
        other = _overlap(facility, values)
        if other is not None:
            raise _overlap_error(other)
        return Contract.objects.create(facility=facility, **values)


def contract_update(
    *, actor, contract: Contract, trustee: Partner, term_start: date | None, term_end: date | None,
    signed_on: date | None, state: str, amount_per_year: int | None = None, note: str = "",
) -> Contract:  # fmt: skip
    _check(actor, contract.facility.division)
    errors: dict[str, list[str]] = {}
    values = _contract_values(
        errors, trustee=trustee, term_start=term_start, term_end=term_end, signed_on=signed_on, state=state,
        amount_per_year=amount_per_year, note=note,
    )  # fmt: skip
    _raise(errors)
    with transaction.atomic():
        row_lock(contract.facility)
        contract = row_lock(contract)
        other = _overlap(contract.facility, values, exclude=contract.pk)
        if other is not None:
            raise _overlap_error(other)
        for field, value in values.items():
            setattr(contract, field, value)
        contract.save()
    return contract


# --- budgets, settlements, evaluations ------------------------------------------------------------------------------


def _year(errors: dict, value) -> int | None:
    message = YEAR.problem(value)
    if message:
        errors["year"] = [message]
        return None
    return int(value)


def budget_set(*, actor, contract: Contract, year: int, budget: int) -> YearBudget:
    _check(actor, contract.facility.division)
    errors: dict[str, list[str]] = {}
    year = _year(errors, year)
    amount = _money(errors, "budget", budget, "예산")
    _raise(errors)
    with transaction.atomic():
        row_lock(contract)
        row = YearBudget.objects.select_for_update().filter(contract=contract, year=year).first()
        if row is None:
            return YearBudget.objects.create(contract=contract, year=year, budget=amount)
        if row.settlement == YearBudget.Settlement.CONFIRMED:
            raise ValidationFailed(field_errors={"budget": [f"{year}년 예산은 정산이 끝나 바꿀 수 없습니다."]})
        if row.settled_amount is not None and row.settled_amount > amount:
            raise ValidationFailed(field_errors={"budget": ["예산은 이미 적은 정산액보다 적을 수 없습니다."]})
        row.budget = amount
        row.save(update_fields=["budget", "updated_at"])
    return row


def settlement_record(
    *, actor, budget: YearBudget, settled_amount: int, settled_on: date, settlement: str
) -> YearBudget:
    _check(actor, budget.contract.facility.division)
    errors: dict[str, list[str]] = {}
    amount = _money(errors, "settled_amount", settled_amount, "정산액")
    settled_on = _date(errors, "settled_on", settled_on, "정산일", required=True)
    if settlement not in (YearBudget.Settlement.SUBMITTED, YearBudget.Settlement.CONFIRMED):
        errors["settlement"] = ["정산 상태는 정산서 제출이나 정산 완료입니다."]
    if amount is not None and amount > budget.budget:
        errors["settled_amount"] = [f"정산액은 예산 {budget.budget:,}원을 넘을 수 없습니다."]
    if settled_on is not None and settled_on.year < budget.year:
        errors["settled_on"] = [f"{budget.year}년 예산의 정산일은 {budget.year}년이나 그 뒤입니다."]
    _raise(errors)
    with transaction.atomic():
        row = row_lock(budget)
        if row.settlement == YearBudget.Settlement.CONFIRMED:
            raise ValidationFailed("정산이 끝난 예산입니다. 바꿀 수 없습니다.")
        if amount > row.budget:
            raise ValidationFailed(
                field_errors={"settled_amount": [f"정산액은 예산 {row.budget:,}원을 넘을 수 없습니다."]}
            )
        row.settled_amount, row.settled_on, row.settlement = amount, settled_on, settlement
        row.save(update_fields=["settled_amount", "settled_on", "settlement", "updated_at"])
    return row


def evaluation_record(
    *, actor, contract: Contract, year: int, score, evaluated_on: date, grade: str = "", note: str = ""
) -> Evaluation:
    _check(actor, contract.facility.division)
    errors: dict[str, list[str]] = {}
    year = _year(errors, year)
    message = SCORE.problem(score)
    if message:
        errors["score"] = [message]
    evaluated_on = _date(errors, "evaluated_on", evaluated_on, "평가일", required=True)
    grade = _text(errors, "grade", grade, "등급", 20, required=False)
    note = _text(errors, "note", note, "비고", 2000, required=False)
    _raise(errors)
    with transaction.atomic():
        row_lock(contract)
        row, _ = Evaluation.objects.select_for_update().get_or_create(
            contract=contract,
            year=year,
            defaults={"score": Decimal(score), "grade": grade, "evaluated_on": evaluated_on, "note": note},
        )
        row.score, row.grade, row.evaluated_on, row.note = Decimal(score), grade, evaluated_on, note
        row.save()
    return row


# --- the renewal path ---------------------------------------------------------------------------------------------


def _own_contract(errors: dict, field: str, facility: Facility, contract: Contract | None) -> None:
    if contract is not None and contract.facility_id != facility.pk:
        errors[field] = ["이 시설의 계약이 아닙니다."]


def _order_errors(facility: Facility, round_: int, kind: int, due_on: date, *, exclude: int | None) -> list[str]:
    """The report's order: no step due before an earlier step of its round, nor after a later one."""
    steps = RenewalStep.objects.filter(facility=facility, round=round_).exclude(pk=exclude)
    earlier = steps.filter(kind__lt=kind, due_on__gt=due_on).order_by("-kind").first()
    if earlier is not None:
        return [f"기한이 앞 단계 '{earlier.get_kind_display()}'의 기한({screen_date(earlier.due_on)})보다 빠릅니다."]
    later = steps.filter(kind__gt=kind, due_on__lt=due_on).order_by("kind").first()
    if later is not None:
        return [f"기한이 뒤 단계 '{later.get_kind_display()}'의 기한({screen_date(later.due_on)})보다 늦습니다."]
    return []


def renewal_step_set(
    *, actor, facility: Facility, kind: int, due_on: date, round: int = 1, ending_contract: Contract | None = None,
    contract: Contract | None = None, result: str = "", step: RenewalStep | None = None,
) -> RenewalStep:  # fmt: skip
    _check(actor, facility.division)
    errors: dict[str, list[str]] = {}
    try:
        kind = int(kind)
    except (TypeError, ValueError):
        kind = 0
    if kind not in RenewalStep.Kind.values:
        errors["kind"] = ["단계를 고르십시오."]
    if not isinstance(round, int) or not 1 <= round <= 99:
        errors["round"] = ["차수는 1부터 99까지입니다."]
    due_on = _date(errors, "due_on", due_on, "기한", required=True)
    _own_contract(errors, "ending_contract", facility, ending_contract)
    _own_contract(errors, "contract", facility, contract)
    result = _text(errors, "result", result, "결과", 300, required=False)
    _raise(errors)
    with transaction.atomic():
        facility = row_lock(facility)
        order = _order_errors(facility, round, kind, due_on, exclude=step.pk if step else None)
        if order:
            raise ValidationFailed(field_errors={"due_on": order})
        if step is None:
            with unique_or(ValidationFailed(field_errors={"kind": [f"{round}차 절차에 이 단계가 이미 있습니다."]})):
                return RenewalStep.objects.create(
                    facility=facility, round=round, kind=kind, due_on=due_on, ending_contract=ending_contract,
                    contract=contract, result=result,
                )  # fmt: skip
        step = row_lock(step)
        if step.facility_id != facility.pk:
            raise ValidationFailed("이 시설의 절차가 아닙니다.")
        step.round, step.kind, step.due_on, step.result = round, kind, due_on, result
        step.ending_contract, step.contract = ending_contract, contract
        with unique_or(ValidationFailed(field_errors={"kind": [f"{round}차 절차에 이 단계가 이미 있습니다."]})):
            step.save()
    return step


def renewal_step_done(
    *, actor, step: RenewalStep, done_on: date, result: str = "", contract: Contract | None = None
) -> RenewalStep:
    _check(actor, step.facility.division)
    errors: dict[str, list[str]] = {}
    done_on = _date(errors, "done_on", done_on, "한 날", required=True)
    _own_contract(errors, "contract", step.facility, contract)
    result = _text(errors, "result", result, "결과", 300, required=False)
    _raise(errors)
    with transaction.atomic():
        row_lock(step.facility)
        step = row_lock(step)
        earlier = RenewalStep.objects.filter(facility=step.facility_id, round=step.round, kind__lt=step.kind)
        waiting = earlier.filter(done_on__isnull=True).order_by("kind").first()
        if waiting is not None:
            message = f"앞 단계 {with_object(waiting.get_kind_display())} 먼저 마쳐야 합니다."
            raise ValidationFailed(message, field_errors={"done_on": [message]})
        later = earlier.filter(done_on__gt=done_on).order_by("-kind").first()
        if later is not None:
            raise ValidationFailed(
                field_errors={
                    "done_on": [
                        f"앞 단계 {with_object(later.get_kind_display())} 한 날({screen_date(later.done_on)})보다 "
                        "빠릅니다."
                    ]
                }
            )
        step.done_on, step.result = done_on, result or step.result
        if contract is not None:
            step.contract = contract
        step.save(update_fields=["done_on", "result", "contract", "updated_at"])
    return step
