"""Accounts: the provisioned-account adapter, language and the two-factor requirement."""
