"""A call (모집공고) and everything defined with it on one page: its period, quotas (some run by a district),
eligibility and priority rules, and, for a call for organisations, its published review criteria and the
designation it gives. call_set checks the whole definition at once and names every mistake by section."""

from __future__ import annotations

import re
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from iljari.approvals.selectors import approval_open_for
from iljari.approvals.services import approval_draft
from iljari.core.access import access_calls_manage, require
from iljari.core.errors import ValidationFailed
from iljari.enterprises.models import Certification
from iljari.intake.models import (
    Call,
    EligibilityRule,
    PriorityRule,
    Quota,
    ReviewCriterion,
    ReviewCriterionScore,
)
from iljari.performance.models import TargetGroup

CALL_PUBLISH = "intake.call_publish"  # the act (intake/approval_acts.py)

QUOTA_CODE = re.compile(r"[A-Za-z0-9_-]{1,40}")  # the codes of a call, its quotas and its criteria


def call_set(
    *,
    actor,
    code: str,
    programme,
    title: str,
    opens_at,
    closes_at,
    announce_on,
    quotas: list[tuple],
    eligibility: list[dict],
    priorities: list[tuple[str, int]] = (),
    description: str = "",
    required_documents: str = "",
    has_document_review: bool = True,
    has_interview: bool = False,
    create: bool = False,
    audience: str | None = None,
    score_aggregation: str | None = None,
    certifies: str | None = None,
    criteria: list[tuple[str, str, int]] | None = None,
    target_group: str | None = None,
    contact: str | None = None,
) -> Call:
    """`audience`, `score_aggregation`, `certifies`, `criteria` (code, name, points), `target_group` (모집 대상, one
    of performance's TargetGroup or "") and `contact` (문의처) left as None keep what the call has (a new call: for
    people, plain mean, no criteria, no target group, no contact)."""
    if actor is not None:
        require(access_calls_manage(actor, programme.division.path), "이 사업의 모집공고를 만들 권한이 없습니다.")
    quotas = [(q[0], q[1], q[2], q[3] if len(q) > 3 else None) for q in quotas]
    errors = _call_errors(
        code=code,
        title=title,
        opens_at=opens_at,
        closes_at=closes_at,
        announce_on=announce_on,
        quotas=quotas,
        eligibility=eligibility,
        priorities=priorities,
    )
    errors.update(_call_extra_errors(audience, score_aggregation, certifies, criteria))
    if target_group and target_group not in TargetGroup.values:
        errors["target_group"] = ["모집 대상을 목록에서 고르십시오."]
    if contact is not None and len(contact.strip()) > 200:
        errors["contact"] = ["문의처는 200자까지 적습니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    extra = {
        key: value
        for key, value in (
            ("audience", audience),
            ("score_aggregation", score_aggregation),
            ("certifies", certifies),
            ("target_group", target_group),
            ("contact", contact.strip() if contact is not None else None),
        )
        if value is not None
    }
    with transaction.atomic():
        existing = Call.objects.select_for_update().filter(code=code).first()
        if existing is not None and create:
            raise ValidationFailed(field_errors={"code": ["이미 쓰고 있는 공고 코드입니다. 다른 코드를 정하십시오."]})
        if existing is not None and existing.selection_confirmed:
            raise ValidationFailed("선발이 확정된 공고는 바꿀 수 없습니다.")
        if existing is not None and actor is not None and existing.programme_id != programme.pk:
            require(access_calls_manage(actor, existing.programme.division.path), "이 공고를 관리할 권한이 없습니다.")
        errors = _call_audience_errors(existing, audience, certifies, criteria)
        if errors:
            raise ValidationFailed(field_errors=errors)
        if existing is not None and approval_open_for(act=CALL_PUBLISH, key=existing.code) is not None:
            raise ValidationFailed("게시 결재 중인 공고는 고칠 수 없습니다. 기안자가 결재를 회수한 뒤 고치십시오.")
        values = {
            "programme": programme,
            "title": title.strip(),
            "opens_at": opens_at,
            "closes_at": closes_at,
            "announce_on": announce_on,
            "description": description,
            "required_documents": required_documents,
            "has_document_review": has_document_review,
            "has_interview": has_interview,
            **extra,
        }
        # a new call is published at once only by the system (demo loader, commands); an official's call waits for
        # its approval (call_publish)
        published = {"published_at": timezone.now()} if actor is None else {}
        call, _ = Call.objects.update_or_create(code=code, defaults=values, create_defaults={**values, **published})
        if criteria is not None:
            _criteria_set(call, criteria)
        # quotas are updated in place by code (what points at them — applications, training courses — stays);
        # a quota left out goes, unless it has applications
        for order, (quota_code, name, places, district) in enumerate(quotas, 1):
            Quota.objects.update_or_create(
                call=call,
                code=quota_code,
                defaults={"name": name, "places": places, "district": district, "order": order},
            )
        call.quotas.exclude(code__in=[q[0] for q in quotas]).filter(applications__isnull=True).delete()
        call.eligibility_rules.all().delete()
        EligibilityRule.objects.bulk_create(
            [EligibilityRule(call=call, order=order, **rule) for order, rule in enumerate(eligibility, 1)]
        )
        call.priority_rules.all().delete()
        PriorityRule.objects.bulk_create([PriorityRule(call=call, kind=k, points=p) for k, p in priorities])
    return call


