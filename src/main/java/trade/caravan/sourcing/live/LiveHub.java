package trade.caravan.sourcing.live;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.micrometer.core.instrument.MeterRegistry;

import trade.caravan.shared.OrganizationId;
import trade.caravan.shared.UserId;
import trade.caravan.sourcing.LiveSignals;
import trade.caravan.sourcing.NegotiationId;
import trade.caravan.sourcing.negotiation.NegotiationChanged;
import trade.caravan.sourcing.negotiation.Presence;

/**
 * The open live connections (server-sent events) of this node, by organization. When a
 * negotiation's timeline grows and the transaction commits, both of its organizations' connections
 * get a small event naming the negotiation and the entry; pages then fetch what changed through
 * the normal, access-checked pages. Nothing of the negotiation's content travels on this channel,
 * and a connection only ever hears of its own organization's negotiations (or of one negotiation,
 * once the subscription was checked against it).
 *
 * <p>Fan-out runs on one thread of its own, in commit order, so the request that made the change
 * never waits for slow readers. A connection that fails on write is dropped. Across several nodes
 * the events would have to be externalized (see the README); on one node this is the whole story.
 */
@Component
class LiveHub implements Presence, LiveSignals, SmartLifecycle, DisposableBean {

    private static final java.util.regex.Pattern TOPIC = java.util.regex.Pattern.compile("[a-z]{1,20}");
    private static final java.util.regex.Pattern KIND = java.util.regex.Pattern.compile("[A-Z_]{1,40}");

    static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** One open connection: whose it is, and (optionally) the one negotiation it follows. */
    record Subscriber(SseEmitter emitter, OrganizationId organization, @Nullable UserId user,
            @Nullable NegotiationId negotiation) {
    }

    private final Map<UUID, Set<Subscriber>> byOrganization = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicLong> onlineUsers = new ConcurrentHashMap<>();
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("live-fan-out").daemon().factory());
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean running;

    LiveHub(MeterRegistry meters) {
        meters.gauge("caravan.live.connections", byOrganization,
                m -> m.values().stream().mapToInt(Set::size).sum());
        meters.more().counter("caravan.live.events.delivered", java.util.List.of(), delivered);
    }

    SseEmitter subscribe(OrganizationId organization, @Nullable UserId user, @Nullable NegotiationId negotiation) {
        var emitter = new SseEmitter(TIMEOUT.toMillis());
        if (!running) {
            // shutting down: the client reconnects (to another node, or to this one once it is back)
            emitter.complete();
            return emitter;
        }
        var subscriber = new Subscriber(emitter, organization, user, negotiation);
        byOrganization.computeIfAbsent(organization.value(), k -> ConcurrentHashMap.newKeySet()).add(subscriber);
        if (user != null) {
            onlineUsers.computeIfAbsent(user.value(), k -> new AtomicLong()).incrementAndGet();
        }
        Runnable remove = () -> remove(subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        try {
            // tells the client the subscription stands, and how long to wait before reconnecting
            emitter.send(SseEmitter.event().name("ready").reconnectTime(3_000).data("{}", MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            remove.run();
        }
        return emitter;
    }

    @Override
    public boolean isOnline(UserId user) {
        AtomicLong count = onlineUsers.get(user.value());
        return count != null && count.get() > 0;
    }

    int connections() {
        return byOrganization.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * Tells the open streams after the transaction commits. A plain listener that registers its own
     * after-commit callback, not a {@code @TransactionalEventListener}: Spring Modulith records every
     * transactional listener's events in the publication registry, which for this best-effort,
     * per-message signal cost a registry row and, after the commit, two more transactions, each
     * needing a second pooled connection while the request still held its first. Under load that
     * exhausted the pool (measured: bench/live, docs/benchmarks.md). A lost signal costs nothing
     * lasting: pages re-read the negotiation when they load.
     */
    @EventListener
    void on(NegotiationChanged changed) {
        afterCommit(() -> fanOutAfterCommit(changed));
    }

    /** Runs {@code action} once the current transaction commits (at once outside one; never after a rollback). */
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    @Override
    public void changed(String topic, UUID subject, long seq, String kind, Set<OrganizationId> organizations) {
        if (!TOPIC.matcher(topic).matches() || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("Not a live topic and kind: " + topic + " " + kind);
        }
        String data = "{\"" + topic + "\":\"" + subject + "\",\"seq\":" + seq + ",\"kind\":\"" + kind + "\"}";
        Runnable send = () -> fanOut.execute(() -> organizations.forEach(organization -> {
            Set<Subscriber> subscribers = byOrganization.get(organization.value());
            if (subscribers == null) {
                return;
            }
            for (Subscriber subscriber : subscribers) {
                if (subscriber.negotiation() == null) {
                    send(subscriber, topic, seq, data);
                }
            }
        }));
        afterCommit(send);
    }

    private void fanOutAfterCommit(NegotiationChanged changed) {
        String data = "{\"negotiation\":\"" + changed.negotiation() + "\",\"seq\":" + changed.seq()
                + ",\"kind\":\"" + changed.kind() + "\"}";
        fanOut.execute(() -> {
            deliver(changed.buyer(), changed.negotiation(), changed.seq(), data);
            deliver(changed.supplier(), changed.negotiation(), changed.seq(), data);
        });
    }

    private void deliver(OrganizationId organization, NegotiationId negotiation, long seq, String data) {
        Set<Subscriber> subscribers = byOrganization.get(organization.value());
        if (subscribers == null) {
            return;
        }
        for (Subscriber subscriber : subscribers) {
            if (subscriber.negotiation() != null && !subscriber.negotiation().equals(negotiation)) {
                continue;
            }
            send(subscriber, "negotiation", seq, data);
        }
    }

    private void send(Subscriber subscriber, String event, long seq, String data) {
        try {
            subscriber.emitter().send(SseEmitter.event().name(event).id(Long.toString(seq))
                    .data(data, MediaType.APPLICATION_JSON));
            delivered.incrementAndGet();
        } catch (IOException | IllegalStateException gone) {
            subscriber.emitter().completeWithError(gone);
            remove(subscriber);
        }
    }

    /** A comment line now and then keeps idle connections open through proxies and finds dead ones. */
    @Scheduled(fixedDelayString = "${caravan.sourcing.live-heartbeat:PT25S}")
    void heartbeat() {
        fanOut.execute(() -> byOrganization.values().forEach(set -> set.forEach(subscriber -> {
            try {
                subscriber.emitter().send(SseEmitter.event().comment("ping"));
            } catch (IOException | IllegalStateException gone) {
                remove(subscriber);
            }
        })));
    }

    private void remove(Subscriber subscriber) {
        Set<Subscriber> set = byOrganization.get(subscriber.organization().value());
        if (set != null && set.remove(subscriber) && subscriber.user() != null) {
            onlineUsers.computeIfPresent(subscriber.user().value(), (k, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream when the application stops, before the web server's graceful shutdown
     * (a higher phase stops first): a stream is a request that never ends by itself, so the
     * graceful shutdown would otherwise wait out its whole time-out for them, and a process
     * manager (or the test runner) kill the application before it had stopped its database.
     */
    @Override
    public void stop() {
        running = false;
        byOrganization.values().forEach(set -> set.forEach(s -> s.emitter().complete()));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @Override
    public void destroy() {
        stop();
        fanOut.shutdownNow();
    }
}
