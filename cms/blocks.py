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


class QuoteBlock(blocks.StructBlock):
    """A testimony or quotation with its author."""

    quote = blocks.TextBlock(label=_("Citation"))
    author = blocks.CharBlock(label=_("Auteur ou autrice"), required=False, max_length=120)
    role = blocks.CharBlock(label=_("Fonction"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Citation")
        preview_value = {
            "quote": "Une expérience innovante de coopération inter territoire sans notion de concurrence.",
            "author": "Bilan 2016",
        }


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to an external address."""

    page = blocks.PageChooserBlock(label=_("Page du site"), required=False)
    url = blocks.URLBlock(label=_("ou adresse externe"), required=False)
    label = blocks.CharBlock(label=_("Libellé"), required=False, max_length=80)

    class Meta:
        icon = "link"
        label = _("Lien")

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


class DocumentListBlock(blocks.StructBlock):
    """Downloadable documents, shown with their format and size."""

    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Document")), label=_("Documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_list_block.html"
        label = _("Liste de documents")


class VideoBlock(blocks.StructBlock):
    """An embedded video with a title and a transcript for accessibility."""

    video = EmbedBlock(label=_("Adresse de la vidéo"))
    title = blocks.CharBlock(label=_("Titre de la vidéo"), max_length=160)
    transcript = blocks.RichTextBlock(label=_("Transcription"), required=False, features=["bold", "italic", "link"])

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Vidéo")


class DataTableBlock(blocks.StructBlock):
    """A data table with a caption (required for accessibility)."""

    caption = blocks.CharBlock(label=_("Titre du tableau"), max_length=200)
    table = TableBlock(label=_("Tableau"), table_options={"contextMenu": True})

    class Meta:
        icon = "table"
        template = "blocks/table_block.html"
        label = _("Tableau")


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


class BodyBlock(blocks.StreamBlock):
    """Everything an editor may put in the body of a page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Texte"), features=RICH_TEXT_FEATURES, template="blocks/paragraph_block.html", icon="pilcrow"
    )
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
