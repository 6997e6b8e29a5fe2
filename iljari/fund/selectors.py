"""fund selectors — the social investment fund's reads, scoped to the user.

Contract:
- loan_list(*, user, q="", status="", purpose="", intermediary=None, due="", on=None) -> QuerySet[Loan]
      the office (manager, division staff, auditor) every loan; a partner agency the loans it is the intermediary
      of; search by number, borrower name or business number.
- organisation_loan_list(*, user, organisation_id) -> QuerySet[Loan]   the borrower's loans in scope (web's one page)
- loan_todo_list(*, user, due, on) -> QuerySet[Loan]
      due "week": active loans in scope with an instalment due within LOAN_DUE_DAYS days from `on` (that day
      included); "overdue": those behind on `on` (loans_in_arrears). The work list counts these and links to the
      loan list filtered to them (?due=&on=).
- loan_get(*, user, number) -> Loan                                  404 outside the user's scope
- loan_disburse_at_once(*, user, payout) -> bool; loan_disburse_approval(*, loan)   융자 실행's approval (결재)
- notices_issue_at_once(*, user, batch) -> bool; notices_issue_approvals(*, user) -> [ApprovalRequest]
      고지 일괄 발송's approvals (결재): would the user's draft be 전결 at once; the batches being approved
- loan_position(loan, as_of) -> position.Position                   a loan's dues, arrears, overdue interest
- loan_versions(loan) / loan_payments(loan)                          the inputs of a position
- loan_history(*, loan) -> dict                                       versions with rows, deferments, notices,
                                                                      ledger entries
- repayment_history(*, loan) -> RepaymentHistory                     every repayment in the order received (day,
      pk), each with `balance`: the principal still owed after it (the loan's principal less every principal
      repaid up to it, a window sum in SQL), and the totals of 원금, 이자, 연체이자, 합계
- portfolio(*, user, as_of) -> Portfolio
      outstanding balance and count of loans by intermediary, purpose and delinquency bucket, principal recovered
      in the year up to the day; every figure an SQL aggregate over the ledger, the repayments and the schedules
      (a fixed number of queries whatever the number of loans).
- loans_due_in(*, period_start, period_end) -> [(loan_id, amount, 0)]     instalments due in a period
- loans_in_arrears(*, as_of) -> [(loan_id, arrears, days_past_due)]       active loans behind on the day
- ledger_balances(*, as_of=None) -> dict[account, int]               every account's balance, summed from entries
- deferment_committee() -> committees.Committee | None   the 상환유예·이행연기 심의위원회 (fund/committee.py)
- deferment_rows(requests) -> list   each request with `decision`, its committees decision (or None)
- agreement_list(*, user) / deferment_pending(*, user) / notice_list(*, user, kind="", q="")  (q: a part of the
  loan number or the borrower's name)
- notice_get(*, user, pk) -> Notice / notice_batch(*, user, kind, period_start) -> list[Notice]
- notice_is_repayment(notice) -> bool                                 (for the notice documents of reports)
- fund_default_day() -> date    the day the pages and the API open at without ?as_of= (the newest ledger day)
- fund_newest_day(year=None) -> date | None    the newest ledger day (of a year): the fund's latest date with data,
                                                registered with core.period, where the fund's pages ask for it
Reports may read these selectors; fund imports nothing of reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    RowRange,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.utils import timezone

from iljari.approvals.selectors import approval_at_once, approval_open_under, approvals_open
from iljari.committees.selectors import committee_by_code, decision_by_subject
from iljari.core.access import access_approvals_view, access_fund_view, require, scope_rows
from iljari.core.errors import NotFound
from iljari.enterprises.models import Organisation
from iljari.fund import position as pos
from iljari.fund.committee import FUND_COMMITTEE
from iljari.fund.committee import SUBJECT as DEFERMENT_SUBJECT
from iljari.fund.models import (
    Account,
    Agreement,
    DefermentRequest,
    Instalment,
    LedgerEntry,
    Loan,
    Notice,
    Repayment,
    ScheduleVersion,
    YearPlan,
)
from iljari.org.models import Partner


def _scoped(user, queryset: QuerySet, partner: str) -> QuerySet:
    require(access_fund_view(user), "사회투자기금을 볼 권한이 없습니다.")
    return scope_rows(user, queryset, partner=partner)


def loan_list(
    *,
    user,
    q: str = "",
    status: str = "",
    purpose: str = "",
    intermediary: int | None = None,
    due: str = "",
    on: date | None = None,
):
    loans = _scoped(user, Loan.objects.select_related("borrower", "intermediary"), "intermediary_id")
    if due:
        loans = loans.filter(pk__in=loan_todo_list(user=user, due=due, on=on or timezone.localdate()).values("pk"))
    q = (q or "").strip()
    if q:
        digits = q.replace("-", "")
        loans = loans.filter(
            Q(number__icontains=q) | Q(borrower__name__icontains=q) | Q(borrower__business_number=digits)
        )
    if status:
        loans = loans.filter(status=status)
    if purpose:
        loans = loans.filter(purpose=purpose)
    if intermediary:
        loans = loans.filter(intermediary_id=intermediary)
    return loans.order_by("-disbursed_on", "number")


def organisation_loan_list(*, user, organisation_id: int) -> QuerySet[Loan]:
    rows = Loan.objects.filter(borrower_id=organisation_id).select_related("intermediary")
    return _scoped(user, rows, "intermediary_id").order_by("-disbursed_on", "number")


LOAN_DUE_DAYS = 7
LOAN_TODO = ("week", "overdue")


def loan_todo_list(*, user, due: str, on: date) -> QuerySet[Loan]:
    if due not in LOAN_TODO:
        raise ValueError(f"unknown loan filter: {due}")
    if due == "week":
        ids = [row[0] for row in loans_due_in(period_start=on, period_end=on + timedelta(days=LOAN_DUE_DAYS))]
    else:
        ids = [row[0] for row in loans_in_arrears(as_of=on)]
    return _scoped(user, Loan.objects.all(), "intermediary_id").filter(pk__in=ids)


def loan_get(*, user, number: str) -> Loan:
    loan = (
        _scoped(user, Loan.objects.select_related("borrower", "intermediary", "agreement"), "intermediary_id")
        .filter(number=number)
        .first()
    )
    if loan is None:
        raise NotFound("융자를 찾을 수 없습니다.")
    return loan


def agreement_list(*, user) -> QuerySet[Agreement]:
    return _scoped(user, Agreement.objects.select_related("intermediary"), "intermediary_id").order_by(
        "-year", "call_round", "code"
    )


def deferment_pending(*, user) -> QuerySet[DefermentRequest]:
    return _scoped(
        user,
        DefermentRequest.objects.filter(status=DefermentRequest.Status.REQUESTED).select_related(
            "loan", "loan__borrower"
        ),
        "loan__intermediary_id",
    ).order_by("requested_on", "pk")


def notice_list(*, user, kind: str = "", q: str = "") -> QuerySet[Notice]:
    notices = _scoped(user, Notice.objects.select_related("loan", "loan__borrower"), "loan__intermediary_id")
    if kind:
        notices = notices.filter(kind=kind)
    if q:
        notices = notices.filter(Q(loan__number__icontains=q) | Q(loan__borrower__name__icontains=q))
    return notices.order_by("-period_start", "loan__number")


def notice_batch(*, user, kind: str, period_start: date) -> list[Notice]:
    """The notices of one batch (a kind and the first day of its period), in loan-number order, ready to print."""
    return list(
        notice_list(user=user, kind=kind)
        .filter(period_start=period_start)
        .select_related("loan__intermediary", "loan__agreement")
        .order_by("loan__number")
    )


def notice_is_repayment(notice: Notice) -> bool:
    """A repayment notice (원리금 상환고지), not an overdue one (미납·연체고지)."""
    return notice.kind == Notice.Kind.REPAYMENT


def notice_get(*, user, pk: int) -> Notice:
    notice = notice_list(user=user).select_related("loan__intermediary", "loan__agreement").filter(pk=pk).first()
    if notice is None:
        raise NotFound("고지를 찾을 수 없습니다.")
    return notice


# --- a loan's position ------------------------------------------------------------------------------------


def loan_versions(loan: Loan) -> list[pos.Version]:
    versions = list(loan.schedule_versions.order_by("number").prefetch_related("instalments"))
    return [
        pos.Version(
            v.effective_on,
            v.principal_before,
            v.interest_before,
            [pos.Row(r.due_on, r.principal, r.interest) for r in v.instalments.all()],
            v.interest_carried,
        )
        for v in versions
    ]


def loan_payments(loan: Loan) -> list[pos.Payment]:
    return [
        pos.Payment(*row)
        for row in loan.repayments.order_by("received_on", "pk").values_list(
            "received_on", "overdue_interest", "interest", "principal"
        )
    ]


def loan_position(loan: Loan, as_of: date) -> pos.Position:
    """The loan's position at the end of `as_of` (see fund.position)."""
    return pos.position_on(
        principal=loan.principal,
        versions=loan_versions(loan),
        payments=loan_payments(loan),
        overdue_rate=loan.agreement.overdue_rate,
        as_of=as_of,
    )


