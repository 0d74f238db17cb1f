"""/documents/<id>/<filename>: Wagtail's document view wrapped by ``members.views.serve_document`` (cache headers
of members' files). Included before ``wagtail.documents.urls``, whose patterns (and URL names) it leaves as they are.
"""

from django.urls import re_path

from members import views

urlpatterns = [
    # The same pattern as wagtail.documents.urls' "wagtaildocs_serve", unnamed: reverse() keeps Wagtail's.
    re_path(r"^(\d+)/(.*)$", views.serve_document),
]
