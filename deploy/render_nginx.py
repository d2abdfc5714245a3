"""Fill the placeholders (@NAME@) of deploy/nginx.conf and print the result (README "In productie").

    python3 deploy/render_nginx.py --server-name buurtkaart.meppel.nl \
        --certificate /etc/letsencrypt/live/buurtkaart.meppel.nl/fullchain.pem \
        --certificate-key /etc/letsencrypt/live/buurtkaart.meppel.nl/privkey.pem \
        > /etc/nginx/conf.d/buurtkaart.conf
    nginx -t && systemctl reload nginx

Standard library only. Every placeholder must get a value; a value may not contain ';', '{', '}' or a newline.
"""
import argparse
import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).with_name("nginx.conf")
ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"@([A-Z_]+)@")

# option -> (placeholder, default)
OPTIONS = {
    "server_name": ("SERVER_NAME", None),
    "listen_http": ("LISTEN_HTTP", "80"),
    "listen_https": ("LISTEN_HTTPS", "443"),
    "certificate": ("TLS_CERTIFICATE", None),
    "certificate_key": ("TLS_CERTIFICATE_KEY", None),
    "upstream": ("UPSTREAM", "127.0.0.1:8000"),
    "static_root": ("STATIC_ROOT", str(ROOT / "static")),
}


def render(values, template=None):
    """The template with every @NAME@ replaced by values[NAME]; ValueError on a missing or unsafe value."""
    text = (template or TEMPLATE).read_text(encoding="utf-8")
    wanted = set(PLACEHOLDER.findall(text))
    missing = sorted(wanted - {name for name, value in values.items() if value})
    if missing:
        raise ValueError(f"no value for {', '.join(missing)}")
    for name in wanted:
        if re.search(r"[;{}\n\r]", str(values[name])):
            raise ValueError(f"{name} may not contain ';', '{{', '}}' or a newline")
    return PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), text)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for option, (name, default) in OPTIONS.items():
        flag = "--" + option.replace("_", "-")
        parser.add_argument(flag, default=default, required=default is None, help=f"@{name}@ (default: {default})")
    args = parser.parse_args(argv)
    values = {name: getattr(args, option) for option, (name, _default) in OPTIONS.items()}
    try:
        sys.stdout.write(render(values))
    except ValueError as error:
        parser.error(str(error))


if __name__ == "__main__":
    main()
