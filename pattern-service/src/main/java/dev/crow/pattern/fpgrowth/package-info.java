/**
 * FP-Growth over integer items: frequent itemsets without candidate generation, and the
 * association rules they support. Knows nothing of interactions; callers intern their items.
 */
package dev.crow.pattern.fpgrowth;
