"""messaging pages: the staff outbox (발송함) with its export, a message, retrying a failed one, the templates; the
citizen's 내 메시지 with the 수신 동의 per channel."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.core.access import access_messages_manage, access_messages_view, access_own_messages, require
from iljari.core.downloads import download_named
from iljari.core.exports import mask_name
from iljari.core.http import paginate, service_step
from iljari.core.lists import list_read, list_sheet
from iljari.messaging import selectors, services
from iljari.messaging.forms import ConsentForm
from iljari.messaging.lists import OUTBOX
from iljari.messaging.models import Channel, Message
from iljari.messaging.templates import TEMPLATES, template_text

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _outbox(request):
    require(access_messages_view(request.user))
    listing = list_read(request, OUTBOX)
    filters = {name: request.GET.get(name, "") for name in OUTBOX.filters}
    messages = selectors.message_list(user=request.user, q=listing.q, **filters)
    return listing, filters, listing.order(messages)


@login_required
def message_list(request):
    listing, filters, messages = _outbox(request)
    page = paginate(request, messages)
    rows = [
        {"message": m, "recipient": mask_name(m.recipient_name), "address": selectors.mask_address(m.address),
         "template": TEMPLATES[m.template].label if m.template in TEMPLATES else "-"}
        for m in page
    ]  # fmt: skip
    return render(
        request,
        "messaging/message_list.html",
        {
            "listing": listing,
            "page": page,
            "rows": rows,
            "filters": filters,
            "statuses": Message.Status.choices,
            "channels": Channel.choices,
            "templates": [(t.code, t.label) for t in TEMPLATES.values()],
            "counts": [
                (label, selectors.message_counts(user=request.user)[value]) for value, label in Message.Status.choices
            ],
            "filters_template": "messaging/_filters.html",
        },
    )


@login_required
def message_export(request):
    listing, _filters, messages = _outbox(request)
    response = HttpResponse(list_sheet(listing, messages.iterator(chunk_size=2000)), content_type=XLSX)
    download_named(response, "발송함.xlsx", fallback="messages.xlsx")
    return response


@login_required
def message_detail(request, pk: int):
    message = selectors.message_get(user=request.user, pk=pk)
    return render(
        request,
        "messaging/message_detail.html",
        {
            "message": message,
            "recipient": mask_name(message.recipient_name),
            "address": selectors.mask_address(message.address),
            "template": TEMPLATES.get(message.template),
            "can_retry": access_messages_manage(request.user)
            and message.status == Message.Status.FAILED
            and not message.sensitive,
            "can_cancel": access_messages_manage(request.user) and message.status == Message.Status.QUEUED,
        },
    )


@login_required
@require_POST
def message_retry(request, pk: int):
    require(access_messages_manage(request.user))
    message = selectors.message_get(user=request.user, pk=pk)
    url = reverse("messaging:message_detail", args=[message.pk])

    def run():
        services.message_retry(actor=request.user, message=message)
        return "알림을 다시 발송 대기열에 넣었습니다.", url

    return service_step(request, run, back=url)


@login_required
@require_POST
def message_cancel(request, pk: int):
    require(access_messages_manage(request.user))
    message = selectors.message_get(user=request.user, pk=pk)
    url = reverse("messaging:message_detail", args=[message.pk])

    def run():
        services.message_cancel(actor=request.user, message=message)
        return "알림 발송을 취소했습니다.", url

    return service_step(request, run, back=url)


@login_required
def template_list(request):
    require(access_messages_view(request.user))
    rows = [{"template": t, "text": template_text(t)} for t in TEMPLATES.values()]
    return render(request, "messaging/template_list.html", {"rows": rows})


@login_required
def my_messages(request):
    require(access_own_messages(request.user))
    person, consents = selectors.my_consents(user=request.user)
    form = ConsentForm(request.POST or None, initial={str(k): v for k, v in consents.items()})

    def save(data):
        services.channel_consent_set(actor=request.user, person=person, choices=form.choices())
        return "알림 수신 동의를 저장했습니다.", reverse("messaging_portal:my_messages")

    def page(form, status):
        return render(
            request,
            "messaging/my_messages.html",
            {
                "form": form,
                "person": person,
                "page": paginate(request, selectors.my_message_list(user=request.user)),
            },
            status=status,
        )

    if request.method == "POST" and person is None:
        return page(form, 400)
    return service_step(request, save, form=form, render_page=page)
