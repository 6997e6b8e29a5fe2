"""결재 forms: they only parse; approvals.services checks the line and the rules."""

from __future__ import annotations

from django import forms

from iljari.approvals.acts import act_list
from iljari.core.figures import MONEY, NOTE_LENGTH, SEARCH_LENGTH
from iljari.core.roles import Position

REVIEWER_FIELDS = ("reviewer_1", "reviewer_2", "reviewer_3")


def _person_label(user) -> str:
    position = Position(user.position).label if user.position else "직위 없음"
    place = user.org_unit.name if user.org_unit_id else (user.district.name if user.district_id else "")
    return f"{user.name} ({position}{', ' + place if place else ''})"


class DraftForm(forms.Form):
    """The line of a draft: up to three reviewers in order, and the final approver (empty: the drafter's own 전결
    where the rule lets them)."""

    reviewer_1 = forms.TypedChoiceField(label="검토자 1", required=False, coerce=int, empty_value=None)
    reviewer_2 = forms.TypedChoiceField(label="검토자 2", required=False, coerce=int, empty_value=None)
    reviewer_3 = forms.TypedChoiceField(label="검토자 3", required=False, coerce=int, empty_value=None)
    approver = forms.TypedChoiceField(label="결재권자", required=False, coerce=int, empty_value=None)
    note = forms.CharField(
        label="기안 의견", required=False, max_length=NOTE_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, reviewers, approvers, self_approval: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {user.pk: user for user in [*reviewers, *approvers]}
        reviewer_choices = [("", "(없음)")] + [(user.pk, _person_label(user)) for user in reviewers]
        for name in REVIEWER_FIELDS:
            self.fields[name].choices = reviewer_choices
            self.fields[name].widget.attrs["class"] = "krds-form-select"
        empty = "(기안자 전결: 바로 결재됩니다)" if self_approval else "(고르십시오)"
        self.fields["approver"].choices = [("", empty)] + [(user.pk, _person_label(user)) for user in approvers]
        self.fields["approver"].widget.attrs["class"] = "krds-form-select"
        self.fields["note"].widget.attrs["class"] = "krds-input"

    def line(self) -> tuple[list, object]:
        data = self.cleaned_data
        reviewers = [self.people[data[name]] for name in REVIEWER_FIELDS if data.get(name)]
        approver = self.people.get(data["approver"]) if data.get("approver") else None
        return reviewers, approver


class CommentForm(forms.Form):
    comment = forms.CharField(label="의견", required=False, max_length=1000)


class RejectForm(forms.Form):
    reason = forms.CharField(label="반려 사유", required=False, max_length=1000)


class RecallForm(forms.Form):
    reason = forms.CharField(label="회수 사유", required=False, max_length=500)


class BoxForm(forms.Form):
    q = forms.CharField(label="검색", required=False, max_length=SEARCH_LENGTH)


class RuleForm(forms.Form):
    act = forms.ChoiceField(label="결재 종류")
    amount_from = MONEY.form_field(label="금액 이상(원)", required=False, help_text="비우면 하한 없음")
    amount_below = MONEY.form_field(label="금액 미만(원)", required=False, help_text="비우면 상한 없음")
    position = forms.ChoiceField(label="결재권자 직위", choices=Position.choices)
    note = forms.CharField(label="근거", required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["act"].choices = [(act.code, act.label) for act in act_list()]
        for name in ("act", "position"):
            self.fields[name].widget.attrs["class"] = "krds-form-select"
        for name in ("amount_from", "amount_below", "note"):
            self.fields[name].widget.attrs["class"] = "krds-input"
