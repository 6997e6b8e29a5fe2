"""Bank statements (입금 내역 엑셀): posted once, every bad row named, nothing half-written."""

from __future__ import annotations

from datetime import date

import pytest

from iljari.core.errors import ValidationFailed
from iljari.core.xlsx import xlsx_table
from iljari.fund import services
from iljari.fund.models import LedgerEntry, Repayment

pytestmark = pytest.mark.django_db
TODAY = date(2030, 1, 1)


def statement(*rows):
    return xlsx_table(
        title="입금 내역",
        columns=services.statement_columns(),
        rows=[
            {"received_on": on, "reference": ref, "loan": loan, "amount": amount, "payer": "다라사회적협동조합"}
            for on, ref, loan, amount in rows
        ],
    )


def test_a_statement_posts_its_deposits_once_even_when_uploaded_twice(make_loan):
    make_loan()
    data = statement(
        (date(2018, 3, 31), "B-0002", "L-1", 1_018_333),
        (date(2018, 2, 28), "B-0001", "L-1", 1_020_000),
        (date(2018, 2, 28), "B-0001", "L-1", 1_020_000),  # the bank listed it twice
    )
    result = services.statement_import(actor=None, data=data, file_name="2018-03.xlsx", today=TODAY)
    assert result.posted == 2
    assert result.skipped == ["6행: 5행과 같은 거래(거래고유번호 B-0001)라 건너뛰었습니다."]
    # posted in date order: February's deposit first
    assert list(Repayment.objects.order_by("pk").values_list("reference", "interest")) == [
        ("B-0001", 20_000),
        ("B-0002", 18_333),
    ]
    entries = LedgerEntry.objects.count()
    again = services.statement_import(actor=None, data=data, file_name="2018-03.xlsx", today=TODAY)
    assert again.posted == 0 and len(again.skipped) == 3
    assert Repayment.objects.count() == 2 and LedgerEntry.objects.count() == entries


def test_a_bad_row_writes_nothing_and_names_every_row(make_loan):
    make_loan()
    data = statement(
        (date(2018, 2, 28), "B-0001", "L-1", 1_020_000),
        (date(2018, 3, 1), "B-0003", "L-404", 5_000),
    )
    with pytest.raises(ValidationFailed) as error:
        services.statement_import(actor=None, data=data, today=TODAY)
    assert error.value.message == "입금 내역에 잘못된 행이 있어 아무것도 반영하지 않았습니다."
    assert error.value.field_errors["file"] == ["5행 '융자번호': L-404 융자가 없습니다."]
    assert not Repayment.objects.exists()


def test_a_row_the_loan_cannot_take_rolls_back_the_rows_before_it(make_loan):
    make_loan()
    data = statement(
        (date(2018, 2, 28), "B-0001", "L-1", 1_020_000),
        (date(2018, 3, 31), "B-0002", "L-1", 99_000_000),
        (date(2018, 1, 2), "B-0000", "L-1", 1_000),
    )
    with pytest.raises(ValidationFailed) as error:
        services.statement_import(actor=None, data=data, today=TODAY)
    assert error.value.field_errors["file"] == [
        "6행: 입금일(2018-01-02)이 실행일(2018-01-31)보다 앞섭니다.",
        "5행: 입금액 99,000,000원이 이날 갚을 금액 전부(11,018,333원)보다 큽니다. "
        "초과 입금은 받지 않으니 차주에게 돌려주고 정확한 금액으로 다시 넣으십시오.",
    ]
    assert not Repayment.objects.exists() and not LedgerEntry.objects.filter(repayment__isnull=False).exists()


def test_a_file_that_is_not_a_workbook_is_refused_in_korean(make_loan):
    with pytest.raises(ValidationFailed) as error:
        services.statement_import(actor=None, data=b"not a workbook", today=TODAY)
    assert error.value.message == "엑셀(.xlsx) 파일을 읽을 수 없습니다. 내려받은 양식을 그대로 쓰십시오."
