"""The entrusted pages' forms: they only parse; entrusted.services checks and writes."""

from __future__ import annotations

from django import forms

from iljari.core.figures import MONEY, OFFICE_DATE, SCORE, YEAR
from iljari.core.forms import KrdsFormMixin
from iljari.entrusted.models import Contract, Facility, RenewalStep, YearBudget
from iljari.entrusted.selectors import STATE_FILTERS, division_choices, trustee_choices


class FacilityForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(label="시설 코드", max_length=40, help_text="영문 대문자, 숫자, -, _ (예: EAST)")
    name = forms.CharField(label="시설명", max_length=120)
    kind = forms.ChoiceField(label="시설 구분", choices=Facility.Kind.choices)
    division = forms.ModelChoiceField(label="담당 부서", queryset=None, empty_label="담당 부서를 고르십시오")
    address = forms.CharField(label="소재지", max_length=200, required=False)
    entrusted_task = forms.CharField(label="위탁사무", max_length=300, required=False)
    note = forms.CharField(label="비고", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["division"].queryset = division_choices()
        if editing:
            del self.fields["code"]


class ContractForm(KrdsFormMixin, forms.Form):
    trustee = forms.ModelChoiceField(label="수탁기관", queryset=None, empty_label="수탁기관을 고르십시오")
    term_start = OFFICE_DATE.form_field(
        label="위탁 시작일", required=False, help_text="모르면 시작일과 종료일을 비웁니다."
    )
    term_end = OFFICE_DATE.form_field(label="위탁 종료일", required=False)
    signed_on = OFFICE_DATE.form_field(label="협약일", required=False)
    state = forms.ChoiceField(label="상태", choices=Contract.State.choices)
    amount_per_year = MONEY.form_field(label="연간 위탁금(원)", required=False)
    note = forms.CharField(label="비고", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trustee"].queryset = trustee_choices()


class BudgetForm(KrdsFormMixin, forms.Form):
    year = YEAR.form_field(label="연도")
    budget = MONEY.form_field(label="예산(원)")


class SettlementForm(KrdsFormMixin, forms.Form):
    settled_amount = MONEY.form_field(label="정산액(원)")
    settled_on = OFFICE_DATE.form_field(label="정산일")
    settlement = forms.ChoiceField(
        label="정산 상태",
        choices=[(v, label) for v, label in YearBudget.Settlement.choices if v != YearBudget.Settlement.PENDING],
    )


class EvaluationForm(KrdsFormMixin, forms.Form):
    year = YEAR.form_field(label="평가 연도")
    score = SCORE.form_field(label="점수(0~100)")
    grade = forms.CharField(label="등급", max_length=20, required=False)
    evaluated_on = OFFICE_DATE.form_field(label="평가일")
    note = forms.CharField(label="비고", max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}))


class StepForm(KrdsFormMixin, forms.Form):
    kind = forms.TypedChoiceField(label="단계", choices=RenewalStep.Kind.choices, coerce=int)
    round = forms.IntegerField(label="차수", min_value=1, max_value=99, initial=1)
    due_on = OFFICE_DATE.form_field(label="기한")
    ending_contract = forms.ModelChoiceField(label="끝나는 계약", queryset=None, required=False, empty_label="없음")
    contract = forms.ModelChoiceField(label="이어지는 계약", queryset=None, required=False, empty_label="없음")
    result = forms.CharField(label="결과·메모", max_length=300, required=False)

    def __init__(self, *args, contracts=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("ending_contract", "contract"):
            self.fields[name].queryset = contracts
            self.fields[name].label_from_instance = _contract_label


class StepDoneForm(KrdsFormMixin, forms.Form):
    done_on = OFFICE_DATE.form_field(label="한 날")
    result = forms.CharField(label="결과", max_length=300, required=False)


def _contract_label(contract) -> str:
    term = f"{contract.term_start:%Y.%m.%d}~{contract.term_end:%Y.%m.%d}" if contract.term_start else "기간 미기재"
    return f"{contract.trustee.name} ({term}, {contract.get_state_display()})"


class FacilityFilterForm(KrdsFormMixin, forms.Form):
    kind = forms.ChoiceField(label="시설 구분", required=False, choices=[("", "모든 구분"), *Facility.Kind.choices])
    division = forms.ChoiceField(label="담당 부서", required=False)
    state = forms.ChoiceField(label="계약 상태", required=False, choices=[("", "모든 상태"), *STATE_FILTERS.items()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["division"].choices = [("", "모든 부서")] + [(u.code, u.name) for u in division_choices()]

    def chosen(self) -> dict:
        names = ("kind", "division", "state")
        if not self.is_bound or not self.is_valid():
            return dict.fromkeys(names, "")
        return {name: self.cleaned_data.get(name) or "" for name in names}


class EndingForm(KrdsFormMixin, forms.Form):
    on = OFFICE_DATE.form_field(label="기준일", required=False)
    within = forms.IntegerField(label="며칠 안에(일)", min_value=1, max_value=3650, required=False, initial=365)
