"""Images and documents of the demo, generated on the spot (no download): abstract landscapes and logos.

Each file is looked up by its title first, so running the loader again reuses what it made before.
"""

import math
import random
from io import BytesIO

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

LANDSCAPE_SIZE = (1200, 675)
LOGO_SIZE = (480, 240)

# (key, title, sky top, sky bottom, hill colours from far to near)
LANDSCAPES = [
    ("hills", "Illustration – collines et bocage", "#9ecae1", "#f7e3c6", ["#8fb996", "#5e9c6e", "#3d7a50", "#24573a"]),
    (
        "valley",
        "Illustration – vallée au petit matin",
        "#f6bd8d",
        "#fde9d4",
        ["#c9b8d9", "#9b86b8", "#6f5d94", "#463b6b"],
    ),
    ("plateau", "Illustration – plateau et champs", "#b9dcf2", "#eef6fb", ["#c5d88a", "#a3c063", "#7f9f45", "#587b2c"]),
    ("vines", "Illustration – coteaux de vignes", "#ffd59e", "#fff4e0", ["#d9b38c", "#b98b5e", "#8d6a3f", "#5f4526"]),
    (
        "mountains",
        "Illustration – montagnes du Diois",
        "#a7c7e7",
        "#f0f4f8",
        ["#b0bec5", "#8a9ba8", "#60798a", "#3c5566"],
    ),
    ("river", "Illustration – rivière et prairies", "#cde7f0", "#f9fbf2", ["#a8d5ba", "#7fbf9b", "#4f9d78", "#2e7056"]),
    ("town", "Illustration – bourg rural", "#e8c5d8", "#fbeef4", ["#d2b48c", "#a98467", "#7c5c45", "#523c2c"]),
]

# (key, name, initials, colour, shape)
LOGOS = [
    ("cap-rural", "Cap Rural", "CR", "#2e7d32", "circle"),
    ("ardta", "Ardta", "A", "#1565c0", "square"),
    ("region-aura", "Région Auvergne-Rhône-Alpes", "RA", "#6a1b9a", "diamond"),
    ("cvc", "Collectif Ville Campagne", "CVC", "#ef6c00", "circle"),
    ("france-clusters", "France Clusters", "FC", "#c62828", "square"),
    ("feader", "FEADER – Europe", "UE", "#283593", "circle"),
]

DOCUMENTS = [
    (
        "bilan-2016",
        "Bilan des actions 2016 (synthèse)",
        "bilan-actions-2016-synthese.txt",
        """Coopérations et mobilités ville-campagne — Bilan des principales actions 2016

1. Session d'information pour les porteurs de projets, 19 mai 2016, Lyon
   Avec la Maison de l'Emploi et de la Formation de Lyon. Environ 25 participants dont 6 partenaires.

2. Salon des entrepreneurs de Lyon, 15 et 16 juin 2016
   Stand commun de 9 territoires ruraux, conférence « Entrepreneuriat au vert ».
   94 porteurs de projets conseillés, 41 partenaires venus sur le stand.

3. Montée en compétences des agents de développement
   3 mars 2016 à Vienne : « Mettre en valeur son territoire pour des candidats à l'installation ».
   26 septembre 2016 à Lyon : « Mobiliser autrement avant et lors d'un évènement ».

Document de démonstration généré par le site.
""",
    ),
]


def _hex(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def landscape_bytes(seed, sky_top, sky_bottom, hills):
    """An abstract, text-free landscape: a sky gradient, a sun and layers of rolling hills (JPEG)."""
    rng = random.Random(seed)  # noqa: S311 - deterministic artwork, not security
    width, height = LANDSCAPE_SIZE
    img = PILImage.new("RGB", LANDSCAPE_SIZE)
    draw = ImageDraw.Draw(img)
    top, bottom = _hex(sky_top), _hex(sky_bottom)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(top, bottom, y / height))
    sun_x, sun_y, radius = rng.randint(150, width - 150), rng.randint(90, 220), rng.randint(45, 80)
    draw.ellipse(
        [sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius], fill=_mix(bottom, (255, 255, 255), 0.6)
    )
    for layer, colour in enumerate(hills):
        base = height * (0.45 + 0.13 * layer)
        amplitude = height * (0.09 - 0.012 * layer)
        waves = [(rng.uniform(0.6, 2.6), rng.uniform(0, math.tau), rng.uniform(0.4, 1.0)) for _ in range(3)]
        points = [(0, height)]
        for x in range(0, width + 20, 20):
            offset = sum(w * math.sin(f * math.tau * x / width + p) for f, p, w in waves)
            points.append((x, base - amplitude * offset / 2))
        points.append((width, height))
        draw.polygon(points, fill=_hex(colour))
        if layer == len(hills) - 2:  # a few trees on the middle ground
            for _ in range(rng.randint(5, 12)):
                x = rng.randint(0, width)
                y = base - amplitude * sum(w * math.sin(f * math.tau * x / width + p) for f, p, w in waves) / 2
                r = rng.randint(10, 22)
                draw.ellipse([x - r, y - 2 * r, x + r, y], fill=_hex(hills[-1]))
    buffer = BytesIO()
    img.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def logo_bytes(initials, colour, shape):
    """A placeholder logo: a coloured shape with the partner's initials (PNG, transparent background)."""
    width, height = LOGO_SIZE
    img = PILImage.new("RGBA", LOGO_SIZE, (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    fill = _hex(colour)
    box = [width / 2 - 100, height / 2 - 100, width / 2 + 100, height / 2 + 100]
    if shape == "circle":
        draw.ellipse(box, fill=fill)
    elif shape == "diamond":
        cx, cy = width / 2, height / 2
        draw.polygon([(cx, cy - 110), (cx + 110, cy), (cx, cy + 110), (cx - 110, cy)], fill=fill)
    else:
        draw.rounded_rectangle(box, radius=28, fill=fill)
    font = ImageFont.load_default(size=88 if len(initials) < 3 else 64)
    draw.text((width / 2, height / 2), initials, font=font, fill="white", anchor="mm")
    buffer = BytesIO()
    img.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _image(title, filename, make_bytes):
    model = get_image_model()
    image = model.objects.filter(title=title).order_by("pk").first()
    if image is None:
        image = model(title=title)
        image.file = ImageFile(BytesIO(make_bytes()), name=filename)
        image._set_image_file_metadata()
        image.save()
    return image


def ensure_images():
    """Create (or find) the demo images; return them by key."""
    images = {}
    for index, (key, title, sky_top, sky_bottom, hills) in enumerate(LANDSCAPES):
        images[key] = _image(
            title, f"demo-{key}.jpg", lambda i=index, a=sky_top, b=sky_bottom, h=hills: landscape_bytes(i, a, b, h)
        )
    for key, name, initials, colour, shape in LOGOS:
        images[f"logo-{key}"] = _image(
            f"Logo – {name}", f"logo-{key}.png", lambda i=initials, c=colour, s=shape: logo_bytes(i, c, s)
        )
    return images


def ensure_documents():
    """Create (or find) the demo documents; return them by key."""
    model = get_document_model()
    documents = {}
    for key, title, filename, text in DOCUMENTS:
        document = model.objects.filter(title=title).order_by("pk").first()
        if document is None:
            document = model(title=title)
            document.file = ContentFile(text.encode("utf-8"), name=filename)
            document._set_document_file_metadata()
            document.save()
        documents[key] = document
    return documents
