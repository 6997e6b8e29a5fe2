"""intake pages: the office's calls (eligibility, review, selection, paper applications one by one or from an
xlsx sheet) and the citizen's portal (draft, upload the documents, submit, follow); the document download."""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from iljari.core.access import (
    access_application_documents,
    access_apply,
    access_calls_manage,
    access_figures_enter_any,
    access_organisation_own,
    require,
)
from iljari.core.errors import NotFound, ValidationFailed
from iljari.core.forms import KrdsFormMixin
from iljari.core.http import XLSX, error_text, form_apply_error, paginate, xlsx_upload
from iljari.core.http import log_person_access as _log
from iljari.core.jobs import job_start
from iljari.core.middleware import client_address
from iljari.intake import selectors, services, tasks
from iljari.intake.forms import (
    CallForm,
    CriterionFormSet,
    PriorityFormSet,
    QuotaFormSet,
    RuleFormSet,
    call_initial,
)
from iljari.intake.models import Application, Quota, ReviewScore
from iljari.people.forms import ConsentFields, PersonDetailsForm, PersonRegisterForm
from iljari.people.selectors import person_of_user

ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


class DocumentFieldsMixin:
    """One file field per required document of the call (each optional here: the service says what is still
    missing when the application is submitted)."""

    def add_document_fields(self, call, uploaded) -> None:
        self.document_fields = []
        limit = services.size_text(settings.ILJARI_UPLOAD_MAX_BYTES)
        for index, label in enumerate(call.document_lines):
            name = f"document_{index}"
            hint = f"PDF, JPG, PNG 파일 {limit}까지."
            if label in uploaded:
                hint += " 이미 올렸습니다. 새 파일을 고르면 바꿉니다."
            self.fields[name] = forms.FileField(
                label=label, required=False, help_text=hint, widget=forms.FileInput(attrs={"accept": ACCEPT})
            )
            self.document_fields.append((name, label))

    def documents(self) -> dict:
        return {label: self.cleaned_data[name] for name, label in self.document_fields if self.cleaned_data.get(name)}


