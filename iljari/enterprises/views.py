"""enterprises pages: the organisation registry (staff), the organisation's own profile, the public strong-SME
platform (list, profile, reviews), review moderation, and public procurement (progress, entry, xlsx upload)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from iljari.core.access import (
    access_organisations_manage,
    access_platform_review_write,
    access_procurement_enter,
    access_procurement_own,
    require,
)
from iljari.core.downloads import download_named
from iljari.core.errors import ValidationFailed
from iljari.core.formats import format_won
from iljari.core.http import XLSX, paginate, service_step, xlsx_upload
from iljari.core.korean import with_object
from iljari.core.lists import list_read, list_sheet
from iljari.enterprises import selectors, services
from iljari.enterprises.forms import (
    ArticleForm,
    AsOfForm,
    CertificationForm,
    ContactForm,
    ModerateForm,
    OrganisationFilterForm,
    OrganisationForm,
    OwnPurchaseForm,
    PlatformFilterForm,
    ProfileForm,
    PurchaseForm,
    ReportForm,
    ReviewForm,
    SupportForm,
    YearForm,
)
from iljari.enterprises.lists import ORGANISATIONS, PURCHASES
from iljari.enterprises.models import SOCIAL_ECONOMY_KINDS, Certification, PlatformReview
from iljari.enterprises.services import PROFILE_FIELDS


def _year(request) -> int:
    form = YearForm(request.GET)
    return form.cleaned_data["year"] if form.is_valid() else timezone.localdate().year


# --- the registry (staff) ---------------------------------------------------------------------------------


def _organisations(request):
    """The organisations as the list asks: the filter form's search and filters, sorted (enterprises/lists.py)."""
    listing = list_read(request, ORGANISATIONS)
    form = OrganisationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, listing, listing.order(selectors.organisation_list(user=request.user, **filters))


@login_required
def organisation_export(request):
    """The organisations as the list shows them (the same search, filters and sort), every row, as xlsx."""
    _form, listing, rows = _organisations(request)
    response = HttpResponse(list_sheet(listing, rows.iterator(chunk_size=2000)), content_type=XLSX)
    download_named(response, "기업·단체 목록.xlsx", fallback="organisations.xlsx")
    return response


@login_required
def organisation_list(request):
    form, listing, rows = _organisations(request)
    today = timezone.localdate()
    counts = selectors.social_economy_counts(on=today)
    return render(
        request,
        "enterprises/organisation_list.html",
        {
            "form": form,
            "listing": listing,
            "page": paginate(request, rows),
            "can_manage": access_organisations_manage(request.user),
            "counts": [(Certification.Kind(kind).label, counts[kind]) for kind in SOCIAL_ECONOMY_KINDS],
            "counts_total": counts["total"],
            "today": today,
        },
    )


def _organisation_form_page(request, form, organisation, status):
    return render(
        request, "enterprises/organisation_form.html", {"form": form, "organisation": organisation}, status=status
    )


@login_required
def organisation_create(request):
    require(access_organisations_manage(request.user))
    form = OrganisationForm(request.POST or None)

    def save(data):
        organisation = services.organisation_register(actor=request.user, **data)
        return f"{with_object(organisation.name)} 등록했습니다.", organisation.get_absolute_url()

    return service_step(
        request, save, form=form, render_page=lambda f, status: _organisation_form_page(request, f, None, status)
    )


@login_required
def organisation_edit(request, pk: int):
    require(access_organisations_manage(request.user))
    organisation = selectors.organisation_get(user=request.user, pk=pk)
    fields = ["name", "kind", "corporate_number", "size", "sector", "district", "founded_on", *PROFILE_FIELDS]
    initial = {key: getattr(organisation, key) for key in fields}
    initial["business_number"] = organisation.business_number_text
    form = OrganisationForm(request.POST or None, initial=initial, editing=True)

    def save(data):
        data.pop("business_number", None)
        saved = services.organisation_update(actor=request.user, organisation=organisation, **data)
        return "기업·단체 정보를 저장했습니다.", saved.get_absolute_url()

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: _organisation_form_page(request, f, organisation, status),
    )


