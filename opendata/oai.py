"""The OAI-PMH 2.0 protocol (https://www.openarchives.org/OAI/openarchivesprotocol.html) over opendata.records.

``respond(arguments, base_url, absolute)`` answers one request with the protocol's XML: a list of records
in pages of OAI_PAGE_SIZE, carried on by a stateless resumption token (the arguments and the last document
number, signed), and the protocol's own error codes for bad verbs and arguments (HTTP 200 all the same).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db.models import Q
from django.utils import timezone
from lxml import etree

from opendata import records

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
OAI_SCHEMA = f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_SCHEMA = f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier"

METADATA_FORMATS = {"oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC)}
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
TOKEN_SALT = "opendata.oai.resumption"

LIST_ARGUMENTS = ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"})
# verb: (required arguments, optional arguments)
VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": LIST_ARGUMENTS,
    "ListRecords": LIST_ARGUMENTS,
}
DAY = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")
SECOND = re.compile(r"\A\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\Z")
# Characters XML 1.0 cannot carry: an argument holding one cannot be echoed, nor be a valid value.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class OAIError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def datestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _element(parent, tag: str, text: str | None = None, namespace: str = OAI, **attributes):
    element = etree.SubElement(parent, f"{{{namespace}}}{tag}", {k: v for k, v in attributes.items() if v is not None})
    if text is not None:
        element.text = text
    return element


def _single_values(arguments) -> dict[str, str]:
    """The request's arguments, each given once; a repeated one is a badArgument (a repeated verb a badVerb)."""
    values = {}
    for name in arguments:
        if NOT_XML.search(name) or any(NOT_XML.search(value) for value in arguments.getlist(name)):
            raise OAIError("badArgument", "An argument holds a character that XML cannot carry.")
        given = arguments.getlist(name)
        if len(given) != 1:
            raise OAIError("badVerb" if name == "verb" else "badArgument", f"The argument {name} is repeated.")
        values[name] = given[0]
    return values


def _check_arguments(verb: str, values: dict[str, str]) -> None:
    required, optional = VERBS[verb]
    given = set(values) - {"verb"}
    unknown = given - required - optional
    if unknown:
        raise OAIError("badArgument", f"{verb} takes no argument {', '.join(sorted(unknown))}.")
    if "resumptionToken" in given:
        if given != {"resumptionToken"}:
            raise OAIError("badArgument", "resumptionToken is an exclusive argument.")
        return
    missing = required - given
    if missing:
        raise OAIError("badArgument", f"{verb} needs the argument {', '.join(sorted(missing))}.")


def _moment(value: str, *, end: bool) -> tuple[datetime, str]:
    """A from or until argument as a UTC moment, and its granularity; `end` makes until inclusive."""
    try:
        if DAY.match(value):
            moment = datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)
            return (moment + timedelta(days=1) if end else moment), "day"
        if SECOND.match(value):
            moment = datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            return (moment + timedelta(seconds=1) if end else moment), "second"
    except (ValueError, OverflowError):  # 2016-02-30, or the day after 9999-12-31
        pass
    raise OAIError("badArgument", f"{value} is not a date of the form YYYY-MM-DD or {GRANULARITY}.")


def _check_prefix(prefix: str) -> None:
    if prefix not in METADATA_FORMATS:
        raise OAIError("cannotDisseminateFormat", f"The metadata format {prefix} is not offered; use oai_dc.")


def _header(parent, oai_identifier: str, stamp: datetime, specs: list[str], deleted: bool = False):
    header = _element(parent, "header", status="deleted" if deleted else None)
    _element(header, "identifier", oai_identifier)
    _element(header, "datestamp", datestamp(stamp))
    for spec in specs:
        _element(header, "setSpec", spec)
    return header


def _live_record(parent, document, absolute, with_metadata: bool):
    container = _element(parent, "record") if with_metadata else parent
    _header(container, records.identifier(document.pk), document.datestamp, records.document_set_specs(document))
    if with_metadata:
        metadata = _element(container, "metadata")
        dc = etree.SubElement(
            metadata,
            f"{{{OAI_DC}}}dc",
            {f"{{{XSI}}}schemaLocation": OAI_DC_SCHEMA},
            nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI},
        )
        for name, text, language in records.dublin_core(document, absolute):
            _element(dc, name, text, namespace=DC, **({XML_LANG: language} if language else {}))


