"""The eligibility engine: each registered person or unit against a title's rule set, and why."""
