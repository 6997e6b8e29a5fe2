"""The selection: a seeded lottery run (selection_compute is pure — the same seed gives the same result — and
selection_run records it), its confirmation (선발 확정; a call for organisations may give its selected a
designation), the placements participation marks, a selected applicant's decline (선발 포기) and the waiting
list's promotion into the places left."""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from iljari.approvals.services import approval_draft
from iljari.core.access import access_apply, access_selection_decline, require
from iljari.core.bulk import rows_insert
from iljari.core.errors import ValidationFailed
from iljari.core.history import history_batch, history_bulk_updated
from iljari.core.korean import with_topic
from iljari.enterprises.services import certifications_grant
from iljari.intake.models import Application, Call, SelectionResult, SelectionRun
from iljari.intake.services.guards import call_manage_check, selection_closed_check, selection_rerun_check
from iljari.intake.services.messages import selection_result_notify, waitlist_promoted_notify
from iljari.intake.services.review import RANKED, review_scores

ALGORITHM = SelectionRun.Method.V1.value  # score desc, priority points desc, lottery asc; quota by quota


@dataclass(frozen=True)
class Ranking:
    """One application's place in its quota after a selection."""

    application_id: int
    quota_id: int
    rank: int
    lottery: int
    score: Decimal
    outcome: str


def selection_compute(*, call: Call, seed: int) -> list[Ranking]:
    applications = list(
        call.applications.filter(status__in=RANKED).values_list("pk", "quota_id", "priority_points").order_by("pk")
    )
    scores = review_scores(call)
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
    rows_insert(
        SelectionResult,
        ("run", "application", "quota", "rank", "lottery", "score", "outcome"),
        ((run.pk, r.application_id, r.quota_id, r.rank, r.lottery, r.score, r.outcome) for r in rankings),
    )


def selection_run(*, actor, call: Call, seed: int | None = None) -> SelectionRun:
    call_manage_check(actor=actor, call=call)
    seed = secrets.randbits(62) if seed is None else seed
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)  # one selection of a call at a time
        selection_closed_check(call=call)
        selection_rerun_check(call=call)
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
        with history_batch(kind="intake.selection", label="선발 실행", subject=f"{call.title} 선발", actor=actor):
            # every ranked application takes its outcome from the run's result rows: one statement per outcome,
            # each changed application recorded with its status before and after
            for outcome in (Application.Status.SELECTED, Application.Status.WAITLISTED):
                chosen = SelectionResult.objects.filter(run=run, outcome=outcome).values("application_id").order_by()
                history_bulk_updated(
                    Application.objects.filter(pk__in=chosen).exclude(status=outcome),
                    {"status": outcome},
                    describe=_application_text,
                )
    return run


def _application_text(row: dict) -> str:
    return f"신청 #{row['pk']}"


SELECTION_CONFIRM = "intake.selection_confirm"  # the act (intake/approval_acts.py)


def selection_confirm_check(*, call: Call, now=None) -> None:
    """Refuses a call whose selection cannot be confirmed now: confirmed already, still receiving, never run."""
    if call.selection_confirmed:
        raise ValidationFailed("이미 선발 결과가 확정된 공고입니다.")
    selection_closed_check(call=call, doing="선발 결과를 확정할", now=now)
    if not call.selection_runs.exists():
        raise ValidationFailed("선발을 먼저 실행하십시오. 확정할 선발 결과가 없습니다.")


def selection_confirm(*, actor, call: Call, now=None, approval=None) -> Call:
    """Confirm the selection (선발 확정): at once for the system (actor None) or on its approval's final step
    (`approval`: the act's run); any other actor drafts the approval instead (전결 at once where the actor's own
    position gives it). Returns the call, confirmed or still waiting for its approval."""
    call_manage_check(actor=actor, call=call)
    if actor is not None and approval is None:
        approval_draft(actor=actor, act=SELECTION_CONFIRM, target=call)
        call.refresh_from_db()
        return call
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        if call.selection_confirmed:
            return call
        selection_confirm_check(call=call, now=now)
        call.selection_confirmed_at = now or timezone.now()
        call.selection_confirmed_by = actor
        call.save(update_fields=["selection_confirmed_at", "selection_confirmed_by", "updated_at"])
        if call.audience == Call.Audience.ORGANISATIONS and call.certifies:
            batch = history_batch(
                kind="intake.confirm", label="선발 확정", subject=f"{call.title} 선정 인증", actor=actor
            )
            with batch:
                certifications_grant(
                    organisation_ids=call.applications.filter(status=Application.Status.SELECTED).values_list(
                        "organisation_id", flat=True
                    ),
                    kind=call.certifies,
                    valid_from=timezone.localdate(call.selection_confirmed_at),
                    note=f"{call.title} 선정",
                )
        if actor is not None:  # the result told to every applicant (the system's own loads send nothing)
            selection_result_notify(actor=actor, call=call)
    return call


def applications_mark_placed(*, call: Call, application_ids, now=None) -> int:
    """Called by participation inside its own transaction when it places or enrols selected people: only from a
    confirmed selection (선발 확정 is an approval, 결재 — placing people never confirms it on the side)."""
    now = now or timezone.now()
    ids = list(application_ids)
    if not ids:
        return 0
    if not Call.objects.filter(pk=call.pk, selection_confirmed_at__isnull=False).exists():
        raise ValidationFailed(
            f"{with_topic(call.title)} 선발 결과가 아직 확정되지 않아 배치(입교)할 수 없습니다. "
            "선발 확정 결재가 끝난 뒤 배치하십시오."
        )
    marked = 0
    for start in range(0, len(ids), 2000):
        marked += history_bulk_updated(
            Application.objects.filter(
                pk__in=ids[start : start + 2000], call=call, status=Application.Status.SELECTED, placed_at__isnull=True
            ),
            {"placed_at": now},
            describe=_application_text,
        )
    return marked


def application_decline(*, actor, application: Application, now=None) -> Application:
    if actor is not None:
        own = access_apply(actor)
        owner = application.person.user_id if application.person_id is not None else None
        require(
            access_selection_decline(actor, owner, application.call.programme.division.path),
            "본인의 신청만 할 수 있습니다." if own else "이 공고를 관리할 권한이 없습니다.",
        )
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
    call_manage_check(actor=actor, call=call)
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
        with history_batch(
            kind="intake.waitlist", label="예비 선발 승격", subject=f"{call.title} 예비 선발 승격", actor=actor
        ):
            history_bulk_updated(
                Application.objects.filter(pk__in=promoted),
                {"status": Application.Status.SELECTED},
                describe=_application_text,
            )
        waitlist_promoted_notify(actor=actor, call=call, application_ids=promoted)
    return len(promoted)
