"""The translation workflow around wagtail-localize (French source, English translations).

- ``aliases``: a page wagtail-localize aliases into English (its synchronised tree, or the parents it copies
  when a child is translated first) is never live there, so no French text is served under ``/en/``.
- ``status``: one annotated query giving each French page's English translation status (the report).
- ``po``: batch PO export and import for an external translator, through wagtail-localize's models.
- ``views``: the admin report and the batch PO views.
"""
