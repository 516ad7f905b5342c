"""The import path migrations name (emulation 0008 and the catalogue correction); what it names lives in
`emulation.titles.seed`."""

from emulation.titles.seed import correct_catalogue, seed_catalogue

__all__ = ["correct_catalogue", "seed_catalogue"]
