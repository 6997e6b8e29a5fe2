"""Forms of the fund pages: shape of input only; the rules live in fund.services."""

from __future__ import annotations

from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.fund.models import DefermentRequest, Loan, Notice


class LoanFilterForm(KrdsFormMixin, forms.Form):
    q = forms.CharField(label="융자번호·차주·사업자등록번호", required=False, max_length=100)
    status = forms.ChoiceField(label="상태", required=False, choices=[("", "전체"), *Loan.Status.choices])
    purpose = forms.ChoiceField(label="용도", required=False, choices=[("", "전체"), *Loan.Purpose.choices])
    # the work list's link: the loans due within a week of `on`, or behind on it
    due = forms.ChoiceField(
        label="상환 일정",
        required=False,
        choices=[("", "전체"), ("week", "7일 안에 상환일"), ("overdue", "연체")],
    )
    on = forms.DateField(required=False, widget=forms.HiddenInput)


class AsOfForm(KrdsFormMixin, forms.Form):
    as_of = forms.DateField(label="기준일", required=False, widget=DateInput())


class LoanForm(KrdsFormMixin, forms.Form):
    number = forms.CharField(label="융자번호", max_length=32)
    borrower_number = forms.CharField(label="차주 사업자등록번호", max_length=20, help_text="기업·단체에 등록된 번호")
    agreement = forms.ModelChoiceField(label="수행기관 협약", queryset=None)
    purpose = forms.ChoiceField(label="용도", choices=Loan.Purpose.choices)
    principal = forms.IntegerField(label="융자 원금(원)")
    annual_rate = forms.DecimalField(label="대출금리(연 %)", max_digits=6, decimal_places=3)
    term_months = forms.IntegerField(label="융자 기간(개월)")
    grace_months = forms.IntegerField(label="거치기간(개월)", initial=0)
    method = forms.ChoiceField(label="상환방법", choices=Loan.Method.choices)

    def __init__(self, *args, agreements=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = agreements


class DisburseForm(KrdsFormMixin, forms.Form):
    on = forms.DateField(label="실행일", widget=DateInput())


class RepaymentForm(KrdsFormMixin, forms.Form):
    received_on = forms.DateField(label="입금일", widget=DateInput())
    amount = forms.IntegerField(label="입금액(원)")
    reference = forms.CharField(label="거래 고유번호", max_length=64, required=False, help_text="은행 거래번호(있으면)")


class DefermentRequestForm(KrdsFormMixin, forms.Form):
    kind = forms.ChoiceField(label="구분", choices=DefermentRequest.Kind.choices)
    months = forms.IntegerField(label="유예·연기 개월")
    requested_on = forms.DateField(label="신청일", widget=DateInput())
    reason = forms.CharField(label="신청 사유", widget=forms.Textarea(attrs={"rows": 2}))


class DecisionForm(KrdsFormMixin, forms.Form):
    held_on = forms.DateField(label="심의위원회 개최일", widget=DateInput())
    decision = forms.ChoiceField(label="결정", choices=[("approve", "승인"), ("reject", "부결")])
    note = forms.CharField(label="결정 내용", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class NoticeBatchForm(KrdsFormMixin, forms.Form):
    kind = forms.ChoiceField(label="구분", choices=Notice.Kind.choices)
    period_start = forms.DateField(label="기간 시작", widget=DateInput())
    period_end = forms.DateField(label="기간 끝", widget=DateInput())
