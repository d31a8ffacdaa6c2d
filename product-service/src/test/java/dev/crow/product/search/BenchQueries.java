package dev.crow.product.search;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Queries for the relevance benchmark and their graded judgments (0 not relevant, 1 related,
 * 2 relevant, 3 exactly what was asked for), computed from the generated products' facts. A
 * third are keyword queries (names, brands, model names, attributes), a third natural-language
 * needs that share few words with the shop copy, a third mixed.
 */
final class BenchQueries {

    record Query(String text, ToIntFunction<BenchCatalogue.Item> grade) {
    }

    private BenchQueries() {
    }

    static List<Query> all() {
        return List.of(
                // keyword queries
                new Query("waterproof hiking boots", i -> i.is("hiking-boot") ? (i.has("waterproof") ? 3 : 2)
                        : i.is("trail-runner") && i.has("waterproof") ? 1 : 0),
                new Query("down jacket", i -> i.is("down-jacket") ? 3 : i.is("sleeping-bag") && i.has("down") ? 1 : 0),
                new Query("merino base layer", i -> i.is("base-layer") ? (i.has("merino") ? 3 : 2) : i.has("merino") ? 1 : 0),
                new Query("titanium stove", i -> i.is("stove") ? (i.has("titanium") ? 3 : 2)
                        : i.is("cookware") && i.has("titanium") ? 1 : 0),
                new Query("2 person tent", i -> i.is("tent") ? (i.capacity() == 2 ? 3 : 1) : 0),
                new Query("headlamp", i -> i.is("headlamp") ? 3 : i.is("lantern") ? 1 : 0),
                new Query("Northwind rain jacket", i -> i.is("rain-jacket") ? (i.brand().equals("Northwind") ? 3 : 2)
                        : i.brand().equals("Northwind") && i.is("down-jacket") ? 1 : 0),
                new Query("insulated water bottle", i -> i.is("bottle") ? (i.has("insulated") ? 3 : 2) : 0),
                new Query("trekking poles", i -> i.is("trekking-poles") ? 3 : 0),
                new Query("sleeping pad", i -> i.is("sleeping-pad") ? 3 : i.is("sleeping-bag") ? 1 : 0),
                new Query("kids sandals", i -> i.is("sandal") ? (i.has("kids") ? 3 : 2) : i.has("kids") && i.type().endsWith("boot") ? 1 : 0),
                new Query("4-season tent", i -> i.is("tent") ? (i.has("4-season") ? 3 : 1) : 0),
                new Query("Alpenglow", i -> i.brand().equals("Alpenglow") ? 3 : 0),
                new Query("Kestrel", i -> i.model().equals("Kestrel") ? 3 : 0),
                new Query("Glacier sleeping bag", i -> i.is("sleeping-bag") ? (i.model().equals("Glacier") ? 3 : 1)
                        : i.model().equals("Glacier") ? 1 : 0),
                // natural-language needs
                new Query("something to keep my drinks cold all day", i -> i.is("bottle") ? (i.has("insulated") ? 3 : 1) : 0),
                new Query("shoes for running on muddy mountain paths", i -> i.is("trail-runner") ? 3 : i.is("hiking-boot") ? 1 : 0),
                new Query("warm coat for freezing winter weather", i -> i.is("down-jacket") ? 3
                        : i.is("fleece") || (i.is("rain-jacket") && i.has("insulated")) ? 1 : 0),
                new Query("light to see in the dark at the campsite", i -> i.is("headlamp") || i.is("lantern") ? 3 : 0),
                new Query("stay dry in a downpour", i -> i.is("rain-jacket") ? 3
                        : i.has("waterproof") && (i.is("hiking-boot") || i.is("daypack") || i.is("gloves")) ? 1 : 0),
                new Query("boil water for dinner at camp", i -> i.is("stove") ? 3 : i.is("cookware") ? 2 : 0),
                new Query("make stream water safe to drink", i -> i.is("water-filter") ? 3 : i.is("bottle") ? 1 : 0),
                new Query("bag to carry my lunch and jacket on a short walk", i -> i.is("daypack") ? 3 : i.is("backpack") ? 1 : 0),
                new Query("keep my fingers from freezing", i -> i.is("gloves") ? (i.has("insulated") ? 3 : 2) : 0),
                new Query("something to cover my ears when it is cold", i -> i.is("beanie") ? 3 : 0),
                new Query("a comfortable night's sleep under the stars", i -> i.is("sleeping-bag") || i.is("sleeping-pad") ? 3
                        : i.is("tent") ? 1 : 0),
                new Query("take pressure off my knees on steep descents", i -> i.is("trekking-poles") ? 3 : 0),
                new Query("footwear for the beach and river crossings", i -> i.is("sandal") ? 3 : 0),
                new Query("shelter for two people on a backpacking trip", i -> i.is("tent") ? (i.capacity() == 2 ? 3 : 2) : 0),
                new Query("soft wool layer that is not itchy", i -> i.has("merino") ? (i.is("base-layer") ? 3 : 2) : 0),
                new Query("carry everything for a week in the mountains", i -> i.is("backpack") ? 3 : i.is("daypack") ? 1 : 0),
                // mixed
                new Query("waterproof jacket", i -> i.is("rain-jacket") ? 3 : i.has("waterproof") && i.is("gloves") ? 1 : 0),
                new Query("lightweight sleeping bag for summer", i -> i.is("sleeping-bag")
                        ? (i.has("summer") || i.has("ultralight") ? 3 : 2) : 0),
                new Query("leather boots", i -> i.is("hiking-boot") ? (i.has("leather") ? 3 : 2) : 0),
                new Query("stainless steel bottle", i -> i.is("bottle") ? (i.has("stainless steel") ? 3 : 2) : 0),
                new Query("rechargeable lantern with solar charging", i -> i.is("lantern") ? (i.has("solar") ? 3 : 2)
                        : i.is("headlamp") && i.has("rechargeable") ? 1 : 0));
    }
}
