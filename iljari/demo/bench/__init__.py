"""City-scale benchmark scenarios for `iljari bench`.

Each module of this package registers its scenarios with `@scenario(...)` (see `base.py`); the command imports
the modules listed in `MODULES`, runs every registered scenario against the current database and writes
docs/benchmarks.md: median and p95, the goal, and the reference measured in the same run with the ratio.
`--only NAME…` picks modules (or scenario functions) by name: `pages` is the office pages and report files group
the former `reports` bench timed on the demo data.
"""

MODULES = (
    "office",
    "programmes",
    "payroll",
    "payroll_transfer",
    "messaging",
    "fund",
    "http",
    "pages",
    "years",
    "public",
)
