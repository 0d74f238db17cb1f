"""Test-settings helpers (cms/settings/test.py): nothing here is used in production."""

from axes.backends import AxesStandaloneBackend


class RequestOptionalAxesBackend(AxesStandaloneBackend):
    """django-axes' backend, except that ``authenticate()`` without a request (the test client's ``login()``)
    is left to the next backend instead of raising: throttling is tested through real POSTs to the login page."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
