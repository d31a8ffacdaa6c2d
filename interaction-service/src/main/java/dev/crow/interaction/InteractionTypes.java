package dev.crow.interaction;

import java.util.Set;
import java.util.TreeSet;

/**
 * The interaction types CROW understands, in lower snake case. The set is closed so that
 * counts, funnels and patterns never split over spelling variants ({@code addToCart},
 * {@code add-to-cart}); a new type is added here, with a release.
 */
public final class InteractionTypes {

    public static final String PAGE_VIEW = "page_view";
    public static final String ADD_TO_CART = "add_to_cart";
    public static final String PURCHASE = "purchase";
    public static final String VISIT = "visit";
    public static final String ENTRY = "entry";

    private static final Set<String> KNOWN = Set.of(
            // web
            PAGE_VIEW, "click", "scroll", "search", "product_view", ADD_TO_CART, "remove_from_cart",
            "checkout", PURCHASE, "sign_up", "form_submit",
            // physical spaces (CCTV)
            VISIT, ENTRY, "exit", "dwell", "pass_by",
            // social
            "mention", "comment", "share", "like", "review", "message");

    private InteractionTypes() {
    }

    public static boolean isKnown(String type) {
        return type != null && KNOWN.contains(type);
    }

    public static Set<String> all() {
        return new TreeSet<>(KNOWN);
    }
}
