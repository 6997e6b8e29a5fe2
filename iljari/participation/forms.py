"""participation forms: a month picker, the month's work record, ending a placement, an employment outcome,
placing a call's selected applicants, and the living wage."""

from __future__ import annotations

from datetime import date

from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.participation.models import EmploymentOutcome, Placement


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m")


class MonthField(forms.DateField):
    """A month as `YYYY-MM` (what <input type="month"> sends); the first day of that month."""

    widget = MonthInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value.replace(day=1)
        try:
            year, month = (int(part) for part in str(value).strip().split("-")[:2])
            return date(year, month, 1)
        except (TypeError, ValueError):
            raise forms.ValidationError("월을 2018-06 처럼 입력하십시오.", code="invalid") from None


class MonthForm(KrdsFormMixin, forms.Form):
    month = MonthField(label="월")


class WorkRecordForm(KrdsFormMixin, forms.Form):
    month = MonthField(label="월")
    days_worked = forms.IntegerField(label="근무일수", min_value=0, max_value=31)
    hours_worked = forms.DecimalField(label="근무시간", min_value=0, max_digits=6, decimal_places=2)
    paid_leave_hours = forms.DecimalField(
        label="유급휴가 시간", min_value=0, max_digits=5, decimal_places=2, required=False, initial=0
    )
    full_weeks = forms.IntegerField(
        label="주휴 대상 주 수",
        min_value=0,
        max_value=6,
        help_text="소정근로일을 모두 나온 주의 수(주 15시간 이상일 때 주휴수당).",
    )


class PlacementEndForm(KrdsFormMixin, forms.Form):
    ended_on = forms.DateField(label="종료일", widget=DateInput())
    reason = forms.ChoiceField(
        label="중도 포기 사유",
        required=False,
        choices=[("", "만료(사유 없음)"), *Placement.DropoutReason.choices],
        help_text="종료 예정일 전에 끝나면 사유를 고릅니다.",
    )
    note = forms.CharField(label="메모", required=False, max_length=200)


class OutcomeForm(KrdsFormMixin, forms.Form):
    employed_on = forms.DateField(label="취업일", widget=DateInput())
    employer = forms.CharField(label="취업처", max_length=200)
    kind = forms.ChoiceField(label="고용 형태", choices=EmploymentOutcome.Kind.choices)


class PlaceForm(KrdsFormMixin, forms.Form):
    worksites = forms.MultipleChoiceField(
        label="사업장", widget=forms.CheckboxSelectMultiple, help_text="선발자를 고른 사업장에 차례로 나눠 배치합니다."
    )
    start_date = forms.DateField(label="근무 시작일", widget=DateInput())
    end_date = forms.DateField(label="종료 예정일", widget=DateInput())
    quota = forms.ChoiceField(label="선발 구분", required=False)
    over_capacity_reason = forms.CharField(
        label="정원 초과 사유",
        required=False,
        max_length=200,
        help_text=(
            "고른 사업장의 남은 정원보다 선발자가 많을 때에만 적습니다. "
            "총괄과 사업 담당 부서만 정원을 넘길 수 있습니다."
        ),
    )

    field_order = ["quota", "worksites", "start_date", "end_date", "over_capacity_reason"]

    def __init__(self, *args, worksites=(), quotas=(), whole=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worksites"].choices = [
            (w.code, f"{w.name} (정원 / 배치 {w.places:,} / {w.placed:,})") for w in worksites
        ]
        choices = [("", "모든 선발 구분")] if whole else []
        self.fields["quota"].choices = choices + [(str(q.pk), q.name) for q in quotas]
        self.fields["quota"].required = not whole


class LivingWageForm(KrdsFormMixin, forms.Form):
    year = forms.IntegerField(label="연도", min_value=2000, max_value=2100)
    hourly = forms.IntegerField(label="시급(원)", min_value=1)
    note = forms.CharField(label="비고", required=False, max_length=200)
