"""A month's deductions, net pay and the employer's share, worked out by hand from the 2018 rates as published:
국민연금 4.5% + 4.5% of the 기준소득월액 (천원 미만 절사; Jan–Jun 2018 floor 290,000원, ceiling 4,490,000원; 원 미만
절사), 건강보험 6.24% split half (10원 미만 절사), 장기요양 7.38% of the health premium (10원 미만 절사), 고용보험 the
worker 0.65% and the employer 0.65% + 0.85% (국가·지방자치단체, 10원 미만 절사), 산재보험 1.05% (employer only), the
income tax of the 간이세액표 worked by its statutory method, 지방소득세 10% (10원 미만 절사)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.participation import services as participation
from iljari.participation.models import PayConfirmation, Payment
from iljari.payroll import services
from iljari.payroll.models import PayDeduction
from iljari.people.tests.factories import make_person

MAY = date(2018, 5, 1)


def _place(site, *, weekly_hours=40, start=date(2018, 3, 2), end=date(2018, 8, 31), birth=date(1970, 3, 1)):
    return participation.placement_create(
        actor=None,
        person=make_person(birth=birth),
        worksite=site["works"],
        start_date=start,
        end_date=end,
        weekly_hours=weekly_hours,
    )


def _record(placement, month=MAY, **record):
    values = {"days_worked": 21, "hours_worked": 168, "full_weeks": 4, **record}
    participation.work_record_set(actor=None, placement=placement, month=month, **values)


def _compute(site, month=MAY):
    participation.pay_compute(actor=None, month=month, worksite=site["works"])
    return services.deductions_compute(actor=None, month=month, worksite=site["works"])


def test_a_full_month_of_2018_is_deducted_as_the_published_rates_say(site):
    placement = _place(site)
    _record(placement)
    run = _compute(site)
    line = PayDeduction.objects.get(payment__placement=placement)
    assert line.gross == 1_991_520  # participation's own test of May 2018
    assert line.pension == 89_595  # 1,991,000 × 4.5% = 89,595
    assert line.health == 62_130  # 1,991,520 × 3.12% = 62,135.4 → 62,130
    assert line.care == 4_580  # 62,130 × 7.38% = 4,585.2 → 4,580
    assert line.employment == 12_940  # 1,991,520 × 0.65% = 12,944.9 → 12,940
    # 간이세액표 1,990천–2,000천 (middle 1,995,000), one in the family: 23,940,000 a year − 근로소득공제 8,841,000
    # − 인적 1,500,000 − 연금 1,077,300 − 특별 4,057,600 = 8,464,100; × 6% = 507,846; − 55% 279,315 = 228,531; ÷ 12
    assert line.income_tax == 19_040
    assert line.local_tax == 1_900
    assert line.deductions == 89_595 + 62_130 + 4_580 + 12_940 + 19_040 + 1_900
    assert line.net == 1_991_520 - line.deductions == 1_801_335
    assert line.employer_pension == 89_595
    assert line.employer_health == 62_130
    assert line.employer_care == 4_580
    assert line.employer_employment == 29_870  # 1,991,520 × 1.5% = 29,872.8
    assert line.employer_accident == 20_910  # 1,991,520 × 1.05% = 20,910.96
    assert line.employer_total == 89_595 + 62_130 + 4_580 + 29_870 + 20_910
    assert line.tax_method == PayDeduction.TaxMethod.MONTHLY
    assert "국민연금 기준소득월액 1,991,000원" in line.coverage
    assert (run.count, run.net, run.employer) == (1, 1_801_335, line.employer_total)


def test_over_sixty_pays_no_pension_and_a_short_contract_is_taxed_as_daily_work(site):
    old = _place(site, birth=date(1955, 1, 1))
    short = _place(site, start=date(2018, 5, 1), end=date(2018, 5, 20), weekly_hours=40)
    _record(old)
    _record(short, days_worked=13, hours_worked=104, full_weeks=2)
    _compute(site)
    old_line = PayDeduction.objects.get(payment__placement=old)
    assert old_line.pension == old_line.employer_pension == 0
    assert "국민연금 제외(60세 이상)" in old_line.coverage
    short_line = PayDeduction.objects.get(payment__placement=short)
    assert short_line.pension == short_line.health == short_line.care == 0  # a contract under a month
    assert "1개월 미만 계약" in short_line.coverage
    assert short_line.employment > 0  # 고용보험 covers daily work
    # a day's pay under 150,000원: no income tax on daily work
    assert short_line.tax_method == PayDeduction.TaxMethod.DAILY and short_line.income_tax == 0


def test_a_month_with_a_missing_work_record_is_refused_and_nothing_is_written(site):
    first = _place(site)
    _place(site)
    _record(first)
    participation.pay_compute(actor=None, month=MAY, worksite=site["works"])
    with pytest.raises(ValidationFailed, match="근무상황이 입력되지 않은 참여자가 1명"):
        services.deductions_compute(actor=None, month=MAY, worksite=site["works"])
    assert not PayDeduction.objects.exists()


def test_a_month_without_pay_is_refused(site):
    _record(_place(site))
    with pytest.raises(ValidationFailed, match="급여를 먼저 계산"):
        services.deductions_compute(actor=None, month=MAY, worksite=site["works"])


def test_recomputing_an_open_month_updates_the_lines_and_a_confirmed_month_is_frozen(site):
    placement = _place(site)
    _record(placement)
    _compute(site)
    _record(placement, hours_worked=160)
    _compute(site)
    line = PayDeduction.objects.get(payment__placement=placement)
    assert line.gross == Payment.objects.get(placement=placement).total == 1_917_760
    participation.pay_confirm(actor=None, worksite=site["works"], month=MAY)
    with pytest.raises(ValidationFailed, match="급여가 확정되어"):
        services.deductions_compute(actor=None, month=MAY, worksite=site["works"])
    run = services.deductions_compute(actor=None, month=MAY)  # the whole month: the confirmed worksite is frozen
    assert (run.count, run.frozen) == (0, 1)


def test_only_the_worksites_keepers_compute_deductions(site, personas):
    _record(_place(site))
    participation.pay_compute(actor=None, month=MAY, worksite=site["works"])
    with pytest.raises(NotAllowed):
        services.deductions_compute(actor=personas[Role.AUDITOR], month=MAY, worksite=site["works"])
    run = services.deductions_compute(actor=personas[Role.OFFICE_MANAGER], month=MAY, worksite=site["works"])
    assert run.count == 1 and Decimal(run.net) > 0


# --- 급여 확정 only with current deductions (participation's check registry, filled in payroll's apps.ready) ---


def test_a_month_without_its_deductions_is_not_confirmed(site):
    _record(_place(site))
    _compute(site)
    _record(_place(site))  # a second participant's pay is computed, their deductions are not
    participation.pay_compute(actor=None, month=MAY, worksite=site["works"])
    with pytest.raises(ValidationFailed, match="공제가 계산되지 않은 급여 1건이 있습니다"):
        participation.pay_confirm(actor=None, worksite=site["works"], month=MAY)
    assert not PayConfirmation.objects.exists()
    services.deductions_compute(actor=None, month=MAY, worksite=site["works"])
    confirmation = participation.pay_confirm(actor=None, worksite=site["works"], month=MAY)
    assert (confirmation.count, confirmation.total) == (2, 2 * 1_991_520)


def test_pay_computed_again_after_its_deductions_is_not_confirmed_until_they_are_too(site):
    placement = _place(site)
    _record(placement)
    _compute(site)
    _record(placement, hours_worked=160)
    participation.pay_compute(actor=None, month=MAY, worksite=site["works"])  # 1,917,760원 now; deductions of before
    with pytest.raises(ValidationFailed, match="공제 계산 뒤 다시 계산된 급여 1건이 있습니다"):
        participation.pay_confirm(actor=None, worksite=site["works"], month=MAY)
    assert not PayConfirmation.objects.exists()
    services.deductions_compute(actor=None, month=MAY, worksite=site["works"])
    assert participation.pay_confirm(actor=None, worksite=site["works"], month=MAY).total == 1_917_760


def test_a_line_whose_figures_stay_the_same_is_current_once_computed_again(site):
    placement = _place(site)
    _record(placement)
    _compute(site)
    payment = Payment.objects.get(placement=placement)
    line = PayDeduction.objects.get(payment=payment)
    later = line.computed_at + timedelta(milliseconds=1)
    Payment.objects.filter(pk=payment.pk).update(computed_at=later)  # the pay changed after (same gross)
    with pytest.raises(ValidationFailed, match="공제 계산 뒤 다시 계산된 급여 1건"):
        participation.pay_confirm_check(worksite=site["works"], month=MAY)
    services.deductions_compute(actor=None, month=MAY, worksite=site["works"])  # the same figures
    assert PayDeduction.objects.get(pk=line.pk).computed_at > later
    participation.pay_confirm_check(worksite=site["works"], month=MAY)
