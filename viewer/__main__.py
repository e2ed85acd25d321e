"""``python -m viewer``: the same as the ``accords-viewer`` command."""

import sys

from viewer.app import main

sys.exit(main())
