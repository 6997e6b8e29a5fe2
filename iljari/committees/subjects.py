"""The kinds of record a committee's decision may decide (결정 대상), registered by the apps above committees.

Contract:
- `decision_subject_register(code, *, label, resolve, choices=None)` — an app above committees registers, in its
  `AppConfig.ready`, a kind of record a decision can decide: a stable code ("fund.deferment"), its Korean label
  ("상환유예·이행연기 신청"), `resolve(ids) -> {id: (text, url)}` that names a batch of its records in one query (a
  missing id is left out), and optionally `choices(committee) -> [(id, text)]`, the records a form may offer.
  Registering has no side effects: a decision is a link. The deciding app's own service records the outcome on its
  record and calls `committees.services.decision_link(...)`.
- `decision_subject_get(code) -> DecisionSubject | None`, `decision_subjects_registered() -> list`.
- `decision_subjects_resolve(pairs) -> {(code, id): (text, url)}` — a batch of (code, id) pairs, one call per code;
  an unknown code or a missing record answers ("(찾을 수 없는 대상)", "").

Committees never imports the apps that register.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable

MISSING = ("(찾을 수 없는 대상)", "")

_SUBJECTS: dict[str, DecisionSubject] = {}


@dataclasses.dataclass(frozen=True)
class DecisionSubject:
    code: str
    label: str
    resolve: Callable[[list[int]], dict[int, tuple[str, str]]]
    choices: Callable | None = None


def decision_subject_register(
    code: str,
    *,
    label: str,
    resolve: Callable[[list[int]], dict[int, tuple[str, str]]],
    choices: Callable | None = None,
) -> None:
    if not code or len(code) > 40 or "." not in code:
        raise ValueError(f"a decision subject code is '<app>.<kind>' of at most 40 characters: {code!r}")
    subject = DecisionSubject(code=code, label=label, resolve=resolve, choices=choices)
    existing = _SUBJECTS.get(code)
    if existing is not None and existing != subject:
        raise ValueError(f"decision subject {code!r} is registered twice")
    _SUBJECTS[code] = subject


def decision_subject_get(code: str) -> DecisionSubject | None:
    return _SUBJECTS.get(code)


def decision_subjects_registered() -> list[DecisionSubject]:
    return list(_SUBJECTS.values())


def decision_subjects_resolve(pairs: Iterable[tuple[str, int]]) -> dict[tuple[str, int], tuple[str, str]]:
    by_code: dict[str, set[int]] = defaultdict(set)
    for code, subject_id in pairs:
        if code and subject_id is not None:
            by_code[code].add(subject_id)
    resolved: dict[tuple[str, int], tuple[str, str]] = {}
    for code, ids in by_code.items():
        subject = _SUBJECTS.get(code)
        found = subject.resolve(sorted(ids)) if subject is not None else {}
        for subject_id in ids:
            resolved[(code, subject_id)] = found.get(subject_id, MISSING)
    return resolved
