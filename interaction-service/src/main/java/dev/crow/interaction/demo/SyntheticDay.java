package dev.crow.interaction.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Generates one day of {@link SyntheticInteractions}; each day has its own random stream derived from the seed. */
final class SyntheticDay {

    private static final int PRODUCTS = 40;
    private static final List<String> CONTENT_PAGES = List.of("/", "/about", "/contact", "/blog", "/blog/post-1",
            "/blog/post-2", "/blog/post-3", "/collections/new", "/collections/sale", "/collections/basics", "/faq");
    private static final List<String> CAMERAS = List.of("cam-aisle-1", "cam-aisle-2", "cam-aisle-3");
    private static final List<String> CHANNELS = List.of("instagram", "x", "tiktok", "facebook");
    private static final List<String> SEARCHES = List.of("shoes", "summer dress", "gift card", "jacket", "sale");
    private static final List<String> SENTIMENTS = List.of("positive", "neutral", "negative");
    private static final double[] PRODUCT_WEIGHTS = productWeights();

    private final SyntheticInteractions.Settings settings;
    private final int index;
    private final SplittableRandom random;
    private final Instant midnight;
    private final Instant nextMidnight;
    private final double[] hourWeights;
    private final List<SyntheticInteraction> out = new ArrayList<>();
    private int sequence;

