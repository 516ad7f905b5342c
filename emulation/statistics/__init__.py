"""Yearly statistics of titles and award forms granted, per awarding body (the table a Sở Nội vụ sends up)."""
