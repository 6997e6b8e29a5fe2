from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.finance.models import BudgetLine, StaffingQuota
from iljari.org.models import OrgUnit


class BudgetSnapshotForm(KrdsFormMixin, forms.Form):
    line = forms.ModelChoiceField(label="예산 사업", queryset=BudgetLine.objects.none())
    as_of = forms.DateField(label="기준일", widget=DateInput())
    current_budget = forms.IntegerField(label="예산현액(원)", min_value=0)
    committed = forms.IntegerField(label="원인행위액(원)", min_value=0)
    spent = forms.IntegerField(label="지출액(원)", min_value=0)

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = lines


class BudgetLineForm(KrdsFormMixin, forms.Form):
    """A budget line's fields; the year is the page's. The service checks the rules (a unit, a unique code…)."""

    org_unit = forms.ModelChoiceField(label="부서", queryset=OrgUnit.objects.none(), required=False)
    code = forms.CharField(label="코드", max_length=40, required=False, help_text="세부사업 코드(연도마다 하나)")
    name = forms.CharField(label="사업명", max_length=200, required=False)
    source = forms.ChoiceField(label="재원", choices=BudgetLine.Source.choices)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units
        self.fields["org_unit"].error_messages["invalid_choice"] = "부서를 목록에서 고르십시오."
        self.fields["source"].error_messages["invalid_choice"] = "재원은 시비·국비·구비·재원 미구분 중에서 고르십시오."


class RetireForm(KrdsFormMixin, forms.Form):
    retired_on = forms.DateField(label="폐지일", widget=DateInput(), required=False, help_text="비우면 다시 씁니다.")


class StaffingQuotaForm(KrdsFormMixin, forms.Form):
    org_unit = forms.ModelChoiceField(label="부서", queryset=OrgUnit.objects.none(), required=False)
    as_of = forms.DateField(label="기준일", widget=DateInput(), required=False)
    job_series = forms.ChoiceField(label="직종", choices=StaffingQuota.JobSeries.choices)
    grade = forms.ChoiceField(label="직급", choices=[("", "-")] + StaffingQuota.Grade.choices, required=False)
    authorized = forms.IntegerField(label="정원", required=False, help_text="공무직은 비웁니다(정원 외).")
    current = forms.IntegerField(label="현원", required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units


class StaffingCountsForm(KrdsFormMixin, forms.Form):
    authorized = forms.IntegerField(label="정원", required=False, help_text="공무직은 비웁니다(정원 외).")
    current = forms.IntegerField(label="현원", required=False)


class StaffingCopyForm(KrdsFormMixin, forms.Form):
    to_as_of = forms.DateField(label="새 기준일", widget=DateInput())
