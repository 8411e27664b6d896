"""concurrent.interpreters: the name CPython 3.14 gives the interpreters module (PEP 734)."""
import interpreters as _impl
from interpreters import *

__all__ = _impl.__all__
