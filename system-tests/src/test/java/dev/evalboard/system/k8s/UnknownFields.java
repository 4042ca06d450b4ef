package dev.evalboard.system.k8s;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fields a typed model did not know. Strimzi's and fabric8's model classes keep unknown fields in
 * {@code getAdditionalProperties()} instead of rejecting them (a newer operator may add fields), so parsing alone
 * accepts anything: this walks the parsed object along its input and reports every such field with its path.
 */
final class UnknownFields {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private UnknownFields() {
    }

    /** The unknown fields of {@code typed}, parsed from {@code json}: only what the input holds is visited. */
    static List<String> of(Object typed, JsonNode json, String path) {
        List<String> unknown = new ArrayList<>();
        walk(typed, json, path, unknown);
        return unknown;
    }

    private static void walk(Object value, JsonNode json, String path, List<String> unknown) {
        if (value == null || json == null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size() && i < json.size(); i++) {
                walk(list.get(i), json.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, json.get(String.valueOf(key)), path + "." + key, unknown));
            return;
        }
        String type = value.getClass().getName();
        if (!type.startsWith("io.strimzi.") && !type.startsWith("io.fabric8.")) {
            return;
        }
        additional(value).keySet().forEach(key -> unknown.add(path + "." + key));
        BeanDescription bean = MAPPER.getSerializationConfig().introspect(MAPPER.constructType(value.getClass()));
        for (BeanPropertyDefinition property : bean.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor != null && json.has(property.getName())) {
                walk(accessor.getValue(value), json.get(property.getName()), path + "." + property.getName(),
                        unknown);
            }
        }
    }

    private static Map<?, ?> additional(Object value) {
        try {
            Method getter = value.getClass().getMethod("getAdditionalProperties");
            Object map = getter.invoke(value);
            return map instanceof Map<?, ?> m ? m : Map.of();
        } catch (NoSuchMethodException e) {
            return Map.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
