"""What the OpenAPI schema says beyond what drf-spectacular reads from the views: the error answers."""

from django.utils.translation import gettext_lazy as _

DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
# A 400 names each bad parameter with its messages: {"year": ["Enter a year between 1990 and 2100..."]}.
BAD_PARAMETERS = {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}


def _json(schema, description, headers=None):
    response = {"description": str(description), "content": {"application/json": {"schema": schema}}}
    if headers:
        response["headers"] = headers
    return response


def add_error_responses(result, generator, request, public):
    """A postprocessing hook (SPECTACULAR_SETTINGS): 400 for lists, 404 and 429 for every operation."""
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            if "{" not in path:
                responses.setdefault("400", _json(BAD_PARAMETERS, _("A filter, sort or page parameter is malformed.")))
            responses.setdefault(
                "404", _json(DETAIL, _("No such item, or not one the reader may see; or no such page."))
            )
            responses.setdefault(
                "429",
                _json(
                    DETAIL,
                    _("Too many requests from this address: wait as many seconds as Retry-After says."),
                    headers={"Retry-After": {"schema": {"type": "integer"}}},
                ),
            )
    return result
