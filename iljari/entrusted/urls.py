from django.urls import path

from iljari.entrusted import views

app_name = "entrusted"

urlpatterns = [
    path("", views.facility_list, name="facility_list"),
    path("export.xlsx", views.facility_export, name="facility_export"),
    path("new/", views.facility_create, name="facility_create"),
    path("ending/", views.ending_list, name="ending_list"),
    path("steps/", views.steps_due, name="steps_due"),
    path("contracts/<int:pk>/", views.contract_edit, name="contract_edit"),
    path("contracts/<int:pk>/budgets/new/", views.budget_create, name="budget_create"),
    path("contracts/<int:pk>/evaluations/new/", views.evaluation_create, name="evaluation_create"),
    path("budgets/<int:pk>/settle/", views.settlement_record, name="settlement_record"),
    path("steps/<int:pk>/", views.step_edit, name="step_edit"),
    path("steps/<int:pk>/done/", views.step_done, name="step_done"),
    path("<str:code>/", views.facility_detail, name="facility_detail"),
    path("<str:code>/edit/", views.facility_edit, name="facility_edit"),
    path("<str:code>/contracts/new/", views.contract_create, name="contract_create"),
    path("<str:code>/steps/new/", views.step_create, name="step_create"),
]
