"""Language choice: the interface is Dutch unless the user picks English with the switch."""

from django.conf import settings


class DutchUnlessChosenMiddleware:
    """Pages ignore the browser's language preference; the language switch (a cookie) decides.

    Civil servants often run an English browser, yet Onderdak's interface is Dutch by default.
    The API keeps honouring ``Accept-Language``, so clients get messages in the language they ask.
    Must come before ``LocaleMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = settings.LANGUAGE_COOKIE_NAME in request.COOKIES
        if not chosen and not request.path.startswith("/api/"):
            request.META["HTTP_ACCEPT_LANGUAGE"] = settings.LANGUAGE_CODE
        return self.get_response(request)
