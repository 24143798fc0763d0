from modeltranslation.translator import TranslationOptions, register

from intake.models import FORM_FIELDS, Submission


@register(Submission)
class SubmissionTranslation(TranslationOptions):
    fields = FORM_FIELDS
