"""A synthetic Seoul-sized office for the city-scale benchmarks: `iljari generate --scale city|small`.

`generate(scale=..., seed=...)` fills an empty database: the demo organisation, accounts and 2018 report (through
the demo loaders, so the 2018 report keeps its shape), then five years (2014 to '18.6.30., the demo's as-of date)
of programmes with budget lines and monthly execution snapshots, indicators, job targets with monthly
achievements derived from the placements, persons (resident numbers encrypted with their blind index, both
consents), calls with quotas, applications, placements of the selected with monthly work records, organisations
with certifications, the fund's loan book (schedules, on-time repayments, ledger), consultations and room bookings.

Everything comes from one `random.Random(seed)`, so the same seed gives the same rows. Rows go in through
`core.bulk.rows_insert` (COPY on PostgreSQL, executemany on SQLite), a stage at a time, each stage timed; the
tables are analysed at the end. Nothing the migrations own is dropped or recreated.

Modules: `base` (scales, years, date helpers, the run's shared `Generation`), one per stage — `plan`, `people`,
`enterprises`, `fund`, `participation` (with the job targets), `frontline` — and `generator` (the run, the checks).

Contract: generate(*, scale, seed, say) -> Report; sample_checksum(); SCALES and Scale; in `generator` also YEARS,
PREFIX, database_has_data() and table_counts().
"""

from iljari.demo.scale.generator import SCALES, Scale, generate, sample_checksum

__all__ = ["SCALES", "Scale", "generate", "sample_checksum"]
