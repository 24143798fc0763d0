from axes.backends import AxesStandaloneBackend


class LoginAttemptBackend(AxesStandaloneBackend):
    """django-axes' lockout check for every sign-in made through a web request.

    Logins without a request (the test client's ``login()``, management commands) cannot
    be brute-forced from outside, so they pass on to the next backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
