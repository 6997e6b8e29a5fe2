"""The committees' forms: they only parse; committees.services checks and writes."""

from __future__ import annotations

from django import forms

from iljari.committees.models import AgendaItem, Committee, Decision, Meeting, Member
from iljari.core.forms import KrdsFormMixin

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CommitteeFilterForm(KrdsFormMixin, forms.Form):
    kind = forms.ChoiceField(label="구분", required=False, choices=[("", "모든 구분"), *Committee.Kind.choices])

    def chosen(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {"kind": ""}
        return {"kind": self.cleaned_data.get("kind") or ""}


class CommitteeForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(label="위원회 코드", max_length=32, help_text="영문 대문자와 하이픈: TRAINING-BOARD")
    name = forms.CharField(label="위원회명", max_length=120)
    kind = forms.ChoiceField(label="구분", choices=Committee.Kind.choices)
    legal_basis = forms.CharField(label="근거", max_length=200, required=False)
    supervising_division = forms.ModelChoiceField(label="소관 부서", queryset=None, required=False)
    programme = forms.ModelChoiceField(label="관련 사업", queryset=None, required=False)
    appointed_seats = forms.IntegerField(label="위촉직 정수", min_value=0, max_value=500, required=False)
    ex_officio_seats = forms.IntegerField(label="당연직 정수", min_value=0, max_value=500, required=False)
    term_months = forms.IntegerField(label="임기(개월)", min_value=1, max_value=120, required=False)
    cadence = forms.CharField(label="개최 주기", max_length=100, required=False, help_text="예: 매월, 분기 1회, 수시")
    established_on = forms.DateField(label="구성일", required=False, widget=DATE)

    def __init__(self, *args, divisions, programmes, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervising_division"].queryset = divisions
        self.fields["programme"].queryset = programmes
        if editing:
            self.fields["code"].disabled = True


class MemberForm(KrdsFormMixin, forms.Form):
    name = forms.CharField(label="성명", max_length=60)
    affiliation = forms.CharField(label="소속·직위", max_length=120, required=False)
    kind = forms.ChoiceField(label="위원 구분", choices=Member.Kind.choices)
    role = forms.ChoiceField(label="직책", choices=Member.Role.choices, initial=Member.Role.MEMBER)
    term_start = forms.DateField(label="임기 시작", widget=DATE)
    term_end = forms.DateField(
        label="임기 끝", required=False, widget=DATE, help_text="비우면 위원회의 임기로 정합니다."
    )


class MemberEndForm(KrdsFormMixin, forms.Form):
    term_end = forms.DateField(label="임기 끝(해촉·사임일)", widget=DATE)


class MeetingForm(KrdsFormMixin, forms.Form):
    held_on = forms.DateField(label="개최일", widget=DATE)
    kind = forms.ChoiceField(label="회의 구분", choices=Meeting.Kind.choices)
    state = forms.ChoiceField(label="상태", choices=[(Meeting.State.PLANNED, "예정"), (Meeting.State.HELD, "개최")])
    place = forms.CharField(label="장소", max_length=120, required=False)
    title = forms.CharField(label="회의명", max_length=160, required=False, help_text="비우면 '제n차 회의'")
    number = forms.IntegerField(label="차수", min_value=1, max_value=9999, required=False, help_text="비우면 다음 차수")


class MeetingStateForm(KrdsFormMixin, forms.Form):
    state = forms.ChoiceField(label="상태", choices=Meeting.State.choices)


class AgendaItemForm(KrdsFormMixin, forms.Form):
    title = forms.CharField(label="안건명", max_length=200)
    kind = forms.ChoiceField(label="안건 구분", choices=AgendaItem.Kind.choices)


class DecisionForm(KrdsFormMixin, forms.Form):
    item = forms.ChoiceField(label="안건")
    result = forms.ChoiceField(label="결과", choices=Decision.Result.choices)
    text = forms.CharField(label="결정 내용", max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    decided_on = forms.DateField(label="의결일", required=False, widget=DATE, help_text="비우면 회의일")
    subject = forms.ChoiceField(label="결정 대상", required=False)

    def __init__(self, *args, subjects=(), items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [(item.pk, str(item)) for item in items]
        self.fields["subject"].choices = [("", "없음(대상 기록 없이 의결만)"), *subjects]


class AttendanceForm(KrdsFormMixin, forms.Form):
    member = forms.ChoiceField(label="위원")
    present = forms.BooleanField(label="참석", required=False, initial=True)
    allowance = forms.IntegerField(label="참석수당(원)", min_value=0, max_value=10_000_000, initial=0)
    paid = forms.BooleanField(label="지급", required=False)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [(m.pk, f"{m.name} ({m.get_kind_display()})") for m in members]


class MinutesForm(KrdsFormMixin, forms.Form):
    minutes = forms.FileField(label="회의록", help_text="PDF, HWP, HWPX 한 개, 20MB까지. 올리면 이전 파일을 바꿉니다.")


class AsOfForm(KrdsFormMixin, forms.Form):
    as_of = forms.DateField(label="기준일", required=False, widget=DATE)
