"""The portal's application pages: a citizen's open calls, their application to one (임시저장 keeps the quota and
the files chosen, 신청 submits, a submitted one is changed there until the deadline), their applications each with
its own page (steps, eligibility in words, documents, the 접수증 link, withdrawal, decline, draft deletion); the same
for an organisation's account and the calls for organisations. Both save through the one application flow
(services.application_save, application_change) and draw a refusal once on the form, with what was chosen kept."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import access_apply, access_organisation_own, require
from iljari.core.errors import IljariError
from iljari.core.http import service_step
from iljari.enterprises.selectors import my_organisation
from iljari.intake import selectors, services
from iljari.intake.forms import ApplyForm, OrgApplyForm
from iljari.intake.models import Application
from iljari.people.selectors import person_of_user

CITIZENS_ONLY = "시민 계정으로 신청할 수 있습니다."
ORGANISATIONS_ONLY = "기업·단체 담당자 계정으로 신청할 수 있습니다."


def _application_save(request, call, form, *, page: str, render_page, **applicant):
    """The portal's one step, for a citizen or an organisation, through the form: keep the draft with the files
    chosen, then submit it unless 임시저장 was pressed; a submitted application is changed instead (until the
    deadline). A refusal is shown once on the form, drawn again with what was ticked and chosen; a submission goes
    to the application's page."""
    back = reverse(page, args=[call.code])
    current = applicant.pop("current")

    def save(data):
        documents = form.documents()
        if (
            current is not None
            and current.status == Application.Status.SUBMITTED
            and request.POST.get("action") == "change"
        ):
            changed = services.application_change(
                actor=request.user, application=current, quota=data.get("quota"), documents=documents
            )
            return "신청 내용을 고쳤습니다.", _application_url(changed)
        application = services.application_save(
            actor=request.user,
            call=call,
            submit=request.POST.get("action") != "draft",
            quota=data.get("quota"),
            documents=documents,
            consents=form.consents() if hasattr(form, "consents") else None,
            **applicant,
        )
        if application.status == Application.Status.DRAFT:
            return "임시저장했습니다. 마감 전에 제출 서류를 모두 올리고 신청하십시오.", back
        return f"'{call.title}'에 신청했습니다. 접수번호 {application.pk}", _application_url(application)

    def step(data):
        try:
            return save(data)
        except IljariError as error:
            # the refusal's own words first when its fields' messages do not repeat them ("아무것도 저장하지
            # 않았습니다", "신청 자격을 갖추지 못했습니다"); service_step then puts each field's message on the form
            said = [message for messages in error.field_errors.values() for message in messages]
            if error.field_errors and error.message and error.message not in said:
                form.add_error(None, error.message)
            raise

    return service_step(request, step, form=form, render_page=render_page)


def _application_url(application) -> str:
    if application.organisation_id is not None:
        return reverse("intake:org_portal_application", args=[application.pk])
    return reverse("intake:portal_application", args=[application.pk])


def _with_steps(applications) -> list:
    """Each application with the step it is at now (selectors.application_steps)."""
    today = timezone.localdate()
    return [
        (a, next(s for s in selectors.application_steps(application=a, today=today) if s.here)) for a in applications
    ]


def _documents(application) -> dict:
    """The application's uploaded documents by their line of the call's list."""
    return {document.label: document for document in application.documents.all()} if application else {}


def _call_page(call, application, documents: dict, form) -> dict:
    """What a citizen's and an organisation's application page both show: the call, its figures, the application
    with each required document (uploaded or not), the form, and whether the application may still change
    (a draft or a withdrawn one is filled again; a submitted one is changed until the deadline)."""
    open_ = call.is_open()
    return {
        "call": call,
        "application": application,
        "open": open_,
        "figures": selectors.call_figures(call=call),
        "form": form,
        "documents": [(label, documents.get(label)) for label in call.document_lines],
        "editable": application is None or application.status in services.REOPENABLE,
        "changing": application is not None and application.status == Application.Status.SUBMITTED and open_,
    }


# --- a citizen ---------------------------------------------------------------------------------------------


@login_required
def portal_call(request, code: str):
    """The call, and the citizen's application to it: 임시저장 keeps the quota and the files chosen, 신청 submits;
    a submitted application is changed here until the deadline (the consents were given with it)."""
    require(access_apply(request.user), CITIZENS_ONLY)
    call = selectors.portal_call_get(code=code)
    person = person_of_user(user=request.user)
    application = selectors.my_application_get(user=request.user, call=call)
    documents = _documents(application)
    changing = application is not None and application.status == Application.Status.SUBMITTED
    form = ApplyForm(
        request.POST or None,
        request.FILES or None,
        call=call,
        uploaded=documents,
        consenting=not changing,
        initial={"quota": application.quota_id} if application else None,
    )
    failures = services.eligibility_failures(call=call, person=person) if person else []

    def render_page(form, status=200):
        mine = selectors.my_application_get(user=request.user, call=call)  # as the step left it
        context = {
            "person": person,
            "failures": failures,
            "address_missing": services.RESIDENCE_FAILURE in failures,
            **_call_page(call, mine, _documents(mine), form),
        }
        return render(request, "intake/portal_call.html", context, status=status)

    if request.method == "POST" and person is not None:
        return _application_save(
            request, call, form, page="intake:portal_call", render_page=render_page, person=person, current=application
        )
    return render_page(form)


