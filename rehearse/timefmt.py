"""Times as people read them."""


def clock(seconds: float) -> str:
    """``75.4`` -> ``1:15``."""
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"
