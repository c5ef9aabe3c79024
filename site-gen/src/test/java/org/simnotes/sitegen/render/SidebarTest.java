package org.simnotes.sitegen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A sidebar lists a small site whole, and stays the same size however large the site grows. */
class SidebarTest {
    /** {@code categories} categories of {@code size} topics each. */
    private static List<CategoryView> site(int categories, int size) {
        return IntStream.range(0, categories).mapToObj(c -> new CategoryView("第" + c + "章",
                IntStream.range(0, size).mapToObj(i -> new TopicLink("c" + c + "t" + i, "题" + i, "", "c" + c + "t" + i + ".html"))
                        .toList(), c)).toList();
    }

    private static int entries(Sidebar s) {
        return s.categories().stream().mapToInt(c -> c.topics().size()).sum();
    }

    @Test
    void aSmallSiteIsListedWhole() {
        List<CategoryView> all = site(3, Sidebar.WHOLE_LIMIT / 3);
        Sidebar s = Sidebar.of(all, 1, 4);
        assertEquals(all, s.categories());
        assertEquals(0, s.hiddenCategories());
    }

    @Test
    void aLargeSiteShowsTheCurrentCategoryAndNamesTheNearOnes() {
        for (int categories : new int[] {10, 100, 1000}) {
            List<CategoryView> all = site(categories, 100);
            for (int c : new int[] {0, 3, categories / 2, categories - 1}) {
                Sidebar s = Sidebar.of(all, c, 42);
                assertTrue(entries(s) <= 31, "topics listed with " + categories + " categories: " + entries(s));
                assertEquals(Math.min(categories, 11), s.categories().size());
                assertEquals(categories - s.categories().size(), s.hiddenCategories());
                CategoryView current = s.categories().stream().filter(v -> v.index() == c).findFirst().orElseThrow();
                assertTrue(current.topics().stream().anyMatch(t -> t.slug().equals("c" + c + "t42")), "the current topic is listed");
                s.categories().stream().filter(v -> v.index() != c)
                        .forEach(v -> assertTrue(v.topics().isEmpty() && v.total() == 100, "other categories by name and count"));
            }
        }
    }
}
