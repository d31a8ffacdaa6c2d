package dev.crow.product.crawl;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.web.PageQuery;
import dev.crow.platform.web.PageResponse;
import dev.crow.product.ProductProperties;
import dev.crow.product.fetch.FetchException;
import dev.crow.product.fetch.FetchOptions;
import dev.crow.product.fetch.SafeHttpFetcher;
import dev.crow.product.fetch.TargetUrl;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating, reading and cancelling crawler jobs on behalf of a caller. The start URL is checked
 * against the SSRF rules when the job is created (a clear 400 instead of a failed job) and again
 * by the fetcher on every request the crawl makes.
 */
@Component
class CrawlerJobs {

    private final CrawlerJobRepository jobs;
    private final SafeHttpFetcher fetcher;
    private final TransactionTemplate transactions;
    private final ProductProperties.Crawler limits;
    private final CrawlerWorkerPool workers;

    CrawlerJobs(CrawlerJobRepository jobs, SafeHttpFetcher fetcher, TransactionTemplate transactions,
            ProductProperties properties, CrawlerWorkerPool workers) {
        this.jobs = jobs;
        this.fetcher = fetcher;
        this.transactions = transactions;
        this.limits = properties.crawler();
        this.workers = workers;
    }

    CrawlerJobView create(CallerContext caller, CreateCrawlerJobRequest request) {
        String organizationId = caller.organization();
        if (request == null || request.sourceType() == null
                || !List.of("url", "sitemap").contains(request.sourceType())) {
            throw CrowException.invalid("sourceType");
        }
        TargetUrl start = checkedStart(request.sourceValue());
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            jobs.lockOrganization(organizationId);
            if (jobs.count(organizationId, CrawlerJobStatus.QUEUED) >= limits.maxQueuedPerOrganization()) {
                throw new CrowException(ErrorKind.RATE_LIMITED, "Too many queued crawler jobs for this organization (at most "
                        + limits.maxQueuedPerOrganization() + "); wait for some to finish or cancel them");
            }
            jobs.insert(id, organizationId, caller.userId(), request.sourceType(), start.toString());
        });
        workers.wake();
        return view(jobs.find(id).orElseThrow());
    }

    CrawlerJobView get(CallerContext caller, UUID id) {
        return view(owned(caller, id));
    }

    PageResponse<CrawlerJobView> page(String organizationId, PageQuery query) {
        long total = jobs.countAll(organizationId);
        List<CrawlerJob> rows = jobs.page(organizationId, query.limit(), query.offset());
        Map<UUID, List<CrawlerJobView.CrawlError>> errors = jobs.errors(rows.stream().map(CrawlerJob::id).toList());
        return PageResponse.of(rows.stream().map(job -> CrawlerJobView.of(job, errors.getOrDefault(job.id(), List.of())))
                .toList(), query, total);
    }

    CrawlerJobView cancel(CallerContext caller, UUID id) {
        CrawlerJob job = owned(caller, id);
        if (!jobs.cancel(job.id())) {
            throw CrowException.conflict("Crawler job already " + jobs.find(id).map(j -> j.status().wire()).orElse("finished"));
        }
        return view(jobs.find(id).orElseThrow());
    }

    private CrawlerJob owned(CallerContext caller, UUID id) {
        CrawlerJob job = jobs.find(id).orElseThrow(() -> CrowException.notFound("Crawler job"));
        caller.requireOrganization(job.organizationId());
        return job;
    }

    private CrawlerJobView view(CrawlerJob job) {
        return CrawlerJobView.of(job, jobs.errors(List.of(job.id())).getOrDefault(job.id(), List.of()));
    }

    private TargetUrl checkedStart(String sourceValue) {
        if (sourceValue == null || sourceValue.isBlank()) {
            throw CrowException.invalid("sourceValue");
        }
        try {
            TargetUrl start = TargetUrl.parse(sourceValue);
            FetchOptions options = FetchOptions.of(1, "*/*");
            fetcher.checkedAddress(start, limits.allowPrivateNetworks() ? options.withPrivateOrigin(start.origin()) : options);
            return start;
        } catch (FetchException e) {
            throw new CrowException(ErrorKind.VALIDATION, "Invalid request parameters: sourceValue (" + e.getMessage() + ")");
        }
    }
}
