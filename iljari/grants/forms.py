"""Forms of the grants pages: shape of input only; the rules live in grants.services."""

from __future__ import annotations

from django import forms

from iljari.core.figures import COUNT, MONEY, OFFICE_DATE, SCORE
from iljari.core.forms import MAX_UPLOAD_BYTES, DateInput, KrdsFormMixin
from iljari.grants.models import Evaluation, GrantAgreement, GrantProgramme, SpendingItem
from iljari.performance.models import JobKind, TargetGroup

SCORE_POINTS = SCORE.integral()  # the evaluation's scores are whole points


class _OwnIds:
    """Several forms share the agreement page: each names its fields' ids with its own prefix (the POST names stay
    the same), so labels and ids stay unique on the page."""

    id_prefix = "f"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class AgreementFilterForm(KrdsFormMixin, forms.Form):
    q = forms.CharField(label="협약번호·사업명·수행기관·사업자등록번호", required=False, max_length=100)
    programme = forms.ChoiceField(label="보조금 사업", required=False)
    status = forms.ChoiceField(label="상태", required=False, choices=[("", "전체"), *GrantAgreement.Status.choices])
    year = forms.IntegerField(label="연도", required=False, min_value=2000, max_value=2100)
    # the work list's link: the signed agreements whose period ended before this day and are not settled
    settle_due = forms.DateField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, programmes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [("", "전체"), *[(p.code, f"{p.year} {p.name}") for p in programmes]]


class AgreementForm(KrdsFormMixin, forms.Form):
    application = forms.ChoiceField(label="선정된 신청", required=False, help_text="공모에서 선정된 기업·단체")
    grantee_number = forms.CharField(
        label="수행기관 사업자등록번호", max_length=20, required=False, help_text="선정된 신청을 고르지 않을 때"
    )
    code = forms.CharField(label="협약번호", max_length=40)
    title = forms.CharField(label="사업명", max_length=200)
    starts_on = OFFICE_DATE.form_field(label="사업 시작일", widget=DateInput())
    ends_on = OFFICE_DATE.form_field(label="사업 종료일", widget=DateInput())
    city_amount = MONEY.form_field(label="시비(원)")
    matched_amount = MONEY.form_field(label="매칭(원)", initial=0, help_text="구비 또는 자부담")
    jobs_planned = COUNT.form_field(label="계획 일자리(명)", initial=0)
    district = forms.ChoiceField(label="자치구", required=False)

    def __init__(self, *args, applications=(), districts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].choices = [
            ("", "선택 안 함"),
            *[(str(a.pk), f"{a.organisation.name} ({a.call.title})") for a in applications],
        ]
        self.fields["district"].choices = [("", "없음"), *[(d.code, d.name) for d in districts]]


class SignForm(_OwnIds, KrdsFormMixin, forms.Form):
    id_prefix = "sign"
    signed_on = forms.DateField(label="협약일", widget=DateInput())


class DisbursementForm(_OwnIds, KrdsFormMixin, forms.Form):
    id_prefix = "disb"
    paid_on = forms.DateField(label="교부일", widget=DateInput())
    amount = MONEY.form_field(label="교부액(원)")
    note = forms.CharField(label="내용", max_length=200, required=False)


