package dev.crow.product.search;

import dev.crow.product.catalog.ProductDraft;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic outdoor-shop catalogue for the search benchmarks, generated from a fixed seed:
 * the same products every run, no data files. Each product keeps the structured facts it was
 * generated from (type, brand, model, attributes), which is what the relevance judgments are
 * computed from.
 */
final class BenchCatalogue {

    /** A generated product and the facts behind its text. */
    record Item(ProductDraft draft, String type, String brand, String model, Set<String> attributes, int capacity) {

        boolean is(String t) {
            return type.equals(t);
        }

        boolean has(String attribute) {
            return attributes.contains(attribute);
        }
    }

    private record Kind(String type, String noun, String category, List<String> options, String blurb) {
    }

    static final List<String> BRANDS = List.of("Northwind", "Alpenglow", "Ridgeline", "Basecamp", "Trailhead",
            "Cascade", "Polar Ray", "Driftwood", "Granite Peak", "Fjell");
    private static final List<String> MODELS = List.of("Kestrel", "Falcon", "Summit", "Aspen", "Tundra", "Harbor",
            "Meridian", "Ember", "Glacier", "Willow", "Vector", "Nomad", "Quartz", "Sierra", "Cobalt", "Lynx",
            "Orbit", "Boreal", "Mesa", "Juniper");
    private static final List<String> COLOURS = List.of("black", "navy", "olive", "red", "grey", "orange", "teal");

    private static final List<Kind> KINDS = List.of(
            new Kind("hiking-boot", "Hiking Boot", "Footwear > Hiking", List.of("waterproof", "leather", "kids", "women"),
                    "Mid-cut boot with ankle support and a lugged rubber sole for rocky paths."),
            new Kind("trail-runner", "Trail Running Shoe", "Footwear > Running", List.of("waterproof", "ultralight", "women"),
                    "Low-profile shoe with aggressive grip and a cushioned midsole for fast miles off-road."),
            new Kind("sandal", "Sandal", "Footwear > Sandals", List.of("kids", "women", "quick-dry"),
                    "Open strap sandal with a contoured footbed for rivers, lakes and hot days."),
            new Kind("rain-jacket", "Rain Jacket", "Clothing > Jackets", List.of("waterproof", "ultralight", "women"),
                    "Hooded shell with taped seams and pit zips that sheds wind and rain."),
            new Kind("down-jacket", "Down Jacket", "Clothing > Jackets", List.of("insulated", "ultralight", "women"),
                    "Puffy jacket filled with 800-fill goose down for cold belays and winter evenings."),
            new Kind("fleece", "Fleece Pullover", "Clothing > Midlayers", List.of("recycled", "women", "kids"),
                    "Soft grid fleece quarter-zip that breathes on the climb and warms at the top."),
            new Kind("base-layer", "Base Layer Top", "Clothing > Base layers", List.of("merino", "synthetic", "women"),
                    "Long-sleeve next-to-skin layer that wicks sweat and resists odour."),
            new Kind("tent", "Backpacking Tent", "Camping > Tents", List.of("ultralight", "4-season", "freestanding"),
                    "Double-wall shelter with two doors, colour-coded poles and a bathtub floor."),
            new Kind("sleeping-bag", "Sleeping Bag", "Camping > Sleeping", List.of("down", "synthetic", "ultralight", "summer"),
                    "Mummy-shaped bag with a draft collar and a two-way zip."),
            new Kind("sleeping-pad", "Sleeping Pad", "Camping > Sleeping", List.of("insulated", "ultralight", "self-inflating"),
                    "Inflatable mattress that packs to the size of a water bottle."),
            new Kind("stove", "Camping Stove", "Camping > Kitchen", List.of("titanium", "ultralight", "windproof"),
                    "Canister burner with a piezo igniter that brings a litre to a rolling boil in minutes."),
            new Kind("cookware", "Cook Pot Set", "Camping > Kitchen", List.of("titanium", "aluminium", "nonstick"),
                    "Nesting pot and pan with folding handles and a strainer lid."),
            new Kind("bottle", "Water Bottle", "Hydration", List.of("insulated", "stainless steel", "bpa-free"),
                    "Leak-proof bottle with a wide mouth that fits ice cubes."),
            new Kind("water-filter", "Water Filter", "Hydration", List.of("ultralight", "gravity"),
                    "Hollow-fibre filter that removes bacteria and protozoa from lakes and streams."),
            new Kind("daypack", "Daypack", "Packs", List.of("waterproof", "ultralight", "kids"),
                    "20-litre pack with a hydration sleeve, hip belt and stretch side pockets."),
            new Kind("backpack", "Trekking Backpack", "Packs", List.of("ultralight", "women", "waterproof"),
                    "65-litre load-carrying pack with an adjustable back system for multi-day trips."),
            new Kind("headlamp", "Headlamp", "Lighting", List.of("rechargeable", "waterproof"),
                    "Head torch with a red night-vision mode and a lock to stop it switching on in the pack."),
            new Kind("lantern", "Camp Lantern", "Lighting", List.of("rechargeable", "solar"),
                    "Collapsible lantern that lights the whole tent and doubles as a power bank."),
            new Kind("trekking-poles", "Trekking Poles", "Accessories", List.of("carbon", "aluminium", "foldable"),
                    "Pair of adjustable poles with cork grips and flick locks."),
            new Kind("gloves", "Gloves", "Clothing > Accessories", List.of("waterproof", "insulated", "touchscreen"),
                    "Pair of gloves with a grippy palm and a pre-curved fit."),
            new Kind("beanie", "Beanie", "Clothing > Accessories", List.of("merino", "recycled", "kids"),
                    "Rib-knit hat that stays put on windy ridges."));

