"""Retention and destruction of personal data (보유기간 경과 개인정보의 파기).

Each kind of personal record has a retention period the office sets (RetentionRule, years). The app that owns the
records registers the kind — its label, the default years, what the period counts from, and the function that
destroys or anonymises what has expired — in its AppConfig.ready (core names no other app). `iljari retention run`
(scheduled daily, docs/security.md) runs every kind; each run writes one DestructionRecord per kind that destroyed
anything (the destruction register) and one access-log entry naming the records by id.

A destroyer keeps the rows that figures count (an application's status, quota and dates; a placement's months
and pay) and removes what identifies the person: the person's identifying fields (people.retention) and any files.

Contract:
- retention_kind_register(code, *, label, default_years, basis, method, destroy)
      destroy(*, cutoff, now) -> Destroyed(record_ids, people, files)
- retention_rules() -> list[RuleView]       every registered kind with its years (rows made with the defaults)
- retention_rule_set(*, user, code, years, note="") -> RetentionRule      the office manager or system admin
- retention_run(*, actor=None, now=None) -> list[DestructionRecord]
- destruction_register_list(*, user) -> QuerySet[DestructionRecord]     the auditor, the office manager, the admin
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from iljari.core.access import access_destruction_register_view, access_retention_rules_change, require
from iljari.core.accesslog import access_log_record, access_log_subject_register
from iljari.core.errors import ValidationFailed
from iljari.core.models import DestructionRecord, RetentionRule


@dataclass(frozen=True)
class Destroyed:
    record_ids: list[int] = field(default_factory=list)
    people: int = 0
    files: int = 0


@dataclass(frozen=True)
class RetentionKind:
    code: str
    label: str
    default_years: int
    basis: str  # what the period counts from, in Korean
    method: str  # what destroying means, in Korean
    destroy: object  # callable(*, cutoff, now) -> Destroyed


KINDS: dict[str, RetentionKind] = {}


def retention_kind_register(code: str, *, label: str, default_years: int, basis: str, method: str, destroy) -> None:
    KINDS[code] = RetentionKind(code, label, default_years, basis, method, destroy)
    access_log_subject_register(code, label=label, unit="건", keep=True)  # the destruction's entry names the kind


@dataclass
class RuleView:
    kind: RetentionKind
    rule: RetentionRule


def _rule(kind: RetentionKind) -> RetentionRule:
    rule, _ = RetentionRule.objects.get_or_create(code=kind.code, defaults={"years": kind.default_years})
    return rule


def retention_rules() -> list[RuleView]:
    return [RuleView(kind, _rule(kind)) for kind in sorted(KINDS.values(), key=lambda k: k.code)]


def retention_rule_set(*, user, code: str, years, note: str = "") -> RetentionRule:
    require(access_retention_rules_change(user), "보유기간을 정할 권한이 없습니다.")
    kind = KINDS.get(code)
    if kind is None:
        raise ValidationFailed("알 수 없는 보유기간 규칙입니다.")
    try:
        years = int(years)
    except (TypeError, ValueError):
        raise ValidationFailed(field_errors={"years": ["보유기간은 1 이상 99 이하의 정수(년)로 적으십시오."]}) from None
    if not 1 <= years <= 99:
        raise ValidationFailed(field_errors={"years": ["보유기간은 1 이상 99 이하의 정수(년)로 적으십시오."]})
    rule = _rule(kind)
    rule.years, rule.note, rule.updated_by = years, (note or "").strip()[:200], user
    rule.save(update_fields=["years", "note", "updated_by", "updated_at"])
    return rule


def _years_before(now: datetime, years: int) -> datetime:
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def retention_run(*, actor=None, now: datetime | None = None) -> list[DestructionRecord]:
    """Destroy what every kind's rule says has expired; one transaction per kind (a failure leaves that kind whole
    and the others done). Running it again destroys nothing more."""
    now = now or timezone.now()
    records = []
    for view in retention_rules():
        kind, rule = view.kind, view.rule
        cutoff = _years_before(now, rule.years)
        with transaction.atomic():
            destroyed = kind.destroy(cutoff=cutoff, now=now)
            if not destroyed.record_ids:
                continue
            ids = ",".join(str(i) for i in destroyed.record_ids)
            record = DestructionRecord.objects.create(
                at=now,
                rule_code=kind.code,
                rule_label=kind.label,
                years=rule.years,
                cutoff=cutoff,
                method=kind.method,
                records=len(destroyed.record_ids),
                people=destroyed.people,
                files=destroyed.files,
                record_ids=ids,
                run_by=actor if actor is not None and actor.is_authenticated else None,
            )
            access_log_record(
                user=actor,
                remote_addr=None,
                action="destroy",
                subject_type=kind.code,
                subject_ids=destroyed.record_ids,
                detail=f"보유기간 {rule.years}년 경과 파기 (파기 대장 #{record.pk})",
            )
            records.append(record)
    return records


def destruction_register_list(*, user) -> QuerySet[DestructionRecord]:
    require(access_destruction_register_view(user), "파기 대장을 볼 권한이 없습니다.")
    return DestructionRecord.objects.select_related("run_by")
