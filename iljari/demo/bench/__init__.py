"""City-scale benchmark scenarios for `iljari bench`.

Each module of this package registers its scenarios with `@scenario(...)` (see `base.py`); the command imports
the modules listed in `MODULES`, runs every registered scenario against the current database and writes
docs/benchmarks.md: median and p95, the goal, and the reference measured in the same run with the ratio.
"""

MODULES = (
    "iljari.demo.bench.programmes",
    "iljari.demo.bench.fund",
    "iljari.demo.bench.http",
)
