"""Pages of the labour unions' support (노동단체 지원) and the 근로자 자녀 장학금: the unions' list (budgets, paid to
date, rate), a union's agreement (sub-projects, tranches and their allocation, scholarship rounds, history), a
round (students with masked names, the 한국장학재단 list upload and its history), a student (the duplicate
decision and the payment). Every view of the students is written to the access log. Parse, call one service or
selector, render."""

from __future__ import annotations

from auditlog.models import LogEntry
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.core.access import (
    access_grant_submit,
    access_grants_manage,
    access_grants_view,
    access_unions_view,
    require,
)
from iljari.core.accesslog import access_log_record
from iljari.core.downloads import download_named
from iljari.core.errors import NotAllowed, NotFound
from iljari.core.exports import EXPORTS, ExportRequestForm, Purpose, export_prepare
from iljari.core.formats import format_won, ratio, screen_date
from iljari.core.http import XLSX, paginate, service_step
from iljari.core.korean import with_object
from iljari.core.lists import list_note, list_read, list_sheet
from iljari.core.middleware import client_address
from iljari.core.period import figure_period
from iljari.grants import union_selectors as selectors
from iljari.grants.lists import SCHOLARSHIP_RECIPIENTS
from iljari.grants.models import (
    Disbursement,
    GrantAgreement,
    Scholarship,
    ScholarshipRecipient,
    SubProject,
    SubProjectTranche,
)
from iljari.grants.services import unions as services
from iljari.grants.union_figures import UNION_FIGURES
from iljari.grants.union_forms import (
    DecisionForm,
    FoundationUploadForm,
    PayForm,
    RecipientFilterForm,
    RecipientForm,
    ScholarshipForm,
    SubProjectForm,
    TrancheAssignForm,
)
from iljari.performance.record_figures import record_figure_rows

SUBJECT = "grants.scholarship_recipient"


def _log(request, action: str, ids, detail: str, reason: str = "") -> None:
    ids = list(ids)
    if not ids:  # nobody's data was shown
        return
    access_log_record(
        user=request.user, remote_addr=client_address(request), action=action, subject_type=SUBJECT,
        subject_ids=ids, detail=detail, reason=reason,
    )  # fmt: skip


def _can_manage(user, agreement: GrantAgreement) -> bool:
    return access_grants_manage(user, agreement.programme.programme.division.path)


@login_required
def union_list(request):
    """The unions of a year, and the report's figures of 노동단체 지원 counted from these records as of a day."""
    require(access_unions_view(request.user))
    year, as_of, warnings = figure_period(request)
    rows = list(selectors.union_agreement_list(user=request.user, year=year))
    for row in rows:
        row.rate = ratio(row.disbursed, row.city_amount)
    keys = {key for key, *_ in UNION_FIGURES}
    figures = [row for row in record_figure_rows(year=year, as_of=as_of, programme="P2-04") if row.figure.key in keys]
    context = {"rows": rows, "year": year, "as_of": as_of, "warnings": warnings, "figures": figures}
    return render(request, "grants/unions/union_list.html", context)


def _history(agreement, sub_projects, tranches, scholarships) -> list:
    links = SubProjectTranche.objects.filter(disbursement__agreement=agreement).values_list("pk", flat=True)
    wanted = [
        (GrantAgreement, [agreement.pk]),
        (SubProject, [s.pk for s in sub_projects]),
        (Disbursement, [t.pk for t in tranches]),
        (SubProjectTranche, list(links)),
        (Scholarship, [s.pk for s in scholarships]),
    ]
    condition = Q(pk__in=[])
    for model, ids in wanted:
        if ids:
            content_type = ContentType.objects.get_for_model(model)
            condition |= Q(content_type=content_type, object_pk__in=[str(i) for i in ids])
    return list(LogEntry.objects.filter(condition).select_related("actor", "content_type").order_by("-timestamp")[:50])


