"""intake services — calls, eligibility, applications, review and selection.

Contract:
- call_set(*, actor, code, programme, title, opens_at, closes_at, announce_on, quotas, eligibility, priorities,
           **details) -> Call      (creates or replaces a call with its quotas and rules)
- eligibility_failures(*, call, person, rules=None) -> list[str]
      the Korean reason of every rule the person fails; the same function for one applicant and for a batch.
- priority_points(*, person, rules) -> int
- application_submit(*, actor, call, person, quota, channel="online", now=None) -> Application
      once per call and person: a double click or a retry returns the same application; refused outside the
      call's period, for another call's quota, or when a rule fails (with every failed rule's reason).
- application_withdraw(*, actor, application, now=None) -> Application      (before the deadline)
- eligibility_run(*, actor, call) -> tuple[int, int]                        (eligible, ineligible)
- review_score_record(*, actor, application, stage, score) -> ReviewScore
- selection_compute(*, call, seed) -> list[Placement]                       (pure: same seed, same result)
- selection_run(*, actor, call, seed=None) -> SelectionRun
      ranks by review score, then priority points, then a lottery drawn from the seed, fills each quota and
      waitlists the rest; the call is locked while it runs, so two runs never interleave.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from iljari.core.access import access_apply, access_calls_manage, access_people_change, require
from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.intake.models import (
    Application,
    Call,
    EligibilityRule,
    PriorityRule,
    Quota,
    ReviewScore,
    SelectionResult,
    SelectionRun,
)

ALGORITHM = "iljari-selection-v1"  # score desc, priority points desc, lottery asc; quota by quota


def call_set(
    *,
    actor,
    code: str,
    programme,
    title: str,
    opens_at,
    closes_at,
    announce_on,
    quotas: list[tuple[str, str, int]],
    eligibility: list[dict],
    priorities: list[tuple[str, int]] = (),
    description: str = "",
    required_documents: str = "",
    has_interview: bool = False,
) -> Call:
    if actor is not None:
        require(access_calls_manage(actor, programme.division.path), "이 사업의 모집공고를 만들 권한이 없습니다.")
    errors: dict[str, list[str]] = {}
    if not (title or "").strip():
        errors["title"] = ["공고명을 입력하십시오."]
    if closes_at <= opens_at:
        errors["closes_at"] = ["접수 마감은 접수 시작보다 뒤여야 합니다."]
    if not quotas or any(places <= 0 for _, _, places in quotas):
        errors["quotas"] = ["선발 구분마다 1명 이상의 인원을 정하십시오."]
    for rule in eligibility:
        if rule["kind"] == EligibilityRule.Kind.AGE_BETWEEN and not (
            rule.get("min_value") is not None
            and rule.get("max_value") is not None
            and rule.get("on_date")
            and rule["min_value"] <= rule["max_value"]
        ):
            errors["eligibility"] = ["나이 조건에는 최소·최대 나이와 기준일이 필요합니다."]
    if errors:
        raise ValidationFailed(field_errors=errors)
    with transaction.atomic():
        call, _ = Call.objects.update_or_create(
            code=code,
            defaults={
                "programme": programme,
                "title": title.strip(),
                "opens_at": opens_at,
                "closes_at": closes_at,
                "announce_on": announce_on,
                "description": description,
                "required_documents": required_documents,
                "has_interview": has_interview,
            },
        )
        if call.applications.exists():
            for quota_code, name, places in quotas:
                Quota.objects.update_or_create(call=call, code=quota_code, defaults={"name": name, "places": places})
        else:
            call.quotas.all().delete()
            Quota.objects.bulk_create(
                [
                    Quota(call=call, code=quota_code, name=name, places=places, order=order)
                    for order, (quota_code, name, places) in enumerate(quotas, 1)
                ]
            )
        call.eligibility_rules.all().delete()
        EligibilityRule.objects.bulk_create(
            [EligibilityRule(call=call, order=order, **rule) for order, rule in enumerate(eligibility, 1)]
        )
        call.priority_rules.all().delete()
        PriorityRule.objects.bulk_create([PriorityRule(call=call, kind=k, points=p) for k, p in priorities])
    return call


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def eligibility_failures(*, call: Call, person, rules=None) -> list[str]:
    rules = list(call.eligibility_rules.all()) if rules is None else rules
    failures = []
    for rule in rules:
        if rule.kind == EligibilityRule.Kind.AGE_BETWEEN:
            age = _age_on(person.birth_date, rule.on_date)
            if not rule.min_value <= age <= rule.max_value:
                failures.append(
                    f"만 {rule.min_value}세 이상 {rule.max_value}세 이하만 신청할 수 있습니다"
                    f"({rule.on_date.year}. {rule.on_date.month}. {rule.on_date.day}. 기준 만 {age}세)."
                )
        elif rule.kind == EligibilityRule.Kind.RESIDES_IN_SEOUL and person.district_id is None:
            failures.append("서울시에 주소를 둔 사람만 신청할 수 있습니다.")
        elif rule.kind == EligibilityRule.Kind.NO_REGULAR_INCOME and person.income_status != "none":
            failures.append("정기소득이 없는 사람만 신청할 수 있습니다.")
        elif rule.kind == EligibilityRule.Kind.JOB_SEEKER and not person.job_seeker_registered:
            failures.append("구직등록을 한 사람만 신청할 수 있습니다.")
    return failures


def priority_points(*, person, rules) -> int:
    return sum(rule.points for rule in rules if getattr(person, rule.kind, False))


def _require_applicant(actor, person) -> None:
    if actor is None:
        return
    if access_apply(actor):
        if person.user_id != actor.pk:
            raise NotAllowed("본인의 신청만 할 수 있습니다.")
        return
    require(access_people_change(actor), "신청을 등록할 권한이 없습니다.")


def application_submit(
    *, actor, call: Call, person, quota: Quota, channel: str = Application.Channel.ONLINE, now=None
) -> Application:
    _require_applicant(actor, person)
    now = now or timezone.now()
    if call.audience != Call.Audience.PEOPLE:
        raise ValidationFailed("이 공고는 기업·단체 공모입니다.")
    if not call.is_open(now):
        closes = timezone.localtime(call.closes_at)
        raise ValidationFailed(f"접수 기간이 아닙니다(마감 {closes:%Y-%m-%d %H:%M}).")
    if quota.call_id != call.pk:
        raise ValidationFailed(field_errors={"quota": ["이 공고의 선발 구분이 아닙니다."]})
    failures = eligibility_failures(call=call, person=person)
    if failures:
        raise ValidationFailed("신청 자격을 갖추지 못했습니다.", field_errors={"eligibility": failures})
    points = priority_points(person=person, rules=list(call.priority_rules.all()))
    try:
        with transaction.atomic():
            application, created = Application.objects.get_or_create(
                call=call,
                person=person,
                defaults={"quota": quota, "channel": channel, "submitted_at": now, "priority_points": points},
            )
            if not created and application.status == Application.Status.WITHDRAWN:
                application.status = Application.Status.SUBMITTED
                application.quota = quota
                application.submitted_at = now
                application.save(update_fields=["status", "quota", "submitted_at", "updated_at"])
    except IntegrityError:  # the same person submitting twice at the same instant
        application = Application.objects.get(call=call, person=person)
    return application


def application_withdraw(*, actor, application: Application, now=None) -> Application:
    _require_applicant(actor, application.person)
    now = now or timezone.now()
    if now >= application.call.closes_at:
        raise ValidationFailed("접수 마감 뒤에는 철회할 수 없습니다.")
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status != Application.Status.SUBMITTED:
            raise ValidationFailed("접수 상태인 신청만 철회할 수 있습니다.")
        application.status = Application.Status.WITHDRAWN
        application.save(update_fields=["status", "updated_at"])
    return application


def _require_manager(actor, call: Call) -> None:
    if actor is not None:
        require(access_calls_manage(actor, call.programme.division.path), "이 공고를 관리할 권한이 없습니다.")


def eligibility_run(*, actor, call: Call) -> tuple[int, int]:
    """Check every submitted application against the call's rules (one query for the people)."""
    _require_manager(actor, call)
    rules = list(call.eligibility_rules.all())
    priorities = list(call.priority_rules.all())
    eligible = ineligible = 0
    with transaction.atomic():
        applications = list(
            call.applications.select_for_update()
            .filter(status__in=[Application.Status.SUBMITTED, Application.Status.INELIGIBLE])
            .select_related("person")
        )
        for application in applications:
            failures = eligibility_failures(call=call, person=application.person, rules=rules)
            application.status = Application.Status.INELIGIBLE if failures else Application.Status.SUBMITTED
            application.ineligible_reasons = "\n".join(failures)
            application.priority_points = priority_points(person=application.person, rules=priorities)
            if failures:
                ineligible += 1
            else:
                eligible += 1
        Application.objects.bulk_update(applications, ["status", "ineligible_reasons", "priority_points"])
    return eligible, ineligible


