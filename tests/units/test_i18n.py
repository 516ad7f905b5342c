"""Vietnamese by default, English when chosen and remembered; the catalogues are complete and compiled."""

import ast
import gettext
from html.parser import HTMLParser
from pathlib import Path

import allauth
import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale"
ALLAUTH_PO = Path(allauth.__file__).parent / "locale" / "fr" / "LC_MESSAGES" / "django.po"
# The allauth parts this project installs; socialaccount, openid, idp and usersessions are not.
ALLAUTH_PARTS = ("account/", "mfa/", "templates/account/", "templates/mfa/", "templates/allauth/")


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file: {"ctx", "id", "plural", "strs", "refs", "flags"}; obsolete (#~) ones left out."""
    entries, entry, field = [], None, None

    def fresh():
        return {"ctx": None, "id": None, "plural": None, "strs": {}, "refs": [], "flags": []}

    entry = fresh()
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#~"):
            continue
        if (not line.strip() or line.startswith(("#", "msgctxt ", "msgid "))) and entry["id"] is not None:
            entries.append(entry)
            entry = fresh()
        if line.startswith("#:"):
            entry["refs"] += line[2:].split()
        elif line.startswith("#,"):
            entry["flags"] += [flag.strip() for flag in line[2:].split(",")]
        elif line.startswith("msgctxt "):
            entry["ctx"], field = ast.literal_eval(line[8:]), "ctx"
        elif line.startswith("msgid_plural "):
            entry["plural"], field = ast.literal_eval(line[13:]), "plural"
        elif line.startswith("msgid "):
            entry["id"], field = ast.literal_eval(line[6:]), "id"
        elif line.startswith("msgstr"):
            index = int(line[7 : line.index("]")]) if line.startswith("msgstr[") else 0
            entry["strs"][index], field = ast.literal_eval(line[line.index(" ") + 1 :]), index
        elif line.startswith('"') and field is not None:
            if isinstance(field, int):
                entry["strs"][field] += ast.literal_eval(line)
            else:
                entry[field] += ast.literal_eval(line)
    return [e for e in entries if e["id"]]


def allauth_entries() -> list[dict]:
    """allauth's own catalogue entries for the parts installed here (account, mfa, layouts)."""
    return [e for e in read_po(ALLAUTH_PO) if any(ref.startswith(ALLAUTH_PARTS) for ref in e["refs"])]


class VisibleText(HTMLParser):
    """Text a user sees or hears: text nodes outside <script>/<style>, plus placeholders, titles and labels."""

    ATTRIBUTES = {"placeholder", "title", "aria-label", "alt"}

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._hidden += 1
        self.texts += [value for name, value in attrs if name in self.ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._hidden = max(0, self._hidden - 1)

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.texts.append(" ".join(data.split()))


def visible_texts(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return parser.texts


def navbar_of(html: str) -> str:
    return html[html.index("<nav") : html.index("</nav>")]


# --- catalogues ---------------------------------------------------------------------------------------------


def test_vietnamese_catalogue_translates_every_allauth_account_and_mfa_string():
    ours = {(e["ctx"], e["id"]): e for e in read_po(LOCALE / "vi" / "LC_MESSAGES" / "django.po")}
    wanted = allauth_entries()
    assert len(wanted) > 250  # the parser really read allauth's catalogue
    missing = [e["id"] for e in wanted if (e["ctx"], e["id"]) not in ours]
    untranslated = [key[1] for key, e in ours.items() if not all(e["strs"].values()) or "fuzzy" in e["flags"]]
    assert missing == []
    assert untranslated == []


@pytest.mark.parametrize("language", ["vi", "en"])
def test_compiled_catalogue_matches_its_po_file(language):
    """The committed .mo is what the .po says: the app needs no gettext tools to run."""
    po_path = LOCALE / language / "LC_MESSAGES" / "django.po"
    with open(po_path.with_suffix(".mo"), "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    entries = [e for e in read_po(po_path) if "fuzzy" not in e["flags"] and e["strs"].get(0)]
    assert entries
    for e in entries:
        msgid = f"{e['ctx']}\x04{e['id']}" if e["ctx"] else e["id"]
        if e["plural"]:
            assert compiled.ngettext(msgid, e["plural"], 1) == e["strs"][0], e["id"]
        else:
            assert compiled.gettext(msgid) == e["strs"][0], e["id"]


def test_english_catalogue_translates_every_entry():
    entries = read_po(LOCALE / "en" / "LC_MESSAGES" / "django.po")
    assert len(entries) > 100
    untranslated = [e["id"] for e in entries if not all(e["strs"].values()) or "fuzzy" in e["flags"]]
    assert untranslated == []


# --- language switching -------------------------------------------------------------------------------------


def test_a_new_visitor_sees_vietnamese_even_with_an_english_browser(client):
    response = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Đăng nhập" in visible_texts(html)
    assert "Sign In" not in html


def switch(client, language, next_url="/"):
    return client.post(reverse("set_language"), {"language": language, "next": next_url})


def test_switching_to_english_changes_the_next_page_and_is_remembered(login, personas):
    client = login(personas.staff)
    response = switch(client, "en", reverse("units:profile"))
    assert response.status_code == 302
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["max-age"] == settings.LANGUAGE_COOKIE_AGE  # survives closing the browser

    for _ in range(2):  # the choice holds on every following request
        html = client.get(reverse("home")).content.decode()
        nav = navbar_of(html)
        assert '<html lang="en">' in html
        assert "Sign out" in nav and "Notifications" in nav
        assert "Đăng xuất" not in nav and "Thông báo" not in nav


def test_switching_back_to_vietnamese(login, personas):
    client = login(personas.staff)
    switch(client, "en")
    assert "Sign out" in navbar_of(client.get(reverse("home")).content.decode())
    response = switch(client, "vi")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "vi"
    nav = navbar_of(client.get(reverse("home")).content.decode())
    assert "Đăng xuất" in nav and "Sign out" not in nav


def test_the_language_switch_is_offered_in_the_other_language(client):
    html = client.get(reverse("account_login")).content.decode()
    assert 'name="language" value="en"' in html
    switch(client, "en")
    html = client.get(reverse("account_login")).content.decode()
    assert 'name="language" value="vi"' in html
    assert "Sign in" in visible_texts(html)


def test_the_english_navbar_has_no_vietnamese_left(login, personas):
    """The navbar's own items; strings added later reach English by re-running makemessages -l en."""
    client = login(personas.administrator)
    switch(client, "en")
    nav = navbar_of(client.get(reverse("units:profile")).content.decode())
    for english, vietnamese in [
        ("Notifications", "Thông báo"),
        ("Sign out", "Đăng xuất"),
        ("Admin", "Quản trị"),
        ("Roles", "Phân quyền"),
        ("Open menu", "Mở menu"),
    ]:
        assert english in nav and vietnamese not in nav, english