    SyntheticDay(SyntheticInteractions.Settings settings, int index) {
        this.settings = settings;
        this.index = index;
        this.random = new SplittableRandom(mix(mix(settings.seed()) ^ (index + 0x632BE59BD9B4E019L)));
        this.midnight = settings.firstDay().plusDays(index).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.nextMidnight = midnight.plusSeconds(86_400);
        this.hourWeights = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            hourWeights[hour] = hour == settings.peakHourUtc() ? settings.peakHourWeight() : 1;
        }
    }

    List<SyntheticInteraction> interactions() {
        double webFactor = variation();
        double footfallFactor = settings.correlatedFootfall() ? webFactor * (1 + 0.03 * (2 * random.nextDouble() - 1))
                : variation();
        int sessions = (int) Math.round(settings.sessionsPerDay() * webFactor);
        for (int i = 0; i < sessions; i++) {
            Instant start = midnight.plusSeconds(pick(hourWeights) * 3600L + random.nextInt(3600));
            double kind = random.nextDouble();
            if (kind < settings.pathShare()) {
                session(start, nextMidnight, Plant.PATH);
            } else if (kind < settings.pathShare() + settings.pairShare()) {
                session(start, nextMidnight, Plant.PAIR);
            } else {
                session(start, nextMidnight, Plant.NONE);
            }
        }
        if (index == settings.spikeDayIndex()) {
            spike();
        }
        footfall((int) Math.round(settings.footfallPerDay() * footfallFactor));
        double growth = index >= settings.days() / 2 ? settings.mentionGrowth() : 1;
        mentions((int) Math.round(settings.mentionsPerDay() * variation() * growth));
        out.sort(Comparator.comparing(SyntheticInteraction::occurredAt).thenComparing(SyntheticInteraction::id));
        return out;
    }

    private enum Plant { NONE, PAIR, PATH }

    /** A flash sale: extra noise sessions in the spike hours, none spilling past them. */
    private void spike() {
        Instant from = midnight.plusSeconds(SyntheticInteractions.SPIKE_HOURS.get(0) * 3600L);
        Instant until = midnight.plusSeconds((SyntheticInteractions.SPIKE_HOURS.get(
                SyntheticInteractions.SPIKE_HOURS.size() - 1) + 1) * 3600L);
        int target = out.size() + settings.spikeInteractions();
        long span = until.getEpochSecond() - from.getEpochSecond();
        while (out.size() < target) {
            session(from.plusSeconds(random.nextLong(span)), until, Plant.NONE);
        }
    }

    private void session(Instant start, Instant until, Plant plant) {
        String sessionId = "s-" + Long.toHexString(settings.seed()) + "-" + index + "-" + sequence;
        String visitorId = "v-" + random.nextInt(Math.max(1, settings.sessionsPerDay() * 3));
        List<String> pages = new ArrayList<>();
        if (plant == Plant.PATH) {
            pages.addAll(SyntheticInteractions.NAVIGATION_PATH);
        } else {
            pages.add(random.nextDouble() < 0.6 ? "/" : noisePage());
        }
        int extra = plant == Plant.PATH ? random.nextInt(4) : 1 + random.nextInt(5);
        for (int i = 0; i < extra; i++) {
            pages.add(noisePage());
        }
        if (plant == Plant.PAIR) {
            // the pair is viewed apart, with a random page between, so it plants no navigation path
            int first = 1 + random.nextInt(pages.size());
            pages.add(first, product(SyntheticInteractions.PRODUCT_PAIR.get(0)));
            pages.add(first + 1, noisePage());
            pages.add(first + 2, product(SyntheticInteractions.PRODUCT_PAIR.get(1)));
        }
        Clock clock = new Clock(start, until);
        Set<String> cart = new LinkedHashSet<>();
        for (String page : pages) {
            String productId = page.startsWith("/products/") ? page.substring("/products/".length()) : null;
            if (!clock.advance()) {
                return;
            }
            emit(clock, "page_view", visitorId, sessionId, page, productId, null, Map.of("title", title(page)));
            if (random.nextDouble() < 0.3 && clock.advance()) {
                emit(clock, "click", visitorId, sessionId, page, productId, null, Map.of("element", "a"));
            }
            boolean planted = plant == Plant.PAIR && productId != null
                    && SyntheticInteractions.PRODUCT_PAIR.contains(productId);
            if (productId != null && (planted || random.nextDouble() < 0.2) && clock.advance()) {
                emit(clock, "add_to_cart", visitorId, sessionId, page, productId, price(productId), null);
                cart.add(productId);
            }
        }
        if (random.nextDouble() < 0.08 && clock.advance()) {
            String query = SEARCHES.get(random.nextInt(SEARCHES.size()));
            emit(clock, "search", visitorId, sessionId, "/search?q=" + query.replace(' ', '+'), null, null,
                    Map.of("query", query));
        }
        boolean buys = plant == Plant.PAIR || random.nextDouble() < 0.4;
        if (buys) {
            for (String productId : cart) {
                if (!clock.advance()) {
                    return;
                }
                emit(clock, "purchase", visitorId, sessionId, "/checkout", productId, price(productId), null);
            }
        }
    }

    private void footfall(int visits) {
        for (int i = 0; i < visits; i++) {
            Instant at = midnight.plusSeconds(random.nextInt(86_400));
            emitAt(at, "cctv", "visit", null, null, null, "cam-entrance", null, null, null, null);
            if (random.nextDouble() < 0.6) {
                Instant later = at.plusSeconds(30 + random.nextInt(600));
                if (later.isBefore(nextMidnight)) {
                    emitAt(later, "cctv", "dwell", null, null, null, CAMERAS.get(random.nextInt(CAMERAS.size())),
                            null, null, (double) (20 + random.nextInt(300)), null);
                }
            }
        }
    }

    private void mentions(int count) {
        for (int i = 0; i < count; i++) {
            Instant at = midnight.plusSeconds(random.nextInt(86_400));
            String sentiment = SENTIMENTS.get(random.nextInt(SENTIMENTS.size()));
            emitAt(at, "social", "mention", null, null, null, null, CHANNELS.get(random.nextInt(CHANNELS.size())),
                    null, null, Map.of("sentiment", sentiment, "text", "Post about the shop (" + sentiment + ")"));
        }
    }

    private void emit(Clock clock, String type, String visitorId, String sessionId, String url, String productId,
            Double value, Map<String, String> metadata) {
        emitAt(clock.now, "web", type, visitorId, sessionId, url, null, null, productId, value, metadata);
    }

    private void emitAt(Instant at, String source, String type, String visitorId, String sessionId, String url,
            String cameraId, String channel, String productId, Double value, Map<String, String> metadata) {
        String id = "syn-" + Long.toHexString(settings.seed()) + "-" + index + "-" + sequence++;
        out.add(new SyntheticInteraction(id, source, type, at, visitorId, sessionId, url, cameraId, channel,
                productId, value, metadata));
    }

    private String noisePage() {
        if (random.nextDouble() < 0.45) {
            return product(String.format("p-%02d", 1 + pick(PRODUCT_WEIGHTS)));
        }
        return CONTENT_PAGES.get(random.nextInt(CONTENT_PAGES.size()));
    }

    private static String product(String productId) {
        return "/products/" + productId;
    }

    private static double price(String productId) {
        int number = Integer.parseInt(productId.substring(2));
        return 9.99 + (number * 7 % 90);
    }

    private static String title(String page) {
        return page.equals("/") ? "Home" : page.substring(page.lastIndexOf('/') + 1).replace('-', ' ');
    }

    private double variation() {
        return 1 + settings.dailyVariation() * (2 * random.nextDouble() - 1);
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /**
     * A 64-bit finalizer (MurmurHash3's): nearby seeds and days get unrelated random streams. A
     * plain {@code seed * c + day} would not: SplittableRandom advances its state by a constant, so
     * such seeds give the same stream shifted by a step.
     */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** Mildly skewed popularity, so top-product rankings mean something without products being related. */
    private static double[] productWeights() {
        double[] weights = new double[PRODUCTS];
        for (int i = 0; i < PRODUCTS; i++) {
            weights[i] = 1.0 / (i + 5);
        }
        return weights;
    }

    /** Time within a session: 20 s to 2 min between interactions, never reaching {@code until}. */
    private final class Clock {

        private Instant now;
        private final Instant until;
        private boolean started;

        Clock(Instant start, Instant until) {
            this.now = start;
            this.until = until;
        }

        boolean advance() {
            Instant next = started ? now.plusSeconds(20 + random.nextInt(100)) : now;
            started = true;
            if (!next.isBefore(until)) {
                return false;
            }
            now = next;
            return true;
        }
    }
}
