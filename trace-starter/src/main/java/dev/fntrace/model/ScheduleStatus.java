package dev.fntrace.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What became of a function a call scheduled to run later.
 */
public enum ScheduleStatus {

	/** Handed to the scheduler. */
	SCHEDULED("scheduled"),

	/** Waiting for the scheduling call's transaction to commit. */
	PENDING("pending"),

	/** Not scheduled: the scheduling call's transaction rolled back. */
	DROPPED("dropped");

	private final String jsonName;

	ScheduleStatus(String jsonName) {
		this.jsonName = jsonName;
	}

	/**
	 * The name used in JSON.
	 * @return the lower-case name
	 */
	@JsonValue
	public String jsonName() {
		return this.jsonName;
	}

}
