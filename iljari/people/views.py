"""people pages: search (by name, or exactly by resident number sent by POST), register, detail, correct,
a citizen's own record, and the 급여 계좌 (staff on the person's page, the citizen on their own; the whole number
shown only by a POST of staff who may correct the person, written to the access log)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from iljari.core.access import (
    access_own_person_record,
    access_people_change,
    access_people_view,
    access_person_record_change,
    require,
)
from iljari.core.errors import ValidationFailed
from iljari.core.http import form_apply_error, paginate, personal_export, service_step
from iljari.core.http import log_person_access as _log
from iljari.core.lists import list_note, list_read, list_sheet
from iljari.people import selectors, services
from iljari.people.forms import OwnRegisterForm, PayAccountForm, PersonDetailsForm, PersonRegisterForm, RrnLookupForm
from iljari.people.lists import PEOPLE


@login_required
def person_list(request):
    require(access_people_view(request.user))
    listing = list_read(request, PEOPLE)
    lookup = RrnLookupForm(request.POST or None)
    found = None
    if request.method == "POST" and lookup.is_valid():
        try:
            found = selectors.person_find_by_rrn(user=request.user, rrn=lookup.cleaned_data["rrn"])
        except ValidationFailed as error:
            form_apply_error(lookup, error)
        else:
            _log(request, "search", [found.pk] if found else [], "주민등록번호로 찾기")
            if found is not None:
                return redirect(found)
            messages.info(request, "그 주민등록번호로 등록된 사람이 없습니다(볼 수 있는 범위 안에서).")
    page = paginate(request, listing.order(selectors.person_list(user=request.user, name=listing.q)))
    searched = " · 이름 검색" if listing.q else ""
    _log(request, "search", [person.pk for person in page], f"목록 {page.number}쪽{searched}")
    return render(
        request,
        "people/person_list.html",
        {
            "listing": listing,
            "lookup": lookup,
            "page": page,
            "can_register": access_people_change(request.user),
        },
        status=400 if lookup.errors else 200,
    )


@login_required
def person_export(request):
    """The people as the list shows them (the same name search and sort), every row, as xlsx: minimised for the
    purpose and written to the access log (core.http.personal_export)."""
    require(access_people_view(request.user))
    listing = list_read(request, PEOPLE)
    rows = listing.order(selectors.person_list(user=request.user, name=listing.q))
    return personal_export(
        request,
        export=PEOPLE.export,
        subject_ids=rows.values_list("pk", flat=True),
        detail=f"사람 목록 · {list_note(listing)}",
        build=lambda: list_sheet(listing, rows.iterator(chunk_size=2000)),
        filename="사람 목록.xlsx",
        back=reverse("people:person_list"),
    )


def _register(request, *, user=None, template: str, context: str, done_url):
    """The registration form: a valid POST registers the person and goes to `done_url(person)`."""
    form = PersonRegisterForm(request.POST or None)

    def register(data):
        person = services.person_register(
            actor=request.user,
            user=user,
            name=data["name"],
            birth_date=data["birth_date"],
            sex=data["sex"],
            rrn=data["rrn"],
            consents=form.consents(),
            context=context,
            **form.details(),
        )
        _log(request, "create", [person.pk], context)
        return f"{person.name}님을 등록했습니다.", done_url(person)

    return service_step(
        request,
        register,
        form=form,
        render_page=lambda form, status: render(request, template, {"form": form}, status=status),
    )


def _register_own(request, *, done_url: str):
    """A citizen's own registration: consents, name and number (the birth date and sex read from it), details."""
    form = OwnRegisterForm(request.POST or None)

    def register(data):
        person = services.person_register_own(
            actor=request.user, name=data["name"], rrn=data["rrn"], consents=form.consents(), **form.details()
        )
        _log(request, "create", [person.pk], "본인 등록")
        return "내 인적사항을 등록했습니다.", done_url

    return service_step(
        request,
        register,
        form=form,
        render_page=lambda form, status: render(request, "people/my_register.html", {"form": form}, status=status),
    )


@login_required
def person_create(request):
    require(access_people_change(request.user))
    return _register(
        request,
        template="people/person_form.html",
        context="담당자 등록(서면 신청)",
        done_url=lambda person: person.get_absolute_url(),
    )