def loan_history(*, loan: Loan) -> dict:
    return {
        "versions": list(loan.schedule_versions.order_by("-number").prefetch_related("instalments")),
        "deferments": deferment_rows(loan.deferments.order_by("-requested_on", "-pk")),
        "notices": list(loan.notices.order_by("-period_start", "kind")),
        "entries": list(loan.entries.order_by("posted_on", "pk")),
    }


def deferment_committee():
    """The fund's committee (committees.Committee) with its meetings, or None before its first decision."""
    return committee_by_code(code=FUND_COMMITTEE)


def deferment_rows(requests) -> list[DefermentRequest]:
    """The requests, each with `decision`: its committee decision (committees.Decision with its meeting) or None."""
    requests = list(requests)
    decisions = decision_by_subject(subject_type=DEFERMENT_SUBJECT, ids=[r.pk for r in requests])
    for request in requests:
        request.decision = decisions.get(request.pk)
    return requests


@dataclass
class RepaymentHistory:
    rows: list
    principal: int = 0
    interest: int = 0
    overdue_interest: int = 0
    amount: int = 0


def repayment_history(*, loan: Loan) -> RepaymentHistory:
    order = [F("received_on").asc(), F("pk").asc()]
    rows = list(
        loan.repayments.annotate(
            repaid=Window(Sum("principal"), order_by=order, frame=RowRange(start=None, end=0)),
        ).order_by(*order)
    )
    history = RepaymentHistory(rows=rows)
    for row in rows:
        row.balance = loan.principal - row.repaid
        history.principal += row.principal
        history.interest += row.interest
        history.overdue_interest += row.overdue_interest
        history.amount += row.amount
    return history


