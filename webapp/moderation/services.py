"""What other packages call: the moderation log and the coördinator's decisions, one transaction each."""
from webapp.moderation.actions import ACTION_LABELS, action_label, may_moderate, record
from webapp.moderation.blocking import block, block_everywhere, may_block
from webapp.moderation.reports import handle_report, report
from webapp.moderation.review import approve, reject, review_kind

__all__ = ["ACTION_LABELS", "action_label", "may_moderate", "record", "block", "block_everywhere", "may_block", "handle_report", "report",
           "approve", "reject", "review_kind"]
