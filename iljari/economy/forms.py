"""The economy's forms: they only parse; economy.services checks and writes."""

from __future__ import annotations

from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.economy.models import MemberDues, NetworkMember, PolicyDialogue, Space, SpaceUse
from iljari.economy.selectors import MEMBER_STATES


def _date(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DateInput(), help_text=help_text)


class MemberForm(KrdsFormMixin, forms.Form):
    name = forms.CharField(label="회원 이름", max_length=200)
    kind = forms.ChoiceField(label="구분", choices=NetworkMember.Kind.choices)
    country = forms.CharField(label="나라", max_length=100, required=False)
    city = forms.CharField(label="도시", max_length=100, required=False)
    joined_on = _date("가입일")
    left_on = _date("탈퇴일", required=False, help_text="탈퇴한 회원만 적습니다.")
    note = forms.CharField(label="비고", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DuesForm(KrdsFormMixin, forms.Form):
    year = forms.IntegerField(label="연도", min_value=2000, max_value=2100)
    amount = forms.IntegerField(label="회비", min_value=0, help_text="통화 단위의 정수")
    currency = forms.ChoiceField(label="통화", choices=MemberDues.Currency.choices)
    paid_on = _date("납부일", required=False, help_text="아직 내지 않았으면 비웁니다.")


class DialogueForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(label="코드", max_length=32, help_text="영문·숫자·하이픈, 예: GSEF-ASIA-6")
    title = forms.CharField(label="행사명", max_length=200)
    kind = forms.ChoiceField(label="구분", choices=PolicyDialogue.Kind.choices)
    held_on = _date("시작일")
    ends_on = _date("종료일", required=False)
    place = forms.CharField(label="장소", max_length=200, required=False)
    host = forms.CharField(label="주최", max_length=200, required=False)
    cities = forms.IntegerField(label="참석 도시·단체 수", min_value=0, required=False)
    participants = forms.IntegerField(label="참석 인원", min_value=0, required=False)
    expected = forms.BooleanField(label="아직 열리지 않아 예상한 수입니다", required=False)


class EvidenceForm(KrdsFormMixin, forms.Form):
    criterion = forms.TypedChoiceField(label="기준", coerce=int, choices=())
    what = forms.CharField(label="근거", max_length=300, help_text="예: 공정무역 지원 조례 공포")
    dated_on = _date("날짜")
    document = forms.FileField(label="근거 문서", required=False, help_text="PDF, JPG, PNG 한 개, 10MB까지")

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criterion"].choices = [(c.pk, f"{c.number}. {c.title}") for c in criteria]


class SpaceForm(KrdsFormMixin, forms.Form):
    name = forms.CharField(label="공간 이름", max_length=200)
    kind = forms.ChoiceField(label="구분", choices=Space.Kind.choices)
    district = forms.ChoiceField(label="자치구", required=False, choices=())
    opened_on = _date("개소일", required=False)
    closed_on = _date("폐소일", required=False)
    area = forms.DecimalField(label="면적(㎡)", required=False, min_value=0, max_digits=9, decimal_places=2)
    operator = forms.CharField(label="운영기관", max_length=200, required=False)
    note = forms.CharField(label="비고", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, districts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [("", "없음(시 전체)"), *((d.code, d.name) for d in districts)]


class SpaceUseForm(KrdsFormMixin, forms.Form):
    month = _date("월", help_text="그 달의 아무 날")
    kind = forms.ChoiceField(label="이용 구분", choices=SpaceUse.Kind.choices)
    count = forms.IntegerField(label="이용 건수", min_value=0)


class TenancyForm(KrdsFormMixin, forms.Form):
    business_number = forms.CharField(label="입주 기업·단체 사업자등록번호", max_length=20)
    room = forms.CharField(label="호실", max_length=100, required=False)
    starts_on = _date("입주일")
    ends_on = _date("퇴거일", required=False)


class TenancyEndForm(KrdsFormMixin, forms.Form):
    ends_on = _date("퇴거일")


class SpaceProgrammeForm(KrdsFormMixin, forms.Form):
    title = forms.CharField(label="프로그램명", max_length=200)
    starts_on = _date("시작일")
    ends_on = _date("종료일")
    participants = forms.IntegerField(label="참여 인원", min_value=0, initial=0)


class MemberFilterForm(KrdsFormMixin, forms.Form):
    kind = forms.ChoiceField(label="구분", required=False, choices=[("", "모든 구분"), *NetworkMember.Kind.choices])
    state = forms.ChoiceField(label="상태", required=False, choices=[("", "모든 상태"), *MEMBER_STATES.items()])

    def chosen(self) -> dict:
        return _chosen(self, ("kind", "state"))


class SpaceFilterForm(KrdsFormMixin, forms.Form):
    kind = forms.ChoiceField(label="구분", required=False, choices=[("", "모든 구분"), *Space.Kind.choices])

    def chosen(self) -> dict:
        return _chosen(self, ("kind",))


def _chosen(form, names) -> dict:
    """The valid filters of a GET form (an unknown value is dropped, never an error)."""
    if not form.is_bound or not form.is_valid():
        return dict.fromkeys(names, "")
    return {name: form.cleaned_data.get(name) or "" for name in names}
