"""Every package's models in one import, so the mapper registry and Alembic see the whole schema."""
from webapp.accounts import models as accounts_models  # noqa: F401
from webapp.agenda import models as agenda_models  # noqa: F401
from webapp.directory import audit as directory_audit  # noqa: F401
from webapp.directory import models as directory_models  # noqa: F401
from webapp.directory import gemeente_contacts as directory_contacts  # noqa: F401
from webapp.geo import models as geo_models  # noqa: F401
from webapp.mail import models as mail_models  # noqa: F401
from webapp.search import models as search_models  # noqa: F401
from webapp.search import vocabulary as search_vocabulary  # noqa: F401
from webapp.posts import models as posts_models  # noqa: F401
from webapp.moderation import models as moderation_models  # noqa: F401
from webapp.matching import models as matching_models  # noqa: F401
from webapp.ratelimit import storage as ratelimit_storage  # noqa: F401
from webapp import submissions as submission_models  # noqa: F401
from webapp import epoch as epoch_models  # noqa: F401
from webapp.ops import models as ops_models  # noqa: F401
from webapp.providers import models as providers_models  # noqa: F401