def _union_page(request, agreement, *, status=200, **forms):
    user = request.user
    sub_projects = selectors.union_sub_projects(agreement=agreement)
    tranches = selectors.union_tranches(agreement=agreement)
    scholarships = selectors.scholarship_list(agreement=agreement)
    can_manage = _can_manage(user, agreement)
    for tranche in tranches:
        tranche.form = TrancheAssignForm(
            initial={"sub_project": tranche.sub_project.pk if tranche.sub_project else None},
            sub_projects=sub_projects,
            auto_id=f"tranche{tranche.pk}_%s",
        )
    known = [s.budget for s in sub_projects if s.budget is not None]
    context = {
        "agreement": agreement,
        "sub_projects": sub_projects,
        "known_budget": sum(known) if known else None,
        "allocated": sum(s.paid for s in sub_projects),
        "tranches": tranches,
        "scholarships": scholarships,
        "rate": ratio(agreement.disbursed, agreement.city_amount),
        "can_manage": can_manage,
        "sub_project_form": forms.get("sub_project_form") or SubProjectForm(),
        "scholarship_form": forms.get("scholarship_form")
        or ScholarshipForm(sub_projects=sub_projects, initial={"year": agreement.year}),
        "history": _history(agreement, sub_projects, tranches, scholarships) if can_manage or _office(user) else [],
    }
    return render(request, "grants/unions/union_detail.html", context, status=status)


def _office(user) -> bool:
    return access_grants_view(user)


@login_required
def union_detail(request, code: str):
    agreement = selectors.union_agreement_get(user=request.user, code=code)
    return _union_page(request, agreement)


def _agreement_step(request, code, form_factory, form_key, act):
    agreement = selectors.union_agreement_get(user=request.user, code=code)
    require(_can_manage(request.user, agreement))
    return service_step(
        request,
        lambda data: (act(agreement, data), reverse("grants:union_detail", args=[agreement.code])),
        form=form_factory(agreement),
        render_page=lambda form, status: _union_page(request, agreement, status=status, **{form_key: form}),
    )


@login_required
@require_POST
def sub_project_add(request, code: str):
    def act(agreement, data):
        sub_project = services.sub_project_add(actor=request.user, agreement=agreement, **data)
        return f"세부사업 {with_object(sub_project.title)} 추가했습니다."

    return _agreement_step(request, code, lambda a: SubProjectForm(request.POST), "sub_project_form", act)


@login_required
def sub_project_edit(request, code: str, pk: int):
    agreement = selectors.union_agreement_get(user=request.user, code=code)
    require(_can_manage(request.user, agreement))
    sub_project = agreement.sub_projects.filter(pk=pk).first()
    if sub_project is None:
        raise NotFound("세부사업을 찾을 수 없습니다.")
    initial = {"title": sub_project.title, "budget": sub_project.budget, "state": sub_project.state,
               "note": sub_project.note}  # fmt: skip
    form = SubProjectForm(request.POST or None, initial=initial)

    def save(data):
        services.sub_project_update(actor=request.user, sub_project=sub_project, **data)
        return "세부사업을 고쳤습니다.", reverse("grants:union_detail", args=[agreement.code])

    return service_step(
        request, save, form=form,
        render_page=lambda f, status: render(
            request, "grants/unions/sub_project_form.html",
            {"form": f, "agreement": agreement, "sub_project": sub_project}, status=status,
        ),
    )  # fmt: skip


@login_required
@require_POST
def tranche_assign(request, code: str, pk: int):
    agreement = selectors.union_agreement_get(user=request.user, code=code)
    require(_can_manage(request.user, agreement))
    tranche = agreement.disbursements.filter(pk=pk).first()
    if tranche is None:
        raise NotFound("교부를 찾을 수 없습니다.")
    sub_projects = list(agreement.sub_projects.order_by("order"))
    form = TrancheAssignForm(request.POST, sub_projects=sub_projects, auto_id=f"tranche{tranche.pk}_%s")
    back = reverse("grants:union_detail", args=[agreement.code])
    if not form.is_valid():
        messages.error(request, "세부사업을 목록에서 고르십시오.")
        return redirect(back)
    chosen = form.cleaned_data["sub_project"]
    sub_project = next((s for s in sub_projects if s.pk == chosen), None)

    def run():
        services.sub_project_tranche_assign(actor=request.user, disbursement=tranche, sub_project=sub_project)
        where = sub_project.title if sub_project else "협약 전체"
        return f"{tranche.number}차 교부를 {where}에 배정했습니다.", back

    return service_step(request, run, back=back)


