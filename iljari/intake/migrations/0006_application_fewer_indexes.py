"""Fewer indexes on intake_application, which a selection rewrites 100,000 rows of at a time: status is indexed,
so no such update is HOT and every changed row adds an entry to every index of the table.

- call_id and quota_id lose their own indexes: (call, status), (call, person) and (quota, status) lead with them;
  selection results lose the one on run_id, which the unique (run, application) leads with.
- The organisation's index and its once-per-call constraint leave out the people's applications (organisation
  NULL, nearly every row): NULLs never conflict in a unique index, so the constraint means what it meant.

The foreign keys' own indexes go by DROP INDEX (their names are Django's, the same on every database): altering
the fields would drop and re-add the foreign keys, re-checking every row under an exclusive lock."""

import django.db.models.deletion
from django.db import migrations, models

# (table, column, index name Django gave the foreign key's index)
FK_INDEXES = [
    ("intake_application", "call_id", "intake_application_call_id_3a8fad70"),
    ("intake_application", "quota_id", "intake_application_quota_id_0b9678e6"),
    ("intake_application", "organisation_id", "intake_application_organisation_id_dee700c3"),
    ("intake_selectionresult", "run_id", "intake_selectionresult_run_id_3d6c40be"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("enterprises", "0003_platform_review_retention"),
        ("intake", "0005_retention"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{name}"', reverse_sql=f'CREATE INDEX "{name}" ON "{table}" ("{column}")'
                )
                for table, column, name in FK_INDEXES
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="application",
                    name="call",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="applications",
                        to="intake.call",
                    ),
                ),
                migrations.AlterField(
                    model_name="application",
                    name="organisation",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="applications",
                        to="enterprises.organisation",
                    ),
                ),
                migrations.AlterField(
                    model_name="application",
                    name="quota",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="applications",
                        to="intake.quota",
                        verbose_name="선발 구분",
                    ),
                ),
                migrations.AlterField(
                    model_name="selectionresult",
                    name="run",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="results",
                        to="intake.selectionrun",
                    ),
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="application",
            index=models.Index(
                condition=models.Q(("organisation__isnull", False)),
                fields=["organisation"],
                name="application_organisation",
            ),
        ),
        migrations.RemoveConstraint(model_name="application", name="application_once_per_organisation"),
        migrations.AddConstraint(
            model_name="application",
            constraint=models.UniqueConstraint(
                condition=models.Q(("organisation__isnull", False)),
                fields=("call", "organisation"),
                name="application_once_per_organisation",
            ),
        ),
    ]
