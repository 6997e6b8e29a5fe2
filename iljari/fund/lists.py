"""The lists of the fund's pages (core.lists): the loans."""

from __future__ import annotations

from iljari.core.lists import Column, ListSpec, Sort

LOANS = ListSpec(
    title="융자 목록",
    filters=("q", "status", "purpose"),  # LoanFilterForm's: number, borrower or business number; status; purpose
    sorts=(
        Sort("number", "융자번호", ("number",)),
        Sort("borrower", "차주", ("borrower__name",)),
        Sort("principal", "원금(원)", ("principal",), numeric=True),
        Sort("rate", "금리", ("annual_rate",), numeric=True),
        Sort("disbursed", "실행일", ("disbursed_on",)),
    ),
    default="-disbursed",
    columns=(
        Column("융자번호", lambda loan: loan.number),
        Column("차주", lambda loan: loan.borrower.name),
        Column("사업자등록번호", lambda loan: loan.borrower.business_number_text),
        Column("수행기관", lambda loan: loan.intermediary.name),
        Column("용도", lambda loan: loan.get_purpose_display()),
        Column("원금(원)", lambda loan: loan.principal, "int"),
        Column("금리(연 %)", lambda loan: loan.annual_rate, "decimal"),
        Column("기간(개월)", lambda loan: loan.term_months, "int"),
        Column("상환방법", lambda loan: loan.get_method_display()),
        Column("실행일", lambda loan: loan.disbursed_on, "date"),
        Column("상태", lambda loan: loan.get_status_display()),
    ),
)
