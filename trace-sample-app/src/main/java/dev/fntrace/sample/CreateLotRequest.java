package dev.fntrace.sample;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/lots}. The starting price is checked by the database,
 * which refuses a negative one when the new lot is written (see
 * {@link ApiExceptionHandler}).
 *
 * @param title the lot's title
 * @param startingPrice the price a first bid must exceed
 * @param endsInSeconds after how many seconds the lot closes, or {@code null} to leave it
 * open
 */
public record CreateLotRequest(@NotBlank @Size(max = 200) String title, @NotNull Long startingPrice,
		@Positive @Max(MAX_ENDS_IN_SECONDS) Long endsInSeconds) {

	/** The longest a lot may stay open: 30 days. */
	static final long MAX_ENDS_IN_SECONDS = 30L * 24 * 60 * 60;

	/**
	 * How long the lot stays open.
	 * @return the duration, or {@code null} if the lot stays open until further notice
	 */
	Duration endsIn() {
		return (this.endsInSeconds != null) ? Duration.ofSeconds(this.endsInSeconds) : null;
	}

}
