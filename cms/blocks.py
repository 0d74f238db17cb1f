"""The StreamField block library editors compose pages with.

Each block renders through its own template in ``templates/blocks/``. Text shown to visitors is
entered by editors; labels and help texts are for the admin, in French.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


# The block picker shows each block rendered with its ``preview_value``. A value that needs a chooser (an
# image, a page, a document) takes one the site already holds, looked up when the preview is drawn; the
# block templates leave out what is missing, so a fresh site still gets a preview.


def _first_image():
    from wagtail.images import get_image_model

    return get_image_model().objects.order_by("pk").first()


def _public_documents(count):
    """Documents of collections without a view restriction (never a member's private document)."""
    from wagtail.documents import get_document_model

    documents = get_document_model().objects.filter(collection__view_restrictions__isnull=True)
    return list(documents.order_by("pk")[:count])


def _live_pages(count):
    """Public live content pages of the site (below the home pages), for the cards' previews."""
    from wagtail.models import Page

    pages = Page.objects.live().public().filter(depth__gt=2).specific().order_by("path")
    return list(pages[:count])


def _first_live_page():
    pages = _live_pages(1)
    return pages[0] if pages else None


class HeadingBlock(blocks.StructBlock):
    """A section heading; its level keeps the page outline correct for screen readers."""

    text = blocks.CharBlock(label=_("Texte"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Titre de section (h2)")), ("h3", _("Sous-titre (h3)")), ("h4", _("Intertitre (h4)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Titre")
        description = _("Un titre de section qui structure la page (h2, puis h3 et h4 en dessous).")
        preview_value = {"text": "Vivre et travailler à la campagne", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    """An image with its text alternative and an optional caption and credit."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Texte alternatif"),
        required=False,
        max_length=250,
        help_text=_("Décrit l'image pour qui ne la voit pas. Laisser vide si l'image est purement décorative."),
    )
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Crédit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("Une photo avec son texte alternatif, une légende et un crédit.")
        preview_template = "blocks/previews/image_block.html"

        @staticmethod
        def preview_value():
            return {
                "image": _first_image(),
                "alt_text": "Une ferme en pierre au pied du Vercors, au printemps",
                "caption": "Une exploitation à reprendre dans le Diois",
                "credit": "Pays Diois",
            }


class QuoteBlock(blocks.StructBlock):
    """A testimony or quotation with its author."""

    quote = blocks.TextBlock(label=_("Citation"))
    author = blocks.CharBlock(label=_("Auteur ou autrice"), required=False, max_length=120)
    role = blocks.CharBlock(label=_("Fonction"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Citation")
        description = _("Un témoignage ou une citation, avec son auteur ou autrice et sa fonction.")
        preview_value = {
            "quote": "Une expérience innovante de coopération inter territoire sans notion de concurrence.",
            "author": "Bilan 2016",
            "role": "Démarche Coopérations et mobilités ville–campagne",
        }


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to an external address."""

    page = blocks.PageChooserBlock(label=_("Page du site"), required=False)
    url = blocks.URLBlock(label=_("ou adresse externe"), required=False)
    label = blocks.CharBlock(label=_("Libellé"), required=False, max_length=80)

    class Meta:
        icon = "link"
        label = _("Lien")
        description = _("Un lien vers une page du site ou une adresse externe.")
        preview_value = {"url": "https://www.caprural.org/", "label": "Le site de Cap Rural"}
        preview_template = "blocks/previews/link_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": blocks.ValidationError(_("Choisissez une page ou saisissez une adresse."))}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    """A highlighted invitation with one button."""

    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    text = blocks.TextBlock(label=_("Texte"), required=False)
    link = LinkBlock(label=_("Bouton"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Appel à l'action")
        description = _("Un encadré mis en avant qui invite à agir, avec un bouton.")
        preview_value = {
            "title": "Vous avez un projet d'installation à la campagne ?",
            "text": "Les territoires du réseau vous accompagnent : rencontrez un conseiller près de chez vous.",
            "link": {"url": "https://www.caprural.org/", "label": "Prendre contact"},
        }


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("Chiffre"), max_length=20)
    label = blocks.CharBlock(label=_("Légende"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    """A row of key figures ("94 porteurs de projets conseillés")."""

    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Chiffres"), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        template = "blocks/key_figures_block.html"
        label = _("Chiffres clés")
        description = _("Une rangée de chiffres marquants, chacun avec sa légende (six au plus).")
        preview_value = {
            "title": "Le salon des entrepreneurs 2016",
            "figures": [
                {"figure": "9", "label": "territoires ruraux sur le stand"},
                {"figure": "94", "label": "porteurs de projets conseillés"},
                {"figure": "41", "label": "partenaires venus sur le stand"},
            ],
        }


class CardBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    title = blocks.CharBlock(label=_("Titre (par défaut celui de la page)"), required=False, max_length=120)
    text = blocks.TextBlock(label=_("Texte (par défaut le résumé de la page)"), required=False)
    image = ImageChooserBlock(label=_("Image"), required=False)


class CardGridBlock(blocks.StructBlock):
    """A grid of cards, each linking to a page of the site."""

    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=120)
    cards = blocks.ListBlock(CardBlock(), label=_("Cartes"), min_num=1)

    class Meta:
        icon = "grip"
        template = "blocks/card_grid_block.html"
        label = _("Grille de cartes")
        description = _("Des cartes qui mènent vers des pages du site, avec leur image et leur résumé.")

        @staticmethod
        def preview_value():
            return {
                "title": "À découvrir sur le site",
                "cards": [{"page": page, "title": "", "text": "", "image": None} for page in _live_pages(3)],
            }


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question ou intitulé"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Réponse"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that open and close (native <details>, no JavaScript)."""

    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Éléments"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion_block.html"
        label = _("Accordéon / FAQ")
        description = _("Des questions et leurs réponses, qui s'ouvrent d'un clic.")
        preview_value = {
            "title": "Questions fréquentes",
            "items": [
                {
                    "question": "Qui peut être accompagné ?",
                    "answer": "<p>Toute personne qui souhaite s'installer ou créer une activité en milieu rural.</p>",
                },
                {
                    "question": "L'accompagnement est-il payant ?",
                    "answer": "<p>Non : les territoires du réseau accueillent gratuitement les porteurs "
                    "de projets.</p>",
                },
            ],
        }


class DocumentListBlock(blocks.StructBlock):
    """Downloadable documents, shown with their format and size."""

    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Document")), label=_("Documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_list_block.html"
        label = _("Liste de documents")
        description = _("Des documents à télécharger, avec leur format et leur poids.")

        @staticmethod
        def preview_value():
            return {"title": "Documents à télécharger", "documents": _public_documents(3)}


class VideoBlock(blocks.StructBlock):
    """An embedded video with a title and a transcript for accessibility."""

    video = EmbedBlock(label=_("Adresse de la vidéo"))
    title = blocks.CharBlock(label=_("Titre de la vidéo"), max_length=160)
    transcript = blocks.RichTextBlock(label=_("Transcription"), required=False, features=["bold", "italic", "link"])

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Vidéo")
        description = _("Une vidéo intégrée (YouTube, Vimeo, PeerTube…) avec son titre et sa transcription.")
        # No address in the preview: drawing it would fetch the video's embed code from its site.
        preview_value = {
            "video": None,
            "title": "Retour sur le salon des entrepreneurs 2016",
            "transcript": "<p>Neuf territoires ruraux ont présenté leurs offres d'activités aux porteurs de "
            "projets venus de la ville.</p>",
        }


class DataTableBlock(blocks.StructBlock):
    """A data table with a caption (required for accessibility)."""

    caption = blocks.CharBlock(label=_("Titre du tableau"), max_length=200)
    table = TableBlock(label=_("Tableau"), table_options={"contextMenu": True})

    class Meta:
        icon = "table"
        template = "blocks/table_block.html"
        label = _("Tableau")
        description = _("Un tableau de données avec son titre (lu par les lecteurs d'écran).")
        preview_value = {
            "caption": "Porteurs de projets accompagnés par année",
            "table": {
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "data": [
                    ["Année", "Porteurs de projets", "Installations"],
                    ["2016", "94", "12"],
                    ["2017", "118", "17"],
                ],
            },
        }


class ContactCardBlock(blocks.StructBlock):
    """A person to contact."""

    name = blocks.CharBlock(label=_("Nom"), max_length=120)
    role = blocks.CharBlock(label=_("Fonction"), required=False, max_length=200)
    organisation = blocks.CharBlock(label=_("Structure"), required=False, max_length=160)
    email = blocks.EmailBlock(label=_("Courriel"), required=False)
    phone = blocks.CharBlock(label=_("Téléphone"), required=False, max_length=30)

    class Meta:
        icon = "user"
        template = "blocks/contact_card_block.html"
        label = _("Contact")
        description = _("Une personne à contacter, avec sa fonction, sa structure, son courriel et son téléphone.")
        preview_value = {
            "name": "Aurélie Braillon",
            "role": "Chargée de mission, dynamiques territoriales de créations d'activités",
            "organisation": "Cap Rural",
            "email": "construction.activite@caprural.org",
            "phone": "04 75 61 01 26",
        }


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Nom"), max_length=160)
    logo = ImageChooserBlock(label=_("Logo"), required=False)
    url = blocks.URLBlock(label=_("Site web"), required=False)


class PartnerLogosBlock(blocks.StructBlock):
    """Partners and funders, with their logos."""

    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=120)
    partners = blocks.ListBlock(PartnerBlock(), label=_("Partenaires"), min_num=1)

    class Meta:
        icon = "group"
        template = "blocks/partner_logos_block.html"
        label = _("Logos des partenaires")
        description = _("Les partenaires et financeurs de la démarche, avec leur logo et leur site.")
        preview_value = {
            "title": "Ils soutiennent la démarche",
            "partners": [
                {"name": "Région Auvergne-Rhône-Alpes", "logo": None, "url": "https://www.auvergnerhonealpes.fr/"},
                {"name": "Europe – FEADER", "logo": None, "url": ""},
                {"name": "Cap Rural", "logo": None, "url": "https://www.caprural.org/"},
            ],
        }


class TimelineEntryBlock(blocks.StructBlock):
    date = blocks.CharBlock(
        label=_("Date ou période"), max_length=60, help_text=_("Par ex. « 2017 » ou « 15 et 16 juin 2016 »")
    )
    title = blocks.CharBlock(label=_("Titre"), max_length=200)
    text = blocks.RichTextBlock(label=_("Texte"), required=False, features=RICH_TEXT_FEATURES)


class TimelineBlock(blocks.StructBlock):
    """Dated milestones, in order (the 2016–2018 actions)."""

    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=120)
    entries = blocks.ListBlock(TimelineEntryBlock(), label=_("Étapes"), min_num=1)

    class Meta:
        icon = "history"
        template = "blocks/timeline_block.html"
        label = _("Frise chronologique")
        description = _("Des étapes datées, dans l'ordre : actions, rendez-vous, bilans.")
        preview_value = {
            "title": "Les actions de la démarche",
            "entries": [
                {"date": "2016", "title": "Salon des entrepreneurs de Lyon", "text": ""},
                {"date": "15 et 16 juin 2017", "title": "Journées d'échanges entre territoires", "text": ""},
                {"date": "2018", "title": "Bilan et nouvelles coopérations", "text": ""},
            ],
        }


class ParagraphBlock(blocks.RichTextBlock):
    """Formatted text: paragraphs, lists, sub-headings and links."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Texte")
        description = _("Du texte mis en forme : paragraphes, listes, intertitres et liens.")
        preview_value = (
            "<p>Le réseau accompagne les citadins qui veulent <b>vivre et travailler à la campagne</b> : "
            "reprise d'entreprise, création d'activité, emploi salarié.</p>"
            "<ul><li>des offres d'activités dans douze territoires ruraux ;</li>"
            "<li>un conseiller pour chaque projet.</li></ul>"
        )


class BodyBlock(blocks.StreamBlock):
    """Everything an editor may put in the body of a page."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()
    card_grid = CardGridBlock()
    accordion = AccordionBlock()
    documents = DocumentListBlock()
    video = VideoBlock()
    table = DataTableBlock()
    contact = ContactCardBlock()
    partners = PartnerLogosBlock()
    timeline = TimelineBlock()
