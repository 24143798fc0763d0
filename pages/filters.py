import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import InMyLanguageFilter
from pages.models import NewsItem


class NewsFilter(django_filters.FilterSet):
    mine = InMyLanguageFilter(text_field="title", label=_("Only news in my language"))

    class Meta:
        model = NewsItem
        fields = []
