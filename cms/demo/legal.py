"""The contact form, the accessibility statement (RGAA model), the legal notice and the privacy notice."""

from cms.demo.streams import heading, paragraph
from cms.demo.texts import N, T
from cms.demo.tree import PageSpec

CONTACT_EMAIL = "construction.activite@caprural.org"
# The privacy notice's French slug: the registration form's consent links to the page that has it.
PRIVACY_PAGE_SLUG = "donnees-personnelles"


def legal_pages():
    return [contact_page(), accessibility_page(), legal_notice_page(), privacy_page()]


def _field(label, clean_name, field_type, required=True, help_text=("", "")):
    return {
        "label": label,
        "clean_name": N(clean_name),
        "field_type": field_type,
        "required": required,
        "help_text": T(*help_text) if help_text[0] else "",
        "choices": "",
        "default_value": "",
    }


def contact_page():
    return PageSpec(
        "cms.FormPage",
        N("contact"),
        N("Contact"),
        fields={
            "show_in_menus": True,
            "summary": T(
                "Une question sur la démarche, un projet d'installation à la campagne : écrivez à Cap Rural.",
                "A question about the approach or a plan to move to the countryside: write to Cap Rural.",
            ),
            "intro": T(
                "<p>Décrivez votre demande en quelques lignes : nous vous répondons sous une semaine et vous "
                "orientons si besoin vers le territoire concerné.</p>",
                "<p>Describe your request in a few lines: we answer within a week and, if needed, put you in touch "
                "with the right territory.</p>",
            ),
            "thank_you_text": T(
                "<p>Merci, votre message a bien été envoyé. Nous vous répondons sous une semaine.</p>",
                "<p>Thank you, your message has been sent. We will answer within a week.</p>",
            ),
            "to_address": N(CONTACT_EMAIL),
            "from_address": "noreply@ville-campagne.example",
            "subject": T(
                "Nouveau message depuis le formulaire de contact",
                "New message from the contact form",
            ),
        },
        relations={
            "form_fields": [
                _field(T("Nom", "Name"), "nom", "singleline"),
                _field(T("Courriel", "Email"), "courriel", "email"),
                _field(
                    T("Structure", "Organisation"),
                    "structure",
                    "singleline",
                    required=False,
                    help_text=(
                        "Facultatif : votre territoire, entreprise ou association.",
                        "Optional: your territory, company or association.",
                    ),
                ),
                _field(T("Message", "Message"), "message", "multiline"),
                _field(
                    T(
                        "J'accepte que ces informations soient utilisées pour répondre à ma demande",
                        "I agree that this information is used to answer my request",
                    ),
                    "consentement",
                    "checkbox",
                    help_text=(
                        "Vos données ne servent qu'à vous répondre ; elles sont supprimées au bout d'un an.",
                        "Your data is only used to answer you; it is deleted after one year.",
                    ),
                ),
            ]
        },
    )


