package dev.fntrace.observation;

import dev.fntrace.model.OpTrace;
import io.micrometer.tracing.Span;

/**
 * Names and tags the child spans (or events) of a call's database operations.
 */
final class OpSpans {

	private OpSpans() {
	}

	static String name(OpTrace op) {
		return (op.entity() != null) ? op.op().jsonName() + " " + op.entity() : op.op().jsonName();
	}

	static void tag(Span.Builder span, OpTrace op) {
		span.tag(ObservationKeys.DB_OPERATION, op.op().jsonName());
		if (op.entity() != null) {
			span.tag(ObservationKeys.DB_ENTITY, op.entity());
		}
		if (op.sql() != null) {
			span.tag(ObservationKeys.DB_STATEMENT, op.sql());
		}
		if (op.rowCount() != null) {
			span.tag(ObservationKeys.DB_ROWS, op.rowCount());
		}
		span.tag(ObservationKeys.DB_OK, op.ok());
	}

}