def _call_extra_errors(audience, score_aggregation, certifies, criteria) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = defaultdict(list)
    if audience is not None and audience not in Call.Audience.values:
        errors["audience"].append("공고 대상을 고르십시오.")
    if score_aggregation is not None and score_aggregation not in Call.ScoreAggregation.values:
        errors["score_aggregation"].append("심사 점수 집계 방법을 고르십시오.")
    if certifies and certifies not in Certification.Kind.values:
        errors["certifies"].append("알 수 없는 지정입니다.")
    if certifies and audience == Call.Audience.PEOPLE:
        errors["certifies"].append("시민 대상 공고는 지정을 부여하지 않습니다.")
    codes = [c[0] for c in criteria or ()]
    if len(set(codes)) < len(codes):
        errors["criteria"].append("같은 심사 기준 코드가 두 번 있습니다.")
    for code, name, points in criteria or ():
        if not QUOTA_CODE.fullmatch(code or "") or not (name or "").strip():
            errors["criteria"].append("심사 기준에는 코드(영문·숫자)와 이름이 필요합니다.")
        if not isinstance(points, int) or not 1 <= points <= 100:
            errors["criteria"].append(f"심사 기준 '{name}'의 배점은 1점부터 100점까지입니다.")
    if criteria and sum(c[2] for c in criteria if isinstance(c[2], int)) > 100:
        errors["criteria"].append("심사 기준 배점의 합은 100점을 넘을 수 없습니다.")
    return dict(errors)


def _call_audience_errors(existing: Call | None, audience, certifies, criteria) -> dict[str, list[str]]:
    """What the call's audience asks once the stored call is known: the audience no longer changes once anyone
    applied (drafts included); a call for organisations publishes at least one criterion; a designation is given
    only by a call for organisations."""
    errors: dict[str, list[str]] = defaultdict(list)
    effective = audience or (existing.audience if existing is not None else Call.Audience.PEOPLE)
    changed = existing is not None and audience is not None and audience != existing.audience
    if changed and existing.applications.exists():
        errors["audience"].append("신청이 들어온 공고는 대상(시민·기업·단체)을 바꿀 수 없습니다.")
    has_criteria = bool(criteria) if criteria is not None else existing is not None and existing.criteria.exists()
    if effective == Call.Audience.ORGANISATIONS and not has_criteria:
        errors["criteria"].append("기업·단체 공모에는 심사 기준을 하나 이상 정하십시오.")
    kept = certifies if certifies is not None else (existing.certifies if existing is not None else "")
    if kept and effective == Call.Audience.PEOPLE and audience is None:
        errors["certifies"].append("시민 대상 공고는 지정을 부여하지 않습니다.")
    return dict(errors)


def _criteria_set(call: Call, criteria) -> None:
    current = list(call.criteria.values_list("code", "name", "max_points"))
    wanted = [(code, name.strip(), points) for code, name, points in criteria]
    if current == wanted:
        return
    if ReviewCriterionScore.objects.filter(review_score__application__call=call).exists():
        raise ValidationFailed(field_errors={"criteria": ["심사 점수가 있어 심사 기준을 바꿀 수 없습니다."]})
    call.criteria.all().delete()
    ReviewCriterion.objects.bulk_create(
        [
            ReviewCriterion(call=call, code=code, name=name, max_points=points, order=order)
            for order, (code, name, points) in enumerate(wanted, 1)
        ]
    )


