"""intake pages: the office's calls (eligibility, review, selection) and the citizen's portal (apply, follow)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import access_apply, access_calls_manage, require
from iljari.core.errors import NotFound, ValidationFailed
from iljari.core.forms import KrdsFormMixin
from iljari.intake import selectors, services
from iljari.intake.models import Application, ReviewScore
from iljari.people.selectors import person_of_user
from iljari.web.http import paginate


class ApplyForm(KrdsFormMixin, forms.Form):
    quota = forms.ModelChoiceField(label="선발 구분", queryset=None, empty_label=None)

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quota"].queryset = call.quotas.all()


class ScoreForm(KrdsFormMixin, forms.Form):
    stage = forms.ChoiceField(label="단계", choices=ReviewScore.Stage.choices)
    score = forms.DecimalField(label="점수", min_value=0, max_value=100, decimal_places=2)


class SeedForm(KrdsFormMixin, forms.Form):
    seed = forms.IntegerField(label="난수 시드(비우면 새로 뽑음)", required=False, min_value=0, max_value=2**62)


def _error_text(error: ValidationFailed) -> str:
    return " ".join([error.message, *sum(error.field_errors.values(), [])])


# --- the office ------------------------------------------------------------------------------------------


@login_required
def call_list(request):
    return render(request, "intake/call_list.html", {"calls": selectors.call_list(user=request.user)})


@login_required
def call_detail(request, code: str):
    call = selectors.call_get(user=request.user, code=code)
    status = request.GET.get("status", "")
    if status not in Application.Status.values:
        status = ""
    return render(
        request,
        "intake/call_detail.html",
        {
            "call": call,
            "figures": selectors.call_figures(call=call),
            "page": paginate(request, selectors.application_list(user=request.user, call=call, status=status)),
            "runs": call.selection_runs.select_related("run_by")[:5],
            "statuses": Application.Status.choices,
            "status": status,
            "can_manage": access_calls_manage(request.user, call.programme.division.path),
            "seed_form": SeedForm(),
            "score_form": ScoreForm(),
        },
    )


@login_required
@require_POST
def call_eligibility(request, code: str):
    call = selectors.call_get(user=request.user, code=code)
    eligible, ineligible = services.eligibility_run(actor=request.user, call=call)
    messages.success(request, f"자격 확인을 마쳤습니다: 자격 있음 {eligible:,}건, 자격 없음 {ineligible:,}건.")
    return redirect(call)


@login_required
@require_POST
def call_select(request, code: str):
    call = selectors.call_get(user=request.user, code=code)
    form = SeedForm(request.POST)
    if not form.is_valid():
        messages.error(request, "난수 시드는 0 이상의 정수여야 합니다.")
        return redirect(call)
    run = services.selection_run(actor=request.user, call=call, seed=form.cleaned_data["seed"])
    messages.success(
        request, f"선발을 마쳤습니다: 선발 {run.selected:,}명, 예비 {run.waitlisted:,}명 (난수 시드 {run.seed})."
    )
    return redirect(call)


@login_required
@require_POST
def application_score(request, pk: int):
    application = Application.objects.select_related("call", "call__programme__division").filter(pk=pk).first()
    if application is None:
        raise NotFound("신청을 찾을 수 없습니다.")
    selectors.call_get(user=request.user, code=application.call.code)
    form = ScoreForm(request.POST)
    if form.is_valid():
        try:
            services.review_score_record(actor=request.user, application=application, **form.cleaned_data)
        except ValidationFailed as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, f"신청 #{application.pk}의 점수를 저장했습니다.")
    else:
        messages.error(request, "점수는 0부터 100까지의 숫자여야 합니다.")
    return redirect(application.call)


# --- the portal ------------------------------------------------------------------------------------------


@login_required
def portal_calls(request):
    require(access_apply(request.user), "시민 계정으로 신청할 수 있습니다.")
    return render(request, "intake/portal_calls.html", {"calls": selectors.open_call_list()})


@login_required
def portal_call(request, code: str):
    require(access_apply(request.user), "시민 계정으로 신청할 수 있습니다.")
    call = selectors.portal_call_get(code=code)
    person = person_of_user(user=request.user)
    form = ApplyForm(request.POST or None, call=call)
    failures = services.eligibility_failures(call=call, person=person) if person else []
    if request.method == "POST" and person is not None and form.is_valid():
        try:
            application = services.application_submit(
                actor=request.user, call=call, person=person, quota=form.cleaned_data["quota"]
            )
        except ValidationFailed as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, f"'{call.title}'에 신청했습니다. 접수번호 {application.pk}")
            return redirect("intake:portal_applications")
    return render(
        request,
        "intake/portal_call.html",
        {
            "call": call,
            "person": person,
            "form": form,
            "failures": failures,
            "open": call.is_open(),
            "figures": selectors.call_figures(call=call),
        },
    )


@login_required
def portal_applications(request):
    require(access_apply(request.user), "시민 계정으로 신청할 수 있습니다.")
    today = timezone.localdate()
    return render(
        request,
        "intake/portal_applications.html",
        {
            "applications": selectors.my_application_list(user=request.user),
            "today": today,
        },
    )


@login_required
@require_POST
def portal_withdraw(request, pk: int):
    require(access_apply(request.user), "시민 계정으로 신청할 수 있습니다.")
    application = selectors.my_application_list(user=request.user).filter(pk=pk).first()
    if application is None:
        raise NotFound("신청을 찾을 수 없습니다.")
    try:
        services.application_withdraw(actor=request.user, application=application)
    except ValidationFailed as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, "신청을 철회했습니다.")
    return redirect("intake:portal_applications")
