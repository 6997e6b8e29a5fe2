"""The 2018 report's counts that participation's records give (performance.record_figures), registered when the
app starts: the public works' participants by half-year, city and districts, and their worksites (Ⅲ 1-⑥), the
technical colleges' trainees in training on the day by track (Ⅲ 1-⑦).

The system's reads (no user: the registry's page is behind the office figures' gate):
- public works: the placements of the year's public-works programme (P1-06) whose work starts in the half
  (상반기 1.1.–6.30., 하반기 7.1.–12.31.), by the worksite's operator (서울시 / 자치구), and the worksites they fill.
  The report prints the second half's 선발 (selected in June, working from 7.1.): its placements are the records
  of that selection, counted as they stand, whatever the as-of day.
- training: the trainees "in training on the day" exactly as `training_selectors.training_figures` counts them
  (entered by the day, neither completed nor dropped before it, the course not ended), by track.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from django.db.models import Q

from iljari.participation.models import Enrolment, Placement, TrainingCourse, Worksite

PUBLIC_WORKS = "P1-06"


def _halves(year: int) -> dict[str, tuple[date, date]]:
    return {"h1": (date(year, 1, 1), date(year, 6, 30)), "h2": (date(year, 7, 1), date(year, 12, 31))}


def public_works_placements(*, year: int, half: str | None = None, operator: str | None = None):
    first, last = (date(year, 1, 1), date(year, 12, 31)) if half is None else _halves(year)[half]
    rows = Placement.objects.filter(
        programme__code=PUBLIC_WORKS, programme__objective__vision__year=year, start_date__range=(first, last)
    )
    return rows if operator is None else rows.filter(worksite__operator=operator)


def in_training(*, year: int, as_of: date, track: str | None = None) -> int:
    rows = Enrolment.objects.filter(
        course__start_date__year=year,
        enrolled_on__lte=as_of,
        course__end_date__gte=as_of,
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=as_of))
    return (rows if track is None else rows.filter(course__track=track)).count()


@cache  # once: a second ready() registers nothing new (a key registered twice with another count is refused)
def register() -> None:
    from iljari.performance.record_figures import RecordFigure, record_figure_register

    def figure(programme, key, label, unit, page, count):
        record_figure_register(
            RecordFigure(key=key, programme=programme, label=label, unit=unit, page=page, count=count)
        )

    sites = "participation:worksite_list"
    operators = {"city": (Worksite.Operator.CITY, "시"), "district": (Worksite.Operator.DISTRICT, "자치구")}
    figure(
        "P1-06",
        "p1-06.participants",
        "공공근로 참여인원",
        "명",
        sites,
        lambda *, year, as_of: public_works_placements(year=year).count(),
    )
    for name, (operator, word) in operators.items():
        figure(
            "P1-06",
            f"p1-06.participants.{name}",
            f"공공근로 참여인원: {word}",
            "명",
            sites,
            lambda *, year, as_of, operator=operator: public_works_placements(year=year, operator=operator).count(),
        )
    for half, word in (("h1", "상반기"), ("h2", "하반기")):
        figure(
            "P1-06",
            f"p1-06.{half}",
            f"공공근로 {word} 선발인원",
            "명",
            sites,
            lambda *, year, as_of, half=half: public_works_placements(year=year, half=half).count(),
        )
        for name, (operator, label) in operators.items():
            short = "구" if name == "district" else label
            figure(
                "P1-06",
                f"p1-06.{half}.{name}",
                f"공공근로 {word} 선발인원: {short}",
                "명",
                sites,
                lambda *, year, as_of, half=half, operator=operator: public_works_placements(
                    year=year, half=half, operator=operator
                ).count(),
            )
            figure(
                "P1-06",
                f"p1-06.{half}.{name}.worksites",
                f"공공근로 {word} 사업장: {short}",
                "개",
                sites,
                lambda *, year, as_of, half=half, operator=operator: (
                    public_works_placements(year=year, half=half, operator=operator)
                    .values("worksite")
                    .distinct()
                    .count()
                ),
            )
    training = "participation:training_figures"
    figure("P1-07", "p1-07.training", "훈련 중인 인원", "명", training, in_training)
    for name, track, word in (
        ("city", TrainingCourse.Track.CITY, "서울시 과정"),
        ("national", TrainingCourse.Track.NATIONAL, "국가 과정"),
    ):
        figure(
            "P1-07",
            f"p1-07.training.{name}",
            f"훈련 중인 인원: {word}",
            "명",
            training,
            lambda *, year, as_of, track=track: in_training(year=year, as_of=as_of, track=track),
        )
