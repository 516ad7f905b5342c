"""axe-core (bundled by axe-playwright-python) run on the page the browser shows: serious and critical findings."""

from axe_playwright_python.sync_playwright import Axe

AXE = Axe()
BLOCKING = {"serious", "critical"}


def serious_findings(page) -> list[str]:
    """Each serious or critical axe violation as 'rule (impact): first targets', empty when the page passes."""
    violations = AXE.run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}) {page.url}: {[node['target'] for node in v['nodes']][:4]}"
        for v in violations
        if v["impact"] in BLOCKING
    ]