class ApplyForm(DocumentFieldsMixin, KrdsFormMixin, ConsentFields):
    """The quota, one file field per required document, and the two consents the submission records."""

    quota = forms.ModelChoiceField(label="선발 구분", queryset=None, empty_label=None)

    def __init__(self, *args, call, uploaded=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quota"].queryset = call.quotas.all()
        self.add_document_fields(call, uploaded)

    def entry_fields(self) -> list:
        """The fields shown above the consent notice (the consents come with their notice)."""
        return [self[name] for name in self.fields if name not in ConsentFields.base_fields]


class OrgApplyForm(DocumentFieldsMixin, KrdsFormMixin, forms.Form):
    """An organisation's application: one file field per required document (사업자등록증, 사업계획서, …)."""

    def __init__(self, *args, call, uploaded=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.add_document_fields(call, uploaded)


PAPER_RRN_HINT = "등록된 사람이면 주민등록번호만으로 찾습니다. 처음이면 아래 인적사항과 동의를 함께 입력하십시오."


class PaperApplicationForm(PersonRegisterForm):
    """A paper application: the resident number finds a registered person; the other particulars are needed only
    for someone registered for the first time."""

    quota = forms.ModelChoiceField(label="선발 구분", queryset=None, empty_label=None)

    field_order = ["quota", "rrn", "name", "birth_date", "sex"]

    def __init__(self, *args, quotas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quota"].queryset = Quota.objects.filter(pk__in=[quota.pk for quota in quotas])
        for name in ("name", "birth_date", "sex", "income_status"):
            self.fields[name].required = False
        self.fields["sex"].choices = [("", "(고르십시오)"), *self.fields["sex"].choices]
        self.fields["income_status"].initial = "unknown"
        self.fields["rrn"].help_text = PAPER_RRN_HINT

    def person_details(self) -> dict:
        data = self.cleaned_data
        details = {key: data[key] for key in PersonDetailsForm.base_fields}
        details["income_status"] = details["income_status"] or "unknown"
        return {"name": data["name"], "birth_date": data["birth_date"], "sex": data["sex"], **details}


class ScoreForm(KrdsFormMixin, forms.Form):
    stage = forms.ChoiceField(label="단계", choices=ReviewScore.Stage.choices)
    score = forms.DecimalField(label="점수", min_value=0, max_value=100, decimal_places=2)


class SeedForm(KrdsFormMixin, forms.Form):
    seed = forms.IntegerField(label="난수 시드(비우면 새로 뽑음)", required=False, min_value=0, max_value=2**62)


# --- the office ------------------------------------------------------------------------------------------


@login_required
def call_list(request):
    return render(
        request,
        "intake/call_list.html",
        {"calls": selectors.call_list(user=request.user), "can_create": access_figures_enter_any(request.user)},
    )


@login_required
def call_detail(request, code: str):
    call = selectors.call_get(user=request.user, code=code)
    status = request.GET.get("status", "")
    if status not in Application.Status.values or status == Application.Status.DRAFT:
        status = ""
    page = paginate(request, selectors.application_list(user=request.user, call=call, status=status))
    people = [a.person_id for a in page.object_list if a.person_id is not None]
    if people:
        _log(request, "view", people, f"모집공고 신청 목록 ({call.code})")
    return render(
        request,
        "intake/call_detail.html",
        {
            "call": call,
            "figures": selectors.call_figures(call=call),
            "funnel": selectors.call_funnel(call=call) if call.has_interview else None,
            "page": page,
            "runs": call.selection_runs.select_related("run_by")[:5],
            "statuses": [c for c in Application.Status.choices if c[0] != Application.Status.DRAFT],
            "status": status,
            "can_manage": access_calls_manage(request.user, call.programme.division.path),
            "can_register": bool(selectors.registrable_quotas(user=request.user, call=call)),
            "can_documents": access_application_documents(request.user, call.programme.division.path),
            "seed_form": SeedForm(),
            "score_form": ScoreForm(),
        },
    )


def _call_edit_page(request, *, call=None):
    """The call's definition, its quotas and rules on one page; services.call_set checks them all."""
    programmes = selectors.call_programmes(user=request.user)
    empty = {"form": {}, "quotas": [], "rules": [], "priorities": [], "criteria": []}
    initial = call_initial(call) if call is not None else empty
    data = request.POST if request.method == "POST" else None
    form = CallForm(data, programmes=programmes, editing=call is not None, initial=initial["form"])
    quotas = QuotaFormSet(data, prefix="quota", initial=initial["quotas"])
    rules = RuleFormSet(data, prefix="rule", initial=initial["rules"])
    priorities = PriorityFormSet(data, prefix="priority", initial=initial["priorities"])
    criteria = CriterionFormSet(data, prefix="criterion", initial=initial["criteria"])
    formsets = (quotas, rules, priorities, criteria)
    sections: dict[str, list[str]] = {}
    if data is not None and all(f.is_valid() for f in (form, *formsets)):
        values = form.cleaned_data
        try:
            saved = services.call_set(
                actor=request.user,
                code=call.code if call is not None else values["code"],
                programme=values["programme"],
                title=values["title"],
                opens_at=values["opens_at"],
                closes_at=values["closes_at"],
                announce_on=values["announce_on"],
                quotas=[row for row in (f.row() for f in quotas) if row],
                eligibility=[row for row in (f.row() for f in rules) if row],
                priorities=[row for row in (f.row() for f in priorities) if row],
                description=values["description"],
                required_documents=values["required_documents"],
                has_document_review=values["has_document_review"],
                has_interview=values["has_interview"],
                audience=values["audience"],
                score_aggregation=values["score_aggregation"],
                certifies=values["certifies"],
                criteria=[row for row in (f.row() for f in criteria) if row],
                create=call is None,
            )
        except ValidationFailed as error:
            sections = {key: error.field_errors.pop(key) for key in SECTIONS if key in error.field_errors}
            if error.field_errors or not sections:
                form_apply_error(form, error)
        else:
            messages.success(request, f"모집공고 '{saved.title}'을(를) 저장했습니다.")
            return redirect(saved)
    invalid = data is not None and (form.errors or sections or any(f.errors for fs in formsets for f in fs))
    return render(
        request,
        "intake/call_edit.html",
        {
            "call": call,
            "form": form,
            "quotas": quotas,
            "rules": rules,
            "priorities": priorities,
            "criteria": criteria,
            "sections": sections,
        },
        status=400 if invalid else 200,
    )


SECTIONS = ("quotas", "eligibility", "priorities", "criteria")


@login_required
def call_create(request):
    return _call_edit_page(request)


@login_required
def call_edit(request, code: str):
    call = selectors.call_get(user=request.user, code=code)
    require(access_calls_manage(request.user, call.programme.division.path), "이 공고를 고칠 권한이 없습니다.")
    if call.selection_confirmed:
        messages.error(request, "선발이 확정된 공고는 바꿀 수 없습니다.")
        return redirect(call)
    return _call_edit_page(request, call=call)


@login_required
@require_POST
def call_confirm(request, code: str):
    call = selectors.call_get(user=request.user, code=code)
    try:
        services.selection_confirm(actor=request.user, call=call)
    except ValidationFailed as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, "선발 결과를 확정했습니다. 이제 다시 선발할 수 없고, 선발자를 배치할 수 있습니다.")
    return redirect(call)


@login_required
@require_POST
def call_promote(request, code: str):
    call = selectors.call_get(user=request.user, code=code)
    try:
        promoted = services.waitlist_promote(actor=request.user, call=call)
    except ValidationFailed as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, f"예비 {promoted:,}명을 선발로 올렸습니다." if promoted else "채울 빈자리가 없습니다."
        )
    return redirect(call)


@login_required
@require_POST
def application_decline(request, pk: int):
    """Staff record that a selected person gave up the place (by telephone, in writing)."""
    application = selectors.application_get(user=request.user, pk=pk)
    try:
        services.application_decline(actor=request.user, application=application)
    except ValidationFailed as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, f"신청 #{application.pk}을(를) 선발 포기로 기록했습니다.")
    return redirect(application.call)


