"""Scripts that build what resources/ ships (the map's shapes); the app never imports them."""