# --- set-based figures ------------------------------------------------------------------------------------


def _signed(account: str):
    return Case(
        When(debit=account, then=F("amount")),
        When(credit=account, then=-F("amount")),
        default=Value(0),
        output_field=IntegerField(),
    )


def ledger_balances(*, as_of: date | None = None) -> dict[str, int]:
    """Every ledger account's balance (debits − credits), summed from the entries in two grouped queries."""
    entries = LedgerEntry.objects.all()
    if as_of is not None:
        entries = entries.filter(posted_on__lte=as_of)
    balances = {account: 0 for account in Account.values}
    for row in entries.values("debit").annotate(s=Sum("amount")).order_by():
        balances[row["debit"]] += row["s"]
    for row in entries.values("credit").annotate(s=Sum("amount")).order_by():
        balances[row["credit"]] -= row["s"]
    return balances


def _version_in_force(as_of: date, loan_ref: str = "pk"):
    return Subquery(
        ScheduleVersion.objects.filter(loan=OuterRef(loan_ref), effective_on__lte=as_of)
        .order_by("-effective_on", "-number")
        .values("pk")[:1]
    )


def _arrears_by_loan(as_of: date) -> dict[int, tuple[int, int, date | None]]:
    """Every loan's (due, paid, oldest unpaid due date) at the end of the day, in one grouped statement: the schedule
    version in force (the highest-numbered one started by the day; numbers follow effective dates), what was paid
    (principal + interest), the cumulative due of its last instalment due by the day, and the first instalment whose
    cumulative due exceeds what was paid. Plain SQL (a CTE and GROUP BY, the same on SQLite and PostgreSQL): the
    correlated-subquery form of the ORM re-summed the payments for every instalment."""
    version, repayment, instalment = (
        connection.ops.quote_name(model._meta.db_table) for model in (ScheduleVersion, Repayment, Instalment)
    )
    sql = f"""
        WITH latest AS (
            SELECT loan_id, MAX(number) AS number FROM {version} WHERE effective_on <= %s GROUP BY loan_id
        ), v AS (
            SELECT sv.id, sv.loan_id, sv.principal_before + sv.interest_before AS base
            FROM {version} sv JOIN latest ON latest.loan_id = sv.loan_id AND latest.number = sv.number
        ), p AS (
            SELECT loan_id, SUM(principal + interest) AS paid FROM {repayment} WHERE received_on <= %s GROUP BY loan_id
        )
        SELECT v.loan_id, COALESCE(p.paid, 0), COALESCE(MAX(i.cumulative_due), v.base),
               MIN(CASE WHEN i.cumulative_due > COALESCE(p.paid, 0) THEN i.due_on END)
        FROM v LEFT JOIN p ON p.loan_id = v.loan_id
        LEFT JOIN {instalment} i ON i.version_id = v.id AND i.due_on <= %s
        GROUP BY v.loan_id, p.paid, v.base
    """  # noqa: S608 - table names from the models, values are parameters # nosec B608
    result = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [as_of, as_of, as_of])
        for loan_id, paid, due, oldest in cursor.fetchall():
            if isinstance(oldest, str):
                oldest = date.fromisoformat(oldest[:10])
            elif hasattr(oldest, "date") and not isinstance(oldest, date):
                oldest = oldest.date()
            result[loan_id] = (int(due), int(paid), oldest)
    return result


