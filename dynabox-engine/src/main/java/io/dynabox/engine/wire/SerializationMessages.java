package io.dynabox.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The service's SerializationException messages for a JSON value of the wrong kind. They
 * name the Java types of the service's own deserializer, and differ by where the value
 * stands: as a member of a structure, or as a list element or map value.
 */
final class SerializationMessages {
    private static final String MODEL_PACKAGE = "com.amazonaws.dynamodb.v20120810.";
    static final String CAST_MESSAGE = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class "
            + "java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module "
            + "java.base of loader 'bootstrap')";
    private static final String START_OF_STRUCTURE = "Start of structure or map found where not expected";

    private SerializationMessages() {}

    /** For a scalar member: {@code javaType} is String, Boolean, Integer, Long or Double. */
    static String scalar(String javaType, JsonNode actual) {
        if (actual.isObject()) return START_OF_STRUCTURE;
        if (actual.isArray()) return "Unrecognized collection type class java.lang." + javaType;
        if (actual.isBoolean()) {
            return (actual.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE") + " cannot be converted to " + javaType;
        }
        if (actual.isNumber()) {
            return (actual.isIntegralNumber() ? "NUMBER_VALUE" : "DECIMAL_VALUE") + " cannot be converted to " + javaType;
        }
        // a string where a boolean or a number belongs
        return javaType.equals("Boolean") ? "Unexpected token received from parser" : "STRING_VALUE cannot be converted to " + javaType;
    }

    static String blob(JsonNode actual) {
        if (actual.isObject()) return START_OF_STRUCTURE;
        if (actual.isArray()) return "Unrecognized collection type class java.nio.ByteBuffer";
        return "only base-64-encoded strings are convertible to bytes";
    }

    /** A structure: {@code inCollection} when it is a list element or a map value. */
    static String structure(String shapeName, boolean inCollection, JsonNode actual) {
        if (actual.isArray()) return "Unrecognized collection type class " + MODEL_PACKAGE + shapeName;
        return inCollection ? "Unexpected value type in payload" : "Unexpected field type";
    }

    static String list(boolean inCollection, JsonNode actual) {
        if (actual.isObject()) return START_OF_STRUCTURE;
        return inCollection ? CAST_MESSAGE : "Unexpected field type";
    }

    /** A map whose values are of Java type {@code valueClass}. */
    static String map(String valueClass, boolean inCollection, JsonNode actual) {
        if (actual.isArray()) return "Unrecognized collection type java.util.Map<java.lang.String, " + valueClass + ">";
        return inCollection ? CAST_MESSAGE : "Unexpected field type";
    }

    static String modelClass(String shapeName) {
        return MODEL_PACKAGE + shapeName;
    }
}