def _withdrawn_record(parent, withdrawn, with_metadata: bool):
    container = _element(parent, "record") if with_metadata else parent
    _header(container, records.identifier(withdrawn.document_id), withdrawn.changed_at, withdrawn.set_spec_list, True)


# --- Verbs ----------------------------------------------------------------------------------------------------------


def identify(root, values, base_url, absolute):
    identify = _element(root, "Identify")
    _element(identify, "repositoryName", "Almaty Process: archive of documents")
    _element(identify, "baseURL", base_url)
    _element(identify, "protocolVersion", "2.0")
    _element(identify, "adminEmail", settings.DEFAULT_FROM_EMAIL)
    earliest = records.earliest_datestamp() or timezone.now()
    _element(identify, "earliestDatestamp", datestamp(earliest))
    # Withdrawals are recorded when they are saved, not by bulk changes made in code: "transient".
    _element(identify, "deletedRecord", "transient")
    _element(identify, "granularity", GRANULARITY)
    repository = records.repository_identifier()
    if "." in repository:
        description = _element(identify, "description")
        block = etree.SubElement(
            description,
            f"{{{IDENTIFIER}}}oai-identifier",
            {f"{{{XSI}}}schemaLocation": f"{IDENTIFIER} {IDENTIFIER}.xsd"},
            nsmap={None: IDENTIFIER, "xsi": XSI},
        )
        _element(block, "scheme", "oai", namespace=IDENTIFIER)
        _element(block, "repositoryIdentifier", repository, namespace=IDENTIFIER)
        _element(block, "delimiter", ":", namespace=IDENTIFIER)
        _element(block, "sampleIdentifier", records.identifier(1), namespace=IDENTIFIER)


def _existing_document(oai_identifier: str):
    """(public document with its datestamp, or None; withdrawn record, or None); idDoesNotExist otherwise."""
    number = records.document_id(oai_identifier)
    if number is not None:
        live = records.live_records(spec_q=Q(), since=None, before=None, after=number - 1, with_metadata=True)
        document = live.filter(pk=number).first()
        if document is not None:
            return document, None
        withdrawn = records.withdrawn_records(spec=None, since=None, before=None, after=number - 1)
        withdrawn = withdrawn.filter(document_id=number).first()
        if withdrawn is not None:
            return None, withdrawn
    raise OAIError("idDoesNotExist", f"{oai_identifier} is not an identifier of this repository.")


def list_metadata_formats(root, values, base_url, absolute):
    if "identifier" in values:
        _existing_document(values["identifier"])
    formats = _element(root, "ListMetadataFormats")
    for prefix, (schema, namespace) in METADATA_FORMATS.items():
        entry = _element(formats, "metadataFormat")
        _element(entry, "metadataPrefix", prefix)
        _element(entry, "schema", schema)
        _element(entry, "metadataNamespace", namespace)


def list_sets(root, values, base_url, absolute):
    if "resumptionToken" in values:
        raise OAIError("badResumptionToken", "The list of sets comes whole; it has no resumption token.")
    listing = _element(root, "ListSets")
    for spec, name, names in records.all_sets():
        entry = _element(listing, "set")
        _element(entry, "setSpec", spec)
        _element(entry, "setName", name)
        description = _element(entry, "setDescription")
        dc = etree.SubElement(
            description,
            f"{{{OAI_DC}}}dc",
            {f"{{{XSI}}}schemaLocation": OAI_DC_SCHEMA},
            nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI},
        )
        for language, text in names.items():
            _element(dc, "title", text, namespace=DC, **{XML_LANG: language})


def get_record(root, values, base_url, absolute):
    _check_prefix(values["metadataPrefix"])
    document, withdrawn = _existing_document(values["identifier"])
    container = _element(root, "GetRecord")
    if document is not None:
        _live_record(container, document, absolute, with_metadata=True)
    else:
        _withdrawn_record(container, withdrawn, with_metadata=True)


