package dev.evalboard.query.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Flags and retractions (V4__moderation.sql), for the model pages and histories. */
@ApplicationScoped
public class ModerationRepository {
    private final Jdbc jdbc;

    public ModerationRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Flag> flag(String model) {
        return jdbc.list("SELECT reason, url FROM model_flag WHERE model_name = ?", List.of(model),
                rs -> new Flag(rs.getString("reason"), rs.getString("url"))).stream().findFirst();
    }

    /** The reason of each of these runs that is retracted, by eventId. */
    public Map<String, Retraction> retractions(List<String> eventIds) {
        Map<String, Retraction> reasons = new HashMap<>();
        if (!eventIds.isEmpty()) {
            jdbc.list("SELECT event_id, reason FROM retraction WHERE event_id = ANY(?)",
                    List.of((Object) eventIds.toArray(String[]::new)),
                    rs -> Map.entry(rs.getString("event_id"), new Retraction(rs.getString("reason"))))
                    .forEach(entry -> reasons.put(entry.getKey(), entry.getValue()));
        }
        return reasons;
    }
}