def review_score_record(*, actor, application: Application, stage: str, score) -> ReviewScore:
    _require_manager(actor, application.call)
    score = Decimal(str(score))
    if not Decimal(0) <= score <= Decimal(100):
        raise ValidationFailed(field_errors={"score": ["점수는 0점부터 100점까지입니다."]})
    if stage not in ReviewScore.Stage.values:
        raise ValidationFailed(field_errors={"stage": ["심사 단계를 고르십시오."]})
    with transaction.atomic():
        record, _ = ReviewScore.objects.update_or_create(
            application=application, stage=stage, reviewer=actor, defaults={"score": score}
        )
    return record


@dataclass(frozen=True)
class Placement:
    application_id: int
    quota_id: int
    rank: int
    lottery: int
    score: Decimal
    outcome: str


RANKED = [
    Application.Status.SUBMITTED,
    Application.Status.SELECTED,
    Application.Status.WAITLISTED,
    Application.Status.NOT_SELECTED,
]


def selection_compute(*, call: Call, seed: int) -> list[Placement]:
    applications = list(
        call.applications.filter(status__in=RANKED)
        .annotate(total=Sum("scores__score"))
        .values_list("pk", "quota_id", "priority_points", "total")
        .order_by("pk")
    )
    generator = random.Random(seed)
    draws = generator.sample(range(1, len(applications) + 1), len(applications))
    lottery = {row[0]: draw for row, draw in zip(applications, draws, strict=True)}
    places = dict(call.quotas.values_list("pk", "places"))
    by_quota: dict[int, list] = {quota_id: [] for quota_id in places}
    for row in applications:
        by_quota[row[1]].append(row)
    placements: list[Placement] = []
    for quota_id in sorted(places):
        members = by_quota[quota_id]
        members.sort(key=lambda row: (-(row[3] or 0), -row[2], lottery[row[0]]))
        for rank, (pk, _, _, total) in enumerate(members, start=1):
            outcome = Application.Status.SELECTED if rank <= places[quota_id] else Application.Status.WAITLISTED
            placements.append(Placement(pk, quota_id, rank, lottery[pk], Decimal(total or 0), outcome))
    return placements


def selection_run(*, actor, call: Call, seed: int | None = None) -> SelectionRun:
    _require_manager(actor, call)
    seed = secrets.randbits(62) if seed is None else seed
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)  # one selection of a call at a time
        placements = selection_compute(call=call, seed=seed)
        run = SelectionRun.objects.create(
            call=call,
            run_by=actor,
            run_at=timezone.now(),
            seed=seed,
            algorithm=ALGORITHM,
            selected=sum(1 for p in placements if p.outcome == Application.Status.SELECTED),
            waitlisted=sum(1 for p in placements if p.outcome == Application.Status.WAITLISTED),
        )
        SelectionResult.objects.bulk_create(
            [
                SelectionResult(
                    run=run,
                    application_id=p.application_id,
                    quota_id=p.quota_id,
                    rank=p.rank,
                    lottery=p.lottery,
                    score=p.score,
                    outcome=p.outcome,
                )
                for p in placements
            ],
            batch_size=2000,
        )
        for outcome in (Application.Status.SELECTED, Application.Status.WAITLISTED):
            ids = [p.application_id for p in placements if p.outcome == outcome]
            for start in range(0, len(ids), 2000):
                Application.objects.filter(pk__in=ids[start : start + 2000]).update(status=outcome)
    return run
