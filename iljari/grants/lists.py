"""The lists of the grants' pages (core.lists): the agreements. Their download is selectors.agreement_sheet (its own
columns), in the order the page sorts them."""

from __future__ import annotations

from iljari.core.lists import ListSpec, Sort

AGREEMENTS = ListSpec(
    title="보조금 협약 목록",
    filters=("q", "programme", "status", "year"),  # AgreementFilterForm's
    sorts=(
        Sort("code", "협약번호", ("code",)),
        Sort("grantee", "수행기관", ("grantee__name",)),
        Sort("city_amount", "시비(원)", ("city_amount",), numeric=True),
        Sort("matched_amount", "매칭(원)", ("matched_amount",), numeric=True),
        Sort("disbursed", "교부액(원)", ("disbursed",), numeric=True),
    ),
    default="code",
)
