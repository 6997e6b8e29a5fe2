from django import forms

from iljari.core.figures import COUNT, QUANTITY
from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.performance.models import Indicator, IndicatorValue, JobTarget, ValidationRule


class IndicatorValueForm(KrdsFormMixin, forms.Form):
    indicator = forms.ModelChoiceField(label="지표", queryset=Indicator.objects.filter(numerator__isnull=True))
    year = forms.IntegerField(label="연도", min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label="구분", choices=IndicatorValue.Kind.choices)
    as_of = forms.DateField(label="기준일", widget=DateInput())
    value = QUANTITY.form_field(label="값")


class JobAchievementForm(KrdsFormMixin, forms.Form):
    job_target = forms.ModelChoiceField(label="일자리 목표", queryset=JobTarget.objects.none())
    as_of = forms.DateField(label="기준일", widget=DateInput())
    achieved = COUNT.form_field(label="실적(개)")

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["job_target"].queryset = JobTarget.objects.filter(year=year, programme__isnull=True)
        self.fields["job_target"].label_from_instance = lambda target: target.label


class ValidationRuleForm(KrdsFormMixin, forms.Form):
    name = forms.CharField(label="규칙명", max_length=200)
    description = forms.CharField(label="설명", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    area = forms.ChoiceField(label="영역", choices=ValidationRule.Area.choices)
    left_series = forms.ChoiceField(label="왼쪽 계열")
    left_sum = forms.BooleanField(label="왼쪽을 합계로", required=False)
    operator = forms.ChoiceField(label="연산자", choices=ValidationRule.Operator.choices)
    right_series = forms.ChoiceField(label="오른쪽 계열")
    right_sum = forms.BooleanField(label="오른쪽을 합계로", required=False)
    tolerance = forms.DecimalField(label="허용 오차", min_value=0, max_digits=12, decimal_places=6)
    importance = forms.ChoiceField(label="중요도", choices=ValidationRule.Importance.choices)
    missing_values = forms.ChoiceField(label="값이 없을 때", choices=ValidationRule.MissingValues.choices)
    is_active = forms.BooleanField(label="사용", required=False)

    def __init__(self, *args, series=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["left_series"].choices = series
        self.fields["right_series"].choices = series
