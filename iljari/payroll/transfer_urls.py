"""The transfer pages of a worksite's confirmed month, under /payroll/transfers/ (namespace `transfers`)."""

from django.urls import path

from iljari.payroll import transfer_views as views

app_name = "transfers"

urlpatterns = [
    path("<str:code>/<int:year>-<int:month>/", views.transfer_month, name="month"),
    path("<str:code>/<int:year>-<int:month>/make/", views.transfer_make, name="make"),
    path("batches/<int:pk>/file/", views.batch_file, name="file"),
    path("batches/<int:pk>/sheet/", views.batch_sheet, name="sheet"),
    path("batches/<int:pk>/result/", views.batch_result, name="result"),
    path("batches/<int:pk>/reissue/", views.batch_reissue, name="reissue"),
]
