"""board pages: 공지사항 and 자주 묻는 질문 open to all (list, one notice, its attachment, the FAQ), and the staff's
pages to write, edit and retire them (board.services; lists through board/lists.py)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.board import selectors, services
from iljari.board.forms import FaqFilterForm, FaqForm, NoticeFilterForm, NoticeForm, PublicNoticeFilterForm
from iljari.board.lists import FAQ, NOTICES, PUBLIC_NOTICES
from iljari.board.models import FaqEntry
from iljari.core.access import access_board_manage, access_board_view, require
from iljari.core.downloads import download_named
from iljari.core.http import paginate, service_step
from iljari.core.korean import with_object
from iljari.core.lists import list_read

# --- open to all ----------------------------------------------------------------------------------------------


def notice_list(request):
    form = PublicNoticeFilterForm(request.GET or None)
    listing = list_read(request, PUBLIC_NOTICES)
    chosen = form.chosen()
    notices = selectors.notice_public_list(query=listing.q, **chosen).filter(pinned=False)
    page = paginate(request, listing.order(notices))
    pinned = selectors.notice_pinned_list() if page.number == 1 and not listing.q and not chosen["category"] else []
    context = {"form": form, "listing": listing, "page": page, "pinned": pinned}
    return render(request, "board/notice_list.html", context)


def notice_detail(request, pk: int):
    notice = selectors.notice_public_get(pk=pk)
    return render(request, "board/notice_detail.html", {"notice": notice})


def notice_attachment(request, pk: int):
    notice = selectors.notice_public_get(pk=pk)
    if not notice.attachment:
        raise Http404
    response = FileResponse(notice.attachment.open("rb"), content_type=notice.attachment_type)
    return download_named(response, notice.attachment_name, fallback=f"notice-{notice.pk}{_suffix(notice)}")


def _suffix(notice) -> str:
    return services.ATTACHMENT_SUFFIXES.get(notice.attachment_type, "")


def faq(request):
    query = " ".join(request.GET.get("q", "").split())[:60]
    category = request.GET.get("category", "")
    if category not in FaqEntry.Category.values:
        category = ""
    entries = selectors.faq_public_list(query=query, category=category)
    groups: dict[str, list] = {}
    for entry in entries:
        groups.setdefault(entry.get_category_display(), []).append(entry)
    context = {"groups": groups, "query": query, "category": category, "categories": FaqEntry.Category.choices}
    return render(request, "board/faq.html", context)


# --- the staff's pages ------------------------------------------------------------------------------------------


@login_required
def staff_notice_list(request):
    require(access_board_view(request.user))
    form = NoticeFilterForm(request.GET or None)
    listing = list_read(request, NOTICES)
    rows = listing.order(selectors.notice_list(user=request.user, query=listing.q, **form.chosen()))
    context = {
        "form": form,
        "listing": listing,
        "page": paginate(request, rows),
        "can_manage": access_board_manage(request.user),
    }
    return render(request, "board/staff_notice_list.html", context)


def _notice_initial(notice) -> dict:
    if notice is None:
        return {}
    return {
        "title": notice.title,
        "category": notice.category,
        "body": notice.body,
        "pinned": notice.pinned,
        "posted_from": notice.posted_from,
        "posted_until": notice.posted_until,
    }


def _quoted(text: str) -> str:
    return f"'{text}'"


def _notice_page(request, notice=None):
    require(access_board_manage(request.user))
    bound = request.method == "POST"
    form = NoticeForm(
        request.POST if bound else None, request.FILES if bound else None, initial=_notice_initial(notice)
    )

    def save(values):
        saved = services.notice_save(actor=request.user, notice=notice, **values)
        return f"공지사항 {with_object(_quoted(saved.title))} 저장했습니다.", reverse("board:staff_notice_list")

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda page, status: render(
            request, "board/staff_notice_form.html", {"form": page, "notice": notice}, status=status
        ),
    )


@login_required
def staff_notice_create(request):
    return _notice_page(request)


@login_required
def staff_notice_edit(request, pk: int):
    return _notice_page(request, selectors.notice_get(user=request.user, pk=pk))


@login_required
@require_POST
def staff_notice_retire(request, pk: int):
    require(access_board_manage(request.user))
    notice = selectors.notice_get(user=request.user, pk=pk)

    def retire():
        services.notice_retire(actor=request.user, notice=notice)
        return f"공지사항 {with_object(_quoted(notice.title))} 내렸습니다.", reverse("board:staff_notice_list")

    return service_step(request, retire, back=reverse("board:staff_notice_list"))


@login_required
def staff_faq_list(request):
    require(access_board_view(request.user))
    form = FaqFilterForm(request.GET or None)
    listing = list_read(request, FAQ)
    rows = listing.order(selectors.faq_list(user=request.user, query=listing.q, **form.chosen()))
    context = {
        "form": form,
        "listing": listing,
        "page": paginate(request, rows),
        "can_manage": access_board_manage(request.user),
    }
    return render(request, "board/staff_faq_list.html", context)


def _faq_page(request, entry=None):
    require(access_board_manage(request.user))
    initial = (
        {"category": entry.category, "question": entry.question, "answer": entry.answer, "order": entry.order}
        if entry
        else {}
    )
    form = FaqForm(request.POST if request.method == "POST" else None, initial=initial)

    def save(values):
        saved = services.faq_save(actor=request.user, entry=entry, **values)
        return f"질문 {with_object(_quoted(saved.question))} 저장했습니다.", reverse("board:staff_faq_list")

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda page, status: render(
            request, "board/staff_faq_form.html", {"form": page, "entry": entry}, status=status
        ),
    )


@login_required
def staff_faq_create(request):
    return _faq_page(request)


@login_required
def staff_faq_edit(request, pk: int):
    return _faq_page(request, selectors.faq_get(user=request.user, pk=pk))


@login_required
@require_POST
def staff_faq_retire(request, pk: int):
    require(access_board_manage(request.user))
    entry = selectors.faq_get(user=request.user, pk=pk)

    def retire():
        services.faq_retire(actor=request.user, entry=entry)
        return f"질문 {with_object(_quoted(entry.question))} 내렸습니다.", reverse("board:staff_faq_list")

    return service_step(request, retire, back=reverse("board:staff_faq_list"))
