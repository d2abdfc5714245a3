"""Mail: an outbox in the database, sent after the commit by the file or SMTP backend (built in the mail work)."""


def init_app(app):
    pass


def queue_mail(to_address, template, *, subject, essential=True, user=None, **context):
    raise NotImplementedError
