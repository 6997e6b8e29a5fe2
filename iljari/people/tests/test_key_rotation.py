"""Rotating the personal-data encryption key: with a new key first, old resident numbers still read; `iljari keys
rotate` re-encrypts them batch by batch while they stay readable; afterwards the old key can go."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db.models import TextField
from django.db.models.functions import Cast

from iljari.core.keys import key_status, keys_rotate
from iljari.core.roles import Role
from iljari.org.models import District
from iljari.people import services
from iljari.people.models import Person
from iljari.people.selectors import person_find_by_rrn

NUMBERS = [f"900101-1{n:06d}" for n in range(1, 6)]
STORED = [number.replace("-", "") for number in NUMBERS]  # stored as the 13 digits


@pytest.fixture
def old_key(settings, personas):
    settings.SALT_KEY = ["old-key-2017"]
    district = District.objects.get(code="11740")
    people = [
        services.person_register(
            actor=None,
            name=f"사람{n}",
            birth_date=date(1990, 1, 1),
            sex="M",
            rrn=number,
            consents=["personal_data", "unique_identifier"],
            district=district,
        )
        for n, number in enumerate(NUMBERS)
    ]
    return [p.pk for p in people]


def _numbers(pks):
    return [Person.objects.get(pk=pk).rrn for pk in pks]


def _tokens():
    return list(Person.objects.order_by("pk").annotate(t=Cast("rrn", TextField())).values_list("t", flat=True))


def test_old_data_reads_under_a_new_key_before_during_and_after_rotation(old_key, settings):
    before = _tokens()
    settings.SALT_KEY = ["new-key-2018", "old-key-2017"]
    assert _numbers(old_key) == STORED  # before rotation: the old key still decrypts
    assert [(s.total, s.current, s.older) for s in key_status()] == [(5, 0, 5)]

    seen = []

    def during(status):
        seen.append(status.rotated)
        assert _numbers(old_key) == STORED  # every batch leaves everything readable

    [status] = keys_rotate(batch_size=2, on_batch=during)
    assert seen == [2, 4, 5]
    assert (status.total, status.rotated, status.unreadable) == (5, 5, 0)
    assert all(a != b for a, b in zip(before, _tokens(), strict=True))

    settings.SALT_KEY = ["new-key-2018"]  # the old key dropped: everything still reads
    assert _numbers(old_key) == STORED
    settings.SALT_KEY = ["old-key-2017"]  # and the old key alone reads nothing any more (the library then hands
    assert Person.objects.get(pk=old_key[0]).rrn.startswith("gAAAA")  # back the undecrypted token)


def test_lookups_by_resident_number_work_throughout(old_key, settings, personas):
    settings.SALT_KEY = ["new-key-2018", "old-key-2017"]
    staff = personas[Role.DIVISION_STAFF]
    assert person_find_by_rrn(user=staff, rrn=NUMBERS[2]).pk == old_key[2]
    keys_rotate(batch_size=2)
    assert person_find_by_rrn(user=staff, rrn=NUMBERS[2]).pk == old_key[2]


def test_a_second_rotation_changes_nothing_and_the_command_reports_in_korean(old_key, settings, capsys):
    settings.SALT_KEY = ["new-key-2018", "old-key-2017"]
    call_command("keys", "rotate", "--batch-size", "3")
    out = capsys.readouterr().out
    assert "전체 5건 · 새 키 5건 · 이전 키 0건 · 읽을 수 없음 0건 · 이번에 다시 암호화 5건" in out
    assert "이전 키를 설정에서 뺄 수 있습니다" in out
    tokens = _tokens()
    call_command("keys", "rotate")
    assert "이번에 다시 암호화 0건" in capsys.readouterr().out
    assert _tokens() == tokens


def test_values_under_no_configured_key_are_reported_and_left_alone(old_key, settings, capsys):
    tokens = _tokens()
    settings.SALT_KEY = ["new-key-2018"]  # the old key forgotten too early
    with pytest.raises(SystemExit) as exited:
        call_command("keys", "rotate")
    assert exited.value.code == 1
    assert "읽을 수 없음 5건" in capsys.readouterr().out
    assert _tokens() == tokens


def test_keys_come_from_a_file_newest_first(tmp_path, monkeypatch):
    from iljari.settings import env_keys

    path = tmp_path / "keys"
    path.write_text("# rotated 2018-07\nnew-key-2018\n\nold-key-2017\n", encoding="utf-8")
    monkeypatch.setenv("PERSONAL_DATA_KEYS_FILE", str(path))
    assert env_keys("PERSONAL_DATA_KEYS", "default") == ["new-key-2018", "old-key-2017"]
    monkeypatch.delenv("PERSONAL_DATA_KEYS_FILE")
    monkeypatch.setenv("PERSONAL_DATA_KEYS", "a, b")
    assert env_keys("PERSONAL_DATA_KEYS", "default") == ["a", "b"]
