from modeltranslation.translator import TranslationOptions, register

from indicators.models import Indicator, IndicatorValue


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "definition", "unit", "source_name")


@register(IndicatorValue)
class IndicatorValueTranslation(TranslationOptions):
    fields = ("note",)
