"""grants models, one module per part of the app (re-exported here so Django finds them)."""

from .districts import *  # noqa: F403
from .sib import *  # noqa: F403
