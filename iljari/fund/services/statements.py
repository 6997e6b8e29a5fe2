"""Bank statements: the sheet's columns and the import that posts every deposit as a repayment, in date order, all
or nothing (a reference already posted, or repeated in the file, is skipped)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from iljari.core.errors import ValidationFailed
from iljari.core.xlsx import Column, xlsx_rows
from iljari.fund.models import Loan, Repayment
from iljari.fund.services.ledger import require_manage
from iljari.fund.services.repayments import repayment_post


@dataclass
class StatementResult:
    posted: int = 0
    skipped: list[str] = field(default_factory=list)


def statement_columns():
    return [
        Column("received_on", "거래일자", "date"),
        Column("reference", "거래고유번호"),
        Column("loan", "융자번호"),
        Column("amount", "입금액", "int"),
        Column("payer", "입금자", required=False),
    ]


def statement_import(*, actor, data: bytes, file_name: str = "", today: date | None = None) -> StatementResult:
    """Post a bank statement's deposits (see the package docstring)."""
    require_manage(actor)
    rows = xlsx_rows(data=data, columns=statement_columns(), title="입금 내역")
    result = StatementResult()
    errors: list[str] = []
    seen: dict[str, int] = {}
    references = {str(row.get("reference")) for row in rows}
    posted = set(Repayment.objects.filter(reference__in=references).values_list("reference", flat=True))
    numbers = {str(row.get("loan")) for row in rows}
    loans = {loan.number: loan for loan in Loan.objects.filter(number__in=numbers).select_related("agreement")}
    todo = []
    for row in rows:
        line, reference = row["_row"], str(row["reference"])
        if reference in seen:
            result.skipped.append(
                f"{line}행: {seen[reference]}행과 같은 거래(거래고유번호 {reference})라 건너뛰었습니다."
            )
            continue
        seen[reference] = line
        if reference in posted:
            result.skipped.append(f"{line}행: 거래고유번호 {reference}는 이미 반영되어 건너뛰었습니다.")
            continue
        loan = loans.get(str(row["loan"]))
        if loan is None:
            errors.append(f"{line}행 '융자번호': {row['loan']} 융자가 없습니다.")
            continue
        todo.append((row["received_on"], line, loan, row))
    if errors:
        raise ValidationFailed(
            "입금 내역에 잘못된 행이 있어 아무것도 반영하지 않았습니다.", field_errors={"file": errors}
        )
    todo.sort(key=lambda item: (item[0], item[1]))
    with transaction.atomic():
        for received_on, line, loan, row in todo:
            try:
                with transaction.atomic():
                    repayment_post(
                        actor=actor,
                        loan=loan,
                        received_on=received_on,
                        amount=row["amount"],
                        reference=str(row["reference"]),
                        source=Repayment.Source.STATEMENT,
                        statement_name=file_name,
                        today=today,
                    )
                result.posted += 1
            except ValidationFailed as error:
                errors.append(f"{line}행: {' '.join(sum(error.field_errors.values(), [])) or error.message}")
        if errors:
            raise ValidationFailed(
                "입금 내역에 잘못된 행이 있어 아무것도 반영하지 않았습니다.", field_errors={"file": errors}
            )
    return result
