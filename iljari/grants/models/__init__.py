"""The grants app's models, one module per part: agreements, district projects (and ecosystem funding), the SIB,
the labour unions' sub-projects and scholarships;
re-exported here so Django finds them."""

from .agreements import *  # noqa: F403
from .districts import *  # noqa: F403
from .sib import *  # noqa: F403
from .unions import *  # noqa: F403
