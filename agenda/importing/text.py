"""Text clean-up shared by the parsers: HTML/Markdown to plain text, addresses, links."""

import html
import re
from datetime import date, datetime

from django.utils.html import strip_tags

_HTML_HINT = re.compile(r"<\s*(?:p|br|div|span|a|b|i|u|strong|em|ul|ol|li|h[1-6]|table|html|body)\b[^>]*>", re.I)
_BLOCK_END = re.compile(r"<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/tr|/ul|/ol)\s*>", re.I)
_LIST_ITEM = re.compile(r"<\s*li\b[^>]*>", re.I)
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\u00a0]+")

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*", re.M)
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?", re.M)
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$", re.M)

_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.I)
_VISIO_HOSTS = re.compile(
    r"https?://(?:[\w-]+\.)*(?:zoom\.us|teams\.microsoft\.com|teams\.live\.com|meet\.google\.com|meet\.jit\.si"
    r"|webex\.com|whereby\.com|gotomeeting\.com|livestorm\.co|bigbluebutton\.\w+|visio\.[\w.-]+|[\w-]*bbb[\w-]*\.[\w.-]+)"
    r"[^\s<>\"')\]]*",
    re.I,
)
_ONLINE_WORDS = re.compile(r"\b(?:visio\w*|en ligne|webinaires?|webinars?|distanciel)\b", re.I)

_POSTCODE_COMMUNE = re.compile(r"^(?P<before>.*?)\b(?P<postcode>\d{5})\s+(?P<commune>[^\d,]+?)(?:\s+cedex(?:\s*\d+)?)?$", re.I)
_STREET = re.compile(
    r"^\s*(?:\d+\s*(?:bis|ter|[a-z])?\b|rue|place|avenue|av\.|bd|boulevard|chemin|route|allée|impasse|quai|cours"
    r"|square|lieu-dit|zone|za|zi|parc|rond-point)\b",
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


def html_to_text(value: str) -> str:
    """Plain text from an HTML fragment: line breaks where blocks end, tags removed, entities decoded."""
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
    value = value.replace("\\", "") if "\\" in value else value
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
    return any(_ONLINE_WORDS.search(text or "") for text in texts)


def first_url(text: str) -> str:
    match = _URL.search(text or "")
    return match.group(0).rstrip(".,;") if match else ""


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
