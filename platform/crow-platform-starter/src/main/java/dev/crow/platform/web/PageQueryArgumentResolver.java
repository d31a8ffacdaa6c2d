package dev.crow.platform.web;

import dev.crow.platform.error.CrowException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Binds {@code page} and {@code limit} query parameters into a {@link PageQuery}; junk is a 400. */
class PageQueryArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return PageQuery.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        int page = parse(webRequest.getParameter("page"), 1, "page");
        int limit = parse(webRequest.getParameter("limit"), PageQuery.DEFAULT_LIMIT, "limit");
        return new PageQuery(page, limit);
    }

    private static int parse(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw CrowException.invalid(name);
        }
    }
}
