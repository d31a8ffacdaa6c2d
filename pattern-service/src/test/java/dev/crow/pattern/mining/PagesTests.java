package dev.crow.pattern.mining;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagesTests {

    @Test
    void aPageIsTheUrlsPathWithoutQueryFragmentOrTrailingSlash() {
        assertThat(Pages.path("https://shop.example/products/p-1/?utm=mail#top")).isEqualTo("/products/p-1");
        assertThat(Pages.path("https://shop.example")).isEqualTo("/");
        assertThat(Pages.path("https://shop.example/")).isEqualTo("/");
        assertThat(Pages.path("/cart?step=2")).isEqualTo("/cart");
        assertThat(Pages.path("/")).isEqualTo("/");
        assertThat(Pages.path(null)).isNull();
    }
}
