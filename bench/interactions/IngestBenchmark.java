import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingestion throughput of POST /api/v1/interactions: fixed-size batches of unique, realistic web
 * interactions from N concurrent connections for a fixed time, after a warm-up. Reports
 * interactions/s and per-request latency percentiles. JDK only: run it with
 * {@code java bench/interactions/IngestBenchmark.java --base-url URL (--api-key KEY | --jwt TOKEN)}.
 * Against the gateway, pass its URL and a crow_ API key; directly against the service, a JWT.
 */
public class IngestBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String baseUrl = options.getOrDefault("base-url", "http://127.0.0.1:8085").replaceAll("/+$", "");
        String apiKey = options.getOrDefault("api-key", System.getenv("CROW_API_KEY"));
        String jwt = options.getOrDefault("jwt", System.getenv("CROW_JWT"));
        if ((apiKey == null) == (jwt == null)) {
            throw new IllegalArgumentException("pass exactly one of --api-key or --jwt (or CROW_API_KEY / CROW_JWT)");
        }
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "8")));
        List<Integer> batches = Arrays.stream(options.getOrDefault("batches", "100,1000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        // optional: processes on this machine whose CPU time the measured runs consumed (service, PostgreSQL)
        List<Long> cpuPids = options.containsKey("cpu-pids")
                ? Arrays.stream(options.get("cpu-pids").split(",")).map(String::trim).map(Long::parseLong).toList()
                : List.of();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String[] auth = apiKey != null ? new String[] {"X-API-Key", apiKey} : new String[] {"Authorization", "Bearer " + jwt};
        URI endpoint = URI.create(baseUrl + "/api/v1/interactions");
        System.out.printf(Locale.ROOT, "target %s, %d connections, %ds per run after %ds warm-up, %d cores here%n",
                endpoint, concurrency, duration.toSeconds(), warmup.toSeconds(), Runtime.getRuntime().availableProcessors());
        for (int batch : batches) {
            run(http, endpoint, auth, batch, concurrency, warmup, false);
            double cpuBefore = cpuSeconds(cpuPids);
            double clientBefore = clientCpuSeconds();
            Result result = run(http, endpoint, auth, batch, concurrency, duration, true);
            double cpu = cpuSeconds(cpuPids) - cpuBefore;
            double client = clientCpuSeconds() - clientBefore;
            String perCpu = cpuPids.isEmpty() ? "" : String.format(Locale.ROOT,
                    " server_cpu_s=%.1f interactions_per_server_cpu_s=%.0f", cpu, result.interactions() / cpu);
            System.out.println(result.report(batch, concurrency) + perCpu
                    + String.format(Locale.ROOT, " client_cpu_s=%.1f", client));
        }
    }

    record Result(long requests, long interactions, long errors, double seconds, long[] latenciesMicros, String firstError) {

        String report(int batch, int concurrency) {
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT,
                    "batch=%d concurrency=%d requests=%d errors=%d interactions/s=%.0f requests/s=%.1f "
                            + "latency_ms p50=%.1f p90=%.1f p99=%.1f max=%.1f%s",
                    batch, concurrency, requests, errors, interactions / seconds, requests / seconds,
                    percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0,
                    firstError == null ? "" : " first_error=" + firstError);
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
        }
    }

    static Result run(HttpClient http, URI endpoint, String[] auth, int batch, int concurrency, Duration duration,
            boolean measured) throws InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        BodyTemplate template = BodyTemplate.of(run, batch);
        AtomicLong sequence = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> firstError = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread worker = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    byte[] body = template.body(sequence.incrementAndGet());
                    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json").header(auth[0], auth[1])
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            errors.incrementAndGet();
                            if (firstError.isEmpty()) {
                                firstError.add(response.statusCode() + ":" + response.body().replaceAll("\\s+", " "));
                            }
                            continue;
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (firstError.isEmpty()) {
                            firstError.add(e.getClass().getSimpleName());
                        }
                        continue;
                    }
                    mine.add((System.nanoTime() - start) / 1000);
                    requests.incrementAndGet();
                }
                latencies.add(mine.stream().mapToLong(Long::longValue).toArray());
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(requests.get(), requests.get() * batch, errors.get(), seconds, all, firstError.peek());
    }

    /**
     * CPU seconds used so far by each process and its children (live ones, and reaped ones via
     * cutime/cstime): PostgreSQL's backends are children of its postmaster.
     */
    static double cpuSeconds(List<Long> pids) throws java.io.IOException {
        if (pids.isEmpty()) {
            return 0;
        }
        long ticks = 0;
        java.nio.file.Path proc = java.nio.file.Path.of("/proc");
        try (var entries = java.nio.file.Files.list(proc)) {
            for (java.nio.file.Path entry : (Iterable<java.nio.file.Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String stat;
                try {
                    stat = java.nio.file.Files.readString(entry.resolve("stat"));
                } catch (java.io.IOException gone) {
                    continue;
                }
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long pid = Long.parseLong(name);
                long parent = Long.parseLong(fields[1]);
                if (pids.contains(pid)) {
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                            + Long.parseLong(fields[14]);
                } else if (pids.contains(parent)) {
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        }
        return ticks / 100.0;
    }

    /** CPU seconds this client process has used (its share of the machine is not the server's). */
    static double clientCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /**
     * A batch body serialized once, with a fixed-width request number in every id and session id that
     * each request overwrites in a copy: the client spends its CPU on sending, not on building JSON,
     * and every request still stores new rows.
     */
    record BodyTemplate(byte[] bytes, int[] slots) {

        private static final int WIDTH = 12;
        private static final String PLACEHOLDER = "#".repeat(WIDTH);

        static BodyTemplate of(String run, int batch) {
            byte[] bytes = IngestBenchmark.body(run, PLACEHOLDER, batch).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            List<Integer> slots = new ArrayList<>();
            for (int i = 0; i + WIDTH <= bytes.length; i++) {
                if (bytes[i] == '#' && new String(bytes, i, WIDTH, java.nio.charset.StandardCharsets.US_ASCII).equals(PLACEHOLDER)) {
                    slots.add(i);
                    i += WIDTH - 1;
                }
            }
            return new BodyTemplate(bytes, slots.stream().mapToInt(Integer::intValue).toArray());
        }

        byte[] body(long request) {
            byte[] copy = bytes.clone();
            byte[] digits = String.format(Locale.ROOT, "%0" + WIDTH + "d", request).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int slot : slots) {
                System.arraycopy(digits, 0, copy, slot, WIDTH);
            }
            return copy;
        }
    }

    /** One batch of page views, clicks and carts with ids unique to this run and request. */
    static String body(String run, String request, int batch) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StringBuilder out = new StringBuilder(batch * 260 + 32).append("{\"interactions\":[");
        for (int i = 0; i < batch; i++) {
            int product = (i * 7) % 40 + 1;
            String type = i % 10 == 9 ? "add_to_cart" : i % 3 == 2 ? "click" : "page_view";
            out.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"bench-").append(run).append('-').append(request).append('-').append(i)
                    .append("\",\"sourceType\":\"web\",\"type\":\"").append(type)
                    .append("\",\"occurredAt\":\"").append(now.minusMillis(batch - i))
                    .append("\",\"visitorId\":\"v-").append(request).append('-').append(i % 3)
                    .append("\",\"sessionId\":\"s-").append(run).append('-').append(request).append('-').append(i / 8)
                    .append("\",\"url\":\"https://shop.example/products/p-").append(product)
                    .append("?utm_source=bench\",\"productId\":\"p-").append(product)
                    .append("\",\"metadata\":{\"title\":\"Product ").append(product).append("\",\"referrer\":\"https://search.example/\"}}");
        }
        return out.append("]}").toString();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --name value ...; got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
