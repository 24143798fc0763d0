from modeltranslation.translator import TranslationOptions, register

from pages.models import NewsItem, Page


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "body")


@register(NewsItem)
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "lead", "body")
