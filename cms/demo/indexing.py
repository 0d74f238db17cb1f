"""Index the demo once at the end instead of after every save.

Loading the demo saves each page several times (creation, revisions, publication, translation); letting
the search and reference indexes update after each save was a third of the run time.
"""

from contextlib import contextmanager

from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler

from django.db.models.signals import post_save

from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def deferred_indexing():
    """Turn off the per-save search and reference index updates; call ``reindex`` before leaving."""
    disconnected = [
        model for model in index.get_indexed_models() if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def reindex(objects):
    """Update the search and reference indexes of ``objects``."""
    for obj in objects:
        index.insert_or_update_object(obj)
        ReferenceIndex.create_or_update_for_object(obj)
