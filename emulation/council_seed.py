"""The import path migrations name (emulation 0010 and the vote-rule correction); what it names lives in
`emulation.council.seed`."""

from emulation.council.seed import correct_vote_rules, seed_vote_rules

__all__ = ["correct_vote_rules", "seed_vote_rules"]
