package dev.crow.product.crawl;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.Permission;
import dev.crow.platform.web.PageQuery;
import dev.crow.platform.web.PageResponse;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/products/crawler-jobs")
class CrawlerJobController {

    private final CrawlerJobs jobs;

    CrawlerJobController(CrawlerJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CrawlerJobView create(CallerContext caller, @RequestBody CreateCrawlerJobRequest request) {
        return jobs.create(caller.require(Permission.PRODUCTS), request);
    }

    @GetMapping("/{id}")
    CrawlerJobView get(CallerContext caller, @PathVariable String id) {
        return jobs.get(caller.require(Permission.PRODUCTS), jobId(id));
    }

    @GetMapping("/organization/{orgId}")
    PageResponse<CrawlerJobView> list(CallerContext caller, @PathVariable String orgId, PageQuery page) {
        caller.require(Permission.PRODUCTS).requireOrganization(orgId);
        return jobs.page(orgId, page);
    }

    @PostMapping("/{id}/cancel")
    CrawlerJobView cancel(CallerContext caller, @PathVariable String id) {
        return jobs.cancel(caller.require(Permission.PRODUCTS), jobId(id));
    }

    @DeleteMapping("/{id}")
    CrawlerJobView delete(CallerContext caller, @PathVariable String id) {
        return cancel(caller, id);
    }

    static UUID jobId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw CrowException.invalid("id");
        }
    }
}
