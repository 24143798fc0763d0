from modeltranslation.translator import TranslationOptions, register

from participants.models import FocalPoint, Organisation, State


@register(State)
class StateTranslation(TranslationOptions):
    fields = ("name", "official_name", "profile")


@register(FocalPoint)
class FocalPointTranslation(TranslationOptions):
    fields = ("name", "position", "institution")


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = (
        "name",
        "acronym",
        "description",
        "activities_in_central_asia",
        "meetings_with_central_asia",
        "best_practices",
        "contact_details",
    )
