"""Uploads through the real admin views: documents of the allowed kinds up to 20 MB, bitmap images up to 10 MB and
40 megapixels; HTML, SVG or programs refused with a message the editor understands (cms/settings/base.py)."""

import io

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.conftest import soup
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def png(size=(40, 30), padding=0, mode="RGB"):
    """A real PNG; ``padding`` zero bytes after its end make it heavier without changing the picture."""
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue() + b"\0" * padding


def upload_document(client, name, content, content_type="application/octet-stream"):
    data = {
        "title": name,
        "file": SimpleUploadedFile(name, content, content_type=content_type),
        "collection": Collection.get_first_root_node().pk,
    }
    return client.post(reverse("wagtaildocs:add"), data)


def upload_image(client, name, content):
    data = {
        "title": name,
        "file": SimpleUploadedFile(name, content, content_type="image/png"),
        "collection": Collection.get_first_root_node().pk,
    }
    return client.post(reverse("wagtailimages:add"), data)


def field_error(response):
    """The errors shown in the admin's form, with plain spaces and apostrophes."""
    assert response.status_code == 200  # the form again, not a redirect
    text = " ".join(e.get_text(" ", strip=True) for e in soup(response).select(".error-message, .w-field__errors"))
    return " ".join(text.replace("\u2019", "'").split())


def test_a_pdf_is_accepted(admin_client):
    response = upload_document(admin_client, "compte-rendu.pdf", PDF, "application/pdf")
    assert response.status_code == 302
    assert get_document_model().objects.get().file.name.endswith(".pdf")


@pytest.mark.parametrize(
    "name", ["page.html", "page.htm", "logo.svg", "installeur.exe", "script.js", "page.xhtml", "archive.pdf.html"]
)
def test_documents_that_a_browser_or_a_computer_would_run_are_refused(admin_client, name):
    response = upload_document(admin_client, name, b"<html><script>alert(1)</script></html>")
    error = field_error(response)
    extension = name.rsplit(".", 1)[1]
    assert f"L'extension de fichier « {extension} » n'est pas autorisée" in error
    assert "pdf" in error and "odt" in error  # the message lists what is allowed
    assert not get_document_model().objects.exists()


def test_a_document_over_20_mb_is_refused(admin_client):
    response = upload_document(admin_client, "rapport.pdf", PDF + b"\0" * (20 * MB), "application/pdf")
    error = field_error(response)
    assert "Ce fichier est trop gros (20,0 Mio). La taille de fichier maximale est de 20,0 Mio." in error
    assert not get_document_model().objects.exists()


def test_a_png_is_accepted(admin_client):
    response = upload_image(admin_client, "atelier.png", png())
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (40, 30)


def test_an_image_over_10_mb_is_refused(admin_client):
    response = upload_image(admin_client, "atelier.png", png(padding=10 * MB))
    assert "Ce fichier est trop gros" in field_error(response)
    assert "La taille de fichier maximale est de 10,0 Mio." in field_error(response)
    assert not get_image_model().objects.exists()


def test_an_image_of_too_many_pixels_is_refused(admin_client):
    response = upload_image(admin_client, "panorama.png", png(size=(8000, 5001), mode="1"))
    assert "pixels" in field_error(response)
    assert not get_image_model().objects.exists()


def test_an_svg_image_is_refused(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = upload_image(admin_client, "logo.svg", svg)
    assert "Format d'image non supporté. Formats supportés : GIF, JPG, JPEG, PNG, WEBP, AVIF." in field_error(response)
    assert not get_image_model().objects.exists()


def upload_several(client, url_name, name, content):
    """The admin's drag-and-drop upload (one request per file), which answers in JSON."""
    data = {"files[]": SimpleUploadedFile(name, content), "collection": Collection.get_first_root_node().pk}
    response = client.post(reverse(url_name), data, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    return response.json()


def test_the_multiple_upload_refuses_the_same_documents_and_images(admin_client):
    html = upload_several(admin_client, "wagtaildocs:add_multiple", "page.html", b"<script>alert(1)</script>")
    assert html["success"] is False
    assert "« html » n’est pas autorisée" in html["error_message"].replace("\xa0", " ")
    heavy = upload_several(admin_client, "wagtailimages:add_multiple", "atelier.png", png(padding=10 * MB))
    assert heavy["success"] is False
    assert "Ce fichier est trop gros" in heavy["error_message"]
    good = upload_several(admin_client, "wagtaildocs:add_multiple", "compte-rendu.pdf", PDF)
    assert good["success"] is True
    assert get_document_model().objects.count() == 1
    assert not get_image_model().objects.exists()
