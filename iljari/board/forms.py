"""The board's forms: they only parse; board.services checks and writes."""

from __future__ import annotations

from django import forms

from iljari.board.models import FaqEntry, Notice
from iljari.board.selectors import FAQ_STATES, NOTICE_STATES
from iljari.core.forms import KrdsFormMixin


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class NoticeForm(KrdsFormMixin, forms.Form):
    title = forms.CharField(label="제목", max_length=200)
    category = forms.ChoiceField(label="분류", choices=Notice.Category.choices)
    body = forms.CharField(label="내용", max_length=20000, widget=forms.Textarea(attrs={"rows": 10}))
    pinned = forms.BooleanField(label="목록 맨 위에 고정합니다", required=False)
    posted_from = forms.DateTimeField(
        label="게시 시작", required=False, widget=DateTimeLocalInput(), help_text="비우면 저장하는 때부터 게시합니다."
    )
    posted_until = forms.DateTimeField(
        label="게시 끝", required=False, widget=DateTimeLocalInput(), help_text="비우면 내릴 때까지 게시합니다."
    )
    attachment = forms.FileField(
        label="첨부 파일", required=False, help_text="PDF, JPG, PNG 한 개, 10MB까지. 올리면 이전 파일을 바꿉니다."
    )
    attachment_remove = forms.BooleanField(label="첨부 파일을 뺍니다", required=False)


class FaqForm(KrdsFormMixin, forms.Form):
    category = forms.ChoiceField(label="분류", choices=FaqEntry.Category.choices)
    question = forms.CharField(label="질문", max_length=300)
    answer = forms.CharField(label="답변", max_length=10000, widget=forms.Textarea(attrs={"rows": 6}))
    order = forms.IntegerField(
        label="순서", min_value=0, max_value=999, initial=0, help_text="같은 분류에서 작은 수가 먼저"
    )


class NoticeFilterForm(KrdsFormMixin, forms.Form):
    category = forms.ChoiceField(label="분류", required=False, choices=[("", "모든 분류"), *Notice.Category.choices])
    state = forms.ChoiceField(label="상태", required=False, choices=[("", "모든 상태"), *NOTICE_STATES.items()])

    def chosen(self) -> dict:
        return _chosen(self, ("category", "state"))


class PublicNoticeFilterForm(KrdsFormMixin, forms.Form):
    category = forms.ChoiceField(label="분류", required=False, choices=[("", "모든 분류"), *Notice.Category.choices])

    def chosen(self) -> dict:
        return _chosen(self, ("category",))


class FaqFilterForm(KrdsFormMixin, forms.Form):
    category = forms.ChoiceField(label="분류", required=False, choices=[("", "모든 분류"), *FaqEntry.Category.choices])
    state = forms.ChoiceField(label="상태", required=False, choices=[("", "모든 상태"), *FAQ_STATES.items()])

    def chosen(self) -> dict:
        return _chosen(self, ("category", "state"))


def _chosen(form, names) -> dict:
    """The valid filters of a GET form (an unknown value is dropped, never an error)."""
    if not form.is_bound or not form.is_valid():
        return dict.fromkeys(names, "")
    return {name: form.cleaned_data.get(name) or "" for name in names}
