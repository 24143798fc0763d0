from modeltranslation.translator import TranslationOptions, register

from meetings.models import Meeting, OutcomeStatement, StatementParagraph


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "city", "chair", "summary")


@register(OutcomeStatement)
class OutcomeStatementTranslation(TranslationOptions):
    fields = ("title",)


@register(StatementParagraph)
class StatementParagraphTranslation(TranslationOptions):
    fields = ("text",)
