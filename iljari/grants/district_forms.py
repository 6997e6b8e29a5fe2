"""Forms of the district-project, ecosystem and SIB pages: shape of input only; the rules live in
grants.district_services and grants.sib_services."""

from __future__ import annotations

from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.grants.models import DistrictDecision, DistrictProject, EcosystemSupport, EcosystemTranche
from iljari.performance.models import TargetGroup


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m")


def _month_field(label: str) -> forms.DateField:
    return forms.DateField(label=label, input_formats=["%Y-%m", "%Y-%m-%d"], widget=MonthInput(),
                           help_text="예: 2018-07")  # fmt: skip


def _jobs_fields(form, groups, label: str) -> None:
    for value, text in groups:
        form.fields[f"jobs_{value}"] = forms.IntegerField(label=f"{text} {label}", required=False, min_value=0)


def jobs_of(data: dict) -> dict[str, int]:
    """The jobs_<group> fields of a cleaned form as {group: count}, left-out ones dropped."""
    return {key[5:]: value for key, value in data.items() if key.startswith("jobs_") and value is not None}


class DistrictProjectFilterForm(KrdsFormMixin, forms.Form):
    year = forms.TypedChoiceField(label="연도", required=False, coerce=int, empty_value=None)
    district = forms.TypedChoiceField(label="자치구", required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label="상태", required=False, choices=[("", "전체"), *DistrictProject.Status.choices])
    q = forms.CharField(label="사업명·수행기관", required=False, max_length=100)
    # the work list's link: the projects whose monthly monitoring of this month (YYYY-MM) is not entered
    monitoring_missing = forms.DateField(required=False, input_formats=["%Y-%m"], widget=forms.HiddenInput)

    def __init__(self, *args, years=(), districts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "전체"), *((y, f"{y}년") for y in years)]
        self.fields["district"].choices = [("", "전체"), *((d.pk, d.name) for d in districts)]


class DistrictProjectForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(label="사업코드", max_length=32, help_text="예: 2018-11740-01")
    year = forms.IntegerField(label="연도", min_value=2000, max_value=2100)
    district = forms.ModelChoiceField(label="자치구", queryset=None)
    title = forms.CharField(label="사업명", max_length=200)
    operator = forms.CharField(label="수행기관", max_length=120, required=False)
    is_new = forms.BooleanField(label="신규사업", required=False, help_text="계속사업이면 비워 둡니다.")
    starts_on = forms.DateField(label="사업 시작일", widget=DateInput())
    ends_on = forms.DateField(label="사업 종료일", widget=DateInput())
    budget_total = forms.IntegerField(label="총사업비(원)")
    city_share = forms.IntegerField(label="시비(원)")
    district_share = forms.IntegerField(label="구비(원)")
    city_ratio = forms.IntegerField(label="시비 비율(%)", initial=50, help_text="시·구비 50:50이 원칙")
    ratio_reason = forms.CharField(label="매칭비율 조정 사유", max_length=200, required=False)

    def __init__(self, *args, districts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts
        _jobs_fields(self, TargetGroup.choices, "계획 일자리(개)")


class MonitoringForm(KrdsFormMixin, forms.Form):
    month = _month_field("모니터링 월")
    sales = forms.IntegerField(label="매출(원)", initial=0)
    users = forms.IntegerField(label="이용자 수(명)", initial=0)
    satisfaction = forms.DecimalField(label="수혜자 만족도(0~100점)", required=False)
    note = forms.CharField(label="비고", max_length=300, required=False)

    def __init__(self, *args, groups=(), **kwargs):
        kwargs.setdefault("auto_id", "monitoring_%s")  # several forms share one page: ids must differ
        super().__init__(*args, **kwargs)
        _jobs_fields(self, groups, "채용 일자리(개, 누계)")


class ReviewForm(KrdsFormMixin, forms.Form):
    reviewed_on = forms.DateField(label="중간평가일", widget=DateInput())
    reviewer = forms.CharField(label="평가자", max_length=120, required=False)
    score = forms.DecimalField(label="중간평가 점수(0~100점)")
    findings = forms.CharField(label="평가 의견", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "review_%s")
        super().__init__(*args, **kwargs)


class DecisionForm(KrdsFormMixin, forms.Form):
    decided_on = forms.DateField(label="평가위원회 결정일", widget=DateInput())
    decision = forms.ChoiceField(label="평가위원회 결정", choices=DistrictDecision.Decision.choices)
    note = forms.CharField(label="결정 내용", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "decision_%s")
        super().__init__(*args, **kwargs)


class SummaryForm(KrdsFormMixin, forms.Form):
    year = forms.IntegerField(label="연도", required=False, min_value=2000, max_value=2100)


class EcosystemSupportForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(label="코드", max_length=32)
    district = forms.ModelChoiceField(label="자치구", queryset=None)
    kind = forms.ChoiceField(label="구분", choices=EcosystemSupport.Kind.choices)
    title = forms.CharField(label="사업명", max_length=200)

    def __init__(self, *args, districts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts


class TrancheForm(KrdsFormMixin, forms.Form):
    stage = forms.TypedChoiceField(label="단계", coerce=int, choices=EcosystemTranche.Stage.choices)
    amount = forms.IntegerField(label="지원액(원)")
    starts_on = forms.DateField(label="지원 시작일", widget=DateInput())
    ends_on = forms.DateField(label="지원 종료일", widget=DateInput())


class TrancheEvaluationForm(KrdsFormMixin, forms.Form):
    evaluated_on = forms.DateField(label="평가일", widget=DateInput())
    score = forms.DecimalField(label="평가 점수(0~100점)")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "evaluation_%s")
        super().__init__(*args, **kwargs)


# --- SIB -----------------------------------------------------------------------------------------------------


def _lines(text: str, size: int, label: str, *, last_takes_rest: bool = False) -> list[list[str]]:
    """Lines of comma-separated cells; with `last_takes_rest` the last cell keeps its commas (an amount
    written 700,000,000)."""
    rows = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split(",", size - 1 if last_takes_rest else -1)]
        if len(cells) != size:
            raise forms.ValidationError(f"{label} {number}번째 줄: 쉼표로 나눈 {size}개 항목이어야 합니다.")
        rows.append(cells)
    return rows


class SibContractForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(label="사업코드", max_length=32)
    title = forms.CharField(label="사업명", max_length=200)
    provider_number = forms.CharField(
        label="수행기관 사업자등록번호", max_length=20, help_text="기업·단체에 등록된 번호"
    )
    operator = forms.CharField(label="운영기관", max_length=120, required=False)
    target_population = forms.CharField(label="사업대상", max_length=300)
    starts_on = forms.DateField(label="사업 시작일", widget=DateInput())
    ends_on = forms.DateField(label="사업 종료일", widget=DateInput())
    principal = forms.IntegerField(label="투자 원금(원)")
    threshold_rate = forms.DecimalField(label="최소 달성률(%)", max_digits=5, decimal_places=1)
    cap_rate = forms.DecimalField(label="보상 상한(원금 대비 %)", max_digits=5, decimal_places=1)
    investors = forms.CharField(
        label="투자자", widget=forms.Textarea(attrs={"rows": 3}), help_text="한 줄에 한 투자자: 이름, 투자액(원)"
    )
    metrics = forms.CharField(
        label="성과지표",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="한 줄에 한 지표: 이름, 단위, 기준값, 목표값, 가중치(%)",
    )

    def clean_investors(self):
        rows = _lines(self.cleaned_data["investors"], 2, "투자자", last_takes_rest=True)
        investors = []
        for name, amount in rows:
            digits = amount.replace(",", "").replace("원", "")
            if not digits.isdecimal():
                raise forms.ValidationError(f"투자자 {name}의 투자액을 원 단위 정수로 적으십시오.")
            investors.append({"name": name, "amount": int(digits)})
        return investors

    def clean_metrics(self):
        return [
            {"name": name, "unit": unit, "baseline": baseline, "target": target, "weight": weight}
            for name, unit, baseline, target, weight in _lines(self.cleaned_data["metrics"], 5, "성과지표")
        ]


class SibEvaluationForm(KrdsFormMixin, forms.Form):
    evaluator = forms.CharField(label="평가기관", max_length=120)
    evaluated_on = forms.DateField(label="평가일", widget=DateInput())
    note = forms.CharField(label="평가 의견", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, metrics=(), **kwargs):
        super().__init__(*args, **kwargs)
        for metric in metrics:
            self.fields[f"metric_{metric.pk}"] = forms.DecimalField(
                label=f"{metric.name} 측정값{f'({metric.unit})' if metric.unit else ''}"
            )

    def measured(self) -> dict[int, object]:
        return {int(k[7:]): v for k, v in self.cleaned_data.items() if k.startswith("metric_")}