@login_required
def organisation_detail(request, pk: int):
    organisation = selectors.organisation_get(user=request.user, pk=pk)
    today = timezone.localdate()
    certifications = list(organisation.certifications.all())
    for cert in certifications:
        cert.status_text = cert.status_on(today)
    return render(
        request,
        "enterprises/organisation_detail.html",
        {
            "organisation": organisation,
            "certifications": certifications,
            "contacts": selectors.organisation_contacts(organisation=organisation),
            "support": organisation.support_records.all(),
            "articles": organisation.articles.all(),
            "can_manage": access_organisations_manage(request.user),
            "certification_form": CertificationForm(),
            "contact_form": ContactForm(),
            "support_form": SupportForm(initial={"year": today.year}),
            "article_form": ArticleForm(initial={"published_on": today}),
        },
    )


def _valid_data(form) -> dict:
    """The form's cleaned data, or its errors in one message (a step whose page is not drawn again)."""
    if not form.is_valid():
        raise ValidationFailed(" ".join(m for errors in form.errors.values() for m in errors))
    return form.cleaned_data


def _organisation_step(request, pk: int, form_class, act, done: str):
    """A step posted from an organisation's page (`act(organisation, data)`): back to the page with a message."""
    require(access_organisations_manage(request.user))
    organisation = selectors.organisation_get(user=request.user, pk=pk)

    def run():
        act(organisation, _valid_data(form_class(request.POST)))
        return done, organisation.get_absolute_url()

    return service_step(request, run, back=organisation.get_absolute_url())


@login_required
@require_POST
def certification_add(request, pk: int):
    return _organisation_step(
        request,
        pk,
        CertificationForm,
        lambda o, data: services.certification_add(actor=request.user, organisation=o, **data),
        "인증·지정을 등록했습니다.",
    )


@login_required
@require_POST
def contact_add(request, pk: int):
    return _organisation_step(
        request,
        pk,
        ContactForm,
        lambda o, data: services.organisation_contact_add(actor=request.user, organisation=o, **data),
        "담당자 계정을 지정했습니다.",
    )


@login_required
@require_POST
def support_add(request, pk: int):
    return _organisation_step(
        request,
        pk,
        SupportForm,
        lambda o, data: services.support_record(actor=request.user, organisation=o, **data),
        "지원 내용을 기록했습니다.",
    )


@login_required
@require_POST
def article_add(request, pk: int):
    return _organisation_step(
        request,
        pk,
        ArticleForm,
        lambda o, data: services.article_publish(actor=request.user, organisation=o, **data),
        "탐방기사를 게재했습니다.",
    )


# --- the organisation's own profile ------------------------------------------------------------------------


@login_required
def my_profile(request):
    organisation = selectors.my_organisation(user=request.user)
    form = ProfileForm(request.POST or None, initial={key: getattr(organisation, key) for key in PROFILE_FIELDS})

    def save(data):
        services.organisation_profile_update(actor=request.user, organisation=organisation, **data)
        return "기업 정보를 저장했습니다.", reverse("enterprises:my_profile")

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: render(
            request,
            "enterprises/my_profile.html",
            {
                "organisation": organisation,
                "form": f,
                "certifications": organisation.certifications.all(),
                "today": timezone.localdate(),
            },
            status=status,
        ),
    )


# --- review moderation (staff) -----------------------------------------------------------------------------

REVIEW_STATUSES = [*PlatformReview.Status.choices, ("reported", "신고된 게시 후기")]


@login_required
def review_queue(request):
    status = request.GET.get("status", PlatformReview.Status.PENDING)
    if status not in dict(REVIEW_STATUSES):
        status = PlatformReview.Status.PENDING
    reviews = selectors.review_queue(user=request.user, status=status)
    return render(
        request,
        "enterprises/review_queue.html",
        {
            "page": paginate(request, reviews),
            "status": status,
            "statuses": REVIEW_STATUSES,
            "form": ModerateForm(),
            "hide_reports": settings.ILJARI_REVIEW_HIDE_REPORTS,
        },
    )


