"""Scripts that build what resources/ ships (the map's shapes) and what the tests keep of a
source they may not copy (the seed article's fingerprint); the app never imports them."""
