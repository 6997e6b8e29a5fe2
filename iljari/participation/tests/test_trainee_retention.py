"""Retention of trainees (participation.trainee): an enrolment five years after it ended has its note cleared, is
marked, and its person anonymised unless something else holds them; the training figures do not change and the
destruction register lists the enrolments. An enrolment still inside its period is kept."""

from datetime import date, datetime

from django.utils import timezone

from iljari.core.models import DestructionRecord
from iljari.core.retention import retention_run
from iljari.core.roles import Role
from iljari.participation.models import Enrolment
from iljari.participation.tests.factories import make_trainee
from iljari.participation.training_selectors import training_figures
from iljari.people.models import Person
from iljari.people.tests.factories import make_person


def _figures(user):
    figures = training_figures(user=user, year=2018, as_of=date(2018, 12, 31))
    return repr(figures)


def test_a_trainee_five_years_after_the_course_is_anonymised_and_the_figures_stay(training, personas):
    manager = personas[Role.OFFICE_MANAGER]
    gone = make_trainee(training["other"], person=make_person())  # 용접과, ended 2018-08-31
    Enrolment.objects.filter(pk=gone.pk).update(note="가정 사정으로 결석 잦음")
    kept = make_trainee(training["day"], person=make_person())  # 전기과, ends 2019-02-28
    Person.objects.filter(pk=kept.person_id).update(name="최근훈련생")
    before = _figures(manager)

    now = timezone.make_aware(datetime(2023, 12, 1))  # 5 years after 2018-08-31, not after 2019-02-28
    records = [r for r in retention_run(now=now) if r.rule_code == "participation.trainee"]

    assert [(r.records, r.record_ids, r.people) for r in records] == [(1, str(gone.pk), 1)]
    gone.refresh_from_db()
    assert gone.note == "" and gone.personal_data_destroyed_at == now
    person = Person.objects.get(pk=gone.person_id)
    assert (person.name, person.rrn, person.rrn_index, person.phone) == ("(파기)", None, None, "")
    assert Person.objects.get(pk=kept.person_id).name == "최근훈련생"
    assert Enrolment.objects.get(pk=kept.pk).personal_data_destroyed_at is None
    assert _figures(manager) == before  # trainees, completion and dropouts counted as before
    assert DestructionRecord.objects.get(rule_code="participation.trainee").method.startswith("훈련생 식별 정보")
    assert [r for r in retention_run(now=now) if r.rule_code == "participation.trainee"] == []
