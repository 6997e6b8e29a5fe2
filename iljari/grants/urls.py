"""grants URLs: the parts of the app each keep their own list (district_urls: district projects, ecosystem
funding and the SIB)."""

from iljari.grants.district_urls import urlpatterns as district_urlpatterns

app_name = "grants"

urlpatterns = [*district_urlpatterns]
