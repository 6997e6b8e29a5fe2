from django import forms

from iljari.core.figures import COUNT, MONEY, QUANTITY
from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.org.models import OrgUnit
from iljari.performance.models import Indicator, IndicatorValue, JobKind, JobTarget, TargetGroup, ValidationRule
from iljari.plan.models import Objective, Programme


class IndicatorValueForm(KrdsFormMixin, forms.Form):
    indicator = forms.ModelChoiceField(
        label="지표", queryset=Indicator.objects.filter(numerator__isnull=True, retired_on__isnull=True)
    )
    year = forms.IntegerField(label="연도", min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label="구분", choices=IndicatorValue.Kind.choices)
    as_of = forms.DateField(label="기준일", widget=DateInput())
    value = QUANTITY.form_field(label="값")

    def __init__(self, *args, targets: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not targets:  # division staff record actuals; targets are the office manager's
            self.fields["kind"].choices = [(IndicatorValue.Kind.ACTUAL.value, IndicatorValue.Kind.ACTUAL.label)]


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

    def __init__(self, *args, series=(), formula: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if formula:  # a formula rule's sides are expressions, written as text
            self.fields["left_series"] = forms.CharField(label="왼쪽 식", max_length=300)
            self.fields["right_series"] = forms.CharField(label="오른쪽 식", max_length=300)
            del self.fields["left_sum"], self.fields["right_sum"]
            return
        self.fields["left_series"].choices = series
        self.fields["right_series"].choices = series


def _divisions():
    return OrgUnit.objects.filter(kind=OrgUnit.Kind.DIVISION).order_by("sort_order", "code")


class IndicatorForm(KrdsFormMixin, forms.Form):
    """An indicator's definition: shape only (performance.services.definitions checks the rest)."""

    code = forms.CharField(
        label="코드", max_length=32, help_text="영문 대문자·숫자·하이픈(예: IND-11). 만든 뒤에는 바꿀 수 없습니다."
    )
    name = forms.CharField(label="지표명", max_length=200)
    unit = forms.CharField(label="단위", max_length=20, help_text="명, 천개, 억원, % 처럼 표에 적는 단위")
    field_label = forms.CharField(label="분야명", max_length=60, required=False)
    objective = forms.ModelChoiceField(label="추진목표", queryset=Objective.objects.none(), required=False)
    division = forms.ModelChoiceField(label="담당 부서", queryset=OrgUnit.objects.none(), required=False)
    cumulative = forms.BooleanField(label="누계 지표(해마다 쌓이는 값)", required=False)
    order = forms.IntegerField(label="순서", min_value=0, max_value=32767, initial=0)
    numerator = forms.ModelChoiceField(
        label="분자 지표",
        queryset=Indicator.objects.none(),
        required=False,
        help_text="계산 지표만: 분자 ÷ 분모 × 배수",
    )
    denominator = forms.ModelChoiceField(label="분모 지표", queryset=Indicator.objects.none(), required=False)
    factor = forms.DecimalField(label="배수", max_digits=12, decimal_places=4, initial=1, required=False)

    def __init__(self, *args, editing=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = Objective.objects.select_related("vision").order_by(
            "-vision__year", "number"
        )
        self.fields["objective"].label_from_instance = lambda o: f"{o.vision.year}년 {o.number}. {o.title}"
        self.fields["division"].queryset = _divisions()
        plain = Indicator.objects.filter(numerator__isnull=True, retired_on__isnull=True)
        if editing is not None:
            plain = plain.exclude(pk=editing.pk)
            self.fields["code"].disabled = True
        self.fields["numerator"].queryset = plain
        self.fields["denominator"].queryset = plain


class IndicatorYearValueForm(KrdsFormMixin, forms.Form):
    """A target (any year) or an actual of one indicator."""

    kind = forms.ChoiceField(choices=IndicatorValue.Kind.choices, widget=forms.HiddenInput)
    year = forms.IntegerField(label="연도", min_value=2000, max_value=2100)
    as_of = forms.DateField(label="기준일", widget=DateInput())
    value = QUANTITY.form_field(label="값")


class RetireForm(KrdsFormMixin, forms.Form):
    on = forms.DateField(label="폐지일", widget=DateInput(), required=False, help_text="비워 두면 오늘")


class JobTargetForm(KrdsFormMixin, forms.Form):
    target_group = forms.ChoiceField(label="사업대상", choices=[("", "(없음)"), *TargetGroup.choices], required=False)
    kind = forms.ChoiceField(label="구분", choices=[("", "(없음)"), *JobKind.choices], required=False)
    programme = forms.ModelChoiceField(label="주요업무", queryset=Programme.objects.none(), required=False)
    programme_names = forms.CharField(label="사업명", max_length=300, required=False)
    target = COUNT.form_field(label="목표(개)", required=False)
    budget = MONEY.form_field(label="예산(원)", required=False)
    division = forms.ModelChoiceField(label="실적 관리 부서", queryset=OrgUnit.objects.none(), required=False)
    order = forms.IntegerField(label="순서", min_value=0, max_value=32767, initial=0)

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.filter(objective__vision__year=year).order_by("code")
        self.fields["programme"].label_from_instance = lambda p: f"{p.code} {p.title}"
        self.fields["division"].queryset = _divisions()


class ValidationFormulaForm(KrdsFormMixin, forms.Form):
    """A new rule of kind "formula" (식): its two sides are expressions over the named series."""

    code = forms.CharField(label="코드", max_length=40, help_text="영문 대문자·숫자·하이픈(예: BUD-RATE-JOBS)")
    name = forms.CharField(label="규칙명", max_length=200)
    description = forms.CharField(label="설명", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    area = forms.ChoiceField(label="영역", choices=ValidationRule.Area.choices)
    left_series = forms.CharField(label="왼쪽 식", max_length=300)
    operator = forms.ChoiceField(label="연산자", choices=ValidationRule.Operator.choices)
    right_series = forms.CharField(label="오른쪽 식", max_length=300)
    tolerance = forms.DecimalField(label="허용 오차", min_value=0, max_digits=12, decimal_places=6, initial=0)
    importance = forms.ChoiceField(label="중요도", choices=ValidationRule.Importance.choices, initial="medium")
    missing_values = forms.ChoiceField(label="값이 없을 때", choices=ValidationRule.MissingValues.choices)
    year = forms.IntegerField(label="미리보기 연도", min_value=2000, max_value=2100)
    as_of = forms.DateField(label="미리보기 기준일", widget=DateInput())
