"""The translation workflow around wagtail-localize (French source, English translations).

- ``guards``: a page wagtail-localize aliases into English (its synchronised tree, or the parents it copies
  when a child is translated first) is never live there; saving a translation as a draft leaves the live English
  page as it was published. So no French text is served under ``/en/`` until a translation is published.
- ``status``: one annotated query giving each French page's English translation status (the report).
- ``po``: batch PO export and import for an external translator, through wagtail-localize's models.
- ``views``: the admin report and the batch PO views.
"""