@login_required
@require_POST
def call_eligibility(request, code: str):
    """The call's eligibility check: at once for a small call, as a background job (its page shows the progress)
    for one of more than settings.ILJARI_INLINE_BATCH_ROWS applications."""
    call = selectors.call_get(user=request.user, code=code)
    services.call_manage_check(actor=request.user, call=call)
    if call.applications.count() > settings.ILJARI_INLINE_BATCH_ROWS:
        job = job_start(
            actor=request.user, kind="eligibility", title=f"{call.title} 자격 확인", task=tasks.eligibility_task,
            call_id=call.pk,
        )  # fmt: skip
        return redirect(job)
    eligible, ineligible = services.eligibility_run(actor=request.user, call=call)
    messages.success(request, f"자격 확인을 마쳤습니다: 자격 있음 {eligible:,}건, 자격 없음 {ineligible:,}건.")
    return redirect(call)


@login_required
@require_POST
def call_select(request, code: str):
    """The call's selection: at once for a small call, as a background job for a large one (as eligibility)."""
    call = selectors.call_get(user=request.user, code=code)
    form = SeedForm(request.POST)
    if not form.is_valid():
        messages.error(request, "난수 시드는 0 이상의 정수여야 합니다.")
        return redirect(call)
    seed = form.cleaned_data["seed"]
    services.call_manage_check(actor=request.user, call=call)
    if call.applications.count() > settings.ILJARI_INLINE_BATCH_ROWS:
        services.selection_rerun_check(call=call)  # a confirmed call is refused now, not in the worker
        job = job_start(
            actor=request.user, kind="selection", title=f"{call.title} 선발", task=tasks.selection_task,
            call_id=call.pk, seed=seed,
        )  # fmt: skip
        return redirect(job)
    run = services.selection_run(actor=request.user, call=call, seed=seed)
    messages.success(
        request, f"선발을 마쳤습니다: 선발 {run.selected:,}명, 예비 {run.waitlisted:,}명 (난수 시드 {run.seed})."
    )
    return redirect(call)


@login_required
@require_POST
def application_score(request, pk: int):
    application = selectors.application_get(user=request.user, pk=pk)
    form = ScoreForm(request.POST)
    if form.is_valid():
        try:
            services.review_score_record(actor=request.user, application=application, **form.cleaned_data)
        except ValidationFailed as error:
            messages.error(request, error_text(error))
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
    """The call, and the citizen's application to it: 임시저장 keeps the quota and the files chosen, 신청 submits."""
    require(access_apply(request.user), "시민 계정으로 신청할 수 있습니다.")
    call = selectors.portal_call_get(code=code)
    person = person_of_user(user=request.user)
    application = selectors.my_application_get(user=request.user, call=call)
    documents = {document.label: document for document in application.documents.all()} if application else {}
    form = ApplyForm(
        request.POST or None,
        request.FILES or None,
        call=call,
        uploaded=documents,
        initial={"quota": application.quota_id} if application else None,
    )
    failures = services.eligibility_failures(call=call, person=person) if person else []
    if request.method == "POST" and person is not None and form.is_valid():
        submit = request.POST.get("action") != "draft"
        try:
            application = services.application_save(
                actor=request.user,
                call=call,
                person=person,
                quota=form.cleaned_data["quota"],
                documents=form.documents(),
                submit=submit,
                consents=form.consents(),
            )
        except ValidationFailed as error:
            messages.error(request, error_text(error))
            return redirect("intake:portal_call", call.code)
        if application.status == Application.Status.DRAFT:
            messages.success(request, "임시저장했습니다. 마감 전에 제출 서류를 모두 올리고 신청하십시오.")
            return redirect("intake:portal_call", call.code)
        messages.success(request, f"'{call.title}'에 신청했습니다. 접수번호 {application.pk}")
        return redirect("intake:portal_applications")
    editable = application is None or application.status in services.REOPENABLE
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
            "application": application,
            "documents": [(label, documents.get(label)) for label in call.document_lines],
            "editable": editable,
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


