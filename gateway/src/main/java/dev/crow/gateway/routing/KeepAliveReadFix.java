package dev.crow.gateway.routing;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.NettyPipeline;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * Works around a Reactor Netty HTTP/1.1 server bug (reactor/reactor-netty#4361 and #4347, present in
 * the 1.3.x releases served to this build): when a client sends its next request on a kept-alive
 * connection before the server has finished with the previous exchange, the request is buffered and
 * the connection may never be read again — the client waits until it gives up, and only then is the
 * request seen. Found by this module's tests: a client reusing its connection hung for its whole
 * timeout, after a few dozen quick answers in a row, more often under CPU load.
 * <p>
 * Two parts. Reactor Netty's own switch {@code reactor.netty.http.server.lastFlushWhenNoRead} makes it
 * finish the previous exchange before it looks at the next request, which closes most of that route;
 * it is read once, when Reactor Netty's HTTP handler class loads, so it is set before any server
 * starts (an explicit {@code -D} setting wins). Because requests were still lost with it alone
 * ({@code KeepAliveTests}), every connection also asks for more input once a response has been
 * written completely: an extra read request is harmless (the next request is then read and handled
 * or buffered as usual), a missing one leaves the connection stuck.
 * <p>
 * On the io_uring transport (used when the kernel offers it, see {@link NettyTransport}) Netty 4.2.15
 * lost reads on pooled client connections whose reading Reactor Netty switches off and on between
 * exchanges: requests to a service or to auth-service sat unanswered until the response timeout (this
 * module's route and introspection tests), with multishot receive on or off. The gateway therefore
 * builds on Netty 4.2.18, under which the whole suite passes either way. Multishot receive
 * ({@code io.netty.iouring.recvMultiShotEnabled}, read once when Netty's io_uring support loads) is
 * still switched off here, the same way as the switch above: the gateway benchmark measured both
 * settings alike, and one receive request per read is the simpler of the two.
 */
@Component
public class KeepAliveReadFix implements EnvironmentPostProcessor, NettyServerCustomizer {

    static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";
    static final String IO_URING_MULTISHOT_RECEIVE = "io.netty.iouring.recvMultiShotEnabled";
    private static final String HANDLER = "crow.keepAliveRead";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        apply();
    }

    /**
     * Sets both switches unless set explicitly; they only take effect before the JVM's first Reactor Netty
     * server and first io_uring event loop.
     */
    public static void apply() {
        setUnlessSet(PROPERTY, "true");
        setUnlessSet(IO_URING_MULTISHOT_RECEIVE, "false");
    }

    private static void setUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    @Override
    public reactor.netty.http.server.HttpServer apply(reactor.netty.http.server.HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, HANDLER, ReadAfterResponse.INSTANCE);
            }
        });
    }

    /** Requests a read once the last part of a response has been written. */
    @ChannelHandler.Sharable
    static final class ReadAfterResponse extends ChannelDuplexHandler {

        static final ReadAfterResponse INSTANCE = new ReadAfterResponse();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof LastHttpContent) {
                ChannelPromise written = promise.unvoid();
                written.addListener(done -> {
                    if (done.isSuccess() && ctx.channel().isActive()) {
                        ctx.read();
                    }
                });
                ctx.write(msg, written);
                return;
            }
            ctx.write(msg, promise);
        }
    }
}
