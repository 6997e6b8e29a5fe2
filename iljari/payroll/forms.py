"""payroll forms: parse only (the services check the rules)."""

from __future__ import annotations

from django import forms

from iljari.core.forms import KrdsFormMixin
from iljari.payroll.models import Insurance, Rounding


class InsuranceRateForm(KrdsFormMixin, forms.Form):
    insurance = forms.ChoiceField(label="보험", choices=Insurance.choices)
    industry = forms.CharField(label="사업 종류(산재보험)", required=False, max_length=60)
    valid_from = forms.DateField(label="적용 시작일", widget=forms.DateInput(attrs={"type": "date"}))
    valid_to = forms.DateField(label="적용 종료일", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    worker_rate = forms.DecimalField(label="근로자 요율(%)", max_digits=7, decimal_places=4)
    employer_rate = forms.DecimalField(label="사업주 요율(%)", max_digits=7, decimal_places=4)
    employer_extra_rate = forms.DecimalField(
        label="사업주 추가 요율(%, 고용안정·직업능력개발)", max_digits=7, decimal_places=4, required=False
    )
    base_floor = forms.IntegerField(label="기준소득월액 하한(원)", required=False, min_value=0)
    base_ceiling = forms.IntegerField(label="기준소득월액 상한(원)", required=False, min_value=0)
    rounding = forms.ChoiceField(label="끝수 처리", choices=Rounding.choices)
    min_month_hours = forms.IntegerField(label="월 소정근로시간 하한", min_value=0, max_value=400, initial=0)
    min_contract_days = forms.IntegerField(label="근로계약 기간 하한(일)", min_value=0, max_value=400, initial=0)
    age_limit = forms.IntegerField(label="적용 제외 나이", required=False, min_value=0, max_value=120)
    source = forms.CharField(label="법적 근거", max_length=300)

    def clean_employer_extra_rate(self):
        return self.cleaned_data.get("employer_extra_rate") or 0


class IncomeTaxRuleForm(KrdsFormMixin, forms.Form):
    valid_from = forms.DateField(label="적용 시작일", widget=forms.DateInput(attrs={"type": "date"}))
    valid_to = forms.DateField(label="적용 종료일", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    simple_table = forms.CharField(label="간이세액표 개정 연도", max_length=4)
    daily_deduction = forms.IntegerField(label="일용근로 1일 공제액(원)", min_value=0)
    daily_rate = forms.DecimalField(label="일용근로 세율(%)", max_digits=5, decimal_places=2)
    daily_credit = forms.DecimalField(label="일용근로 세액공제율(%)", max_digits=5, decimal_places=2)
    small_amount = forms.IntegerField(label="소액부징수 기준(원)", min_value=0)
    local_rate = forms.DecimalField(label="지방소득세율(%)", max_digits=5, decimal_places=2)
    daily_contract_days = forms.IntegerField(label="일용근로 계약 기간(일)", min_value=1, max_value=400)
    source = forms.CharField(label="법적 근거", max_length=300)
