"""org pages: the org chart, the districts and the partner institutions."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from iljari.core.access import access_org_structure_change, access_partner_change, require
from iljari.core.csvfile import csv_response
from iljari.core.formats import screen_date
from iljari.core.http import paginate, service_step
from iljari.core.korean import with_object
from iljari.org import selectors, services
from iljari.org.forms import OrgUnitForm, PartnerFilterForm, PartnerForm


@login_required
def unit_list(request):
    units = selectors.org_unit_tree(user=request.user)
    return render(
        request,
        "org/unit_list.html",
        {
            "units": units,
            "can_change": access_org_structure_change(request.user),
        },
    )


@login_required
def unit_detail(request, code: str):
    unit = selectors.org_unit_get(user=request.user, code=code)
    children = [u for u in selectors.org_unit_tree(user=request.user) if u.parent_id == unit.pk]
    return render(
        request,
        "org/unit_detail.html",
        {
            "unit": unit,
            "children": children,
            "can_change": access_org_structure_change(request.user),
        },
    )


@login_required
def unit_create(request):
    require(access_org_structure_change(request.user))

    def create(data):
        unit = services.org_unit_create(actor=request.user, **data)
        return f"조직 {with_object(unit.name)} 만들었습니다.", unit.get_absolute_url()

    return service_step(
        request,
        create,
        form=OrgUnitForm(request.POST or None, initial={"parent": request.GET.get("parent")}),
        render_page=lambda form, status: render(
            request, "org/unit_form.html", {"form": form, "unit": None}, status=status
        ),
    )


@login_required
def unit_edit(request, code: str):
    require(access_org_structure_change(request.user))
    unit = selectors.org_unit_get(user=request.user, code=code)
    initial = {
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind,
        "parent": unit.parent,
        "sort_order": unit.sort_order,
        "functions": unit.functions,
        "is_active": unit.is_active,
    }

    def save(data):
        saved = services.org_unit_update(
            actor=request.user,
            unit=unit,
            name=data["name"],
            parent=data["parent"],
            sort_order=data["sort_order"],
            functions=data["functions"],
            is_active=data["is_active"],
        )
        return "조직 정보를 저장했습니다.", saved.get_absolute_url()

    return service_step(
        request,
        save,
        form=OrgUnitForm(request.POST or None, initial=initial, editing=True),
        render_page=lambda form, status: render(
            request, "org/unit_form.html", {"form": form, "unit": unit}, status=status
        ),
    )


@login_required
def district_list(request):
    return render(request, "org/district_list.html", {"districts": selectors.district_list(user=request.user)})


@login_required
def district_detail(request, code: str):
    district = selectors.district_get(user=request.user, code=code)
    partners = selectors.partner_list(user=request.user, district_code=district.code)
    return render(request, "org/district_detail.html", {"district": district, "partners": partners})


def _partner_filters(request):
    form = PartnerFilterForm(request.GET or None, districts=selectors.district_choices())
    return form, (form.cleaned_data if form.is_valid() else {})


@login_required
def partner_list(request):
    form, filters = _partner_filters(request)
    partners = selectors.partner_list(user=request.user, **filters)
    return render(
        request,
        "org/partner_list.html",
        {
            "form": form,
            "page": paginate(request, partners),
            "can_change": access_partner_change(request.user),
            "export_query": request.GET.urlencode(),
        },
    )


@login_required
def partner_export(request):
    """The partner list as CSV (UTF-8 with BOM so that Excel reads the Korean)."""
    _, filters = _partner_filters(request)
    partners = selectors.partner_list(user=request.user, **filters)
    today = timezone.localdate()
    return csv_response(
        filename=f"협력기관 목록({screen_date(today)}).csv",
        fallback=f"partners-{today:%Y%m%d}.csv",
        header=[
            "코드",
            "기관명",
            "구분",
            "소재 자치구",
            "소재지",
            "담당 부서",
            "위탁·수행 사무",
            "위탁 시작일",
            "위탁 종료일",
            "사용",
        ],
        rows=(
            [
                p.code,
                p.name,
                p.get_kind_display(),
                p.district.name if p.district else "",
                p.address,
                p.supervising_unit.name if p.supervising_unit else "",
                p.entrusted_task,
                p.entrusted_from or "",
                p.entrusted_until or "",
                "사용" if p.is_active else "중지",
            ]
            for p in partners
        ),
    )


@login_required
def partner_detail(request, code: str):
    partner = selectors.partner_get(user=request.user, code=code)
    return render(
        request,
        "org/partner_detail.html",
        {
            "partner": partner,
            "can_change": access_partner_change(request.user),
        },
    )


@login_required
def partner_create(request):
    require(access_partner_change(request.user))

    def create(data):
        partner = services.partner_create(actor=request.user, **data)
        return f"협력기관 {with_object(partner.name)} 등록했습니다.", partner.get_absolute_url()

    return service_step(
        request,
        create,
        form=PartnerForm(request.POST or None),
        render_page=lambda form, status: render(
            request, "org/partner_form.html", {"form": form, "partner": None}, status=status
        ),
    )


@login_required
def partner_edit(request, code: str):
    require(access_partner_change(request.user))
    partner = selectors.partner_get(user=request.user, code=code)
    initial = {field: getattr(partner, field) for field in ("code", *services.PARTNER_FIELDS)}

    def save(data):
        fields = {k: v for k, v in data.items() if k != "code"}
        saved = services.partner_update(actor=request.user, partner=partner, **fields)
        return "협력기관 정보를 저장했습니다.", saved.get_absolute_url()

    return service_step(
        request,
        save,
        form=PartnerForm(request.POST or None, initial=initial, editing=True),
        render_page=lambda form, status: render(
            request, "org/partner_form.html", {"form": form, "partner": partner}, status=status
        ),
    )
