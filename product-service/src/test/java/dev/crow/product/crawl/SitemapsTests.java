package dev.crow.product.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SitemapsTests {

    @Test
    void readsUrlSetsAndSitemapIndexes() {
        Sitemaps.Sitemap pages = Sitemaps.parse(("""
                <?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc> https://shop.example.com/a </loc></url><url><loc><![CDATA[https://shop.example.com/b?x=1&y=2]]></loc></url>
                </urlset>""").getBytes(StandardCharsets.UTF_8), 100, 1_000_000);
        assertThat(pages.pages()).containsExactly("https://shop.example.com/a", "https://shop.example.com/b?x=1&y=2");

        Sitemaps.Sitemap index = Sitemaps.parse(("""
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>https://shop.example.com/sitemap-1.xml</loc></sitemap></sitemapindex>""")
                .getBytes(StandardCharsets.UTF_8), 100, 1_000_000);
        assertThat(index.sitemaps()).containsExactly("https://shop.example.com/sitemap-1.xml");
        assertThat(index.pages()).isEmpty();
    }

    @Test
    void refusesExternalEntitiesAndKeepsWhatPrecedesDamage() {
        Sitemaps.Sitemap hostile = Sitemaps.parse(("""
                <?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <urlset><url><loc>https://shop.example.com/ok</loc></url><url><loc>&xxe;</loc></url><url><loc>broken""")
                .getBytes(StandardCharsets.UTF_8), 100, 1_000_000);
        assertThat(String.join(",", hostile.pages())).doesNotContain("root:");
    }

    @Test
    void capsUrlsAndDecompressedSize() throws IOException {
        StringBuilder xml = new StringBuilder("<urlset>");
        for (int i = 0; i < 50; i++) {
            xml.append("<url><loc>https://shop.example.com/p/").append(i).append("</loc></url>");
        }
        xml.append("</urlset>");
        assertThat(Sitemaps.parse(xml.toString().getBytes(StandardCharsets.UTF_8), 10, 1_000_000).pages()).hasSize(10);

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Sitemaps.parse(gz.toByteArray(), 100, 1_000_000).pages()).hasSize(50);
        assertThat(Sitemaps.parse(gz.toByteArray(), 100, 500).pages().size()).isLessThan(50);
    }
}
