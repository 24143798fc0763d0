from modeltranslation.translator import TranslationOptions, register

from monitoring.models import InformationSheet, MonitoringItem, Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)


@register(MonitoringItem)
class MonitoringItemTranslation(TranslationOptions):
    fields = ("summary",)


@register(InformationSheet)
class InformationSheetTranslation(TranslationOptions):
    fields = ("title", "introduction")