class SpendingReportForm(_OwnIds, KrdsFormMixin, forms.Form):
    id_prefix = "report"
    period_end = forms.DateField(label="집행 기준일", widget=DateInput())
    jobs_created = COUNT.form_field(label="채용 인원(명)", initial=0)
    note = forms.CharField(label="내용", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, label in SpendingItem.Category.choices:
            self.fields[f"item_{code}"] = MONEY.form_field(label=f"{label}(원)", required=False)

    def items(self) -> dict[str, int]:
        return {
            code: self.cleaned_data.get(f"item_{code}") or 0
            for code in SpendingItem.Category.values
            if self.cleaned_data.get(f"item_{code}")
        }


class SettlementForm(_OwnIds, KrdsFormMixin, forms.Form):
    id_prefix = "settle"
    settled_on = forms.DateField(label="정산일", widget=DateInput())
    spent = MONEY.form_field(label="집행액(원)")
    returned = MONEY.form_field(label="반납액(원)", initial=0)
    note = forms.CharField(label="정산 내용", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EvaluationForm(_OwnIds, KrdsFormMixin, forms.Form):
    id_prefix = "eval"
    evaluated_on = forms.DateField(label="평가일", widget=DateInput())
    score_plan = SCORE_POINTS.form_field(label="사업계획 달성(점)", help_text="0~100점")
    score_jobs = SCORE_POINTS.form_field(label="일자리 성과(점)", help_text="0~100점")
    score_finance = SCORE_POINTS.form_field(label="예산 집행 적정성(점)", help_text="0~100점")
    decision = forms.ChoiceField(label="결정", choices=Evaluation.Decision.choices)
    next_amount = MONEY.form_field(label="다음 해 시비(원)", required=False, help_text="감액 연장일 때")
    note = forms.CharField(label="의견", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PayrollApproveForm(_OwnIds, KrdsFormMixin, forms.Form):
    id_prefix = "approve"
    paid_on = forms.DateField(label="교부일", widget=DateInput())


class PayrollUploadForm(_OwnIds, KrdsFormMixin, forms.Form):
    id_prefix = "payroll"
    title = forms.CharField(label="제목", max_length=120, initial="인건비 지원 신청")
    file = forms.FileField(label="임금 내역 엑셀 파일(.xlsx)", help_text="내려받은 양식에 적어 올립니다. 5MB까지.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("엑셀(.xlsx) 파일만 올릴 수 있습니다.")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("파일이 5MB보다 큽니다.")
        return upload


class GrantProgrammeForm(KrdsFormMixin, forms.Form):
    code = forms.CharField(label="코드", max_length=40)
    year = forms.IntegerField(label="연도", min_value=2000, max_value=2100)
    name = forms.CharField(label="보조금 사업명", max_length=200)
    kind = forms.ChoiceField(label="구분", choices=GrantProgramme.Kind.choices)
    programme = forms.ChoiceField(label="주요업무")
    budget_line = forms.ChoiceField(label="예산 사업")
    budget = MONEY.form_field(label="사업 예산(원)", required=False)
    matched_source = forms.ChoiceField(label="매칭 재원", choices=GrantProgramme.MatchedSource.choices)
    matched_ratio = forms.DecimalField(label="매칭 비율(총사업비 중 %)", initial=0, max_digits=5, decimal_places=2)
    matched_exact = forms.BooleanField(label="비율 그대로(해제하면 비율 이상)", required=False, initial=True)
    min_amount = MONEY.form_field(label="한 건 최소 시비(원)", required=False)
    max_amount = MONEY.form_field(label="한 건 최대 시비(원)", required=False)
    job_count = forms.ChoiceField(label="일자리 집계", choices=GrantProgramme.JobCount.choices)
    target_group = forms.ChoiceField(label="사업대상", required=False, choices=[("", "없음"), *TargetGroup.choices])
    job_kind = forms.ChoiceField(label="일자리 구분", choices=JobKind.choices, initial=JobKind.INDIRECT)
    wage_share = forms.DecimalField(label="인건비 지원 비율(%)", initial=0, max_digits=5, decimal_places=2)
    wage_cap = forms.IntegerField(
        label="1인 월 인건비 지원 한도(원)", initial=0, min_value=0, help_text="0이면 한도 없음"
    )
    insurance_share = forms.DecimalField(
        label="사업주 사회보험료 지원 비율(%)", initial=0, max_digits=5, decimal_places=2
    )
    note = forms.CharField(label="비고", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, programmes=(), lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [(p.code, str(p)) for p in programmes]
        self.fields["budget_line"].choices = [(line.code, str(line)) for line in lines]
