package dev.crow.gateway.routing;

import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.netty.channel.EventLoopGroup;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.TransportConfig;

/**
 * Connections to the services pooled per event loop: a request handled on one event loop leases an
 * upstream connection that lives on the same loop, so writing to the service, reading its answer and
 * writing that to the client never hand work to another thread.
 *
 * <p>Reactor Netty's pool creates new connections on the caller's event loop, but one pool serves all
 * loops, so an idle connection made on loop A is leased to a request on loop B; every step of that
 * exchange is then queued to the other loop and wakes it (measured under the gateway benchmark: about
 * a third of requests crossed, each costing a task hand-off and a wake-up system call both ways).
 * Here each event loop gets its own pool, built by {@code poolPerLoop} with the configured settings,
 * so {@code max-connections} bounds the connections of each event loop. Work that starts on any other
 * thread shares one more pool.
 */
final class EventLoopConnectionProvider implements ConnectionProvider {

    private final Supplier<ConnectionProvider> poolPerLoop;
    private final FastThreadLocal<ConnectionProvider> current = new FastThreadLocal<>();
    private final List<ConnectionProvider> pools = new CopyOnWriteArrayList<>();
    private volatile ConnectionProvider shared;

    EventLoopConnectionProvider(Supplier<ConnectionProvider> poolPerLoop) {
        this.poolPerLoop = poolPerLoop;
    }

    @Override
    public Mono<? extends Connection> acquire(TransportConfig config, ConnectionObserver observer,
            Supplier<? extends SocketAddress> remoteAddress, AddressResolverGroup<?> resolverGroup) {
        ConnectionProvider pool = current.getIfExists();
        if (pool == null) {
            pool = poolFor(config);
            current.set(pool);
        }
        return pool.acquire(config, observer, remoteAddress, resolverGroup);
    }

    /** The pool of the calling thread's event loop; the shared one for any other thread. */
    private ConnectionProvider poolFor(TransportConfig config) {
        EventLoopGroup loops = config.loopResources().onClient(config.isPreferNative());
        for (EventExecutor loop : loops) {
            if (loop.inEventLoop()) {
                ConnectionProvider pool = poolPerLoop.get();
                pools.add(pool);
                return pool;
            }
        }
        return sharedPool();
    }

    private ConnectionProvider sharedPool() {
        ConnectionProvider pool = shared;
        if (pool == null) {
            synchronized (this) {
                pool = shared;
                if (pool == null) {
                    pool = poolPerLoop.get();
                    pools.add(pool);
                    shared = pool;
                }
            }
        }
        return pool;
    }

    /** The number of pools made so far: one per event loop that has proxied a request, plus the shared one. */
    int poolCount() {
        return pools.size();
    }

    @Override
    public int maxConnections() {
        return pools.isEmpty() ? -1 : pools.get(0).maxConnections();
    }

    @Override
    public void disposeWhen(SocketAddress remoteAddress) {
        pools.forEach(pool -> pool.disposeWhen(remoteAddress));
    }

    @Override
    public Mono<Void> disposeLater() {
        return Mono.defer(() -> Mono.when(pools.stream().map(ConnectionProvider::disposeLater).toList()));
    }

    @Override
    public boolean isDisposed() {
        return !pools.isEmpty() && pools.stream().allMatch(ConnectionProvider::isDisposed);
    }
}
