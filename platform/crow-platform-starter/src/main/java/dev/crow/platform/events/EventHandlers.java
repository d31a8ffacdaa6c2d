package dev.crow.platform.events;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.events.types.EventPayload;
import dev.crow.platform.events.types.EventType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The {@link CrowEventHandler} methods of the application's beans, by event type. */
class EventHandlers implements SmartInitializingSingleton {

    private final ConfigurableListableBeanFactory beans;
    private final JsonMapper json;
    private final Map<EventType, List<Handler>> byType = new EnumMap<>(EventType.class);

    EventHandlers(ConfigurableListableBeanFactory beans, JsonMapper json) {
        this.beans = beans;
        this.json = json;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String name : beans.getBeanNamesForType(Object.class, false, false)) {
            Class<?> type = AutoProxyUtils.determineTargetClass(beans, name);
            if (type == null || type.getName().startsWith("org.springframework.")) {
                continue;
            }
            Map<Method, CrowEventHandler> methods = MethodIntrospector.selectMethods(type,
                    (MethodIntrospector.MetadataLookup<CrowEventHandler>) method ->
                            AnnotatedElementUtils.findMergedAnnotation(method, CrowEventHandler.class));
            methods.keySet().forEach(method -> register(name, method));
        }
    }

    private void register(String beanName, Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean withEnvelope = parameters.length == 2 && parameters[1] == CrowEvent.class;
        if (parameters.length == 0 || parameters.length > 2 || (parameters.length == 2 && !withEnvelope)
                || !EventPayload.class.isAssignableFrom(parameters[0])) {
            throw new IllegalStateException("@CrowEventHandler " + method + " must take (payload record[, CrowEvent])");
        }
        EventType eventType = EventType.of(parameters[0]);
        Object bean = beans.getBean(beanName);
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(invocable);
        byType.computeIfAbsent(eventType, t -> new ArrayList<>()).add(new Handler(bean, invocable, withEnvelope));
    }

    List<Handler> of(EventType type) {
        return byType.getOrDefault(type, List.of());
    }

    /** One handler method bound to its bean. */
    final class Handler {

        private final Object bean;
        private final Method method;
        private final boolean withEnvelope;

        Handler(Object bean, Method method, boolean withEnvelope) {
            this.bean = bean;
            this.method = method;
            this.withEnvelope = withEnvelope;
        }

        void apply(CrowEvent event, EventType type) {
            Object payload;
            try {
                payload = json.treeToValue(event.payload(), type.payloadType());
            } catch (JacksonException | IllegalArgumentException e) {
                throw CrowException.invalid("payload");
            }
            try {
                if (withEnvelope) {
                    method.invoke(bean, payload, event);
                } else {
                    method.invoke(bean, payload);
                }
            } catch (InvocationTargetException e) {
                ReflectionUtils.rethrowRuntimeException(e.getTargetException());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
