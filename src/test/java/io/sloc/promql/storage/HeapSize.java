package io.sloc.promql.storage;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The heap bytes an object graph takes on a 64-bit JVM with compressed references (HotSpot's default below 32 GB):
 * 12-byte object headers, 16-byte array headers, 4-byte references, sizes rounded up to 8. Each object counts once;
 * objects of the JDK's own classes (whose fields are closed to reflection) count as their shallow header only, so
 * the figure is for graphs made of our classes and arrays.
 */
final class HeapSize {
    private HeapSize() {
    }

    static long of(Object root) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        long total = 0;
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (!seen.add(o)) {
                continue;
            }
            Class<?> c = o.getClass();
            if (c.isArray()) {
                int n = Array.getLength(o);
                Class<?> element = c.getComponentType();
                total += align(16 + (long) n * bytes(element));
                if (!element.isPrimitive()) {
                    for (int i = 0; i < n; i++) {
                        push(todo, Array.get(o, i));
                    }
                }
                continue;
            }
            long size = 12;
            for (Class<?> k = c; k != null && !k.getName().startsWith("java."); k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    size += bytes(f.getType());
                    if (!f.getType().isPrimitive()) {
                        f.setAccessible(true);
                        try {
                            push(todo, f.get(o));
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
            total += align(size);
        }
        return total;
    }

    private static void push(Deque<Object> todo, Object o) {
        if (o != null && !(o instanceof Enum<?>)) {
            todo.push(o);
        }
    }

    private static long bytes(Class<?> type) {
        if (type == long.class || type == double.class) {
            return 8;
        }
        if (type == int.class || type == float.class || !type.isPrimitive()) {
            return 4;
        }
        return type == short.class || type == char.class ? 2 : 1;
    }

    private static long align(long size) {
        return (size + 7) & ~7L;
    }
}
