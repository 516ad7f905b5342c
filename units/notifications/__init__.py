"""Notifications: the inbox, and the e-mail sent after the commit."""