def _active_on(as_of: date) -> Q:
    return Q(disbursed_on__lte=as_of) & (Q(closed_on__isnull=True) | Q(closed_on__gt=as_of))


def loans_in_arrears(*, as_of: date) -> list[tuple[int, int, int]]:
    active = set(Loan.objects.filter(_active_on(as_of)).values_list("pk", flat=True))
    return [
        (loan_id, due - paid, (as_of - oldest).days)
        for loan_id, (due, paid, oldest) in sorted(_arrears_by_loan(as_of).items())
        if loan_id in active and oldest is not None
    ]


def loans_due_in(*, period_start: date, period_end: date) -> list[tuple[int, int, int]]:
    rows = (
        Instalment.objects.filter(
            due_on__gte=period_start,
            due_on__lte=period_end,
            version__loan__status=Loan.Status.ACTIVE,
            version_id=_version_in_force(period_end, "version__loan_id"),
        )
        .values("version__loan_id")
        .annotate(amount=Sum(F("principal") + F("interest")))
        .order_by("version__loan_id")
    )
    return [(row["version__loan_id"], row["amount"], 0) for row in rows]


@dataclass
class Portfolio:
    as_of: date
    count: int = 0
    outstanding: int = 0
    by_intermediary: list[dict] = field(default_factory=list)
    by_purpose: list[dict] = field(default_factory=list)
    by_bucket: list[dict] = field(default_factory=list)
    recovered_in_year: int = 0
    disbursed_in_year: int = 0
    disbursed_in_year_by_purpose: list[dict] = field(default_factory=list)
    contributed: int = 0