@login_required
@require_POST
def review_moderate(request, pk: int):
    review = selectors.review_get(user=request.user, pk=pk)

    def moderate():
        form = ModerateForm(request.POST)
        if not form.is_valid():
            raise ValidationFailed("게시할지 고르십시오.")
        services.review_moderate(
            actor=request.user,
            review=review,
            publish=form.cleaned_data["decision"] == "publish",
            note=form.cleaned_data["note"],
        )
        return f"후기 #{with_object(review.pk)} 검토했습니다.", reverse("enterprises:review_queue")

    return service_step(request, moderate, back=reverse("enterprises:review_queue"))


# --- the public platform -----------------------------------------------------------------------------------


def platform_list(request):
    form = PlatformFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.platform_list(**filters)
    return render(request, "enterprises/platform_list.html", {"form": form, "page": paginate(request, rows)})


def platform_detail(request, pk: int):
    organisation = selectors.platform_get(pk=pk)
    can_review = access_platform_review_write(request.user)
    return render(
        request,
        "enterprises/platform_detail.html",
        {
            "organisation": organisation,
            "articles": organisation.articles.all(),
            "reviews": selectors.platform_reviews(organisation=organisation),
            "can_review": can_review,
            "review_form": ReviewForm(),
            "report_form": ReportForm(),
        },
    )


@login_required
@require_POST
def platform_review(request, pk: int):
    organisation = selectors.platform_get(pk=pk)
    require(access_platform_review_write(request.user), "후기는 로그인한 시민이나 기업·단체만 쓸 수 있습니다.")
    back = reverse("enterprises:platform_detail", args=[organisation.pk])

    def submit():
        data = _valid_data(ReviewForm(request.POST))
        services.review_submit(actor=request.user, organisation=organisation, **data)
        return "후기를 받았습니다. 담당자가 검토한 뒤 게시합니다.", back

    return service_step(request, submit, back=back)


@login_required
@require_POST
def platform_report(request, pk: int):
    review = selectors.platform_review_get(pk=pk)
    require(access_platform_review_write(request.user), "로그인한 뒤에 신고할 수 있습니다.")
    back = reverse("enterprises:platform_detail", args=[review.organisation_id])

    def report():
        form = ReportForm(request.POST)
        if not form.is_valid():
            raise ValidationFailed(field_errors={"reason": ["신고 사유를 적으십시오."]})
        reported = services.review_report(actor=request.user, review=review, reason=form.cleaned_data["reason"])
        if reported.status == PlatformReview.Status.HIDDEN:
            return "신고를 받았습니다. 신고가 여러 건이라 담당자가 검토할 때까지 이 후기를 숨깁니다.", back
        return "신고를 받았습니다. 담당자가 살펴봅니다.", back

    return service_step(request, report, back=back)


# --- public procurement ----------------------------------------------------------------------------------


@login_required
def procurement_progress(request):
    year = _year(request)
    form = AsOfForm(request.GET)
    as_of = form.cleaned_data["as_of"] if form.is_valid() else None
    progress = selectors.procurement_progress(user=request.user, year=year, as_of=as_of)
    listing, rows = _purchases(request, year)
    return render(
        request,
        "enterprises/procurement.html",
        {
            "progress": progress,
            "year": year,
            "listing": listing,
            "page": paginate(request, rows),
            "can_enter": access_procurement_enter(request.user, None),
        },
    )


def _purchases(request, year: int):
    """The year's purchases as the list asks: searched and sorted (enterprises/lists.py)."""
    listing = list_read(request, PURCHASES)
    return listing, listing.order(selectors.purchase_list(user=request.user, year=year, query=listing.q))


@login_required
def procurement_export(request):
    """The year's purchases as the list shows them (the same search and sort), every row, as xlsx."""
    year = _year(request)
    listing, rows = _purchases(request, year)
    response = HttpResponse(list_sheet(listing, rows.iterator(chunk_size=2000)), content_type=XLSX)
    download_named(response, f"{year}년 공공구매 내역.xlsx", fallback="purchases.xlsx")
    return response


