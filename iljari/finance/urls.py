from django.urls import path

from iljari.finance import views

app_name = "finance"

urlpatterns = [
    path("staffing/", views.staffing, name="staffing"),
    path("budget/", views.budget, name="budget"),
    path("budget/record/", views.budget_record, name="budget_record"),
    path("budget/export.xlsx", views.budget_export, name="budget_export"),
    path("budget/import/", views.budget_import, name="budget_import"),
]
