from django import forms
from django.utils.translation import gettext_lazy as _

from cms.filters import MAX_QUERY_LENGTH, ignored_message, search_terms
from search.kinds import KINDS
from search.query import SORT_NEWEST, SORT_RELEVANCE

PARAMETERS = ["q", "kind", "territory", "sort", "page"]
SORTS = [(SORT_RELEVANCE, _("Pertinence")), (SORT_NEWEST, _("Les plus récents"))]


class SearchForm(forms.Form):
    """The search page's parameters; a value it cannot use is reported (:meth:`ignored`), never an error page."""

    q = forms.CharField(
        label=_("Rechercher sur le site"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        strip=True,
        widget=forms.SearchInput,
    )
    kind = forms.ChoiceField(label=_("Type de contenu"), choices=[(k.value, k.label) for k in KINDS], required=False)
    territory = forms.ChoiceField(label=_("Territoire"), choices=[], required=False)
    sort = forms.ChoiceField(label=_("Trier par"), choices=SORTS, required=False)
    page = forms.IntegerField(label=_("Page"), min_value=1, max_value=10_000, required=False)

    def __init__(self, data, *, territories):
        super().__init__(data)
        self.fields["territory"].choices = [(value, t.title) for value, t in territories.items()]

    @property
    def values(self):
        """The values that could be used (the others left out), for the search to run with."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if value not in (None, "")}

    @property
    def ignored(self):
        """One message per parameter value that was left out (the search field shows its own error)."""
        self.is_valid()
        messages = [
            ignored_message(self.fields[name].label, self[name].value())
            for name in PARAMETERS
            if name != "q" and name in self.errors
        ]
        text = self.values.get("q")
        if text and not search_terms(text):
            messages.append(ignored_message(self.fields["q"].label, text[:40]))
        return messages
