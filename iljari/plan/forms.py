"""plan forms: they parse the pages' input into what the services take; the rules live in plan.services."""

from __future__ import annotations

import re

from django import forms

from iljari.core.figures import MONEY, NOTE_LENGTH
from iljari.core.forms import DateInput, KrdsFormMixin
from iljari.plan.models import Milestone, ProgrammeBlock


class VisionForm(KrdsFormMixin, forms.Form):
    statement = forms.CharField(label="비전", max_length=200)


class ObjectiveForm(KrdsFormMixin, forms.Form):
    number = forms.IntegerField(label="번호", min_value=1, max_value=99)
    title = forms.CharField(label="추진목표", max_length=200)


class CoreTaskForm(KrdsFormMixin, forms.Form):
    title = forms.CharField(label="핵심과제", max_length=200)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ProgrammeForm(KrdsFormMixin, forms.Form):
    """A programme's place and text. On the edit page the code is fixed (it names the programme in URLs and
    sheets); the place fields are shown to the office manager only (`place=False` drops them)."""

    objective = forms.ModelChoiceField(label="추진목표", queryset=None, empty_label="추진목표를 고르십시오")
    core_task = forms.ModelChoiceField(label="핵심과제", queryset=None, required=False, empty_label="(없음)")
    number = forms.IntegerField(label="번호", min_value=1, max_value=99, help_text="추진목표 안의 차례(①②…)")
    code = forms.CharField(label="코드", max_length=32, help_text="예: P1-04. 만든 뒤에는 바꾸지 않습니다.")
    title = forms.CharField(label="사업명", max_length=200)
    division = forms.ModelChoiceField(label="담당 부서", queryset=None, empty_label="부서를 고르십시오")
    purposes = forms.CharField(
        label="목적(◆)", required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="한 줄에 하나씩 적습니다."
    )
    budget = MONEY.form_field(label="소요예산(원)", required=False)
    budget_note = forms.CharField(label="예산 비고", max_length=200, required=False, help_text="예: 시비, 국비 포함")

    def __init__(self, *args, objectives, core_tasks, divisions, place: bool = True, new: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = objectives
        self.fields["core_task"].queryset = core_tasks
        self.fields["core_task"].label_from_instance = lambda task: f"{task.objective.number}-{task.order} {task.title}"
        self.fields["division"].queryset = divisions
        if not new:
            del self.fields["code"]
        if not place:
            for name in ("objective", "core_task", "number", "title", "division"):
                del self.fields[name]

    def clean_purposes(self) -> list[str]:
        return _lines(self.cleaned_data.get("purposes"))


class FactForm(KrdsFormMixin, forms.Form):
    label = forms.CharField(label="항목", max_length=100)
    value = forms.CharField(label="내용", required=False, max_length=NOTE_LENGTH)
    notes = forms.CharField(
        label="세부 내용", required=False, max_length=NOTE_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )


class MilestoneForm(KrdsFormMixin, forms.Form):
    title = forms.CharField(label="내용", max_length=300)
    # a blank first choice: a row left blank is not "changed", so the formset skips it
    state = forms.ChoiceField(label="상태", choices=[("", "고르십시오"), *Milestone.State.choices])
    precision = forms.ChoiceField(label="날짜 단위", choices=[("", "고르십시오"), *Milestone.Precision.choices])
    start = forms.DateField(label="시작", required=False, widget=DateInput())
    end = forms.DateField(label="종료", required=False, widget=DateInput())
    open_ended = forms.BooleanField(label="계속(끝 없음)", required=False)
    label = forms.CharField(label="시기 표현", max_length=60, required=False, help_text="날짜 없음일 때: 하반기 중")
    done_on = forms.DateField(label="완료일", required=False, widget=DateInput())
    details = forms.CharField(
        label="세부 내용", required=False, max_length=NOTE_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )


class RowFormSet(forms.BaseFormSet):
    """Ordered rows: each row's 순서 (ORDER) sorts them, a ticked 삭제 (DELETE) drops it, a blank added row is
    ignored."""

    def rows(self) -> list[dict]:
        """The rows kept, in their 순서: every row the page was drawn with (unless ticked 삭제) and every added row
        that has something in it."""
        initial = self.initial_form_count()
        kept = [
            form
            for index, form in enumerate(self.forms)
            if (index < initial or form.has_changed()) and not self._should_delete_form(form) and form.cleaned_data
        ]
        kept.sort(key=lambda form: (form.cleaned_data.get("ORDER") is None, form.cleaned_data.get("ORDER") or 0))
        rows = []
        for form in kept:
            row = {k: v for k, v in form.cleaned_data.items() if k not in ("ORDER", "DELETE")}
            for name in ("notes", "details"):
                if name in row:
                    row[name] = _lines(row[name])
            rows.append(row)
        return rows


FactFormSet = forms.formset_factory(FactForm, formset=RowFormSet, extra=1, can_order=True, can_delete=True)
MilestoneFormSet = forms.formset_factory(MilestoneForm, formset=RowFormSet, extra=1, can_order=True, can_delete=True)


class BudgetLinesForm(KrdsFormMixin, forms.Form):
    budget_lines = forms.ModelMultipleChoiceField(
        label="연결할 예산 사업", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget_lines"].queryset = lines
        self.fields["budget_lines"].label_from_instance = lambda line: (
            f"{line.code} {line.name} ({line.get_source_display()})"
        )


SPAN = re.compile(r"\{\s*(열|행)\s*(\d+)\s*\}")


def parse_rows(text: str) -> list[list[dict]]:
    """Table rows typed one per line, cells divided by `|`; `{열 2}` after a cell's text spans two columns,
    `{행 3}` three rows: "구분{열 2} | 합계" → [[{"text": "구분", "colspan": 2, "rowspan": 1}, {"text": "합계", ...}]].
    """
    rows = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        row = []
        for raw in line.split("|"):
            spans = {"열": 1, "행": 1}
            for word, number in SPAN.findall(raw):
                spans[word] = int(number)
            row.append({"text": SPAN.sub("", raw).strip(), "colspan": spans["열"], "rowspan": spans["행"]})
        rows.append(row)
    return rows


def rows_text(rows) -> str:
    """The inverse of parse_rows, for the edit form (plan.selectors.TextCell rows)."""
    lines = []
    for row in rows:
        cells = []
        for cell in row:
            spans = (f"{{열 {cell.colspan}}}" if cell.colspan > 1 else "") + (
                f"{{행 {cell.rowspan}}}" if cell.rowspan > 1 else ""
            )
            cells.append(f"{cell.text}{spans}")
        lines.append(" | ".join(cells))
    return "\n".join(lines)


class BlockForm(KrdsFormMixin, forms.Form):
    kind = forms.ChoiceField(label="종류", choices=ProgrammeBlock.Kind.choices)
    marker = forms.ChoiceField(label="기호", choices=ProgrammeBlock.Marker.choices, required=False)
    level = forms.IntegerField(label="들여쓰기", min_value=0, max_value=4, initial=0)
    text = forms.CharField(
        label="내용",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="문단의 글. 표와 흐름도에서는 그 위에 적는 글(없어도 됩니다). {소요예산}은 소요예산 값으로 바뀝니다.",
    )
    title = forms.CharField(label="표 제목", required=False, max_length=200)
    unit_line = forms.CharField(label="단위·기준", required=False, max_length=200, help_text="예: (단위 : 백만원)")
    head = forms.CharField(
        label="머리행",
        required=False,
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="한 줄에 한 행, 칸은 | 로 나눕니다. 칸 뒤에 {열 2}를 쓰면 두 칸을, {행 2}를 쓰면 두 행을 합칩니다.",
    )
    body = forms.CharField(label="본문행", required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 5}))
    notes = forms.CharField(
        label="표 아래 참고",
        required=False,
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="한 줄에 하나씩(※ …).",
    )
    steps = forms.CharField(
        label="흐름도 단계",
        required=False,
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="한 줄에 한 단계씩 적습니다.",
    )

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "marker": data.get("marker") or "",
            "level": data.get("level") or 0,
            "text": data.get("text") or "",
            "title": data.get("title") or "",
            "unit_line": data.get("unit_line") or "",
            "notes": _lines(data.get("notes")),
            "head": parse_rows(data.get("head")),
            "body": parse_rows(data.get("body")),
            "steps": _lines(data.get("steps")),
        }
