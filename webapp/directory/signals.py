"""News from the sociale kaart that higher packages act on, without the kaart importing them."""
from blinker import Namespace

_signals = Namespace()

# Sent with the Service while its page is rendered; each receiver returns (template, context) for a section of
# its own on the page (the agenda), or None.
service_page_showing = _signals.signal("service-page-showing")


def extra_sections(service):
    """[(template, context)] of every receiver that has something to show on this voorziening's page."""
    return [part for _receiver, part in service_page_showing.send(service) if part]
