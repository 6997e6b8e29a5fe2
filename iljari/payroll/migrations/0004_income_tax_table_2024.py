from datetime import date

from django.db import migrations


def add_2024(apps, schema_editor):
    """The 2024 간이세액표 (별표2 <개정 2024. 2. 29.>) from 2024.3: the open 2023 rule ends on 2024.2.29."""
    from iljari.payroll.rates import INCOME_TAX_RULES

    IncomeTaxRule = apps.get_model("payroll", "IncomeTaxRule")
    row = next(rule for rule in INCOME_TAX_RULES if rule["simple_table"] == "2024")
    if IncomeTaxRule.objects.filter(valid_from=row["valid_from"]).exists():
        return  # a database migrated from 0002 after the row was added to rates.py
    IncomeTaxRule.objects.filter(simple_table="2023", valid_to__isnull=True).update(valid_to=date(2024, 2, 29))
    if not IncomeTaxRule.objects.filter(valid_to__isnull=True).exists():
        IncomeTaxRule.objects.create(**row)


def remove_2024(apps, schema_editor):
    IncomeTaxRule = apps.get_model("payroll", "IncomeTaxRule")
    IncomeTaxRule.objects.filter(simple_table="2024", valid_from=date(2024, 3, 1)).delete()
    IncomeTaxRule.objects.filter(simple_table="2023", valid_to=date(2024, 2, 29)).update(valid_to=None)


class Migration(migrations.Migration):
    dependencies = [("payroll", "0003_transfers")]

    operations = [migrations.RunPython(add_2024, remove_2024)]