def accessibility_page():
    body = [
        paragraph(
            T(
                "<p>Cap Rural s'engage à rendre ce site accessible conformément à l'article 47 de la loi n° 2005-102 "
                "du 11 février 2005. Cette déclaration d'accessibilité s'applique au site Coopérations et mobilités "
                "ville–campagne.</p>",
                "<p>Cap Rural is committed to making this website accessible in accordance with article 47 of French "
                "law no. 2005-102 of 11 February 2005. This accessibility statement applies to the Town–country "
                "cooperation and mobility website.</p>",
            )
        ),
        heading(T("État de conformité", "Compliance status")),
        paragraph(
            T(
                "<p>Ce site est <b>non conforme</b> avec le référentiel général d'amélioration de l'accessibilité "
                "(RGAA) version 4.1 : il n'a pas encore fait l'objet d'un audit de conformité.</p>"
                "<p>Il a pourtant été conçu pour être accessible : structure des titres, textes alternatifs, "
                "contrastes "
                "vérifiés, navigation au clavier, formulaires étiquetés, pages utilisables sans JavaScript. Un audit "
                "est prévu ; cette déclaration sera alors mise à jour avec le taux de conformité mesuré.</p>",
                "<p>This website is <b>not compliant</b> with the French accessibility guidelines (RGAA) version 4.1: "
                "it has not been audited yet.</p>"
                "<p>It was nevertheless designed to be accessible: heading structure, text alternatives, checked "
                "contrast, keyboard navigation, labelled forms, pages that work without JavaScript. An audit is "
                "planned; this statement will then be updated with the measured compliance rate.</p>",
            )
        ),
        heading(T("Contenus non accessibles", "Non-accessible content")),
        paragraph(
            T(
                "<p>Les documents téléchargeables anciens (comptes rendus, supports de sessions) peuvent ne pas être "
                "accessibles. Sur demande, nous vous les transmettons dans un format adapté.</p>",
                "<p>Older downloadable documents (minutes, session materials) may not be accessible. On request, we "
                "will send them to you in a suitable format.</p>",
            )
        ),
        heading(T("Établissement de cette déclaration", "Preparation of this statement")),
        paragraph(
            T(
                "<p>Cette déclaration a été établie lors de la mise en ligne du site, sur la base d'une "
                "auto-évaluation "
                "menée avec un lecteur d'écran, la navigation au clavier et un outil de test automatique.</p>",
                "<p>This statement was prepared when the website went online, based on a self-assessment carried out "
                "with a screen reader, keyboard navigation and an automated testing tool.</p>",
            )
        ),
        heading(T("Retour d'information et contact", "Feedback and contact")),
        paragraph(
            T(
                "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez-nous à <a "
                'href="mailto:construction.activite@caprural.org">construction.activite@caprural.org</a> ou utilisez '
                'le <a linktype="page" id="@contact">formulaire de contact</a> : nous vous proposerons une alternative '
                "accessible.</p>",
                "<p>If you cannot access a piece of content or a service, write to us at <a "
                'href="mailto:construction.activite@caprural.org">construction.activite@caprural.org</a> or use the '
                '<a linktype="page" id="@contact">contact form</a>: we will offer you an accessible alternative.</p>',
            )
        ),
        heading(T("Voies de recours", "Remedies")),
        paragraph(
            T(
                "<p>Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à "
                "un service et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur "
                "des droits :</p>"
                '<ul><li>par le <a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a> ;</li>'
                '<li>en contactant <a href="https://www.defenseurdesdroits.fr/carte-des-delegues">le délégué du '
                "Défenseur des droits</a> de votre région ;</li>"
                "<li>par téléphone au 09 69 39 00 00 ;</li>"
                "<li>par courrier, gratuitement, sans timbre : Défenseur des droits, Libre réponse 71120, 75342 Paris "
                "CEDEX 07.</li></ul>",
                "<p>If you have reported an accessibility problem that prevents you from accessing content or a "
                "service and have not received a satisfactory answer, you can refer the matter to the Défenseur des "
                "droits (the French rights ombudsman):</p>"
                '<ul><li>through the <a href="https://formulaire.defenseurdesdroits.fr/">online form</a>;</li>'
                '<li>by contacting <a href="https://www.defenseurdesdroits.fr/carte-des-delegues">the Défenseur des '
                "droits delegate</a> in your region;</li>"
                "<li>by phone on +33 9 69 39 00 00;</li>"
                "<li>by post, free of charge, no stamp needed: Défenseur des droits, Libre réponse 71120, 75342 Paris "
                "CEDEX 07, France.</li></ul>",
            )
        ),
    ]
    return PageSpec(
        "cms.StandardPage",
        T("declaration-accessibilite", "accessibility-statement"),
        T("Déclaration d'accessibilité", "Accessibility statement"),
        fields={
            "show_in_menus": False,
            "summary": T(
                "Accessibilité : non conforme. Ce que nous avons fait, ce qui reste à vérifier, comment nous "
                "signaler un problème.",
                "Accessibility: not compliant. What we have done, what remains to be checked, how to report a problem.",
            ),
            "body": body,
        },
    )


