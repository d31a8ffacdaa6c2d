package dev.crow.product.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsTxtTests {

    private static final String ROBOTS = """
            # comments are ignored
            User-agent: *
            Disallow: /checkout
            Disallow: /*.json$
            Allow: /checkout/help
            Crawl-delay: 2

            User-agent: CrowBot
            User-agent: OtherBot
            Disallow: /private/
            Allow: /private/catalogue
            Crawl-delay: 0.5

            Sitemap: https://shop.example.com/sitemap.xml
            """;

    @Test
    void ourOwnGroupWinsOverTheWildcardGroup() {
        RobotsTxt robots = RobotsTxt.parse(ROBOTS, "CrowBot/1.0 (+https://crowai.dev/bot)");
        assertThat(robots.allows("/private/secret")).isFalse();
        assertThat(robots.allows("/private/catalogue/shoes")).isTrue();
        assertThat(robots.allows("/checkout")).isTrue();
        assertThat(robots.crawlDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(robots.sitemaps()).containsExactly("https://shop.example.com/sitemap.xml");
    }

    @Test
    void otherAgentsFollowTheWildcardGroupWithLongestMatchAndPatterns() {
        RobotsTxt robots = RobotsTxt.parse(ROBOTS, "SomeCrawler");
        assertThat(robots.allows("/checkout/cart")).isFalse();
        assertThat(robots.allows("/checkout/help/returns")).isTrue();
        assertThat(robots.allows("/feed.json")).isFalse();
        assertThat(robots.allows("/feed.json?page=2")).isTrue();
        assertThat(robots.allows("/products/tent")).isTrue();
        assertThat(robots.crawlDelay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void emptyDisallowAllowsEverythingAndServerErrorsDisallowEverything() {
        assertThat(RobotsTxt.parse("User-agent: *\nDisallow:\n", "CrowBot").allows("/anything")).isTrue();
        assertThat(RobotsTxt.disallowAll().allows("/")).isFalse();
        assertThat(RobotsTxt.parse("garbage\n\u0000\nUser-agent", "CrowBot").allows("/x")).isTrue();
    }
}
