package dev.crow.product.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.product.fetch.FetchException;
import dev.crow.product.fetch.TargetUrl;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductExtractorTests {

    private static List<ExtractedProduct> extract(String fixture, String pageUrl) throws IOException, FetchException {
        try (InputStream in = ProductExtractorTests.class.getResourceAsStream("/fixtures/pages/" + fixture)) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ProductExtractor.extract(html, TargetUrl.parse(pageUrl));
        }
    }

    @Test
    void readsAJsonLdProductWithEveryField() throws Exception {
        List<ExtractedProduct> products = extract("json-ld-product.html", "https://shop.example.com/products/trail-runner-2?utm_campaign=x");

        assertThat(products).hasSize(1);
        ExtractedProduct p = products.get(0);
        assertThat(p.name()).isEqualTo("Trail Runner 2");
        assertThat(p.description()).isEqualTo("A light trail running shoe with a grippy outsole.");
        assertThat(p.price()).isEqualByComparingTo("129.90");
        assertThat(p.currency()).isEqualTo("EUR");
        assertThat(p.availability()).isEqualTo("in_stock");
        assertThat(p.brand()).isEqualTo("Peak");
        assertThat(p.sku()).isEqualTo("TR-2-BLU");
        assertThat(p.gtin()).isEqualTo("4006381333931");
        assertThat(p.categories()).containsExactly("Shoes", "Running");
        assertThat(p.url()).isEqualTo("https://shop.example.com/products/trail-runner-2");
        assertThat(p.images()).containsExactly("https://shop.example.com/img/tr2-side.jpg", "https://cdn.example.com/tr2-top.jpg");
        assertThat(p.markup()).isEqualTo("json-ld");
    }

    @Test
    void readsProductsInsideAGraphWithAnAggregateOffer() throws Exception {
        List<ExtractedProduct> products = extract("json-ld-graph.html", "https://shop.example.com/p/down-jacket");

        assertThat(products).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Summit Down Jacket");
            assertThat(p.price()).isEqualByComparingTo("199");
            assertThat(p.currency()).isEqualTo("USD");
            assertThat(p.availability()).isEqualTo("limited_availability");
            assertThat(p.brand()).isEqualTo("Peak");
            assertThat(p.categories()).containsExactly("Clothing", "Jackets");
            assertThat(p.images()).containsExactly("https://shop.example.com/img/sdj.png");
            assertThat(p.url()).isEqualTo("https://shop.example.com/p/down-jacket");
        });
    }

    @Test
    void readsTopLevelArraysOfflistsOfOffersAndPriceSpecifications() throws Exception {
        List<ExtractedProduct> products = extract("json-ld-array.html", "https://shop.example.com/camp");

        assertThat(products).extracting(ExtractedProduct::name).containsExactly("Camp Mug", "Camp Spoon");
        ExtractedProduct mug = products.get(0);
        assertThat(mug.price()).isEqualByComparingTo("12.50");
        assertThat(mug.availability()).isEqualTo("in_stock");
        assertThat(mug.url()).isEqualTo("https://shop.example.com/p/camp-mug");
        ExtractedProduct spoon = products.get(1);
        assertThat(spoon.price()).isEqualByComparingTo("3.99");
        assertThat(spoon.currency()).isEqualTo("GBP");
    }

    @Test
    void toleratesCommentsTrailingCommasAndRawNewlinesAndSkipsUnparseableScripts() throws Exception {
        List<ExtractedProduct> products = extract("json-ld-broken.html", "https://shop.example.com/p/headlamp");

        assertThat(products).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Headlamp 300");
            assertThat(p.description()).isEqualTo("Bright and rechargeable");
            assertThat(p.price()).isEqualByComparingTo(new BigDecimal("1299.00"));
            assertThat(p.currency()).isEqualTo("SEK");
        });
    }

    @Test
    void readsMicrodataWithNestedOfferAndBrandButNotNestedProducts() throws Exception {
        List<ExtractedProduct> products = extract("microdata-product.html", "https://shop.example.com/p/alpine-tent");

        assertThat(products).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Alpine Tent 2P");
            assertThat(p.description()).isEqualTo("Two-person tent for four seasons.");
            assertThat(p.price()).isEqualByComparingTo("349.00");
            assertThat(p.currency()).isEqualTo("USD");
            assertThat(p.availability()).isEqualTo("pre_order");
            assertThat(p.brand()).isEqualTo("Peak");
            assertThat(p.sku()).isEqualTo("AT-2P");
            assertThat(p.gtin()).isEqualTo("0012345678905");
            assertThat(p.categories()).containsExactly("Camping", "Tents");
            assertThat(p.images()).containsExactly("https://shop.example.com/img/tent.jpg");
            assertThat(p.markup()).isEqualTo("microdata");
        });
    }

    @Test
    void readsOpenGraphProductTagsWhenNothingStructuredExists() throws Exception {
        List<ExtractedProduct> products = extract("opengraph-product.html", "https://shop.example.com/p/bottle-750?ref=home");

        assertThat(products).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Insulated Bottle 750 ml");
            assertThat(p.price()).isEqualByComparingTo("29.95");
            assertThat(p.currency()).isEqualTo("EUR");
            assertThat(p.availability()).isEqualTo("in_stock");
            assertThat(p.brand()).isEqualTo("Peak");
            assertThat(p.sku()).isEqualTo("BTL-750");
            assertThat(p.categories()).containsExactly("Kitchen");
            assertThat(p.url()).isEqualTo("https://shop.example.com/p/bottle-750");
            assertThat(p.images()).containsExactly("https://shop.example.com/img/bottle.webp");
            assertThat(p.markup()).isEqualTo("opengraph");
        });
    }

    @Test
    void recoversAProductFromBrokenHtmlAndFillsImagesFromOpenGraph() throws Exception {
        List<ExtractedProduct> products = extract("broken-markup.html", "http://shop.example.com/rope");

        assertThat(products).singleElement().satisfies(p -> {
            assertThat(p.name()).startsWith("Rope 60m");
            assertThat(p.price()).isEqualByComparingTo("219");
            assertThat(p.currency()).isEqualTo("CHF");
            assertThat(p.availability()).isEqualTo("in_stock");
            assertThat(p.images()).containsExactly("http://shop.example.com/img/rope.jpg");
        });
    }

    @Test
    void findsNothingOnPagesWithoutProducts() throws Exception {
        assertThat(extract("no-product.html", "https://shop.example.com/about")).isEmpty();
    }

    @Test
    void expandsProductGroupsIntoTheirVariants() throws Exception {
        List<ExtractedProduct> products = extract("json-ld-product-group.html", "https://shop.example.com/p/merino-tee");

        assertThat(products).extracting(ExtractedProduct::sku).containsExactly("MT-S", "MT-M");
        assertThat(products).allSatisfy(p -> {
            assertThat(p.brand()).isEqualTo("Peak");
            assertThat(p.description()).isEqualTo("Soft merino wool t-shirt");
            assertThat(p.price()).isEqualByComparingTo("45");
        });
    }

    @Test
    void parsesPricesInCommonNotations() {
        assertThat(Values.price("1,299.00")).isEqualByComparingTo("1299.00");
        assertThat(Values.price("1.299,00")).isEqualByComparingTo("1299.00");
        assertThat(Values.price("$ 12.99")).isEqualByComparingTo("12.99");
        assertThat(Values.price("12,5 €")).isEqualByComparingTo("12.5");
        assertThat(Values.price("1.000.000")).isEqualByComparingTo("1000000");
        assertThat(Values.price("free")).isNull();
        assertThat(Values.price("-3")).isNull();
    }
}
