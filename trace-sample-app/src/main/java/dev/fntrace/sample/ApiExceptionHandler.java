package dev.fntrace.sample;

import java.util.Map;
import java.util.stream.Collectors;

import dev.fntrace.FnException;
import org.hibernate.exception.ConstraintViolationException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the API's failures with an {@link ErrorResponse}: an {@link FnException} gets
 * the status its code maps to, an invalid body gets 400, and so does a lot the database
 * refuses for its negative price; any other write the database refuses gets 409
 * {@code DATA_CONFLICT}.
 */
@RestControllerAdvice(assignableTypes = AuctionController.class)
public class ApiExceptionHandler {

	private static final Map<String, HttpStatus> STATUS_BY_CODE = Map.of(LotNotFoundException.CODE,
			HttpStatus.NOT_FOUND, BidTooLowException.CODE, HttpStatus.CONFLICT, LotClosedException.CODE,
			HttpStatus.CONFLICT, TooManyWatchersException.CODE, HttpStatus.TOO_MANY_REQUESTS);

	/** The check of {@code schema.sql} that a lot's price is not negative. */
	private static final String PRICE_NOT_NEGATIVE = "lot_price_not_negative";

	@ExceptionHandler
	ResponseEntity<ErrorResponse> fnException(FnException ex) {
		HttpStatus status = STATUS_BY_CODE.getOrDefault(ex.code(), HttpStatus.UNPROCESSABLE_CONTENT);
		return ResponseEntity.status(status).body(new ErrorResponse(ex.code(), ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ErrorResponse> invalidBody(MethodArgumentNotValidException ex) {
		String message = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + " " + error.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining(", "));
		return ResponseEntity.badRequest().body(new ErrorResponse("INVALID_REQUEST", message));
	}

	@ExceptionHandler
	ResponseEntity<ErrorResponse> refusedByDatabase(DataIntegrityViolationException ex) {
		if (ex.getCause() instanceof ConstraintViolationException violation
				&& PRICE_NOT_NEGATIVE.equalsIgnoreCase(violation.getConstraintName())) {
			return ResponseEntity.badRequest()
				.body(new ErrorResponse("INVALID_REQUEST", "startingPrice must be greater than or equal to 0"));
		}
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(new ErrorResponse("DATA_CONFLICT", "The database refused the change"));
	}

	@ExceptionHandler
	ResponseEntity<ErrorResponse> unreadableBody(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest().body(new ErrorResponse("INVALID_REQUEST", "The body is not valid JSON"));
	}

}