@login_required
def person_detail(request, pk: int):
    person = selectors.person_get(user=request.user, pk=pk)
    can_change = access_people_change(request.user)
    if request.method == "POST":
        require(can_change, "이 사람의 정보를 고칠 권한이 없습니다.")

    def save(data):
        services.person_update(actor=request.user, person=person, **data)
        _log(request, "change", [person.pk], "정보 고치기")
        return "정보를 고쳤습니다.", person.get_absolute_url()

    def page(form, status):
        _log(request, "view", [person.pk], "상세")
        context = {"person": person, "form": form, "can_change": can_change}
        return render(request, "people/person_detail.html", context, status=status)

    return service_step(request, save, form=_details_form(request, person), render_page=page)


@login_required
def my_record(request):
    """A citizen sees and corrects their own data, or registers it once."""
    require(access_own_person_record(request.user), "시민 계정에서만 쓸 수 있는 화면입니다.")
    person = selectors.person_of_user(user=request.user)
    own_page = reverse("people:my_record")
    if person is None:
        return _register_own(request, done_url=own_page)

    def save(data):
        services.person_update(actor=request.user, person=person, **data)
        _log(request, "change", [person.pk], "본인 정보 고치기")
        return "내 정보를 고쳤습니다.", own_page

    def page(form, status):
        _log(request, "view", [person.pk], "본인 조회")
        context = {
            "person": person,
            "form": form,
            "addresses": selectors.person_address_history(person=person),
        }
        return render(request, "people/my_record.html", context, status=status)

    return service_step(request, save, form=_details_form(request, person), render_page=page)


def _details_form(request, person) -> PersonDetailsForm:
    """The form correcting a person's details, filled with what is recorded."""
    initial = {field: getattr(person, field) for field in services.PERSON_DETAILS}
    return PersonDetailsForm(request.POST or None, initial=initial)


# --- 급여 계좌 --------------------------------------------------------------------------------------------


def _account_saved(account) -> str:
    message = f"급여 계좌를 저장했습니다: {account.bank_name} {account.number_masked}."
    if account.holder_differs:
        message += f" 예금주({account.holder})가 본인 이름과 달라 확인 표시를 했습니다. 이체 전에 확인하십시오."
    return message


def _account_page(request, person, form, status, *, own: bool, revealed: str = ""):
    context = {
        "person": person,
        "form": form,
        "own": own,
        "current": selectors.pay_account_current(user=request.user, person=person),
        "history": selectors.pay_account_history(user=request.user, person=person),
        "can_change": own or access_person_record_change(request.user, person.district_id),
        "revealed": revealed,
    }
    response = render(request, "people/pay_account.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def pay_account(request, pk: int):
    person = selectors.person_get(user=request.user, pk=pk)
    if request.method == "POST":
        require(
            access_person_record_change(request.user, person.district_id),
            "이 사람의 급여 계좌를 입력할 권한이 없습니다.",
        )
    url = reverse("people:pay_account", args=[person.pk])

    def save(data):
        account = services.pay_account_set(actor=request.user, person=person, **data)
        _log(request, "change", [person.pk], "급여 계좌 입력")
        return _account_saved(account), url

    def page(form, status):
        _log(request, "view", [person.pk], "급여 계좌")
        return _account_page(request, person, form, status, own=False)

    form = PayAccountForm(request.POST or None, initial={"holder": person.name})
    return service_step(request, save, form=form, render_page=page)


@login_required
@require_POST
def pay_account_reveal(request, pk: int):
    person = selectors.person_get(user=request.user, pk=pk)
    number = selectors.pay_account_number(user=request.user, person=person)
    _log(request, "view", [person.pk], "급여 계좌번호 전체 보기")
    form = PayAccountForm(initial={"holder": person.name})
    return _account_page(request, person, form, 200, own=False, revealed=number)


@login_required
def my_pay_account(request):
    require(access_own_person_record(request.user), "시민 계정에서만 쓸 수 있는 화면입니다.")
    person = selectors.person_of_user(user=request.user)
    if person is None:  # nothing to pay into yet: the page says to register first
        return render(request, "people/pay_account.html", {"own": True, "person": None})
    url = reverse("people:my_pay_account")

    def save(data):
        account = services.pay_account_set(actor=request.user, person=person, **data)
        _log(request, "change", [person.pk], "본인 급여 계좌 입력")
        return _account_saved(account), url

    def page(form, status):
        _log(request, "view", [person.pk], "본인 급여 계좌 조회")
        return _account_page(request, person, form, status, own=True)

    form = PayAccountForm(request.POST or None, initial={"holder": person.name})
    return service_step(request, save, form=form, render_page=page)
