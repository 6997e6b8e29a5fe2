"""economy pages: the overview of the social economy's networks and markets as of a date, GSEF members (their dues)
and policy dialogues, the 공정무역도시 criteria and their evidence, the spaces (use, tenants, programmes) and the sales
channels beside public procurement. Reads through economy.selectors, writes through economy.services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import access_economy_manage, access_economy_view, require
from iljari.core.downloads import download_named
from iljari.core.formats import screen_month
from iljari.core.http import XLSX, paginate, service_step, xlsx_upload
from iljari.core.korean import with_object
from iljari.core.lists import list_read, list_sheet
from iljari.core.period import figure_period
from iljari.economy import selectors, services
from iljari.economy.forms import (
    DialogueForm,
    DuesForm,
    EvidenceForm,
    MemberFilterForm,
    MemberForm,
    SpaceFilterForm,
    SpaceForm,
    SpaceProgrammeForm,
    SpaceUseForm,
    TenancyEndForm,
    TenancyForm,
)
from iljari.economy.lists import DIALOGUES, MEMBERS, SALES, SPACES
from iljari.economy.models import EVIDENCE_SUFFIXES
from iljari.org.selectors import district_choices


def _view(request) -> None:
    require(access_economy_view(request.user))


def _manage(request) -> None:
    require(access_economy_manage(request.user), services.NOT_ALLOWED)


def _quoted(text: str) -> str:
    return f"'{text}'"


def _year(request, default: int) -> int:
    try:
        year = int(request.GET.get("year", default))
    except ValueError:
        return default
    return year if 2000 <= year <= 2100 else default


# --- overview -------------------------------------------------------------------------------------------------


@login_required
def home(request):
    _view(request)
    year, as_of, warnings = figure_period(request)
    context = {
        "year": year,
        "as_of": as_of,
        "warnings": warnings,
        "overview": selectors.economy_overview(user=request.user, year=year, as_of=as_of),
    }
    return render(request, "economy/home.html", context)


def _sheet(listing, rows, name: str, *, fallback: str):
    """A list's xlsx download: the page's rows in its order, streamed (core.lists.list_sheet)."""
    response = HttpResponse(list_sheet(listing, rows.iterator(chunk_size=2000)), content_type=XLSX)
    return download_named(response, name, fallback=fallback)


# --- GSEF -----------------------------------------------------------------------------------------------------


def _members(request):
    form = MemberFilterForm(request.GET or None)
    listing = list_read(request, MEMBERS)
    rows = selectors.member_list(user=request.user, query=listing.q, **form.chosen())
    return form, listing, listing.order(rows)


@login_required
def members(request):
    _view(request)
    form, listing, rows = _members(request)
    context = {
        "form": form,
        "listing": listing,
        "page": paginate(request, rows),
        "can_manage": access_economy_manage(request.user),
    }
    return render(request, "economy/members.html", context)


@login_required
def members_export(request):
    _view(request)
    _, listing, rows = _members(request)
    return _sheet(listing, rows, "GSEF 회원.xlsx", fallback="gsef-members.xlsx")


def _member_page(request, member=None):
    _manage(request)
    initial = {}
    if member is not None:
        initial = {
            "name": member.name,
            "kind": member.kind,
            "country": member.country,
            "city": member.city,
            "joined_on": member.joined_on,
            "left_on": member.left_on,
            "note": member.note,
        }
    form = MemberForm(request.POST if request.method == "POST" else None, initial=initial)

    def save(values):
        saved = services.member_save(actor=request.user, member=member, **values)
        return f"GSEF 회원 {with_object(_quoted(saved.name))} 저장했습니다.", reverse(
            "economy:member_detail", args=[saved.pk]
        )

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda page, status: render(
            request, "economy/member_form.html", {"form": page, "member": member}, status=status
        ),
    )


@login_required
def member_create(request):
    return _member_page(request)


@login_required
def member_edit(request, pk: int):
    return _member_page(request, selectors.member_get(user=request.user, pk=pk))


@login_required
def member_detail(request, pk: int):
    _view(request)
    member = selectors.member_get(user=request.user, pk=pk)
    form = DuesForm(request.POST if request.method == "POST" else None, initial={"currency": "KRW"})
    if request.method == "POST":
        _manage(request)

    def save(values):
        dues = services.dues_record(actor=request.user, member=member, **values)
        return f"{member.name}의 {dues.year}년 회비를 기록했습니다.", reverse("economy:member_detail", args=[member.pk])

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda page, status: render(
            request,
            "economy/member_detail.html",
            {"member": member, "form": page, "can_manage": access_economy_manage(request.user)},
            status=status,
        ),
    )


def _dialogues(request):
    listing = list_read(request, DIALOGUES)
    year = _year(request, 0) or None
    return listing, listing.order(selectors.dialogue_list(user=request.user, year=year, query=listing.q))


@login_required
def dialogues(request):
    _view(request)
    if request.method == "POST":
        _manage(request)
    form = DialogueForm(request.POST if request.method == "POST" else None)
    listing, rows = _dialogues(request)

    def save(values):
        saved = services.dialogue_save(actor=request.user, **values)
        return f"{with_object(_quoted(saved.title))} 저장했습니다.", reverse("economy:dialogues")

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda page, status: render(
            request,
            "economy/dialogues.html",
            {
                "form": page,
                "listing": listing,
                "page": paginate(request, rows),
                "can_manage": access_economy_manage(request.user),
            },
            status=status,
        ),
    )


@login_required
def dialogues_export(request):
    _view(request)
    listing, rows = _dialogues(request)
    return _sheet(listing, rows, "GSEF 정책대화·국제행사.xlsx", fallback="gsef-dialogues.xlsx")


# --- 공정무역도시 ---------------------------------------------------------------------------------------------


@login_required
def fair_trade(request):
    _view(request)
    year, as_of, warnings = figure_period(request)
    rows = selectors.criterion_rows(user=request.user, as_of=as_of)
    if request.method == "POST":
        _manage(request)
    bound = request.method == "POST"
    form = EvidenceForm(
        request.POST if bound else None, request.FILES if bound else None, criteria=[r.criterion for r in rows]
    )

    def save(values):
        criterion = next(r.criterion for r in rows if r.criterion.pk == values.pop("criterion"))
        services.evidence_add(actor=request.user, criterion=criterion, **values)
        return f"기준 {criterion.number}의 근거를 기록했습니다.", reverse("economy:fair_trade")

    def page(form_, status):
        context = {
            "rows": rows,
            "met": sum(1 for r in rows if r.met),
            "certification": selectors.certification_latest(user=request.user, as_of=as_of),
            "form": form_,
            "year": year,
            "as_of": as_of,
            "warnings": warnings,
            "can_manage": access_economy_manage(request.user),
        }
        return render(request, "economy/fair_trade.html", context, status=status)

    return service_step(request, save, form=form, render_page=page)


@login_required
def evidence_document(request, pk: int):
    _view(request)
    evidence = selectors.evidence_get(user=request.user, pk=pk)
    if not evidence.document:
        raise Http404
    response = FileResponse(evidence.document.open("rb"), content_type=evidence.document_type)
    suffix = EVIDENCE_SUFFIXES.get(evidence.document_type, "")
    return download_named(response, evidence.document_name, fallback=f"evidence-{evidence.pk}{suffix}")


# --- places ---------------------------------------------------------------------------------------------------


def _spaces(request):
    form = SpaceFilterForm(request.GET or None)
    listing = list_read(request, SPACES)
    rows = selectors.space_list(user=request.user, query=listing.q, **form.chosen())
    return form, listing, listing.order(rows)


@login_required
def spaces(request):
    _view(request)
    form, listing, rows = _spaces(request)
    context = {
        "form": form,
        "listing": listing,
        "page": paginate(request, rows),
        "can_manage": access_economy_manage(request.user),
    }
    return render(request, "economy/spaces.html", context)


@login_required
def spaces_export(request):
    _view(request)
    _, listing, rows = _spaces(request)
    return _sheet(listing, rows, "사회적경제 공간.xlsx", fallback="economy-spaces.xlsx")


def _space_page(request, space=None):
    _manage(request)
    districts = district_choices()
    initial = {}
    if space is not None:
        initial = {
            "name": space.name,
            "kind": space.kind,
            "district": space.district.code if space.district else "",
            "opened_on": space.opened_on,
            "closed_on": space.closed_on,
            "area": space.area,
            "operator": space.operator,
            "note": space.note,
        }
    form = SpaceForm(request.POST if request.method == "POST" else None, initial=initial, districts=districts)

    def save(values):
        code = values.pop("district")
        values["district"] = next((d for d in districts if d.code == code), None)
        saved = services.space_save(actor=request.user, space=space, **values)
        return f"공간 {with_object(_quoted(saved.name))} 저장했습니다.", reverse(
            "economy:space_detail", args=[saved.pk]
        )

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda page, status: render(
            request, "economy/space_form.html", {"form": page, "space": space}, status=status
        ),
    )


@login_required
def space_create(request):
    return _space_page(request)


@login_required
def space_edit(request, pk: int):
    return _space_page(request, selectors.space_get(user=request.user, pk=pk))


def _space_detail(request, space, *, use_form=None, tenancy_form=None, programme_form=None, status=200):
    context = {
        "space": space,
        "detail": selectors.space_detail(space=space, on=timezone.localdate()),
        "use_form": use_form or SpaceUseForm(),
        "tenancy_form": tenancy_form or TenancyForm(),
        "programme_form": programme_form or SpaceProgrammeForm(),
        "can_manage": access_economy_manage(request.user),
    }
    return render(request, "economy/space_detail.html", context, status=status)


@login_required
def space_detail(request, pk: int):
    _view(request)
    return _space_detail(request, selectors.space_get(user=request.user, pk=pk))


def _space_step(request, pk: int, form_class, key: str, write):
    _view(request)
    _manage(request)
    space = selectors.space_get(user=request.user, pk=pk)
    form = form_class(request.POST)

    def save(values):
        message = write(space, values)
        return message, reverse("economy:space_detail", args=[space.pk])

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda page, status: _space_detail(request, space, status=status, **{key: page}),
    )


@login_required
@require_POST
def space_use(request, pk: int):
    def write(space, values):
        use = services.space_use_record(actor=request.user, space=space, **values)
        return f"{screen_month(use.month)} {use.get_kind_display()} 이용 {use.count:,}건을 기록했습니다."

    return _space_step(request, pk, SpaceUseForm, "use_form", write)


@login_required
@require_POST
def space_tenancy(request, pk: int):
    def write(space, values):
        organisation = selectors.organisation_by_number(user=request.user, number=values.pop("business_number"))
        tenancy = services.tenancy_add(actor=request.user, space=space, organisation=organisation, **values)
        return f"{with_object(tenancy.organisation.name)} 입주로 기록했습니다."

    return _space_step(request, pk, TenancyForm, "tenancy_form", write)


@login_required
@require_POST
def space_tenancy_end(request, pk: int, tenancy: int):
    _view(request)
    _manage(request)
    space = selectors.space_get(user=request.user, pk=pk)
    held = selectors.tenancy_get(user=request.user, space=space, pk=tenancy)
    form = TenancyEndForm(request.POST)
    back = reverse("economy:space_detail", args=[space.pk])

    def end():
        ended = services.tenancy_end(actor=request.user, tenancy=held, ends_on=form.cleaned_data["ends_on"])
        return f"{with_object(ended.organisation.name)} 퇴거로 기록했습니다.", back

    if not form.is_valid():
        messages.error(request, "퇴거일을 날짜로 적으십시오.")
        return redirect(back)
    return service_step(request, end, back=back)


@login_required
@require_POST
def space_programme(request, pk: int):
    def write(space, values):
        programme = services.space_programme_add(actor=request.user, space=space, **values)
        return f"프로그램 {with_object(_quoted(programme.title))} 기록했습니다."

    return _space_step(request, pk, SpaceProgrammeForm, "programme_form", write)


# --- markets --------------------------------------------------------------------------------------------------


def _sales(request, year: int):
    listing = list_read(request, SALES)
    channel = request.GET.get("channel", "")
    if channel not in {c.code for c in selectors.channel_list(user=request.user)}:
        channel = ""
    rows = selectors.sale_list(user=request.user, year=year, query=listing.q, channel=channel)
    return listing, listing.order(rows), channel


@login_required
def markets(request):
    _view(request)
    year, as_of, warnings = figure_period(request)
    listing, rows, channel = _sales(request, year)
    context = {
        "year": year,
        "as_of": as_of,
        "warnings": warnings,
        "summary": selectors.market_summary(user=request.user, year=year, as_of=as_of),
        "channels": selectors.channel_list(user=request.user),
        "channel": channel,
        "listing": listing,
        "page": paginate(request, rows),
        "can_manage": access_economy_manage(request.user),
    }
    return render(request, "economy/markets.html", context)


@login_required
def sales_export(request):
    _view(request)
    year, _, _ = figure_period(request)
    listing, rows, _ = _sales(request, year)
    return _sheet(listing, rows, f"{year}년 판로 매출.xlsx", fallback="channel-sales.xlsx")


@login_required
def sales_upload(request):
    _manage(request)
    name = request.FILES["file"].name if "file" in request.FILES else ""
    return xlsx_upload(
        request,
        importer=lambda data: services.sale_import(actor=request.user, data=data, file_name=name),
        success_url=reverse("economy:markets"),
        render_page=lambda upload, status: render(
            request, "economy/sales_upload.html", {"upload": upload}, status=status
        ),
    )


@login_required
def sales_template(request):
    _manage(request)
    response = HttpResponse(selectors.sale_template(), content_type=XLSX)
    return download_named(response, "판로 매출 양식.xlsx", fallback="channel-sales-template.xlsx")
