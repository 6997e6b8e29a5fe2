"""Who may apply: the call's eligibility rules (age on a date, residence in Seoul, no regular income, a registered
job seeker, no other direct job in the period — a fact participation holds, read through intake.checks) and its
priority points; the same rules for one applicant, a sheet of paper applications, and the call's batch check
(eligibility_run)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import date

from django.db import transaction

from iljari.core.formats import screen_date
from iljari.core.history import history_batch, history_bulk_updated
from iljari.intake.checks import DIRECT_JOB_OVERLAP, person_check_failing
from iljari.intake.models import Application, Call, EligibilityRule, age_range_text
from iljari.intake.services.guards import call_manage_check
from iljari.intake.services.messages import applications_ineligible_notify


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _kdate(day: date) -> str:
    return screen_date(day)


# The residence rule's refusal: the portal's call page adds a link to where the citizen sets the address.
RESIDENCE_FAILURE = "서울시에 주소를 둔 사람만 신청할 수 있습니다."

# The rule kinds whose facts another app holds (intake.checks), with the check each calls.
PERIOD_CHECKS = {EligibilityRule.Kind.NO_DIRECT_JOB_OVERLAP: DIRECT_JOB_OVERLAP}


def eligibility_period_failing(*, rules, person_ids) -> dict[int, set[int]]:
    ids = [pk for pk in person_ids if pk is not None]
    return {
        rule.pk: person_check_failing(PERIOD_CHECKS[rule.kind], ids, rule.on_date, rule.until_date)
        for rule in rules
        if rule.kind in PERIOD_CHECKS
    }


def eligibility_failures(*, call: Call, person, rules=None, failing: dict[int, set[int]] | None = None) -> list[str]:
    rules = list(call.eligibility_rules.all()) if rules is None else rules
    if failing is None:
        failing = eligibility_period_failing(rules=rules, person_ids=[person.pk])
    failures = []
    for rule in rules:
        if rule.kind == EligibilityRule.Kind.AGE_BETWEEN:
            age = _age_on(person.birth_date, rule.on_date)
            if (rule.min_value is not None and age < rule.min_value) or (
                rule.max_value is not None and age > rule.max_value
            ):
                failures.append(
                    f"{age_range_text(rule.min_value, rule.max_value)}만 신청할 수 있습니다"
                    f"({_kdate(rule.on_date)} 기준 만 {age}세)."
                )
        elif rule.kind == EligibilityRule.Kind.RESIDES_IN_SEOUL and person.district_id is None:
            failures.append(RESIDENCE_FAILURE)
        elif rule.kind == EligibilityRule.Kind.NO_REGULAR_INCOME and person.income_status != "none":
            failures.append("정기소득이 없는 사람만 신청할 수 있습니다.")
        elif rule.kind == EligibilityRule.Kind.JOB_SEEKER and not person.job_seeker_registered:
            failures.append("구직등록을 한 사람만 신청할 수 있습니다.")
        elif rule.kind in PERIOD_CHECKS and person.pk in failing.get(rule.pk, ()):
            failures.append(
                f"{_kdate(rule.on_date)}~{_kdate(rule.until_date)}에 다른 직접일자리에 참여하고 있어 "
                "신청할 수 없습니다."
            )
    return failures


@dataclass(frozen=True)
class PersonFacts:
    """What the rules read of a person (PERSON_FIELDS_READ), for a batch read as plain rows."""

    pk: int
    birth_date: date
    district_id: int | None
    income_status: str
    job_seeker_registered: bool
    basic_livelihood_recipient: bool
    veteran: bool
    disability: bool


# The person fields the rules read (eligibility_failures, priority_points): a batch loads only these.
PERSON_FIELDS_READ = tuple(field.name for field in dataclass_fields(PersonFacts))[1:]


def priority_points(*, person, rules) -> int:
    return sum(rule.points for rule in rules if getattr(person, rule.kind, False))


def eligibility_run(*, actor, call: Call) -> tuple[int, int]:
    """Check every submitted application against the call's rules (one query for the people, one per rule that
    reads another app's facts)."""
    call_manage_check(actor=actor, call=call)
    rules = list(call.eligibility_rules.all())
    priorities = list(call.priority_rules.all())
    eligible = ineligible = 0
    failed: list[int] = []
    outcomes: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    with transaction.atomic():
        rows = list(
            call.applications.select_for_update(of=("self",))
            .filter(status__in=[Application.Status.SUBMITTED, Application.Status.INELIGIBLE])
            .values_list("pk", "person_id", *(f"person__{name}" for name in PERSON_FIELDS_READ))
            .order_by()
        )  # plain rows of the fields the rules read: no model instances, no decryption
        failing = eligibility_period_failing(rules=rules, person_ids=[row[1] for row in rows])
        for pk, person_id, *values in rows:
            person = PersonFacts(person_id, *values)
            failures = eligibility_failures(call=call, person=person, rules=rules, failing=failing)
            status = Application.Status.INELIGIBLE if failures else Application.Status.SUBMITTED
            points = priority_points(person=person, rules=priorities)
            outcomes[(status, "\n".join(failures), points)].append(pk)
            if failures:
                ineligible += 1
                failed.append(pk)
            else:
                eligible += 1
        # one UPDATE per distinct outcome (a handful) and 2,000 rows, not one per row; unchanged rows are not written;
        # the changed ones are recorded with their values before and after, as one bulk change
        already = set(call.applications.filter(status=Application.Status.INELIGIBLE).values_list("pk", flat=True))
        newly_ineligible = [pk for pk in failed if pk not in already]  # told once, when they first fail
        with history_batch(
            kind="intake.eligibility", label="자격 확인", subject=f"{call.title} 자격 확인", actor=actor
        ):
            for (status, reasons, points), ids in outcomes.items():
                for start in range(0, len(ids), 2000):
                    history_bulk_updated(
                        Application.objects.filter(pk__in=ids[start : start + 2000]).exclude(
                            status=status, ineligible_reasons=reasons, priority_points=points
                        ),  # changed rows only
                        {"status": status, "ineligible_reasons": reasons, "priority_points": points},
                        describe=lambda row: f"신청 #{row['pk']}",
                    )
        applications_ineligible_notify(actor=actor, application_ids=newly_ineligible)
    return eligible, ineligible
