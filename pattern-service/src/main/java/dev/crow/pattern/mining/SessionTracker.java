package dev.crow.pattern.mining;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rebuilds web sessions from a time-ordered stream by their {@code sessionId}. A session ends
 * after {@code timeout} without interactions (a later interaction with the same id opens a new
 * one, as web analytics count sessions); ended sessions are handed on and forgotten, so memory
 * holds only the sessions active around the current point of the stream.
 */
final class SessionTracker {

    private static final int SWEEP_EVERY = 20_000;

    private final long timeoutMillis;
    private final Interner pages;
    private final Interner products;
    private final Consumer<ClosedSession> sink;
    private final Map<String, ActiveSession> active = new HashMap<>();
    private long seen;
    private long sessions;

    SessionTracker(long timeoutMillis, Interner pages, Interner products, Consumer<ClosedSession> sink) {
        this.timeoutMillis = timeoutMillis;
        this.pages = pages;
        this.products = products;
        this.sink = sink;
    }

    void accept(InteractionEvent event) {
        if (event.source != InteractionEvent.WEB || event.sessionId == null) {
            return;
        }
        ActiveSession session = active.get(event.sessionId);
        if (session != null && event.occurredAt - session.lastAt > timeoutMillis) {
            close(session);
            session = null;
        }
        if (session == null) {
            session = new ActiveSession(event.sessionId, event.occurredAt);
            active.put(event.sessionId, session);
        }
        session.lastAt = Math.max(session.lastAt, event.occurredAt);
        if (event.isPageView()) {
            String path = Pages.path(event.url);
            if (path != null) {
                session.addPage(pages.id(path));
            }
        }
        if (event.productId != null) {
            session.addProduct(products.id(event.productId));
        }
        if (++seen % SWEEP_EVERY == 0) {
            sweep(event.occurredAt);
        }
    }

    /** Ends every session still open (the end of the stream). */
    void closeAll() {
        for (ActiveSession session : active.values()) {
            emit(session);
        }
        active.clear();
    }

    long sessions() {
        return sessions;
    }

    private void sweep(long now) {
        Iterator<ActiveSession> open = active.values().iterator();
        while (open.hasNext()) {
            ActiveSession session = open.next();
            if (now - session.lastAt > timeoutMillis) {
                emit(session);
                open.remove();
            }
        }
    }

    private void close(ActiveSession session) {
        active.remove(session.id);
        emit(session);
    }

    private void emit(ActiveSession session) {
        sessions++;
        sink.accept(new ClosedSession(session.id, session.startedAt, Arrays.copyOf(session.pages, session.pageCount),
                Arrays.copyOf(session.products, session.productCount)));
    }

    private static final class ActiveSession {

        final String id;
        final long startedAt;
        long lastAt;
        int[] pages = new int[4];
        int pageCount;
        int[] products = new int[2];
        int productCount;

        ActiveSession(String id, long startedAt) {
            this.id = id;
            this.startedAt = startedAt;
            this.lastAt = startedAt;
        }

        void addPage(int page) {
            if (pageCount > 0 && pages[pageCount - 1] == page) {
                return;
            }
            if (pageCount == pages.length) {
                pages = Arrays.copyOf(pages, pageCount * 2);
            }
            pages[pageCount++] = page;
        }

        void addProduct(int product) {
            for (int i = 0; i < productCount; i++) {
                if (products[i] == product) {
                    return;
                }
            }
            if (productCount == products.length) {
                products = Arrays.copyOf(products, productCount * 2);
            }
            products[productCount++] = product;
        }
    }
}
