package dev.crow.gateway.routing;

import dev.crow.gateway.EdgeStage;
import dev.crow.gateway.auth.AuthFailures;
import dev.crow.gateway.auth.ClientAddresses;
import dev.crow.gateway.auth.Credential;
import dev.crow.gateway.auth.CredentialExtractor;
import dev.crow.gateway.auth.PrincipalResolver;
import dev.crow.gateway.auth.ResolvedPrincipal;
import dev.crow.gateway.error.ErrorCode;
import dev.crow.gateway.error.ErrorResponses;
import dev.crow.gateway.error.GatewayException;
import dev.crow.gateway.observability.GatewayMetrics;
import dev.crow.gateway.observability.RequestContext;
import dev.crow.gateway.ratelimit.RateLimitDecision;
import dev.crow.gateway.ratelimit.RateLimitKey;
import dev.crow.gateway.ratelimit.RateLimitPlan;
import dev.crow.gateway.ratelimit.RateLimitPlans;
import dev.crow.gateway.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * The gateway's decision for each request, before any route is matched: classify the path, find the
 * client's address and credential, resolve the principal (cached), take a rate-limit token from the
 * right bucket, and either forward or refuse in the platform error format. Every answer — forwarded or
 * refused — carries the {@code X-RateLimit-*} headers of the bucket it was charged to.
 */
@Component
class EdgeFilter implements EdgeStage {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private final AccessPolicy policy;
    private final ClientAddresses clientAddresses;
    private final CredentialExtractor credentials;
    private final PrincipalResolver principals;
    private final RateLimiter limiter;
    private final RateLimitPlans plans;
    private final GatewayMetrics metrics;

    EdgeFilter(AccessPolicy policy, ClientAddresses clientAddresses, CredentialExtractor credentials,
            PrincipalResolver principals, RateLimiter limiter, RateLimitPlans plans, GatewayMetrics metrics) {
        this.policy = policy;
        this.clientAddresses = clientAddresses;
        this.credentials = credentials;
        this.principals = principals;
        this.limiter = limiter;
        this.plans = plans;
        this.metrics = metrics;
    }


    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RequestContext context = RequestContext.of(exchange);
        if (context == null) {
            // Only management requests skip the observability filter; they are not the gateway's business.
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest();
        AccessRule rule = policy.classify(request.getMethod(), request.getPath().value());
        rule.attachTo(exchange);
        UpstreamHeaders.rememberEdgeRequest(exchange);
        context.routeId(rule.routeId());
        String clientIp = clientAddresses.clientIp(request);
        context.clientIp(clientIp);
        return switch (rule.access()) {
            case NOT_ROUTED -> refuse(exchange, byAddress(plans.anonymous(), clientIp),
                    new GatewayException(ErrorCode.NOT_FOUND, "Not found"));
            case AUTH_STRICT -> limitAndForward(exchange, chain, byAddress(plans.authRoutes(), clientIp));
            case WEBHOOK -> limitAndForward(exchange, chain, byAddress(plans.webhook(), clientIp));
            case DOCS -> limitAndForward(exchange, chain, byAddress(plans.docs(), clientIp));
            case PUBLIC, AUTH -> anonymousOrPrincipal(exchange, chain, context, clientIp);
            case PROTECTED -> authenticated(exchange, chain, context, clientIp);
        };
    }

    private Mono<Void> authenticated(ServerWebExchange exchange, WebFilterChain chain, RequestContext context,
            String clientIp) {
        Credential credential = credentials.extract(exchange.getRequest().getHeaders());
        if (credential == null) {
            return refuse(exchange, byAddress(plans.anonymous(), clientIp), AuthFailures.missingCredential());
        }
        return principals.resolve(credential)
                .flatMap(principal -> {
                    principal.attachTo(exchange);
                    context.principalKind(principal.kind());
                    return limitAndForward(exchange, chain, principal.rateLimitKey());
                })
                .onErrorResume(GatewayException.class, failure -> failure.code() == ErrorCode.UNAUTHORIZED
                        ? refuse(exchange, byAddress(plans.anonymous(), clientIp), failure)
                        : unavailable(exchange, byAddress(plans.anonymous(), clientIp), failure));
    }

    /**
     * Public and auth-service routes forward no principal, but a caller who presents a valid credential
     * is limited by its own tier rather than by its address (a signed-in dashboard calls get-session
     * often). A credential that does not resolve simply makes the caller anonymous here.
     */
    private Mono<Void> anonymousOrPrincipal(ServerWebExchange exchange, WebFilterChain chain,
            RequestContext context, String clientIp) {
        Credential credential = credentials.extract(exchange.getRequest().getHeaders());
        if (credential == null) {
            return limitAndForward(exchange, chain, byAddress(plans.anonymous(), clientIp));
        }
        return principals.resolve(credential)
                .map(principal -> {
                    context.principalKind(principal.kind());
                    return principal.rateLimitKey();
                })
                .onErrorResume(GatewayException.class, failure -> Mono.just(byAddress(plans.anonymous(), clientIp)))
                .flatMap(key -> changesSession(exchange)
                        ? limitAndForward(exchange, chain, key).doFinally(signal -> principals.forget(credential))
                        : limitAndForward(exchange, chain, key));
    }

    /**
     * A state-changing call to auth-service (organization/create, set-active, sign-out …) may change
     * what the caller's credential stands for; its cached principal is dropped once it is answered.
     */
    private static boolean changesSession(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        return AccessRule.of(exchange).access() == RouteAccess.AUTH && method != HttpMethod.GET && method != HttpMethod.HEAD;
    }

    private Mono<Void> limitAndForward(ServerWebExchange exchange, WebFilterChain chain, RateLimitKey key) {
        return limiter.consume(key).flatMap(decision -> {
            decision.writeHeaders(exchange.getResponse().getHeaders());
            if (!decision.allowed()) {
                return tooManyRequests(exchange, decision);
            }
            return chain.filter(exchange);
        });
    }

    /** Refusals cost the address a token, so probing for paths or credentials is limited too. */
    private Mono<Void> refuse(ServerWebExchange exchange, RateLimitKey key, GatewayException refusal) {
        return limiter.consume(key).flatMap(decision -> {
            decision.writeHeaders(exchange.getResponse().getHeaders());
            if (!decision.allowed()) {
                return tooManyRequests(exchange, decision);
            }
            return ErrorResponses.write(exchange, refusal.code(), refusal.getMessage());
        });
    }

    /** auth-service could not answer: not the client's fault, so it is told its budget without paying for it. */
    private Mono<Void> unavailable(ServerWebExchange exchange, RateLimitKey key, GatewayException failure) {
        return limiter.peek(key).flatMap(decision -> {
            decision.writeHeaders(exchange.getResponse().getHeaders());
            return ErrorResponses.write(exchange, failure.code(), failure.getMessage());
        });
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange, RateLimitDecision decision) {
        metrics.rateLimited(decision.plan().name());
        return ErrorResponses.write(exchange, ErrorCode.RATE_LIMIT_EXCEEDED, "Rate limit exceeded");
    }

    private static RateLimitKey byAddress(RateLimitPlan plan, String clientIp) {
        return plan.keyFor("ip:" + clientIp);
    }
}
