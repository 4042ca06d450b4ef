package dev.evalboard.query.rest;

import dev.evalboard.query.service.ChangeStream;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Server-Sent Events: one {@code changed} event per benchmark whose answers changed, once this instance shows the
 * change; a {@code reload} event when a reconnecting client missed more than can be replayed; a comment every
 * {@link #HEARTBEAT} so proxies keep the connection open.
 */
@Path("/api/v1/changes")
public class ChangeResource {
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final ChangeStream stream;

    public ChangeResource(ChangeStream stream) {
        this.stream = stream;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "A live stream of changed benchmarks (text/event-stream)")
    public Multi<OutboundSseEvent> changes(@Context Sse sse,
            @Parameter(description = "Only these benchmarks (repeatable); all when absent")
            @QueryParam("benchmark") List<String> benchmarks,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        Long resumeAfter = Params.lastEventId(lastEventId);
        Set<String> only = Set.copyOf(Params.optionalBenchmarks(benchmarks));
        Multi<OutboundSseEvent> changes = Multi.createFrom().emitter(emitter -> {
            Runnable unsubscribe = stream.subscribe(ChangeStream.filtered(only, new ChangeStream.Subscriber() {
                @Override
                public void changed(ChangeStream.Changed event) {
                    emitter.emit(sse.newEventBuilder().id(Long.toString(event.id())).name("changed")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(event).build());
                }

                @Override
                public void reloadEverything(long id) {
                    emitter.emit(sse.newEventBuilder().id(Long.toString(id)).name("reload").data("{}").build());
                }
            }), resumeAfter);
            emitter.onTermination(unsubscribe);
        });
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(changes, heartbeats);
    }
}
