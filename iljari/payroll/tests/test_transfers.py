"""Paying a confirmed month: the transfer files per paying body sum to the month's net pay (the public works' 시·구
7:3 split per person, the city's part rounded down), a person without an account is listed and not sent, the bank's
result marks each line paid or failed, a failed line goes to the correction list and a re-issue file, the budget's
지출 rises by exactly what was paid; paying a month twice and a result file that does not match are refused with
nothing written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iljari.core.bankfile import transfer_file_read, transfer_result_write
from iljari.core.errors import NotAllowed, ValidationFailed
from iljari.core.roles import Role
from iljari.finance import services as finance
from iljari.finance.models import BudgetMovement
from iljari.finance.selectors import lines_execution_figures
from iljari.participation import services as participation
from iljari.payroll import services as payroll
from iljari.payroll import transfers
from iljari.payroll.models import PayDeduction, TransferBatch, TransferLine
from iljari.people import services as people
from iljari.people.tests.factories import make_person
from iljari.plan.models import Programme

MAY = date(2018, 5, 1)


@pytest.fixture
def month(site):
    """The 강동구 public-works worksite's May 2018, confirmed: three people (two with accounts, one without), the
    programme's terms at 시 70 : 구 30, and its 2018 budget lines of both sources."""
    works = site["works"]
    programme = Programme.objects.get(code="P1-06")
    participation.programme_terms_set(
        actor=None, programme=programme, target_group="low_income", max_months=6, city_share_percent=70
    )
    names = ["가나다", "라마바", "사아자"]
    people_ = [make_person(birth=date(1965, 3, 1), name=name) for name in names]
    for person in people_:
        placement = participation.placement_create(
            actor=None, person=person, worksite=works, start_date=date(2018, 3, 2), end_date=date(2018, 8, 31)
        )
        participation.work_record_set(
            actor=None, placement=placement, month=MAY, days_worked=21, hours_worked=168, full_weeks=4
        )
    people.pay_account_set(actor=None, person=people_[0], bank_code="004", number="123456789012", holder="가나다")
    people.pay_account_set(actor=None, person=people_[1], bank_code="090", number="3333012345678", holder="라마바")
    participation.pay_compute(actor=None, month=MAY, worksite=works)
    payroll.deductions_compute(actor=None, month=MAY, worksite=works)
    participation.pay_confirm(actor=None, worksite=works, month=MAY)
    lines = {}
    for source, code in (("city", "PW-CITY"), ("district", "PW-GU")):
        line = finance.budget_line_create(
            actor=None, year=2018, org_unit=programme.division, code=code, name=f"공공근로 {source}", source=source
        )
        finance.budget_snapshot_record(
            actor=None, line=line, as_of=date(2018, 1, 2), current_budget=1_000_000_000, committed=0, spent=0
        )
        programme.budget_lines.add(line)
        lines[source] = line
    nets = {
        deduction.payment.placement.person.name: deduction
        for deduction in PayDeduction.objects.filter(month=MAY).select_related("payment__placement__person")
    }
    return {"works": works, "people": people_, "deductions": nets, "budget": lines}


def _batches(month):
    made = transfers.transfer_batches_make(actor=None, worksite=month["works"], month=MAY)
    return {batch.payer: batch for batch in made}


def _spent(line) -> int:
    return lines_execution_figures(line_ids=[line.pk], year=2018, as_of=date(2018, 12, 31)).spent


def test_the_transfer_files_sum_to_the_net_pay_of_the_month_split_seven_to_three(month):
    batches = _batches(month)
    assert set(batches) == {"city", "11740"}
    city, gu = batches["city"], batches["11740"]
    assert (city.share_percent, gu.share_percent, gu.payer_name) == (70, 30, "강동구")
    files = {payer: transfer_file_read(transfers.transfer_file(batch=batch)) for payer, batch in batches.items()}
    by_ref = {line.reference: line for line in TransferLine.objects.all()}
    for payer, read in files.items():
        for line in read.lines:
            net = month["deductions"][by_ref[line.reference].person.name].net
            share = net * 70 // 100  # the city's part: 70% rounded down to the won; the district the rest
            assert line.amount == (share if payer == "city" else net - share)
    sent = {"가나다", "라마바"}
    sent_net = sum(d.net for name, d in month["deductions"].items() if name in sent)
    assert files["city"].total + files["11740"].total == sent_net
    assert (city.count, city.no_account, gu.count, gu.no_account) == (2, 1, 2, 1)
    # the person without an account is listed as 계좌 없음, carrying their share, and is in no file
    no_account = TransferLine.objects.filter(status=TransferLine.Status.NO_ACCOUNT)
    assert {line.person.name for line in no_account} == {"사아자"}
    assert sum(line.amount for line in no_account) == month["deductions"]["사아자"].net
    assert sent_net + month["deductions"]["사아자"].net == sum(d.net for d in month["deductions"].values())
    assert files["city"].lines[0].memo == "5월 급여" and files["city"].header.payer_name == "서울특별시"


