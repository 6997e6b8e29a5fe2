"""intake services — calls, eligibility, applications, review and selection.

Contract:
- call_set(*, actor, code, programme, title, opens_at, closes_at, announce_on, quotas, eligibility, priorities,
           create=False, audience=None, score_aggregation=None, certifies=None, criteria=None, **details) -> Call
      creates or replaces a call with its quotas (code, name, places[, district]) and rules; `create=True` refuses a
      code already in use; a call whose selection is confirmed can no longer be changed. The audience does not
      change once anyone applied; a call for organisations publishes at least one criterion (1–100 points each, at
      most 100 in all; fixed once scored); only a call for organisations gives a designation (`certifies`).
- eligibility_failures(*, call, person, rules=None, failing=None) -> list[str]
      the Korean reason of every rule the person fails; the same function for one applicant and for a batch
      (a batch passes `failing`, the period rules' answers for all its people: eligibility_period_failing).
- eligibility_period_failing(*, rules, person_ids) -> dict[int, set[int]]
      for each rule that reads another app's facts (intake.checks), the ids of the people who fail it: one query
      per rule, whatever the number of people.
- priority_points(*, person, rules) -> int
- application_draft_save(*, actor, call, person, quota, now=None) -> Application
      keeps (or starts) the person's draft (임시저장) during the call's period; the same row that submit fills.
- application_document_upload(*, actor, application, label, upload, now=None) -> ApplicationDocument
      one of the call's required documents for a draft: PDF, JPEG or PNG by the file's first bytes, at most
      ILJARI_UPLOAD_MAX_BYTES; a new upload for the same document replaces the old one; nothing written on refusal.
- application_submit(*, actor, call, person, quota, channel="online", consents=None, now=None, rules=None)
      -> Application
      once per call and person: a double click or a retry returns the same application, and a draft becomes
      the submitted application; refused outside the call's period, for another call's quota, when a rule fails
      (with every failed rule's reason), or online while a required document is missing (naming each). A citizen's
      own submission records its consents (both purposes, the notice's version, the call) and is refused without.
      `rules` (selectors.CallRules, from portal_call_rules_get) are the call's rules already read; without, they
      are read here.
- application_save(*, actor, call, person, quota, documents=None, submit=False, consents=None, now=None)
      -> Application      the portal's one step: the draft with the files just chosen, then submitted when asked.
- application_paper_register(*, actor, call, quota, rrn, person_details=None, consents=(), now=None) -> Application
      a paper application registered by the call's staff (or, for a district's quota, that district's officer):
      the person found by resident number (blind index) or registered on the spot; same period, rules and
      once-per-call as online, documents checked on paper; the consents on the paper form are recorded.
- bulk_import_check(*, actor, call, consented, now=None) -> None            (the checks before a sheet's rows)
- application_bulk_import(*, actor, call, data, consented, now=None) -> list[int]
      paper applications from an xlsx sheet (APPLICANT_COLUMNS): every row checked, every error listed by row,
      nothing written unless all rows pass; a district officer's rows must all be for their district's quotas;
      returns the person ids of the rows written.
- application_withdraw(*, actor, application, now=None) -> Application      (before the deadline)
- call_manage_check(*, actor, call) -> None                                 (may run the call's batches)
- eligibility_run(*, actor, call) -> tuple[int, int]                        (eligible, ineligible)
- review_score_record(*, actor, application, stage, score=None, criteria=None) -> ReviewScore
      a call with published criteria (ReviewCriterion) takes `criteria` {code: points}, each within its points, and
      the score is their sum; refused for a reviewer who declared a conflict with the application.
- conflict_declare(*, actor, application, reason, now=None) -> ConflictDeclaration
      a reviewer's conflict of interest: their scores for the application are withdrawn, and they score it no more.
- document_review_close(*, actor, call, passing) -> tuple[int, int]
      the document review's cut (서면심사 통과): the `passing` best by document-review score stay in, the rest are
      screened out (서면심사 탈락); every submitted application must have a document-review score.
- application_org_submit(*, actor, call, organisation, quota=None, now=None) -> Application
      an organisation applies to a call for organisations (its own account, or the call's staff for a paper one);
      once per call and organisation, in the call's period; its own online submission needs every required
      document uploaded (naming those missing).
- application_org_draft_save(*, actor, call, organisation, quota=None, now=None) -> Application
- application_org_save(*, actor, call, organisation, documents=None, submit=False, now=None) -> Application
      the organisation's portal step: its draft with the files just chosen (the same checks as a citizen's
      documents: type by the first bytes, size, a safe stored name; nothing written on refusal), then submitted.
- selection_compute(*, call, seed) -> list[Ranking]                         (pure: same seed, same result)
      an application's score is the sum over stages of its reviewers' scores for that stage, averaged as the call
      says (Call.score_aggregation: the mean, or the mean without the highest and the lowest score when at least
      three reviewers scored).
- selection_rerun_check(*, call) -> None                                    (refuses a confirmed call)
- selection_run(*, actor, call, seed=None) -> SelectionRun
      ranks by review score, then priority points, then a lottery drawn from the seed, fills each quota and
      waitlists the rest; the call is locked while it runs, so two runs never interleave; refused once the
      selection is confirmed.
- selection_confirm(*, actor, call, now=None) -> Call
      fixes the latest run's result (선발 확정): no run after it. Placing or enrolling selected people confirms it.
      A call for organisations that `certifies` gives its selected organisations that designation from the day
      (enterprises' certifications_grant: the strong SMEs then appear on the public platform).
- applications_mark_placed(*, call, application_ids, now=None) -> int
      (for participation) these selected applications are now placed or enrolled: the selection is confirmed,
      and they can no longer be declined.
- application_decline(*, actor, application, now=None) -> Application
      a selected person gives up the place (선발 포기) before being placed: the citizen themself or the call's staff.
- waitlist_promote(*, actor, call) -> int
      fills each quota's places left by declined applications with its waitlisted applications, in the latest
      run's rank order; returns how many were promoted.
"""

from __future__ import annotations

import random
import re
import secrets
from collections import defaultdict
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils import timezone

from iljari.core.access import (
    access_applications_register,
    access_apply,
    access_calls_manage,
    access_people_change,
    access_person_record_change,
    require,
)
from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.intake.checks import DIRECT_JOB_OVERLAP, person_check_failing
from iljari.intake.models import (
    Application,
    ApplicationDocument,
    Call,
    ConflictDeclaration,
    EligibilityRule,
    PriorityRule,
    Quota,
    ReviewCriterion,
    ReviewCriterionScore,
    ReviewScore,
    SelectionResult,
    SelectionRun,
    age_range_text,
)
from iljari.intake.selectors import APPLICANT_COLUMNS

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
) -> Call:
    """`audience`, `score_aggregation`, `certifies` and `criteria` (code, name, points) left as None keep what the
    call has (a new call: for people, plain mean, no criteria)."""
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
    if errors:
        raise ValidationFailed(field_errors=errors)
    extra = {
        key: value
        for key, value in (("audience", audience), ("score_aggregation", score_aggregation), ("certifies", certifies))
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
                "has_document_review": has_document_review,
                "has_interview": has_interview,
                **extra,
            },
        )
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


