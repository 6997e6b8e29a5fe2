"""The HTTP benchmark's reference: a bare Django JSON view, through the same middleware as every page but with no
database work of its own. Mounted at /bench/json/ only when ILJARI_BENCH_VIEWS=1 (development profile only)."""

from django.http import JsonResponse


def bare_json(request):
    return JsonResponse({"ok": True})
