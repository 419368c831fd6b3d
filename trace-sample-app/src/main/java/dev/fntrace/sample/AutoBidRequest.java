package dev.fntrace.sample;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The body of {@code POST /api/lots/{id}/autobid}.
 *
 * @param max the most the user is willing to bid
 */
public record AutoBidRequest(@NotNull @Positive Long max) {

}
