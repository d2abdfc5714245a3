"""Read a form back from a page as a browser would submit it: what the user saw is what the test sends."""
from html.parser import HTMLParser


class _Form(HTMLParser):
    def __init__(self, html, index):
        super().__init__(convert_charrefs=True)
        self.index, self.seen, self.values = index, -1, {}
        self._inside = self._select = self._textarea = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.seen += 1
            self._inside = self.seen == self.index
        elif not self._inside:
            return
        elif tag == "input" and attrs.get("name") and attrs.get("type") not in ("submit", "button"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self._add(attrs["name"], attrs.get("value", "" if attrs.get("type") not in ("checkbox", "radio")
                                                    else "on"))
        elif tag == "select":
            self._select = attrs.get("name")
        elif tag == "option" and self._select and "selected" in attrs:
            self._add(self._select, attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = attrs.get("name")
            self.values[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            text = self.values[self._textarea]  # a browser drops the one line break after <textarea>
            self.values[self._textarea] = text[2:] if text.startswith("\r\n") else text.removeprefix("\n")
            self._textarea = None

    def _add(self, name, value):
        if name in self.values:
            previous = self.values[name]
            self.values[name] = (previous if isinstance(previous, list) else [previous]) + [value]
        else:
            self.values[name] = value


def form_fields(html, index=0):
    """{name: value or [values]} of the page's form number `index` (0: the first <form> on the page)."""
    return _Form(html, index).values


def main_form(html, marker='class="bk-form"'):
    """The page's main form: the first <form> whose tag carries `marker`."""
    position = html.index(marker)
    return form_fields(html, html[:position].count("<form") - 1)
