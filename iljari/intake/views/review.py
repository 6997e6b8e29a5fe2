"""The office's review of a call's applications: a score from the call's page, an application's review sheet with
the published criteria, a reviewer's conflict of interest, and the document review's cut (서면심사 통과)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.core.access import access_calls_manage, require
from iljari.core.errors import ValidationFailed
from iljari.core.http import error_text, service_step
from iljari.intake import selectors, services
from iljari.intake.forms import PassingForm, ScoreForm
from iljari.intake.models import ReviewScore


@login_required
@require_POST
def application_score(request, pk: int):
    application = selectors.application_get(user=request.user, pk=pk)
    form = ScoreForm(request.POST)
    if not form.is_valid():
        messages.error(request, "점수는 0부터 100까지의 숫자여야 합니다.")
        return redirect(application.call)
    services.call_manage_check(actor=request.user, call=application.call)

    def score():
        services.review_score_record(actor=request.user, application=application, **form.cleaned_data)
        return f"신청 #{application.pk}의 점수를 저장했습니다.", application.call.get_absolute_url()

    return service_step(request, score, back=application.call.get_absolute_url())


@login_required
@require_POST
def call_screen(request, code: str):
    """서면심사 통과: the best `passing` applications by document-review score go on to the interview."""
    call = selectors.call_get(user=request.user, code=code)
    form = PassingForm(request.POST)
    if not form.is_valid():
        messages.error(request, "서면심사 통과 수는 1 이상의 정수입니다.")
        return redirect(call)
    services.call_manage_check(actor=request.user, call=call)

    def screen():
        passed, screened = services.document_review_close(
            actor=request.user, call=call, passing=form.cleaned_data["passing"]
        )
        return f"서면심사 통과 {passed:,}건, 탈락 {screened:,}건으로 정했습니다.", call.get_absolute_url()

    return service_step(request, screen, back=call.get_absolute_url())


@login_required
def application_review(request, pk: int):
    """One application's review sheet: the published criteria (points each), every reviewer's scores, and the
    reviewer's conflict-of-interest declaration."""
    application = selectors.application_get(user=request.user, pk=pk)
    call = application.call
    require(access_calls_manage(request.user, call.programme.division.path), "이 공고를 심사할 권한이 없습니다.")
    sheet = selectors.application_review_sheet(user=request.user, application=application)
    context = {"application": application, "call": call, "stages": ReviewScore.Stage.choices, **sheet}
    if request.method == "POST":
        stage = request.POST.get("stage", "")
        # not service_step: a refused score redraws the sheet (400) with the error as a message, not a redirect
        try:
            if sheet["criteria"]:
                criteria = {c.code: request.POST.get(f"criterion_{c.code}", "").strip() for c in sheet["criteria"]}
                services.review_score_record(
                    actor=request.user, application=application, stage=stage, criteria=criteria
                )
            else:
                services.review_score_record(
                    actor=request.user, application=application, stage=stage, score=request.POST.get("score", "")
                )
        except ValidationFailed as error:
            messages.error(request, error_text(error))
            return render(request, "intake/application_review.html", context, status=400)
        messages.success(request, f"신청 #{application.pk}의 점수를 저장했습니다.")
        return redirect("intake:application_review", application.pk)
    return render(request, "intake/application_review.html", context)


@login_required
@require_POST
def application_conflict(request, pk: int):
    application = selectors.application_get(user=request.user, pk=pk)
    services.call_manage_check(actor=request.user, call=application.call)
    sheet = reverse("intake:application_review", args=[application.pk])

    def declare():
        services.conflict_declare(actor=request.user, application=application, reason=request.POST.get("reason", ""))
        return "이해충돌을 신고했습니다. 이 신청은 심사하지 않습니다.", sheet

    return service_step(request, declare, back=sheet)
