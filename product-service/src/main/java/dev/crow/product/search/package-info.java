/**
 * Product search: PostgreSQL full-text search, semantic search over in-process embeddings behind
 * {@link dev.crow.product.search.VectorIndex}, and hybrid ranking by Reciprocal Rank Fusion.
 */
package dev.crow.product.search;
