package org.simnotes.sitegen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A sidebar stays the same size however many topics a category has. */
class CategoryViewTest {
    private static CategoryView category(int n) {
        List<TopicLink> topics = IntStream.range(0, n).mapToObj(i -> new TopicLink("t" + i, "题" + i, "", "t" + i + ".html")).toList();
        return new CategoryView("基础", topics, 0);
    }

    @Test
    void smallCategoriesAreListedWhole() {
        CategoryView c = category(CategoryView.SIDEBAR_LIMIT);
        assertEquals(c, c.around(30));
        assertFalse(c.around(30).partial());
    }

    @Test
    void largeCategoriesShowTheTopicsAroundTheCurrentOne() {
        CategoryView c = category(1000);
        for (int at : new int[] {0, 7, 500, 990, 999}) {
            CategoryView nav = c.around(at);
            assertTrue(nav.partial());
            assertEquals(31, nav.topics().size(), "a fixed number of topics at " + at);
            assertEquals(1000, nav.total());
            int first = nav.first();
            assertEquals("t" + first, nav.topics().get(0).slug());
            assertTrue(at >= first && at < first + 31, "the current topic " + at + " is shown");
        }
        assertEquals(0, c.around(0).first());
        assertEquals(969, c.around(999).first());
    }
}
