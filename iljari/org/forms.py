"""Forms of the org pages: shape of input only; rules live in org.services."""

from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.org.models import District, OrgUnit, Partner


class OrgUnitForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(
        label="코드", max_length=32, help_text="영문 대문자·숫자·하이픈. 만든 뒤에는 바꿀 수 없습니다."
    )
    name = forms.CharField(label="이름", max_length=100)
    kind = forms.ChoiceField(label="구분", choices=OrgUnit.Kind.choices)
    parent = forms.ModelChoiceField(
        label="상위 조직",
        queryset=OrgUnit.objects.exclude(kind=OrgUnit.Kind.TEAM),
        required=False,
        empty_label="(없음)",
    )
    sort_order = forms.IntegerField(label="순서", min_value=0, initial=0)
    functions = forms.CharField(
        label="주요기능", required=False, widget=forms.Textarea(attrs={"rows": 6}), help_text="한 줄에 하나씩 적습니다."
    )
    is_active = forms.BooleanField(label="사용", required=False, initial=True)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["code"].disabled = True
            self.fields["kind"].disabled = True
        else:
            del self.fields["is_active"]


class PartnerForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(
        label="코드", max_length=32, help_text="영문 대문자·숫자·하이픈. 만든 뒤에는 바꿀 수 없습니다."
    )
    name = forms.CharField(label="기관명", max_length=120)
    kind = forms.ChoiceField(label="구분", choices=Partner.Kind.choices)
    district = forms.ModelChoiceField(
        label="소재 자치구", queryset=District.objects.all(), required=False, empty_label="(서울 밖 또는 없음)"
    )
    address = forms.CharField(label="소재지", max_length=200, required=False)
    supervising_unit = forms.ModelChoiceField(
        label="담당 부서",
        queryset=OrgUnit.objects.filter(kind__in=[OrgUnit.Kind.DIVISION, OrgUnit.Kind.TEAM]),
        required=False,
        empty_label="(없음)",
    )
    entrusted_task = forms.CharField(label="위탁·수행 사무", max_length=200, required=False)
    entrusted_from = forms.DateField(label="위탁 시작일", required=False, widget=DateInput())
    entrusted_until = forms.DateField(label="위탁 종료일", required=False, widget=DateInput())
    contact = forms.CharField(label="연락처", max_length=100, required=False)
    note = forms.CharField(label="비고", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    is_active = forms.BooleanField(label="사용", required=False, initial=True)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["code"].disabled = True


class PartnerFilterForm(KrdsFormMixin, forms.Form):
    q = forms.CharField(label="검색어", required=False, max_length=100)
    kind = forms.ChoiceField(label="구분", required=False, choices=[("", "전체"), *Partner.Kind.choices])
    district_code = forms.ChoiceField(label="자치구", required=False)

    def __init__(self, *args, districts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district_code"].choices = [("", "전체"), *[(d.code, d.name) for d in districts]]
