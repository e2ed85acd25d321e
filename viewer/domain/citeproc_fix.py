"""One correction to citeproc-py 0.11, applied when viewer.domain.csl is imported.

The CSL specification says the variables a ``cs:substitute`` element
rendered are suppressed in the rest of the output. citeproc-py suppresses a
variable only when the substitute names it itself; APA substitutes the title
through a macro inside a ``cs:choose``, so a source without an author showed
its title twice: "[Report]. (n.d.). [Report]. Axios." (reported upstream as
citeproc-py issue #91, closed, and still so in 0.11.1). With this, every
``cs:text`` variable that a substitute actually rendered, however deeply, is
suppressed in the rest of the entry, as the specification asks.
"""

from __future__ import annotations

from typing import Any

from citeproc import model

_FIXED = "_accords_viewer_fixed"
# One list per substitute being rendered (they nest): (tag, variable) rendered in it.
_rendered: list[list[tuple[str, str]]] = []


def apply() -> None:
    """Install the correction once; idempotent."""
    if getattr(model.Substitute, _FIXED, False):
        return
    original_variable = model.Text._variable
    original_render = model.Substitute.render

    def text_variable(self: Any, item: Any, context: Any) -> Any:
        text = original_variable(self, item, context)
        if text and _rendered:
            _rendered[-1].append((self.tag, self.get("variable")))
        return text

    def substitute_render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        _rendered.append([])
        try:
            text = original_render(self, item, context=context, **kwargs)
        finally:
            rendered = _rendered.pop()
        if text and context is not None:
            repressed = context.get_layout().repressed
            for tag, variable in rendered:
                repressed.setdefault(tag, []).append(variable)
            if _rendered:  # an enclosing substitute rendered these too
                _rendered[-1].extend(rendered)
        return text

    model.Text._variable = text_variable
    model.Substitute.render = substitute_render
    setattr(model.Substitute, _FIXED, True)
