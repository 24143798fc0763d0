from django.conf import settings


def portal(request):
    return {"HOME_PROCESS_SLUG": settings.HOME_PROCESS_SLUG}
