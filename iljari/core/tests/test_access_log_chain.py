"""The access log's hash chain: an edited or deleted entry is named by `iljari accesslog verify` (exit 1), nothing
can change or delete an entry — neither the ORM nor plain SQL —, concurrent writers still give one valid chain,
entries are kept two years and pruned after that with the chain still provable."""

import threading
from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from iljari.core.accesslog import _digest, access_log_check, access_log_prune, access_log_record, access_log_verify
from iljari.core.models import AccessLogEntry, AccessLogHead, AppendOnlyError, User
from iljari.core.roles import Role
from iljari.core.tests.tamper import sql_delete, sql_update


def _record(user, number, **kwargs):
    return access_log_record(
        user=user, remote_addr="10.0.0.9", action="view", subject_type="people.person", subject_ids=[number], **kwargs
    )


@pytest.fixture
def four(personas):
    return [_record(personas[Role.DIVISION_STAFF], number) for number in range(1, 5)]


def _verify(capsys):
    with pytest.raises(SystemExit) as exited:
        call_command("accesslog", "verify")
    assert exited.value.code == 1
    return capsys.readouterr().out


def test_an_entry_edited_in_the_database_is_named_by_verify(four, capsys):
    sql_update(four[1].pk, subject_ids="999")
    out = _verify(capsys)
    assert f"기록 #{four[1].pk}" in out and "t_staff" in out and "고쳐진 기록" in out
    assert "앞의 1건은 온전합니다" in out
    assert access_log_verify() == (1, four[1].pk)


def test_a_deleted_entry_in_the_middle_names_the_one_after_it(four, capsys):
    sql_delete(four[2].pk)
    out = _verify(capsys)
    assert f"기록 #{four[3].pk}" in out and "앞의 기록이 지워졌거나" in out


def test_deleting_the_newest_entries_is_detected(four, capsys):
    sql_delete(four[3].pk)
    out = _verify(capsys)
    assert f"기록 #{four[2].pk}" in out and "최근 기록이 지워졌습니다" in out
    assert access_log_verify()[1] == -1


def test_a_whole_chain_passes(four, capsys):
    call_command("accesslog", "verify")
    assert "접속기록 4건의 체인이 온전합니다" in capsys.readouterr().out


def test_the_model_refuses_to_change_or_delete_an_entry(four):
    entry = AccessLogEntry.objects.get(pk=four[0].pk)
    entry.username = "someone_else"
    for attempt in (
        entry.save,
        entry.delete,
        lambda: AccessLogEntry.objects.filter(pk=entry.pk).update(username="x"),
        lambda: AccessLogEntry.objects.all().delete(),
    ):
        with pytest.raises(AppendOnlyError):
            attempt()
    assert access_log_verify() == (4, None)


POSTGRES_ONLY = pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no delete trigger (flush)")


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE core_accesslogentry SET username = 'x' WHERE id = %s",
        pytest.param("DELETE FROM core_accesslogentry WHERE id = %s", marks=POSTGRES_ONLY),
    ],
)
def test_the_database_refuses_plain_sql_changes_too(four, statement):
    with pytest.raises(DatabaseError) as refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, [four[0].pk])
    assert "접속기록은" in str(refused.value)
    assert access_log_verify() == (4, None)


def test_removing_an_account_leaves_its_entries_untouched(org):
    user = User.objects.create_user("t_gone", password="x", role=Role.CITIZEN)
    entry = _record(user, 7)
    user.delete()
    assert AccessLogEntry.objects.get(pk=entry.pk).username == "t_gone"
    assert access_log_verify() == (1, None)


def test_prune_removes_only_entries_past_the_keeping_period_and_the_rest_still_verifies(personas, settings):
    settings.ILJARI_ACCESS_LOG_KEEP_YEARS = 2
    staff = personas[Role.DIVISION_STAFF]
    now = timezone.now()
    for days_ago in (800, 760, 700, 10):  # two years are 730 (731) days
        with mock.patch("django.utils.timezone.now", return_value=now - timedelta(days=days_ago)):
            _record(staff, days_ago)
    assert access_log_prune(now=now) == 2
    assert list(AccessLogEntry.objects.order_by("id").values_list("subject_ids", flat=True)) == ["700", "10"]
    head = AccessLogHead.objects.get()
    assert head.pruned_count == 2
    assert access_log_check().message == "접속기록 2건의 체인이 온전합니다."
    assert access_log_prune(now=now) == 0
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM core_accesslogentry")  # the 700-day-old entry is still protected


def test_a_rewritten_chain_is_caught_by_the_auditors_monthly_sign_off(personas):
    from iljari.core.accesslog import access_log_review_sign

    staff = personas[Role.DIVISION_STAFF]
    last_month = timezone.now() - timedelta(days=40)
    with mock.patch("django.utils.timezone.now", return_value=last_month):
        entry = _record(staff, 5)
    access_log_review_sign(
        user=personas[Role.AUDITOR],
        year=timezone.localtime(last_month).year,
        month=timezone.localtime(last_month).month,
    )
    # rewrite the entry and its hash, and the head: the chain alone now looks whole
    forged = AccessLogEntry.objects.get(pk=entry.pk)
    forged.subject_ids = "6"
    forged_hash = _digest(forged)
    sql_update(entry.pk, subject_ids="6", hash=forged_hash)
    AccessLogHead.objects.filter(pk=1).update(last_hash=forged_hash)
    check = access_log_check()
    assert check.broken_id == entry.pk
    assert "점검 때 확인한 마지막 기록" in check.message


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_give_one_valid_chain():
    from iljari.core.models import User as Account

    users = [Account.objects.create_user(f"t_writer{n}", password="x", role=Role.AUDITOR) for n in range(4)]
    errors = []
    barrier = threading.Barrier(len(users))

    def write(user):
        try:
            barrier.wait()
            for number in range(15):
                _record(user, number)
        except Exception as error:  # noqa: BLE001 — reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert access_log_verify() == (60, None)
    assert AccessLogEntry.objects.values("previous_hash").distinct().count() == 60