@login_required
@require_POST
def scholarship_create(request, code: str):
    def make_form(agreement):
        return ScholarshipForm(request.POST, sub_projects=agreement.sub_projects.order_by("order"))

    def act(agreement, data):
        sub_project = agreement.sub_projects.get(pk=data.pop("sub_project"))
        scholarship = services.scholarship_create(actor=request.user, sub_project=sub_project, **data)
        return f"{scholarship.year}년 {scholarship.title} 회차를 만들었습니다."

    return _agreement_step(request, code, make_form, "scholarship_form", act)


# --- a scholarship round ----------------------------------------------------------------------------------------


def _recipients(request, scholarship):
    form = RecipientFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    listing = list_read(request, SCHOLARSHIP_RECIPIENTS)
    review = filters.get("review") or None
    rows = selectors.scholarship_recipient_list(
        user=request.user, scholarship=scholarship, q=listing.q, state=filters.get("state") or "", review=review
    )
    return form, listing, listing.order(rows)


def _round_page(request, scholarship, *, status=200, **forms):
    user = request.user
    agreement = scholarship.sub_project.agreement
    filter_form, listing, rows = _recipients(request, scholarship)
    page = paginate(request, rows)
    _log(request, "view", [r.pk for r in page], f"장학금 대상 학생 목록 {scholarship} · {list_note(listing)}")
    context = {
        "scholarship": scholarship,
        "agreement": agreement,
        "filter_form": filter_form,
        "listing": listing,
        "page": page,
        "imports": selectors.foundation_import_list(scholarship=scholarship),
        "can_manage": _can_manage(user, agreement),
        "can_add": access_grant_submit(user, agreement),
        "recipient_form": forms.get("recipient_form") or RecipientForm(),
        "upload_form": forms.get("upload_form") or FoundationUploadForm(),
        "totals": scholarship.recipients.exclude(state=ScholarshipRecipient.State.EXCLUDED).count(),
    }
    return render(request, "grants/unions/scholarship_detail.html", context, status=status)


@login_required
def scholarship_detail(request, pk: int):
    scholarship = selectors.scholarship_get(user=request.user, pk=pk)
    return _round_page(request, scholarship)


@login_required
@require_POST
def recipient_add(request, pk: int):
    scholarship = selectors.scholarship_get(user=request.user, pk=pk)
    require(access_grant_submit(request.user, scholarship.sub_project.agreement))

    def act(data):
        recipient = services.scholarship_recipient_add(actor=request.user, scholarship=scholarship, **data)
        _log(request, "change", [recipient.pk], f"장학금 대상 학생 등록 {scholarship}")
        flagged = " 한국장학재단 지원 명단과 겹쳐 중복 확인이 필요합니다." if recipient.review else ""
        return f"{recipient.masked_name} 학생을 등록했습니다.{flagged}", scholarship.get_absolute_url()

    return service_step(
        request, act, form=RecipientForm(request.POST),
        render_page=lambda form, status: _round_page(request, scholarship, status=status, recipient_form=form),
    )  # fmt: skip


@login_required
@require_POST
def foundation_upload(request, pk: int):
    scholarship = selectors.scholarship_get(user=request.user, pk=pk)
    require(_can_manage(request.user, scholarship.sub_project.agreement))

    def act(data):
        upload = data["file"]
        source = services.foundation_list_import(
            actor=request.user, scholarship=scholarship, data=upload.read(), file_name=upload.name
        )
        return (
            f"한국장학재단 명단 {source.rows:,}행을 올렸습니다: 중복 의심 {source.matches:,}명.",
            scholarship.get_absolute_url(),
        )

    return service_step(
        request, act, form=FoundationUploadForm(request.POST, request.FILES),
        render_page=lambda form, status: _round_page(request, scholarship, status=status, upload_form=form),
    )  # fmt: skip


