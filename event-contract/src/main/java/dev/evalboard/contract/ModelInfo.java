package dev.evalboard.contract;

/** The model an event is about. Every attribute but the name may be null (not stated by this event). */
public record ModelInfo(String name, Long parameters, Long activeParameters, Openness openness, String organization) {
}
