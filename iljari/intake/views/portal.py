"""The portal's application pages: a citizen's open calls, their application to one (임시저장 keeps the quota and
the files chosen, 신청 submits), their applications with withdrawal and decline; the same for an organisation's
account and the calls for organisations. Both save through the one application flow (services.application_save)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import access_apply, access_organisation_own, require
from iljari.core.http import service_step
from iljari.enterprises.selectors import my_organisation
from iljari.intake import selectors, services
from iljari.intake.forms import ApplyForm, OrgApplyForm
from iljari.intake.models import Application
from iljari.people.selectors import person_of_user

CITIZENS_ONLY = "시민 계정으로 신청할 수 있습니다."
ORGANISATIONS_ONLY = "기업·단체 담당자 계정으로 신청할 수 있습니다."


def _application_save(request, call, *, page: str, done: str, **applicant_and_files):
    """The portal's one step, for a citizen or an organisation: keep the draft with the files chosen, then submit
    it unless 임시저장 was pressed. A refusal is shown on the call's page (`page`); a submission goes to `done`."""
    back = reverse(page, args=[call.code])

    def save():
        application = services.application_save(
            actor=request.user, call=call, submit=request.POST.get("action") != "draft", **applicant_and_files
        )
        if application.status == Application.Status.DRAFT:
            return "임시저장했습니다. 마감 전에 제출 서류를 모두 올리고 신청하십시오.", back
        return f"'{call.title}'에 신청했습니다. 접수번호 {application.pk}", reverse(done)

    return service_step(request, save, back=back)


def _documents(application) -> dict:
    """The application's uploaded documents by their line of the call's list."""
    return {document.label: document for document in application.documents.all()} if application else {}


def _call_page(call, application, documents: dict, form) -> dict:
    """What a citizen's and an organisation's application page both show: the call, its figures, the application
    with each required document (uploaded or not), the form, and whether the application may still change."""
    return {
        "call": call,
        "application": application,
        "open": call.is_open(),
        "figures": selectors.call_figures(call=call),
        "form": form,
        "documents": [(label, documents.get(label)) for label in call.document_lines],
        "editable": application is None or application.status in services.REOPENABLE,
    }


# --- a citizen ---------------------------------------------------------------------------------------------


@login_required
def portal_calls(request):
    require(access_apply(request.user), CITIZENS_ONLY)
    return render(request, "intake/portal_calls.html", {"calls": selectors.open_call_list()})


@login_required
def portal_call(request, code: str):
    """The call, and the citizen's application to it: 임시저장 keeps the quota and the files chosen, 신청 submits."""
    require(access_apply(request.user), CITIZENS_ONLY)
    call = selectors.portal_call_get(code=code)
    person = person_of_user(user=request.user)
    application = selectors.my_application_get(user=request.user, call=call)
    documents = _documents(application)
    form = ApplyForm(
        request.POST or None,
        request.FILES or None,
        call=call,
        uploaded=documents,
        initial={"quota": application.quota_id} if application else None,
    )
    failures = services.eligibility_failures(call=call, person=person) if person else []
    if request.method == "POST" and person is not None and form.is_valid():
        return _application_save(
            request,
            call,
            page="intake:portal_call",
            done="intake:portal_applications",
            person=person,
            quota=form.cleaned_data["quota"],
            documents=form.documents(),
            consents=form.consents(),
        )
    context = {
        "person": person,
        "failures": failures,
        "address_missing": services.RESIDENCE_FAILURE in failures,
        **_call_page(call, application, documents, form),
    }
    return render(request, "intake/portal_call.html", context)


@login_required
def portal_applications(request):
    require(access_apply(request.user), CITIZENS_ONLY)
    return render(
        request,
        "intake/portal_applications.html",
        {"applications": selectors.my_application_list(user=request.user), "today": timezone.localdate()},
    )


def _own_application_step(request, pk: int, step, done: str):
    """A citizen's step on their own application (withdraw, decline): the service decides, the page says."""
    require(access_apply(request.user), CITIZENS_ONLY)
    application = selectors.my_application(user=request.user, pk=pk)
    back = reverse("intake:portal_applications")

    def run():
        step(actor=request.user, application=application)
        return done, back

    return service_step(request, run, back=back)


@login_required
@require_POST
def portal_withdraw(request, pk: int):
    return _own_application_step(request, pk, services.application_withdraw, "신청을 철회했습니다.")


@login_required
@require_POST
def portal_decline(request, pk: int):
    return _own_application_step(
        request, pk, services.application_decline, "선발을 포기했습니다. 예비 선발자에게 자리가 넘어갑니다."
    )


# --- an organisation ---------------------------------------------------------------------------------------


@login_required
def org_portal_calls(request):
    require(access_organisation_own(request.user), ORGANISATIONS_ONLY)
    return render(request, "intake/org_portal_calls.html", {"calls": selectors.org_open_call_list()})


@login_required
def org_portal_call(request, code: str):
    require(access_organisation_own(request.user), ORGANISATIONS_ONLY)
    call = selectors.org_portal_call_get(code=code)
    mine = selectors.my_org_application_list(user=request.user).filter(call=call).first()
    documents = _documents(mine)
    bound = request.method == "POST"
    form = OrgApplyForm(
        request.POST if bound else None, request.FILES if bound else None, call=call, uploaded=documents
    )
    if bound and form.is_valid():
        return _application_save(
            request,
            call,
            page="intake:org_portal_call",
            done="intake:org_portal_applications",
            organisation=my_organisation(user=request.user),
            documents=form.documents(),
        )
    return render(request, "intake/org_portal_call.html", _call_page(call, mine, documents, form))


@login_required
def org_portal_applications(request):
    return render(
        request,
        "intake/org_portal_applications.html",
        {"applications": selectors.my_org_application_list(user=request.user), "today": timezone.localdate()},
    )
