"""The demo's technical training institutes add up to the 2018 report: 154 departments for 7,298 trainees planned
(서울시 과정 89 for 4,965, 국가 과정 65 for 2,333), 4,046 in training on '18.6.30. (서울시 2,912, 국가 1,134), the 2nd
half's call for 57 departments and 1,960 places (7.9.~8.17.), deposits of up to ₩200,000. Only the report's
figures are written here; everything else is read from the data."""

from datetime import date

import pytest
from django.utils import timezone

from iljari.core.roles import Role
from iljari.demo import training_loader
from iljari.intake.models import Call
from iljari.participation import training_selectors as selectors
from iljari.participation.models import Enrolment, TrainingCourse, TrainingDeposit, TrainingInstitute


@pytest.fixture
def demo_training(personas, dataset_2018):
    training_loader.load_training()
    return personas


def test_the_demo_training_adds_up_to_the_2018_report(demo_training):
    figures = selectors.training_figures(user=demo_training[Role.OFFICE_MANAGER], year=2018, as_of=date(2018, 6, 30))
    city, national = figures.tracks["city"], figures.tracks["national"]
    assert (figures.total.departments, figures.total.capacity) == (154, 7_298)
    assert (city.departments, city.capacity) == (89, 4_965)
    assert (national.departments, national.capacity) == (65, 2_333)
    assert (figures.total.in_training, city.in_training, national.in_training) == (4_046, 2_912, 1_134)
    assert city.completed > 0 and city.refunded > 0 and city.forfeited > 0  # short courses ended before 6.30.
    assert TrainingDeposit.objects.filter(amount__gt=200_000).count() == 0
    assert TrainingCourse.objects.filter(deposit__gt=0).exclude(course_type="short").count() == 0
    trustees = dict(TrainingInstitute.objects.values_list("name", "partner__name"))
    assert trustees == {
        "동부기술교육원": "(학)경복대학교",
        "중부기술교육원": "명지전문대학 산학협력단",
        "북부기술교육원": "(재)한국능력개발원",
        "남부기술교육원": "(사)엘림복지회",
    }
    second = Call.objects.get(code=training_loader.SECOND_HALF)
    local = timezone.localtime
    assert (local(second.opens_at).date(), local(second.closes_at).date()) == (date(2018, 7, 9), date(2018, 8, 17))
    assert second.quotas.count() == 57 and sum(q.places for q in second.quotas.all()) == 1_960
    assert TrainingCourse.objects.filter(quota__call=second).count() == 57
    first = Call.objects.get(code=training_loader.FIRST_HALF)
    assert {r.kind: r.min_value for r in first.eligibility_rules.all()}["age_between"] == 15
    assert {r.kind for r in first.eligibility_rules.all()} == {"age_between", "resides_in_seoul"}
    assert {r.kind for r in first.priority_rules.all()} == {"basic_livelihood_recipient", "veteran"}
    assert first.selection_runs.get().seed == training_loader.SEED
    selected = first.applications.filter(status="selected")
    assert selected.count() == Enrolment.objects.filter(application__call=first).count()
    assert selected.filter(person__district__isnull=True).count() == 0  # Seoul residents only


def test_the_demo_training_loads_twice_without_change_and_keeps_a_call_open_now(demo_training):
    call = Call.objects.get(code=training_loader.NOW)
    assert call.is_open()
    assert TrainingCourse.objects.filter(quota__call=call, deposit=200_000).count() == call.quotas.count() > 0
    counts = (TrainingCourse.objects.count(), Enrolment.objects.count(), TrainingDeposit.objects.count())
    training_loader.load_training()
    assert (TrainingCourse.objects.count(), Enrolment.objects.count(), TrainingDeposit.objects.count()) == counts
    assert TrainingCourse.objects.filter(quota__isnull=True).count() == 0
