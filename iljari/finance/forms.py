from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.finance.models import BudgetLine


class BudgetSnapshotForm(KrdsFormMixin, forms.Form):
    line = forms.ModelChoiceField(label="예산 사업", queryset=BudgetLine.objects.none())
    as_of = forms.DateField(label="기준일", widget=DateInput())
    current_budget = forms.IntegerField(label="예산현액(원)", min_value=0)
    committed = forms.IntegerField(label="원인행위액(원)", min_value=0)
    spent = forms.IntegerField(label="지출액(원)", min_value=0)

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = lines