def _own_application_step(request, pk: int, step, done: str):
    """A citizen's step on their own application (withdraw, decline): the service decides, the page says."""
    require(access_apply(request.user), "시민 계정으로 신청할 수 있습니다.")
    application = selectors.my_application(user=request.user, pk=pk)
    try:
        step(actor=request.user, application=application)
    except ValidationFailed as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, done)
    return redirect("intake:portal_applications")


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
@require_GET
def document_download(request, pk: int):
    """One uploaded document, for the applicant or the staff in scope; every download is in the access log."""
    document = selectors.application_document_get(user=request.user, pk=pk)
    application = document.application
    if application.person_id is not None:  # an organisation's documents are no one's personal data
        _log(request, "download", [application.person_id], f"신청 #{application.pk} 제출 서류 '{document.label}'"[:200])
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        raise NotFound("제출 서류 파일을 찾을 수 없습니다.") from exc
    response = FileResponse(
        handle, as_attachment=True, filename=document.original_name, content_type=document.content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response


# --- paper applications ----------------------------------------------------------------------------------


def _call_for_paper(request, code: str):
    """The call and the quotas this user registers paper applications to (a district officer: their district's)."""
    call = selectors.call_get(user=request.user, code=code)
    quotas = selectors.registrable_quotas(user=request.user, call=call)
    require(bool(quotas), "이 공고에 서면 신청을 등록할 권한이 없습니다.")
    return call, quotas


@login_required
def call_paper(request, code: str):
    """Register one paper application: the person by resident number, or registered on the spot."""
    call, quotas = _call_for_paper(request, code)
    form = PaperApplicationForm(request.POST or None, quotas=quotas)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_paper_register(
                actor=request.user,
                call=call,
                quota=form.cleaned_data["quota"],
                rrn=form.cleaned_data["rrn"],
                person_details=form.person_details(),
                consents=form.consents(),
            )
        except ValidationFailed as error:
            form_apply_error(form, error)
        else:
            _log(request, "create", [application.person_id], f"서면 신청 등록 (신청 #{application.pk})")
            messages.success(
                request, f"{application.person.name}님의 서면 신청을 등록했습니다. 접수번호 {application.pk}"
            )
            return redirect("intake:call_paper", call.code)
    return render(request, "intake/call_paper.html", {"call": call, "form": form}, status=400 if form.errors else 200)


@login_required
def call_import(request, code: str):
    """Paper applications of a district-run round from an xlsx sheet: all rows, or none."""
    call, quotas = _call_for_paper(request, code)

    def importer(data: bytes) -> int:
        ids = services.application_bulk_import(
            actor=request.user, call=call, data=data, consented=request.POST.get("consented") == "on"
        )
        _log(request, "create", ids, f"엑셀 일괄 서면 신청 {len(ids)}건 ({call.code})")
        return len(ids)

    def queue(data: bytes):
        consented = request.POST.get("consented") == "on"
        services.bulk_import_check(actor=request.user, call=call, consented=consented)  # before queueing
        return job_start(
            actor=request.user, kind="import", title=f"{call.title} 엑셀 일괄 서면 신청", task=tasks.import_task,
            upload=("applications.xlsx", data), call_id=call.pk, consented=consented, address=client_address(request),
        )  # fmt: skip

    return xlsx_upload(
        request,
        importer=importer,
        queue=queue,
        success_url=call.get_absolute_url(),
        render_page=lambda upload, status: render(
            request,
            "intake/call_import.html",
            {"call": call, "upload": upload, "columns": selectors.APPLICANT_COLUMNS, "quotas": quotas},
            status=status,
        ),
    )


@login_required
@require_GET
def call_import_template(request, code: str):
    call, quotas = _call_for_paper(request, code)
    response = HttpResponse(selectors.applicant_template(call=call, quotas=quotas), content_type=XLSX)
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", call.code)
    response["Content-Disposition"] = f'attachment; filename="applicants-{safe}.xlsx"'
    return response


# --- calls for organisations: review with criteria and conflicts, the document-review cut, the organisation portal


class PassingForm(forms.Form):
    passing = forms.IntegerField(min_value=1)


@login_required
@require_POST
def call_screen(request, code: str):
    """서면심사 통과: the best `passing` applications by document-review score go on to the interview."""
    call = selectors.call_get(user=request.user, code=code)
    form = PassingForm(request.POST)
    if not form.is_valid():
        messages.error(request, "서면심사 통과 수는 1 이상의 정수입니다.")
        return redirect(call)
    try:
        passed, screened = services.document_review_close(
            actor=request.user, call=call, passing=form.cleaned_data["passing"]
        )
    except ValidationFailed as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, f"서면심사 통과 {passed:,}건, 탈락 {screened:,}건으로 정했습니다.")
    return redirect(call)


