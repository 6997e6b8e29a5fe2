"""The office's call pages: the list, a call with its applications and figures, the page that defines a call (its
quotas and rules on one page), and the call's eligibility check (at once, or as a background job)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.core.access import (
    access_application_documents,
    access_calls_manage,
    access_calls_manage_any,
    require,
)
from iljari.core.downloads import download_named
from iljari.core.http import XLSX, log_person_access, paginate, personal_export, service_step
from iljari.core.jobs import job_start
from iljari.core.korean import object_particle
from iljari.core.lists import list_note, list_read, list_sheet
from iljari.core.worklist import worklist_day
from iljari.intake import selectors, services, tasks
from iljari.intake.forms import CallPageForms, ScoreForm, SeedForm
from iljari.intake.lists import applications_spec
from iljari.intake.models import Application


@login_required
def call_list(request):
    calls = selectors.call_list(user=request.user)
    todo = request.GET.get("todo", "")
    on = worklist_day(request)
    if todo in selectors.CALL_TODO:  # the work list's link: exactly the calls it counted
        calls = calls.filter(pk__in=selectors.call_todo_list(user=request.user, todo=todo, on=on).values("pk"))
    else:
        todo = ""
    context = {
        "calls": calls,
        "can_create": access_calls_manage_any(request.user),
        "todo": todo,
        "on": on,
        "closing_days": selectors.CALL_CLOSING_DAYS,
    }
    return render(request, "intake/call_list.html", context)


def _applications(request, call):
    """The call's applications as the page's list asks: searched, filtered by status, sorted (intake/lists.py)."""
    listing = list_read(request, applications_spec(call))
    status = request.GET.get("status", "")
    if status not in Application.Status.values or status == Application.Status.DRAFT:
        status = ""
    rows = selectors.application_list(user=request.user, call=call, status=status, query=listing.q)
    return listing, status, listing.order(rows)


@login_required
def call_detail(request, code: str):
    call = selectors.call_get(user=request.user, code=code)
    listing, status, rows = _applications(request, call)
    page = paginate(request, rows)
    people = [a.person_id for a in page.object_list if a.person_id is not None]
    if people:
        log_person_access(request, "view", people, f"모집공고 신청 목록 ({call.code})")
    return render(
        request,
        "intake/call_detail.html",
        {
            "call": call,
            "figures": selectors.call_figures(call=call),
            "funnel": selectors.call_funnel(call=call) if call.has_interview else None,
            "page": page,
            "listing": listing,
            "runs": call.selection_runs.select_related("run_by")[:5],
            "statuses": [c for c in Application.Status.choices if c[0] != Application.Status.DRAFT],
            "status": status,
            "can_manage": access_calls_manage(request.user, call.programme.division.path),
            "approvals": selectors.call_approvals(call=call),
            "publish_act": services.CALL_PUBLISH,
            "confirm_act": services.SELECTION_CONFIRM,
            "selection_wait": services.selection_wait_message(call=call),
            "can_register": bool(selectors.registrable_quotas(user=request.user, call=call)),
            "can_documents": access_application_documents(request.user, call.programme.division.path),
            "seed_form": SeedForm(),
            "score_form": ScoreForm(),
        },
    )


@login_required
def call_applications_export(request, code: str):
    """The applications as the page lists them (the same search, status and sort), every row, as xlsx; a call for
    people's is personal data: minimised for its purpose and written to the access log (core.http.personal_export)."""
    call = selectors.call_get(user=request.user, code=code)
    listing, _status, rows = _applications(request, call)
    filename = f"{call.title} 신청자 목록.xlsx"

    def build():
        return list_sheet(listing, rows.iterator(chunk_size=2000))

    if not listing.spec.export:
        response = HttpResponse(build(), content_type=XLSX)
        download_named(response, filename)
        return response
    return personal_export(
        request,
        export=listing.spec.export,
        subject_ids=rows.values_list("person_id", flat=True),
        detail=f"모집공고 신청자 목록 ({call.code}) · {list_note(listing)}",
        build=build,
        filename=filename,
        back=call.get_absolute_url(),
    )


def _call_edit_page(request, *, call=None):
    """The call's definition, its quotas and rules on one page; services.call_set checks them all."""
    programmes = selectors.call_programmes(user=request.user)
    forms = CallPageForms(request.POST if request.method == "POST" else None, call=call, programmes=programmes)

    def save(values):
        saved = services.call_set(
            actor=request.user,
            code=call.code if call is not None else values["code"],
            programme=values["programme"],
            title=values["title"],
            opens_at=values["opens_at"],
            closes_at=values["closes_at"],
            announce_on=values["announce_on"],
            quotas=values["quotas"],
            eligibility=values["eligibility"],
            priorities=values["priorities"],
            description=values["description"],
            required_documents=values["required_documents"],
            has_document_review=values["has_document_review"],
            has_interview=values["has_interview"],
            audience=values["audience"],
            score_aggregation=values["score_aggregation"],
            certifies=values["certifies"],
            criteria=values["criteria"],
            target_group=values["target_group"],
            contact=values["contact"],
            create=call is None,
        )
        saved_text = f"모집공고 '{saved.title}'{object_particle(str(saved.title))} 저장했습니다."
        if saved.is_published or selectors.call_approvals(call=saved)["publish"] is not None:
            return saved_text, saved.get_absolute_url()
        # a new call is seen by citizens only once its publishing is approved: the next step is its draft (결재)
        return f"{saved_text} 결재를 올리면 결재가 끝난 뒤 게시됩니다.", reverse(
            "approvals:draft", args=[services.CALL_PUBLISH, saved.code]
        )

    return service_step(
        request,
        save,
        form=forms,
        render_page=lambda page, status: render(
            request, "intake/call_edit.html", {"call": call, **page.context()}, status=status
        ),
    )


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
def call_eligibility(request, code: str):
    """The call's eligibility check: at once for a small call, as a background job (its page shows the progress)
    for one of more than settings.ILJARI_INLINE_BATCH_ROWS applications."""
    call = selectors.call_get(user=request.user, code=code)
    services.call_manage_check(actor=request.user, call=call)

    def check():
        if call.applications.count() > settings.ILJARI_INLINE_BATCH_ROWS:
            job = job_start(
                actor=request.user, kind="eligibility", title=f"{call.title} 자격 확인", task=tasks.eligibility_task,
                call_id=call.pk,
            )  # fmt: skip
            return None, job.get_absolute_url()
        eligible, ineligible = services.eligibility_run(actor=request.user, call=call)
        return f"자격 확인을 마쳤습니다: 자격 있음 {eligible:,}건, 자격 없음 {ineligible:,}건.", call.get_absolute_url()

    return service_step(request, check, back=call.get_absolute_url())
