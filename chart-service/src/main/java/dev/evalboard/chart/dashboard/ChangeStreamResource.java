package dev.evalboard.chart.dashboard;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The dashboard's own change stream, same-origin so a page's CSP can stay {@code connect-src 'self'}: an event
 * {@code changed} (id: the change-feed offset) once this instance's charts follow a change to one of the benchmarks
 * asked for, and {@code reload} to a client that comes back having missed changes.
 */
@Path("/changes")
@Tag(name = "dashboard", description = "The dashboard's pages and their change stream")
public class ChangeStreamResource {
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final int MAX_BENCHMARKS = 50;

    private final LiveChanges live;

    public ChangeStreamResource(LiveChanges live) {
        this.live = live;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Changed benchmarks, live (text/event-stream)")
    public Multi<OutboundSseEvent> changes(@Context Sse sse,
            @Parameter(description = "Only these benchmarks (repeatable, at most 50); all when absent")
            @QueryParam("benchmark") List<String> benchmarks,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        Set<String> only = Set.copyOf(DashboardParams.names("benchmark", benchmarks, MAX_BENCHMARKS));
        long resumeAfter = DashboardParams.lastEventId(lastEventId);
        Multi<OutboundSseEvent> changes = Multi.createFrom().emitter(emitter -> {
            long latest = live.latestOffset();
            if (resumeAfter >= 0 && resumeAfter < latest) {
                // Which benchmarks the missed changes named is not kept: the page reloads what it shows.
                emitter.emit(sse.newEventBuilder().id(Long.toString(latest)).name("reload").data("{}").build());
            }
            Runnable unsubscribe = live.subscribe(change -> {
                if (change.concernsAny(only)) {
                    emitter.emit(sse.newEventBuilder().id(Long.toString(change.offset())).name("changed")
                            .data("{}").build());
                }
            });
            emitter.onTermination(unsubscribe);
        });
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(changes, heartbeats);
    }
}
