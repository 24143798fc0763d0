"""OAI-PMH at /oai/ and the open-data package: its page and its file."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from opendata import oai, package


# OAI-PMH harvesters may POST their arguments (the protocol, 3.1.1.2); nothing is written, so no CSRF token.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def oai_pmh(request):
    arguments = request.POST if request.method == "POST" else request.GET
    body = oai.respond(arguments, request.build_absolute_uri(reverse("oai")), request.build_absolute_uri)
    return HttpResponse(body, content_type="text/xml; charset=utf-8")


@require_safe
def open_data(request):
    built = package.latest_build()
    return render(
        request,
        "opendata/open_data.html",
        {
            "build": built,
            "files": package.contents(built) if built else [],
            "oai_url": request.build_absolute_uri(reverse("oai")),
        },
    )


@require_safe
def package_file(request):
    build = package.latest_build()
    if build is None:
        raise Http404("The open-data package has not been built yet.")
    return package.send(build)
