"""The frontline stage of `iljari generate`: service points, consultation topics, consultations and rooms with
their one-hour bookings."""

from __future__ import annotations

from datetime import date, timedelta

from iljari.core.models import User
from iljari.demo.scale.base import DATA_END, PREFIX, Generation
from iljari.frontline.models import Booking, Consultation, ConsultationTopic, Room, ServicePoint


def frontline_stage(run: Generation) -> None:
    rnd = run.random
    division = run.divisions["LABOUR-POLICY"].pk
    jobs_division = run.divisions["JOBS-POLICY"].pk
    kinds = ["job_cafe", "labour_ombudsman", "village_labour_attorney", "labour_rights_advocate",
             "youth_job_centre"]  # fmt: skip
    points = [
        (f"{PREFIX}-SP-{n + 1:03d}", f"합성 창구 {n + 1}", kinds[n % len(kinds)],
         jobs_division if kinds[n % len(kinds)] in {"job_cafe", "youth_job_centre"} else division, 9, 18, 10, 17, 5)
        for n in range(run.scale.service_points)
    ]  # fmt: skip
    run.insert(
        ServicePoint,
        ("code", "name", "kind", "division", "weekday_opens", "weekday_closes", "saturday_opens",
         "saturday_closes", "appointed"),
        points,
    )  # fmt: skip
    point_ids = list(ServicePoint.objects.filter(code__startswith=PREFIX).order_by("code").values_list("pk", flat=True))
    topics = [("임금체불", "wage"), ("부당해고", "dismissal"), ("산업재해", "injury"), ("취업상담", "job"),
              ("직업훈련", "training"), ("창업", "startup"), ("근로계약", "contract"),
              ("기타", "other")]  # fmt: skip
    run.insert(
        ConsultationTopic, ("code", "name", "sort_order"),
        [(f"{PREFIX}-{code}", name, 100 + n) for n, (name, code) in enumerate(topics)],
    )  # fmt: skip
    topic_ids = list(
        ConsultationTopic.objects.filter(code__startswith=PREFIX).order_by("code").values_list("pk", flat=True)
    )
    span = (DATA_END - date(2014, 1, 1)).days + 1

    def consultations():
        for n in range(run.scale.consultations):
            day = date(2014, 1, 1) + timedelta(days=rnd.randrange(span))
            person = run.person_ids[rnd.randrange(len(run.person_ids))] if rnd.random() < 0.6 else None
            outcome = rnd.choices(["closed", "", "referred", "employed"], (70, 15, 10, 5))[0]
            yield (
                point_ids[rnd.randrange(len(point_ids))], day, rnd.choice(["visit", "phone", "online"]), person,
                "" if person else f"익명 {n + 1}", None if person else rnd.randrange(1945, 2001),
                topic_ids[rnd.randrange(len(topic_ids))], outcome,
                "합성 취업처" if outcome == "employed" else "", day if outcome == "employed" else None,
                "고용복지플러스센터" if outcome == "referred" else "",
            )  # fmt: skip

    run.insert(
        Consultation,
        ("service_point", "held_on", "channel", "person", "client_label", "client_birth_year", "topic", "outcome",
         "employer", "employed_on", "referred_to"),
        consultations(),
    )  # fmt: skip
    rooms = [
        (point, f"{PREFIX}-RM-{n + 1:03d}-{k}", f"합성 공간 {n + 1}-{k}", ["study", "seminar"][k - 1], 6 + 6 * k)
        for n, point in enumerate(point_ids)
        for k in (1, 2)
    ]
    run.insert(Room, ("service_point", "code", "name", "kind", "capacity"), rooms)
    room_ids = list(Room.objects.filter(code__startswith=PREFIX).order_by("code").values_list("pk", flat=True))
    days = [date(2014, 1, 1) + timedelta(days=n) for n in range(span)]
    days = [d for d in days if d.weekday() < 5]
    slots = len(days) * 9  # 9:00 to 17:00, one-hour slots
    booker = User.objects.filter(username="citizen").values_list("pk", flat=True).first()
    per_room, extra = divmod(run.scale.bookings, len(room_ids))

    def bookings():
        for index, room in enumerate(room_ids):
            taken = rnd.sample(range(slots), min(slots, per_room + (1 if index < extra else 0)))
            for slot in sorted(taken):
                status = rnd.choices(["checked_in", "no_show", "cancelled"], (85, 5, 10))[0]
                yield room, days[slot // 9], 9 + slot % 9, booker, rnd.randrange(1, 6), "스터디", status

    run.insert(Booking, ("room", "day", "hour", "booked_by", "headcount", "purpose", "status"), bookings())
