"""Rotating the personal-data encryption key: with a new key first, old resident numbers still read; `iljari keys
rotate` re-encrypts them batch by batch while they stay readable; afterwards the old key can go."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db.models import TextField
from django.db.models.functions import Cast

from iljari.core.errors import ValidationFailed
from iljari.core.keys import key_status, keys_rotate
from iljari.core.roles import Role
from iljari.org.models import District
from iljari.people import services
from iljari.people.models import PayAccount, Person
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
    services.pay_account_set(actor=None, person=people[0], bank_code="004", number="123456789012", holder="사람0")
    return [p.pk for p in people]


def _numbers(pks):
    return [Person.objects.get(pk=pk).rrn for pk in pks]


def _tokens():
    return list(Person.objects.order_by("pk").annotate(t=Cast("rrn", TextField())).values_list("t", flat=True))


def test_old_data_reads_under_a_new_key_before_during_and_after_rotation(old_key, settings):
    before = _tokens()
    settings.SALT_KEY = ["new-key-2018", "old-key-2017"]
    assert _numbers(old_key) == STORED  # before rotation: the old key still decrypts
    # the resident numbers, and the pay account's number (people.PayAccount: rotated the same way); the other
    # encrypted fields of other apps, if any, have no rows here
    statuses = [(s.total, s.current, s.older) for s in key_status()]
    assert statuses[:2] == [(5, 0, 5), (1, 0, 1)] and set(statuses[2:]) <= {(0, 0, 0)}

    seen = []

    def during(status):
        seen.append(status.rotated)
        assert _numbers(old_key) == STORED  # every batch leaves everything readable

    status, accounts, *others = keys_rotate(batch_size=2, on_batch=during)
    assert seen == [2, 4, 5, 1] and all(other.total == 0 for other in others)
    assert (accounts.total, accounts.rotated) == (1, 1)
    assert (status.total, status.rotated, status.unreadable) == (5, 5, 0)
    assert all(a != b for a, b in zip(before, _tokens(), strict=True))

    settings.SALT_KEY = ["new-key-2018"]  # the old key dropped: everything still reads
    assert _numbers(old_key) == STORED
    assert PayAccount.objects.get().number == "123456789012"
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


# --- the blind index (the resident-number look-up) ---------------------------------------------------------


def _found(user, pks):
    return [getattr(person_find_by_rrn(user=user, rrn=number), "pk", None) for number in NUMBERS] == pks


def test_a_person_is_found_by_resident_number_before_during_and_after_the_index_key_rotation(
    old_key, settings, personas
):
    from iljari.core.keys import blind_index_status, blind_indexes_rotate

    manager = personas[Role.OFFICE_MANAGER]
    settings.ILJARI_PERSONAL_DATA_INDEX_KEYS = ["index-2017"]
    blind_indexes_rotate()  # the people were indexed under the test default; start from the 2017 key
    stored_2017 = list(Person.objects.order_by("pk").values_list("rrn_index", flat=True))
    assert _found(manager, old_key)

    settings.ILJARI_PERSONAL_DATA_INDEX_KEYS = ["index-2018", "index-2017"]  # the new key first, restarted
    assert _found(manager, old_key)  # before: the old indexes are still looked up
    assert [(s.total, s.current, s.older) for s in blind_index_status()] == [(5, 0, 5)]
    newcomer = services.person_register(
        actor=None,
        name="새사람",
        birth_date=date(1990, 1, 1),
        sex="F",
        rrn="900101-2000009",
        consents=["personal_data", "unique_identifier"],
    )
    with pytest.raises(ValidationFailed) as refused:  # de-duplication sees the old indexes too
        services.person_register(
            actor=None,
            name="같은번호",
            birth_date=date(1990, 1, 1),
            sex="M",
            rrn=NUMBERS[0],
            consents=["personal_data", "unique_identifier"],
        )

    assert refused.value.field_errors == {"rrn": ["이미 등록된 주민등록번호입니다."]}

    rotated = []

    def during(status):
        rotated.append(status.rotated)
        assert _found(manager, old_key)  # during: after every batch, old and new indexes side by side

    [status] = blind_indexes_rotate(batch_size=2, on_batch=during)
    assert rotated == [2, 4, 5] and (status.total, status.rotated) == (6, 5)  # the newcomer was already new
    assert [(s.total, s.current, s.older) for s in blind_index_status()] == [(6, 6, 0)]
    assert not set(stored_2017) & set(Person.objects.values_list("rrn_index", flat=True))

    settings.ILJARI_PERSONAL_DATA_INDEX_KEYS = ["index-2018"]  # after: the old key dropped
    assert _found(manager, old_key)
    assert person_find_by_rrn(user=manager, rrn="900101-2000009").pk == newcomer.pk
    settings.ILJARI_PERSONAL_DATA_INDEX_KEYS = ["index-2017"]
    assert person_find_by_rrn(user=manager, rrn=NUMBERS[0]) is None  # the old key alone finds nobody now


def test_keys_rotate_recomputes_the_index_and_status_reports_it(old_key, settings, capsys):
    settings.ILJARI_PERSONAL_DATA_INDEX_KEYS = ["index-2018", "old-index"]
    call_command("keys", "rotate", "--batch-size", "2")
    out = capsys.readouterr().out
    assert "주민등록번호 검색 색인: 전체 5건 · 새 키 5건 · 이전 키 0건 · 읽을 수 없음 0건 · 이번에 다시 계산 5건" in out
    call_command("keys", "status")
    assert "주민등록번호 검색 색인: 전체 5건 · 새 키 5건" in capsys.readouterr().out
