"""`make bench-scale`: the site at production scale (10,000 offers, 20,000 event dates) on PostgreSQL, over HTTP.

See :mod:`tests.bench_scale.run` for what is measured and :mod:`tests.bench_scale.fill` for the data.
"""
