"""Small things every visitor notices: the login page's first button signs in, and the site has a favicon."""

import re

from django.contrib.staticfiles import finders
from django.urls import reverse


def test_the_login_pages_first_button_is_sign_in_not_the_language_switch(client, db):
    html = client.get(reverse("account_login")).content.decode()
    buttons = re.findall(r"<button[^>]*>\s*([^<]+?)\s*</button>", html)
    assert buttons[0] == "Đăng nhập" and "English" in buttons[1:]


def test_every_page_names_a_favicon_that_exists(client, db):
    html = client.get(reverse("account_login")).content.decode()
    assert 'rel="icon" href="/static/favicon.svg"' in html
    assert finders.find("favicon.svg")
