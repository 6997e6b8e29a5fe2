"""The social economy's centres record their kinds of support as consultations (경영지원, 창업코칭, 성장 지원, 아카데미
교육 지원) and nothing else; the emotional-labour centre records nothing before it opens. Each refusal is in Korean
and writes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import Model

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.frontline import services
from iljari.frontline.models import Consultation, Programme, ServicePoint
from iljari.org.models import OrgUnit, Partner


@pytest.fixture
def centres(frontline, personas):
    social = OrgUnit.objects.get(code="SOCIAL-ECONOMY")
    labour = OrgUnit.objects.get(code="LABOUR-POLICY")
    coop = ServicePoint.objects.create(
        code="COOP",
        name="서울시협동조합지원센터",
        kind=ServicePoint.Kind.COOP_CENTRE,
        division=social,
        partner=Partner.objects.get(code="TTI-EAST"),  # the partner persona's partner runs it here
        weekday_opens=9,
        weekday_closes=18,
    )
    emotional = ServicePoint.objects.create(
        code="EMOTIONAL",
        name="서울시 감정노동보호센터",
        kind=ServicePoint.Kind.EMOTIONAL_LABOUR_CENTRE,
        division=labour,
        opened_on=date(2018, 8, 1),
        weekday_opens=9,
        weekday_closes=18,
    )
    return {"coop": coop, "emotional": emotional, "topic": frontline["topic"], "youth": frontline["centre"]}


def _record(point, topic, actor=None, **extra) -> Model:
    values = dict(
        actor=actor,
        service_point=point,
        held_on=date(2018, 5, 2),
        channel="tailored",
        topic=topic,
        client_label="조합-1",
    )
    return services.consultation_record(**values | extra)


def test_the_coop_centre_records_coaching_and_growth_support(centres, personas):
    partner = personas[Role.PARTNER_AGENCY]
    for service in ("consultation", "startup_coaching", "growth_support"):
        assert _record(centres["coop"], centres["topic"], partner, service=service).service == service


def test_a_service_a_point_does_not_give_is_refused(centres):
    before = Consultation.objects.count()
    with pytest.raises(ValidationFailed) as error:
        _record(centres["coop"], centres["topic"], service="academy_support")
    assert error.value.field_errors["service"] == [
        "서울시협동조합지원센터는 아카데미 교육 지원 기록을 하지 않는 창구입니다."
    ]
    with pytest.raises(ValidationFailed) as error:
        _record(centres["youth"], centres["topic"], service="management", channel="visit")
    assert "경영지원 기록을 하지 않는" in error.value.field_errors["service"][0]
    with pytest.raises(ValidationFailed):
        _record(centres["coop"], centres["topic"], service="nonsense")
    assert Consultation.objects.count() == before


def test_another_partners_or_the_offices_staff_cannot_record_at_a_partners_centre(centres, personas):
    for role in (Role.OFFICE_MANAGER, Role.DIVISION_STAFF, Role.AUDITOR):
        with pytest.raises(NotAllowed):
            _record(centres["coop"], centres["topic"], personas[role])


def test_the_emotional_labour_centre_records_from_its_opening_day(centres, personas):
    labour = personas[Role.DIVISION_STAFF]
    labour.org_unit = OrgUnit.objects.get(code="LABOUR-POLICY")
    labour.save(update_fields=["org_unit"])
    with pytest.raises(ValidationFailed) as error:
        _record(centres["emotional"], centres["topic"], labour, channel="phone")
    assert error.value.field_errors["held_on"][0].startswith("서울시 감정노동보호센터는 2018.8.1.에 문을 열었습니다.")
    done = _record(centres["emotional"], centres["topic"], labour, channel="phone", held_on=date(2018, 9, 3))
    assert done.pk
    healing = Programme.objects.create(
        code="HEAL",
        title="치유프로그램",
        kind=Programme.Kind.HEALING,
        service_point=centres["emotional"],
        division=centres["emotional"].division,
    )
    with pytest.raises(ValidationFailed) as error:
        services.session_set(actor=None, programme=healing, title="1회", day=date(2018, 7, 2), starts=14, capacity=20)
    assert "2018.8.1.에 문을 엽니다" in error.value.field_errors["day"][0]
    assert services.session_set(
        actor=None, programme=healing, title="1회", day=date(2018, 9, 3), starts=14, capacity=20
    ).pk
