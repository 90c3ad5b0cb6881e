r"""The LaTeX of the docstrings, for a terminal: ``\lVert y - Xw \rVert_2^2`` → ``‖y − Xw‖₂²``.

A small renderer for the subset the docstrings use (the docstrings stay LaTeX, for the
documentation): Greek letters and symbols become their Unicode characters, sub- and
superscripts use the Unicode sub/superscript characters where every character has one
(``x_{k+1}`` → xₖ₊₁) and ``_(…)``, ``^(…)`` otherwise, ``\frac{a}{b}`` is written on one
line (``a/b``, with parentheses where they are needed), accents are combining characters
(``\bar x`` → x̄), font commands keep their argument (``\mathbf{x}`` → x, ``\mathbb R`` → ℝ),
and spacing follows TeX's classes of atoms: spaces around relations and binary operators,
none in juxtaposition. An unknown command is written as its name without the backslash.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["render", "render_inline"]

_GREEK = dict(
    alpha="α", beta="β", gamma="γ", delta="δ", epsilon="ϵ", varepsilon="ε", zeta="ζ",
    eta="η", theta="θ", vartheta="ϑ", iota="ι", kappa="κ", lambda_="λ", mu="μ", nu="ν",
    xi="ξ", pi="π", varpi="ϖ", rho="ρ", varrho="ϱ", sigma="σ", varsigma="ς", tau="τ",
    upsilon="υ", phi="ϕ", varphi="φ", chi="χ", psi="ψ", omega="ω", Gamma="Γ", Delta="Δ",
    Theta="Θ", Lambda="Λ", Xi="Ξ", Pi="Π", Sigma="Σ", Upsilon="Υ", Phi="Φ", Psi="Ψ",
    Omega="Ω", ell="ℓ", infty="∞", partial="∂", nabla="∇", hbar="ℏ", emptyset="∅",
    dots="…", ldots="…", cdots="⋯", vdots="⋮", ddots="⋱", prime="′", dagger="†",
    star="⋆", ast="∗", forall="∀", exists="∃", neg="¬", lnot="¬", top="ᵀ", bot="⊥",
    infin="∞", Re="ℜ", Im="ℑ", aleph="ℵ", checkmark="✓",
)
_GREEK["lambda"] = _GREEK.pop("lambda_")

#: relations: a space on each side
_RELATIONS = dict(
    le="≤", leq="≤", ge="≥", geq="≥", ne="≠", neq="≠", approx="≈", sim="∼", simeq="≃",
    cong="≅", equiv="≡", propto="∝", ll="≪", gg="≫", to="→", rightarrow="→",
    leftarrow="←", gets="←", Rightarrow="⇒", Leftarrow="⇐", Leftrightarrow="⇔",
    iff="⟺", Longleftrightarrow="⟺", Longrightarrow="⟹", implies="⟹", mapsto="↦",
    longmapsto="⟼", longrightarrow="⟶", in_="∈", notin="∉", ni="∋", subset="⊂",
    subseteq="⊆", supset="⊃", supseteq="⊇", mid="|", perp="⊥", parallel="∥",
    coloneqq="≔", triangleq="≜", models="⊨", vdash="⊢", uparrow="↑", downarrow="↓",
)
_RELATIONS["in"] = _RELATIONS.pop("in_")

#: binary operators: a space on each side, unless the operator is unary
_BINARY = dict(
    cdot="·", times="×", div="÷", pm="±", mp="∓", odot="⊙", otimes="⊗", oplus="⊕",
    circ="∘", cap="∩", cup="∪", setminus="∖", wedge="∧", land="∧", vee="∨", lor="∨",
    bullet="•", bmod="mod",
)

#: large operators: Σᵢ, then a space before the operand
_LARGE = dict(sum="Σ", prod="∏", int="∫", iint="∬", oint="∮", bigcup="⋃", bigcap="⋂",
              coprod="∐")

#: named functions and operators, written as words
_NAMED = {"log", "ln", "exp", "min", "max", "arg", "det", "tanh", "sinh", "cosh", "sin",
          "cos", "tan", "sup", "inf", "lim", "liminf", "limsup", "dim", "ker", "deg", "gcd",
          "Pr", "sgn", "arctan", "arcsin", "arccos", "cot", "sec", "csc", "hom", "lg"}

_DELIMITERS = dict(
    lVert="‖", rVert="‖", Vert="‖", lvert="|", rvert="|", vert="|", langle="⟨",
    rangle="⟩", lfloor="⌊", rfloor="⌋", lceil="⌈", rceil="⌉", lbrace="{", rbrace="}",
    lbrack="[", rbrack="]",
)
_OPENING = set("([{⟨⌊⌈")
_CLOSING = set(")]}⟩⌋⌉")

#: spacing commands
_SPACES = {",": " ", ";": " ", ":": " ", " ": " ", "!": "", "quad": "  ", "qquad": "    ",
           "enspace": " ", "thinspace": " ", "medspace": " ", "thickspace": " "}

#: commands that only size or style: dropped
_IGNORED = {"big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
            "Biggl", "Biggr", "left", "right", "middle", "displaystyle", "textstyle",
            "scriptstyle", "limits", "nolimits", "nonumber", "notag", "label"}

#: commands whose argument is shown as it is (no Unicode font styles: terminals lack them)
_FONTS = {"mathbf", "mathrm", "mathit", "mathsf", "mathtt", "mathcal", "mathscr", "mathfrak",
          "boldsymbol", "bm", "pmb", "mathnormal", "mathop", "mathbin", "mathord"}
_TEXT = {"text", "textrm", "textit", "textbf", "texttt", "textsf", "mbox", "textnormal",
         "mathrm_text"}
_BLACKBOARD = dict(R="ℝ", N="ℕ", Z="ℤ", Q="ℚ", C="ℂ", E="𝔼", P="ℙ", I="𝕀", H="ℍ")

#: combining accents: on one character (``\bar x`` → x̄), or on each of several
_ACCENTS = dict(bar="\u0304", overline="\u0305", hat="\u0302", widehat="\u0302",
                tilde="\u0303", widetilde="\u0303", dot="\u0307", ddot="\u0308",
                vec="\u20d7", check="\u030c", breve="\u0306", acute="\u0301", grave="\u0300",
                underline="\u0332")

_SUPER = dict(zip("0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWβγδθιφχεαn*′ᵀ†'",
                  "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵝᵞᵟᶿᶥᵠᵡᵋᵅⁿ*′ᵀ†′"))
_SUB = dict(zip("0123456789+-−=()aehijklmnoprstuvxβγρφχə",
                "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪₔ"))

_TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\.|\s+|[^\s\\]")


@dataclass
class _Atom:
    """A rendered piece and its TeX class, which decides the spaces around it: ord, bin,
    rel, punct, open, close, op (large operator or named function), space, inner (a
    fraction, parenthesised when juxtaposed)."""
    text: str
    kind: str = "ord"
    loose_script: bool = False   # ends in a ``_x`` fallback script: keep apart from a letter


class _Parser:
    def __init__(self, latex: str):
        self.tokens = [t for t in _TOKEN.findall(latex)]
        self.i = 0

    # --- tokens ---------------------------------------------------------------------------

    def peek(self, skip_space: bool = True) -> str | None:
        j = self.i
        while skip_space and j < len(self.tokens) and self.tokens[j].isspace():
            j += 1
        return self.tokens[j] if j < len(self.tokens) else None

    def next(self, skip_space: bool = True) -> str | None:
        while skip_space and self.i < len(self.tokens) and self.tokens[self.i].isspace():
            self.i += 1
        if self.i >= len(self.tokens):
            return None
        self.i += 1
        return self.tokens[self.i - 1]

    def raw_group(self) -> str:
        """The text of the next ``{…}`` group (or the next token), unparsed."""
        token = self.next()
        if token != "{":
            return token or ""
        depth, out = 1, []
        while self.i < len(self.tokens):
            t = self.tokens[self.i]
            self.i += 1
            depth += (t == "{") - (t == "}")
            if depth == 0:
                break
            out.append(t)
        return "".join(out)

    # --- atoms ----------------------------------------------------------------------------

    def argument(self) -> list[_Atom]:
        """The next argument: a ``{…}`` group, a command with its arguments, or one
        character."""
        token = self.peek()
        if token is None:
            return []
        if token == "{":
            self.next()
            return self.sequence("}")
        return self.atom(self.next() or "")

    def sequence(self, end: str | None = None, stop: tuple[str, ...] = ()) -> list[_Atom]:
        atoms: list[_Atom] = []
        while True:
            token = self.peek()
            if token is None or token == end or token in stop:
                if token == end and end is not None:
                    self.next()
                return atoms
            self.next()
            if token in ("^", "_"):
                self.script(atoms, token)
                continue
            atoms += self.atom(token)

    def script(self, atoms: list[_Atom], mark: str) -> None:
        base = atoms[-1] if atoms else _Atom("")
        if not atoms:
            atoms.append(base)
        body = _join(self.argument(), tight=True)
        table = _SUPER if mark == "^" else _SUB
        if body and all(ch in table for ch in body) and not re.search("[a-z]{3}", body):
            base.text += "".join(table[ch] for ch in body)
            return
        elif mark == "_" and body.isalnum():
            base.text += "_" + body
            base.loose_script = True
            return
        else:
            simple = len(body) == 1 or body.isalnum()
            base.text += mark + (body if simple else f"({body})")
        base.loose_script = False

    def atom(self, token: str) -> list[_Atom]:  # noqa: C901 - one branch per class of token
        if token.isspace():
            return []
        if not token.startswith("\\"):
            return [self.character(token)]
        name = token[1:].rstrip("*") if len(token) > 2 else token[1:]
        if name in _SPACES:
            return [_Atom(_SPACES[name], "space")]
        if name in ("{", "}", "#", "%", "&", "_", "$"):
            return [_Atom(name, "open" if name == "{" else "close" if name == "}" else "ord")]
        if name == "|":
            return [_Atom("‖")]
        if name == "\\":
            return [_Atom("\n", "space")]
        if name in _GREEK:
            return [_Atom(_GREEK[name])]
        if name in _RELATIONS:
            return [_Atom(_RELATIONS[name], "rel")]
        if name in _BINARY:
            return [_Atom(_BINARY[name], "bin")]
        if name in _LARGE:
            return [_Atom(_LARGE[name], "large")]
        if name in _NAMED:
            return [_Atom(name, "op")]
        if name in _DELIMITERS:
            return [self.delimiter(_DELIMITERS[name])]
        if name in _IGNORED:
            if name in ("left", "right", "middle") or name.startswith(("big", "Big")):
                following = self.peek()
                if following == ".":
                    self.next()
                    return []
            return []
        if name in ("frac", "tfrac", "dfrac", "cfrac"):
            return [self.fraction()]
        if name == "sqrt":
            return [self.root()]
        if name == "binom":
            n, k = _join(self.argument()), _join(self.argument())
            return [_Atom(f"C({n}, {k})")]
        if name == "operatorname":
            return [_Atom(_join(self.argument(), tight=True), "op")]
        if name == "mathbb":
            text = _join(self.argument(), tight=True)
            return [_Atom("".join(_BLACKBOARD.get(ch, ch) for ch in text))]
        if name in _FONTS:
            inner = self.argument()
            return [_Atom(_join(inner, tight=True))] if len(inner) != 1 else inner
        if name in _TEXT:
            return [_Atom(self.text(self.raw_group()))]
        if name == "mathrel":
            return [_Atom(_join(self.argument(), tight=True), "rel")]
        if name in _ACCENTS:
            return [self.accent(_ACCENTS[name])]
        if name == "underbrace":
            inner = _join(self.argument())
            if self.peek() == "_":
                self.next()
                return [_Atom(f"{inner} ({_join(self.argument())} times)")]
            return [_Atom(inner)]
        if name == "pmod":
            return [_Atom(f"(mod {_join(self.argument())})", "ord")]
        if name == "begin":
            return self.environment(self.raw_group())
        if name == "end":
            self.raw_group()
            return []
        return [_Atom(name)]  # an unknown command: its name

    def character(self, ch: str) -> _Atom:
        if ch in "=<>:":
            return _Atom(ch, "rel")
        if ch in "+-*":
            return _Atom("−" if ch == "-" else ch, "bin")
        if ch in ",;":
            return _Atom(ch, "punct")
        if ch in _OPENING:
            return _Atom(ch, "open")
        if ch in _CLOSING:
            return _Atom(ch, "close")
        if ch == "'":
            return _Atom("′")
        if ch == "~":
            return _Atom(" ", "space")
        if ch == "&":
            return _Atom(" ", "space")
        return _Atom(ch)

    def delimiter(self, symbol: str) -> _Atom:
        return _Atom(symbol, "open" if symbol in _OPENING else "close"
                     if symbol in _CLOSING else "ord")

    def fraction(self) -> _Atom:
        num, den = self.argument(), self.argument()
        return _Atom(f"{_operand(num)}/{_operand(den, denominator=True)}", "inner")

    def root(self) -> _Atom:
        index = ""
        if self.peek() == "[":
            self.next()
            index = _join(self.sequence("]"), tight=True)
            index = "".join(_SUPER.get(ch, ch) for ch in index)
        radicand = self.argument()
        text = _join(radicand)
        return _Atom(f"{index}√{text}" if len(radicand) == 1 and " " not in text
                     else f"{index}√({text})")

    def accent(self, mark: str) -> _Atom:
        inner = self.argument()
        text = _join(inner, tight=True)
        if len(text) == 1:
            return _Atom(text + mark)
        if len(inner) == 1 and inner[0].kind == "ord" and text[:1].isalpha():
            # a scripted symbol (\bar x_k is (\bar x)_k, but \bar{x_k} puts the bar on x)
            return _Atom(text[0] + mark + text[1:])
        return _Atom("".join(ch + "\u0305" for ch in text))

    def text(self, raw: str) -> str:
        """``\\text{…}``: words as they are, with the inline math they contain."""
        parts = re.split(r"(\$[^$]*\$)", raw)
        out = []
        for p in parts:
            if p.startswith("$") and p.endswith("$") and len(p) > 1:
                out.append(render_inline(p[1:-1]))
            else:
                out.append(re.sub(r"\\([_%&#{}$])", r"\1", p).replace("\\ ", " "))
        return "".join(out)

    def environment(self, name: str) -> list[_Atom]:
        """``cases`` as "{ a, if b; c, otherwise }", matrices as "[a b; c d]", aligned
        equations one per line."""
        rows: list[list[str]] = [[]]
        while True:
            cell = self.sequence(stop=("&", "\\\\", "\\end"))
            rows[-1].append(_join(cell))
            token = self.next()
            if token is None or token == "\\end":
                self.raw_group()
                break
            if token == "\\\\":
                rows.append([])
        rows = [r for r in rows if any(c.strip() for c in r)]
        if name == "cases":
            return [_Atom("{ " + "; ".join(", ".join(c for c in r if c) for r in rows) + " }",
                          "inner_plain")]
        if name in ("bmatrix", "pmatrix", "matrix", "vmatrix", "Bmatrix", "smallmatrix"):
            left, right = {"bmatrix": "[]", "pmatrix": "()", "vmatrix": "||",
                           "Bmatrix": "{}"}.get(name, "[]")
            return [_Atom(left + "; ".join("  ".join(r) for r in rows) + right)]
        return [_Atom("\n".join("".join(r) for r in rows), "inner_plain")]


def _operand(atoms: list[_Atom], denominator: bool = False) -> str:
    """A numerator, denominator or radicand: in parentheses unless it is one term (a
    denominator: unless it is one symbol, so that a/bc is not read (a/b)c)."""
    text = _join(atoms)
    if len(atoms) >= 2 and atoms[0].kind == "open" and atoms[-1].kind == "close" \
            and _balanced_once(atoms):
        return text
    depth, term = 0, True
    for a in atoms:
        depth += (a.kind == "open") - (a.kind == "close")
        if depth == 0 and (a.kind not in ("ord", "open", "close") or " " in a.text):
            term = False
    one_symbol = len(atoms) == 1 and atoms[0].kind in ("ord", "op") and " " not in text
    applied = (len(atoms) >= 3 and atoms[0].kind == "ord" and atoms[1].kind == "open"
               and atoms[-1].kind == "close" and _balanced_once(atoms[1:]))
    differential = (len(atoms) == 2 and atoms[0].text in ("∂", "d", "∇")
                    and atoms[1].kind == "ord")         # ∂f/∂x, dy/dx
    simple = one_symbol or applied or differential if denominator else term
    return text if simple else f"({text})"


def _balanced_once(atoms: list[_Atom]) -> bool:
    depth = 0
    for k, a in enumerate(atoms):
        depth += (a.kind == "open") - (a.kind == "close")
        if depth == 0 and k < len(atoms) - 1:
            return False
    return True


def _join(atoms: list[_Atom], tight: bool = False) -> str:
    """The atoms with TeX's spaces between them (none when `tight`: inside scripts)."""
    out: list[str] = []
    previous: _Atom | None = None
    for k, a in enumerate(atoms):
        following = atoms[k + 1] if k + 1 < len(atoms) else None
        text = a.text
        kind = a.kind
        if kind == "bin" and (previous is None or previous.kind in
                              ("bin", "rel", "open", "punct", "op", "large") or
                              (previous.kind == "space" and not out)):
            kind = "ord"            # unary minus or plus
        if kind == "inner" and not tight and (
                (previous is not None and previous.kind in ("ord", "close", "inner"))
                or (following is not None and following.kind in ("ord", "open", "op",
                                                                 "large", "inner"))):
            text = f"({text})"
        if not tight and out and previous is not None:
            space = _space(previous, kind, a)
            if space and not out[-1].endswith((" ", "\n")) and not text.startswith(" "):
                out.append(" ")
        out.append(text)
        previous = _Atom(text, kind, a.loose_script)
    joined = "".join(out)
    return joined if tight else re.sub(r"(?<=\S) {5,}", "    ", joined)


