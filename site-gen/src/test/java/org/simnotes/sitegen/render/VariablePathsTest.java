package org.simnotes.sitegen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * A template gives the same page, or fails with the same message, whether its paths of names are read
 * by {@link VariablePaths} or, as Thymeleaf does, by OGNL.
 */
class VariablePathsTest {
    /** A JavaBean, read through its getter as OGNL reads one. */
    public static final class Bean {
        public String getName() {
            return "豆";
        }

        public boolean isReady() {
            return true;
        }
    }

    /** A record whose class is not public: OGNL makes its accessors accessible before calling them. */
    private record Hidden(String name) {
    }

    private static final List<String> EXPRESSIONS = List.of(
            // Records: their components, a method named as a property, and those of a record they hold.
            "<a th:href=\"${t.href}\" th:text=\"${t.title}\">x</a>",
            "<p th:text=\"${cat.partial}\" th:if=\"${cat.partial}\">x</p>",
            "<p th:text=\"${cat.topics.size} + ' ' + ${cat.topics.empty} + ' ' + ${cat.topics.isEmpty}\">x</p>",
            "<p th:each=\"x : ${cat.topics}\" th:text=\"${x.title}\" th:aria-current=\"${x.slug} == ${current} ? 'page' : null\">x</p>",
            "<p th:text=\"${nav.categories.size}\">x</p>",
            // A JavaBean, a class that is not public, a map, an OGNL word, a method call, an operator.
            "<p th:text=\"${bean.name} + ${bean.ready}\">x</p>",
            "<p th:text=\"${hidden.name}\">x</p>",
            "<p th:text=\"${map.key} + ${map['key']} + ${map.size}\">x</p>",
            "<p th:text=\"${null} + ${true}\">x</p>",
            "<p th:text=\"${t.title.length()} + ${t.slug == current}\">x</p>",
            // Selection, and a variable that is not there.
            "<div th:object=\"${t}\"><p th:text=\"*{title}\">x</p></div>",
            "<p th:text=\"${missing}\">x</p>",
            // Faults: a null on the way, no such property, a forbidden member, and param where it is restricted.
            "<p th:text=\"${missing.title}\">x</p>",
            "<p th:text=\"${t.nosuchfield}\">x</p>",
            "<p th:text=\"${t.class}\">x</p>",
            "<a th:href=\"${param}\">x</a>",
            "<p th:utext=\"${param.x}\">x</p>");

    private static TemplateEngine engine(boolean withPaths) {
        TemplateEngine engine = new TemplateEngine();
        if (withPaths) {
            engine.setDialect(Templates.dialect());
        }
        engine.setTemplateResolver(new StringTemplateResolver());
        return engine;
    }

    private static Context context() {
        TopicLink dropout = new TopicLink("dropout", "Dropout 为什么有效", "摘要", "dropout.html");
        TopicLink pool = new TopicLink("pool", "池化", "", "pool.html");
        CategoryView cat = new CategoryView("基础", List.of(dropout, pool), 3);
        Context ctx = new Context();
        ctx.setVariable("t", dropout);
        ctx.setVariable("cat", cat);
        ctx.setVariable("nav", new Sidebar(List.of(cat, new CategoryView("进阶", List.of(), 1)), 0));
        ctx.setVariable("current", "pool");
        ctx.setVariable("bean", new Bean());
        ctx.setVariable("hidden", new Hidden("隐"));
        ctx.setVariable("map", Map.of("key", "值"));
        ctx.setVariable("param", Map.of("x", "1"));
        return ctx;
    }

    private static String layOut(TemplateEngine engine, String template) {
        try {
            return engine.process(template, context());
        } catch (RuntimeException e) {
            StringBuilder fault = new StringBuilder("fault:");
            for (Throwable t = e; t != null; t = t.getCause()) {
                fault.append(' ').append(t.getClass().getName()).append(": ").append(t.getMessage());
            }
            return fault.toString();
        }
    }

    @Test
    void pathsAreReadAsOgnlReadsThem() {
        TemplateEngine ognl = engine(false);
        TemplateEngine paths = engine(true);
        for (String template : EXPRESSIONS) {
            // Twice: the second time each path takes the steps it found the first time.
            for (int i = 0; i < 2; i++) {
                assertEquals(layOut(ognl, template), layOut(paths, template), template);
            }
        }
    }
}
