"""Places and regions for the conflict-news project (no Streamlit).

* :mod:`geo.gazetteer` - resolve place names (both names of dual-named towns)
  to :class:`~geo.gazetteer.Place`; pure Python, fast to load.
* :mod:`geo.regions` - committed region layers and vectorised point assignment
  (regions containing a point, distance to the Armenia-Azerbaijan border).
* :mod:`geo.maps` - offline Altair base map of the layers.

Command line: ``python -m geo locate NAME [--country CC]``,
``python -m geo regions [--layer ID]``, ``python -m geo build``.
"""
