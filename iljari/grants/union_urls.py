"""URLs of the labour unions' support and the 근로자 자녀 장학금 (included by grants/urls.py under /grants/unions/)."""

from django.urls import path

from iljari.grants import union_views

urlpatterns = [
    path("unions/", union_views.union_list, name="union_list"),
    path("unions/scholarships/<int:pk>/", union_views.scholarship_detail, name="scholarship_detail"),
    path("unions/scholarships/<int:pk>/students/", union_views.recipient_add, name="recipient_add"),
    path("unions/scholarships/<int:pk>/foundation/", union_views.foundation_upload, name="foundation_upload"),
    path("unions/scholarships/<int:pk>/export.xlsx", union_views.scholarship_export, name="scholarship_export"),
    path("unions/students/<int:pk>/", union_views.recipient_detail, name="recipient_detail"),
    path("unions/students/<int:pk>/decision/", union_views.recipient_decide, name="recipient_decide"),
    path("unions/students/<int:pk>/payment/", union_views.recipient_pay, name="recipient_pay"),
    path("unions/<str:code>/", union_views.union_detail, name="union_detail"),
    path("unions/<str:code>/sub-projects/", union_views.sub_project_add, name="sub_project_add"),
    path("unions/<str:code>/sub-projects/<int:pk>/", union_views.sub_project_edit, name="sub_project_edit"),
    path("unions/<str:code>/tranches/<int:pk>/", union_views.tranche_assign, name="tranche_assign"),
    path("unions/<str:code>/scholarships/", union_views.scholarship_create, name="scholarship_create"),
]
