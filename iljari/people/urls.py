from django.urls import path

from iljari.people import views

app_name = "people"

urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("export.xlsx", views.person_export, name="person_export"),
    path("new/", views.person_create, name="person_create"),
    path("me/", views.my_record, name="my_record"),
    path("<int:pk>/", views.person_detail, name="person_detail"),
]
