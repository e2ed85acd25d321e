"""Run Accords Viewer from a source checkout: ``python main.py [arguments]``."""

import sys

from viewer.app import main

if __name__ == "__main__":
    sys.exit(main())
