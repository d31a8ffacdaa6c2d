package dev.crow.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import static org.assertj.core.api.Assertions.assertThat;

/** Upstream connections leased per event loop, against a real Reactor Netty server. */
class EventLoopConnectionProviderTests {

    private static LoopResources loops;
    private static DisposableServer backend;
    private final List<ConnectionProvider> providers = new ArrayList<>();

    @BeforeAll
    static void start() {
        loops = LoopResources.create("pool-test", 2, true);
        backend = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response.sendString(Mono.just("ok")))
                .bindNow();
    }

    @AfterAll
    static void stop() {
        backend.disposeNow();
        loops.disposeLater().block(Duration.ofSeconds(5));
    }

    @AfterEach
    void disposeProviders() {
        providers.forEach(provider -> provider.disposeLater().block(Duration.ofSeconds(5)));
        providers.clear();
    }

    @Test
    void eachEventLoopLeasesConnectionsThatLiveOnItself() {
        EventLoopConnectionProvider provider = perLoop();

        List<Boolean> sameLoop = requestsFromEachLoopInTurn(client(provider));

        assertThat(sameLoop).hasSize(12).containsOnly(true);
        assertThat(provider.poolCount()).isEqualTo(2);
    }

    @Test
    void oneSharedPoolHandsAnotherLoopsIdleConnectionToTheNextCaller() {
        // Why the gateway keeps a pool per event loop: Reactor Netty's own pool does not.
        ConnectionProvider shared = track(ConnectionProvider.builder("shared").maxConnections(4).build());

        assertThat(requestsFromEachLoopInTurn(client(shared))).contains(false);
    }

    @Test
    void workStartedOffTheEventLoopsSharesOnePool() {
        EventLoopConnectionProvider provider = perLoop();
        HttpClient client = client(provider);
        for (int i = 0; i < 3; i++) {
            assertThat(client.get().uri("/").responseContent().aggregate().asString().block(Duration.ofSeconds(5)))
                    .isEqualTo("ok");
        }
        assertThat(provider.poolCount()).isEqualTo(1);
        assertThat(provider.maxConnections()).isEqualTo(4);

        provider.disposeLater().block(Duration.ofSeconds(5));
        assertThat(provider.isDisposed()).isTrue();
    }

    private EventLoopConnectionProvider perLoop() {
        return track(new EventLoopConnectionProvider(() -> ConnectionProvider.builder("per-loop").maxConnections(4).build()));
    }

    private <P extends ConnectionProvider> P track(P provider) {
        providers.add(provider);
        return provider;
    }

    private static HttpClient client(ConnectionProvider provider) {
        return HttpClient.create(provider).runOn(loops).host("127.0.0.1").port(backend.port());
    }

    /**
     * Three rounds of two requests started on each event loop in turn, one at a time, each waiting for
     * the one before (so an idle connection of the other loop is always there to be leased): for each
     * request, whether its connection lives on the loop that started it.
     */
    private static List<Boolean> requestsFromEachLoopInTurn(HttpClient client) {
        List<EventExecutor> executors = new ArrayList<>();
        loops.onClient(LoopResources.DEFAULT_NATIVE).forEach(executors::add);
        assertThat(executors).hasSize(2);
        List<Boolean> sameLoop = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (EventExecutor loop : executors) {
                for (int i = 0; i < 2; i++) {
                    CompletableFuture<EventLoop> leasedOn = new CompletableFuture<>();
                    loop.execute(() -> client.get().uri("/")
                            .responseConnection((response, connection) -> connection.inbound().receive().then()
                                    .thenReturn(connection.channel().eventLoop()))
                            .next()
                            .subscribe(leasedOn::complete, leasedOn::completeExceptionally));
                    sameLoop.add(leasedOn.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join() == loop);
                }
            }
        }
        return sameLoop;
    }
}