@login_required
def application_review(request, pk: int):
    """One application's review sheet: the published criteria (points each), every reviewer's scores, and the
    reviewer's conflict-of-interest declaration."""
    application = selectors.application_get(user=request.user, pk=pk)
    call = application.call
    require(access_calls_manage(request.user, call.programme.division.path), "이 공고를 심사할 권한이 없습니다.")
    sheet = selectors.application_review_sheet(user=request.user, application=application)
    if request.method == "POST":
        stage = request.POST.get("stage", "")
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
            return render(
                request,
                "intake/application_review.html",
                {"application": application, "call": call, "stages": ReviewScore.Stage.choices, **sheet},
                status=400,
            )
        messages.success(request, f"신청 #{application.pk}의 점수를 저장했습니다.")
        return redirect("intake:application_review", application.pk)
    return render(
        request,
        "intake/application_review.html",
        {"application": application, "call": call, "stages": ReviewScore.Stage.choices, **sheet},
    )


@login_required
@require_POST
def application_conflict(request, pk: int):
    application = selectors.application_get(user=request.user, pk=pk)
    try:
        services.conflict_declare(actor=request.user, application=application, reason=request.POST.get("reason", ""))
    except ValidationFailed as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, "이해충돌을 신고했습니다. 이 신청은 심사하지 않습니다.")
    return redirect("intake:application_review", application.pk)


@login_required
def org_portal_calls(request):
    require(access_organisation_own(request.user), "기업·단체 담당자 계정으로 신청할 수 있습니다.")
    return render(request, "intake/org_portal_calls.html", {"calls": selectors.org_open_call_list()})


@login_required
def org_portal_call(request, code: str):
    require(access_organisation_own(request.user), "기업·단체 담당자 계정으로 신청할 수 있습니다.")
    call = selectors.org_portal_call_get(code=code)
    mine = selectors.my_org_application_list(user=request.user).filter(call=call).first()
    documents = {document.label: document for document in mine.documents.all()} if mine else {}
    bound = request.method == "POST"
    form = OrgApplyForm(
        request.POST if bound else None, request.FILES if bound else None, call=call, uploaded=documents
    )
    if bound and form.is_valid():
        from iljari.enterprises.selectors import my_organisation

        submit = request.POST.get("action") != "draft"
        try:
            application = services.application_org_save(
                actor=request.user,
                call=call,
                organisation=my_organisation(user=request.user),
                documents=form.documents(),
                submit=submit,
            )
        except ValidationFailed as error:
            messages.error(request, error_text(error))
            return redirect("intake:org_portal_call", call.code)
        if application.status == Application.Status.DRAFT:
            messages.success(request, "임시저장했습니다. 마감 전에 제출 서류를 모두 올리고 신청하십시오.")
            return redirect("intake:org_portal_call", call.code)
        messages.success(request, f"'{call.title}'에 신청했습니다. 접수번호 {application.pk}")
        return redirect("intake:org_portal_applications")
    return render(
        request,
        "intake/org_portal_call.html",
        {
            "call": call,
            "application": mine,
            "open": call.is_open(),
            "figures": selectors.call_figures(call=call),
            "form": form,
            "documents": [(label, documents.get(label)) for label in call.document_lines],
            "editable": mine is None or mine.status in services.REOPENABLE,
        },
    )


@login_required
def org_portal_applications(request):
    return render(
        request,
        "intake/org_portal_applications.html",
        {"applications": selectors.my_org_application_list(user=request.user), "today": timezone.localdate()},
    )