def test_a_result_file_with_one_failed_line_leaves_that_person_unpaid_and_listed_for_reissue(month):
    city = _batches(month)["city"]
    failing = TransferLine.objects.get(batch=city, person__name="라마바")
    before = {"city": _spent(month["budget"]["city"]), "district": _spent(month["budget"]["district"])}
    data = transfers.transfer_result_sample(batch=city, failed={failing.reference: "0012"})
    summary = transfers.transfer_result_apply(actor=None, batch=city, data=data)
    assert (summary.paid, summary.failed) == (1, 1)
    failing.refresh_from_db()
    assert failing.status == TransferLine.Status.FAILED and failing.reason == "예금주 불일치"
    paid = TransferLine.objects.get(batch=city, person__name="가나다")
    assert paid.status == TransferLine.Status.PAID
    # the budget's 지출 rises by exactly what was paid: the paid person's 70% of gross pay and of the employer's
    # contributions (the net transferred and the amounts withheld on their behalf), on the city's line only
    paid_line = month["deductions"]["가나다"]
    expected = paid_line.gross * 70 // 100 + paid_line.employer_total * 70 // 100
    assert _spent(month["budget"]["city"]) - before["city"] == expected
    assert _spent(month["budget"]["district"]) == before["district"]
    # the correction: a corrected account, then the re-issue file carries the failed line and the account-less one
    person = month["people"][1]
    people.pay_account_set(actor=None, person=person, bank_code="090", number="3333012345679", holder="라마바")
    people.pay_account_set(
        actor=None, person=month["people"][2], bank_code="020", number="1002123456789", holder="사아자"
    )
    reissue = transfers.transfer_reissue_make(actor=None, batch=city)
    read = transfer_file_read(transfers.transfer_file(batch=reissue))
    assert sorted((line.account, line.amount) for line in read.lines) == sorted(
        [
            ("3333012345679", month["deductions"]["라마바"].net * 70 // 100),
            ("1002123456789", month["deductions"]["사아자"].net * 70 // 100),
        ]
    )
    failing.refresh_from_db()
    assert failing.status == TransferLine.Status.REISSUED
    # the re-issue's result: both paid, the city's line of the budget rises by their 70% too
    spent = _spent(month["budget"]["city"])
    transfers.transfer_result_apply(
        actor=None, batch=reissue, data=transfers.transfer_result_sample(batch=reissue, failed={})
    )
    again = [month["deductions"]["라마바"], month["deductions"]["사아자"]]
    assert _spent(month["budget"]["city"]) - spent == sum(
        d.gross * 70 // 100 + d.employer_total * 70 // 100 for d in again
    )
    assert set(TransferLine.objects.filter(batch=reissue).values_list("status", flat=True)) == {"paid"}
    with pytest.raises(ValidationFailed, match="재지급할 줄이 없습니다"):
        transfers.transfer_reissue_make(actor=None, batch=city)


def test_paying_a_month_twice_is_refused(month):
    _batches(month)
    with pytest.raises(ValidationFailed, match="같은 달을 두 번 지급할 수 없습니다"):
        transfers.transfer_batches_make(actor=None, worksite=month["works"], month=MAY)
    assert TransferBatch.objects.count() == 2


def test_a_month_not_confirmed_makes_no_transfer(site):
    with pytest.raises(ValidationFailed, match="급여가 확정되지 않았습니다"):
        transfers.transfer_batches_make(actor=None, worksite=site["city"], month=MAY)
    assert not TransferBatch.objects.exists()


def _state():
    return (
        sorted(TransferLine.objects.values_list("status", flat=True)),
        BudgetMovement.objects.count(),
        TransferBatch.objects.filter(result_at__isnull=False).count(),
    )


def test_a_result_file_that_does_not_match_is_refused_and_nothing_written(month):
    batches = _batches(month)
    city, gu = batches["city"], batches["11740"]
    before = _state()
    header = transfers._header(city)
    lines = transfers._file_lines(city)
    cases = [
        (transfers.transfer_result_sample(batch=gu, failed={}), "이 이체.*에서 보낸 줄이 아닙니다"),  # another batch
        (
            transfer_result_write(
                header=header, lines=[replace(lines[0], amount=lines[0].amount + 1), lines[1]], failed={}
            ),
            "보낸 금액",
        ),
        (transfer_result_write(header=header, lines=lines[:1], failed={}), "1건의 결과가 없습니다"),
        (transfers.transfer_file(batch=city), "처리 결과 파일이 아닙니다"),
        (b"garbage", "은행 결과 파일을 읽을 수 없습니다"),
    ]
    for data, message in cases:
        with pytest.raises(ValidationFailed, match=message):
            transfers.transfer_result_apply(actor=None, batch=city, data=data)
        assert _state() == before
    transfers.transfer_result_apply(
        actor=None, batch=city, data=transfers.transfer_result_sample(batch=city, failed={})
    )
    with pytest.raises(ValidationFailed, match="이미 반영했습니다"):
        transfers.transfer_result_apply(
            actor=None, batch=city, data=transfers.transfer_result_sample(batch=city, failed={})
        )


def test_only_those_who_keep_the_worksites_records_make_its_transfers(month, personas):
    with pytest.raises(NotAllowed):
        transfers.transfer_batches_make(actor=personas[Role.AUDITOR], worksite=month["works"], month=MAY)
    with pytest.raises(NotAllowed):
        transfers.transfer_batches_make(actor=personas[Role.CITIZEN], worksite=month["works"], month=MAY)
    assert not TransferBatch.objects.exists()
    made = transfers.transfer_batches_make(actor=personas[Role.DISTRICT_OFFICER], worksite=month["works"], month=MAY)
    assert len(made) == 2


@given(st.integers(min_value=0, max_value=10**10), st.integers(min_value=0, max_value=100))
def test_a_persons_parts_add_up_to_their_net_pay_whatever_the_share(net, city_percent):
    city = transfers._split(net, city=True, city_percent=city_percent)
    district = transfers._split(net, city=False, city_percent=city_percent)
    assert city + district == net and 0 <= city <= net
    assert city == net * city_percent // 100  # the city's part rounded down to the won
