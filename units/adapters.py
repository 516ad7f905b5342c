from allauth.account.adapter import DefaultAccountAdapter


class ProvisionedAccountAdapter(DefaultAccountAdapter):
    """Accounts are created by administrators; nobody signs themselves up."""

    def is_open_for_signup(self, request):
        return False
