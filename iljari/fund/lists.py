"""The lists of the fund's pages (core.lists): the loans and the repayment and overdue notices."""

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

NOTICES = ListSpec(
    title="상환·연체 고지 목록",
    search="융자번호·차주 찾기",
    filters=("kind",),
    sorts=(
        Sort("loan", "융자", ("loan__number",)),
        Sort("borrower", "차주", ("loan__borrower__name",)),
        Sort("kind", "구분", ("kind",)),
        Sort("period", "기간", ("period_start",)),
        Sort("amount", "금액(원)", ("amount",), numeric=True),
        Sort("generated", "생성일시", ("generated_at",)),
    ),
    default="-period",
    columns=(
        Column("융자번호", lambda n: n.loan.number),
        Column("차주", lambda n: n.loan.borrower.name),
        Column("구분", lambda n: n.get_kind_display()),
        Column("기간 시작", lambda n: n.period_start, "date"),
        Column("기간 끝", lambda n: n.period_end, "date"),
        Column("금액(원)", lambda n: n.amount, "int"),
        Column("연체 일수", lambda n: n.days_past_due, "int"),
        Column("생성일시", lambda n: n.generated_at, "datetime"),
    ),
)
