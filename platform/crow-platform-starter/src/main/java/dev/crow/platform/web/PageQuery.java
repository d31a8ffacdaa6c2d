package dev.crow.platform.web;

import dev.crow.platform.error.CrowException;

/**
 * A page request (DESIGN.md §5): {@code page} is 1-based, {@code limit} defaults to 50 and is
 * capped at 100. Controllers take it as a method argument; it is bound from the query string.
 */
public record PageQuery(int page, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public PageQuery {
        if (page < 1) {
            throw CrowException.invalid("page must be 1 or more");
        }
        if (limit < 1) {
            throw CrowException.invalid("limit must be 1 or more");
        }
        limit = Math.min(limit, MAX_LIMIT);
    }

    public static PageQuery first() {
        return new PageQuery(1, DEFAULT_LIMIT);
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }
}
