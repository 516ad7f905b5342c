"""Self-assessment: a unit's own claims against the scheme, with evidence, verified by an inspector."""
