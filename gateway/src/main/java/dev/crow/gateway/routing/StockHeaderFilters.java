package dev.crow.gateway.routing;

import java.util.List;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Removes three of Spring Cloud Gateway's stock header filters — hop-by-hop, {@code Forwarded} and
 * {@code X-Forwarded-*} removal — whose work {@link IdentityHeadersFilter} and
 * {@link UpstreamResponseHeadersFilter} already do in their single pass over the headers. Each stock
 * filter copies every header of every request and answer once more, which measured as a tenth of the
 * gateway's event-loop time. Should a later Spring Cloud Gateway rename them, they simply stay: slower,
 * never wrong.
 */
final class StockHeaderFilters implements BeanDefinitionRegistryPostProcessor {

    static final List<String> REPLACED = List.of("removeHopByHopHeadersFilter", "removeForwardedHeadersFilter",
            "removeXForwardedHeadersFilter");

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        for (String name : REPLACED) {
            if (registry.containsBeanDefinition(name)) {
                registry.removeBeanDefinition(name);
            }
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        // all work is done on the registry
    }
}
