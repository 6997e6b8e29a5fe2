"""The programme sheet's columns (one sheet: 주요업무), shared by the sheet's writer (selectors.programme_sheet)
and its reader (services.programme_sheet_import)."""

from __future__ import annotations

from iljari.core.figures import COUNT, SIGNED_MONEY
from iljari.core.xlsx import Column

PROGRAMME_SHEET_TITLE = "주요업무"

PROGRAMME_COLUMNS = [
    Column("code", "코드"),
    Column("objective", "추진목표 번호", "int", figure=COUNT),
    Column("number", "번호", "int", figure=COUNT),
    Column("title", "사업명"),
    Column("division", "부서 코드"),
    Column("division_name", "부서", editable=False, required=False),
    Column("core_task", "핵심과제 번호", "int", required=False, figure=COUNT),
    Column("core_task_title", "핵심과제", editable=False, required=False),
    # either sign: a budget below zero reaches the service, which says what is wrong with it
    Column("budget", "소요예산(원)", "int", required=False, figure=SIGNED_MONEY),
    Column("budget_note", "예산 비고", required=False),
]
