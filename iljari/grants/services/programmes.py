"""Grant programmes: their rules (matching, the range of one grant, how the jobs count, the subsidy of an employment
programme), and the matching a city share asks for."""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from django.db import transaction

from iljari.core.access import access_grants_manage, require
from iljari.core.errors import ValidationFailed
from iljari.core.formats import format_won
from iljari.grants.models import GrantProgramme
from iljari.grants.services.checks import HUNDRED, MANAGE_MESSAGE, percent_check

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
        ratio = percent_check(rule.get("matched_ratio", 0), "matched_ratio", "매칭 비율", below_hundred=True)
        rule["matched_ratio"] = ratio
        for field, label in (("wage_share", "인건비 지원 비율"), ("insurance_share", "사회보험료 지원 비율")):
            rule[field] = percent_check(rule.get(field, 0), field, label)
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


def matching_errors(programme: GrantProgramme, city_amount: int, matched_amount: int) -> list[str]:
    if programme.matched_source == GrantProgramme.MatchedSource.NONE:
        return [] if matched_amount == 0 else ["이 사업은 매칭이 없습니다: 매칭 금액은 0원입니다."]
    required = matched_required(programme, city_amount)
    total = city_amount + matched_amount
    share = (Decimal(matched_amount) * HUNDRED / total).quantize(Decimal("0.01")) if total else Decimal(0)
    label = programme.get_matched_source_display()
    if programme.matched_exact and abs(Decimal(matched_amount) - required) >= 1:
        expected = int(required.to_integral_value())
        return [
            f"매칭 비율이 맞지 않습니다: {programme.matching_text}이면 시비 {format_won(city_amount)}에 {label} "
            f"{format_won(expected)}이어야 합니다(적은 금액 {format_won(matched_amount)}, {share}%)."
        ]
    if not programme.matched_exact and Decimal(matched_amount) < required.to_integral_value(rounding=ROUND_CEILING):
        expected = int(required.to_integral_value(rounding=ROUND_CEILING))
        return [
            f"매칭이 모자랍니다: {programme.matching_text}(총사업비 기준), 시비 {format_won(city_amount)}이면 "
            f"{format_won(expected)} 이상이어야 합니다(적은 금액 {format_won(matched_amount)}, {share}%)."
        ]
    return []
