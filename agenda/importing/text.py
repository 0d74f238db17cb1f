"""Text clean-up shared by the parsers: HTML/Markdown to plain text, addresses, links."""

import html
import re
from datetime import date, datetime

from django.utils.html import strip_tags

from .parsed import FeedError

_HTML_HINT = re.compile(r"<\s*(?:p|br|div|span|a|b|i|u|strong|em|ul|ol|li|h[1-6]|table|html|body)\b[^>]*>", re.I)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_BLOCK_END = re.compile(r"<\s*(?:br\s*/?|/p|/div|/h[1-6]|/tr|/ul|/ol)\s*>", re.I)
_LIST_ITEM = re.compile(r"<\s*li\b[^>]*>", re.I)
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\u00a0]+")

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_MD_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*", re.M)
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_MD_RULE = re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.M)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_MD_KEPT = re.compile("\ue000(\\d+)\ue001")  # an escaped character, set aside while the marks go

_VISIO_HOSTS = re.compile(
    r"https?://(?:[\w-]+\.)*(?:zoom\.us|teams\.microsoft\.com|teams\.live\.com|meet\.google\.com|meet\.jit\.si"
    r"|webex\.com|whereby\.com|gotomeeting\.com|livestorm\.co|bigbluebutton\.\w+|visio\.[\w.-]+|[\w-]*bbb[\w-]*\.[\w.-]+)"
    r"[^\s<>\"')\]]*",
    re.I,
)
_ONLINE_WORDS = re.compile(r"\b(?:visio\w*|en ligne|webinaires?|webinars?|distanciel)\b", re.I)
# "Inscription en ligne", "billetterie en ligne"… say nothing about where the event happens.
_NOT_ONLINE = re.compile(
    r"\b(?:inscri\w*|r[ée]serv\w*|billet\w*|formulaire|disponibles?)(?:\s+\S+){0,2}?\s+en ligne\b", re.I
)

# A LOCATION that names a video service rather than a place ("Réunion Microsoft Teams", "En visio").
_ONLINE_PLACE = re.compile(
    r"^[^\d]*\b(?:teams|zoom|google meet|skype|jitsi|webex|visio\w*|en ligne|webinaires?|distanciel)\b[^\d]*$", re.I
)
_POSTCODE_COMMUNE = re.compile(
    r"^(?P<before>.*?)\b(?P<postcode>\d{5})\s+(?P<commune>[^\d,]+?)(?:\s+cedex(?:\s*\d+)?)?$", re.I
)
_STREET = re.compile(
    r"^\s*(?:\d+\s*(?:bis|ter|[a-z])?\b|rue|place|avenue|av\.|bd|boulevard|chemin|route|allée|impasse|quai|cours"
    r"|square|lieu-dit|za|zi|zac|rond-point)\b",
    re.I,
)
_COUNTRIES = {"france", "fr"}


