"""Forms of the training pages: a course month's attendance for all its trainees, the deposit payment, completion,
dropout. They parse; the rules live in participation.training_services."""

from __future__ import annotations

from django import forms

from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.participation.models import Enrolment


class AttendanceMonthForm(KrdsFormMixin, forms.Form):
    """One field per trainee of the month (`attended_<enrolment id>`); a blank field leaves that row alone."""

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = list(rows)
        for row in self.rows:
            self.fields[row.field_name] = forms.IntegerField(
                label=f"{row.enrolment.person.name} 출석일수",
                required=False,
                min_value=0,
                max_value=31,
                initial=row.record.attended_days if row.record else None,
                widget=forms.NumberInput(attrs={"class": "krds-input ilj-cell-input", "inputmode": "numeric"}),
            )

    def attended(self) -> dict[int, int | None]:
        return {row.enrolment.pk: self.cleaned_data.get(row.field_name) for row in self.rows}

    def bound_rows(self):
        """(row, bound field) pairs for the table."""
        return [(row, self[row.field_name]) for row in self.rows]


class DepositPayForm(KrdsFormMixin, forms.Form):
    paid_on = forms.DateField(label="납부일", widget=DateInput())


class EnrolmentCompleteForm(KrdsFormMixin, forms.Form):
    ended_on = forms.DateField(
        label="수료일", required=False, widget=DateInput(), help_text="비워 두면 과정의 훈련 종료일로 기록합니다."
    )


class EnrolmentDropForm(KrdsFormMixin, forms.Form):
    ended_on = forms.DateField(label="탈락일", widget=DateInput())
    reason = forms.ChoiceField(label="중도탈락 사유", choices=[("", "고르십시오"), *Enrolment.DropoutReason.choices])
    note = forms.CharField(label="메모", required=False, max_length=200)


class EnrolForm(forms.Form):
    """Enrolling a call's selected applicants takes no input: the button confirms."""
