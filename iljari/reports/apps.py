from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "iljari.reports"
    label = "reports"
    verbose_name = "보고서"