@login_required
def scholarship_export(request, pk: int):
    """The students as the list shows them (the same search, filters and sort), minimised for the purpose,
    watermarked and written to the access log."""
    scholarship = selectors.scholarship_get(user=request.user, pk=pk)
    _form, listing, rows = _recipients(request, scholarship)
    spec = EXPORTS[SCHOLARSHIP_RECIPIENTS.export]
    form = ExportRequestForm(request.POST if request.method == "POST" else None, spec=spec)
    detail = f"장학금 대상 학생 목록 {scholarship} · {list_note(listing)}"
    if request.method == "POST" and form.is_valid():
        purpose, reason = form.cleaned_data["purpose"], form.cleaned_data["reason"]
        data = export_prepare(
            list_sheet(listing, rows.iterator(chunk_size=2000)), spec=spec, purpose=purpose, user=request.user,
            reason=reason,
        )  # fmt: skip
        _log(
            request, "download", rows.values_list("pk", flat=True), f"{detail} · 목적: {Purpose(purpose).label}", reason
        )
        response = HttpResponse(data, content_type=XLSX)
        download_named(response, "장학금 대상 학생 목록.xlsx", fallback="scholarship-recipients.xlsx")
        response["Cache-Control"] = "private, no-store"
        return response
    context = {"form": form, "spec": spec, "detail": detail, "back": scholarship.get_absolute_url()}
    return render(request, "web/export_form.html", context, status=400 if form.errors else 200)


# --- a student --------------------------------------------------------------------------------------------------


def _recipient_page(request, recipient, *, status=200, **forms):
    scholarship = selectors.scholarship_get(user=request.user, pk=recipient.scholarship_id)
    _log(request, "view", [recipient.pk], f"장학금 대상 학생 {scholarship}")
    context = {
        "recipient": recipient,
        "scholarship": scholarship,
        "can_manage": _can_manage(request.user, scholarship.sub_project.agreement),
        "decision_form": forms.get("decision_form") or DecisionForm(),
        "pay_form": forms.get("pay_form") or PayForm(),
    }
    return render(request, "grants/unions/recipient_detail.html", context, status=status)


@login_required
def recipient_detail(request, pk: int):
    recipient = selectors.scholarship_recipient_get(user=request.user, pk=pk)
    return _recipient_page(request, recipient)


def _recipient_step(request, pk, form, form_key, act):
    recipient = selectors.scholarship_recipient_get(user=request.user, pk=pk)
    require(_can_manage(request.user, recipient.scholarship.sub_project.agreement))
    return service_step(
        request,
        lambda data: (act(recipient, data), reverse("grants:recipient_detail", args=[recipient.pk])),
        form=form,
        render_page=lambda f, status: _recipient_page(request, recipient, status=status, **{form_key: f}),
    )


@login_required
@require_POST
def recipient_decide(request, pk: int):
    def act(recipient, data):
        done = services.scholarship_recipient_decide(actor=request.user, recipient=recipient, **data)
        _log(request, "change", [done.pk], f"장학금 중복 확인 결정: {done.get_review_display()}")
        return f"중복 확인을 결정했습니다: {done.get_review_display()}."

    return _recipient_step(request, pk, DecisionForm(request.POST), "decision_form", act)


@login_required
@require_POST
def recipient_pay(request, pk: int):
    def act(recipient, data):
        done = services.scholarship_recipient_pay(actor=request.user, recipient=recipient, **data)
        _log(request, "change", [done.pk], "장학금 지급")
        return f"{screen_date(done.paid_on)} 장학금 {format_won(done.amount)} 지급을 기록했습니다."

    return _recipient_step(request, pk, PayForm(request.POST), "pay_form", act)


def recipient_subjects_describe(ids, *, user) -> dict[int, tuple[str, str | None]]:
    """The access log's reading of the students' ids: masked names and their page for whoever may open it."""
    found = ScholarshipRecipient.objects.filter(pk__in=list(ids)).only("pk", "name", "scholarship_id")
    readable: dict[int, bool] = {}
    result = {}
    for recipient in found:
        if recipient.scholarship_id not in readable:
            try:
                selectors.scholarship_get(user=user, pk=recipient.scholarship_id)
                readable[recipient.scholarship_id] = True
            except (NotFound, NotAllowed):  # the reader may not open it
                readable[recipient.scholarship_id] = False
        url = reverse("grants:recipient_detail", args=[recipient.pk]) if readable[recipient.scholarship_id] else None
        result[recipient.pk] = (recipient.masked_name, url)
    return result
