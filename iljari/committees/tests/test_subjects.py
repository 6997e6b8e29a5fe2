"""The decision subjects' registry: the apps above committees register the kinds of record a decision decides; a
batch resolves in one call per kind; an unknown kind or a missing record reads as such, never an error."""

from __future__ import annotations

import pytest

from iljari.committees.subjects import (
    MISSING,
    decision_subject_get,
    decision_subject_register,
    decision_subjects_registered,
    decision_subjects_resolve,
)

CALLS: list[list[int]] = []


def _resolve(ids):
    CALLS.append(list(ids))
    return {i: (f"기록 {i}", f"/x/{i}/") for i in ids if i < 100}


def test_the_apps_register_the_subjects_the_brief_names():
    codes = {subject.code for subject in decision_subjects_registered()}
    assert {"fund.deferment", "frontline.prescreening", "grants.district_decision", "grants.sib_contract"} <= codes
    assert decision_subject_get("fund.deferment").label == "상환유예·이행연기 신청"


def test_a_batch_resolves_in_one_call_per_kind_and_marks_what_is_missing():
    decision_subject_register("testing.batch", label="시험", resolve=_resolve)
    CALLS.clear()
    names = decision_subjects_resolve([("testing.batch", 1), ("testing.batch", 2), ("testing.batch", 200),
                                       ("nowhere.kind", 3)])  # fmt: skip
    assert CALLS == [[1, 2, 200]]
    assert names[("testing.batch", 2)] == ("기록 2", "/x/2/")
    assert names[("testing.batch", 200)] == MISSING
    assert names[("nowhere.kind", 3)] == MISSING


def test_a_code_is_app_dot_kind_and_is_registered_once():
    with pytest.raises(ValueError):
        decision_subject_register("nodot", label="x", resolve=_resolve)
    decision_subject_register("testing.once", label="한 번", resolve=_resolve)
    decision_subject_register("testing.once", label="한 번", resolve=_resolve)  # the same again: nothing changes
    with pytest.raises(ValueError):
        decision_subject_register("testing.once", label="두 번", resolve=_resolve)
