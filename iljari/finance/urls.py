from django.urls import path

from iljari.finance import definition_views as definitions
from iljari.finance import views

app_name = "finance"

urlpatterns = [
    path("staffing/", views.staffing, name="staffing"),
    path("budget/", views.budget, name="budget"),
    path("budget/record/", views.budget_record, name="budget_record"),
    path("budget/export.xlsx", views.budget_export, name="budget_export"),
    path("budget/import/", views.budget_import, name="budget_import"),
    path("budget/lines/", definitions.budget_lines, name="budget_lines"),
    path("budget/lines/<int:pk>/", definitions.budget_line_edit, name="budget_line_edit"),
    path("budget/lines/<int:pk>/retire/", definitions.budget_line_retire, name="budget_line_retire"),
    path("budget/lines/<int:pk>/delete/", definitions.budget_line_delete, name="budget_line_delete"),
    path("budget/lines/export.xlsx", definitions.budget_lines_export, name="budget_lines_export"),
    path("budget/lines/import/", definitions.budget_lines_import, name="budget_lines_import"),
    path("staffing/quotas/", definitions.staffing_quotas, name="staffing_quotas"),
    path("staffing/quotas/<int:pk>/", definitions.staffing_quota_edit, name="staffing_quota_edit"),
    path("staffing/quotas/<int:pk>/retire/", definitions.staffing_quota_retire, name="staffing_quota_retire"),
    path("staffing/quotas/copy/", definitions.staffing_copy, name="staffing_copy"),
    path("staffing/quotas/export.xlsx", definitions.staffing_quotas_export, name="staffing_quotas_export"),
    path("staffing/quotas/import/", definitions.staffing_quotas_import, name="staffing_quotas_import"),
]
