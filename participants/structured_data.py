"""schema.org descriptions of states (Country) and organisations (Organization), for pages' JSON-LD."""

from core.i18n import localized
from participants.models import State


def country(state, request, full: bool = False) -> dict:
    """A state as schema.org's Country; full=True adds what its own page shows (official name, codes)."""
    data = {
        "@type": "Country",
        "name": localized(state, "name").text,
        "url": request.build_absolute_uri(state.get_absolute_url()),
    }
    if full:
        data["alternateName"] = localized(state, "official_name").text
        data["identifier"] = [
            {"@type": "PropertyValue", "propertyID": "ISO 3166-1 alpha-2", "value": state.iso_alpha2},
            {"@type": "PropertyValue", "propertyID": "ISO 3166-1 alpha-3", "value": state.iso_alpha3},
        ]
    return data


def organization(organisation, request, full: bool = False) -> dict:
    """An organisation or a process as schema.org's Organization; full=True adds its description and website."""
    data = {
        "@type": "Organization",
        "name": localized(organisation, "name").text,
        "alternateName": localized(organisation, "acronym").text,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
    }
    if full:
        data["description"] = localized(organisation, "description").text
        data["sameAs"] = organisation.website
    return data


def party(item, request) -> dict:
    """A State or an Organisation, each as its schema.org type."""
    return country(item, request) if isinstance(item, State) else organization(item, request)
