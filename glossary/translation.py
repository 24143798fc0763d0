from modeltranslation.translator import TranslationOptions, register

from glossary.models import Term


@register(Term)
class TermTranslation(TranslationOptions):
    fields = ("label", "synonyms", "abbreviations", "definition")
