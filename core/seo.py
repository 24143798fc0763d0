"""What machines read about the site: robots.txt, and the text helpers shared by its feeds."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from core.i18n import localized


class RobotsTxtView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitemap_url"] = self.request.build_absolute_uri(reverse("sitemap"))
        return context


robots_txt = require_GET(cache_control(max_age=86400, public=True)(RobotsTxtView.as_view()))


def feed_text(obj, field: str) -> str:
    """A field's text for a feed in the current language; text in the other language says so.

    Feed readers show no page around an item, so the "available in … only" note
    travels inside the text itself.
    """
    text = localized(obj, field)
    if not text.is_fallback:
        return text.text
    note = gettext("Available in Russian only.") if text.language == "ru" else gettext("Available in English only.")
    return f"{note} {text.text}"


def start_of_day(day: datetime.date) -> datetime.datetime:
    """Midnight of a date in the portal's time zone: feeds need a moment, our items carry a day."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())
