"""The 취업날개 desk's forms: they parse; the rules live in frontline.services.suits."""

from __future__ import annotations

from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.frontline.models import SuitItem, SuitRental


def _point_choices(points):
    return [(p.code, p.name) for p in points]


class SuitItemForm(KrdsFormMixin, forms.Form):
    service_point = forms.ChoiceField(label="창구")
    code = forms.CharField(label="물품 번호", max_length=32, help_text="영문·숫자·하이픈(-), 예: WINGS-JM-100")
    kind = forms.ChoiceField(label="종류", choices=SuitItem.Kind.choices)
    sex = forms.ChoiceField(label="구분", choices=SuitItem.Sex.choices)
    size = forms.CharField(label="치수", max_length=16, help_text="예: 95, 66, 260")
    colour = forms.CharField(label="색상", max_length=20, required=False)
    note = forms.CharField(label="메모", max_length=200, required=False)

    def __init__(self, *args, points=(), editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_point"].choices = _point_choices(points)
        if editing:
            self.fields["code"].disabled = True
            self.fields["service_point"].disabled = True


class SuitItemStateForm(KrdsFormMixin, forms.Form):
    state = forms.ChoiceField(
        label="상태",
        choices=[(v, label) for v, label in SuitItem.State.choices if v != SuitItem.State.RENTED],
    )
    note = forms.CharField(label="메모(수선·폐기 사유)", max_length=200, required=False)


class SuitRentalForm(KrdsFormMixin, forms.Form):
    service_point = forms.ChoiceField(label="창구")
    visit_on = forms.DateField(label="방문·대여일", widget=DateInput())
    person = forms.IntegerField(label="대여자(등록된 사람 번호)", min_value=1, help_text="사람 목록의 번호")
    items = forms.MultipleChoiceField(label="대여 물품", widget=forms.CheckboxSelectMultiple)
    purpose = forms.CharField(label="용도(면접 기업 등)", max_length=100, required=False)

    def __init__(self, *args, points=(), items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_point"].choices = _point_choices(points)
        self.fields["items"].choices = [
            (item.code, f"{item.code} · {item.get_kind_display()} {item.size} ({item.get_sex_display()})")
            for item in items
        ]


class SuitPickupForm(KrdsFormMixin, forms.Form):
    on = forms.DateField(label="수령일", widget=DateInput())


class SuitReturnForm(KrdsFormMixin, forms.Form):
    returned_on = forms.DateField(label="반납일", widget=DateInput())
    condition_note = forms.CharField(label="반납 상태 메모", max_length=200, required=False)
    repair_items = forms.MultipleChoiceField(
        label="수선이 필요한 물품", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, rental: SuitRental | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if rental is not None:
            self.fields["repair_items"].choices = [
                (item.code, f"{item.code} · {item.get_kind_display()}") for item in rental.items.all()
            ]


class PortalSuitForm(KrdsFormMixin, forms.Form):
    service_point = forms.ChoiceField(label="일자리카페")
    visit_on = forms.DateField(label="방문일(피팅·대여)", widget=DateInput())
    items = forms.MultipleChoiceField(label="빌릴 물품", widget=forms.CheckboxSelectMultiple)
    purpose = forms.CharField(label="용도(면접 기업 등)", max_length=100, required=False)

    def __init__(self, *args, points=(), items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_point"].choices = _point_choices(points)
        self.fields["items"].choices = [
            (
                item.code,
                f"{item.service_point.name} · {item.get_kind_display()} {item.size} ({item.get_sex_display()})",
            )
            for item in items
        ]


class SuitSettingsForm(KrdsFormMixin, forms.Form):
    rental_days = forms.IntegerField(
        label="대여 기간(일)", min_value=1, max_value=30, help_text="방문일을 포함한 날수(3박4일 = 4)"
    )
    rentals_per_year = forms.IntegerField(label="1인 연간 대여 한도(회)", min_value=1, max_value=100)
