"""A drop-in for the reference `nashpobench2api`: change only the import.

    from tabularnas.nashpobench2api import NASHPOBench2API
    from tabularnas.nashpobench2api.utils import get_ith_op, set_ith_op
"""
from .api import NASHPOBench2API

__all__ = ["NASHPOBench2API"]
