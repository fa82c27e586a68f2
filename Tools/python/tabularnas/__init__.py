"""TabularNAS from Python: every query answered by the Swift library through `tabnas serve`."""
from .server import PROTOCOL_VERSION, Server, ServerNotFound, TabNASError, find_binary
from .client import Dataset, Run, Workers

__all__ = ["PROTOCOL_VERSION", "Server", "ServerNotFound", "TabNASError", "find_binary", "Dataset", "Run", "Workers"]
