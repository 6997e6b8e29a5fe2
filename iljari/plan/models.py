"""The plan: vision → objectives → core tasks, and the programmes (주요업무) with their facts and milestones."""

from __future__ import annotations

import calendar
from datetime import date

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iljari.core.models import RetirableModel, TimeStampedModel


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class Vision(TimeStampedModel):
    year = models.PositiveSmallIntegerField(_("연도"), unique=True)
    statement = models.CharField(_("비전"), max_length=200)

    class Meta:
        verbose_name = _("비전")
        verbose_name_plural = _("비전")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year} {self.statement}"


class Objective(RetirableModel):
    """추진목표; also the sections of part Ⅲ of the business report."""

    vision = models.ForeignKey(Vision, on_delete=models.CASCADE, related_name="objectives", verbose_name=_("비전"))
    number = models.PositiveSmallIntegerField(_("번호"))
    title = models.CharField(_("추진목표"), max_length=200)

    class Meta:
        verbose_name = _("추진목표")
        verbose_name_plural = _("추진목표")
        ordering = ["vision", "number"]
        constraints = [models.UniqueConstraint(fields=["vision", "number"], name="objective_unique_number")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class CoreTask(RetirableModel):
    objective = models.ForeignKey(
        Objective, on_delete=models.CASCADE, related_name="core_tasks", verbose_name=_("추진목표")
    )
    order = models.PositiveSmallIntegerField(_("순서"))
    title = models.CharField(_("핵심과제"), max_length=200)

    class Meta:
        verbose_name = _("핵심과제")
        verbose_name_plural = _("핵심과제")
        ordering = ["objective", "order"]
        constraints = [models.UniqueConstraint(fields=["objective", "order"], name="core_task_unique_order")]

    def __str__(self) -> str:
        return self.title


class Programme(RetirableModel):
    """A 주요업무: belongs to a division, has purposes (◆), overview facts, milestones and a budget."""

    objective = models.ForeignKey(
        Objective, verbose_name=_("추진목표"), on_delete=models.PROTECT, related_name="programmes"
    )
    number = models.PositiveSmallIntegerField(_("번호"))
    code = models.CharField(_("코드"), max_length=32, unique=True)
    title = models.CharField(_("사업명"), max_length=200)
    division = models.ForeignKey(
        "org.OrgUnit", verbose_name=_("담당 부서"), on_delete=models.PROTECT, related_name="programmes"
    )
    core_task = models.ForeignKey(
        CoreTask,
        verbose_name=_("핵심과제"),
        on_delete=models.PROTECT,
        related_name="programmes",
        null=True,
        blank=True,
    )
    purposes = models.TextField(_("목적(◆)"), blank=True, help_text=_("한 줄에 하나씩 적습니다."))
    budget = models.BigIntegerField(_("소요예산(원)"), null=True, blank=True)
    budget_note = models.CharField(_("예산 비고"), max_length=200, blank=True)
    budget_lines = models.ManyToManyField(
        "finance.BudgetLine", verbose_name=_("예산 사업"), blank=True, related_name="programmes"
    )

    class Meta:
        verbose_name = _("주요업무")
        verbose_name_plural = _("주요업무")
        ordering = ["objective__vision__year", "objective__number", "number"]
        constraints = [
            models.UniqueConstraint(fields=["objective", "number"], name="programme_unique_number"),
            models.CheckConstraint(
                name="programme_budget_non_negative", condition=Q(budget__isnull=True) | Q(budget__gte=0)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("plan:programme_detail", args=[self.code])

    @property
    def purpose_lines(self) -> list[str]:
        return lines(self.purposes)


class ProgrammeFact(TimeStampedModel):
    """One line of 사업개요: a label and a value, with the lines printed under it."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="facts", verbose_name=_("주요업무"))
    order = models.PositiveSmallIntegerField(_("순서"))
    label = models.CharField(_("항목"), max_length=100)
    value = models.TextField(_("내용"), blank=True)
    notes = models.TextField(_("세부 내용"), blank=True, help_text=_("한 줄에 하나씩 적습니다."))

    class Meta:
        verbose_name = _("사업개요 항목")
        verbose_name_plural = _("사업개요 항목")
        ordering = ["programme", "order"]

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"

    @property
    def note_lines(self) -> list[str]:
        return lines(self.notes)


class Milestone(TimeStampedModel):
    """A step of a programme with its date or period: done (추진현황) or planned (추진계획)."""

    class State(models.TextChoices):
        DONE = "done", _("추진완료")
        PLANNED = "planned", _("추진계획")

    class Precision(models.TextChoices):
        DAY = "day", _("일")
        MONTH = "month", _("월")
        NONE = "none", _("날짜 없음")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("주요업무")
    )
    order = models.PositiveSmallIntegerField(_("순서"))
    title = models.CharField(_("내용"), max_length=300)
    state = models.CharField(_("상태"), max_length=8, choices=State.choices)
    start = models.DateField(_("시작"), null=True, blank=True)
    end = models.DateField(_("종료"), null=True, blank=True)
    precision = models.CharField(_("날짜 단위"), max_length=8, choices=Precision.choices, default=Precision.DAY)
    open_ended = models.BooleanField(_("계속"), default=False)
    label = models.CharField(_("시기(날짜 아닌 표현)"), max_length=60, blank=True)
    details = models.TextField(_("세부 내용"), blank=True)
    done_on = models.DateField(_("완료일"), null=True, blank=True)

    class Meta:
        verbose_name = _("추진일정")
        verbose_name_plural = _("추진일정")
        ordering = ["programme", "order"]
        constraints = [
            models.CheckConstraint(
                name="milestone_period_in_order",
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=models.F("start")),
            ),
            models.CheckConstraint(
                name="milestone_done_has_state", condition=Q(done_on__isnull=True) | Q(state="done")
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def detail_lines(self) -> list[str]:
        return lines(self.details)

    @property
    def due(self) -> date | None:
        """The last day the milestone is meant to be done by (None for open-ended or undated steps)."""
        if self.open_ended:
            return None
        day = self.end or self.start
        if day is None:
            return None
        if self.precision == self.Precision.MONTH:
            return day.replace(day=calendar.monthrange(day.year, day.month)[1])
        return day

    def is_overdue(self, as_of: date) -> bool:
        return self.state == self.State.PLANNED and self.due is not None and self.due < as_of


class ProgrammeBlock(TimeStampedModel):
    """One block of a programme's report text, in its order: a paragraph with its marker (□ ○ - ▶ ※ ・) and depth,
    a table (title, header and body rows of cells, 단위/기준 line, notes under it) or a flow (ordered steps).
    Every report renderer draws the same blocks (plan.selectors.programme_text)."""

    class Kind(models.TextChoices):
        PARAGRAPH = "paragraph", _("문단")
        TABLE = "table", _("표")
        FLOW = "flow", _("흐름도")

    class Marker(models.TextChoices):
        SQUARE = "□", _("□ 대제목")
        CIRCLE = "○", _("○ 항목")
        DASH = "-", _("- 세부")
        ARROW = "▶", _("▶ 강조")
        NOTE = "※", _("※ 참고")
        DOT = "・", _("・ 세세부")
        NONE = "", _("표시 없음")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="blocks")
    order = models.PositiveSmallIntegerField(_("순서"))
    kind = models.CharField(_("종류"), max_length=10, choices=Kind.choices, default=Kind.PARAGRAPH)
    marker = models.CharField(_("기호"), max_length=2, choices=Marker.choices, blank=True, default=Marker.CIRCLE)
    level = models.PositiveSmallIntegerField(_("들여쓰기"), default=0)
    text = models.TextField(_("내용"), blank=True)
    title = models.CharField(_("표 제목"), max_length=200, blank=True)
    unit_line = models.CharField(_("단위·기준"), max_length=200, blank=True, help_text=_("예: (단위 : 백만원)"))
    notes = models.TextField(_("표 아래 참고"), blank=True, help_text=_("한 줄에 하나씩 적습니다(※ …)."))

    class Meta:
        verbose_name = _("주요업무 본문")
        verbose_name_plural = _("주요업무 본문")
        ordering = ["programme", "order", "pk"]  # moving swaps two orders: not unique, so no swap in between
        constraints = [models.CheckConstraint(name="programme_block_level_small", condition=Q(level__lte=4))]

    def __str__(self) -> str:
        head = self.title or self.text
        return f"{self.programme_id}#{self.order} {self.get_kind_display()} {head[:40]}"

    @property
    def note_lines(self) -> list[str]:
        return lines(self.notes)


class ProgrammeBlockCell(TimeStampedModel):
    """A cell of a table block (its header or body rows, by row and column) or a step of a flow block."""

    class Part(models.TextChoices):
        HEAD = "head", _("머리행")
        BODY = "body", _("본문행")
        STEP = "step", _("단계")

    block = models.ForeignKey(ProgrammeBlock, on_delete=models.CASCADE, related_name="cells")
    part = models.CharField(_("구분"), max_length=4, choices=Part.choices)
    row = models.PositiveSmallIntegerField(_("행"))
    column = models.PositiveSmallIntegerField(_("열"))
    text = models.CharField(_("내용"), max_length=500, blank=True)
    colspan = models.PositiveSmallIntegerField(_("열 병합"), default=1)
    rowspan = models.PositiveSmallIntegerField(_("행 병합"), default=1)

    class Meta:
        verbose_name = _("주요업무 본문 칸")
        verbose_name_plural = _("주요업무 본문 칸")
        ordering = ["block", "part", "row", "column"]
        constraints = [
            models.UniqueConstraint(fields=["block", "part", "row", "column"], name="programme_block_cell_unique"),
            models.CheckConstraint(
                name="programme_block_cell_spans",
                condition=Q(colspan__gte=1, colspan__lte=50, rowspan__gte=1, rowspan__lte=200),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_part_display()} {self.row}-{self.column} {self.text[:40]}"
