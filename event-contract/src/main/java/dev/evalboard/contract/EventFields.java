package dev.evalboard.contract;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads one field of an event node by the contract's rules for its type, or throws {@link InvalidEvent}. */
final class EventFields {

    /** How a text field is cleaned before its rules are checked. */
    enum Text {
        /** Kept as sent. */
        AS_SENT,
        /** Shown to people: Unicode format characters removed (see {@link FormatCharacters}). */
        LABEL,
        /** A label that identifies: also trimmed, so " m " and "m" are one model. */
        NAME
    }

    private EventFields() {
    }

    static String requiredText(JsonNode parent, String field, String pointer, int maxLength, Text form) {
        String text = optionalText(parent.get(field), pointer, maxLength, form);
        if (text == null) {
            throw new InvalidEvent(pointerToName(pointer) + " is required", pointer);
        }
        return text;
    }

    /** Reads a string field: absent or null gives null; otherwise 1..maxLength code points, no control characters. */
    static String optionalText(JsonNode node, String pointer, int maxLength, Text form) {
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidEvent(pointerToName(pointer) + " must be a string, not " + describe(node), pointer);
        }
        String text = form == Text.AS_SENT ? node.textValue() : FormatCharacters.strip(node.textValue());
        if (form == Text.NAME) {
            text = text.strip();
        }
        if (text.isEmpty()) {
            throw new InvalidEvent(pointerToName(pointer) + " must not be empty", pointer);
        }
        int length = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.getType(codePoint) == Character.CONTROL) {
                throw new InvalidEvent(pointerToName(pointer) + " must not contain control characters", pointer);
            }
            if (Character.getType(codePoint) == Character.SURROGATE) {
                throw new InvalidEvent(pointerToName(pointer) + " contains an unpaired UTF-16 surrogate", pointer);
            }
            i += Character.charCount(codePoint);
            if (++length > maxLength) {
                throw new InvalidEvent(pointerToName(pointer) + " must be at most " + maxLength + " characters",
                        pointer);
            }
        }
        return text;
    }

    static Boolean optionalBoolean(JsonNode node, String pointer) {
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new InvalidEvent(pointerToName(pointer) + " must be true or false, not " + describe(node), pointer);
        }
        return node.booleanValue();
    }

    static Long optionalPositiveInteger(JsonNode node, String pointer) {
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isNumber() || !isFinite(node) || !node.canConvertToExactIntegral()) {
            throw new InvalidEvent(pointerToName(pointer) + " must be a whole number, not " + describe(node), pointer);
        }
        if (!node.canConvertToLong()) {
            throw new InvalidEvent(pointerToName(pointer) + " is too large", pointer);
        }
        long value = node.asLong();
        if (value < 1) {
            throw new InvalidEvent(pointerToName(pointer) + " must be 1 or more", pointer);
        }
        return value;
    }

    /** A finite number of at most {@code maxMagnitude} in magnitude, and not negative. */
    static Double optionalNonNegative(JsonNode node, String pointer, double maxMagnitude) {
        if (isAbsent(node)) {
            return null;
        }
        double value = boundedNumber(node, pointer, maxMagnitude);
        if (value < 0) {
            throw new InvalidEvent(pointerToName(pointer) + " must not be negative", pointer);
        }
        return value;
    }

    static double boundedNumber(JsonNode node, String pointer, double maxMagnitude) {
        if (!node.isNumber()) {
            throw new InvalidEvent(pointerToName(pointer) + " must be a number, not " + describe(node), pointer);
        }
        double value = node.doubleValue();
        if (!isFinite(node) || !Double.isFinite(value)) {
            throw new InvalidEvent(pointerToName(pointer) + " must be a finite number", pointer);
        }
        if (Math.abs(value) > maxMagnitude) {
            throw new InvalidEvent(pointerToName(pointer) + " " + value + " is beyond the bound of " + maxMagnitude
                    + " in magnitude", pointer);
        }
        return value;
    }

    private static boolean isFinite(JsonNode node) {
        return !node.isDouble() || Double.isFinite(node.doubleValue());
    }

    static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull();
    }

    /** "model.name" for "/model/name": built only for a rejection, since most fields are valid. */
    static String pointerToName(String pointer) {
        return pointer.substring(1).replace('/', '.');
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> "null";
        };
    }
}