def _space(previous: _Atom, kind: str, atom: _Atom) -> bool:
    if kind == "space" or previous.kind == "space":
        return False
    if kind in ("rel", "bin") or previous.kind in ("rel", "bin", "punct"):
        return not (kind == "rel" and previous.kind == "rel")
    if previous.kind == "large":
        return kind not in ("close", "punct")
    if previous.kind == "op":
        return kind not in ("open", "close", "punct")
    if kind in ("op", "large"):
        return previous.kind in ("ord", "close", "inner", "inner_plain")
    if "inner_plain" in (kind, previous.kind):
        return kind != "punct"
    if previous.loose_script and kind in ("ord", "inner") and atom.text[:1].isalnum():
        return True
    return False


def render(latex: str) -> str:
    """A ``.. math::`` block in Unicode; its equations (separated by blank lines or ``\\\\``)
    one per line."""
    equations = [p for p in re.split(r"\n\s*\n", latex.strip()) if p.strip()]
    lines = []
    for eq in equations:
        rendered = render_inline(" ".join(eq.split()))
        lines += [line.strip() for line in rendered.split("\n") if line.strip()]
    return "\n".join(lines)


def render_inline(latex: str) -> str:
    """A formula (``:math:`…```) in Unicode, on one line unless it has ``\\\\``."""
    parser = _Parser(latex.replace("\\begin{aligned}", "").replace("\\end{aligned}", ""))
    return _join(parser.sequence()).strip(" ")