    private BenchCatalogue() {
    }

    /** {@code perKind} products of each of the 21 kinds (the relevance bench uses 15: 315 products). */
    static List<Item> generate(int perKind, long seed) {
        Random random = new Random(seed);
        List<Item> items = new ArrayList<>();
        for (Kind kind : KINDS) {
            for (int i = 0; i < perKind; i++) {
                items.add(item(kind, i, random));
            }
        }
        return items;
    }

    private static Item item(Kind kind, int index, Random random) {
        String brand = BRANDS.get(random.nextInt(BRANDS.size()));
        String model = MODELS.get(random.nextInt(MODELS.size()));
        Set<String> attributes = new LinkedHashSet<>();
        for (String option : kind.options()) {
            if (random.nextDouble() < 0.4) {
                attributes.add(option);
            }
        }
        if (attributes.contains("kids") && attributes.contains("women")) {
            attributes.remove("women");
        }
        int capacity = kind.type().equals("tent") ? 1 + random.nextInt(4) : 0;
        String colour = COLOURS.get(random.nextInt(COLOURS.size()));
        StringBuilder name = new StringBuilder(brand).append(' ').append(model).append(' ');
        if (capacity > 0) {
            name.append(capacity).append("-Person ");
        }
        for (String attribute : attributes) {
            if (!attribute.equals("kids") && !attribute.equals("women") && random.nextBoolean()) {
                name.append(title(attribute)).append(' ');
            }
        }
        name.append(kind.noun());
        if (attributes.contains("kids")) {
            name.append(" - Kids");
        } else if (attributes.contains("women")) {
            name.append(" - Women's");
        }
        String description = kind.blurb() + " " + details(kind, attributes, capacity, colour, random);
        String url = "https://bench-shop.example/" + kind.type() + "/" + index + "-" + model.toLowerCase(Locale.ROOT);
        ProductDraft draft = new ProductDraft(name.toString(), description,
                BigDecimal.valueOf(10 + random.nextInt(400)).add(new BigDecimal("0.95")), "EUR", "in_stock", brand,
                kind.type().toUpperCase(Locale.ROOT) + "-" + index, null, List.of(kind.category().split(" > ")),
                url, List.of(), "json-ld");
        return new Item(draft, kind.type(), brand, model, attributes, capacity);
    }

    /** Sentences stating the attributes in words, as shop copy would. */
    private static String details(Kind kind, Set<String> attributes, int capacity, String colour, Random random) {
        List<String> sentences = new ArrayList<>();
        for (String attribute : attributes) {
            sentences.add(switch (attribute) {
                case "waterproof" -> "A waterproof, breathable membrane keeps water out.";
                case "insulated" -> "Insulated to keep warmth in when temperatures drop.";
                case "ultralight" -> "Ultralight construction saves grams for long trips.";
                case "leather" -> "Full-grain leather upper that moulds to your foot.";
                case "kids" -> "Sized for children.";
                case "women" -> "Women's specific fit.";
                case "quick-dry" -> "Quick-dry straps.";
                case "recycled" -> "Made from recycled polyester.";
                case "merino" -> "Fine merino wool that is soft, warm and never itchy.";
                case "synthetic" -> "Synthetic fibres dry fast when wet.";
                case "4-season" -> "Four-season design stands up to snow loads and winter storms.";
                case "freestanding" -> "Freestanding, so it pitches on rock and sand.";
                case "down" -> "Filled with responsibly sourced down.";
                case "summer" -> "Rated for warm summer nights.";
                case "self-inflating" -> "Self-inflating foam core.";
                case "titanium" -> "Titanium build that is strong and featherweight.";
                case "windproof" -> "Built-in windscreen for blustery pitches.";
                case "aluminium" -> "Hard-anodised aluminium.";
                case "nonstick" -> "Nonstick coating for easy cleaning.";
                case "stainless steel" -> "Double-wall stainless steel.";
                case "bpa-free" -> "BPA-free materials.";
                case "gravity" -> "Gravity-fed: hang it and let it flow.";
                case "rechargeable" -> "Rechargeable over USB-C.";
                case "solar" -> "Solar panel on top for off-grid charging.";
                case "carbon" -> "Carbon fibre shafts.";
                case "foldable" -> "Folds into three sections.";
                case "touchscreen" -> "Touchscreen-compatible fingertips.";
                default -> "";
            });
        }
        if (capacity > 0) {
            sentences.add("Sleeps " + capacity + (capacity == 1 ? " person." : " people."));
        }
        sentences.add("Colour: " + colour + ".");
        if (random.nextBoolean()) {
            sentences.add("Backed by a lifetime warranty.");
        }
        return String.join(" ", sentences);
    }

    private static String title(String attribute) {
        StringBuilder out = new StringBuilder();
        for (String part : attribute.split("[ -]")) {
            if (!out.isEmpty()) {
                out.append(attribute.contains("-") ? "-" : " ");
            }
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
