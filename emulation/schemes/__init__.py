"""Scoring schemes: criterion groups, criteria, deductions, bonuses, bands and vetoes of a period."""
