package dev.crow.product.crawl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a sitemap ({@code urlset}) or sitemap index ({@code sitemapindex}), gzipped or not, with
 * a StAX parser that resolves no DTDs and no external entities (crawled XML is hostile).
 */
final class Sitemaps {

    record Sitemap(List<String> pages, List<String> sitemaps) {
    }

    private Sitemaps() {
    }

    static Sitemap parse(byte[] body, int maxUrls, long maxBytes) {
        List<String> pages = new ArrayList<>();
        List<String> children = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException e) {
            // not every StAX implementation knows the JAXP property; DTD support is off anyway
        }
        try (InputStream in = open(body, maxBytes)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            boolean inIndex = false;
            boolean inLoc = false;
            StringBuilder loc = new StringBuilder();
            while (reader.hasNext() && pages.size() + children.size() < maxUrls) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (name.equals("sitemapindex")) {
                        inIndex = true;
                    }
                    if (name.equals("loc")) {
                        inLoc = true;
                        loc.setLength(0);
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (inLoc) {
                        loc.append(reader.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("loc")) {
                    inLoc = false;
                    String url = loc.toString().strip();
                    if (!url.isEmpty()) {
                        (inIndex ? children : pages).add(url);
                    }
                }
            }
        } catch (XMLStreamException | IOException e) {
            // A broken sitemap yields whatever was read before the damage.
        }
        return new Sitemap(pages, children);
    }

    /** A gzipped sitemap is decompressed here, not by the fetcher, so the byte limit applies here too. */
    private static InputStream open(byte[] body, long maxBytes) throws IOException {
        boolean gzip = body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
        if (!gzip) {
            return new ByteArrayInputStream(body);
        }
        InputStream inflated = new GZIPInputStream(new ByteArrayInputStream(body));
        return new java.io.FilterInputStream(inflated) {
            private long total;

            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c != -1 && ++total > maxBytes) {
                    throw new IOException("sitemap too large");
                }
                return c;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0 && (total += n) > maxBytes) {
                    throw new IOException("sitemap too large");
                }
                return n;
            }
        };
    }
}
