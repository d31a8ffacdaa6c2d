/** Profile pictures: sniffed, decoded and re-encoded uploads, stored in the object store and served publicly. */
package dev.crow.user.picture;
