from django.http import Http404


def tracking(request, token):
    raise Http404


def survey(request, token):
    raise Http404
