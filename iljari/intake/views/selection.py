"""The office's selection steps on a call: the seeded selection (at once, or as a background job for a large call),
its confirmation (선발 확정), a selected applicant's decline recorded by staff, and the waiting list's promotion."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.core.http import service_step
from iljari.core.jobs import job_start
from iljari.core.korean import with_object
from iljari.intake import selectors, services, tasks
from iljari.intake.forms import SeedForm


@login_required
@require_POST
def call_select(request, code: str):
    """The call's selection: at once for a small call, as a background job for a large one (as eligibility)."""
    call = selectors.call_get(user=request.user, code=code)
    form = SeedForm(request.POST)
    if not form.is_valid():
        messages.error(request, "추첨 기준값은 0 이상의 정수여야 합니다.")
        return redirect(call)
    seed = form.cleaned_data["seed"]
    services.call_manage_check(actor=request.user, call=call)
    services.selection_rerun_check(call=call)  # a confirmed call is refused now (its error page), not in the worker

    def select():
        services.selection_closed_check(call=call)  # a call still receiving: a message now, not a failed job
        if call.applications.count() > settings.ILJARI_INLINE_BATCH_ROWS:
            job = job_start(
                actor=request.user, kind="selection", title=f"{call.title} 선발", task=tasks.selection_task,
                call_id=call.pk, seed=seed,
            )  # fmt: skip
            return None, job.get_absolute_url()
        run = services.selection_run(actor=request.user, call=call, seed=seed)
        done = f"선발을 마쳤습니다: 선발 {run.selected:,}명, 예비 {run.waitlisted:,}명 (추첨 기준값 {run.seed})."
        return done, call.get_absolute_url()

    return service_step(request, select, back=call.get_absolute_url())


@login_required
@require_POST
def call_confirm(request, code: str):
    """선발 확정 is an approval (결재): the button drafts it. An official whose position gives the final approval
    (전결) and names no one confirms at once; anyone else is sent to the draft form to choose the line."""
    call = selectors.call_get(user=request.user, code=code)
    services.call_manage_check(actor=request.user, call=call)

    def confirm():
        confirmed = services.selection_confirm(actor=request.user, call=call)
        done = "전결로 선발 결과를 확정했습니다. 이제 다시 선발할 수 없고, 선발자를 배치할 수 있습니다."
        return done, confirmed.get_absolute_url()

    if not selectors.call_confirm_at_once(user=request.user, call=call):
        return redirect(reverse("approvals:draft", args=[services.SELECTION_CONFIRM, call.code]))
    return service_step(request, confirm, back=call.get_absolute_url())


@login_required
@require_POST
def call_promote(request, code: str):
    call = selectors.call_get(user=request.user, code=code)
    services.call_manage_check(actor=request.user, call=call)

    def promote():
        promoted = services.waitlist_promote(actor=request.user, call=call)
        done = f"예비 {promoted:,}명을 선발로 올렸습니다." if promoted else "채울 빈자리가 없습니다."
        return done, call.get_absolute_url()

    return service_step(request, promote, back=call.get_absolute_url())


@login_required
@require_POST
def application_decline(request, pk: int):
    """Staff record that a selected person gave up the place (by telephone, in writing)."""
    application = selectors.application_get(user=request.user, pk=pk)
    services.call_manage_check(actor=request.user, call=application.call)

    def decline():
        services.application_decline(actor=request.user, application=application)
        return f"신청 #{with_object(application.pk)} 선발 포기로 기록했습니다.", application.call.get_absolute_url()

    return service_step(request, decline, back=application.call.get_absolute_url())
