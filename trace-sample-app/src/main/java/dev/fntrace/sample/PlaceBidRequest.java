package dev.fntrace.sample;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The body of {@code POST /api/lots/{id}/bids}.
 *
 * @param amount the amount bid
 */
public record PlaceBidRequest(@NotNull @Positive Long amount) {

}