QUOTA_CODE = re.compile(r"[A-Za-z0-9_-]{1,40}")


def _call_extra_errors(audience, score_aggregation, certifies, criteria) -> dict[str, list[str]]:
    from iljari.enterprises.models import Certification

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


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _kdate(day: date) -> str:
    return f"{day.year}. {day.month}. {day.day}."


# The rule kinds whose facts another app holds (intake.checks), with the check each calls.
PERIOD_CHECKS = {EligibilityRule.Kind.NO_DIRECT_JOB_OVERLAP: DIRECT_JOB_OVERLAP}


def eligibility_period_failing(*, rules, person_ids) -> dict[int, set[int]]:
    ids = [pk for pk in person_ids if pk is not None]
    return {
        rule.pk: person_check_failing(PERIOD_CHECKS[rule.kind], ids, rule.on_date, rule.until_date)
        for rule in rules
        if rule.kind in PERIOD_CHECKS
    }


def eligibility_failures(*, call: Call, person, rules=None, failing: dict[int, set[int]] | None = None) -> list[str]:
    rules = list(call.eligibility_rules.all()) if rules is None else rules
    if failing is None:
        failing = eligibility_period_failing(rules=rules, person_ids=[person.pk])
    failures = []
    for rule in rules:
        if rule.kind == EligibilityRule.Kind.AGE_BETWEEN:
            age = _age_on(person.birth_date, rule.on_date)
            if (rule.min_value is not None and age < rule.min_value) or (
                rule.max_value is not None and age > rule.max_value
            ):
                failures.append(
                    f"{age_range_text(rule.min_value, rule.max_value)}만 신청할 수 있습니다"
                    f"({_kdate(rule.on_date)} 기준 만 {age}세)."
                )
        elif rule.kind == EligibilityRule.Kind.RESIDES_IN_SEOUL and person.district_id is None:
            failures.append("서울시에 주소를 둔 사람만 신청할 수 있습니다.")
        elif rule.kind == EligibilityRule.Kind.NO_REGULAR_INCOME and person.income_status != "none":
            failures.append("정기소득이 없는 사람만 신청할 수 있습니다.")
        elif rule.kind == EligibilityRule.Kind.JOB_SEEKER and not person.job_seeker_registered:
            failures.append("구직등록을 한 사람만 신청할 수 있습니다.")
        elif rule.kind in PERIOD_CHECKS and person.pk in failing.get(rule.pk, ()):
            failures.append(
                f"{_kdate(rule.on_date)}~{_kdate(rule.until_date)}에 다른 직접일자리에 참여하고 있어 "
                "신청할 수 없습니다."
            )
    return failures


@dataclass(frozen=True)
class _Applicant:
    """What the rules read of a person (PERSON_FIELDS_READ), for a batch read as plain rows."""

    pk: int
    birth_date: date
    district_id: int | None
    income_status: str
    job_seeker_registered: bool
    basic_livelihood_recipient: bool
    veteran: bool
    disability: bool


# The person fields the rules read (eligibility_failures, priority_points): a batch loads only these.
PERSON_FIELDS_READ = tuple(field.name for field in dataclass_fields(_Applicant))[1:]


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


def _check_open(call: Call, quota: Quota, now, audience: str = Call.Audience.PEOPLE) -> None:
    if call.audience != audience:
        raise ValidationFailed(
            "이 공고는 기업·단체 공모입니다." if audience == Call.Audience.PEOPLE else "이 공고는 시민 대상 모집입니다."
        )
    if not call.is_open(now):
        closes = timezone.localtime(call.closes_at)
        raise ValidationFailed(f"접수 기간이 아닙니다(마감 {closes:%Y-%m-%d %H:%M}).")
    if quota.call_id != call.pk:
        raise ValidationFailed(field_errors={"quota": ["이 공고의 선발 구분이 아닙니다."]})


REOPENABLE = [Application.Status.DRAFT, Application.Status.WITHDRAWN]  # rows a draft or a submission may fill


def _missing_documents(call: Call, application: Application | None) -> list[str]:
    uploaded = set(application.documents.values_list("label", flat=True)) if application is not None else set()
    return [line for line in call.document_lines if line not in uploaded]


def _consent_context(call: Call, channel: str) -> str:
    return f"{'서면' if channel == Application.Channel.PAPER else '온라인'} 신청: {call.title}"


def application_submit(
    *,
    actor,
    call: Call,
    person,
    quota: Quota,
    channel: str = Application.Channel.ONLINE,
    consents=None,
    now=None,
    rules=None,
) -> Application:
    """A citizen's own submission must carry both consents, recorded with it (`consents=None` from staff or the
    system: a paper application's consents are recorded by application_paper_register)."""
    from iljari.people.services import CONSENTS_NEEDED, consent_record

    _require_applicant(actor, person)
    now = now or timezone.now()
    _check_open(call, quota, now)
    own = actor is not None and access_apply(actor)
    if own and set(BOTH_CONSENTS) - set(consents or ()):
        current = Application.objects.filter(call=call, person=person).exclude(status__in=REOPENABLE).first()
        if current is not None:
            return current  # a retry of a submission already made
        raise ValidationFailed(CONSENTS_NEEDED, field_errors={"consents": [CONSENTS_NEEDED]})
    failures = eligibility_failures(call=call, person=person, rules=list(rules.eligibility) if rules else None)
    if failures:
        raise ValidationFailed("신청 자격을 갖추지 못했습니다.", field_errors={"eligibility": failures})
    points = priority_points(person=person, rules=rules.priorities if rules else list(call.priority_rules.all()))
    if channel == Application.Channel.PAPER or not call.document_lines:
        # the usual case first, without reading the person's row for the call: insert, and let the unique
        # constraint say when there is one (a draft, a withdrawn application, a retry) — then nothing of this
        # transaction stays (its consents neither) and the row is dealt with below, under its lock
        try:
            with transaction.atomic():
                if consents:
                    consent_record(person=person, consents=consents, context=_consent_context(call, channel), now=now)
                return Application.objects.create(
                    call=call,
                    person=person,
                    quota=quota,
                    status=Application.Status.SUBMITTED,
                    channel=channel,
                    submitted_at=now,
                    priority_points=points,
                )
        except IntegrityError:
            pass
    try:
        with transaction.atomic():
            application = Application.objects.select_for_update().filter(call=call, person=person).first()
            if application is not None and application.status not in REOPENABLE:
                return application  # a double click or a retry: the same application
            if consents:
                consent_record(person=person, consents=consents, context=_consent_context(call, channel), now=now)
            if channel == Application.Channel.ONLINE:  # a paper application's documents are checked on paper
                missing = _missing_documents(call, application)
                if missing:
                    raise ValidationFailed(
                        f"제출 서류를 모두 올려야 신청할 수 있습니다. 올리지 않은 서류: {', '.join(missing)}."
                    )
            if application is None:
                application = Application.objects.create(
                    call=call,
                    person=person,
                    quota=quota,
                    status=Application.Status.SUBMITTED,
                    channel=channel,
                    submitted_at=now,
                    priority_points=points,
                )
            else:  # the draft (or a withdrawn application) becomes the submission: the same row
                application.status = Application.Status.SUBMITTED
                application.quota = quota
                application.channel = channel
                application.submitted_at = now
                application.priority_points = points
                application.save(
                    update_fields=["status", "quota", "channel", "submitted_at", "priority_points", "updated_at"]
                )
    except IntegrityError:  # the same person submitting twice at the same instant
        application = Application.objects.get(call=call, person=person)
    return application