def legal_notice_page():
    return PageSpec(
        "cms.StandardPage",
        T("mentions-legales", "legal-notice"),
        T("Mentions légales", "Legal notice"),
        fields={
            "show_in_menus": False,
            "summary": T(
                "Éditeur du site, hébergement, données personnelles et crédits.",
                "Publisher, hosting, personal data and credits.",
            ),
            "body": [
                heading(T("Éditeur", "Publisher")),
                paragraph(
                    T(
                        "<p>Le site Coopérations et mobilités ville–campagne est édité par Cap Rural, chef de file de "
                        "la démarche. Contact : construction.activite@caprural.org, 04 75 61 01 26.</p>"
                        "<p>Direction de la publication : à compléter avant la mise en ligne.</p>",
                        "<p>The City–countryside cooperation and mobility website is published by Cap Rural, lead "
                        "partner "
                        "of the approach. Contact: construction.activite@caprural.org, +33 4 75 61 01 26.</p>"
                        "<p>Publication director: to be completed before going online.</p>",
                    )
                ),
                heading(T("Hébergement", "Hosting")),
                paragraph(
                    T(
                        "<p>Hébergeur : à compléter (nom, adresse et téléphone de l'hébergeur retenu).</p>",
                        "<p>Hosting provider: to be completed (name, address and phone number of the chosen host).</p>",
                    )
                ),
                heading(T("Données personnelles", "Personal data")),
                paragraph(
                    T(
                        "<p>Les informations envoyées par le formulaire de contact servent uniquement à répondre à "
                        "votre "
                        "demande et sont supprimées au bout d'un an. Vous pouvez y accéder, les faire rectifier ou "
                        "supprimer en écrivant à construction.activite@caprural.org, et saisir la CNIL.</p>"
                        "<p>Ce site ne dépose aucun cookie de mesure d'audience ou de publicité.</p>",
                        "<p>Information sent through the contact form is only used to answer your request and is "
                        "deleted after one year. You can access, correct or delete it by writing to "
                        "construction.activite@caprural.org, and lodge a complaint with the CNIL.</p>"
                        "<p>This website sets no analytics or advertising cookies.</p>",
                    )
                ),
                heading(T("Crédits", "Credits")),
                paragraph(
                    T(
                        "<p>Illustrations et logos de démonstration générés par le site. Ce projet est cofinancé par "
                        "le "
                        "Fonds européen agricole pour le développement rural.</p>",
                        "<p>Demo illustrations and logos generated by the website. This project is co-funded by the "
                        "European Agricultural Fund for Rural Development.</p>",
                    )
                ),
            ],
        },
    )


