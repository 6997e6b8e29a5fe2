from django.urls import path

from iljari.performance import views

app_name = "performance"

urlpatterns = [
    path("indicators/", views.indicators, name="indicators"),
    path("indicators/new/", views.indicator_create, name="indicator_create"),
    path("indicators/targets.xlsx", views.indicator_definition_export, name="indicator_definition_export"),
    path("indicators/targets/import/", views.indicator_definition_import, name="indicator_definition_import"),
    path("indicators/record/", views.indicator_record, name="indicator_record"),
    path("indicators/export.xlsx", views.indicator_export, name="indicator_export"),
    path("indicators/import/", views.indicator_import, name="indicator_import"),
    path("indicators/<str:code>/", views.indicator_detail, name="indicator_detail"),
    path("indicators/<str:code>/edit/", views.indicator_edit, name="indicator_edit"),
    path("indicators/<str:code>/values/", views.indicator_value, name="indicator_value"),
    path("indicators/<str:code>/retire/", views.indicator_retire, name="indicator_retire"),
    path("jobs/", views.jobs, name="jobs"),
    path("jobs/record/", views.job_record, name="job_record"),
    path("jobs/export.xlsx", views.job_export, name="job_export"),
    path("jobs/import/", views.job_import, name="job_import"),
    path("jobs/targets/", views.job_targets, name="job_targets"),
    path("jobs/targets/new/", views.job_target_create, name="job_target_create"),
    path("jobs/targets/export.xlsx", views.job_target_export, name="job_target_export"),
    path("jobs/targets/import/", views.job_target_import, name="job_target_import"),
    path("jobs/targets/<int:pk>/edit/", views.job_target_edit, name="job_target_edit"),
    path("jobs/targets/<int:pk>/retire/", views.job_target_retire, name="job_target_retire"),
    path("validation/", views.validation, name="validation"),
    path("validation/run/", views.validation_run, name="validation_run"),
    path("validation/rules/new/", views.rule_create, name="rule_create"),
    path("validation/rules/<str:code>/", views.rule_edit, name="rule_edit"),
    path("validation/rules/<str:code>/retire/", views.rule_retire, name="rule_retire"),
    path("record-figures/", views.record_figures, name="record_figures"),
    path("record-figures/export.xlsx", views.record_figure_export, name="record_figure_export"),
]
