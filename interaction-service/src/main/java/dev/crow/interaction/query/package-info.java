/** Reading interactions back: the paginated, searchable list and the per-source summary. */
package dev.crow.interaction.query;
