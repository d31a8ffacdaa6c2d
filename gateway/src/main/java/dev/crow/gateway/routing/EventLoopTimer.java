package dev.crow.gateway.routing;

import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * Emits once after a delay, timed by a Netty event loop. For the per-request response timeout this
 * replaces {@code Mono.delay}, whose task on a shared scheduler thread costs a lock and a thread hop
 * per request, and {@code Mono.create}, whose sink reads the subscriber context on cancellation.
 */
final class EventLoopTimer extends Mono<Long> {

    private final EventLoop loop;
    private final long delayMillis;

    EventLoopTimer(EventLoop loop, long delayMillis) {
        this.loop = loop;
        this.delayMillis = delayMillis;
    }

    @Override
    public void subscribe(CoreSubscriber<? super Long> actual) {
        Tick tick = new Tick(actual);
        actual.onSubscribe(tick);
        tick.timer = loop.schedule(tick, delayMillis, TimeUnit.MILLISECONDS);
    }

    private static final class Tick implements Runnable, org.reactivestreams.Subscription {

        private final CoreSubscriber<? super Long> actual;
        private volatile ScheduledFuture<?> timer;
        private volatile boolean cancelled;

        Tick(CoreSubscriber<? super Long> actual) {
            this.actual = actual;
        }

        @Override
        public void run() {
            if (!cancelled) {
                actual.onNext(0L);
                actual.onComplete();
            }
        }

        @Override
        public void request(long n) {
            Operators.validate(n);
        }

        @Override
        public void cancel() {
            cancelled = true;
            ScheduledFuture<?> scheduled = timer;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
