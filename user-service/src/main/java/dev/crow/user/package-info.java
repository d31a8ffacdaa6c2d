/** user-service: who the users of an organization are, what they may use, and what they are told. */
package dev.crow.user;
