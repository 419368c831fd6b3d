package dev.fntrace.model;

import java.util.Objects;

/**
 * Who and what a call is: its id, function, caller and links, fixed when the call starts.
 * One value, shared by the {@link TraceBuilder} that records the call and the
 * {@link FnTrace} it becomes. A call id made by fntrace is written only when first read,
 * so that the many calls whose id nobody reads cost no id string.
 */
public final class CallHeader {

	/** The id's prefix when the id is written only when read, else {@code null}. */
	private final String callIdPrefix;

	private final long callIdSequence;

	/** The id: given, or written from its prefix and sequence number when first read. */
	private String callId;

	private final String fnName;

	private final FnType fnType;

	private final String userId;

	private final String tenantId;

	private final String parentCallId;

	private final String scheduledBy;

	private final long startedAt;

	private CallHeader(String callIdPrefix, long callIdSequence, String callId, String fnName, FnType fnType,
			String userId, String tenantId, String parentCallId, String scheduledBy, long startedAt) {
		this.callIdPrefix = callIdPrefix;
		this.callIdSequence = callIdSequence;
		this.callId = callId;
		this.fnName = fnName;
		this.fnType = fnType;
		this.userId = userId;
		this.tenantId = tenantId;
		this.parentCallId = parentCallId;
		this.scheduledBy = scheduledBy;
		this.startedAt = startedAt;
	}

	/**
	 * A header with its call id given.
	 * @param callId unique id of the call
	 * @param fnName the function's name
	 * @param fnType the function's type
	 * @param userId the caller's user id, or {@code null}
	 * @param tenantId the caller's tenant id, or {@code null}
	 * @param parentCallId the enclosing call's id, or {@code null}
	 * @param scheduledBy the id of the call that scheduled this one, or {@code null}
	 * @param startedAt wall-clock start, epoch milliseconds
	 * @return the header
	 */
	public static CallHeader of(String callId, String fnName, FnType fnType, String userId, String tenantId,
			String parentCallId, String scheduledBy, long startedAt) {
		return new CallHeader(null, 0, callId, fnName, fnType, userId, tenantId, parentCallId, scheduledBy, startedAt);
	}

	/**
	 * A header whose call id is written, as {@link CallIds#format} writes it, only when
	 * it is first read.
	 * @param callIdPrefix the prefix of the call's id
	 * @param callIdSequence the sequence number of the call's id
	 * @param fnName the function's name
	 * @param fnType the function's type
	 * @param userId the caller's user id, or {@code null}
	 * @param tenantId the caller's tenant id, or {@code null}
	 * @param parentCallId the enclosing call's id, or {@code null}
	 * @param scheduledBy the id of the call that scheduled this one, or {@code null}
	 * @param startedAt wall-clock start, epoch milliseconds
	 * @return the header
	 */
	public static CallHeader ofSequence(String callIdPrefix, long callIdSequence, String fnName, FnType fnType,
			String userId, String tenantId, String parentCallId, String scheduledBy, long startedAt) {
		return new CallHeader(callIdPrefix, callIdSequence, null, fnName, fnType, userId, tenantId, parentCallId,
				scheduledBy, startedAt);
	}

	/**
	 * Unique id of the call, across restarts and instances.
	 * @return the call id
	 */
	public String callId() {
		String callId = this.callId;
		if (callId == null && this.callIdPrefix != null) {
			// a benign race, as String's hash: every thread writes the same id
			callId = CallIds.format(this.callIdPrefix, this.callIdSequence);
			this.callId = callId;
		}
		return callId;
	}

	/**
	 * The function's name.
	 * @return the name
	 */
	public String fnName() {
		return this.fnName;
	}

	/**
	 * The function's type.
	 * @return the type
	 */
	public FnType fnType() {
		return this.fnType;
	}

	/**
	 * The caller's user id.
	 * @return the user id, or {@code null}
	 */
	public String userId() {
		return this.userId;
	}

	/**
	 * The caller's tenant id.
	 * @return the tenant id, or {@code null}
	 */
	public String tenantId() {
		return this.tenantId;
	}

	/**
	 * The id of the traced call this call ran inside.
	 * @return the parent's call id, or {@code null}
	 */
	public String parentCallId() {
		return this.parentCallId;
	}

	/**
	 * The id of the call that scheduled this one.
	 * @return the scheduling call's id, or {@code null}
	 */
	public String scheduledBy() {
		return this.scheduledBy;
	}

	/**
	 * Wall-clock start, epoch milliseconds.
	 * @return the start
	 */
	public long startedAt() {
		return this.startedAt;
	}

	@Override
	public boolean equals(Object obj) {
		if (this == obj) {
			return true;
		}
		if (!(obj instanceof CallHeader other)) {
			return false;
		}
		return Objects.equals(callId(), other.callId()) && Objects.equals(this.fnName, other.fnName)
				&& this.fnType == other.fnType && Objects.equals(this.userId, other.userId)
				&& Objects.equals(this.tenantId, other.tenantId)
				&& Objects.equals(this.parentCallId, other.parentCallId)
				&& Objects.equals(this.scheduledBy, other.scheduledBy) && this.startedAt == other.startedAt;
	}

	@Override
	public int hashCode() {
		return Objects.hash(callId(), this.fnName, this.fnType, this.userId, this.tenantId, this.parentCallId,
				this.scheduledBy, this.startedAt);
	}

	@Override
	public String toString() {
		return "callId=" + callId() + ", fnName=" + this.fnName + ", fnType=" + this.fnType + ", userId=" + this.userId
				+ ", tenantId=" + this.tenantId + ", parentCallId=" + this.parentCallId + ", scheduledBy="
				+ this.scheduledBy + ", startedAt=" + this.startedAt;
	}

}
