"""The review of a call's applications: reviewers' scores by stage (서면심사, 면접) — a single score, or points per
published criterion for a call for organisations —, a reviewer's declared conflict of interest, the document
review's cut (서면심사 통과) before the interview, and how the reviewers' scores make an application's score
(review_scores: the mean, or the trimmed mean, per stage), which the selection ranks by."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.db.models import Avg
from django.utils import timezone

from iljari.core.errors import ValidationFailed
from iljari.intake.models import (
    Application,
    Call,
    ConflictDeclaration,
    ReviewCriterion,
    ReviewCriterionScore,
    ReviewScore,
)
from iljari.intake.services.guards import call_manage_check, selection_rerun_check


def review_score_record(
    *, actor, application: Application, stage: str, score=None, criteria: dict | None = None
) -> ReviewScore:
    call_manage_check(actor=actor, call=application.call)
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
    call_manage_check(actor=actor, call=application.call)
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
    call_manage_check(actor=actor, call=call)
    if not call.has_document_review or not call.has_interview:
        raise ValidationFailed("서면심사 뒤 면접이 있는 공고에서만 서면심사 통과를 정합니다.")
    if not isinstance(passing, int) or passing < 1:
        raise ValidationFailed(field_errors={"passing": ["통과 수는 1 이상의 정수입니다."]})
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        selection_rerun_check(call=call)
        if call.selection_runs.exists():
            raise ValidationFailed("선발을 실행한 뒤에는 서면심사 통과를 다시 정할 수 없습니다.")
        ids = list(
            call.applications.filter(status__in=[Application.Status.SUBMITTED, Application.Status.SCREENED_OUT])
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        scores = review_scores(call, stages=[ReviewScore.Stage.DOCUMENT_REVIEW])
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


# The applications a selection ranks (and whose review scores count): submitted, or already ranked by a run.
RANKED = [
    Application.Status.SUBMITTED,
    Application.Status.SELECTED,
    Application.Status.WAITLISTED,
    Application.Status.NOT_SELECTED,
]


def review_scores(call: Call, stages=None) -> dict[int, Decimal]:
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