def _list_state(verb: str, values: dict[str, str]) -> dict:
    """What a list request asks for, from its arguments or from its resumption token."""
    if "resumptionToken" in values:
        try:
            state = signing.loads(values["resumptionToken"], salt=TOKEN_SALT)
        except signing.BadSignature:
            raise OAIError("badResumptionToken", "The resumption token is not valid.") from None
        if not isinstance(state, dict) or state.get("verb") != verb:
            raise OAIError("badResumptionToken", "The resumption token belongs to another request.")
        return state
    _check_prefix(values["metadataPrefix"])
    state = {"verb": verb, "prefix": values["metadataPrefix"], "phase": "live", "after": 0, "cursor": 0}
    moments = {}
    for name, end in (("from", False), ("until", True)):
        if name in values:
            moments[name] = _moment(values[name], end=end)
            state[name] = values[name]
    if len({granularity for _moment_, granularity in moments.values()}) > 1:
        raise OAIError("badArgument", "from and until must have the same granularity.")
    if "from" in moments and "until" in moments and moments["from"][0] >= moments["until"][0]:
        raise OAIError("badArgument", "from is later than until.")
    if "set" in values:
        state["set"] = values["set"]
    return state


def list_items(root, verb: str, values, absolute):
    state = _list_state(verb, values)
    with_metadata = verb == "ListRecords"
    spec = state.get("set")
    spec_q = records.set_q(spec) if spec else Q()
    if spec_q is None:
        raise OAIError("noRecordsMatch", f"There is no set {spec}.")
    since = _moment(state["from"], end=False)[0] if "from" in state else None
    before = _moment(state["until"], end=True)[0] if "until" in state else None
    page = settings.OAI_PAGE_SIZE
    phase, after = state["phase"], state["after"]
    live, withdrawn, next_state = [], [], None
    if phase == "live":
        found = list(
            records.live_records(spec_q=spec_q, since=since, before=before, after=after, with_metadata=with_metadata)[
                : page + 1
            ]
        )
        live = found[:page]
        if len(found) > page:
            next_state = {**state, "after": live[-1].pk}
        else:
            phase, after = "withdrawn", 0
    if phase == "withdrawn":
        room = page - len(live)
        found = list(records.withdrawn_records(spec=spec, since=since, before=before, after=after)[: room + 1])
        withdrawn = found[:room]
        if len(found) > room:
            last = withdrawn[-1].document_id if withdrawn else 0
            next_state = {**state, "phase": "withdrawn", "after": last}
    if not live and not withdrawn and "resumptionToken" not in values:
        raise OAIError("noRecordsMatch", "No record matches the arguments.")
    listing = _element(root, verb)
    for document in live:
        _live_record(listing, document, absolute, with_metadata)
    for record in withdrawn:
        _withdrawn_record(listing, record, with_metadata)
    count = len(live) + len(withdrawn)
    if next_state is not None:
        next_state["cursor"] = state["cursor"] + count
        token = signing.dumps(next_state, salt=TOKEN_SALT, compress=True)
        _element(listing, "resumptionToken", token, cursor=str(state["cursor"]))
    elif "resumptionToken" in values:
        _element(listing, "resumptionToken", "", cursor=str(state["cursor"]))


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": lambda root, values, base_url, absolute: list_items(root, "ListIdentifiers", values, absolute),
    "ListRecords": lambda root, values, base_url, absolute: list_items(root, "ListRecords", values, absolute),
}


def respond(arguments, base_url: str, absolute) -> bytes:
    """The XML answer to one OAI-PMH request; ``arguments`` is a QueryDict (GET or POST)."""
    root = etree.Element(f"{{{OAI}}}OAI-PMH", {f"{{{XSI}}}schemaLocation": OAI_SCHEMA}, nsmap={None: OAI, "xsi": XSI})
    _element(root, "responseDate", datestamp(timezone.now()))
    request = _element(root, "request", base_url)
    try:
        values = _single_values(arguments)
        verb = values.get("verb")
        if verb not in VERBS:
            raise OAIError("badVerb", "The verb is missing, or is not one of OAI-PMH's six verbs.")
        _check_arguments(verb, values)
        # The request is echoed with its arguments only when they are valid (the protocol, 3.2).
        for name, value in values.items():
            request.set(name, value)
        HANDLERS[verb](root, values, base_url, absolute)
    except OAIError as error:
        for name in list(request.attrib):
            if error.code in ("badVerb", "badArgument"):
                del request.attrib[name]
        _element(root, "error", error.message, code=error.code)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
