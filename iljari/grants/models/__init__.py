"""The grants app's models, one module per part (agreements here; district projects and the SIB in their own)."""

from .agreements import *  # noqa: F403
