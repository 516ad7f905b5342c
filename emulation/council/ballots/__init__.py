"""Ballots of the council: voting and sealing (`voting`), the secret ballot box (`box`), what closing puts at stake
(`stakes`)."""
