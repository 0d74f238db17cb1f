"""The text helpers the parsers share: locations, HTML and Markdown to plain text, encodings."""

import pytest

from agenda.importing import FeedError
from agenda.importing.text import (
    decode_bytes,
    html_to_text,
    http_url,
    markdown_to_text,
    mentions_online,
    split_location,
)


@pytest.mark.parametrize(
    ("location", "parts"),
    [
        (
            "Maison des services, 42 rue Camille Buffardel, 26150 Die, France",
            ("Maison des services", "42 rue Camille Buffardel", "26150", "Die"),
        ),
        ("Salle des fêtes, 26340 Saillans, France", ("Salle des fêtes", "", "26340", "Saillans")),
        ("Place de la République, 26150 Die", ("", "Place de la République", "26150", "Die")),
        (
            "Mairie, 1 place de la Mairie 42220 Bourg-Argental",
            ("Mairie", "1 place de la Mairie", "42220", "Bourg-Argental"),
        ),
        ("12 avenue Jean Jaurès, 69007 Lyon Cedex 07", ("", "12 avenue Jean Jaurès", "69007", "Lyon")),
        ("Bourg-Argental", ("Bourg-Argental", "", "", "")),
        ("Parc des expositions, 42000 Saint-Étienne", ("Parc des expositions", "", "42000", "Saint-Étienne")),
        ("", ("", "", "", "")),
    ],
)
def test_split_location(location, parts):
    assert split_location(location) == parts


def test_html_to_text():
    html = "<p>Bonjour&nbsp;&amp; bienvenue</p><ul><li>un</li><li>deux</li></ul>fin<br>ligne <script>x</script>"

    assert html_to_text(html) == "Bonjour & bienvenue\n\n- un\n- deux\nfin\nligne"


def test_markdown_to_text():
    markdown = "## Titre\n\n**Gras** et *italique*, [le guide](https://x.example/g), \\*pas une étoile\\*\n\n> cité"
    expected = "Titre\n\nGras et italique, le guide (https://x.example/g), *pas une étoile*\n\ncité"

    assert markdown_to_text(markdown) == expected
    assert (
        markdown_to_text("[dossier](https://x.example/mon_dossier_2027)")
        == "dossier (https://x.example/mon_dossier_2027)"
    )
    assert markdown_to_text("<p>Déjà du <em>HTML</em></p>") == "Déjà du HTML"


def test_http_url_refuses_other_schemes():
    assert http_url(" https://www.example.org/a ") == "https://www.example.org/a"
    assert http_url("javascript:alert(1)") == ""
    assert http_url("mailto:a@b.fr") == ""
    assert http_url("www.example.org") == ""


@pytest.mark.parametrize(
    ("text", "online"),
    [
        ("Réunion en visio", True),
        ("Webinaire de présentation", True),
        ("En ligne sur Zoom", True),
        ("Inscription en ligne obligatoire", False),
        ("Réservez vite en ligne", False),
        ("Visite de la ferme", False),
    ],
)
def test_mentions_online(text, online):
    assert mentions_online(text) is online


def test_decode_bytes_tries_utf8_then_the_announced_charset_then_windows_1252():
    assert decode_bytes("Événement".encode()) == "Événement"
    assert decode_bytes(b"\xef\xbb\xbf" + "Événement".encode()) == "Événement"
    assert decode_bytes("Événement".encode("latin-1")) == "Événement"
    assert decode_bytes("L’œuvre".encode("cp1252")) == "L’œuvre"
    assert decode_bytes("Événement".encode("utf-16")) == "Événement"
    assert decode_bytes("Łódź".encode("iso-8859-2"), "iso-8859-2") == "Łódź"  # the announced charset
    with pytest.raises(FeedError, match="contenu binaire"):
        decode_bytes(b"\x00\x01\x02binaire")
