from django.db import migrations


def load(apps, schema_editor):
    from iljari.payroll.rates import INCOME_TAX_RULES, INSURANCE_RATES

    InsuranceRate = apps.get_model("payroll", "InsuranceRate")
    IncomeTaxRule = apps.get_model("payroll", "IncomeTaxRule")
    InsuranceRate.objects.bulk_create(InsuranceRate(**row) for row in INSURANCE_RATES)
    IncomeTaxRule.objects.bulk_create(IncomeTaxRule(**row) for row in INCOME_TAX_RULES)


def unload(apps, schema_editor):
    apps.get_model("payroll", "InsuranceRate").objects.all().delete()
    apps.get_model("payroll", "IncomeTaxRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("payroll", "0001_deductions_and_rates")]

    operations = [migrations.RunPython(load, unload)]
