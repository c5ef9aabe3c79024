package org.simnotes.sitegen.markdown.math;

import java.util.Map;
import java.util.Set;

/**
 * An inline formula as the plain text a search snippet shows: {@code W_{hh} = \rho Q} reads "Wₕₕ = ρQ",
 * {@code \frac{1}{m}} reads "1/m". Greek letters and operators become their characters, scripts become
 * Unicode sub- and superscripts where every character has one (else {@code _(…)}), and relations and
 * binary operators are spaced as they are typeset. Not a TeX engine: a command it does not know is
 * written as its name, so a snippet never shows a placeholder where a formula was. Total on any input:
 * the build reports bad TeX, this only reads it.
 */
public final class FormulaText {
    /** Groups nested deeper than this are read flat, so no formula can overflow the stack. */
    private static final int MAX_DEPTH = 40;

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"),
            Map.entry("theta", "θ"), Map.entry("iota", "ι"), Map.entry("kappa", "κ"), Map.entry("lambda", "λ"),
            Map.entry("mu", "μ"), Map.entry("nu", "ν"), Map.entry("xi", "ξ"), Map.entry("pi", "π"), Map.entry("rho", "ρ"),
            Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("varphi", "φ"),
            Map.entry("chi", "χ"), Map.entry("psi", "ψ"), Map.entry("omega", "ω"), Map.entry("Gamma", "Γ"),
            Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"), Map.entry("Lambda", "Λ"), Map.entry("Pi", "Π"),
            Map.entry("Sigma", "Σ"), Map.entry("Phi", "Φ"), Map.entry("Psi", "Ψ"), Map.entry("Omega", "Ω"),
            Map.entry("partial", "∂"), Map.entry("nabla", "∇"), Map.entry("infty", "∞"), Map.entry("sum", "∑"),
            Map.entry("prod", "∏"), Map.entry("int", "∫"), Map.entry("top", "⊤"), Map.entry("prime", "′"),
            Map.entry("lVert", "‖"), Map.entry("rVert", "‖"), Map.entry("Vert", "‖"), Map.entry("|", "‖"),
            Map.entry("lvert", "|"), Map.entry("rvert", "|"), Map.entry("vert", "|"), Map.entry("mid", "|"),
            Map.entry("langle", "⟨"), Map.entry("rangle", "⟩"), Map.entry("ldots", "…"), Map.entry("cdots", "⋯"),
            Map.entry("dots", "…"), Map.entry("{", "{"), Map.entry("}", "}"), Map.entry("_", "_"), Map.entry("%", "%"),
            Map.entry("$", "$"), Map.entry("&", "&"), Map.entry("#", "#"),
            Map.entry("log", "log"), Map.entry("exp", "exp"), Map.entry("max", "max"), Map.entry("min", "min"),
            Map.entry("sin", "sin"), Map.entry("cos", "cos"), Map.entry("tanh", "tanh"), Map.entry("arg", "arg"));

    /** Relations and binary operators: spaced on both sides unless they open a term ({@code -\infty}). */
    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("times", "×"), Map.entry("cdot", "·"), Map.entry("pm", "±"), Map.entry("odot", "⊙"),
            Map.entry("otimes", "⊗"), Map.entry("oplus", "⊕"), Map.entry("to", "→"), Map.entry("rightarrow", "→"),
            Map.entry("leftarrow", "←"), Map.entry("Rightarrow", "⇒"), Map.entry("mapsto", "↦"), Map.entry("approx", "≈"),
            Map.entry("sim", "∼"), Map.entry("equiv", "≡"), Map.entry("le", "≤"), Map.entry("leq", "≤"),
            Map.entry("ge", "≥"), Map.entry("geq", "≥"), Map.entry("ne", "≠"), Map.entry("neq", "≠"),
            Map.entry("in", "∈"), Map.entry("propto", "∝"), Map.entry("ll", "≪"), Map.entry("gg", "≫"));
    private static final String OPERATOR_CHARS = "=<>+−×·±⊙⊗⊕→←⇒↦≈∼≡≤≥≠∈∝≪≫";

    private static final Set<String> LARGE_OPERATORS = Set.of("sum", "prod", "int");

    /** Commands whose argument is shown as it is: fonts, text and operator names. */
    private static final Set<String> PLAIN = Set.of("mathrm", "mathbf", "mathit", "mathsf", "mathtt",
            "mathcal", "mathbb", "boldsymbol", "bm", "text", "textrm", "textbf", "textit", "mbox", "operatorname");
    /** Accents, as the combining mark set after what they sit on. */
    private static final Map<String, String> ACCENTS = Map.of("hat", "\u0302", "widehat", "\u0302", "tilde", "\u0303",
            "widetilde", "\u0303", "bar", "\u0304", "overline", "\u0305", "vec", "\u20D7", "dot", "\u0307", "ddot", "\u0308");
    /** Commands that draw nothing a snippet needs: sizes and delimiter wrappers. */
    private static final Set<String> SILENT = Set.of("left", "right", "big", "Big", "bigg", "Bigg",
            "bigl", "bigr", "Bigl", "Bigr", "displaystyle", "textstyle", "limits", "nolimits", "!");
    private static final Set<String> SPACES = Set.of(",", ":", ";", " ", "quad", "qquad", "\\");

    private static final String PLAIN_CHARS = "0123456789+-=()aehijklmnoprstuvxβγρφχ";
    private static final String SUB_CHARS = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ";
    private static final String SUP_FROM = "0123456789+-=()abcdefghijklmnoprstuvwxyzTβγ⊤";
    private static final String SUP_CHARS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀᵝᵞᵀ";

    private final String tex;
    private int at;

    private FormulaText(String tex) {
        this.tex = tex;
    }

    /** The text of the formula {@code tex} (the part between the dollars). */
    public static String of(String tex) {
        FormulaText reader = new FormulaText(tex);
        StringBuilder out = new StringBuilder();
        while (reader.at < tex.length()) {
            reader.group(out, 0);
            reader.at++; // a stray closing brace
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** Reads up to the closing brace of the group (or the end), writing its text to {@code out}. */
    private void group(StringBuilder out, int depth) {
        // A large operator (∑, ∏, ∫) stands apart from the term it applies to, after its limits.
        boolean largeOperator = false;
        while (at < tex.length() && tex.charAt(at) != '}') {
            char c = tex.charAt(at);
            if (largeOperator && c != '_' && c != '^' && !Character.isWhitespace(c)) {
                out.append(' ');
                largeOperator = false;
            }
            if (c == '_' || c == '^') {
                at++;
                out.append(script(argument(depth + 1), c == '^'));
            } else if (c == '%') {
                int end = tex.indexOf('\n', at);
                at = end < 0 ? tex.length() : end;
            } else if (Character.isWhitespace(c)) {
                at++; // TeX spaces a formula by what it holds, not by the spaces typed
            } else if (c == '&' || c == '~' || c == ',') {
                at++;
                out.append(c == ',' ? ", " : " ");
            } else if (c == '\'') {
                at++;
                out.append('′');
            } else if (c == '-' || OPERATOR_CHARS.indexOf(c) >= 0) {
                at++;
                operator(out, c == '-' ? "−" : String.valueOf(c));
            } else if (c == '\\') {
                String name = name();
                if (OPERATORS.containsKey(name)) {
                    operator(out, OPERATORS.get(name));
                } else if (LARGE_OPERATORS.contains(name)) {
                    out.append(' ').append(SYMBOLS.get(name));
                    largeOperator = true;
                } else {
                    out.append(command(name, depth));
                }
            } else {
                out.append(argument(depth));
            }
        }
    }

    /**
     * One argument: a group, a command or a character. What lies deeper than {@link #MAX_DEPTH} groups
     * is read as its characters.
     */
    private String argument(int depth) {
        if (at >= tex.length()) {
            return "";
        }
        char c = tex.charAt(at);
        if (c == '{') {
            at++;
            StringBuilder inner = new StringBuilder();
            if (depth < MAX_DEPTH) {
                group(inner, depth + 1);
            } else {
                int end = tex.indexOf('}', at);
                end = end < 0 ? tex.length() : end;
                inner.append(tex, at, end);
                at = end;
            }
            at++;
            return inner.toString();
        }
        if (c == '\\') {
            String name = name();
            return OPERATORS.containsKey(name) ? OPERATORS.get(name) : command(name, depth);
        }
        int cp = tex.codePointAt(at);
        at += Character.charCount(cp);
        return c == '-' ? "−" : new String(Character.toChars(cp));
    }

    /** The name of the command at a backslash: a run of letters, or the one character after it. */
    private String name() {
        int start = ++at;
        while (at < tex.length() && tex.charAt(at) < 128 && Character.isLetter(tex.charAt(at))) {
            at++;
        }
        if (at > start) {
            while (at < tex.length() && tex.charAt(at) == ' ') {
                at++;
            }
            return tex.substring(start, at).strip();
        }
        if (at < tex.length()) {
            at++;
        }
        return tex.substring(start, at);
    }

    private String command(String name, int depth) {
        if (SYMBOLS.containsKey(name)) {
            return SYMBOLS.get(name);
        }
        if (SPACES.contains(name)) {
            return " ";
        }
        if (SILENT.contains(name)) {
            if ((name.equals("left") || name.equals("right")) && at < tex.length() && tex.charAt(at) == '.') {
                at++;
            }
            return "";
        }
        if (depth >= MAX_DEPTH) {
            return name;
        }
        if (PLAIN.contains(name)) {
            return argument(depth + 1);
        }
        if (ACCENTS.containsKey(name)) {
            return argument(depth + 1) + ACCENTS.get(name);
        }
        switch (name) {
            case "frac", "dfrac", "tfrac" -> {
                String top = argument(depth + 1);
                return wrap(top) + "/" + wrap(argument(depth + 1));
            }
            case "sqrt" -> {
                if (at < tex.length() && tex.charAt(at) == '[') {
                    int end = tex.indexOf(']', at);
                    at = end < 0 ? tex.length() : end + 1;
                }
                return "√" + wrap(argument(depth + 1));
            }
            case "begin", "end" -> {
                String env = argument(depth + 1);
                boolean open = name.equals("begin");
                return switch (env) {
                    case "pmatrix" -> open ? "(" : ")";
                    case "bmatrix" -> open ? "[" : "]";
                    default -> " ";
                };
            }
            default -> {
                return name;
            }
        }
    }

    /** An operator spaced as a relation, or tight where it opens a term ({@code -\infty}, {@code (-c}). */
    private static void operator(StringBuilder out, String op) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        boolean opensTerm = end == 0 || "([{,".indexOf(out.charAt(end - 1)) >= 0 || OPERATOR_CHARS.indexOf(out.charAt(end - 1)) >= 0;
        if (opensTerm) {
            out.append(op);
        } else {
            out.setLength(end);
            out.append(' ').append(op).append(' ');
        }
    }

    /** A fraction's part or a root's radicand, in parentheses when it is more than one term. */
    private static String wrap(String part) {
        String s = part.strip();
        int open = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            open += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (open == 0 && (c == ' ' || c == '/')) {
                return "(" + s + ")";
            }
        }
        return s;
    }

    /** A sub- or superscript: in Unicode script characters when each has one, else marked with _ or ^. */
    private static String script(String text, boolean sup) {
        String s = text.replace(" ", "").replace('−', '-');
        String from = sup ? SUP_FROM : PLAIN_CHARS;
        String to = sup ? SUP_CHARS : SUB_CHARS;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            int k = from.indexOf(s.charAt(i));
            if (k < 0) {
                if (sup && s.equals("′")) {
                    return "′";
                }
                String marked = text.replace(" ", "");
                return (sup ? "^" : "_") + (marked.codePointCount(0, marked.length()) == 1 ? marked : "(" + marked + ")");
            }
            out.append(to.charAt(k));
        }
        return out.toString();
    }
}
