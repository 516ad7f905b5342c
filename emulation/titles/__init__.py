"""The titles and award forms, the authorities that award them, and the rule sets that say who qualifies."""
