"""Signals for the apps above `evaluations`, which must not be imported here.

`observations_changed` is sent when something that may count towards a score changed: a violation moved to or from
upheld, an inspection was submitted, a KPI reading was recorded or removed. Keyword argument `changes`: an iterable
of (unit id, date observed) pairs. Receivers that act on the database should wait for the commit.
"""

from django.dispatch import Signal

observations_changed = Signal()
