package dev.crow.platform.web;

import java.util.List;
import java.util.function.Function;

/** A page of results in the platform's list shape: {@code {data, pagination}}. */
public record PageResponse<T>(List<T> data, Pagination pagination) {

    public record Pagination(int page, int limit, long total, int totalPages) {
    }

    public static <T> PageResponse<T> of(List<T> data, PageQuery query, long total) {
        int totalPages = (int) ((total + query.limit() - 1) / query.limit());
        return new PageResponse<>(List.copyOf(data), new Pagination(query.page(), query.limit(), total, totalPages));
    }

    public static <E, T> PageResponse<T> of(org.springframework.data.domain.Page<E> page, PageQuery query,
            Function<E, T> mapper) {
        return of(page.getContent().stream().map(mapper).toList(), query, page.getTotalElements());
    }

    /** A Spring Data page request for the same page (0-based there). */
    public static org.springframework.data.domain.PageRequest pageable(PageQuery query,
            org.springframework.data.domain.Sort sort) {
        return org.springframework.data.domain.PageRequest.of(query.page() - 1, query.limit(), sort);
    }
}
