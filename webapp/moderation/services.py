"""What other packages call: the moderation log and the coördinator's decisions, one transaction each."""
from webapp.moderation.actions import ACTION_LABELS, action_label, may_moderate, record  # noqa: F401
from webapp.moderation.blocking import block, may_block  # noqa: F401
from webapp.moderation.reports import handle_report, report  # noqa: F401
from webapp.moderation.review import approve, reject, review_kind  # noqa: F401