def portfolio(*, user, as_of: date) -> Portfolio:
    """The book on a day (see the module docstring)."""
    loans = _scoped(user, Loan.objects.filter(_active_on(as_of)), "intermediary_id")
    entries = _scoped(
        user, LedgerEntry.objects.filter(loan__isnull=False, posted_on__lte=as_of), "loan__intermediary_id"
    )
    result = Portfolio(as_of=as_of)
    purposes = dict(Loan.Purpose.choices)

    counts = {
        (row["intermediary_id"], row["purpose"]): row["n"]
        for row in loans.values("intermediary_id", "purpose").annotate(n=Count("pk")).order_by()
    }
    balances = {
        (row["loan__intermediary_id"], row["loan__purpose"]): row["s"]
        for row in entries.values("loan__intermediary_id", "loan__purpose")
        .annotate(s=Sum(_signed(Account.LOANS)))
        .order_by()
    }
    names = dict(Partner.objects.filter(pk__in={key[0] for key in counts | balances}).values_list("pk", "name"))
    by_intermediary: dict[int, dict] = {}
    by_purpose: dict[str, dict] = {}
    for key in sorted(set(counts) | set(balances), key=lambda k: (names.get(k[0], ""), k[1])):
        count, balance = counts.get(key, 0), balances.get(key, 0) or 0
        if not count and not balance:
            continue
        one = by_intermediary.setdefault(
            key[0], {"id": key[0], "name": names.get(key[0], ""), "count": 0, "outstanding": 0}
        )
        one["count"] += count
        one["outstanding"] += balance
        two = by_purpose.setdefault(
            key[1], {"code": key[1], "name": purposes.get(key[1], key[1]), "count": 0, "outstanding": 0}
        )
        two["count"] += count
        two["outstanding"] += balance
        result.count += count
        result.outstanding += balance
    result.by_intermediary = list(by_intermediary.values())
    result.by_purpose = [by_purpose[code] for code in Loan.Purpose.values if code in by_purpose]

    # delinquency buckets: each loan's oldest unpaid due date (one grouped statement) and its balance from the
    # ledger (one grouped query), counted per bucket
    arrears = _arrears_by_loan(as_of)
    balance_of = dict(
        entries.values("loan_id").annotate(s=Sum(_signed(Account.LOANS))).order_by().values_list("loan_id", "s")
    )
    found: dict[str, dict] = {}
    for loan_id in loans.values_list("pk", flat=True):
        oldest = arrears.get(loan_id, (0, 0, None))[2]
        code = pos.bucket_of((as_of - oldest).days if oldest else 0)
        row = found.setdefault(code, {"n": 0, "s": 0})
        row["n"] += 1
        row["s"] += balance_of.get(loan_id) or 0
    result.by_bucket = [
        {
            "code": code,
            "name": name,
            "count": found.get(code, {}).get("n", 0),
            "outstanding": found.get(code, {}).get("s") or 0,
        }
        for code, name in pos.BUCKETS
    ]

    year_entries = entries.filter(posted_on__gte=date(as_of.year, 1, 1))
    result.recovered_in_year = year_entries.filter(kind=LedgerEntry.Kind.PRINCIPAL).aggregate(s=Sum("amount"))["s"] or 0
    disbursed = year_entries.filter(kind=LedgerEntry.Kind.DISBURSEMENT)
    result.disbursed_in_year = disbursed.aggregate(s=Sum("amount"))["s"] or 0
    by = {
        row["loan__purpose"]: row["s"] for row in disbursed.values("loan__purpose").annotate(s=Sum("amount")).order_by()
    }
    result.disbursed_in_year_by_purpose = [
        {"code": code, "name": purposes[code], "amount": by[code]} for code in Loan.Purpose.values if code in by
    ]
    contributed = LedgerEntry.objects.filter(kind=LedgerEntry.Kind.CONTRIBUTION, posted_on__lte=as_of)
    result.contributed = contributed.aggregate(s=Sum("amount"))["s"] or 0
    return result


def borrower_find(*, business_number: str):
    """The registered organisation with this 사업자등록번호 (digits, dashes allowed), or None."""
    digits = "".join(ch for ch in (business_number or "") if ch.isdecimal())
    return Organisation.objects.filter(business_number=digits).first() if digits else None


def year_plan(*, year: int):
    return YearPlan.objects.filter(year=year).first()


def agreements_of_round(*, user, year: int, call_round: int) -> dict:
    rows = agreement_list(user=user).filter(year=year, call_round=call_round)
    return {"count": rows.count(), "city_amount": rows.aggregate(s=Sum("city_amount"))["s"] or 0}


def schedule_rows(*, loan: Loan) -> list[Instalment]:
    version = loan.schedule_versions.order_by("-number").first()
    return list(version.instalments.order_by("number")) if version else []


def fund_default_day() -> date:
    """The day the fund's pages and API open at when the user names none: the newest ledger day, else today."""
    return fund_newest_day() or timezone.localdate()


def fund_newest_day(year: int | None = None) -> date | None:
    """The newest day the ledger holds (every disbursement, repayment and accrual posts to it). Unscoped: a date,
    not a figure; core.period's source of the fund's pages."""
    entries = LedgerEntry.objects.all() if year is None else LedgerEntry.objects.filter(posted_on__year=year)
    return entries.aggregate(day=Max("posted_on"))["day"]


def loan_disburse_at_once(*, user, payout) -> bool:
    """Does the user's own position pay the loan out at once (전결 for its principal), without choosing a line?"""
    return approval_at_once(user=user, act="fund.loan_disburse", target=payout)


def notices_issue_at_once(*, user, batch) -> bool:
    """Does the user's own position issue the notice batch at once (전결 for its total), without choosing a line?"""
    return approval_at_once(user=user, act="fund.notices_issue", target=batch)


def notices_issue_approvals(*, user) -> list:
    """The open approvals (결재 중) of issuing notice batches, oldest first; none for a reader of no approvals (a
    partner agency reads its own loans' notices, not the office's approvals)."""
    if not access_approvals_view(user):
        return []
    return list(approvals_open(act="fund.notices_issue"))


def loan_disburse_approval(*, loan):
    """The open approval (결재 중) of paying the loan out, whatever day it names, or None."""
    return approval_open_under(act="fund.loan_disburse", key_prefix=f"{loan.number}/")
