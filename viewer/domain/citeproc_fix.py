"""Three corrections to citeproc-py 0.11, applied when viewer.domain.csl is imported.

**Substitutes.** The CSL specification says the variables a ``cs:substitute`` element
rendered are suppressed in the rest of the output. citeproc-py suppresses a
variable only when the substitute names it itself; APA substitutes the title
through a macro inside a ``cs:choose``, so a source without an author showed
its title twice: "[Report]. (n.d.). [Report]. Axios." (reported upstream as
citeproc-py issue #91, closed, and still so in 0.11.1). With this, every
``cs:text`` variable that a substitute actually rendered, however deeply, is
suppressed in the rest of the entry, as the specification asks.

**initialize="false".** CSL 1.0.1 lets a style keep given names whole while
still setting a mark after the initials a name already has: MLA 9 writes
"Carnahan, Ashley, and Lucas Y. Tomlinson". citeproc-py does not read the
attribute and initialised every given name ("Carnahan, A., and L. Y.
Tomlinson"). With this, a ``cs:name`` (or the citation or bibliography it
inherits from) that says ``initialize="false"`` initialises nothing.

**punctuation-in-quote.** American English puts a period or comma that
follows a quotation inside its closing mark (“Title.” Fox News); the en-US
locale says so, and citeproc-py reads the option but never applies it.
:func:`punctuation_in_quote` moves the mark in, for the styles whose locale
asks for it.
"""

from __future__ import annotations

import re
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
    original_initialize = model.Name.initialize

    def initialize(self: Any, given: str, mark: str, context: Any) -> str:
        if _initialize_option(self, context) == "false":
            return _marked_initials(given, mark)
        return str(original_initialize(self, given, mark, context))

    model.Name.initialize = initialize
    setattr(model.Substitute, _FIXED, True)


def _initialize_option(name: Any, context: Any) -> str:
    """The ``initialize`` attribute of a cs:name, or of the citation or
    bibliography whose name options it inherits ("true" when none says)."""
    own = name.get("initialize")
    if own is not None:
        return str(own).lower()
    # A name in a macro inherits from where the macro is called (the context),
    # as citeproc-py's own options do; then from the style itself.
    where = context if context is not None else name
    expr = "./ancestor::*[self::cs:citation or self::cs:bibliography or self::cs:style]"
    for scope in reversed(where.xpath_search(expr)):
        if scope.get("initialize") is not None:
            return str(scope.get("initialize")).lower()
    return "true"


def _marked_initials(given: str, mark: str) -> str:
    """``given`` whole, but an initial already in it followed by the mark
    ("Lucas Y" with ". " -> "Lucas Y.")."""
    words = given.split()
    marked = [
        word.rstrip(".") + mark.rstrip()
        if len(word.rstrip(".")) == 1 and word[0].isupper()
        else word
        for word in words
    ]
    return " ".join(marked)


# A period or comma after closing quotation marks (and what ends the
# quotation), not one of an ellipsis or a number ("”...", "”.5"). Only the
# double mark: the single closing mark is also the apostrophe.
_AFTER_QUOTE = re.compile(r"([.?!]?)(”+)([.,])(?![.\w])")


def punctuation_in_quote(text: str) -> str:
    """``text`` with each period or comma that follows a closing quotation
    mark moved inside it; dropped where the quotation already ends with
    a period, question or exclamation mark (“Why?” Fox News)."""

    def moved(found: re.Match[str]) -> str:
        ending, close, mark = found.groups()
        if ending:
            return ending + close
        return mark + close

    return _AFTER_QUOTE.sub(moved, text)