def privacy_page():
    return PageSpec(
        "cms.StandardPage",
        T(PRIVACY_PAGE_SLUG, "personal-data"),
        T("Données personnelles", "Personal data"),
        fields={
            "show_in_menus": False,
            "seo_title": T("Politique de confidentialité", "Privacy policy"),
            "summary": T(
                "Ce que nous faisons des informations que vous nous confiez, notamment en vous inscrivant à un "
                "événement, et comment exercer vos droits.",
                "What we do with the information you give us, in particular when you register for an event, and "
                "how to exercise your rights.",
            ),
            "body": [
                heading(T("Responsable du traitement", "Data controller")),
                paragraph(
                    T(
                        "<p>Cap Rural, chef de file de la démarche Coopérations et mobilités ville–campagne, est "
                        "responsable des traitements décrits ici. Contact : construction.activite@caprural.org, "
                        "04 75 61 01 26.</p>",
                        "<p>Cap Rural, lead partner of the City–countryside cooperation and mobility approach, is the "
                        "controller of the processing described here. Contact: construction.activite@caprural.org, "
                        "+33 4 75 61 01 26.</p>",
                    )
                ),
                heading(T("Finalités et base légale", "Purposes and legal basis")),
                paragraph(
                    T(
                        "<p>Quand vous vous inscrivez à un événement, vos nom, prénom, adresse électronique, "
                        "structure, fonction, territoire et, si vous les donnez, téléphone, besoins particuliers et "
                        "commentaire servent à organiser l'événement : confirmer votre place, gérer la liste "
                        "d'attente, vous envoyer un rappel ou un changement de programme, préparer l'accueil "
                        "(repas, accessibilité) et établir la liste des présents. Ce traitement repose sur votre "
                        "consentement, que vous donnez en cochant la case du formulaire.</p>"
                        "<p>Les messages du formulaire de contact servent uniquement à vous répondre.</p>",
                        "<p>When you register for an event, your first and last names, email address, organisation, "
                        "role, territory and, if you give them, phone number, particular needs and comment are used "
                        "to organise the event: confirm your seat, manage the waiting list, send you a reminder or a "
                        "change of programme, prepare your welcome (meals, accessibility) and draw up the attendance "
                        "list. This processing is based on your consent, which you give by ticking the form's "
                        "box.</p>"
                        "<p>Messages sent through the contact form are only used to answer you.</p>",
                    )
                ),
                heading(T("Durée de conservation", "Retention")),
                paragraph(
                    T(
                        "<p>Les inscriptions sont anonymisées douze mois après l'événement : seuls restent des "
                        "chiffres de participation. Les messages du formulaire de contact sont supprimés au bout "
                        "d'un an.</p>",
                        "<p>Registrations are anonymised twelve months after the event: only attendance figures "
                        "remain. Messages from the contact form are deleted after one year.</p>",
                    )
                ),
                heading(T("Destinataires", "Recipients")),
                paragraph(
                    T(
                        "<p>Vos informations sont lues par les seuls organisateurs de l'événement (l'équipe de Cap "
                        "Rural et, pour un événement local, le territoire qui l'organise). Elles ne sont ni vendues "
                        "ni cédées, et ne servent à aucune prospection.</p>",
                        "<p>Your information is only read by the event's organisers (the Cap Rural team and, for a "
                        "local event, the territory organising it). It is neither sold nor passed on, and is never "
                        "used for marketing.</p>",
                    )
                ),
                heading(T("Vos droits", "Your rights")),
                paragraph(
                    T(
                        "<p>Vous pouvez accéder à vos données, les faire rectifier ou effacer, en limiter "
                        "l'utilisation, retirer votre consentement à tout moment (annuler votre inscription avec le "
                        "lien reçu par courriel suffit) en écrivant à construction.activite@caprural.org. Nous "
                        "répondons sous un mois.</p>"
                        "<p>Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une "
                        "réclamation à la CNIL (www.cnil.fr, 3 place de Fontenoy, 75007 Paris).</p>",
                        "<p>You can access your data, have it corrected or erased, restrict its use, and withdraw "
                        "your consent at any time (cancelling your registration with the link sent by email is "
                        "enough) by writing to construction.activite@caprural.org. We answer within one month.</p>"
                        "<p>If you consider that your rights are not respected, you can lodge a complaint with the "
                        "CNIL, the French data protection authority (www.cnil.fr, 3 place de Fontenoy, 75007 "
                        "Paris).</p>",
                    )
                ),
                heading(T("Cookies", "Cookies")),
                paragraph(
                    T(
                        "<p>Ce site ne dépose aucun cookie de mesure d'audience ou de publicité. Un cookie de "
                        "session, strictement nécessaire, protège le formulaire d'inscription et retient votre "
                        "inscription le temps de vous la confirmer.</p>",
                        "<p>This website sets no analytics or advertising cookies. A strictly necessary session "
                        "cookie protects the registration form and remembers your registration long enough to "
                        "confirm it to you.</p>",
                    )
                ),
            ],
        },
    )