@login_required
def portal_applications(request):
    require(access_apply(request.user), CITIZENS_ONLY)
    return render(
        request,
        "intake/portal_applications.html",
        {"applications": _with_steps(selectors.my_application_list(user=request.user)), "today": timezone.localdate()},
    )


@login_required
def portal_application(request, pk: int):
    """A citizen's application: its steps with their days, the eligibility result, its documents, the 접수증, and
    what may still be done with it (change and withdraw until the deadline, delete a draft, decline a place)."""
    require(access_apply(request.user), CITIZENS_ONLY)
    application = selectors.my_application_page(user=request.user, pk=pk)
    return render(request, "intake/portal_application.html", _application_page(application))


def _application_page(application) -> dict:
    today = timezone.localdate()
    call = application.call
    documents = _documents(application)
    status = application.status
    open_ = call.is_open()
    return {
        "application": application,
        "call": call,
        "steps": selectors.application_steps(application=application, today=today),
        "eligibility": selectors.eligibility_text(application),
        "documents": [(label, documents.get(label)) for label in call.document_lines],
        "extra_documents": [d for label, d in documents.items() if label not in call.document_lines],
        "announced": selectors.result_announced(application=application, today=today),
        "open": open_,
        "can_change": open_ and status == Application.Status.SUBMITTED,
        "can_withdraw": open_ and status == Application.Status.SUBMITTED,
        "can_continue": open_ and status in services.REOPENABLE,
        "can_delete": status == Application.Status.DRAFT,
        "can_decline": status == Application.Status.SELECTED
        and not application.placed_at
        and call.announce_on <= today,
        "has_receipt": application.submitted_at is not None and status != Application.Status.DRAFT,
    }


def _own_application_step(request, pk: int, step, done: str, *, to_list: bool = False, organisation: bool = False):
    """An applicant's step on their own application (withdraw, decline, delete a draft) — a citizen's, or with
    `organisation` an organisation contact's: the service decides, the page says."""
    if organisation:
        require(access_organisation_own(request.user), ORGANISATIONS_ONLY)
        application = selectors.my_org_application_page(user=request.user, pk=pk)
        page, listing = "intake:org_portal_application", "intake:org_portal_applications"
    else:
        require(access_apply(request.user), CITIZENS_ONLY)
        application = selectors.my_application(user=request.user, pk=pk)
        page, listing = "intake:portal_application", "intake:portal_applications"
    back = reverse(page, args=[pk])

    def run():
        step(actor=request.user, application=application)
        return done, reverse(listing) if to_list else back

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


@login_required
@require_POST
def portal_draft_delete(request, pk: int):
    return _own_application_step(
        request, pk, services.application_draft_delete, "임시저장한 신청을 삭제했습니다.", to_list=True
    )


# --- an organisation ---------------------------------------------------------------------------------------


@login_required
def org_portal_call(request, code: str):
    """A call for organisations and the organisation's application to it: the quota (when the call has more than
    one), the required documents, the pledge; 임시저장, 신청, and changes until the deadline."""
    require(access_organisation_own(request.user), ORGANISATIONS_ONLY)
    call = selectors.org_portal_call_get(code=code)
    mine = selectors.my_org_application_list(user=request.user).filter(call=call).first()
    documents = _documents(mine)
    bound = request.method == "POST"
    changing = mine is not None and mine.status == Application.Status.SUBMITTED
    form = OrgApplyForm(
        request.POST if bound else None,
        request.FILES if bound else None,
        call=call,
        uploaded=documents,
        pledging=not changing,
        initial={"quota": mine.quota_id} if mine else None,
    )

    def render_page(form, status=200):
        current = selectors.my_org_application_list(user=request.user).filter(call=call).first()
        context = _call_page(call, current, _documents(current), form)
        return render(request, "intake/org_portal_call.html", context, status=status)

    if bound:
        return _application_save(
            request,
            call,
            form,
            page="intake:org_portal_call",
            render_page=render_page,
            organisation=my_organisation(user=request.user),
            current=mine,
        )
    return render_page(form)


@login_required
def org_portal_applications(request):
    return render(
        request,
        "intake/org_portal_applications.html",
        {
            "applications": _with_steps(selectors.my_org_application_list(user=request.user)),
            "today": timezone.localdate(),
        },
    )


@login_required
def org_portal_application(request, pk: int):
    """An organisation's application: its steps, its documents, the 접수증, change and withdraw until the deadline."""
    require(access_organisation_own(request.user), ORGANISATIONS_ONLY)
    application = selectors.my_org_application_page(user=request.user, pk=pk)
    return render(request, "intake/org_portal_application.html", _application_page(application))


@login_required
@require_POST
def org_portal_withdraw(request, pk: int):
    return _own_application_step(request, pk, services.application_withdraw, "신청을 철회했습니다.", organisation=True)


@login_required
@require_POST
def org_portal_draft_delete(request, pk: int):
    return _own_application_step(
        request,
        pk,
        services.application_draft_delete,
        "임시저장한 신청을 삭제했습니다.",
        to_list=True,
        organisation=True,
    )