def _call_errors(
    *, code, title, opens_at, closes_at, announce_on, quotas, eligibility, priorities
) -> dict[str, list[str]]:
    """Every mistake in a call's definition at once, in Korean, keyed by the form's field names."""
    errors: dict[str, list[str]] = defaultdict(list)
    if not QUOTA_CODE.fullmatch(code or "") or code.lower() == "new":
        errors["code"].append("공고 코드는 영문, 숫자, -, _ 로 40자까지 적습니다('new'는 쓸 수 없습니다).")
    if not (title or "").strip():
        errors["title"].append("공고명을 입력하십시오.")
    if closes_at <= opens_at:
        errors["closes_at"].append("접수 마감은 접수 시작보다 뒤여야 합니다.")
    elif announce_on < timezone.localtime(closes_at).date():
        errors["announce_on"].append("발표일은 접수 마감일보다 빠를 수 없습니다.")
    if not quotas:
        errors["quotas"].append("선발 구분을 하나 이상 정하십시오.")
    seen: set[str] = set()
    for quota_code, name, places, _district in quotas:
        label = f"선발 구분 '{quota_code or name}'"
        if not QUOTA_CODE.fullmatch(quota_code or ""):
            errors["quotas"].append(f"{label}: 코드는 영문, 숫자, -, _ 로 40자까지 적습니다.")
        elif quota_code in seen:
            errors["quotas"].append(f"{label}: 같은 코드가 두 번 있습니다.")
        seen.add(quota_code)
        if not (name or "").strip():
            errors["quotas"].append(f"{label}: 구분 이름을 입력하십시오.")
        if not isinstance(places, int) or places <= 0:
            errors["quotas"].append(f"{label}: 인원은 1명 이상이어야 합니다.")
    kinds = EligibilityRule.Kind
    for rule in eligibility:
        kind, low, high = rule.get("kind"), rule.get("min_value"), rule.get("max_value")
        if kind not in kinds.values:
            errors["eligibility"].append("알 수 없는 신청 자격 조건입니다.")
        elif kind == kinds.AGE_BETWEEN and (
            not rule.get("on_date") or (low is None and high is None) or (None not in (low, high) and low > high)
        ):
            errors["eligibility"].append("나이 조건에는 기준일과 최소 또는 최대 나이가 필요합니다(최소 ≤ 최대).")
        elif kind == kinds.NO_DIRECT_JOB_OVERLAP and not (
            rule.get("on_date") and rule.get("until_date") and rule["on_date"] <= rule["until_date"]
        ):
            errors["eligibility"].append("직접일자리 중복 조건에는 참여 기간(시작일 ≤ 끝일)이 필요합니다.")
    if len({rule.get("kind") for rule in eligibility}) < len(eligibility):
        errors["eligibility"].append("같은 조건을 두 번 둘 수 없습니다.")
    priority_kinds = [kind for kind, _ in priorities]
    if any(kind not in PriorityRule.Kind.values for kind in priority_kinds):
        errors["priorities"].append("알 수 없는 우선 선발 대상입니다.")
    if len(set(priority_kinds)) < len(priority_kinds):
        errors["priorities"].append("같은 우선 선발 대상을 두 번 둘 수 없습니다.")
    if any(not isinstance(points, int) or not 1 <= points <= 100 for _, points in priorities):
        errors["priorities"].append("가점은 1점부터 100점까지입니다.")
    return dict(errors)


def call_publish_check(*, call: Call) -> None:
    """Refuses a call that cannot be put up for publishing (already published)."""
    if call.is_published:
        raise ValidationFailed("이미 게시된 공고입니다.")


def call_publish(*, actor, call: Call, approval=None, now=None) -> Call:
    """Publish a call (시민·기업에게 공고): at once for the system (actor None) or on its approval's final step
    (`approval`: the act's run); any other actor drafts the approval instead (전결 at once where the actor's own
    position gives it). Returns the call, published or still waiting for its approval."""
    if actor is not None:
        require(access_calls_manage(actor, call.programme.division.path), "이 공고를 게시할 권한이 없습니다.")
        if approval is None:
            approval_draft(actor=actor, act=CALL_PUBLISH, target=call)
            call.refresh_from_db()
            return call
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        call_publish_check(call=call)
        call.published_at = now or timezone.now()
        call.published_by = actor
        call.save(update_fields=["published_at", "published_by", "updated_at"])
    return call
