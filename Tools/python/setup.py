"""Records, in the installed package, the repository it was installed from, so the client finds
that repository's tabnas build (`.build/release/tabnas`) without any set-up."""
import os

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithSourceTree(build_py):
    def run(self):
        super().run()
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        with open(os.path.join(self.build_lib, "tabularnas", "_source_tree.py"), "w") as f:
            f.write(f'"""Written at install time: the repository the package came from."""\nROOT = {root!r}\n')


setup(cmdclass={"build_py": BuildWithSourceTree})
