"""A QR code as inline SVG (segno), so a printed handout leads back to the page."""
import segno
from markupsafe import Markup
from segno.encoder import DataOverflowError


def qr_svg(url, title):
    """An <svg> of the QR code for `url`, with `title` as its accessible name; None when the URL is too long for
    any QR code (a search of thousands of characters): the handout then prints the address only."""
    try:
        code = segno.make(url, error="m")
    except DataOverflowError:
        return None
    return Markup(code.svg_inline(scale=4, title=title, svgclass="bk-qr", lineclass=None))