def application_draft_save(*, actor, call: Call, person, quota: Quota, now=None) -> Application:
    _require_applicant(actor, person)
    now = now or timezone.now()
    _check_open(call, quota, now)
    try:
        with transaction.atomic():
            application = Application.objects.select_for_update().filter(call=call, person=person).first()
            if application is None:
                return Application.objects.create(
                    call=call, person=person, quota=quota, status=Application.Status.DRAFT, submitted_at=None
                )
            if application.status not in REOPENABLE:
                raise ValidationFailed("이미 제출한 신청은 임시저장할 수 없습니다.")
            application.status = Application.Status.DRAFT
            application.quota = quota
            application.submitted_at = None
            application.save(update_fields=["status", "quota", "submitted_at", "updated_at"])
    except IntegrityError:  # two first saves at the same instant: the other one made the draft
        application = Application.objects.get(call=call, person=person)
    return application


# --- uploaded documents ------------------------------------------------------------------------------------

# The first bytes of each accepted type: the file's own content decides, never its name or the browser.
DOCUMENT_SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
]


def document_content_type(head: bytes) -> str | None:
    """The accepted type whose signature `head` starts with, or None."""
    for signature, content_type in DOCUMENT_SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def size_text(size: int) -> str:
    """10485760 → "10MB", 1024 → "1KB" (the upload limit as the pages and messages give it)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + "MB"
    return f"{size / 1024:.1f}".removesuffix(".0") + "KB"


@dataclass(frozen=True)
class _CheckedDocument:
    label: str
    upload: object  # a Django UploadedFile
    name: str
    size: int
    content_type: str


def _documents_check(call: Call, documents: dict) -> list[_CheckedDocument]:
    """Every file checked before anything is written; all refusals at once."""
    limit = settings.ILJARI_UPLOAD_MAX_BYTES
    lines = call.document_lines
    errors: list[str] = []
    checked: list[_CheckedDocument] = []
    for label, upload in documents.items():
        if label not in lines:
            errors.append(f"'{label}'은(는) 이 공고의 제출 서류가 아닙니다.")
            continue
        if not upload.size:
            errors.append(f"'{label}': 빈 파일입니다.")
            continue
        if upload.size > limit:
            errors.append(
                f"'{label}': 파일이 {size_text(limit)}보다 큽니다. {size_text(limit)} 이하의 파일을 올리십시오."
            )
            continue
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        content_type = document_content_type(head)
        if content_type is None:
            errors.append(f"'{label}': PDF, JPG, PNG 파일만 올릴 수 있습니다. 파일 내용이 이 형식이 아닙니다.")
            continue
        name = re.sub(r"[\x00-\x1f\x7f/\\]", "_", (upload.name or "").rsplit("/", 1)[-1])[:255] or "file"
        checked.append(_CheckedDocument(label, upload, name, upload.size, content_type))
    if errors:
        raise ValidationFailed(
            "제출 서류를 올리지 못했습니다(아무것도 저장하지 않았습니다).",
            field_errors={"documents": errors},
        )
    return checked


def _documents_put(application: Application, checked: list[_CheckedDocument], now) -> list[str]:
    """Store the checked files (inside the caller's transaction); the names written, for clean-up on failure.
    A replaced file is deleted once the transaction commits."""
    existing = {document.label: document for document in application.documents.all()}
    written: list[str] = []
    replaced: list[str] = []
    try:
        for item in checked:
            document = existing.get(item.label) or ApplicationDocument(application=application, label=item.label)
            if document.pk is not None:
                replaced.append(document.file.name)
            document.original_name = item.name
            document.size = item.size
            document.content_type = item.content_type
            document.uploaded_at = now
            document.file.save(item.name, item.upload, save=False)  # a random name (models.document_upload_path)
            written.append(document.file.name)
            document.save()
    except BaseException:
        _files_delete(written)
        raise
    if replaced:
        transaction.on_commit(lambda: _files_delete(replaced))
    return written


def _files_delete(names: list[str]) -> None:
    from django.core.files.storage import default_storage

    for name in names:
        if name:
            default_storage.delete(name)


def _store_in_draft(*, actor, call, person, quota, checked, now) -> Application:
    written: list[str] = []
    try:
        with transaction.atomic():
            application = application_draft_save(actor=actor, call=call, person=person, quota=quota, now=now)
            written = _documents_put(application, checked, now)
    except BaseException:
        _files_delete(written)
        raise
    return application


def application_document_upload(
    *, actor, application: Application, label: str, upload, now=None
) -> ApplicationDocument:
    _require_applicant(actor, application.person)
    now = now or timezone.now()
    if application.status not in REOPENABLE:
        raise ValidationFailed("제출한 신청의 서류는 바꿀 수 없습니다.")
    checked = _documents_check(application.call, {label: upload})
    _store_in_draft(
        actor=actor,
        call=application.call,
        person=application.person,
        quota=application.quota,
        checked=checked,
        now=now,
    )
    return ApplicationDocument.objects.get(application=application, label=label)


def application_save(
    *,
    actor,
    call: Call,
    person,
    quota: Quota,
    documents: dict | None = None,
    submit: bool = False,
    consents=None,
    now=None,
) -> Application:
    """Keep the draft with the files just chosen ({required document line: uploaded file}) and, when asked,
    submit it. Files are checked before anything is written; when the submission is refused (a document still
    missing, a rule failed) the draft stays saved."""
    _require_applicant(actor, person)
    now = now or timezone.now()
    current = Application.objects.filter(call=call, person=person).first()
    if submit and current is not None and current.status not in REOPENABLE:
        return current  # a double click on 신청: the same application, nothing changed
    _check_open(call, quota, now)
    checked = _documents_check(call, documents or {})
    _store_in_draft(actor=actor, call=call, person=person, quota=quota, checked=checked, now=now)
    if not submit:
        return Application.objects.get(call=call, person=person)
    return application_submit(actor=actor, call=call, person=person, quota=quota, consents=consents, now=now)


# --- paper applications ----------------------------------------------------------------------------------

BOTH_CONSENTS = ["personal_data", "unique_identifier"]


def _person_by_rrn(actor, number):
    """The registered person with this resident number (through the blind index), or None."""
    if actor is not None:
        from iljari.people.selectors import person_find_by_rrn

        return person_find_by_rrn(user=actor, rrn=number.digits)
    from iljari.people.models import Person
    from iljari.people.rrn import rrn_indexes

    return Person.objects.filter(rrn_index__in=rrn_indexes(number)).first()


def application_paper_register(
    *,
    actor,
    call: Call,
    quota: Quota,
    rrn: str,
    person_details: dict | None = None,
    consents=(),
    now=None,
) -> Application:
    """A paper application, registered by the call's staff (a district's quota: also by that district's officer).
    `person_details` (name, birth_date, sex and the people.PERSON_DETAILS) registers a person not found by the
    number; an already registered person is used as registered. The consents the paper form carries are recorded
    with the application. Eligibility, the period and once-per-call hold as online; nothing is written on
    refusal."""
    from iljari.people.rrn import RrnError, parse_rrn
    from iljari.people.services import CONSENTS_NEEDED, person_register

    _require_registrar(actor, call, quota)
    now = now or timezone.now()
    _check_open(call, quota, now)
    try:
        number = parse_rrn(rrn)
    except RrnError as exc:
        raise ValidationFailed(field_errors={"rrn": [str(exc)]}) from exc
    with transaction.atomic():
        person = _person_by_rrn(actor, number)
        if person is None:
            details = {key: value for key, value in (person_details or {}).items() if value not in (None, "")}
            needed = {"name": "이름", "birth_date": "생년월일", "sex": "성별"}
            missing = {
                key: [f"처음 등록하는 사람입니다. {label}을(를) 입력하십시오."]
                for key, label in needed.items()
                if key not in details
            }
            if missing:
                raise ValidationFailed(field_errors=missing)
            person = person_register(
                actor=actor,
                rrn=number.digits,
                consents=list(consents),
                context=_consent_context(call, Application.Channel.PAPER),
                **details,
            )
            consents = None  # recorded with the registration
        else:
            existing = Application.objects.filter(call=call, person=person).first()
            if existing is not None and existing.status not in REOPENABLE:
                raise ValidationFailed(f"이미 이 공고에 신청한 사람입니다(접수번호 {existing.pk}).")
            if set(BOTH_CONSENTS) - set(consents or ()):
                raise ValidationFailed(CONSENTS_NEEDED, field_errors={"consents": [CONSENTS_NEEDED]})
        return application_submit(
            actor=actor,
            call=call,
            person=person,
            quota=quota,
            channel=Application.Channel.PAPER,
            consents=consents,
            now=now,
        )


# --- paper applications in bulk (xlsx) -------------------------------------------------------------------

BULK_IMPORT_MAX_ROWS = 100_000  # a district's whole round in one sheet (a larger sheet runs as a background job)
YES = {"예", "y", "yes", "o", "○", "1", "true", "해당", "있음"}
NO = {"아니오", "아니요", "n", "no", "x", "×", "0", "false", "해당없음", "미해당", "없음"}
SEXES = {"남": "M", "남자": "M", "m": "M", "여": "F", "여자": "F", "f": "F"}
FLAG_COLUMNS = [
    ("job_seeker", "job_seeker_registered"),
    ("basic_livelihood", "basic_livelihood_recipient"),
    ("veteran", "veteran"),
    ("disability", "disability"),
]


def _cell_date(text: str | None) -> date | None:
    """A date cell as Excel gives it (a date read as text: "1990-05-05 00:00:00") or as typed
    ("1990-05-05", "1990.5.5", "1990/05/05", "19900505"); None when it is not a date."""
    if not text:
        return None
    text = text.strip().removesuffix(" 00:00:00")
    match = re.fullmatch(r"(\d{4})[-./ ]\s*(\d{1,2})[-./ ]\s*(\d{1,2})\.?", text) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})", text
    )
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _cell_flag(text: str | None) -> bool | None:
    """True, False, or None when the cell is neither (blank is False)."""
    value = (text or "").strip().lower()
    if not value or value in NO:
        return False
    if value in YES:
        return True
    return None


def _cell_rrn(text: str | None) -> str:
    """The number as typed; a cell Excel turned into a number loses its hyphen and any leading zero."""
    value = (text or "").strip().removesuffix(".0")
    return value.zfill(13) if re.fullmatch(r"\d{12}", value) else value


@dataclass
class _Row:
    number: int
    name: str
    birth_date: date
    sex: str
    rrn: object  # people.rrn.Rrn, parsed once: person_register_many takes it as it is
    index: str  # the blind index under the newest key (rrn_index)
    indexes: list[str]  # under every configured key, newest first (rrn_indexes): the look-ups use them all
    quota: Quota
    details: dict


def _bulk_rows(rows: list[dict], *, call: Call, quotas: dict, districts: dict) -> tuple[list[_Row], list[str]]:
    """Check each row on its own (no database); the good rows and the errors, by row number."""
    from iljari.people.rrn import RrnError, parse_rrn, rrn_indexes

    labels = {column.key: column.header for column in APPLICANT_COLUMNS}
    errors: list[str] = []
    good: list[_Row] = []
    seen: dict[str, int] = {}
    for row in rows:
        n = row["_row"]
        before = len(errors)
        for key in ("name", "birth_date", "sex", "rrn", "quota"):
            if not row.get(key):
                errors.append(f"{n}행 '{labels[key]}': 값이 비어 있습니다.")
        birth = _cell_date(row.get("birth_date"))
        if row.get("birth_date") and birth is None:
            errors.append(f"{n}행 '{labels['birth_date']}': 날짜가 아닙니다(예: 1990-05-05).")
        sex = SEXES.get((row.get("sex") or "").strip().lower())
        if row.get("sex") and sex is None:
            errors.append(f"{n}행 '{labels['sex']}': '남' 또는 '여'로 적으십시오.")
        number = None
        if row.get("rrn"):
            try:
                number = parse_rrn(_cell_rrn(row["rrn"]))
            except RrnError:
                errors.append(f"{n}행: 주민등록번호 형식이 올바르지 않습니다.")
        if number is not None and birth is not None and number.birth_date != birth:
            errors.append(f"{n}행: 주민등록번호의 생년월일이 '{labels['birth_date']}' 열과 다릅니다.")
        if number is not None and sex is not None and number.sex != sex:
            errors.append(f"{n}행: 주민등록번호의 성별 자리가 '{labels['sex']}' 열과 다릅니다.")
        district = None
        if row.get("district"):
            district = districts.get(row["district"].strip())
            if district is None:
                errors.append(f"{n}행 '{labels['district']}': 서울시 자치구가 아닙니다({row['district'][:20]}).")
        quota = quotas.get((row.get("quota") or "").strip())
        if row.get("quota") and quota is None:
            errors.append(f"{n}행 '{labels['quota']}': 이 공고에 없는 선발 구분입니다({row['quota'][:40]}).")
        income = _cell_flag(row.get("regular_income"))
        if income is None:
            errors.append(f"{n}행 '{labels['regular_income']}': '예' 또는 '아니오'로 적으십시오.")
        details = {
            "phone": (row.get("phone") or "").strip()[:30],
            "district": district,
            "income_status": "unknown" if not row.get("regular_income") else ("regular" if income else "none"),
        }
        for key, field in FLAG_COLUMNS:
            flag = _cell_flag(row.get(key))
            if flag is None:
                errors.append(f"{n}행 '{labels[key]}': '예' 또는 '아니오'로 적으십시오.")
            details[field] = bool(flag)
        indexes = rrn_indexes(number) if number is not None else []  # each HMAC once per row
        index = indexes[0] if indexes else None
        if index is not None and index in seen:
            errors.append(f"{n}행: {seen[index]}행과 주민등록번호가 같습니다(한 사람은 한 번만 신청합니다).")
        elif index is not None:
            seen[index] = n
        if len(errors) == before:
            good.append(_Row(n, row["name"].strip()[:60], birth, sex, number, index, indexes, quota, details))
    return good, errors


def _candidate(row: _Row, person) -> _Applicant:
    """What the rules read of a row's applicant: the sheet's values (which the record takes), the registered
    person's id if any; a plain row, not a Person instance."""
    details = row.details
    district = details["district"]
    return _Applicant(
        person.pk if person is not None else None,
        row.birth_date,
        district.pk if district is not None else None,
        details["income_status"],
        details["job_seeker_registered"],
        details["basic_livelihood_recipient"],
        details["veteran"],
        details["disability"],
    )


def _differs(person, field: str, value) -> bool:
    """Whether the sheet's value differs from the record's (the district compared by id: no query per row)."""
    if field == "district":
        return person.district_id != (value.pk if value is not None else None)
    return getattr(person, field) != value


def bulk_import_check(*, actor, call: Call, consented: bool, now=None) -> None:
    """What a sheet of paper applications needs before its rows are read: the registrar's right, the consents
    confirmed, a call for people, open now. The page checks it before it queues a large sheet."""
    _require_registrar(actor, call)
    now = now or timezone.now()
    if not consented:
        raise ValidationFailed("신청자 모두에게서 개인정보 수집·이용과 고유식별정보 처리 동의를 받았는지 확인하십시오.")
    if call.audience != Call.Audience.PEOPLE:
        raise ValidationFailed("이 공고는 기업·단체 공모입니다.")
    if not call.is_open(now):
        closes = timezone.localtime(call.closes_at)
        raise ValidationFailed(f"접수 기간이 아닙니다(마감 {closes:%Y-%m-%d %H:%M}).")


def application_bulk_import(*, actor, call: Call, data: bytes, consented: bool, now=None) -> list[int]:
    """Paper applications of a district-run round from the xlsx template (APPLICANT_COLUMNS). Every row is
    checked — the cells, the resident number, the district and quota, duplicates in the file, people who already
    applied, eligibility — and every error is listed by row; unless all rows pass, nothing is written. Look-ups
    are set-based (one query each for people, applications, districts, quotas and rules); new people are
    registered in one batch (people.person_register_many) with the consents the paper forms carry; the
    applications are written in bulk. Returns the person ids of the rows, in row order."""
    from iljari.core.bulk import rows_insert
    from iljari.core.xlsx import xlsx_rows
    from iljari.org.selectors import district_choices
    from iljari.people.models import Person
    from iljari.people.services import (
        consent_record_many,
        person_ids_by_rrn_index,
        person_register_many,
        person_update,
    )

    now = now or timezone.now()
    bulk_import_check(actor=actor, call=call, consented=consented, now=now)
    rows = xlsx_rows(data=data, columns=APPLICANT_COLUMNS, title="신청자 일괄 등록", max_rows=BULK_IMPORT_MAX_ROWS)
    quotas = {quota.code: quota for quota in call.quotas.all()}
    districts = {}
    for district in district_choices():
        districts[district.code] = districts[district.name] = district
    good, errors = _bulk_rows(rows, call=call, quotas=quotas, districts=districts)
    allowed = {quota.pk for quota in quotas.values() if _may_register(actor, call, quota)}
    for row in [row for row in good if row.quota.pk not in allowed]:
        errors.append(
            f"{row.number}행 '선발구분코드': '{row.quota.name}'의 신청은 등록할 권한이 없습니다"
            "(자치구 담당자는 그 자치구의 선발 구분만 등록합니다)."
        )
        good.remove(row)

    # every configured index key is looked up (a key rotation may be under way); rows keep the newest key's index
    aliases = {index: row.index for row in good for index in row.indexes}
    found = person_ids_by_rrn_index(indexes=aliases)  # one statement, however many rows; then only those found
    registered = {aliases[p.rrn_index]: p for p in Person.objects.filter(pk__in=list(found.values()))}
    applied = {
        a.person_id: a
        for a in Application.objects.filter(call=call, person__in=list(registered.values())).only(
            "pk", "person_id", "status"
        )
    }
    rules = list(call.eligibility_rules.all())
    priorities = list(call.priority_rules.all())
    failing = eligibility_period_failing(rules=rules, person_ids=[p.pk for p in registered.values()])
    planned = []  # (row, registered person or None, details that differ from the record)
    for row in good:
        person = registered.get(row.index)
        if person is not None:
            if person.name != row.name:
                errors.append(f"{row.number}행 '이름': 같은 주민등록번호로 등록된 사람의 이름과 다릅니다.")
                continue
            application = applied.get(person.pk)
            if application is not None and application.status not in REOPENABLE:
                errors.append(f"{row.number}행: 이미 이 공고에 신청한 사람입니다(접수번호 {application.pk}).")
                continue
            changed = {
                field: value
                for field, value in row.details.items()
                if (field != "phone" or value) and _differs(person, field, value)
            }
            if changed and actor is not None and not access_person_record_change(actor, person.district_id):
                errors.append(
                    f"{row.number}행: 다른 자치구 주민으로 등록된 사람이어서 인적사항을 고칠 수 없습니다. "
                    "시 담당 부서에 문의하십시오."
                )
                continue
        else:
            changed = row.details
        candidate = _candidate(row, person)
        failures = eligibility_failures(call=call, person=candidate, rules=rules, failing=failing)
        if failures:
            errors.append(f"{row.number}행: 신청 자격을 갖추지 못했습니다. {' '.join(failures)}")
            continue
        planned.append((row, person, changed, priority_points(person=candidate, rules=priorities)))
    if errors:
        errors.sort(key=lambda text: int(text.split("행", 1)[0]))
        raise ValidationFailed(
            f"엑셀 파일에 잘못된 행이 있어 아무것도 저장하지 않았습니다({len(errors)}건).",
            field_errors={"file": errors},
        )

    try:
        with transaction.atomic():
            Call.objects.select_for_update().filter(pk=call.pk).first()  # not while a selection runs
            newcomers = iter(
                person_register_many(
                    actor=actor,
                    people=[
                        {"name": row.name, "birth_date": row.birth_date, "sex": row.sex, "rrn": row.rrn,
                         **row.details}
                        for row, person, _, _ in planned
                        if person is None
                    ],
                    consents=BOTH_CONSENTS,
                    context=_consent_context(call, Application.Channel.PAPER),
                    now=now,
                )
            )  # fmt: skip
            people, known = [], []  # known: people registered before, whose consents are recorded here
            for _row, person, changed, _ in planned:
                if person is None:
                    person = next(newcomers)
                else:
                    if changed:
                        person = person_update(actor=actor, person=person, **changed)
                    known.append(person.pk)
                people.append(person)
            consent_record_many(person_ids=known, context=_consent_context(call, Application.Channel.PAPER), now=now)
            fresh, reopened = [], []  # fresh: plain rows for rows_insert, no model instance each
            submitted, paper = Application.Status.SUBMITTED, Application.Channel.PAPER
            for (row, _, _, points), person in zip(planned, people, strict=True):
                existing = applied.get(person.pk)
                if existing is None:
                    fresh.append((call.pk, person.pk, row.quota.pk, submitted, paper, now, points))
                    continue
                existing.quota = row.quota
                existing.status = submitted
                existing.channel = paper
                existing.submitted_at = now
                existing.priority_points = points
                reopened.append(existing)
            fields = ("call", "person", "quota", "status", "channel", "submitted_at", "priority_points")
            rows_insert(Application, fields, fresh)
            Application.objects.bulk_update(
                reopened, ["quota", "status", "channel", "submitted_at", "priority_points"], batch_size=1000
            )
    except IntegrityError as exc:  # someone applied online in the meantime
        raise ValidationFailed("그사이 다른 신청과 겹쳐 저장하지 못했습니다. 파일을 다시 올리십시오.") from exc
    return [person.pk for person in people]


def application_withdraw(*, actor, application: Application, now=None) -> Application:
    if application.organisation_id is not None:
        _require_org_applicant(actor, application.call, application.organisation)
    else:
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


def call_manage_check(*, actor, call: Call) -> None:
    """Refuses (PermissionDenied) who may not run the call's batches; the page checks it before queueing one."""
    _require_manager(actor, call)


def _may_register(actor, call: Call, quota: Quota) -> bool:
    return actor is None or access_applications_register(actor, call.programme.division.path, quota.district_id)


def _require_registrar(actor, call: Call, quota: Quota | None = None) -> None:
    """Paper applications: the call's staff; for a district's quota, that district's officer too (a bulk upload
    by a district officer is then checked row by row)."""
    if actor is None:
        return
    if quota is not None:
        require(_may_register(actor, call, quota), "이 선발 구분의 신청을 등록할 권한이 없습니다.")
        return
    districts = {quota.district_id for quota in call.quotas.all()}
    require(
        any(access_applications_register(actor, call.programme.division.path, d) for d in districts | {None}),
        "이 공고에 서면 신청을 등록할 권한이 없습니다.",
    )


def eligibility_run(*, actor, call: Call) -> tuple[int, int]:
    """Check every submitted application against the call's rules (one query for the people, one per rule that
    reads another app's facts)."""
    _require_manager(actor, call)
    rules = list(call.eligibility_rules.all())
    priorities = list(call.priority_rules.all())
    eligible = ineligible = 0
    outcomes: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    with transaction.atomic():
        rows = list(
            call.applications.select_for_update(of=("self",))
            .filter(status__in=[Application.Status.SUBMITTED, Application.Status.INELIGIBLE])
            .values_list("pk", "person_id", *(f"person__{name}" for name in PERSON_FIELDS_READ))
            .order_by()
        )  # plain rows of the fields the rules read: no model instances, no decryption
        failing = eligibility_period_failing(rules=rules, person_ids=[row[1] for row in rows])
        for pk, person_id, *values in rows:
            person = _Applicant(person_id, *values)
            failures = eligibility_failures(call=call, person=person, rules=rules, failing=failing)
            status = Application.Status.INELIGIBLE if failures else Application.Status.SUBMITTED
            points = priority_points(person=person, rules=priorities)
            outcomes[(status, "\n".join(failures), points)].append(pk)
            if failures:
                ineligible += 1
            else:
                eligible += 1
        # one UPDATE per distinct outcome (a handful) and 2,000 rows, not one per row; unchanged rows are not written
        for (status, reasons, points), ids in outcomes.items():
            for start in range(0, len(ids), 2000):
                Application.objects.filter(pk__in=ids[start : start + 2000]).exclude(
                    status=status, ineligible_reasons=reasons, priority_points=points
                ).update(status=status, ineligible_reasons=reasons, priority_points=points)  # changed rows only
    return eligible, ineligible


def review_score_record(
    *, actor, application: Application, stage: str, score=None, criteria: dict | None = None
) -> ReviewScore:
    _require_manager(actor, application.call)
    if application.status == Application.Status.DRAFT:
        raise ValidationFailed("임시저장한 신청은 제출되기 전까지 심사할 수 없습니다.")
    if stage not in ReviewScore.Stage.values:
        raise ValidationFailed(field_errors={"stage": ["심사 단계를 고르십시오."]})
    current = Application.objects.filter(pk=application.pk).values_list("status", flat=True).first()
    if stage == ReviewScore.Stage.INTERVIEW and current == Application.Status.SCREENED_OUT:
        raise ValidationFailed("서면심사를 통과하지 못한 신청은 면접 점수를 줄 수 없습니다.")
    if actor is not None and ConflictDeclaration.objects.filter(application=application, reviewer=actor).exists():
        raise ValidationFailed("이해충돌을 신고한 신청은 심사할 수 없습니다.")
    published = list(application.call.criteria.all())
    points: list[tuple[ReviewCriterion, Decimal]] = []
    if published:
        points, score = _criterion_points(published, criteria or {})
    else:
        try:
            score = Decimal(str(score))
        except ArithmeticError as exc:
            raise ValidationFailed(field_errors={"score": ["점수는 0점부터 100점까지입니다."]}) from exc
        if not score.is_finite() or not Decimal(0) <= score <= Decimal(100):
            raise ValidationFailed(field_errors={"score": ["점수는 0점부터 100점까지입니다."]})
    with transaction.atomic():
        record, _ = ReviewScore.objects.update_or_create(
            application=application, stage=stage, reviewer=actor, defaults={"score": score}
        )
        if published:
            record.criterion_scores.all().delete()
            ReviewCriterionScore.objects.bulk_create(
                [ReviewCriterionScore(review_score=record, criterion=c, points=p) for c, p in points]
            )
    return record


def _criterion_points(published, given: dict) -> tuple[list, Decimal]:
    """Each criterion's points within its scale (every mistake at once) and their sum."""
    errors: list[str] = []
    points = []
    for criterion in published:
        raw = given.get(criterion.code)
        try:
            value = Decimal(str(raw)) if raw not in (None, "") else None
        except ArithmeticError:
            value = Decimal(-1)
        if value is None:
            errors.append(f"'{criterion.name}' 점수를 입력하십시오.")
        elif not value.is_finite() or not Decimal(0) <= value <= criterion.max_points:
            errors.append(f"'{criterion.name}' 점수는 0점부터 {criterion.max_points}점까지입니다.")
        else:
            points.append((criterion, value))
    if errors:
        raise ValidationFailed("심사 점수를 확인하십시오.", field_errors={"criteria": errors})
    return points, sum((p for _, p in points), Decimal(0))


def conflict_declare(*, actor, application: Application, reason: str, now=None) -> ConflictDeclaration:
    _require_manager(actor, application.call)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(field_errors={"reason": ["이해충돌 사유를 적으십시오."]})
    if application.call.selection_confirmed:
        raise ValidationFailed("선발이 확정된 공고입니다.")
    with transaction.atomic():
        declaration, created = ConflictDeclaration.objects.get_or_create(
            application=application,
            reviewer=actor,
            defaults={"reason": reason[:200], "declared_at": now or timezone.now()},
        )
        ReviewScore.objects.filter(application=application, reviewer=actor).delete()
    return declaration


def document_review_close(*, actor, call: Call, passing: int) -> tuple[int, int]:
    """(passed, screened out). Ranked by the document-review score averaged as the call says, ties by application
    number; applications already screened out are ranked again, so the cut can be redone before selection."""
    _require_manager(actor, call)
    if not call.has_document_review or not call.has_interview:
        raise ValidationFailed("서면심사 뒤 면접이 있는 공고에서만 서면심사 통과를 정합니다.")
    if not isinstance(passing, int) or passing < 1:
        raise ValidationFailed(field_errors={"passing": ["통과 수는 1 이상의 정수입니다."]})
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        _require_not_confirmed(call)
        if call.selection_runs.exists():
            raise ValidationFailed("선발을 실행한 뒤에는 서면심사 통과를 다시 정할 수 없습니다.")
        ids = list(
            call.applications.filter(status__in=[Application.Status.SUBMITTED, Application.Status.SCREENED_OUT])
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        scores = _scores(call, stages=[ReviewScore.Stage.DOCUMENT_REVIEW])
        unscored = [pk for pk in ids if pk not in scores]
        if unscored:
            raise ValidationFailed(
                f"서면심사 점수가 없는 신청이 {len(unscored):,}건 있습니다. 모두 심사한 뒤 정하십시오."
            )
        ranked = sorted(ids, key=lambda pk: (-scores[pk], pk))
        passed, failed = ranked[:passing], ranked[passing:]
        for status, chosen in ((Application.Status.SUBMITTED, passed), (Application.Status.SCREENED_OUT, failed)):
            for start in range(0, len(chosen), 2000):
                Application.objects.filter(pk__in=chosen[start : start + 2000]).exclude(status=status).update(
                    status=status
                )
    return len(passed), len(failed)


def _require_org_applicant(actor, call: Call, organisation) -> None:
    from iljari.core.access import access_organisation_own

    if actor is None:
        return
    if access_organisation_own(actor):
        if actor.organisation_id != organisation.pk:
            raise NotAllowed("자기 기업·단체의 신청만 할 수 있습니다.")
        return
    require(access_calls_manage(actor, call.programme.division.path), "신청을 등록할 권한이 없습니다.")


def _org_quota(call: Call, quota: Quota | None) -> Quota:
    if quota is not None:
        return quota
    quotas = list(call.quotas.all())
    if len(quotas) != 1:
        raise ValidationFailed(field_errors={"quota": ["선발 구분을 고르십시오."]})
    return quotas[0]


def application_org_submit(*, actor, call: Call, organisation, quota: Quota | None = None, now=None) -> Application:
    _require_org_applicant(actor, call, organisation)
    now = now or timezone.now()
    quota = _org_quota(call, quota)
    _check_open(call, quota, now, audience=Call.Audience.ORGANISATIONS)
    own = actor is not None and actor.role == "organisation"
    channel = Application.Channel.ONLINE if own or actor is None else Application.Channel.PAPER
    try:
        with transaction.atomic():
            application = Application.objects.select_for_update().filter(call=call, organisation=organisation).first()
            if application is not None and application.status not in REOPENABLE:
                return application  # a double click or a retry: the same application
            if own:  # the organisation's own submission needs every document; a paper one is checked on paper
                missing = _missing_documents(call, application)
                if missing:
                    raise ValidationFailed(
                        f"제출 서류를 모두 올려야 신청할 수 있습니다. 올리지 않은 서류: {', '.join(missing)}."
                    )
            if application is None:
                return Application.objects.create(
                    call=call,
                    organisation=organisation,
                    quota=quota,
                    status=Application.Status.SUBMITTED,
                    channel=channel,
                    submitted_at=now,
                )
            application.status = Application.Status.SUBMITTED
            application.quota = quota
            application.channel = channel
            application.submitted_at = now
            application.save(update_fields=["status", "quota", "channel", "submitted_at", "updated_at"])
            return application
    except IntegrityError:
        return Application.objects.get(call=call, organisation=organisation)


def application_org_draft_save(*, actor, call: Call, organisation, quota: Quota | None = None, now=None) -> Application:
    """Keeps (or starts) the organisation's draft during the call's period: the row its submission fills."""
    _require_org_applicant(actor, call, organisation)
    now = now or timezone.now()
    quota = _org_quota(call, quota)
    _check_open(call, quota, now, audience=Call.Audience.ORGANISATIONS)
    try:
        with transaction.atomic():
            application = Application.objects.select_for_update().filter(call=call, organisation=organisation).first()
            if application is None:
                return Application.objects.create(
                    call=call, organisation=organisation, quota=quota, status=Application.Status.DRAFT
                )
            if application.status not in REOPENABLE:
                raise ValidationFailed("이미 제출한 신청은 임시저장할 수 없습니다.")
            application.status = Application.Status.DRAFT
            application.quota = quota
            application.submitted_at = None
            application.save(update_fields=["status", "quota", "submitted_at", "updated_at"])
    except IntegrityError:  # two first saves at the same instant
        application = Application.objects.get(call=call, organisation=organisation)
    return application


def application_org_save(
    *, actor, call: Call, organisation, documents: dict | None = None, submit: bool = False, now=None
) -> Application:
    """The organisation's portal step, as application_save is the citizen's: the draft with the files just chosen
    ({required document line: uploaded file}, checked like a citizen's: PDF/JPEG/PNG by content, size), then
    submitted when asked. Files are checked before anything is written; a refused submission keeps the draft."""
    _require_org_applicant(actor, call, organisation)
    now = now or timezone.now()
    current = Application.objects.filter(call=call, organisation=organisation).first()
    if submit and current is not None and current.status not in REOPENABLE:
        return current  # a double click on 신청
    quota = _org_quota(call, None)
    _check_open(call, quota, now, audience=Call.Audience.ORGANISATIONS)
    checked = _documents_check(call, documents or {})
    if checked or not submit:
        written: list[str] = []
        try:
            with transaction.atomic():
                application = application_org_draft_save(
                    actor=actor, call=call, organisation=organisation, quota=quota, now=now
                )
                written = _documents_put(application, checked, now)
        except BaseException:
            _files_delete(written)
            raise
    if not submit:
        return Application.objects.get(call=call, organisation=organisation)
    return application_org_submit(actor=actor, call=call, organisation=organisation, quota=quota, now=now)


@dataclass(frozen=True)
class Ranking:
    """One application's place in its quota after a selection."""

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


def _scores(call: Call, stages=None) -> dict[int, Decimal]:
    """Each application's review score: the sum over stages of its reviewers' scores for that stage averaged as
    the call says (so that an application with three reviewers does not outscore one with two)."""
    totals: dict[int, Decimal] = defaultdict(Decimal)
    rows = ReviewScore.objects.filter(application__call=call, application__status__in=RANKED)
    if stages is not None:
        rows = ReviewScore.objects.filter(application__call=call, stage__in=stages)
    if call.score_aggregation == Call.ScoreAggregation.TRIMMED_MEAN:
        given: dict[tuple[int, str], list[Decimal]] = defaultdict(list)
        for application_id, stage, score in rows.values_list("application_id", "stage", "score").order_by():
            given[(application_id, stage)].append(score)
        for (application_id, _stage), scores in given.items():
            totals[application_id] += trimmed_mean(scores)
        return totals
    means = rows.values_list("application_id", "stage").annotate(mean=Avg("score")).order_by()
    for application_id, _stage, mean in means:
        totals[application_id] += Decimal(mean).quantize(Decimal("0.01"))
    return totals


def trimmed_mean(scores: list[Decimal]) -> Decimal:
    """The mean without the highest and the lowest score when at least three were given; the plain mean below."""
    ordered = sorted(scores)
    if len(ordered) >= 3:
        ordered = ordered[1:-1]
    return (sum(ordered, Decimal(0)) / len(ordered)).quantize(Decimal("0.01"))


def selection_compute(*, call: Call, seed: int) -> list[Ranking]:
    applications = list(
        call.applications.filter(status__in=RANKED).values_list("pk", "quota_id", "priority_points").order_by("pk")
    )
    scores = _scores(call)
    generator = random.Random(seed)
    draws = generator.sample(range(1, len(applications) + 1), len(applications))
    places = dict(call.quotas.values_list("pk", "places"))
    by_quota: dict[int, list] = {quota_id: [] for quota_id in places}
    for (pk, quota_id, points), draw in zip(applications, draws, strict=True):
        by_quota[quota_id].append((-scores.get(pk, 0), -points, draw, pk))
    rankings: list[Ranking] = []
    for quota_id in sorted(places):
        members = by_quota[quota_id]
        members.sort()
        for rank, (score, _, draw, pk) in enumerate(members, start=1):
            outcome = Application.Status.SELECTED if rank <= places[quota_id] else Application.Status.WAITLISTED
            rankings.append(Ranking(pk, quota_id, rank, draw, -Decimal(score), outcome))
    return rankings


def _results_insert(run: SelectionRun, rankings: list[Ranking]) -> None:
    """The run's result rows in a few statements (core.bulk), not one model instance per row."""
    from iljari.core.bulk import rows_insert

    rows_insert(
        SelectionResult,
        ("run", "application", "quota", "rank", "lottery", "score", "outcome"),
        ((run.pk, r.application_id, r.quota_id, r.rank, r.lottery, r.score, r.outcome) for r in rankings),
    )


def selection_rerun_check(*, call: Call) -> None:
    """Refuses a selection of a call whose results are confirmed (the page checks it before queueing one)."""
    _require_not_confirmed(call)


def _require_not_confirmed(call: Call) -> None:
    if call.selection_confirmed:
        confirmed = timezone.localtime(call.selection_confirmed_at)
        raise ValidationFailed(f"선발 결과가 확정되어({confirmed:%Y-%m-%d %H:%M}) 다시 선발할 수 없습니다.")


def selection_run(*, actor, call: Call, seed: int | None = None) -> SelectionRun:
    _require_manager(actor, call)
    seed = secrets.randbits(62) if seed is None else seed
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)  # one selection of a call at a time
        _require_not_confirmed(call)
        rankings = selection_compute(call=call, seed=seed)
        selected = sum(1 for r in rankings if r.outcome == Application.Status.SELECTED)
        run = SelectionRun.objects.create(
            call=call,
            run_by=actor,
            run_at=timezone.now(),
            seed=seed,
            algorithm=ALGORITHM,
            selected=selected,
            waitlisted=len(rankings) - selected,
        )
        _results_insert(run, rankings)
        # every ranked application takes its outcome from the run's result rows: one statement per outcome
        for outcome in (Application.Status.SELECTED, Application.Status.WAITLISTED):
            chosen = SelectionResult.objects.filter(run=run, outcome=outcome).values("application_id").order_by()
            Application.objects.filter(pk__in=chosen).exclude(status=outcome).update(status=outcome)
    return run


def selection_confirm(*, actor, call: Call, now=None) -> Call:
    _require_manager(actor, call)
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        if call.selection_confirmed:
            return call
        if not call.selection_runs.exists():
            raise ValidationFailed("선발을 먼저 실행하십시오. 확정할 선발 결과가 없습니다.")
        call.selection_confirmed_at = now or timezone.now()
        call.selection_confirmed_by = actor
        call.save(update_fields=["selection_confirmed_at", "selection_confirmed_by", "updated_at"])
        if call.audience == Call.Audience.ORGANISATIONS and call.certifies:
            from iljari.enterprises.services import certifications_grant

            certifications_grant(
                organisation_ids=call.applications.filter(status=Application.Status.SELECTED).values_list(
                    "organisation_id", flat=True
                ),
                kind=call.certifies,
                valid_from=timezone.localdate(call.selection_confirmed_at),
                note=f"{call.title} 선정",
            )
    return call


def applications_mark_placed(*, call: Call, application_ids, now=None) -> int:
    """Called by participation inside its own transaction when it places or enrols selected people."""
    now = now or timezone.now()
    ids = list(application_ids)
    if not ids:
        return 0
    if not call.selection_confirmed:
        Call.objects.filter(pk=call.pk, selection_confirmed_at__isnull=True).update(selection_confirmed_at=now)
        call.selection_confirmed_at = now
    marked = 0
    for start in range(0, len(ids), 2000):
        marked += Application.objects.filter(
            pk__in=ids[start : start + 2000], call=call, status=Application.Status.SELECTED, placed_at__isnull=True
        ).update(placed_at=now)
    return marked


def application_decline(*, actor, application: Application, now=None) -> Application:
    if actor is not None and access_apply(actor):
        _require_applicant(actor, application.person)
    else:
        _require_manager(actor, application.call)
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status != Application.Status.SELECTED:
            raise ValidationFailed("선발된 신청만 포기할 수 있습니다.")
        if application.placed_at is not None:
            raise ValidationFailed("이미 배치(입교)되었습니다. 참여를 그만두려면 담당자에게 중도 포기를 알리십시오.")
        application.status = Application.Status.DECLINED
        application.save(update_fields=["status", "updated_at"])
    return application


def waitlist_promote(*, actor, call: Call) -> int:
    _require_manager(actor, call)
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        run = call.selection_runs.order_by("-run_at", "-pk").first()
        if run is None:
            raise ValidationFailed("선발을 먼저 실행하십시오.")
        taken = dict(
            call.applications.filter(status=Application.Status.SELECTED)
            .values_list("quota_id")
            .annotate(n=Count("pk"))
            .values_list("quota_id", "n")
        )
        promoted: list[int] = []
        for quota_id, places in call.quotas.values_list("pk", "places"):
            vacancies = places - taken.get(quota_id, 0)
            if vacancies <= 0:
                continue
            promoted += list(
                run.results.filter(quota_id=quota_id, application__status=Application.Status.WAITLISTED)
                .order_by("rank")
                .values_list("application_id", flat=True)[:vacancies]
            )
        Application.objects.filter(pk__in=promoted).update(status=Application.Status.SELECTED)
    return len(promoted)