@login_required
def purchase_create(request):
    require(access_procurement_enter(request.user, None))
    form = PurchaseForm(request.POST or None)

    def save(data):
        buyer = selectors.organisation_by_business_number(user=request.user, number=data.pop("buyer"))
        supplier = selectors.organisation_by_business_number(user=request.user, number=data.pop("supplier"))
        purchase = services.purchase_record(actor=request.user, buyer=buyer, supplier=supplier, **data)
        return f"공공구매 {format_won(purchase.amount)}을 기록했습니다.", reverse(
            "enterprises:procurement"
        ) + f"?year={purchase.purchased_on.year}"

    return service_step(
        request,
        save,
        form=form,
        render_page=lambda f, status: render(request, "enterprises/purchase_form.html", {"form": f}, status=status),
    )


@login_required
def purchase_upload(request):
    require(access_procurement_enter(request.user, None))
    name = request.FILES["file"].name if "file" in request.FILES else ""
    return xlsx_upload(
        request,
        importer=lambda data: services.purchase_import(actor=request.user, data=data, file_name=name),
        success_url=reverse("enterprises:procurement"),
        render_page=lambda upload, status: render(
            request, "enterprises/purchase_upload.html", {"upload": upload}, status=status
        ),
    )


@login_required
def purchase_template(request):
    require(access_procurement_enter(request.user, None))
    response = HttpResponse(selectors.purchase_template(), content_type=XLSX)
    download_named(response, "공공구매 실적 양식.xlsx", fallback="procurement-template.xlsx")
    return response


# --- a public body's own purchases (its organisation account) ----------------------------------------------


@login_required
def my_purchases(request):
    """The buyer's own purchases of the year and the entry form (the buyer is the account's organisation)."""
    require(access_procurement_own(request.user), "구매기관(자치구·공공기관) 담당자 계정만 입력할 수 있습니다.")
    year = _year(request)
    buyer = selectors.my_organisation(user=request.user)
    form = OwnPurchaseForm(request.POST or None)

    def save(data):
        supplier = selectors.organisation_by_business_number(user=request.user, number=data.pop("supplier"))
        purchase = services.purchase_record(actor=request.user, buyer=buyer, supplier=supplier, **data)
        return f"공공구매 {format_won(purchase.amount)}을 기록했습니다.", reverse(
            "enterprises:my_purchases"
        ) + f"?year={purchase.purchased_on.year}"

    def render_page(f, status):
        rows = selectors.my_purchase_list(user=request.user, year=year)
        return render(
            request,
            "enterprises/my_purchases.html",
            {
                "form": f,
                "buyer": buyer,
                "year": year,
                "page": paginate(request, rows),
                "total": selectors.my_purchase_total(user=request.user, year=year),
            },
            status=status,
        )

    return service_step(request, save, form=form, render_page=render_page)


@login_required
def my_purchase_upload(request):
    require(access_procurement_own(request.user), "구매기관(자치구·공공기관) 담당자 계정만 올릴 수 있습니다.")
    name = request.FILES["file"].name if "file" in request.FILES else ""
    return xlsx_upload(
        request,
        importer=lambda data: services.purchase_import(actor=request.user, data=data, file_name=name),
        success_url=reverse("enterprises:my_purchases"),
        render_page=lambda upload, status: render(
            request,
            "enterprises/purchase_upload.html",
            {"upload": upload, "own": selectors.my_organisation(user=request.user)},
            status=status,
        ),
    )


@login_required
def my_purchase_template(request):
    require(access_procurement_own(request.user), "구매기관(자치구·공공기관) 담당자 계정만 받을 수 있습니다.")
    response = HttpResponse(selectors.purchase_template(), content_type=XLSX)
    download_named(response, "공공구매 실적 양식.xlsx", fallback="procurement-template.xlsx")
    return response
