package org.simnotes.sitegen.render;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import ognl.ListPropertyAccessor;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;
import ognl.OgnlRuntime;
import ognl.PropertyAccessor;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.util.ExpressionUtils;

/**
 * Evaluates the variable expressions that are a path of names, {@code ${t.href}} or
 * {@code ${cat.topics.empty}}, as OGNL does, but with what OGNL looks up on each step found once per class
 * and name; every other expression, and every path whose next step OGNL would take some other way (a
 * null, a map, a field), goes to Thymeleaf's own OGNL evaluator.
 *
 * <p>Thymeleaf has such a shortcut of its own, but it finds getters as JavaBeans do, so it gives up on
 * records ({@code href()} is no {@code getHref()}), and OGNL then evaluates the expression in full, finding
 * the method and checking it against Thymeleaf's forbidden members again on every call: most of the time
 * that laying out a page took.
 */
final class VariablePaths implements IStandardVariableExpressionEvaluator {
    private static final Pattern PATH = Pattern.compile("[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*");
    /** OGNL's words, which a path of names must not hold: {@code ${null}} is no variable. */
    private static final Set<String> OGNL_WORDS = Set.of("true", "false", "null", "this", "new", "instanceof", "in", "not",
            "and", "or", "bor", "xor", "band", "eq", "neq", "lt", "gt", "lte", "gte", "shl", "shr", "ushr");
    private static final Path NOT_A_PATH = new Path(new String[0]);
    private static final Object UNFOLLOWED = new Object();
    /** The properties OGNL's list accessor answers itself, as it answers them; it reads any other as an object's. */
    private static final Map<String, Step> LIST_PROPERTIES = Map.of(
            "size", list -> ((List<?>) list).size(),
            "isEmpty", list -> ((List<?>) list).isEmpty(),
            "empty", list -> ((List<?>) list).isEmpty());
    /** Marks a name OGNL reads some other way than {@link #find} knows: never taken. */
    private static final Step OTHER_WAY = target -> {
        throw new IllegalStateException("not a step to take");
    };

    /** Reads one name's value from the value before it. */
    private interface Step {
        Object from(Object target) throws ReflectiveOperationException;
    }

    /** The step last taken from a value of this type. */
    private record Known(Class<?> type, Step step) {
    }

    /**
     * An expression's names, with the step each took last: in a template one expression meets values
     * of one type, so this is all most evaluations look up.
     */
    private static final class Path {
        final String[] names;
        /**
         * Of what restricted expressions may not do (static calls, new objects, #request and the like), a
         * path of names can only read a variable named param, which OGNL refuses with its own message.
         */
        final boolean readsParam;
        /** Written by any thread that finds another type there: each element is whole, and any is right for its type. */
        final Known[] known;

        Path(String[] names) {
            this.names = names;
            this.readsParam = Arrays.asList(names).contains("param");
            this.known = new Known[names.length];
        }
    }

    /**
     * A getter called through OGNL the first time, which refuses a few methods whatever the object
     * (System.exit and the like), and directly after that.
     */
    private static final class Getter implements Step {
        private final Method method;
        private volatile boolean called;

        Getter(Method method) {
            this.method = method;
        }

        @Override
        public Object from(Object target) throws ReflectiveOperationException {
            if (called) {
                return method.invoke(target);
            }
            Object value = OgnlRuntime.invokeMethod(target, method, new Object[0]);
            called = true;
            return value;
        }
    }

    private final IStandardVariableExpressionEvaluator ognl;
    private final Map<String, Path> paths = new ConcurrentHashMap<>();
    private final ClassValue<Map<String, Step>> steps = new ClassValue<>() {
        @Override
        protected Map<String, Step> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** {@code ognl}: the evaluator for everything else, Thymeleaf's standard one. */
    VariablePaths(IStandardVariableExpressionEvaluator ognl) {
        this.ognl = ognl;
    }

    @Override
    public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
                           StandardExpressionExecutionContext expContext) {
        // *{…} starts from the selected object, which OGNL finds.
        Path path = expression.getUseSelectionAsRoot() || !(context instanceof ITemplateContext)
                ? NOT_A_PATH : paths.computeIfAbsent(expression.getExpression(), VariablePaths::parse);
        boolean refused = path.readsParam && (expContext.getRestrictVariableAccess() || expContext.getRestrictExternalAccess());
        Object value = path == NOT_A_PATH || refused ? UNFOLLOWED : follow(context, path);
        if (value == UNFOLLOWED) {
            return ognl.evaluate(context, expression, expContext);
        }
        return expContext.getPerformTypeConversion()
                ? StandardExpressions.getConversionService(context.getConfiguration()).convert(context, value, String.class)
                : value;
    }

    private static Path parse(String expression) {
        if (!PATH.matcher(expression).matches()) {
            return NOT_A_PATH;
        }
        String[] names = expression.split("\\.");
        for (String name : names) {
            if (OGNL_WORDS.contains(name)) {
                return NOT_A_PATH;
            }
        }
        return new Path(names);
    }

    /** The value at the end of {@code path}, or {@link #UNFOLLOWED} where OGNL may take another way. */
    private Object follow(IExpressionContext context, Path path) {
        // The first name is a variable, as OGNL reads it from the context.
        Object value = context.getVariable(path.names[0]);
        for (int i = 1; i < path.names.length; i++) {
            if (value == null) {
                return UNFOLLOWED;
            }
            Known known = path.known[i];
            if (known == null || known.type() != value.getClass()) {
                known = new Known(value.getClass(), step(value, path.names[i]));
                path.known[i] = known;
            }
            if (known.step() == OTHER_WAY) {
                return UNFOLLOWED;
            }
            try {
                value = known.step().from(value);
            } catch (ReflectiveOperationException e) {
                // OGNL reports it as it always has.
                return UNFOLLOWED;
            }
        }
        return value;
    }

    /**
     * How OGNL reads {@code name} from {@code target}: with the accessor OGNL has for its class, which for
     * a list answers a few names itself and for other objects calls the getter {@code OgnlRuntime.getMethodValue}
     * finds, when Thymeleaf allows templates to call it.
     */
    private Step step(Object target, String name) {
        return steps.get(target.getClass()).computeIfAbsent(name, n -> find(target, n));
    }

    private static Step find(Object target, String name) {
        if (target instanceof Class<?> || target instanceof IContext) {
            return OTHER_WAY;
        }
        Class<?> type = target.getClass();
        PropertyAccessor accessor;
        try {
            accessor = OgnlRuntime.getPropertyAccessor(type);
        } catch (OgnlException e) {
            return OTHER_WAY;
        }
        if (accessor.getClass() == ListPropertyAccessor.class && LIST_PROPERTIES.containsKey(name)) {
            return LIST_PROPERTIES.get(name);
        }
        if (accessor.getClass() != ObjectPropertyAccessor.class) {
            return OTHER_WAY;
        }
        Method getter = OgnlRuntime.getGetMethod(type, name);
        if (getter == null) {
            // How OGNL finds a record's accessor, href(), or any other method named as the property.
            getter = OgnlRuntime.getReadMethod(type, name);
        }
        // A public method of a class that is not public, OGNL makes accessible first: it takes that way.
        boolean callable = getter != null && Modifier.isPublic(getter.getModifiers())
                && Modifier.isPublic(getter.getDeclaringClass().getModifiers());
        return callable && !ExpressionUtils.isMemberForbidden(target, getter.getName()) ? new Getter(getter) : OTHER_WAY;
    }
}
