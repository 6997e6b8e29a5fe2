from django.urls import path

from iljari.committees import views

app_name = "committees"

urlpatterns = [
    path("committees/", views.committee_list, name="committee_list"),
    path("committees/export.xlsx", views.committee_export, name="committee_export"),
    path("committees/new/", views.committee_create, name="committee_create"),
    path("committees/members/<int:pk>/end/", views.member_end, name="member_end"),
    path("committees/meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("committees/meetings/<int:pk>/state/", views.meeting_state, name="meeting_state"),
    path("committees/meetings/<int:pk>/items/", views.agenda_item_create, name="agenda_item_create"),
    path("committees/meetings/<int:pk>/attendance/", views.attendance_record, name="attendance_record"),
    path("committees/meetings/<int:pk>/minutes/", views.minutes_upload, name="minutes_upload"),
    path("committees/meetings/<int:pk>/minutes/file/", views.minutes_download, name="minutes_download"),
    path("committees/meetings/<int:pk>/decisions/", views.decision_create, name="decision_create"),
    path("committees/<str:code>/", views.committee_detail, name="committee_detail"),
    path("committees/<str:code>/edit/", views.committee_edit, name="committee_edit"),
    path("committees/<str:code>/members/new/", views.member_create, name="member_create"),
    path("committees/<str:code>/meetings/new/", views.meeting_create, name="meeting_create"),
]
