package org.simnotes.sitegen.host;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.simnotes.sitegen.output.OutputFile;

/**
 * The response headers a static host should send, as a {@code _headers} file (the format Netlify and
 * Cloudflare Pages read: a path pattern, then indented {@code Name: value} lines). The dev server reads
 * the same file, so pages are tried under the policy they will be published with.
 */
public final class HostHeaders {
    public static final String FILE_NAME = "_headers";

    /**
     * Everything comes from the site itself, and no inline script runs. {@code 'wasm-unsafe-eval'} lets the
     * simulations compile their WebAssembly, and {@code 'unsafe-eval'} lets TeaVM's WebAssembly GC loader
     * build its JavaScript glue with {@code new Function} (without it the loader fails and the simulations
     * fall back to their slower JavaScript build). {@code 'unsafe-inline'} for styles is needed by the
     * {@code style} attributes KaTeX sets on formulas (heights, offsets). Both only admit what the build
     * generated: pages carry no reader input and no script from elsewhere.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private record Rule(Pattern path, Map<String, String> headers) {
    }

    private final String text;
    private final List<Rule> rules;

    private HostHeaders(String text, List<Rule> rules) {
        this.text = text;
        this.rules = rules;
    }

    /**
     * The site's headers: the security policy on every response, caching for ever under
     * {@code /assets/}, where every name changes with its content (hashed, or KaTeX's version), and
     * none without asking again for the search index, whose manifest and parts must come from one
     * build (a cached part of another build would number its sections differently).
     */
    public static HostHeaders forSite() {
        return parse("/*\n"
                + "  Content-Security-Policy: " + CONTENT_SECURITY_POLICY + "\n"
                + "  X-Content-Type-Options: nosniff\n"
                + "  Referrer-Policy: no-referrer\n"
                + "/assets/*\n"
                + "  Cache-Control: public, max-age=31536000, immutable\n"
                + "/search-index*\n"
                + "  Cache-Control: no-cache\n");
    }

    /** Reads a {@code _headers} file; lines it does not understand are skipped, as hosts do. */
    public static HostHeaders parse(String text) {
        List<Rule> rules = new ArrayList<>();
        Rule current = null;
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                current = new Rule(glob(trimmed), new LinkedHashMap<>());
                rules.add(current);
            } else if (current != null && trimmed.indexOf(':') > 0) {
                int colon = trimmed.indexOf(':');
                current.headers().put(trimmed.substring(0, colon).strip(), trimmed.substring(colon + 1).strip());
            }
        }
        return new HostHeaders(text, rules);
    }

    /** The headers for a request path such as {@code /assets/site.css}; later rules win. */
    public Map<String, String> forPath(String path) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (r.path().matcher(path).matches()) {
                out.putAll(r.headers());
            }
        }
        return out;
    }

    public OutputFile file() {
        return new OutputFile(FILE_NAME, text.getBytes(StandardCharsets.UTF_8), true);
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
    }
}