def clean_text(value: str) -> str:
    """Collapse runs of spaces, trim every line, keep at most one blank line between paragraphs."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in value.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def clean_line(value: str) -> str:
    """One line of text: every run of whitespace becomes one space."""
    return " ".join(str(value).split())


def looks_like_html(value: str) -> bool:
    return bool(_HTML_HINT.search(value))


def looks_like_html_page(head: str) -> bool:
    """Whether the start of a downloaded file is a web page (an error or login page, a site's home)."""
    head = head.lstrip("\ufeff \t\r\n")[:2048].lower()
    return head.startswith("<") and any(mark in head for mark in ("<!doctype html", "<html", "<head", "<body"))


def html_to_text(value: str) -> str:
    """Plain text from an HTML fragment: line breaks where blocks end, tags removed, entities decoded."""
    value = _SCRIPT.sub("", value)
    value = _LIST_ITEM.sub("\n- ", value)
    value = _BLOCK_END.sub("\n", value)
    return clean_text(html.unescape(strip_tags(value)))


def markdown_to_text(value: str) -> str:
    """Plain text from Markdown (as OpenAgenda's longDescription), or from HTML if that is what it is.

    Only the marks that would show as noise are removed: links become "text (url)", emphasis, headings,
    quotes and rules lose their signs. Lists and paragraphs are already readable as they are.
    """
    if looks_like_html(value):
        value = html_to_text(value)
    value = _MD_ESCAPE.sub(lambda match: f"\ue000{ord(match.group(1))}\ue001", value)

    def link(match):
        text, url = match.group(1).strip(), match.group(2)
        if not text or text == url:
            return url
        return f"{text} ({url})"

    value = _MD_LINK.sub(link, value)
    for _ in range(2):  # nested emphasis, as ***bold italic***
        value = _MD_EMPHASIS.sub(r"\2", value)
    value = _MD_HEADING.sub("", value)
    value = _MD_QUOTE.sub("", value)
    value = _MD_RULE.sub("", value)
    value = _MD_KEPT.sub(lambda match: chr(int(match.group(1))), value)
    return clean_text(html.unescape(value))


def http_url(value) -> str:
    """The value if it is an http(s) URL, else "" (a feed must not slip in a ``javascript:`` link)."""
    value = clean_line(value or "")
    return value if re.match(r"https?://[^\s/]+", value, re.I) else ""


def find_visio_link(*texts: str) -> str:
    """The first link to a known video-conference service found in the texts, else ""."""
    for text in texts:
        match = _VISIO_HOSTS.search(text or "")
        if match:
            return match.group(0).rstrip(".,;")
    return ""


def mentions_online(*texts: str) -> bool:
    """Whether the texts say the event happens online ("en visio", "webinaire", "en ligne")."""
    return any(_ONLINE_WORDS.search(_NOT_ONLINE.sub("", text or "")) for text in texts)


def is_online_place(location: str) -> bool:
    """Whether a LOCATION names a video service, not a place: no street, no postcode, a service's name."""
    return bool(_ONLINE_PLACE.match(location or ""))


def split_location(text: str) -> tuple[str, str, str, str]:
    """Best effort split of a French one-line location into (name, address, postcode, commune).

    "Maison des services, 42 rue Camille Buffardel, 26150 Die, France" gives
    ("Maison des services", "42 rue Camille Buffardel", "26150", "Die"). A part that looks like a
    street ("12 rue…", "place…") goes to the address; what comes before it is the place's name. When
    nothing can be recognised the whole text is the name.
    """
    parts = [clean_line(p) for p in clean_line(text).split(",")]
    parts = [p for p in parts if p]
    while parts and parts[-1].lower() in _COUNTRIES:
        parts.pop()
    postcode = commune = ""
    for index in range(len(parts) - 1, -1, -1):
        match = _POSTCODE_COMMUNE.match(parts[index])
        if match:
            postcode, commune = match["postcode"], clean_line(match["commune"])
            before = clean_line(match["before"])
            parts = parts[:index] + ([before] if before else [])
            break
    if not parts:
        return "", "", postcode, commune
    street_at = next((i for i, part in enumerate(parts) if _STREET.match(part)), None)
    if street_at is None:
        return ", ".join(parts), "", postcode, commune
    return ", ".join(parts[:street_at]), ", ".join(parts[street_at:]), postcode, commune


def format_date(value: date | datetime) -> str:
    """A date for a French sentence: "09/02/2027" or "09/02/2027 18:00"."""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


def format_number(value: int) -> str:
    """A count for a French sentence: 6000 gives "6 000"."""
    return f"{value:,}".replace(",", " ")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_bytes(content: bytes, charset: str | None = None) -> str:
    """The text of a downloaded file, whatever its encoding, or FeedError if it is not text.

    UTF-8 first (with or without BOM; UTF-16 when a BOM says so), then the charset the server
    announced, then Windows-1252 (what a French Windows export usually is, a superset of latin-1 for
    letters) and latin-1 as the last resort, which decodes any byte.
    """
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            raise FeedError("Le fichier annonce l'encodage UTF-16 mais son contenu est illisible.") from None
    if content.startswith(b"\x1f\x8b"):
        raise FeedError("Le fichier reçu est compressé (gzip) : ce n'est pas un agenda lisible tel quel.")
    if b"\x00" in content[:4096]:
        raise FeedError("Le fichier reçu n'est pas du texte (contenu binaire) : ce n'est pas un agenda.")
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    candidates = ["utf-8"]
    if charset:
        candidates.append(charset)
    candidates += ["cp1252", "latin-1"]
    for encoding in candidates:
        try:
            text = content.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        break
    sample = text[:4096]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise FeedError("Le fichier reçu n'est pas du texte (contenu binaire) : ce n'est pas un agenda.")
    return text
