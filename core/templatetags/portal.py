from django import template
from django.utils.translation import get_language
from django.urls import translate_url

from core.i18n import localized

register = template.Library()


@register.inclusion_tag("includes/translated_text.html")
def translated(obj, field, multiline=True):
    """A translated field's text; text in the other language says so and carries its lang."""
    return {"localized": localized(obj, field), "multiline": multiline}


@register.simple_tag(takes_context=True)
def url_in_language(context, language):
    """The current page, with its query string, in another language."""
    request = context["request"]
    return translate_url(request.get_full_path(), language)


@register.simple_tag
def current_language():
    return get_language()
