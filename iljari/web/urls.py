from django.urls import path

from iljari.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("participants/<int:pk>/", views.participant, name="participant"),
    path("organisations/<int:pk>/", views.organisation, name="organisation"),
    path("favicon.ico", views.favicon),
]
