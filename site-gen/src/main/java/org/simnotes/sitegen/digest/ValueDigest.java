package org.simnotes.sitegen.digest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A digest of a value made of records, lists, sets, maps, strings, numbers, booleans, enums and paths,
 * the same in every run: sets and maps are taken in sorted order, as their iteration order may differ
 * between runs. What the build keeps on disk is keyed by such digests of everything it was made from.
 * It is SHA-256 over the value's parts, with texts of more than {@value #LONG_TEXT} bytes taken by their
 * {@link Fingerprint}.
 */
public final class ValueDigest {
    /** Texts longer than this many bytes go into the digest by their fingerprint. */
    private static final int LONG_TEXT = 256;

    private ValueDigest() {
    }

    /** The digest of {@code values}, in lower-case hex. */
    public static String of(Object... values) {
        MessageDigest sha = Sha256.start();
        for (Object v : values) {
            feed(sha, v);
        }
        return Sha256.hexOf(sha);
    }

    private static void feed(MessageDigest sha, Object v) {
        if (v == null) {
            sha.update((byte) 'N');
        } else if (v instanceof String s) {
            text(sha, 'S', s);
        } else if (v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof Enum<?> || v instanceof Path) {
            text(sha, 'V', v.getClass().getSimpleName() + ":" + v);
        } else if (v instanceof byte[] bytes) {
            text(sha, 'B', Integer.toString(bytes.length));
            sha.update(bytes);
        } else if (v instanceof List<?> list) {
            sequence(sha, 'L', list);
        } else if (v instanceof Set<?> set) {
            sequence(sha, 'T', sorted(set));
        } else if (v instanceof Map<?, ?> map) {
            List<Object> entries = new ArrayList<>();
            for (Object key : sorted(map.keySet())) {
                entries.add(key);
                entries.add(map.get(key));
            }
            sequence(sha, 'M', entries);
        } else if (v instanceof Record r) {
            RecordComponent[] parts = r.getClass().getRecordComponents();
            text(sha, 'R', r.getClass().getName());
            for (RecordComponent part : parts) {
                try {
                    // Records of the pipeline are package-private: their accessors are public but not reachable from here.
                    Method accessor = part.getAccessor();
                    accessor.setAccessible(true);
                    feed(sha, accessor.invoke(r));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + part, e);
                }
            }
        } else {
            throw new IllegalArgumentException("no digest for a " + v.getClass().getName());
        }
    }

    private static void sequence(MessageDigest sha, char tag, Collection<?> items) {
        text(sha, tag, Integer.toString(items.size()));
        for (Object item : items) {
            feed(sha, item);
        }
    }

    /** Sets and map keys in the order of their elements' digests, which any element type has. */
    private static List<Object> sorted(Collection<?> items) {
        List<Object> list = new ArrayList<>(items);
        if (list.stream().allMatch(o -> o instanceof String)) {
            list.sort((a, b) -> ((String) a).compareTo((String) b));
        } else {
            list.sort((a, b) -> of(a).compareTo(of(b)));
        }
        return list;
    }

    /**
     * A tag, the length of the text and the text, so no two values feed the same bytes. A long text (a
     * rendered body, a section of it) goes in by its {@link Fingerprint}, which costs a fraction of
     * SHA-256 over its bytes.
     */
    private static void text(MessageDigest sha, char tag, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > LONG_TEXT) {
            tag = 'F';
            bytes = Fingerprint.of(bytes).getBytes(StandardCharsets.US_ASCII);
        }
        sha.update((byte) tag);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }
}
