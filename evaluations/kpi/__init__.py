"""KPI readings of units (e.g. on-time procedure rate), entered or imported."""
